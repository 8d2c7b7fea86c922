/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Opening the history database: its file mode, its pragmas and its
 * tables. A fetch's rows are one BLOB in fetch_tables (see
 * iwd-history-codec.c), apart from its metadata in fetches, so that
 * listing fetches never reads the tables.
 */

#include "iwd-history-database.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <unistd.h>

#include "iwd-history-error.h"

/* How many SQLite virtual machine steps run between two checks of the
 * cancellable. */
#define PROGRESS_STEPS 1000
#define BUSY_TIMEOUT_MS 5000

/*
 * synchronous=FULL: in WAL mode, NORMAL keeps the database consistent
 * after a crash of the application but may lose the last commits on a
 * power failure, which would make a fetch that IWDesk reported as saved
 * disappear. FULL syncs the WAL at each commit. A fetch is a few commits
 * a day, so the extra fsync costs nothing a broker notices.
 *
 * secure_delete=ON zeroes deleted content, so that a forgotten portfolio
 * does not linger in free pages even before the VACUUM that follows.
 *
 * journal_size_limit: a fetch of 100,000 contracts is an 18 MB commit,
 * and without a limit the WAL keeps that size on disk after each
 * checkpoint. The limit truncates it back to 8 MiB.
 */
static const char * const pragmas =
  "PRAGMA journal_mode = WAL;"
  "PRAGMA synchronous = FULL;"
  "PRAGMA foreign_keys = ON;"
  "PRAGMA secure_delete = ON;"
  "PRAGMA journal_size_limit = 8388608;";

static const char * const schema =
  "CREATE TABLE IF NOT EXISTS fetches ("
  "  id INTEGER PRIMARY KEY,"
  "  portfolio_id TEXT NOT NULL,"
  "  profile_id TEXT,"
  "  kind TEXT NOT NULL CHECK (kind IN ('contracts', 'commissions')),"
  "  call TEXT NOT NULL,"
  "  fetched_at INTEGER NOT NULL,"
  "  row_count INTEGER NOT NULL,"
  "  columns TEXT NOT NULL"
  ");"
  "CREATE INDEX IF NOT EXISTS fetches_by_portfolio"
  "  ON fetches (portfolio_id, kind, profile_id, fetched_at);"
  "CREATE INDEX IF NOT EXISTS fetches_by_date ON fetches (fetched_at);"
  "CREATE TABLE IF NOT EXISTS fetch_tables ("
  "  fetch_id INTEGER PRIMARY KEY REFERENCES fetches (id) ON DELETE CASCADE,"
  "  format INTEGER NOT NULL,"
  "  data BLOB NOT NULL"
  ");"
  "PRAGMA user_version = 1;";

static int
on_progress (void *data)
{
  return g_cancellable_is_cancelled (data) ? 1 : 0;
}

/* Creates the file with mode 0600 before SQLite opens it, because SQLite
 * would create it with the umask's mode. SQLite 3.40's unix VFS gives the
 * -wal and -shm files the main file's mode, which the file-mode test
 * checks. An existing file is set to 0600 too. */
static gboolean
create_private_file (const char  *path,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_DATABASE,
                   "cannot create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0 || fchmod (fd, 0600) != 0)
    {
      int saved_errno = errno;

      if (fd >= 0)
        close (fd);
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_DATABASE,
                   "cannot create %s with mode 0600: %s", path, g_strerror (saved_errno));
      return FALSE;
    }

  close (fd);
  return TRUE;
}

static gboolean
check_version (sqlite3  *db,
               GError  **error)
{
  g_autoptr(sqlite3_stmt) statement = NULL;
  int version = 0;

  if (sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &statement, NULL) == SQLITE_OK
      && sqlite3_step (statement) == SQLITE_ROW)
    version = sqlite3_column_int (statement, 0);

  if (version > IWD_HISTORY_DATABASE_VERSION)
    {
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_DATABASE,
                   "the history database has layout %d, newer than this build's %d",
                   version, IWD_HISTORY_DATABASE_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_history_database_open:
 * @path: the database file; missing folders are created with mode 0700
 * @error: return location for a #GError
 *
 * Opens or creates the history database with mode 0600, in WAL mode with
 * full syncs and foreign keys, and creates its tables if missing.
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
sqlite3 *
iwd_history_database_open (const char  *path,
                           GError     **error)
{
  g_autoptr(sqlite3) db = NULL;
  int code;

  if (!create_private_file (path, error))
    return NULL;

  code = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (code != SQLITE_OK)
    {
      iwd_history_database_set_error (error, db, code, "open the history database");
      return NULL;
    }

  sqlite3_busy_timeout (db, BUSY_TIMEOUT_MS);
  if (!iwd_history_database_exec (db, pragmas, error)
      || !check_version (db, error)
      || !iwd_history_database_exec (db, schema, error))
    return NULL;

  return g_steal_pointer (&db);
}

/**
 * iwd_history_database_exec:
 * @db: a connection
 * @sql: statements without parameters
 * @error: return location for a #GError
 *
 * Returns: %TRUE if every statement ran
 */
gboolean
iwd_history_database_exec (sqlite3     *db,
                           const char  *sql,
                           GError     **error)
{
  int code = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (code != SQLITE_OK)
    {
      iwd_history_database_set_error (error, db, code, "update the history database");
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_history_database_set_error:
 * @error: return location for a #GError
 * @db: (nullable): the connection that failed
 * @code: the SQLite result code
 * @action: what failed, as "load a fetch"
 *
 * Sets %G_IO_ERROR_CANCELLED for an operation that
 * iwd_history_database_watch_cancel() interrupted, and otherwise
 * %IWD_HISTORY_ERROR_DATABASE with SQLite's message.
 */
void
iwd_history_database_set_error (GError     **error,
                                sqlite3     *db,
                                int          code,
                                const char  *action)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);

  if (code == SQLITE_INTERRUPT)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED, "operation was cancelled");
  else
    g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_DATABASE,
                 "cannot %s: %s", action, message);
}

/**
 * iwd_history_database_watch_cancel:
 * @db: a connection
 * @cancellable: (nullable): the cancellable of the next statements, or
 *   %NULL to stop watching
 *
 * Makes the statements that follow fail with SQLITE_INTERRUPT soon after
 * @cancellable is cancelled.
 */
void
iwd_history_database_watch_cancel (sqlite3      *db,
                                   GCancellable *cancellable)
{
  if (cancellable == NULL)
    sqlite3_progress_handler (db, 0, NULL, NULL);
  else
    sqlite3_progress_handler (db, PROGRESS_STEPS, on_progress, cancellable);
}
