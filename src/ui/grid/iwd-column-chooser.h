/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* The name of the GtkColumnViewColumn data that stores the table
 * column's key, by which the chooser remembers hidden columns. */
#define IWD_COLUMN_CHOOSER_KEY_DATA "iwd-column-key"

#define IWD_TYPE_COLUMN_CHOOSER (iwd_column_chooser_get_type ())

G_DECLARE_FINAL_TYPE (IwdColumnChooser, iwd_column_chooser, IWD, COLUMN_CHOOSER, GtkWidget)

GtkWidget *iwd_column_chooser_new         (void);
void       iwd_column_chooser_set_columns (IwdColumnChooser *self,
                                           GtkColumnView    *column_view,
                                           const char       *table_kind);

G_END_DECLS
