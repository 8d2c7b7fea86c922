/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The history store on a database in a temporary folder: fetches saved,
 * listed, reopened by a new store, purged and forgotten, with the file's
 * mode and bytes checked on disk. */

/* For memmem(). */
#define _GNU_SOURCE

#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <sys/stat.h>

#include "history-test-store.h"
#include "history-test-table.h"
#include "iwd-test-objects.h"

#define SECONDS_PER_DAY 86400

typedef struct {
  char            *dir;
  char            *path;
  IwdHistoryStore *store;
} Fixture;

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->dir = g_dir_make_tmp ("iwd-history-XXXXXX", &error);
  g_assert_no_error (error);
  f->path = g_build_filename (f->dir, "accounts", "broker", "history.sqlite3", NULL);
  f->store = iwd_history_store_new (f->path);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->store != NULL)
    iwd_test_assert_finalized_soon (g_steal_pointer (&f->store));
  remove_tree (f->dir);
  g_free (f->path);
  g_free (f->dir);
}

static void
reopen_store (Fixture *f)
{
  iwd_test_assert_finalized_soon (g_steal_pointer (&f->store));
  f->store = iwd_history_store_new (f->path);
}

static GDateTime *
new_days_ago (guint days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_add_seconds (now, -(gdouble) days * SECONDS_PER_DAY);
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, text, strlen (text)) != NULL;
}

static gboolean
database_files_contain (const char *path,
                        const char *text)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);

  return file_contains (path, text) || file_contains (wal, text) || file_contains (shm, text);
}

static IwdTable *
new_table_with_client (const char *client)
{
  static const char * const keys[] = { "police.numero_police_cie", "client.prenom", "police.prime", NULL };
  const char * const cells[] = { "Q1", client, "12.34", "Q2", "Joël", "" };

  return history_test_table_new (keys, cells, 2);
}

static void
test_store_reopen (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (300, 1);
  g_autoptr(IwdTable) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fetch_id;

  fetch_id = history_test_store_save (f->store, "PTF1", table, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (fetch_id, >, 0);

  reopen_store (f);
  loaded = history_test_store_load (f->store, fetch_id, &error);

  g_assert_no_error (error);
  history_test_table_assert_equal (table, loaded);
}

static void
test_store_list (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (3, 1);
  g_autoptr(GDateTime) week_ago = new_days_ago (7);
  g_autoptr(GDateTime) day_ago = new_days_ago (1);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 older, newer, other;
  IwdHistoryFetch *first;

  older = history_test_store_save (f->store, "PTF1", table, week_ago, &error);
  newer = history_test_store_save (f->store, "PTF1", table, day_ago, &error);
  other = history_test_store_save (f->store, "PTF2", table, NULL, &error);
  g_assert_no_error (error);

  fetches = history_test_store_list (f->store, "PTF1", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fetches->len, ==, 2);
  first = g_ptr_array_index (fetches, 0);
  g_assert_cmpint (first->id, ==, newer);
  g_assert_cmpint (first->fetched_at, ==, g_date_time_to_unix (day_ago));
  g_assert_cmpuint (first->row_count, ==, 3);
  g_assert_cmpstr (first->portfolio_id, ==, "PTF1");
  g_assert_null (first->profile_id);
  g_assert_cmpint (first->kind, ==, IWD_HISTORY_KIND_CONTRACTS);
  g_assert_cmpstr (first->call, ==, "Robot/PTF/PTF1/Contrats");
  g_assert_cmpint (((IwdHistoryFetch *) g_ptr_array_index (fetches, 1))->id, ==, older);
  g_assert_cmpint (other, !=, newer);
}

static void
test_store_profiles_apart (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autoptr(GPtrArray) portfolio_fetches = NULL;
  g_autoptr(GPtrArray) profile_fetches = NULL;
  g_autoptr(GPtrArray) commission_fetches = NULL;
  g_autoptr(GError) error = NULL;

  history_test_store_save (f->store, "PTF1", table, NULL, &error);
  history_test_store_save_full (f->store, "PTF1", "AZ1", IWD_HISTORY_KIND_COMMISSIONS,
                                "Robot/PTF/PTF1/AZ1/Commissions", table, NULL, &error);
  g_assert_no_error (error);

  portfolio_fetches = history_test_store_list (f->store, "PTF1", &error);
  profile_fetches = history_test_store_list_for (f->store, "PTF1", IWD_HISTORY_KIND_CONTRACTS,
                                                 "AZ1", &error);
  commission_fetches = history_test_store_list_for (f->store, "PTF1",
                                                    IWD_HISTORY_KIND_COMMISSIONS, "AZ1", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (portfolio_fetches->len, ==, 1);
  g_assert_cmpuint (profile_fetches->len, ==, 0);
  g_assert_cmpuint (commission_fetches->len, ==, 1);
  g_assert_cmpstr (((IwdHistoryFetch *) g_ptr_array_index (commission_fetches, 0))->profile_id,
                   ==, "AZ1");
  g_assert_cmpint (((IwdHistoryFetch *) g_ptr_array_index (commission_fetches, 0))->kind,
                   ==, IWD_HISTORY_KIND_COMMISSIONS);
}

static void
test_store_query_dropped (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (1, 1);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  history_test_store_save_full (f->store, "PTF1", NULL, IWD_HISTORY_KIND_CONTRACTS,
                                "Robot/PTF/PTF1/Contrats?login=broker&pass=x", table, NULL, &error);
  g_assert_no_error (error);
  fetches = history_test_store_list (f->store, "PTF1", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fetches->len, ==, 1);
  g_assert_cmpstr (((IwdHistoryFetch *) g_ptr_array_index (fetches, 0))->call, ==,
                   "Robot/PTF/PTF1/Contrats");
}

static void
test_store_latest (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IwdTable) old_table = history_test_table_contracts (4, 1);
  g_autoptr(IwdTable) new_table = history_test_table_contracts (5, 3);
  g_autoptr(GDateTime) day_ago = new_days_ago (1);
  g_autoptr(IwdTable) latest = NULL;
  g_autoptr(GError) error = NULL;

  /* Saved last but fetched first: the date decides, not the order. */
  history_test_store_save (f->store, "PTF1", new_table, NULL, &error);
  history_test_store_save (f->store, "PTF1", old_table, day_ago, &error);
  g_assert_no_error (error);

  latest = history_test_store_latest (f->store, "PTF1", &error);

  g_assert_no_error (error);
  history_test_table_assert_equal (new_table, latest);
}

static void
test_store_not_found (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) latest_error = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(IwdTable) latest = history_test_store_latest (f->store, "PTF9", &latest_error);
  g_autoptr(IwdTable) loaded = history_test_store_load (f->store, 12345, &load_error);

  g_assert_null (latest);
  g_assert_error (latest_error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND);
  g_assert_null (loaded);
  g_assert_error (load_error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND);
}

static void
test_store_purge (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autoptr(GDateTime) four_years_ago = new_days_ago (4 * 365);
  g_autoptr(GDateTime) two_years_ago = new_days_ago (2 * 365);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 kept;
  guint removed;

  history_test_store_save (f->store, "PTF1", table, four_years_ago, &error);
  history_test_store_save (f->store, "PTF2", table, four_years_ago, &error);
  kept = history_test_store_save (f->store, "PTF1", table, two_years_ago, &error);
  g_assert_no_error (error);

  removed = history_test_store_purge (f->store, IWD_HISTORY_DEFAULT_RETENTION_DAYS, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (removed, ==, 2);
  fetches = history_test_store_list (f->store, "PTF1", &error);
  g_assert_cmpuint (fetches->len, ==, 1);
  g_assert_cmpint (((IwdHistoryFetch *) g_ptr_array_index (fetches, 0))->id, ==, kept);
  g_clear_pointer (&fetches, g_ptr_array_unref);
  fetches = history_test_store_list (f->store, "PTF2", &error);
  g_assert_cmpuint (fetches->len, ==, 0);
}

/* The purged fetch's table goes with it, by the foreign key. */
static void
test_store_purge_tables (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autoptr(GDateTime) four_years_ago = new_days_ago (4 * 365);
  g_autoptr(IwdTable) loaded = NULL;
  g_autoptr(GError) error = NULL;
  gint64 purged;

  purged = history_test_store_save (f->store, "PTF1", table, four_years_ago, &error);
  history_test_store_purge (f->store, 30, &error);
  g_assert_no_error (error);

  loaded = history_test_store_load (f->store, purged, &error);

  g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND);
}

static void
test_store_forget (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(IwdTable) secret = new_table_with_client ("Zéphyrine-Quimper");
  g_autoptr(IwdTable) other_table = new_table_with_client ("Bérénice-Vannes");
  g_autoptr(IwdTable) loaded = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 3; i++)
    history_test_store_save (f->store, "PTF-OUBLI-7731", secret, NULL, &error);
  history_test_store_save (f->store, "PTF-GARDE", other_table, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (database_files_contain (f->path, "PTF-OUBLI-7731"));
  g_assert_true (database_files_contain (f->path, "Zéphyrine-Quimper"));

  history_test_store_forget (f->store, "PTF-OUBLI-7731", &error);

  g_assert_no_error (error);
  g_assert_false (database_files_contain (f->path, "PTF-OUBLI-7731"));
  g_assert_false (database_files_contain (f->path, "Zéphyrine-Quimper"));
  fetches = history_test_store_list (f->store, "PTF-OUBLI-7731", &error);
  g_assert_cmpuint (fetches->len, ==, 0);
  loaded = history_test_store_latest (f->store, "PTF-GARDE", &error);
  g_assert_no_error (error);
  history_test_table_assert_equal (other_table, loaded);

  reopen_store (f);
  g_assert_false (database_files_contain (f->path, "PTF-OUBLI-7731"));
  g_assert_false (database_files_contain (f->path, "Zéphyrine-Quimper"));
}

static void
assert_private (const char *path)
{
  GStatBuf status;

  g_assert_cmpint (g_stat (path, &status), ==, 0);
  g_assert_cmpint (status.st_mode & 0777, ==, 0600);
}

static void
test_store_file_mode (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autofree char *wal = g_strconcat (f->path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (f->path, "-shm", NULL);
  g_autoptr(GError) error = NULL;
  mode_t old_mask = umask (0022);

  history_test_store_save (f->store, "PTF1", table, NULL, &error);
  umask (old_mask);

  g_assert_no_error (error);
  assert_private (f->path);
  assert_private (wal);
  assert_private (shm);
}

/* An existing file readable by others is made private at open. */
static void
test_store_existing_file_mode (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autofree char *folder = g_path_get_dirname (f->path);
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (folder, 0700);
  g_file_set_contents (f->path, "", 0, &error);
  g_chmod (f->path, 0644);
  history_test_store_save (f->store, "PTF1", table, NULL, &error);

  g_assert_no_error (error);
  assert_private (f->path);
}

static void
test_store_journal (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  sqlite3_stmt *statement = NULL;

  history_test_store_save (f->store, "PTF1", table, NULL, &error);
  g_assert_no_error (error);

  g_assert_cmpint (sqlite3_open_v2 (f->path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA journal_mode", -1, &statement, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (statement), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (statement, 0), ==, "wal");
  sqlite3_finalize (statement);
  sqlite3_close (db);
}

static void
test_store_cancelled (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(IwdTable) table = history_test_table_contracts (2, 1);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fetch_id;

  g_cancellable_cancel (cancellable);
  fetch_id = history_test_store_save_full (f->store, "PTF1", NULL, IWD_HISTORY_KIND_CONTRACTS,
                                           "Robot/PTF/PTF1/Contrats", table, cancellable, &error);

  g_assert_cmpint (fetch_id, ==, 0);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);
  fetches = history_test_store_list (f->store, "PTF1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (fetches->len, ==, 0);
}

static void
test_store_bad_path (Fixture       *f,
                     gconstpointer  data)
{
  g_autofree char *file = g_build_filename (f->dir, "plain-file", NULL);
  g_autofree char *path = g_build_filename (file, "history.sqlite3", NULL);
  g_autoptr(IwdHistoryStore) store = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (file, "", 0, NULL);
  store = iwd_history_store_new (path);
  fetches = history_test_store_list (store, "PTF1", &error);

  g_assert_null (fetches);
  g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_DATABASE);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/history/store/reopen", test_store_reopen);
  ADD_TEST ("/history/store/list", test_store_list);
  ADD_TEST ("/history/store/profiles-apart", test_store_profiles_apart);
  ADD_TEST ("/history/store/query-dropped", test_store_query_dropped);
  ADD_TEST ("/history/store/latest", test_store_latest);
  ADD_TEST ("/history/store/not-found", test_store_not_found);
  ADD_TEST ("/history/store/purge", test_store_purge);
  ADD_TEST ("/history/store/purge-tables", test_store_purge_tables);
  ADD_TEST ("/history/store/forget", test_store_forget);
  ADD_TEST ("/history/store/file-mode", test_store_file_mode);
  ADD_TEST ("/history/store/existing-file-mode", test_store_existing_file_mode);
  ADD_TEST ("/history/store/journal", test_store_journal);
  ADD_TEST ("/history/store/cancelled", test_store_cancelled);
  ADD_TEST ("/history/store/bad-path", test_store_bad_path);

  return g_test_run ();
}
