/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-history-store.h"

G_BEGIN_DECLS

gint64     history_test_store_save    (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       IwdTable        *table,
                                       GDateTime       *fetched_at,
                                       GError         **error);
gint64     history_test_store_save_full (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       const char      *profile_id,
                                       IwdHistoryKind   kind,
                                       const char      *call,
                                       IwdTable        *table,
                                       GCancellable    *cancellable,
                                       GError         **error);
GPtrArray *history_test_store_list    (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       GError         **error);
GPtrArray *history_test_store_list_for (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       IwdHistoryKind   kind,
                                       const char      *profile_id,
                                       GError         **error);
IwdTable  *history_test_store_load    (IwdHistoryStore *store,
                                       gint64           fetch_id,
                                       GError         **error);
IwdTable  *history_test_store_latest  (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       GError         **error);
guint      history_test_store_purge   (IwdHistoryStore *store,
                                       guint            retention_days,
                                       GError         **error);
gboolean   history_test_store_forget  (IwdHistoryStore *store,
                                       const char      *portfolio_id,
                                       GError         **error);

G_END_DECLS
