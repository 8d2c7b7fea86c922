/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-history-error.h"
#include "iwd-history-fetch.h"
#include "iwd-table.h"

G_BEGIN_DECLS

/* The retention-days setting's default: three years. */
#define IWD_HISTORY_DEFAULT_RETENTION_DAYS 1095

#define IWD_TYPE_HISTORY_STORE (iwd_history_store_get_type ())

G_DECLARE_FINAL_TYPE (IwdHistoryStore, iwd_history_store, IWD, HISTORY_STORE, GObject)

IwdHistoryStore *iwd_history_store_new                     (const char           *path);
const char      *iwd_history_store_get_path                (IwdHistoryStore      *self);

void             iwd_history_store_save_fetch_async        (IwdHistoryStore      *self,
                                                            const char           *portfolio_id,
                                                            const char           *profile_id,
                                                            IwdHistoryKind        kind,
                                                            const char           *call,
                                                            GDateTime            *fetched_at,
                                                            IwdTable             *table,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gint64           iwd_history_store_save_fetch_finish       (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void             iwd_history_store_list_fetches_async      (IwdHistoryStore      *self,
                                                            const char           *portfolio_id,
                                                            IwdHistoryKind        kind,
                                                            const char           *profile_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
GPtrArray       *iwd_history_store_list_fetches_finish     (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void             iwd_history_store_load_fetch_async        (IwdHistoryStore      *self,
                                                            gint64                fetch_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
IwdTable        *iwd_history_store_load_fetch_finish       (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

void             iwd_history_store_load_latest_async       (IwdHistoryStore      *self,
                                                            const char           *portfolio_id,
                                                            IwdHistoryKind        kind,
                                                            const char           *profile_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
IwdTable        *iwd_history_store_load_latest_finish      (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            IwdHistoryFetch     **out_fetch,
                                                            GError              **error);

void             iwd_history_store_purge_older_than_async  (IwdHistoryStore      *self,
                                                            guint                 retention_days,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean         iwd_history_store_purge_older_than_finish (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            guint                *out_removed,
                                                            GError              **error);

void             iwd_history_store_forget_portfolio_async  (IwdHistoryStore      *self,
                                                            const char           *portfolio_id,
                                                            GCancellable         *cancellable,
                                                            GAsyncReadyCallback   callback,
                                                            gpointer              user_data);
gboolean         iwd_history_store_forget_portfolio_finish (IwdHistoryStore      *self,
                                                            GAsyncResult         *result,
                                                            GError              **error);

G_END_DECLS
