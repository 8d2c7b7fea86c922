/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

int iwd_cli_read_main (GStrv *args);

G_END_DECLS
