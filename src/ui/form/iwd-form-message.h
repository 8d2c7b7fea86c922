/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

GtkWidget  *iwd_form_message_row_new (void);
void        iwd_form_message_show    (GtkWidget  *row,
                                      GtkWidget  *message_row,
                                      const char *message);
const char *iwd_form_message_get     (GtkWidget  *message_row);

G_END_DECLS
