/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *iwd_logo_placeholder_initials (const char *name,
                                     const char *label);

void  iwd_logo_placeholder_color    (const char *name,
                                     double     *red,
                                     double     *green,
                                     double     *blue);

G_END_DECLS
