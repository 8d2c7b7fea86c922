/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-export.h"
#include "iwd-table-model.h"

G_BEGIN_DECLS

#define IWD_TYPE_TABLE_VIEW (iwd_table_view_get_type ())

G_DECLARE_FINAL_TYPE (IwdTableView, iwd_table_view, IWD, TABLE_VIEW, GtkWidget)

GtkWidget     *iwd_table_view_new             (void);
void           iwd_table_view_set_table       (IwdTableView *self,
                                               IwdTable     *table);
IwdTableModel *iwd_table_view_get_model       (IwdTableView *self);
GtkColumnView *iwd_table_view_get_column_view (IwdTableView *self);
const char    *iwd_table_view_get_table_kind  (IwdTableView *self);

void           iwd_table_view_export_async    (IwdTableView        *self,
                                               IwdExportFormat      format,
                                               GFile               *destination,
                                               GCancellable        *cancellable,
                                               GAsyncReadyCallback  callback,
                                               gpointer             user_data);
gboolean       iwd_table_view_export_finish   (IwdTableView        *self,
                                               GAsyncResult        *result,
                                               GError             **error);

G_END_DECLS
