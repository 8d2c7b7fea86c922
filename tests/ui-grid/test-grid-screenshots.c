/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the grid of a local file to PNG files: the empty view, a
 * statement with bad lines and a selected row, its summary, and contracts
 * with nested JSON in the details. This checks that every state draws
 * without a warning. The files go to a temporary folder that is removed,
 * or, when IWDESK_SCREENSHOT_DIR is set, to that folder for a reviewer
 * to look at. IWDESK_LOCALEDIR and LANGUAGE=fr give the French grid. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <locale.h>

#include "iwd-local-file-view.h"
#include "iwd-screenshot.h"

/* Longer than the revealers' and stacks' transitions, 250 ms at most in
 * GTK 4.8. */
#define SETTLE_MS 800

#define CONTRACTS \
  "[{\"erreur\": 0, \"client\": {\"typeclient\": 0, \"prenom\": \"Pierre\", \"ville\": \"PLAN DE LA TOUR\"," \
  " \"date_naissance\": \"1965-09-26T00:00:00\"}," \
  " \"police\": {\"numero_police_cie\": \"123456\", \"libelle\": \"Flotte\", \"produit\": \"FLOTTE PRO\"," \
  " \"prime\": 17654.7100, \"commission\": 1765.4700," \
  " \"parcs\": [{\"immatriculation\": \"AB-123-CD\", \"marque\": \"Renault\"}," \
  " {\"immatriculation\": \"EF-456-GH\", \"marque\": \"Peugeot\"}]}}," \
  " {\"erreur\": 0, \"client\": {\"typeclient\": 1, \"prenom\": \"Élodie\", \"ville\": \"NICE\"," \
  " \"date_naissance\": \"1978-04-02T00:00:00\"}," \
  " \"police\": {\"numero_police_cie\": \"000789\", \"libelle\": \"Santé\", \"produit\": \"SANTE PLUS\"," \
  " \"prime\": 1234.5600, \"commission\": 123.4500, \"parcs\": []}}]"

typedef struct {
  GtkWidget        *window;
  IwdLocalFileView *view;
  char             *directory;
  gboolean          keep_files;
} ShotFixture;

static void
spin (guint milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
}

static void
shot_fixture_set_up (ShotFixture   *fixture,
                     gconstpointer  user_data)
{
  const char *directory = g_getenv ("IWDESK_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;

  fixture->keep_files = directory != NULL;
  fixture->directory = directory != NULL ? g_strdup (directory)
                                         : g_dir_make_tmp ("iwd-grid-shots-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->view = IWD_LOCAL_FILE_VIEW (iwd_local_file_view_new ());
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1200, 700);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
shot_fixture_tear_down (ShotFixture   *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *contracts = g_build_filename (fixture->directory, "contracts.json", NULL);

  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_unlink (contracts);
  if (!fixture->keep_files)
    g_rmdir (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);
}

static void
save_screenshot (ShotFixture *fixture,
                 const char  *name)
{
  const char *language = g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "C";
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, language);
  g_autofree char *path = g_build_filename (fixture->directory, file_name, NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf status;

  spin (SETTLE_MS);
  iwd_screenshot_save_png (fixture->window, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &status), ==, 0);
  g_assert_cmpint (status.st_size, >, 0);

  if (fixture->keep_files)
    g_test_message ("saved %s", path);
  else
    g_remove (path);
}

static void
on_loaded (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  iwd_local_file_view_load_finish (IWD_LOCAL_FILE_VIEW (source_object), result, &error);
  g_assert_no_error (error);
  *done = TRUE;
}

static void
load (ShotFixture *fixture,
      const char  *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  gboolean done = FALSE;

  iwd_local_file_view_load_async (fixture->view, file, NULL, on_loaded, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}

static void
select_row (ShotFixture *fixture,
            guint        position)
{
  IwdTableView *table_view = iwd_local_file_view_get_table_view (fixture->view);

  gtk_selection_model_select_item (gtk_column_view_get_model (iwd_table_view_get_column_view (table_view)),
                                   position, TRUE);
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
test_screenshots_statement (ShotFixture   *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ui-grid", "commissions-bad-lines.tsv", NULL);
  GtkWidget *summary_button;

  save_screenshot (fixture, "grid-empty");

  load (fixture, path);
  select_row (fixture, 0);
  save_screenshot (fixture, "grid-statement");

  summary_button = find_button (GTK_WIDGET (fixture->view), _("Summary"));
  g_assert_nonnull (summary_button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (summary_button), TRUE);
  save_screenshot (fixture, "grid-summary");
}

static void
test_screenshots_contracts (ShotFixture   *fixture,
                            gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->directory, "contracts.json", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, CONTRACTS, -1, &error);
  g_assert_no_error (error);

  load (fixture, path);
  select_row (fixture, 0);
  save_screenshot (fixture, "grid-contracts");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/grid-screenshots/statement", ShotFixture, NULL,
              shot_fixture_set_up, test_screenshots_statement, shot_fixture_tear_down);
  g_test_add ("/grid-screenshots/contracts", ShotFixture, NULL,
              shot_fixture_set_up, test_screenshots_contracts, shot_fixture_tear_down);

  return g_test_run ();
}
