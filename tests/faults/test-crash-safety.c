/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Kills faults-crash-worker with SIGKILL at random moments while it saves
 * an account's state or exports a table in a loop. The state file must
 * always load, as the last save that completed, and the final name of an
 * export must contain a complete file. A ".part" file left beside it is
 * allowed, as iwd_export_table() documents, and counted. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "iwd-account-state.h"
#include "iwd-export.h"
#include "iwd-test-export.h"

#define KILLS 100
#define MAX_KILL_DELAY_MS 20
#define EXPORT_ROWS 5000

typedef struct {
  char *folder;
  guint last_reported;  /* the last count that the worker printed */
} Fixture;

/* Reads the worker's lines until end of file, keeping the last count. */
static void
read_reported_counts (GDataInputStream *lines,
                      Fixture          *f)
{
  g_autoptr(GError) error = NULL;
  char *line;

  while ((line = g_data_input_stream_read_line (lines, NULL, NULL, &error)) != NULL)
    {
      f->last_reported = (guint) g_ascii_strtoull (line, NULL, 10);
      g_free (line);
    }

  g_assert_no_error (error);
}

/* Starts the worker, waits until its first save or export is complete,
 * then kills it after a random delay of up to MAX_KILL_DELAY_MS. */
static void
run_and_kill_worker (Fixture    *f,
                     const char *mode,
                     const char *path)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  const char *asan_options = g_getenv ("ASAN_OPTIONS");
  g_autoptr(GSubprocess) worker = NULL;
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *first_line = NULL;

  /* build-aux/sanitize unwinds the stack slowly on every allocation, so
   * that leak stacks reach into Debian's libraries, and this test took
   * 283 s there (75 s with fast unwinding in the workers). A worker dies
   * by SIGKILL, so LeakSanitizer never reports its leaks and fast
   * unwinding loses nothing. */
  if (asan_options != NULL)
    {
      g_autofree char *fast_options = g_strconcat (asan_options, ":fast_unwind_on_malloc=1", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", fast_options, TRUE);
    }

  worker = g_subprocess_launcher_spawn (launcher, &error, FAULTS_CRASH_WORKER, mode, path, NULL);
  g_assert_no_error (error);

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (worker));
  first_line = g_data_input_stream_read_line (lines, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (first_line);
  f->last_reported = (guint) g_ascii_strtoull (first_line, NULL, 10);

  g_usleep (g_random_int_range (0, MAX_KILL_DELAY_MS + 1) * G_TIME_SPAN_MILLISECOND);
  g_subprocess_send_signal (worker, SIGKILL);

  read_reported_counts (lines, f);
  g_subprocess_wait (worker, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (worker));
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

/* g_file_set_contents_full() writes "state.json.XXXXXX" before renaming
 * it, and a kill between the two leaves it behind until the next load
 * removes it. */
static guint
count_state_temp_files (IwdAccountState *state)
{
  g_autofree char *folder = g_path_get_dirname (iwd_account_state_get_path (state));
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_prefix (name, "state.json."))
        count++;
    }

  return count;
}

static guint
count_part_files (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint count = 0;

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (!g_str_has_suffix (name, ".part"))
        continue;

      count++;
      g_remove (path);
    }

  return count;
}

static GBytes *
export_reference (const char *folder)
{
  g_autoptr(IwdTable) table = iwd_test_export_large_table (EXPORT_ROWS);
  g_autofree char *path = g_build_filename (folder, "reference.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  GBytes *bytes;

  iwd_export_table (table, NULL, 0, NULL, 0, IWD_EXPORT_FORMAT_CSV, file, NULL, &error);
  g_assert_no_error (error);

  bytes = g_file_load_bytes (file, NULL, NULL, &error);
  g_assert_no_error (error);
  g_remove (path);

  return bytes;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = g_dir_make_tmp ("iwd-crash-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  remove_tree (f->folder);
  g_free (f->folder);
}

/* The state file must load as the last reported save, or the one after
 * it that completed before the kill but was not printed yet. */
static guint
assert_state_loads (Fixture *f)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("https://ws.example.com/", "broker");
  g_autoptr(IwdAccountState) state = iwd_account_state_new (f->folder, account);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) portfolios = NULL;

  iwd_account_state_load (state, &error);
  g_assert_no_error (error);
  g_assert_null (iwd_account_state_get_recovered_from (state));

  portfolios = iwd_account_state_list_portfolios (state);
  g_assert_cmpuint (g_strv_length (portfolios), >=, f->last_reported);
  g_assert_cmpuint (g_strv_length (portfolios), <=, f->last_reported + 1);
  g_assert_cmpuint (count_state_temp_files (state), ==, 0);

  return count_state_temp_files (state);
}

static void
test_state_save_killed (Fixture       *f,
                        gconstpointer  data)
{
  guint temp_files = 0;

  for (guint i = 0; i < KILLS; i++)
    {
      run_and_kill_worker (f, "state", f->folder);
      temp_files = assert_state_loads (f);
    }

  g_test_message ("%u kills during state saves: %u portfolios saved, %u temporary files left",
                  KILLS, f->last_reported, temp_files);
}

static void
test_export_killed (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GBytes) reference = export_reference (f->folder);
  g_autofree char *path = g_build_filename (f->folder, "export.csv", NULL);
  guint part_files = 0;
  guint complete = 0;

  for (guint i = 0; i < KILLS; i++)
    {
      g_autoptr(GBytes) exported = NULL;
      g_autoptr(GError) error = NULL;
      gsize length = 0;
      char *contents = NULL;

      run_and_kill_worker (f, "export", path);
      part_files += count_part_files (f->folder);

      g_file_get_contents (path, &contents, &length, &error);
      g_assert_no_error (error);
      exported = g_bytes_new_take (contents, length);
      g_assert_true (g_bytes_equal (exported, reference));
      complete++;

      g_remove (path);
    }

  g_test_message ("%u kills during exports: %u complete files under the final name, "
                  "%u .part files left", KILLS, complete, part_files);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/crash/state-save-killed", Fixture, NULL,
              fixture_set_up, test_state_save_killed, fixture_tear_down);
  g_test_add ("/crash/export-killed", Fixture, NULL,
              fixture_set_up, test_export_killed, fixture_tear_down);

  return g_test_run ();
}
