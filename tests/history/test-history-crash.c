/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The history database survives a crash during a write. A helper
 * process saves fetches in a loop and is killed with SIGKILL at random
 * moments, 20 times. The database must then pass SQLite's integrity
 * check, and every fetch it lists must load. */

#include <glib/gstdio.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "history-test-store.h"

#define N_KILLS 20
#define ROWS_PER_FETCH 2000
#define MAX_KILL_DELAY_MS 120

/* The first line means the database exists and one fetch is saved, so
 * that at least one fetch must survive the kills that follow. */
static void
wait_for_first_line (int output)
{
  char byte;

  g_assert_cmpint (read (output, &byte, 1), ==, 1);
}

static void
run_and_kill (const char *path,
              gboolean    wait_for_output)
{
  const char *argv[] = { HISTORY_CRASH_WRITER, path, NULL };
  g_autoptr(GError) error = NULL;
  GPid pid;
  int output;
  int status;

  g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL,
                            &pid, NULL, &output, NULL, &error);
  g_assert_no_error (error);

  if (wait_for_output)
    wait_for_first_line (output);
  g_usleep (g_test_rand_int_range (0, MAX_KILL_DELAY_MS) * 1000);

  g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status));
  g_spawn_close_pid (pid);
  close (output);
}

static void
assert_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &statement, NULL),
                   ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "ok");
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

static void
assert_every_fetch_loads (const char *path)
{
  g_autoptr(IwdHistoryStore) store = iwd_history_store_new (path);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fetches = history_test_store_list (store, "PTF1", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fetches->len, >=, 1);

  for (guint i = 0; i < fetches->len; i++)
    {
      IwdHistoryFetch *fetch = g_ptr_array_index (fetches, i);
      g_autoptr(IwdTable) table = history_test_store_load (store, fetch->id, &error);

      g_assert_no_error (error);
      g_assert_cmpuint (fetch->row_count, ==, ROWS_PER_FETCH);
      g_assert_cmpuint (iwd_table_get_n_rows (table), ==, ROWS_PER_FETCH);
    }

  g_test_message ("%u fetches survived %d kills", fetches->len, N_KILLS);
}

static void
remove_database (const char *dir,
                 const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }

  g_rmdir (dir);
}

static void
test_crash_sigkill (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("iwd-history-crash-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "history.sqlite3", NULL);

  g_assert_no_error (error);

  for (guint kill_index = 0; kill_index < N_KILLS; kill_index++)
    run_and_kill (path, kill_index == 0);

  assert_integrity (path);
  assert_every_fetch_loads (path);
  remove_database (dir, path);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/crash/sigkill", test_crash_sigkill);

  return g_test_run ();
}
