/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GBytes *iwd_sandbox_png_make_logo    (guint32  colour,
                                      guint    size);
GBytes *iwd_sandbox_png_make_corrupt (guint32  colour);

G_END_DECLS
