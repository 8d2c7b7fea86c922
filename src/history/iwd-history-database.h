/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <sqlite3.h>

G_BEGIN_DECLS

/* The layout that iwd_history_database_open() creates, in PRAGMA
 * user_version. */
#define IWD_HISTORY_DATABASE_VERSION 1

sqlite3  *iwd_history_database_open        (const char    *path,
                                            GError       **error);
gboolean  iwd_history_database_exec        (sqlite3       *db,
                                            const char    *sql,
                                            GError       **error);
void      iwd_history_database_set_error   (GError       **error,
                                            sqlite3       *db,
                                            int            code,
                                            const char    *action);
void      iwd_history_database_watch_cancel (sqlite3      *db,
                                            GCancellable  *cancellable);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3, sqlite3_close)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
