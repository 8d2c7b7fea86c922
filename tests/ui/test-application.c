/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iwd-application.h"

static IwdApplication *
new_application (void)
{
  IwdApplication *app = iwd_application_new ();

  /* Non-unique, so that the test neither needs nor takes the bus name
   * of a running IWDesk. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);

  return app;
}

static int
run_application (const char * const *arguments)
{
  g_autoptr(IwdApplication) app = new_application ();
  guint n_arguments = g_strv_length ((char **) arguments);
  g_autofree char **argv = g_memdup2 (arguments, sizeof (char *) * (n_arguments + 1));

  return g_application_run (G_APPLICATION (app), n_arguments, argv);
}

static AdwAboutWindow *
find_about_window (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_ABOUT_WINDOW (l->data))
      return l->data;

  return NULL;
}

static void
check_actions_cb (GApplication *app,
                  gpointer      user_data)
{
  gboolean *checked = user_data;
  g_auto(GStrv) quit_accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), "app.quit");
  AdwAboutWindow *about;

  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "quit"));
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (app), "about"));
  g_assert_cmpstr (quit_accels[0], ==, "<Control>q");

  g_action_group_activate_action (G_ACTION_GROUP (app), "about", NULL);
  about = find_about_window ();
  g_assert_nonnull (about);
  g_assert_cmpstr (adw_about_window_get_application_name (about), ==, "IWDesk");
  g_assert_cmpstr (adw_about_window_get_version (about), ==, PACKAGE_VERSION);
  g_assert_cmpint (adw_about_window_get_license_type (about), ==, GTK_LICENSE_GPL_3_0);

  gtk_window_destroy (GTK_WINDOW (about));
  *checked = TRUE;
}

static void
test_application_actions (void)
{
  IwdApplication *app = new_application ();
  char *argv[] = { (char *) "iwdesk", (char *) "--demo", (char *) "--server", (char *) "https://localhost/", NULL };
  gboolean checked = FALSE;

  /* The actions exist from startup on, and the conflicting options then
   * end the run before any window opens. */
  g_signal_connect_after (app, "startup", G_CALLBACK (check_actions_cb), &checked);
  g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_true (checked);
  g_assert_finalize_object (app);
}

static void
collect_shortcuts (GtkWidget *widget,
                   GPtrArray *shortcuts)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_SHORTCUTS_SHORTCUT (child))
        g_ptr_array_add (shortcuts, child);
      else
        collect_shortcuts (child, shortcuts);
    }
}

/* The shortcuts window shows a key for an action-name only when the
 * application has accelerators for that action. */
static void
check_help_overlay_cb (GApplication *app,
                       gpointer      user_data)
{
  gboolean *checked = user_data;
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource ("/com/example/IWDesk/gtk/help-overlay.ui");
  GtkWidget *overlay = GTK_WIDGET (gtk_builder_get_object (builder, "help_overlay"));
  g_autoptr(GPtrArray) shortcuts = g_ptr_array_new ();

  collect_shortcuts (overlay, shortcuts);
  g_assert_cmpuint (shortcuts->len, >, 0);

  for (guint i = 0; i < shortcuts->len; i++)
    {
      g_autofree char *title = NULL;
      g_autofree char *accelerator = NULL;
      g_autofree char *action_name = NULL;
      g_auto(GStrv) accels = NULL;

      g_object_get (shortcuts->pdata[i], "title", &title, "accelerator", &accelerator,
                    "action-name", &action_name, NULL);
      if (action_name != NULL)
        accels = gtk_application_get_accels_for_action (GTK_APPLICATION (app), action_name);

      g_test_message ("shortcut %s: accelerator %s, action %s", title, accelerator, action_name);
      g_assert_true ((accelerator != NULL && *accelerator != '\0') ||
                     (accels != NULL && accels[0] != NULL));
    }

  gtk_window_destroy (GTK_WINDOW (overlay));
  *checked = TRUE;
}

static void
test_application_help_overlay_keys (void)
{
  IwdApplication *app = new_application ();
  char *argv[] = { (char *) "iwdesk", (char *) "--demo", (char *) "--server", (char *) "https://localhost/", NULL };
  gboolean checked = FALSE;

  /* As in test_application_actions, the conflicting options end the run
   * once startup has set the accelerators. */
  g_signal_connect_after (app, "startup", G_CALLBACK (check_help_overlay_cb), &checked);
  g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv);

  g_assert_true (checked);
  g_assert_finalize_object (app);
}

static void
test_application_demo_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_dir_make_tmp ("iwdesk-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.png", NULL);
  const char *arguments[] = { "iwdesk", "--demo", "--screenshot", path, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (run_application (arguments), ==, EXIT_SUCCESS);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
  g_assert_cmpint (gdk_texture_get_height (texture), >, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_application_demo_and_server (void)
{
  const char *arguments[] = { "iwdesk", "--demo", "--server", "https://localhost/", NULL };

  g_assert_cmpint (run_application (arguments), ==, EXIT_FAILURE);
}

typedef struct {
  GApplication *app;
  const char   *title;
  gboolean      found;
  gint64        deadline;
} FileWindowWait;

static gboolean
find_file_window_cb (gpointer user_data)
{
  FileWindowWait *wait = user_data;
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    wait->found |= g_strcmp0 (gtk_window_get_title (l->data), wait->title) == 0;

  if (!wait->found && g_get_monotonic_time () < wait->deadline)
    return G_SOURCE_CONTINUE;

  g_application_quit (wait->app);
  return G_SOURCE_REMOVE;
}

/* A statement given on the command line, as a file manager passes it,
 * opens in a window titled after the file. */
static void
test_application_open_file (void)
{
  g_autoptr(IwdApplication) app = new_application ();
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("iwdesk-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "bordereau.tsv", NULL);
  char *argv[] = { (char *) "iwdesk", (char *) "--demo", path, NULL };
  FileWindowWait wait = { G_APPLICATION (app), "bordereau.tsv", FALSE,
                          g_get_monotonic_time () + 30 * G_USEC_PER_SEC };

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (path, "Police\tCompagnie\tCommission\nP1\tAXA\t12,50\n", -1, NULL));

  g_timeout_add (200, find_file_window_cb, &wait);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), G_N_ELEMENTS (argv) - 1, argv), ==, EXIT_SUCCESS);

  g_assert_true (wait.found);
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/application/actions", test_application_actions);
  g_test_add_func ("/application/help-overlay-keys", test_application_help_overlay_keys);
  g_test_add_func ("/application/demo-screenshot", test_application_demo_screenshot);
  g_test_add_func ("/application/demo-and-server", test_application_demo_and_server);
  g_test_add_func ("/application/open-file", test_application_open_file);

  return g_test_run ();
}
