/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The SQL of the history store. Each function runs on the caller's
 * thread and expects the caller to hold the connection alone. */

#include "iwd-history-queries.h"

#include <json-glib/json-glib.h>

#include "iwd-history-codec.h"
#include "iwd-history-database.h"
#include "iwd-history-error.h"

static const char * const kind_names[] = {
  "text", "integer", "decimal", "money", "date", "datetime", "boolean",
};

static sqlite3_stmt *
prepare (sqlite3     *db,
         const char  *sql,
         GError     **error)
{
  sqlite3_stmt *statement = NULL;
  int code = sqlite3_prepare_v2 (db, sql, -1, &statement, NULL);

  if (code != SQLITE_OK)
    {
      iwd_history_database_set_error (error, db, code, "prepare a history query");
      return NULL;
    }

  return statement;
}

static gboolean
step_done (sqlite3       *db,
           sqlite3_stmt  *statement,
           const char    *action,
           GError       **error)
{
  int code = sqlite3_step (statement);

  if (code != SQLITE_DONE)
    {
      iwd_history_database_set_error (error, db, code, action);
      return FALSE;
    }

  return TRUE;
}

/* The column schema, as JSON, so that the fetch list can show a fetch's
 * columns without decoding its table. */
static char *
describe_columns (IwdTable *table)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < iwd_table_get_n_columns (table); i++)
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "key");
      json_builder_add_string_value (builder, iwd_table_get_column_key (table, i));
      json_builder_set_member_name (builder, "kind");
      json_builder_add_string_value (builder, kind_names[iwd_table_get_column_kind (table, i)]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

static gboolean
insert_metadata (sqlite3                *db,
                 const IwdHistoryFetch  *fetch,
                 IwdTable               *table,
                 GError                **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autofree char *columns = describe_columns (table);

  statement = prepare (db, "INSERT INTO fetches (portfolio_id, profile_id, kind, call,"
                           " fetched_at, row_count, columns) VALUES (?, ?, ?, ?, ?, ?, ?)",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, fetch->portfolio_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, fetch->profile_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, iwd_history_kind_to_string (fetch->kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 4, fetch->call, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (statement, 5, fetch->fetched_at);
  sqlite3_bind_int64 (statement, 6, iwd_table_get_n_rows (table));
  sqlite3_bind_text (statement, 7, columns, -1, SQLITE_STATIC);

  return step_done (db, statement, "save a fetch", error);
}

static gboolean
insert_table (sqlite3   *db,
              gint64     fetch_id,
              GBytes    *data,
              GError   **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  gsize size;
  gconstpointer bytes = g_bytes_get_data (data, &size);

  statement = prepare (db, "INSERT INTO fetch_tables (fetch_id, format, data) VALUES (?, ?, ?)",
                       error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, fetch_id);
  sqlite3_bind_int (statement, 2, IWD_HISTORY_CODEC_VERSION);
  sqlite3_bind_blob64 (statement, 3, bytes, size, SQLITE_STATIC);

  return step_done (db, statement, "save a fetch's table", error);
}

static void
roll_back (sqlite3 *db)
{
  if (sqlite3_get_autocommit (db))
    return;

  if (sqlite3_exec (db, "ROLLBACK", NULL, NULL, NULL) != SQLITE_OK)
    g_message ("history: cannot roll back: %s", sqlite3_errmsg (db));
}

static IwdHistoryFetch *
read_fetch (sqlite3_stmt *statement)
{
  IwdHistoryFetch *fetch = g_new0 (IwdHistoryFetch, 1);
  const char *kind = (const char *) sqlite3_column_text (statement, 3);

  fetch->id = sqlite3_column_int64 (statement, 0);
  fetch->portfolio_id = g_strdup ((const char *) sqlite3_column_text (statement, 1));
  fetch->profile_id = g_strdup ((const char *) sqlite3_column_text (statement, 2));
  fetch->kind = g_strcmp0 (kind, "commissions") == 0 ? IWD_HISTORY_KIND_COMMISSIONS
                                                     : IWD_HISTORY_KIND_CONTRACTS;
  fetch->call = g_strdup ((const char *) sqlite3_column_text (statement, 4));
  fetch->fetched_at = sqlite3_column_int64 (statement, 5);
  fetch->row_count = sqlite3_column_int64 (statement, 6);

  return fetch;
}

/* Gives back the file's space and rewrites every page, then copies the
 * WAL into the file and empties it, so that deleted rows are left in
 * neither the file nor its -wal. */
static gboolean
vacuum (sqlite3  *db,
        GError  **error)
{
  int code;

  if (!iwd_history_database_exec (db, "VACUUM", error))
    return FALSE;

  code = sqlite3_wal_checkpoint_v2 (db, NULL, SQLITE_CHECKPOINT_TRUNCATE, NULL, NULL);
  if (code != SQLITE_OK)
    {
      iwd_history_database_set_error (error, db, code, "empty the history's write-ahead log");
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_history_queries_insert_fetch:
 * @db: a connection
 * @fetch: the fetch's metadata; its id and row count are ignored
 * @table: its rows
 * @error: return location for a #GError
 *
 * Stores a fetch and its table in one transaction.
 *
 * Returns: the new fetch's id, or 0 with @error set
 */
gint64
iwd_history_queries_insert_fetch (sqlite3                *db,
                                  const IwdHistoryFetch  *fetch,
                                  IwdTable               *table,
                                  GError                **error)
{
  g_autoptr(GBytes) data = iwd_history_codec_encode (table);
  gint64 fetch_id;

  if (!iwd_history_database_exec (db, "BEGIN IMMEDIATE", error))
    return 0;

  if (!insert_metadata (db, fetch, table, error))
    goto failed;

  fetch_id = sqlite3_last_insert_rowid (db);
  if (!insert_table (db, fetch_id, data, error)
      || !iwd_history_database_exec (db, "COMMIT", error))
    goto failed;

  return fetch_id;

failed:
  roll_back (db);
  return 0;
}

/**
 * iwd_history_queries_list_fetches:
 * @db: a connection
 * @portfolio_id: a portfolio
 * @kind: contracts or commissions
 * @profile_id: (nullable): the profile, or %NULL for fetches of a whole
 *   portfolio
 * @limit: the maximum number of fetches, or -1 for all
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IwdHistoryFetch): the matching
 *   fetches, newest first, or %NULL with @error set
 */
GPtrArray *
iwd_history_queries_list_fetches (sqlite3         *db,
                                  const char      *portfolio_id,
                                  IwdHistoryKind   kind,
                                  const char      *profile_id,
                                  int              limit,
                                  GError         **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  g_autoptr(GPtrArray) fetches = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_history_fetch_free);
  int code;

  statement = prepare (db, "SELECT id, portfolio_id, profile_id, kind, call, fetched_at, row_count"
                           " FROM fetches WHERE portfolio_id = ? AND kind = ? AND profile_id IS ?"
                           " ORDER BY fetched_at DESC, id DESC LIMIT ?",
                       error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_text (statement, 1, portfolio_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 2, iwd_history_kind_to_string (kind), -1, SQLITE_STATIC);
  sqlite3_bind_text (statement, 3, profile_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (statement, 4, limit);

  while ((code = sqlite3_step (statement)) == SQLITE_ROW)
    g_ptr_array_add (fetches, read_fetch (statement));

  if (code != SQLITE_DONE)
    {
      iwd_history_database_set_error (error, db, code, "list fetches");
      return NULL;
    }

  return g_steal_pointer (&fetches);
}

/**
 * iwd_history_queries_load_table:
 * @db: a connection
 * @fetch_id: a fetch's id
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the fetch's table, or %NULL with @error set,
 *   %IWD_HISTORY_ERROR_NOT_FOUND if no fetch has this id
 */
IwdTable *
iwd_history_queries_load_table (sqlite3  *db,
                                gint64    fetch_id,
                                GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int code;

  statement = prepare (db, "SELECT data FROM fetch_tables WHERE fetch_id = ?", error);
  if (statement == NULL)
    return NULL;

  sqlite3_bind_int64 (statement, 1, fetch_id);
  code = sqlite3_step (statement);
  if (code == SQLITE_DONE)
    {
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND,
                   "no stored fetch has id %" G_GINT64_FORMAT, fetch_id);
      return NULL;
    }
  if (code != SQLITE_ROW)
    {
      iwd_history_database_set_error (error, db, code, "load a fetch");
      return NULL;
    }

  return iwd_history_codec_decode (sqlite3_column_blob (statement, 0),
                                   sqlite3_column_bytes (statement, 0), error);
}

/**
 * iwd_history_queries_delete_before:
 * @db: a connection
 * @cutoff: Unix seconds; fetches made before it are deleted
 * @out_removed: (out) (optional): how many fetches were deleted
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
iwd_history_queries_delete_before (sqlite3  *db,
                                   gint64    cutoff,
                                   guint    *out_removed,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = prepare (db, "DELETE FROM fetches WHERE fetched_at < ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_int64 (statement, 1, cutoff);
  if (!step_done (db, statement, "delete old fetches", error))
    return FALSE;

  if (out_removed != NULL)
    *out_removed = sqlite3_changes (db);
  return TRUE;
}

/**
 * iwd_history_queries_forget_portfolio:
 * @db: a connection
 * @portfolio_id: a portfolio
 * @out_removed: (out) (optional): how many fetches were deleted
 * @error: return location for a #GError
 *
 * Deletes every fetch of @portfolio_id, then rewrites the file and empties
 * its WAL, so that none of the portfolio's bytes remain on disk.
 *
 * Returns: %TRUE on success
 */
gboolean
iwd_history_queries_forget_portfolio (sqlite3     *db,
                                      const char  *portfolio_id,
                                      guint       *out_removed,
                                      GError     **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;

  statement = prepare (db, "DELETE FROM fetches WHERE portfolio_id = ?", error);
  if (statement == NULL)
    return FALSE;

  sqlite3_bind_text (statement, 1, portfolio_id, -1, SQLITE_STATIC);
  if (!step_done (db, statement, "forget a portfolio", error))
    return FALSE;

  if (out_removed != NULL)
    *out_removed = sqlite3_changes (db);
  g_clear_pointer (&statement, sqlite3_finalize);

  return vacuum (db, error);
}
