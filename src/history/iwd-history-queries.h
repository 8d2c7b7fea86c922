/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <sqlite3.h>

#include "iwd-history-fetch.h"
#include "iwd-table.h"

G_BEGIN_DECLS

gint64     iwd_history_queries_insert_fetch     (sqlite3                *db,
                                                 const IwdHistoryFetch  *fetch,
                                                 IwdTable               *table,
                                                 GError                **error);
GPtrArray *iwd_history_queries_list_fetches     (sqlite3                *db,
                                                 const char             *portfolio_id,
                                                 IwdHistoryKind          kind,
                                                 const char             *profile_id,
                                                 int                     limit,
                                                 GError                **error);
IwdTable  *iwd_history_queries_load_table       (sqlite3                *db,
                                                 gint64                  fetch_id,
                                                 GError                **error);
gboolean   iwd_history_queries_delete_before    (sqlite3                *db,
                                                 gint64                  cutoff,
                                                 guint                  *out_removed,
                                                 GError                **error);
gboolean   iwd_history_queries_forget_portfolio (sqlite3                *db,
                                                 const char             *portfolio_id,
                                                 guint                  *out_removed,
                                                 GError                **error);

G_END_DECLS
