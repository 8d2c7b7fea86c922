/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "iwd-company.h"
#include "iwd-profile-row.h"
#include "iwd-profiles-page.h"
#include "robot-fixture.h"

typedef struct {
  RobotFixture     robot;
  IwdAccountState *account_state;
  GtkWidget       *window;
  IwdProfilesPage *page;
  guint            n_finished;
  gboolean         last_success;
  char            *last_message;
  char            *edited_id;
} Fixture;

static void
operation_finished_cb (IwdProfilesPage *page,
                       const char      *profile_id,
                       const char      *message,
                       gboolean         success,
                       Fixture         *fixture)
{
  fixture->n_finished++;
  fixture->last_success = success;
  g_free (fixture->last_message);
  fixture->last_message = g_strdup (message);
}

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
install_edit_action (Fixture *fixture)
{
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", G_VARIANT_TYPE_STRING);

  g_signal_connect (edit, "activate", G_CALLBACK (edit_activated_cb), fixture);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  gtk_widget_insert_action_group (fixture->window, "profile", G_ACTION_GROUP (group));
}

/* Remembers AZ1 as posted with two methods and linked to portfolio PTF1,
 * as the profile editor and the portfolios page would have. */
static void
remember_az1 (Fixture *fixture)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new (fixture->robot.base_url, ROBOT_LOGIN);
  g_autoptr(IwdProfileRecord) record = iwd_profile_record_new ("AZ1", "ALLIANZ");
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Martin", 12);
  g_autoptr(GError) error = NULL;

  fixture->account_state = iwd_account_state_new (fixture->robot.data_dir, account);
  g_strfreev (record->methods);
  record->methods = g_strdupv ((GStrv) (const char * const[]) { "Commissions", "Emissions", NULL });

  iwd_account_state_set_profile (fixture->account_state, record, &error);
  g_assert_no_error (error);
  iwd_account_state_add_portfolio (fixture->account_state, "PTF1", options, &error);
  g_assert_no_error (error);
  iwd_account_state_link_profile (fixture->account_state, "PTF1", "AZ1", &error);
  g_assert_no_error (error);
  iwd_account_state_save (fixture->account_state, &error);
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  robot_fixture_set_up (&fixture->robot, NULL);
  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ1", "secret1");
  robot_save_profile (&fixture->robot, "AXA", "AX2", "secret2");
  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ3", "wrong");
  remember_az1 (fixture);

  /* The page goes into a window, as in the application, so that its
   * actions and the window's `profile.edit` resolve. */
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 800, 600);
  fixture->page = IWD_PROFILES_PAGE (iwd_profiles_page_new ());
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
  install_edit_action (fixture);
  g_signal_connect (fixture->page, "operation-finished", G_CALLBACK (operation_finished_cb), fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->account_state);
  g_clear_pointer (&fixture->last_message, g_free);
  g_clear_pointer (&fixture->edited_id, g_free);
  robot_fixture_tear_down (&fixture->robot);
}

static gboolean
page_loaded (gpointer data)
{
  return iwd_profiles_page_get_state (data) != IWD_PROFILES_PAGE_STATE_LOADING;
}

static void
load_page (Fixture *fixture)
{
  iwd_profiles_page_set_account_state (fixture->page, fixture->account_state);
  iwd_profiles_page_set_client (fixture->page, fixture->robot.client);
  robot_wait_until (page_loaded, fixture->page);
  g_assert_cmpint (iwd_profiles_page_get_state (fixture->page), ==, IWD_PROFILES_PAGE_STATE_LIST);
}

typedef struct {
  Fixture *fixture;
  guint    n_expected;
} FinishedWait;

static gboolean
operations_finished (gpointer data)
{
  FinishedWait *wait = data;

  return wait->fixture->n_finished >= wait->n_expected &&
         page_loaded (wait->fixture->page);
}

static void
wait_for_operations (Fixture *fixture,
                     guint    n_expected)
{
  FinishedWait wait = { fixture, n_expected };

  robot_wait_until (operations_finished, &wait);
}

static IwdProfileItem *
find_item (Fixture    *fixture,
           const char *profile_id)
{
  GListModel *model = iwd_profiles_page_get_model (fixture->page);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IwdProfileItem) item = g_list_model_get_item (model, i);

      if (g_strcmp0 (iwd_profile_item_get_id (item), profile_id) == 0)
        return item;
    }

  return NULL;
}

static const IwdProfileTask *
find_task (IwdProfileItem *item,
           const char     *method)
{
  GPtrArray *tasks = iwd_profile_get_tasks (iwd_profile_item_get_profile (item));

  for (guint i = 0; i < tasks->len; i++)
    {
      const IwdProfileTask *task = g_ptr_array_index (tasks, i);

      if (g_strcmp0 (task->label, method) == 0)
        return task;
    }

  return NULL;
}

static IwdProfileRow *
find_row (GtkWidget  *widget,
          const char *profile_id)
{
  if (IWD_IS_PROFILE_ROW (widget) &&
      g_strcmp0 (iwd_profile_item_get_id (iwd_profile_row_get_item (IWD_PROFILE_ROW (widget))),
                 profile_id) == 0)
    return IWD_PROFILE_ROW (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      IwdProfileRow *row = find_row (child, profile_id);

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
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (has_label (child, text))
        return TRUE;
    }

  return FALSE;
}

static void
test_profiles_merged (Fixture       *fixture,
                      gconstpointer  data)
{
  IwdProfileItem *az1;
  IwdProfileItem *ax2;
  const char * const *methods;

  load_page (fixture);

  g_assert_cmpuint (g_list_model_get_n_items (iwd_profiles_page_get_model (fixture->page)), ==, 3);
  az1 = find_item (fixture, "AZ1");
  ax2 = find_item (fixture, "AX2");
  g_assert_nonnull (az1);
  g_assert_nonnull (ax2);

  g_assert_cmpstr (iwd_profile_item_get_company (az1), ==, "allianz");
  g_assert_true (iwd_profile_item_get_remembered (az1));
  g_assert_cmpstr (iwd_profile_item_get_portfolios (az1)[0], ==, "PTF1");
  g_assert_null (iwd_profile_item_get_portfolios (az1)[1]);
  methods = iwd_profile_item_get_methods (az1);
  g_assert_cmpstr (methods[0], ==, "Commissions");
  g_assert_cmpstr (methods[1], ==, "Emissions");
  g_assert_null (methods[2]);
  g_assert_nonnull (find_task (az1, "Commissions"));

  g_assert_false (iwd_profile_item_get_remembered (ax2));
  g_assert_null (iwd_profile_item_get_portfolios (ax2)[0]);
  g_assert_cmpint (iwd_profile_item_get_state (ax2), ==, IWD_PROFILE_ITEM_STATE_WORKING);
}

static void
test_profiles_force_each_method (Fixture       *fixture,
                                 gconstpointer  data)
{
  const char * const *methods = iwd_robot_list_methods ();
  guint n_methods = g_strv_length ((GStrv) methods);

  load_page (fixture);

  for (guint i = 0; i < n_methods; i++)
    {
      g_autofree char *expected = g_strdup_printf ("The robot will run %s for profile AX2.",
                                                   iwd_robot_method_get_title (methods[i]));

      gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profiles.force-task", "(ss)",
                                  "AX2", methods[i]);
      wait_for_operations (fixture, i + 1);

      g_assert_true (fixture->last_success);
      g_assert_cmpstr (fixture->last_message, ==, expected);
    }

  /* Each forced method is now a task of the profile, and runs. */
  for (guint i = 0; i < n_methods; i++)
    {
      const IwdProfileTask *task = find_task (find_item (fixture, "AX2"), methods[i]);

      g_assert_nonnull (task);
      g_assert_false (task->inactive);
    }
}

static void
test_profiles_force_unknown (Fixture       *fixture,
                             gconstpointer  data)
{
  load_page (fixture);

  iwd_profiles_page_force_task (fixture->page, "GONE", "Commissions");
  wait_for_operations (fixture, 1);

  g_assert_false (fixture->last_success);
  g_assert_true (g_str_has_prefix (fixture->last_message,
                                   "The robot cannot run Commissions for profile GONE."));
}

static void
test_profiles_start_date (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(GDate) date = g_date_new_dmy (31, G_DATE_JANUARY, 2024);

  load_page (fixture);

  iwd_profiles_page_set_start_date (fixture->page, "AZ1", date);
  wait_for_operations (fixture, 1);
  g_assert_true (fixture->last_success);
  g_assert_cmpstr (fixture->last_message, ==, "The robot starts profile AZ1 after 31/01/2024.");

  /* The calendar's button passes the date as text through the action. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profiles.set-start-date", "(ss)",
                              "AX2", "2023-12-15");
  wait_for_operations (fixture, 2);
  g_assert_true (fixture->last_success);
  g_assert_cmpstr (fixture->last_message, ==, "The robot starts profile AX2 after 15/12/2023.");

  iwd_profiles_page_set_start_date (fixture->page, "GONE", date);
  wait_for_operations (fixture, 3);
  g_assert_false (fixture->last_success);
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* A response from a button closes the dialog; one given by the test
 * leaves that to the caller. */
static void
close_dialog (AdwMessageDialog *dialog)
{
  if (find_dialog () == dialog)
    gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_profiles_delete (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GPtrArray) left = NULL;
  AdwMessageDialog *dialog;

  load_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profiles.delete", "s", "AZ1");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Profile AZ1?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "its tasks go with it"));

  adw_message_dialog_response (dialog, "delete");
  close_dialog (dialog);
  wait_for_operations (fixture, 1);

  g_assert_true (fixture->last_success);
  g_assert_cmpstr (fixture->last_message, ==, "Profile AZ1 and its tasks were deleted.");
  g_assert_null (find_item (fixture, "AZ1"));
  g_assert_cmpuint (g_list_model_get_n_items (iwd_profiles_page_get_model (fixture->page)), ==, 2);
  g_assert_null (iwd_account_state_get_profile (fixture->account_state, "AZ1"));

  left = robot_list_profiles (&fixture->robot);
  g_assert_cmpuint (left->len, ==, 2);
}

static void
test_profiles_delete_cancelled (Fixture       *fixture,
                                gconstpointer  data)
{
  AdwMessageDialog *dialog;

  load_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profiles.delete", "s", "AX2");
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  close_dialog (dialog);
  robot_spin (200);

  g_assert_cmpuint (fixture->n_finished, ==, 0);
  g_assert_nonnull (find_item (fixture, "AX2"));
}

static void
test_profiles_suspended (Fixture       *fixture,
                         gconstpointer  data)
{
  IwdProfileItem *az3;
  IwdProfileRow *row;
  GtkWidget *update;

  load_page (fixture);

  az3 = find_item (fixture, "AZ3");
  g_assert_cmpint (iwd_profile_item_get_state (az3), ==, IWD_PROFILE_ITEM_STATE_SUSPENDED);
  g_assert_true (find_task (az3, "Commissions")->inactive);

  row = find_row (GTK_WIDGET (fixture->page), "AZ3");
  g_assert_nonnull (row);
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==,
                   "Login refused: its tasks are paused until you update it");

  update = find_button (GTK_WIDGET (row), "profile.edit");
  g_assert_nonnull (update);
  g_assert_true (gtk_widget_get_visible (update));
  g_signal_emit_by_name (update, "clicked");
  g_assert_cmpstr (fixture->edited_id, ==, "AZ3");
}

static GtkWidget *
find_widget_of_type (GtkWidget *widget,
                     GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget_of_type (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_labelled_button (GtkWidget  *widget,
                      const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *button = find_labelled_button (child, label);

      if (button != NULL)
        return button;
    }

  return NULL;
}

static void
test_profiles_calendar (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GDateTime) day = g_date_time_new_local (2022, 11, 30, 0, 0, 0);
  IwdProfileRow *row;
  GtkWidget *calendar;
  GtkWidget *button;

  load_page (fixture);
  row = find_row (GTK_WIDGET (fixture->page), "AZ1");
  calendar = find_widget_of_type (GTK_WIDGET (row), GTK_TYPE_CALENDAR);
  button = find_labelled_button (GTK_WIDGET (row), "_Set Start Date");
  g_assert_nonnull (calendar);
  g_assert_nonnull (button);

  gtk_calendar_select_day (GTK_CALENDAR (calendar), day);
  g_signal_emit_by_name (button, "clicked");
  wait_for_operations (fixture, 1);

  g_assert_true (fixture->last_success);
  g_assert_cmpstr (fixture->last_message, ==, "The robot starts profile AZ1 after 30/11/2022.");
}

static void
test_profiles_page_finalized (void)
{
  RobotFixture robot = { 0 };
  GtkWidget *page = g_object_ref_sink (iwd_profiles_page_new ());

  robot_fixture_set_up (&robot, NULL);
  robot_save_profile (&robot, "ALLIANZ", "AZ1", "secret1");
  iwd_profiles_page_set_client (IWD_PROFILES_PAGE (page), robot.client);
  robot_wait_until (page_loaded, page);
  iwd_profiles_page_force_task (IWD_PROFILES_PAGE (page), "AZ1", "Sinistres");

  /* Dropped with a forced task under way: the call is cancelled, and
   * neither it nor the rows keep the page alive. */
  g_assert_finalize_object (page);
  robot_spin (100);
  robot_fixture_tear_down (&robot);
}

static void
test_profiles_working_row (Fixture       *fixture,
                           gconstpointer  data)
{
  IwdProfileRow *row;

  load_page (fixture);

  row = find_row (GTK_WIDGET (fixture->page), "AZ1");
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (find_button (GTK_WIDGET (row), "profile.edit")));
  g_assert_true (has_label (GTK_WIDGET (row), "Working"));
  g_assert_cmpstr (adw_expander_row_get_subtitle (ADW_EXPANDER_ROW (row)), ==, "Tasks: Commissions");
  g_assert_true (has_label (GTK_WIDGET (row), "PTF1"));
  g_assert_true (has_label (GTK_WIDGET (row), "Commissions, New Business"));
}

static void
test_profiles_filters (Fixture       *fixture,
                       gconstpointer  data)
{
  GListModel *model = iwd_profiles_page_get_model (fixture->page);
  g_autoptr(IwdProfileItem) first = NULL;

  load_page (fixture);

  iwd_profiles_page_set_filter_state (fixture->page, IWD_PROFILES_FILTER_SUSPENDED);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  first = g_list_model_get_item (model, 0);
  g_assert_cmpstr (iwd_profile_item_get_id (first), ==, "AZ3");

  iwd_profiles_page_set_filter_state (fixture->page, IWD_PROFILES_FILTER_WORKING);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);

  iwd_profiles_page_set_filter_state (fixture->page, IWD_PROFILES_FILTER_ALL);
  iwd_profiles_page_set_filter_company (fixture->page, "axa");
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);

  iwd_profiles_page_set_filter_company (fixture->page, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
}

static const char *
id_at (Fixture *fixture,
       guint    position)
{
  g_autoptr(IwdProfileItem) item = g_list_model_get_item (iwd_profiles_page_get_model (fixture->page),
                                                         position);

  return iwd_profile_item_get_id (item);
}

static void
test_profiles_sort (Fixture       *fixture,
                    gconstpointer  data)
{
  load_page (fixture);

  iwd_profiles_page_set_sort (fixture->page, IWD_PROFILES_SORT_ID);
  g_assert_cmpstr (id_at (fixture, 0), ==, "AX2");
  g_assert_cmpstr (id_at (fixture, 1), ==, "AZ1");
  g_assert_cmpstr (id_at (fixture, 2), ==, "AZ3");

  iwd_profiles_page_set_sort (fixture->page, IWD_PROFILES_SORT_STATE);
  g_assert_cmpstr (id_at (fixture, 0), ==, "AZ3");
  g_assert_cmpstr (id_at (fixture, 1), ==, "AX2");

  iwd_profiles_page_set_sort (fixture->page, IWD_PROFILES_SORT_COMPANY);
  g_assert_cmpstr (id_at (fixture, 0), ==, "AZ1");
  g_assert_cmpstr (id_at (fixture, 1), ==, "AZ3");
  g_assert_cmpstr (id_at (fixture, 2), ==, "AX2");
}

static void
test_profiles_load_error (Fixture       *fixture,
                          gconstpointer  data)
{
  iwd_client_set_credentials (fixture->robot.client, ROBOT_LOGIN, "not-the-password");
  iwd_profiles_page_set_client (fixture->page, fixture->robot.client);
  robot_wait_until (page_loaded, fixture->page);

  g_assert_cmpint (iwd_profiles_page_get_state (fixture->page), ==, IWD_PROFILES_PAGE_STATE_ERROR);
  g_assert_nonnull (iwd_profiles_page_get_error_message (fixture->page));
  g_assert_nonnull (find_button (GTK_WIDGET (fixture->page), "profiles.reload"));

  iwd_client_set_credentials (fixture->robot.client, ROBOT_LOGIN, ROBOT_PASSWORD);
  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "profiles.reload", NULL);
  robot_wait_until (page_loaded, fixture->page);
  g_assert_cmpint (iwd_profiles_page_get_state (fixture->page), ==, IWD_PROFILES_PAGE_STATE_LIST);
  g_assert_null (iwd_profiles_page_get_error_message (fixture->page));
}

static void
test_profiles_empty (void)
{
  RobotFixture robot = { 0 };
  IwdProfilesPage *page = IWD_PROFILES_PAGE (g_object_ref_sink (iwd_profiles_page_new ()));

  robot_fixture_set_up (&robot, NULL);
  g_assert_cmpint (iwd_profiles_page_get_state (page), ==, IWD_PROFILES_PAGE_STATE_LOADING);

  iwd_profiles_page_set_client (page, robot.client);
  robot_wait_until (page_loaded, page);
  g_assert_cmpint (iwd_profiles_page_get_state (page), ==, IWD_PROFILES_PAGE_STATE_EMPTY);

  g_object_unref (page);
  robot_fixture_tear_down (&robot);
}

static const char *
get_row_title (Fixture    *fixture,
               const char *profile_id)
{
  IwdProfileRow *row = find_row (GTK_WIDGET (fixture->page), profile_id);

  g_assert_nonnull (row);
  return adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row));
}

/* The list names ALLIANZ with a label and AXA without one. Rows follow
 * the list when it arrives after them. */
static void
test_profiles_company_labels (Fixture       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GListStore) companies = g_list_store_new (IWD_TYPE_COMPANY);
  g_autoptr(IwdCompany) allianz = iwd_company_new ("ALLIANZ", "Allianz IARD");
  g_autoptr(IwdCompany) axa = iwd_company_new ("AXA", NULL);
  g_autofree char *code_title = NULL;

  iwd_profiles_page_set_companies (fixture->page, G_LIST_MODEL (companies));
  load_page (fixture);
  code_title = g_strdup (get_row_title (fixture, "AZ1"));

  g_list_store_append (companies, allianz);
  g_list_store_append (companies, axa);

  g_assert_false (g_str_has_suffix (code_title, "Allianz IARD"));
  g_assert_cmpstr (get_row_title (fixture, "AZ1"), ==, "AZ1 — Allianz IARD");
  g_assert_cmpstr (get_row_title (fixture, "AZ3"), ==, "AZ3 — Allianz IARD");
  g_assert_true (g_str_has_prefix (get_row_title (fixture, "AX2"), "AX2 — "));
  g_assert_cmpint (g_ascii_strcasecmp (get_row_title (fixture, "AX2") + strlen ("AX2 — "), "AXA"), ==, 0);
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

#define ADD(path, func) \
  g_test_add ("/ui/robot/profiles/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("merged", test_profiles_merged);
  ADD ("force-each-method", test_profiles_force_each_method);
  ADD ("force-unknown", test_profiles_force_unknown);
  ADD ("start-date", test_profiles_start_date);
  ADD ("delete", test_profiles_delete);
  ADD ("delete-cancelled", test_profiles_delete_cancelled);
  ADD ("suspended", test_profiles_suspended);
  ADD ("working-row", test_profiles_working_row);
  ADD ("filters", test_profiles_filters);
  ADD ("sort", test_profiles_sort);
  ADD ("load-error", test_profiles_load_error);
  g_test_add_func ("/ui/robot/profiles/empty", test_profiles_empty);
  g_test_add_func ("/ui/robot/profiles/finalized", test_profiles_page_finalized);
  ADD ("calendar", test_profiles_calendar);
  ADD ("company-labels", test_profiles_company_labels);

#undef ADD

  return g_test_run ();
}
