/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-client.h"
#include "iwd-history-diff.h"
#include "iwd-history-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_PORTFOLIO_DATA (iwd_portfolio_data_get_type ())

G_DECLARE_FINAL_TYPE (IwdPortfolioData, iwd_portfolio_data, IWD, PORTFOLIO_DATA, GObject)

IwdPortfolioData *iwd_portfolio_data_new             (IwdClient             *client,
                                                      IwdHistoryStore       *store,
                                                      const char            *portfolio_id,
                                                      IwdHistoryKind         kind,
                                                      const char            *profile_id);

const char       *iwd_portfolio_data_get_portfolio_id (IwdPortfolioData     *self);
const char       *iwd_portfolio_data_get_profile_id  (IwdPortfolioData      *self);
IwdHistoryKind    iwd_portfolio_data_get_kind        (IwdPortfolioData      *self);
IwdHistoryStore  *iwd_portfolio_data_get_store       (IwdPortfolioData      *self);
IwdTable         *iwd_portfolio_data_get_table       (IwdPortfolioData      *self);
GDateTime        *iwd_portfolio_data_get_fetched_at  (IwdPortfolioData      *self);
gboolean          iwd_portfolio_data_get_offline     (IwdPortfolioData      *self);
gboolean          iwd_portfolio_data_get_loading     (IwdPortfolioData      *self);

void              iwd_portfolio_data_load_async      (IwdPortfolioData      *self,
                                                      GFileProgressCallback  progress_callback,
                                                      gpointer               progress_data,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean          iwd_portfolio_data_load_finish     (IwdPortfolioData      *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);

void              iwd_portfolio_data_list_fetches_async  (IwdPortfolioData  *self,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
GPtrArray        *iwd_portfolio_data_list_fetches_finish (IwdPortfolioData  *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);

void              iwd_portfolio_data_set_value_formatter (IwdPortfolioData        *self,
                                                          IwdHistoryValueFormatter format_value);
void              iwd_portfolio_data_compare_async   (IwdPortfolioData      *self,
                                                      gint64                 fetch_a,
                                                      gint64                 fetch_b,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
IwdTable         *iwd_portfolio_data_compare_finish  (IwdPortfolioData      *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);

void              iwd_portfolio_data_forget_async    (IwdPortfolioData      *self,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean          iwd_portfolio_data_forget_finish   (IwdPortfolioData      *self,
                                                      GAsyncResult          *result,
                                                      GError               **error);

void              iwd_portfolio_data_purge_async     (IwdHistoryStore       *store,
                                                      GSettings             *settings,
                                                      GCancellable          *cancellable,
                                                      GAsyncReadyCallback    callback,
                                                      gpointer               user_data);
gboolean          iwd_portfolio_data_purge_finish    (GAsyncResult          *result,
                                                      guint                 *out_removed,
                                                      GError               **error);

G_END_DECLS
