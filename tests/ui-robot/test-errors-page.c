/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iwd-company.h"
#include "iwd-error-monitor.h"
#include "iwd-errors-page.h"
#include "iwd-robot-error.h"
#include "robot-fixture.h"

typedef struct {
  RobotFixture   robot;
  GtkWidget     *window;
  IwdErrorsPage *page;
  char          *edited_id;
} Fixture;

/* Stands for the window's `profile.edit`, which opens the credential form. */
static void
edit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  Fixture *fixture = user_data;

  g_free (fixture->edited_id);
  fixture->edited_id = g_variant_dup_string (parameter, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", G_VARIANT_TYPE_STRING);

  robot_fixture_set_up (&fixture->robot, data);

  fixture->window = gtk_window_new ();
  fixture->page = IWD_ERRORS_PAGE (iwd_errors_page_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  g_signal_connect (edit, "activate", G_CALLBACK (edit_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  gtk_widget_insert_action_group (fixture->window, "profile", G_ACTION_GROUP (group));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->edited_id, g_free);
  robot_fixture_tear_down (&fixture->robot);
}

static gboolean
page_loaded (gpointer data)
{
  return iwd_errors_page_get_state (data) != IWD_ERRORS_PAGE_STATE_LOADING;
}

static void
load_page (Fixture *fixture)
{
  iwd_errors_page_set_client (fixture->page, fixture->robot.client);
  robot_wait_until (page_loaded, fixture->page);
}

static IwdRobotError *
error_at (Fixture *fixture,
          guint    position)
{
  g_autoptr(IwdRobotError) error = g_list_model_get_item (iwd_errors_page_get_model (fixture->page),
                                                          position);

  return error;
}

static AdwActionRow *
find_row (GtkWidget  *widget,
          const char *title)
{
  if (ADW_IS_ACTION_ROW (widget) &&
      g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)), title) == 0)
    return ADW_ACTION_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      AdwActionRow *row = find_row (child, title);

      if (row != NULL)
        return row;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_button (child, action_name);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (shows_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
test_errors_wrong_password (Fixture       *fixture,
                            gconstpointer  data)
{
  AdwActionRow *row;
  GtkWidget *update;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  load_page (fixture);

  g_assert_cmpint (iwd_errors_page_get_state (fixture->page), ==, IWD_ERRORS_PAGE_STATE_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (iwd_errors_page_get_model (fixture->page)), ==, 1);
  g_assert_cmpstr (iwd_robot_error_get_profile_id (error_at (fixture, 0)), ==, "AZ-BAD");

  row = find_row (GTK_WIDGET (fixture->page),
                  "Login refused by the insurer: update the password of this profile");
  g_assert_nonnull (row);

  update = find_button (GTK_WIDGET (row), "profile.edit");
  g_assert_nonnull (update);
  g_signal_emit_by_name (update, "clicked");
  g_assert_cmpstr (fixture->edited_id, ==, "AZ-BAD");
}

static void
test_errors_newest_first (Fixture       *fixture,
                          gconstpointer  data)
{
  load_page (fixture);

  g_assert_cmpint (iwd_errors_page_get_state (fixture->page), ==, IWD_ERRORS_PAGE_STATE_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (iwd_errors_page_get_model (fixture->page)), ==, 3);
  g_assert_cmpstr (iwd_robot_error_get_date_text (error_at (fixture, 0)), ==, "2023-03-04T22:05:41");
  g_assert_cmpstr (iwd_robot_error_get_date_text (error_at (fixture, 1)), ==, "2023-03-02T06:15:00");
  g_assert_cmpstr (iwd_robot_error_get_date_text (error_at (fixture, 2)), ==, "2023-03-01T06:12:00");
  g_assert_cmpint (iwd_robot_error_get_code (error_at (fixture, 2)), ==, 8);
}

static void
test_errors_rows (Fixture       *fixture,
                  gconstpointer  data)
{
  AdwActionRow *unknown;
  AdwActionRow *known;

  load_page (fixture);

  /* An unknown code shows as the robot sends it, with no Update button. */
  unknown = find_row (GTK_WIDGET (fixture->page), "Error 42: Site de la compagnie indisponible");
  g_assert_nonnull (unknown);
  g_assert_cmpstr (adw_action_row_get_subtitle (unknown), ==, "04/03/2023 22:05");
  g_assert_null (find_button (GTK_WIDGET (unknown), "profile.edit"));

  known = find_row (GTK_WIDGET (fixture->page),
                    "Login refused by the insurer: update the password of this profile");
  g_assert_nonnull (known);
  g_assert_cmpstr (adw_action_row_get_subtitle (known), ==,
                   "02/03/2023 06:15 · “Erreur d'identifiant”, code 8");
}

static void
test_errors_invalid_json (Fixture       *fixture,
                          gconstpointer  data)
{
  const char *message;

  load_page (fixture);

  g_assert_cmpint (iwd_errors_page_get_state (fixture->page), ==, IWD_ERRORS_PAGE_STATE_ERROR);
  g_assert_cmpuint (g_list_model_get_n_items (iwd_errors_page_get_model (fixture->page)), ==, 0);
  message = iwd_errors_page_get_error_message (fixture->page);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "GET Erreurs"));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->page), "errors.reload"));
}

static void
test_errors_empty (Fixture       *fixture,
                   gconstpointer  data)
{
  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-OK", "secret1");
  load_page (fixture);

  g_assert_cmpint (iwd_errors_page_get_state (fixture->page), ==, IWD_ERRORS_PAGE_STATE_EMPTY);
  g_assert_null (iwd_errors_page_get_error_message (fixture->page));
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
test_errors_tab_badge (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = iwd_error_monitor_new (fixture->robot.client, NULL, NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GtkWidget *stack = adw_view_stack_new ();
  AdwViewStackPage *tab;

  gtk_window_set_child (GTK_WINDOW (fixture->window), stack);
  tab = adw_view_stack_add_titled (ADW_VIEW_STACK (stack), iwd_errors_page_new (), "errors", "Errors");
  iwd_error_monitor_bind_badge (monitor, tab);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (tab));

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  iwd_error_monitor_check_async (monitor, NULL, store_result_cb, &result);
  robot_wait_until (has_result, &result);
  g_assert_true (iwd_error_monitor_check_finish (monitor, result, NULL, &error));
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 1);
  g_assert_true (adw_view_stack_page_get_needs_attention (tab));

  iwd_error_monitor_clear_new_count (monitor);
  g_assert_cmpuint (adw_view_stack_page_get_badge_number (tab), ==, 0);
  g_assert_false (adw_view_stack_page_get_needs_attention (tab));
}

static void
test_errors_page_finalized (void)
{
  RobotFixture robot = { 0 };
  GtkWidget *page = g_object_ref_sink (iwd_errors_page_new ());

  robot_fixture_set_up (&robot, NULL);
  iwd_errors_page_set_client (IWD_ERRORS_PAGE (page), robot.client);

  /* Dropped while it loads: the load is cancelled, and nothing keeps
   * the page alive. */
  g_assert_finalize_object (page);
  robot_spin (100);
  robot_fixture_tear_down (&robot);
}

/* The heading of a profile's errors names its company by the company
 * list's label, also when the list arrives after the errors. */
static void
test_errors_company_label (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(GListStore) companies = g_list_store_new (IWD_TYPE_COMPANY);
  g_autoptr(IwdCompany) allianz = iwd_company_new ("ALLIANZ", "Allianz IARD");

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  iwd_errors_page_set_companies (fixture->page, G_LIST_MODEL (companies));
  load_page (fixture);
  g_assert_false (shows_label (GTK_WIDGET (fixture->page), "AZ-BAD — Allianz IARD"));

  g_list_store_append (companies, allianz);

  g_assert_true (shows_label (GTK_WIDGET (fixture->page), "AZ-BAD — Allianz IARD"));
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
  adw_init ();

#define ADD(path, func, data) \
  g_test_add ("/ui/robot/errors/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("wrong-password", test_errors_wrong_password, NULL);
  ADD ("newest-first", test_errors_newest_first, TEST_DATA_DIR "/ui-robot/errors");
  ADD ("rows", test_errors_rows, TEST_DATA_DIR "/ui-robot/errors");
  ADD ("invalid-json", test_errors_invalid_json, TEST_DATA_DIR "/ui-robot/invalid-errors");
  ADD ("empty", test_errors_empty, NULL);
  ADD ("tab-badge", test_errors_tab_badge, NULL);
  ADD ("company-label", test_errors_company_label, NULL);
  g_test_add_func ("/ui/robot/errors/finalized", test_errors_page_finalized);

#undef ADD

  return g_test_run ();
}
