/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-table.h"

G_BEGIN_DECLS

#define IWD_TYPE_TABLE_MODEL (iwd_table_model_get_type ())

G_DECLARE_FINAL_TYPE (IwdTableModel, iwd_table_model, IWD, TABLE_MODEL, GObject)

IwdTableModel *iwd_table_model_new             (IwdTable      *table);
IwdTable      *iwd_table_model_get_table       (IwdTableModel *self);
guint          iwd_table_model_get_row         (IwdTableModel *self,
                                                guint          position);

void           iwd_table_model_sort            (IwdTableModel *self,
                                                guint          column,
                                                GtkSortType    sort_type);
void           iwd_table_model_sort_async      (IwdTableModel       *self,
                                                guint                column,
                                                GtkSortType          sort_type,
                                                GCancellable        *cancellable,
                                                GAsyncReadyCallback  callback,
                                                gpointer             user_data);
gboolean       iwd_table_model_sort_finish     (IwdTableModel       *self,
                                                GAsyncResult        *result,
                                                GError             **error);
void           iwd_table_model_unsort          (IwdTableModel *self);
void           iwd_table_model_set_load_order  (IwdTableModel *self,
                                                GtkSortType    sort_type);
gboolean       iwd_table_model_get_sort_column (IwdTableModel *self,
                                                guint         *out_column,
                                                GtkSortType   *out_sort_type);
GtkOrdering    iwd_table_model_compare_rows    (IwdTableModel *self,
                                                guint          column,
                                                guint          row_a,
                                                guint          row_b);

void           iwd_table_model_set_search      (IwdTableModel *self,
                                                const char    *text);
const char    *iwd_table_model_get_search      (IwdTableModel *self);
void           iwd_table_model_prepare_search_async  (IwdTableModel       *self,
                                                      GCancellable        *cancellable,
                                                      GAsyncReadyCallback  callback,
                                                      gpointer             user_data);
gboolean       iwd_table_model_prepare_search_finish (IwdTableModel       *self,
                                                      GAsyncResult        *result,
                                                      GError             **error);
void           iwd_table_model_set_column_filter (IwdTableModel *self,
                                                  guint          column,
                                                  const char    *text);
const char    *iwd_table_model_get_column_filter (IwdTableModel *self,
                                                  guint          column);

gboolean       iwd_table_model_sum_column      (IwdTableModel *self,
                                                guint          column,
                                                gint64        *out_total);
guint         *iwd_table_model_dup_rows        (IwdTableModel *self,
                                                guint         *out_n_rows);

G_END_DECLS
