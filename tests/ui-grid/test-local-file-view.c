/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <locale.h>

#include "iwd-local-file-view.h"
#include "iwd-parse-error.h"

#define CONTRACTS \
  "[{\"erreur\": 0, \"client\": {\"prenom\": \"Pierre\", \"ville\": \"NICE\"}," \
  " \"police\": {\"numero_police_cie\": \"123456\", \"prime\": 1234.5600}}]"

typedef struct {
  GtkWidget        *window;
  IwdLocalFileView *view;
  char             *directory;
} LocalFixture;

static void
local_fixture_set_up (LocalFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->view = IWD_LOCAL_FILE_VIEW (iwd_local_file_view_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));

  fixture->directory = g_dir_make_tmp ("iwd-local-file-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
local_fixture_tear_down (LocalFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *contracts = g_build_filename (fixture->directory, "contracts.json", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_unlink (contracts);
  g_rmdir (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static gboolean
wait_for_load (LocalFixture  *fixture,
               GAsyncResult **result,
               GError       **error)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return iwd_local_file_view_load_finish (fixture->view, *result, error);
}

static gboolean
load_and_wait (LocalFixture  *fixture,
               GFile         *file,
               GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_local_file_view_load_async (fixture->view, file, NULL, on_loaded, &result);
  return wait_for_load (fixture, &result, error);
}

/* Whether a visible label's text passes @matches, such as
 * g_str_has_prefix(), with @part. */
static gboolean
shows_label (GtkWidget  *widget,
             gboolean  (*matches) (const char *text, const char *part),
             const char *part)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_visible (widget)
      && matches (gtk_label_get_text (GTK_LABEL (widget)), part))
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, matches, part))
        return TRUE;
    }

  return FALSE;
}

static IwdTable *
get_shown_table (LocalFixture *fixture)
{
  IwdTableModel *model = iwd_table_view_get_model (iwd_local_file_view_get_table_view (fixture->view));

  g_assert_nonnull (model);
  return iwd_table_model_get_table (model);
}

static void
test_bad_lines_listed (LocalFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ui-grid", "commissions-bad-lines.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IwdTable *table;
  guint insured;

  g_assert_true (load_and_wait (fixture, file, &error));
  g_assert_no_error (error);

  table = get_shown_table (fixture);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_true (iwd_table_find_column (table, "Assuré", &insured));
  g_assert_cmpstr (iwd_table_get_text (table, 0, insured), ==, "Léa Martin");
  g_assert_cmpstr (iwd_table_get_text (table, 2, insured), ==, "Noël");

  g_assert_cmpuint (iwd_local_file_view_get_n_bad_lines (fixture->view), ==, 2);
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix,
                              "2 lines could not be read and were left out:"));
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, "Line 3: "));
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, "Line 4: "));
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix,
                              "Line 3: “31/02/2023” in column “date_effet” is not a valid date"));
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix,
                              "Line 4: “N/A” in column “Prime TTC” is not an amount"));
  g_assert_false (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, "Line 2: "));
  g_assert_cmpstr (iwd_table_view_get_table_kind (iwd_local_file_view_get_table_view (fixture->view)),
                   ==, "commissions");
}

static void
test_contracts_detected (LocalFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "contracts.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  IwdTable *table;
  guint premium;

  g_file_set_contents (path, CONTRACTS, -1, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (iwd_local_file_view_get_title (fixture->view), ==, "Local File");

  g_assert_true (load_and_wait (fixture, file, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (iwd_local_file_view_get_title (fixture->view), ==, "contracts.json");

  table = get_shown_table (fixture);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 1);
  g_assert_true (iwd_table_find_column (table, "police.prime", &premium));
  g_assert_cmpint (iwd_table_get_int64 (table, 0, premium), ==, 12345600);
  g_assert_cmpuint (iwd_local_file_view_get_n_bad_lines (fixture->view), ==, 0);
  g_assert_cmpstr (iwd_table_view_get_table_kind (iwd_local_file_view_get_table_view (fixture->view)),
                   ==, "contracts");
}

static void
test_cancel_during_load (LocalFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ui-grid", "commissions-bad-lines.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_local_file_view_load_async (fixture->view, file, NULL, on_loaded, &result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "grid.cancel-load", NULL));

  g_assert_false (wait_for_load (fixture, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (iwd_table_view_get_model (iwd_local_file_view_get_table_view (fixture->view)));
  g_assert_false (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, "Could not open"));
}

/* Writes a statement long enough that parsing it takes far longer than
 * the 30 ms the test waits before cancelling: about 14 MB. */
static char *
write_long_statement (LocalFixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->directory, "long.tsv", NULL);
  g_autoptr(GString) text = g_string_new ("Police\tCompagnie\tDate\tPrime TTC\n");
  g_autoptr(GError) error = NULL;

  for (guint line = 0; line < 300000; line++)
    g_string_append_printf (text, "P%07u\tAXA\t%02u/01/2023\t%u,50\n", line, 1 + line % 28, line);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);
  return g_steal_pointer (&path);
}

static void
test_cancel_while_parsing (LocalFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = write_long_statement (fixture);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * 1000;

  iwd_local_file_view_load_async (fixture->view, file, NULL, on_loaded, &result);
  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_null (result);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "grid.cancel-load", NULL));

  g_assert_false (wait_for_load (fixture, &result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (iwd_table_view_get_model (iwd_local_file_view_get_table_view (fixture->view)));
  g_unlink (path);
}

static GtkDropTarget *
find_drop_target (GtkWidget *widget)
{
  g_autoptr(GListModel) controllers = gtk_widget_observe_controllers (widget);

  for (guint i = 0; i < g_list_model_get_n_items (controllers); i++)
    {
      g_autoptr(GObject) controller = g_list_model_get_item (controllers, i);

      if (GTK_IS_DROP_TARGET (controller))
        return GTK_DROP_TARGET (controller);
    }

  return NULL;
}

static gboolean
table_is_shown (gpointer user_data)
{
  IwdLocalFileView *view = user_data;

  return iwd_table_view_get_model (iwd_local_file_view_get_table_view (view)) != NULL;
}

static void
test_drop_file_list (LocalFixture  *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ui-grid", "commissions-bad-lines.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  GtkDropTarget *target = find_drop_target (GTK_WIDGET (fixture->view));
  GSList *list = g_slist_prepend (NULL, file);
  g_auto(GValue) value = G_VALUE_INIT;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  gboolean accepted = FALSE;

  g_assert_nonnull (target);
  g_value_init (&value, GDK_TYPE_FILE_LIST);
  g_value_take_boxed (&value, gdk_file_list_new_from_list (list));
  g_slist_free (list);

  g_signal_emit_by_name (target, "drop", &value, 10.0, 10.0, &accepted);
  g_assert_true (accepted);

  while (!table_is_shown (fixture->view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (table_is_shown (fixture->view));
  g_assert_cmpuint (iwd_local_file_view_get_n_bad_lines (fixture->view), ==, 2);
}

static void
test_missing_file_error (LocalFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "missing.tsv", NULL);
  g_autofree char *message = g_strdup_printf ("Could not open %s: There is no file at this place. "
                                               "Check its name and folder, or choose it again.\nDetails: ", path);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  g_assert_false (load_and_wait (fixture, file, &error));

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, message));
}

/* A file that is not text says so, and what to do, without a stray
 * English sentence in front. */
static void
test_binary_file_error (LocalFixture  *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "report.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_assert_true (g_file_set_contents (path, "\xFF\xFEP\0o\0", 6, NULL));
  message = g_strdup_printf ("Could not open %s: The file is not text in UTF-8 or Windows-1252. "
                             "Save it as tab-separated text or JSON, then open it again.\nDetails: ", path);

  g_assert_false (load_and_wait (fixture, file, &error));

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING);
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_prefix, message));
}

/* A second file that fails leaves the first one's table, and the message
 * names the file that the table still shows. */
static void
test_failed_second_file (LocalFixture  *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "contracts.json", NULL);
  g_autofree char *missing_path = g_build_filename (fixture->directory, "missing.tsv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFile) missing = g_file_new_for_path (missing_path);
  g_autoptr(GError) error = NULL;
  IwdTable *first;

  g_assert_true (g_file_set_contents (path, CONTRACTS, -1, NULL));
  g_assert_true (load_and_wait (fixture, file, &error));
  first = get_shown_table (fixture);

  g_assert_false (load_and_wait (fixture, missing, &error));

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_true (get_shown_table (fixture) == first);
  g_assert_cmpstr (iwd_local_file_view_get_title (fixture->view), ==, "contracts.json");
  g_assert_true (shows_label (GTK_WIDGET (fixture->view), g_str_has_suffix,
                              "\nThe table below is still that of contracts.json."));
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

  g_test_add ("/local-file-view/bad-lines-listed", LocalFixture, NULL,
              local_fixture_set_up, test_bad_lines_listed, local_fixture_tear_down);
  g_test_add ("/local-file-view/contracts-detected", LocalFixture, NULL,
              local_fixture_set_up, test_contracts_detected, local_fixture_tear_down);
  g_test_add ("/local-file-view/cancel-during-load", LocalFixture, NULL,
              local_fixture_set_up, test_cancel_during_load, local_fixture_tear_down);
  g_test_add ("/local-file-view/cancel-while-parsing", LocalFixture, NULL,
              local_fixture_set_up, test_cancel_while_parsing, local_fixture_tear_down);
  g_test_add ("/local-file-view/drop-file-list", LocalFixture, NULL,
              local_fixture_set_up, test_drop_file_list, local_fixture_tear_down);
  g_test_add ("/local-file-view/missing-file-error", LocalFixture, NULL,
              local_fixture_set_up, test_missing_file_error, local_fixture_tear_down);
  g_test_add ("/local-file-view/failed-second-file", LocalFixture, NULL,
              local_fixture_set_up, test_failed_second_file, local_fixture_tear_down);
  g_test_add ("/local-file-view/binary-file-error", LocalFixture, NULL,
              local_fixture_set_up, test_binary_file_error, local_fixture_tear_down);

  return g_test_run ();
}
