/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iwd-export.h"
#include "iwd-test-export.h"
#include "iwd-test-objects.h"

#define LARGE_TABLE_ROWS 200000

typedef struct {
  char         *dir;
  char         *path;
  GMainLoop    *loop;
  GCancellable *cancellable;
  guint         n_reports;
  goffset       last_current;
  goffset       last_total;
  gboolean      cancel_on_report;
  gboolean      result;
  GError       *error;
} Fixture;

/* One large table serves every test: building it takes longer than an
 * export. */
static IwdTable *large_table;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->dir = iwd_test_export_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "export.out", NULL);
  fixture->loop = g_main_loop_new (NULL, FALSE);
  fixture->cancellable = g_cancellable_new ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  iwd_test_export_remove_dir (fixture->dir);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_main_loop_unref (fixture->loop);
  g_object_unref (fixture->cancellable);
  g_clear_error (&fixture->error);
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer user_data)
{
  Fixture *fixture = user_data;

  fixture->n_reports++;
  fixture->last_current = current;
  fixture->last_total = total;

  if (fixture->cancel_on_report)
    g_cancellable_cancel (fixture->cancellable);
}

static void
did_export (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  Fixture *fixture = user_data;

  fixture->result = iwd_export_table_finish (result, &fixture->error);
  g_main_loop_quit (fixture->loop);
}

static void
export_large (Fixture         *fixture,
              IwdExportFormat  format)
{
  g_autoptr(GFile) destination = g_file_new_for_path (fixture->path);

  iwd_export_table_async (large_table, NULL, 0, NULL, 0, format, destination,
                          on_progress, fixture, fixture->cancellable, did_export, fixture);
  g_main_loop_run (fixture->loop);
}

static void
test_progress_reaches_total (Fixture       *fixture,
                             gconstpointer  user_data)
{
  export_large (fixture, IWD_EXPORT_FORMAT_CSV);

  g_assert_no_error (fixture->error);
  g_assert_true (fixture->result);
  g_assert_cmpuint (fixture->n_reports, >, 0);
  g_assert_cmpint (fixture->last_current, ==, LARGE_TABLE_ROWS);
  g_assert_cmpint (fixture->last_total, ==, LARGE_TABLE_ROWS);
  g_assert_true (g_file_test (fixture->path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 1);
}

static void
check_cancelled (Fixture *fixture)
{
  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (fixture->result);
  g_assert_cmpuint (fixture->n_reports, ==, 1);
  g_assert_false (g_file_test (fixture->path, G_FILE_TEST_EXISTS));
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 0);
}

static void
test_cancel_csv (Fixture       *fixture,
                 gconstpointer  user_data)
{
  fixture->cancel_on_report = TRUE;

  export_large (fixture, IWD_EXPORT_FORMAT_CSV_FR);

  check_cancelled (fixture);
}

static void
test_cancel_xlsx (Fixture       *fixture,
                  gconstpointer  user_data)
{
  fixture->cancel_on_report = TRUE;

  export_large (fixture, IWD_EXPORT_FORMAT_XLSX);

  check_cancelled (fixture);
}

static void
test_cancel_keeps_old_file (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "the previous export", -1, &error);
  g_assert_no_error (error);
  fixture->cancel_on_report = TRUE;

  export_large (fixture, IWD_EXPORT_FORMAT_JSON);
  g_file_get_contents (fixture->path, &contents, NULL, &error);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "the previous export");
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 1);
}

static void
test_cancelled_before_start (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_cancellable_cancel (fixture->cancellable);

  export_large (fixture, IWD_EXPORT_FORMAT_CSV);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (fixture->n_reports, ==, 0);
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 0);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_free (fixture->path);
  fixture->path = g_build_filename (fixture->dir, "missing", "export.xlsx", NULL);

  export_large (fixture, IWD_EXPORT_FORMAT_XLSX);

  g_assert_error (fixture->error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (fixture->error->message, fixture->path));
  g_assert_cmpuint (fixture->n_reports, ==, 0);
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 0);
}

#define ADD_TEST(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  large_table = iwd_test_export_large_table (LARGE_TABLE_ROWS);

  ADD_TEST ("/export/async/progress-reaches-total", test_progress_reaches_total);
  ADD_TEST ("/export/async/cancel-csv", test_cancel_csv);
  ADD_TEST ("/export/async/cancel-xlsx", test_cancel_xlsx);
  ADD_TEST ("/export/async/cancel-keeps-old-file", test_cancel_keeps_old_file);
  ADD_TEST ("/export/async/cancelled-before-start", test_cancelled_before_start);
  ADD_TEST ("/export/async/missing-folder", test_missing_folder);

  status = g_test_run ();
  iwd_test_assert_finalized_soon (g_steal_pointer (&large_table));

  return status;
}
