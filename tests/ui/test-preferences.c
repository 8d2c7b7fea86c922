/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The preferences window against the in-memory settings backend: each
 * control shows its key and writes it back, and a service address that
 * would send passwords unencrypted is shown as rejected, never stored. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "iwd-preferences-window.h"
#include "iwd-screenshot.h"

/* Longer than a page transition, so the screenshot shows the settled
 * page. */
#define SETTLE_MS 1000

typedef struct {
  GSettings            *settings;
  IwdPreferencesWindow *window;
} PreferencesFixture;

/* Returns the @index-th descendant of @widget of type @type, in the
 * order of the template. */
static GtkWidget *
find_widget (GtkWidget *widget,
             GType      type,
             guint     *index)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    {
      if (*index == 0)
        return widget;
      (*index)--;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, index);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_nth (PreferencesFixture *fixture,
          GType               type,
          guint               index)
{
  GtkWidget *found = find_widget (GTK_WIDGET (fixture->window), type, &index);

  g_assert_nonnull (found);

  return found;
}

static void
fixture_set_up (PreferencesFixture *fixture,
                gconstpointer       user_data)
{
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "iwrest-url");
  g_settings_reset (fixture->settings, "robot-url");
  g_settings_reset (fixture->settings, "retention-days");

  /* GTK owns toplevels: the extra reference lets the tear-down check
   * that destroying the window finalizes it. */
  fixture->window = g_object_ref (IWD_PREFERENCES_WINDOW (iwd_preferences_window_new (NULL)));
}

static void
fixture_tear_down (PreferencesFixture *fixture,
                   gconstpointer       user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_assert_finalize_object (fixture->window);
  g_clear_object (&fixture->settings);
}

static void
test_preferences_url_from_key (PreferencesFixture *fixture,
                               gconstpointer       user_data)
{
  GtkEditable *iwrest_row = GTK_EDITABLE (find_nth (fixture, ADW_TYPE_ENTRY_ROW, 0));

  g_settings_set_string (fixture->settings, "iwrest-url", "https://test.importweb.invalid/iwrest/");

  g_assert_cmpstr (gtk_editable_get_text (iwrest_row), ==, "https://test.importweb.invalid/iwrest/");
  g_assert_null (iwd_preferences_window_get_url_problem (fixture->window, "iwrest-url"));
}

static void
test_preferences_url_to_key (PreferencesFixture *fixture,
                             gconstpointer       user_data)
{
  GtkEditable *robot_row = GTK_EDITABLE (find_nth (fixture, ADW_TYPE_ENTRY_ROW, 1));
  g_autofree char *robot_url = NULL;

  gtk_editable_set_text (robot_row, "http://127.0.0.1:8080/Robot/");
  robot_url = g_settings_get_string (fixture->settings, "robot-url");

  g_assert_cmpstr (robot_url, ==, "http://127.0.0.1:8080/Robot/");
  g_assert_null (iwd_preferences_window_get_url_problem (fixture->window, "robot-url"));
}

static void
test_preferences_url_rejected (PreferencesFixture *fixture,
                               gconstpointer       user_data)
{
  const char *rejected[] = { "http://example.com/", "ftp://example.com/", "https://example.com/Robot", "example" };
  GtkEditable *robot_row = GTK_EDITABLE (find_nth (fixture, ADW_TYPE_ENTRY_ROW, 1));

  for (guint i = 0; i < G_N_ELEMENTS (rejected); i++)
    {
      g_autofree char *robot_url = NULL;

      gtk_editable_set_text (robot_row, rejected[i]);
      robot_url = g_settings_get_string (fixture->settings, "robot-url");

      g_assert_cmpstr (robot_url, ==, "https://ws.importweb.fr/Robot/");
      g_assert_nonnull (iwd_preferences_window_get_url_problem (fixture->window, "robot-url"));
      g_assert_true (gtk_widget_has_css_class (GTK_WIDGET (robot_row), "error"));
    }
}

static void
test_preferences_interval (PreferencesFixture *fixture,
                           gconstpointer       user_data)
{
  GtkSpinButton *interval = GTK_SPIN_BUTTON (find_nth (fixture, GTK_TYPE_SPIN_BUTTON, 0));

  g_settings_set_uint (fixture->settings, "error-check-interval", 12);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (interval), ==, 12);

  gtk_spin_button_set_value (interval, 24);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "error-check-interval"), ==, 24);
}

static void
test_preferences_notifications (PreferencesFixture *fixture,
                                gconstpointer       user_data)
{
  GtkSwitch *notifications = GTK_SWITCH (find_nth (fixture, GTK_TYPE_SWITCH, 0));

  g_settings_set_boolean (fixture->settings, "notifications", FALSE);
  g_assert_false (gtk_switch_get_active (notifications));

  gtk_switch_set_active (notifications, TRUE);
  g_assert_true (g_settings_get_boolean (fixture->settings, "notifications"));
}

static void
test_preferences_retention (PreferencesFixture *fixture,
                            gconstpointer       user_data)
{
  GtkSpinButton *retention = GTK_SPIN_BUTTON (find_nth (fixture, GTK_TYPE_SPIN_BUTTON, 1));
  GtkDropDown *unit = GTK_DROP_DOWN (find_nth (fixture, GTK_TYPE_DROP_DOWN, 0));

  /* The default, 1095 days, shows as 3 years. */
  g_assert_cmpint (gtk_spin_button_get_value_as_int (retention), ==, 3);
  g_assert_cmpuint (gtk_drop_down_get_selected (unit), ==, 1);

  gtk_spin_button_set_value (retention, 2);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "retention-days"), ==, 730);

  gtk_drop_down_set_selected (unit, 0);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (retention), ==, 730);
  g_assert_cmpuint (g_settings_get_uint (fixture->settings, "retention-days"), ==, 730);

  g_settings_set_uint (fixture->settings, "retention-days", 100);
  g_assert_cmpint (gtk_spin_button_get_value_as_int (retention), ==, 100);
  g_assert_cmpuint (gtk_drop_down_get_selected (unit), ==, 0);
}

static gboolean
settled_cb (gpointer user_data)
{
  gboolean *settled = user_data;

  *settled = TRUE;

  return G_SOURCE_REMOVE;
}

static void
save_page (PreferencesFixture *fixture,
           const char         *directory,
           const char         *page)
{
  const char *language = g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "C";
  g_autofree char *file_name = g_strdup_printf ("preferences-%s-%s.png", page, language);
  g_autofree char *path = g_build_filename (directory, file_name, NULL);
  g_autoptr(GError) error = NULL;
  gboolean settled = FALSE;

  adw_preferences_window_set_visible_page_name (ADW_PREFERENCES_WINDOW (fixture->window), page);
  g_timeout_add (SETTLE_MS, settled_cb, &settled);
  while (!settled)
    g_main_context_iteration (NULL, TRUE);

  iwd_screenshot_save_png (GTK_WIDGET (fixture->window), path, &error);
  g_assert_no_error (error);
  g_test_message ("saved %s", path);
}

/* Saves both pages, with a rejected address on the second, only when
 * IWDESK_SCREENSHOT_DIR names a folder, because rendering under a
 * loaded Xvfb was found unreliable. */
static void
test_preferences_screenshot (PreferencesFixture *fixture,
                             gconstpointer       user_data)
{
  const char *directory = g_getenv ("IWDESK_SCREENSHOT_DIR");
  GtkEditable *robot_row = GTK_EDITABLE (find_nth (fixture, ADW_TYPE_ENTRY_ROW, 1));

  if (directory == NULL)
    {
      g_test_skip ("IWDESK_SCREENSHOT_DIR is not set");
      return;
    }

  gtk_window_present (GTK_WINDOW (fixture->window));
  save_page (fixture, directory, "general");

  gtk_editable_set_text (robot_row, "http://example.com/Robot/");
  save_page (fixture, directory, "servers");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  /* Translated screenshots need the compiled catalog of the build. */
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();

#define ADD(path, func) \
  g_test_add (path, PreferencesFixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/preferences/url-from-key", test_preferences_url_from_key);
  ADD ("/preferences/url-to-key", test_preferences_url_to_key);
  ADD ("/preferences/url-rejected", test_preferences_url_rejected);
  ADD ("/preferences/interval", test_preferences_interval);
  ADD ("/preferences/notifications", test_preferences_notifications);
  ADD ("/preferences/retention", test_preferences_retention);
  ADD ("/preferences/screenshot", test_preferences_screenshot);

#undef ADD

  return g_test_run ();
}
