/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-table.h"

G_BEGIN_DECLS

#define IWD_TYPE_ROW_DETAILS (iwd_row_details_get_type ())

G_DECLARE_FINAL_TYPE (IwdRowDetails, iwd_row_details, IWD, ROW_DETAILS, GtkWidget)

GtkWidget *iwd_row_details_new         (void);
void       iwd_row_details_set_row     (IwdRowDetails *self,
                                        IwdTable      *table,
                                        guint          row);
char      *iwd_row_details_format_cell (IwdTable      *table,
                                        guint          row,
                                        guint          column);

G_END_DECLS
