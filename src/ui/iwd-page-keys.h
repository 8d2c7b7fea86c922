/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

gboolean iwd_page_keys_run (GtkWidget  *page,
                            const char *key);

G_END_DECLS
