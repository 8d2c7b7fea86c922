/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <locale.h>

#include "iwd-commissions-tsv.h"
#include "iwd-table-view.h"

#define STATEMENT \
  "Police\tCompagnie\tDate\tPrime TTC\n" \
  "P1\tAXA\t05/01/2023\t10,00\n" \
  "P2\tApril\t31/01/2023\t200,00\n" \
  "P3\tAXA\t02/02/2023\t30,50\n" \
  "P4\tAXA\t03/02/2023\t\n"

typedef struct {
  GtkWidget    *window;
  IwdTableView *view;
  IwdTable     *table;
  char         *directory;
  GFile        *destination;
} ExportFixture;

static void
export_fixture_set_up (ExportFixture *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GBytes) data = g_bytes_new_static (STATEMENT, strlen (STATEMENT));
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  fixture->table = iwd_parse_commissions_tsv (data, NULL, &error);
  g_assert_no_error (error);
  fixture->view = IWD_TABLE_VIEW (iwd_table_view_new ());
  iwd_table_view_set_table (fixture->view, fixture->table);

  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->directory = g_dir_make_tmp ("iwd-grid-export-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->directory, "shown.csv", NULL);
  fixture->destination = g_file_new_for_path (path);
}

static void
export_fixture_tear_down (ExportFixture *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *path = g_file_get_path (fixture->destination);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->table);
  g_unlink (path);
  g_rmdir (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
  g_clear_object (&fixture->destination);
}

static void
on_exported (GObject      *source_object,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

/* Exports as RFC 4180 CSV, whose header is the column keys. */
static gboolean
export_and_wait (ExportFixture  *fixture,
                 GCancellable   *cancellable,
                 GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_table_view_export_async (fixture->view, IWD_EXPORT_FORMAT_CSV, fixture->destination,
                               cancellable, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return iwd_table_view_export_finish (fixture->view, result, error);
}

static GStrv
read_lines (GFile *file)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  g_file_load_contents (file, NULL, &contents, NULL, NULL, &error);
  g_assert_no_error (error);
  return g_strsplit (contents, "\n", -1);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_text (child, text))
        return TRUE;
    }

  return FALSE;
}

/* The progress bar and its Cancel button sit in the view's only revealer. */
static GtkRevealer *
find_progress_revealer (IwdTableView *view)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_REVEALER (child))
        return GTK_REVEALER (child);
    }

  g_assert_not_reached ();
}

static void
test_shown_rows_and_columns (ExportFixture *fixture,
                             gconstpointer  user_data)
{
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) date = g_list_model_get_item (columns, 2);
  g_autoptr(GtkColumnViewColumn) premium = g_list_model_get_item (columns, 3);
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_file_get_parse_name (fixture->destination);
  g_autofree char *done = g_strdup_printf ("Exported 3 rows to %s", path);
  g_auto(GStrv) lines = NULL;

  iwd_table_model_sort (iwd_table_view_get_model (fixture->view), 3, GTK_SORT_DESCENDING);
  iwd_table_model_set_search (iwd_table_view_get_model (fixture->view), "axa");
  gtk_column_view_column_set_visible (date, FALSE);
  gtk_column_view_insert_column (column_view, 0, premium);

  g_assert_true (export_and_wait (fixture, NULL, &error));
  g_assert_no_error (error);

  lines = read_lines (fixture->destination);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "Prime TTC,Police,Compagnie");
  g_assert_cmpstr (lines[1], ==, "30.5,P3,AXA");
  g_assert_cmpstr (lines[2], ==, "10,P1,AXA");
  g_assert_cmpstr (lines[3], ==, ",P4,AXA");
  g_assert_cmpstr (lines[4], ==, "");
  g_assert_true (shows_text (GTK_WIDGET (fixture->view), done));
}

static void
test_cancel_leaves_no_file (ExportFixture *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (export_and_wait (fixture, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (g_file_query_exists (fixture->destination, NULL));
  g_assert_false (gtk_revealer_get_reveal_child (find_progress_revealer (fixture->view)));
}

static void
test_error_names_path (ExportFixture *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *missing = g_build_filename (fixture->directory, "missing", "shown.csv", NULL);
  g_autoptr(GFile) destination = g_file_new_for_path (missing);
  g_autoptr(GError) error = NULL;
  GtkWidget *found = NULL;

  g_set_object (&fixture->destination, destination);
  g_test_expect_message ("IWDesk", G_LOG_LEVEL_WARNING, "grid: exporting 4 rows to */missing/shown.csv failed: *");
  g_assert_false (export_and_wait (fixture, NULL, &error));
  g_test_assert_expected_messages ();
  g_assert_nonnull (error);

  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (fixture->view));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && gtk_widget_get_visible (child)
          && strstr (gtk_label_get_text (GTK_LABEL (child)), missing) != NULL)
        found = child;
    }
  g_assert_nonnull (found);
}

int
main (int   argc,
      char *argv[])
{
  /* The untranslated strings are the expected ones. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add ("/table-view-export/shown-rows-and-columns", ExportFixture, NULL,
              export_fixture_set_up, test_shown_rows_and_columns, export_fixture_tear_down);
  g_test_add ("/table-view-export/cancel-leaves-no-file", ExportFixture, NULL,
              export_fixture_set_up, test_cancel_leaves_no_file, export_fixture_tear_down);
  g_test_add ("/table-view-export/error-names-path", ExportFixture, NULL,
              export_fixture_set_up, test_error_names_path, export_fixture_tear_down);

  return g_test_run ();
}
