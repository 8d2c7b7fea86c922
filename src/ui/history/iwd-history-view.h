/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-portfolio-data.h"
#include "iwd-table-view.h"

G_BEGIN_DECLS

#define IWD_TYPE_HISTORY_VIEW (iwd_history_view_get_type ())

G_DECLARE_FINAL_TYPE (IwdHistoryView, iwd_history_view, IWD, HISTORY_VIEW, GtkWidget)

GtkWidget        *iwd_history_view_new            (IwdPortfolioData *data);
IwdPortfolioData *iwd_history_view_get_data       (IwdHistoryView   *self);

void              iwd_history_view_reload         (IwdHistoryView   *self);
gboolean          iwd_history_view_select_fetches (IwdHistoryView   *self,
                                                   guint             previous,
                                                   guint             current);
GPtrArray        *iwd_history_view_get_fetches    (IwdHistoryView   *self);
const char       *iwd_history_view_get_page       (IwdHistoryView   *self);
IwdTable         *iwd_history_view_get_differences (IwdHistoryView  *self);
IwdTableView     *iwd_history_view_get_table_view (IwdHistoryView   *self);

void              iwd_history_view_export_async   (IwdHistoryView      *self,
                                                   IwdExportFormat      format,
                                                   GFile               *destination,
                                                   GCancellable        *cancellable,
                                                   GAsyncReadyCallback  callback,
                                                   gpointer             user_data);
gboolean          iwd_history_view_export_finish  (IwdHistoryView      *self,
                                                   GAsyncResult        *result,
                                                   GError             **error);

G_END_DECLS
