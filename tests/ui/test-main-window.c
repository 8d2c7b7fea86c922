/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The main window signed in to a demo account on a loopback sandbox:
 * its four tabs and their shortcuts, the profile editor opened by the
 * pages' actions, and the robot error monitor of the account shown. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iwd-local-file-view.h"
#include "iwd-profile-editor.h"
#include "iwd-sandbox.h"
#include "iwd-window.h"
#include "sign-in-helpers.h"

#define WAIT_TIMEOUT_SECONDS 20
#define DEMO_LOGIN "demo"
#define DEMO_PASSWORD "demo"
#define EDITED_PROFILE_ID "P-ALLIANZ-TEST"
#define NEW_PROFILE_ID "ALZ-01"
/* The password that the sandbox's ALLIANZ extranet accepts. */
#define INSURER_PASSWORD "Vrai-Secret-42"

typedef struct {
  IwdSandbox        *sandbox;
  SoupSession       *session;
  IwdAccountManager *manager;
  IwdAccount        *account;
  IwdWindow         *window;
} WindowFixture;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static IwdAccount *
new_demo_account (WindowFixture *fixture)
{
  g_autofree char *base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  g_autoptr(IwdClient) client = NULL;
  g_autoptr(GError) error = NULL;
  IwdAccount *account;

  client = iwd_client_new_for_server (fixture->session, base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (client, DEMO_LOGIN, DEMO_PASSWORD);

  account = iwd_account_manager_create_demo_account (fixture->manager, base_url, client, &error);
  g_assert_no_error (error);

  return account;
}

static void
fixture_set_up (WindowFixture *fixture,
                gconstpointer  user_data)
{
  g_autoptr(IwdSecretStore) secrets = iwd_secret_store_new (NULL);
  g_autoptr(GError) error = NULL;

  fixture->sandbox = iwd_sandbox_new (1);
  iwd_sandbox_add_account (fixture->sandbox, DEMO_LOGIN, DEMO_PASSWORD);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->session = soup_session_new ();
  fixture->manager = iwd_account_manager_new (fixture->session, secrets, g_get_tmp_dir ());
  fixture->account = new_demo_account (fixture);

  /* GTK owns toplevels: the extra reference lets the tear-down check
   * that destroying the window finalizes it. */
  fixture->window = g_object_ref (iwd_window_new (NULL, fixture->manager));
  iwd_window_set_account (fixture->window, fixture->account);
}

/* Destroys @window and waits until it is finalized, because the
 * keyring listing of the account menu keeps a reference until it
 * completes. */
static void
destroy_window (IwdWindow *window)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  g_object_add_weak_pointer (G_OBJECT (window), (gpointer *) &window);
  gtk_window_destroy (GTK_WINDOW (window));
  g_object_unref (window);

  while (!timed_out && window != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_null (window);
}

static void
fixture_tear_down (WindowFixture *fixture,
                   gconstpointer  user_data)
{
  destroy_window (fixture->window);

  g_clear_object (&fixture->account);
  g_clear_object (&fixture->manager);
  g_clear_object (&fixture->session);
  iwd_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

static IwdProfileEditor *
get_editor (IwdWindow *window)
{
  GtkWindow *editor_window = iwd_window_get_editor_window (window);
  GtkWidget *box;

  g_assert_nonnull (editor_window);
  box = adw_window_get_content (ADW_WINDOW (editor_window));

  return IWD_PROFILE_EDITOR (gtk_widget_get_last_child (box));
}

static void
wait_for_form (IwdProfileEditor *editor)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && iwd_profile_editor_get_state (editor) == IWD_PROFILE_EDITOR_STATE_LOADING)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_FORM);
}

static void
test_main_window_pages (WindowFixture *fixture,
                        gconstpointer  user_data)
{
  IwdClient *client = iwd_account_get_client (fixture->account);

  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "main");
  g_assert_cmpstr (iwd_window_get_tab (fixture->window), ==, "companies");
  g_assert_true (iwd_companies_page_get_client (iwd_window_get_companies_page (fixture->window)) == client);
  g_assert_true (IWD_IS_PORTFOLIOS_PAGE (iwd_window_get_portfolios_page (fixture->window)));
  g_assert_true (IWD_IS_PROFILES_PAGE (iwd_window_get_profiles_page (fixture->window)));
  g_assert_true (IWD_IS_ERRORS_PAGE (iwd_window_get_errors_page (fixture->window)));
}

static void
test_main_window_switch_tabs (WindowFixture *fixture,
                              gconstpointer  user_data)
{
  const char *tabs[] = { "portfolios", "profiles", "errors", "companies" };
  GtkWidget *widget = GTK_WIDGET (fixture->window);

  for (guint i = 0; i < G_N_ELEMENTS (tabs); i++)
    {
      g_assert_true (gtk_widget_activate_action (widget, "win.show-page", "s", tabs[i]));
      g_assert_cmpstr (iwd_window_get_tab (fixture->window), ==, tabs[i]);
    }

  /* An unknown name leaves the tab shown. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "contracts");
  g_assert_cmpstr (iwd_window_get_tab (fixture->window), ==, "companies");
}

static gboolean
focus_is_in (GtkWidget *widget,
             GType      type)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && gtk_widget_get_ancestor (focus, type) != NULL;
}

/* Ctrl+F reaches the page shown when the focus is outside it, as after
 * Alt+1 or at start-up: the window passes it on. */
static void
test_main_window_page_keys (WindowFixture *fixture,
                            gconstpointer  user_data)
{
  GtkWidget *widget = GTK_WIDGET (fixture->window);
  GtkWidget *companies = GTK_WIDGET (iwd_window_get_companies_page (fixture->window));

  gtk_window_present (GTK_WINDOW (fixture->window));
  while (!gtk_widget_get_mapped (companies))
    g_main_context_iteration (NULL, TRUE);

  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (widget, "win.page-key", "s", "search"));
  g_assert_true (focus_is_in (widget, GTK_TYPE_SEARCH_ENTRY));
  g_assert_true (focus_is_in (widget, IWD_TYPE_COMPANIES_PAGE));

  /* Ctrl+N opens the new portfolio form, and Alt+Left goes back to the
   * list, with the focus outside the page too. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "portfolios");
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (widget, "win.page-key", "s", "new"));
  g_assert_cmpstr (iwd_portfolios_page_get_visible_name (iwd_window_get_portfolios_page (fixture->window)),
                   ==, "form");
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (widget, "win.back", NULL));
  g_assert_cmpstr (iwd_portfolios_page_get_visible_name (iwd_window_get_portfolios_page (fixture->window)),
                   ==, "list");

  /* The errors page has no search: the key does nothing there. */
  gtk_widget_activate_action (widget, "win.show-page", "s", "errors");
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  g_assert_true (gtk_widget_activate_action (widget, "win.page-key", "s", "search"));
  g_assert_null (gtk_root_get_focus (gtk_widget_get_root (widget)));
}

static void
test_main_window_tabs_need_account (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(IwdSecretStore) secrets = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountManager) manager = iwd_account_manager_new (session, secrets, g_get_tmp_dir ());
  IwdWindow *window = g_object_ref (iwd_window_new (NULL, manager));

  /* The window starts on the sign-in page, where the tabs do not apply. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "errors");
  g_assert_cmpstr (iwd_window_get_tab (window), ==, "companies");
  g_assert_null (iwd_window_get_error_monitor (window));

  destroy_window (window);
}

static void
test_main_window_create_profile (WindowFixture *fixture,
                                 gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  GtkWindow *editor_window;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "company.create-profile", "s", "ALLIANZ"));
  editor_window = iwd_window_get_editor_window (fixture->window);
  editor = get_editor (fixture->window);
  wait_for_form (editor);

  g_assert_true (gtk_window_get_transient_for (editor_window) == GTK_WINDOW (fixture->window));
  g_assert_true (gtk_window_get_modal (editor_window));
  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, "");
  g_assert_true (iwd_credential_form_get_profile_id_editable (iwd_profile_editor_get_form (editor)));
}

static GtkWindow *
find_transient_window (IwdWindow  *window,
                       const char *title)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) toplevel = g_list_model_get_item (toplevels, i);

      if (gtk_window_get_transient_for (toplevel) == GTK_WINDOW (window) &&
          g_strcmp0 (gtk_window_get_title (toplevel), title) == 0)
        return toplevel;
    }

  return NULL;
}

static void
test_main_window_open_file (WindowFixture *fixture,
                            gconstpointer  user_data)
{
  GtkWindow *file_window;
  GtkWidget *view;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.open-file", NULL));
  file_window = find_transient_window (fixture->window, "Local File");

  g_assert_nonnull (file_window);
  view = gtk_widget_get_last_child (adw_window_get_content (ADW_WINDOW (file_window)));
  g_assert_true (IWD_IS_LOCAL_FILE_VIEW (view));

  gtk_window_destroy (file_window);
}

static gboolean
editor_is_closed (IwdWindow *window)
{
  return iwd_window_get_editor_window (window) == NULL;
}

static gboolean
profile_is_listed (IwdWindow *window)
{
  GListModel *profiles = iwd_profiles_page_get_model (iwd_window_get_profiles_page (window));

  return g_list_model_get_n_items (profiles) == 1;
}

static void
wait_for_window (IwdWindow *window,
                 gboolean (*condition) (IwdWindow *window))
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && !condition (window))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static void
test_main_window_save_profile (WindowFixture *fixture,
                               gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  IwdCredentialForm *form;
  g_autoptr(IwdProfileItem) item = NULL;

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "company.create-profile", "s", "ALLIANZ");
  editor = get_editor (fixture->window);
  wait_for_form (editor);

  form = iwd_profile_editor_get_form (editor);
  iwd_credential_form_set_profile_id (form, NEW_PROFILE_ID);
  gtk_editable_set_text (GTK_EDITABLE (iwd_credential_form_get_row (form, "Login")), "agent42");
  gtk_editable_set_text (GTK_EDITABLE (iwd_credential_form_get_row (form, "Password")), INSURER_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL));

  /* Saving closes the editor and reloads the profile list. */
  wait_for_window (fixture->window, editor_is_closed);
  wait_for_window (fixture->window, profile_is_listed);

  item = g_list_model_get_item (iwd_profiles_page_get_model (iwd_window_get_profiles_page (fixture->window)), 0);
  g_assert_cmpstr (iwd_profile_item_get_id (item), ==, NEW_PROFILE_ID);
  /* The robot lists the company in lower case. */
  g_assert_cmpstr (iwd_profile_item_get_company (item), ==, "allianz");
}

static void
test_main_window_edit_profile (WindowFixture *fixture,
                               gconstpointer  user_data)
{
  IwdAccountState *state = iwd_account_get_state (fixture->account);
  IwdProfileRecord *record = iwd_profile_record_new (EDITED_PROFILE_ID, "ALLIANZ");
  g_autoptr(GError) error = NULL;
  IwdProfileEditor *editor;

  iwd_account_state_set_profile (state, record, &error);
  iwd_profile_record_free (record);
  g_assert_no_error (error);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "profile.edit", "s", EDITED_PROFILE_ID));
  editor = get_editor (fixture->window);
  wait_for_form (editor);

  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, EDITED_PROFILE_ID);
  g_assert_false (iwd_credential_form_get_profile_id_editable (iwd_profile_editor_get_form (editor)));
}

static void
test_main_window_edit_unknown_profile (WindowFixture *fixture,
                                       gconstpointer  user_data)
{
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "profile.edit", "s", "P-NOWHERE");

  g_assert_null (iwd_window_get_editor_window (fixture->window));
}

/* Waits for the object behind @weak_pointer to be finalized: a stopped
 * monitor drops its last reference when its cancelled read returns. */
static void
wait_for_finalize (gpointer *weak_pointer)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && *weak_pointer != NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_null (*weak_pointer);
}

static void
test_main_window_monitor_switch (WindowFixture *fixture,
                                 gconstpointer  user_data)
{
  g_autoptr(IwdAccount) other = new_demo_account (fixture);
  IwdErrorMonitor *first = iwd_window_get_error_monitor (fixture->window);
  IwdErrorMonitor *second;

  g_assert_nonnull (first);
  g_object_add_weak_pointer (G_OBJECT (first), (gpointer *) &first);

  iwd_window_set_account (fixture->window, other);
  second = iwd_window_get_error_monitor (fixture->window);

  g_assert_nonnull (second);
  g_assert_true (second != first);
  wait_for_finalize ((gpointer *) &first);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && *result == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  return *result;
}

/* Posts a profile whose password the sandbox's extranet rejects, so the
 * robot lists a login error for it. */
static void
post_failing_profile (IwdClient *client)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "wrong");
  json_object_set_string_member (values, "Marche", "P");
  iwd_client_save_profile_async (client, "ALLIANZ", "AZ-BAD", values, NULL, NULL, store_result_cb, &result);

  g_assert_true (iwd_client_save_profile_finish (client, wait_for_result (&result), &error));
  g_assert_no_error (error);
}

static gboolean
profiles_page_is_loaded (IwdWindow *window)
{
  return iwd_profiles_page_get_state (iwd_window_get_profiles_page (window)) != IWD_PROFILES_PAGE_STATE_LOADING;
}

/* A profile saved from a portfolio reloads the Profiles tab, which then
 * lists it. */
static void
test_main_window_profile_saved (WindowFixture *fixture,
                                gconstpointer  user_data)
{
  IwdProfilesPage *page = iwd_window_get_profiles_page (fixture->window);

  wait_for_window (fixture->window, profiles_page_is_loaded);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "profile.saved", "s", "AZ9"));
  g_assert_cmpint (iwd_profiles_page_get_state (page), ==, IWD_PROFILES_PAGE_STATE_LOADING);
  wait_for_window (fixture->window, profiles_page_is_loaded);
}

static gboolean
errors_are_listed (IwdWindow *window)
{
  GListModel *errors = iwd_errors_page_get_model (iwd_window_get_errors_page (window));

  return g_list_model_get_n_items (errors) == 1;
}

static gboolean
errors_page_is_loaded (IwdWindow *window)
{
  return iwd_errors_page_get_state (iwd_window_get_errors_page (window)) != IWD_ERRORS_PAGE_STATE_LOADING;
}

static void
test_main_window_new_errors (WindowFixture *fixture,
                             gconstpointer  user_data)
{
  IwdErrorMonitor *monitor = iwd_window_get_error_monitor (fixture->window);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_new = 0;

  wait_for_window (fixture->window, errors_page_is_loaded);
  post_failing_profile (iwd_account_get_client (fixture->account));

  iwd_error_monitor_check_async (monitor, NULL, store_result_cb, &result);
  iwd_error_monitor_check_finish (monitor, wait_for_result (&result), &n_new, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n_new, ==, 1);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 1);

  /* Showing the errors tab fetches the new error and clears the count. */
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "errors");
  wait_for_window (fixture->window, errors_are_listed);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 0);
}

/* The monitor has not read the list since the profile failed, yet the
 * errors tab shows its error as soon as the broker opens it. */
static void
test_main_window_errors_tab_checks (WindowFixture *fixture,
                                    gconstpointer  user_data)
{
  IwdErrorMonitor *monitor = iwd_window_get_error_monitor (fixture->window);

  wait_for_window (fixture->window, errors_page_is_loaded);
  post_failing_profile (iwd_account_get_client (fixture->account));
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "errors");
  wait_for_window (fixture->window, errors_are_listed);

  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 0);
}

/* The Update button of the errors tab opens the editor of a profile
 * that the profiles tab, loaded before it failed, does not list. */
static void
test_main_window_edit_from_errors (WindowFixture *fixture,
                                   gconstpointer  user_data)
{
  IwdProfileEditor *editor;

  wait_for_window (fixture->window, errors_page_is_loaded);
  post_failing_profile (iwd_account_get_client (fixture->account));
  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.show-page", "s", "errors");
  wait_for_window (fixture->window, errors_are_listed);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "profile.edit", "s", "AZ-BAD"));
  editor = get_editor (fixture->window);
  wait_for_form (editor);

  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, "AZ-BAD");
}

static void
wait_until_settled (IwdWindow *window)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && g_strcmp0 (iwd_window_get_page (window), "loading") == 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static void
test_main_window_monitor_sign_out (WindowFixture *fixture,
                                   gconstpointer  user_data)
{
  IwdErrorMonitor *monitor = iwd_window_get_error_monitor (fixture->window);
  AdwMessageDialog *dialog;

  g_assert_nonnull (monitor);
  g_object_add_weak_pointer (G_OBJECT (monitor), (gpointer *) &monitor);

  gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "sign-out");

  g_assert_null (iwd_window_get_error_monitor (fixture->window));
  wait_for_finalize ((gpointer *) &monitor);

  /* The sign-out keeps a reference to the window until the keyring
   * replies. The window then shows the sign-in page, or another account
   * that the shared test keyring lists. */
  wait_until_settled (fixture->window);
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
  g_test_add (path, WindowFixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/main-window/pages", test_main_window_pages);
  ADD ("/main-window/switch-tabs", test_main_window_switch_tabs);
  ADD ("/main-window/page-keys", test_main_window_page_keys);
  ADD ("/main-window/profile-saved", test_main_window_profile_saved);
  g_test_add_func ("/main-window/tabs-need-account", test_main_window_tabs_need_account);
  ADD ("/main-window/create-profile", test_main_window_create_profile);
  ADD ("/main-window/open-file", test_main_window_open_file);
  ADD ("/main-window/save-profile", test_main_window_save_profile);
  ADD ("/main-window/edit-profile", test_main_window_edit_profile);
  ADD ("/main-window/edit-unknown-profile", test_main_window_edit_unknown_profile);
  ADD ("/main-window/monitor-switch", test_main_window_monitor_switch);
  ADD ("/main-window/monitor-sign-out", test_main_window_monitor_sign_out);
  ADD ("/main-window/new-errors", test_main_window_new_errors);
  ADD ("/main-window/errors-tab-checks", test_main_window_errors_tab_checks);
  ADD ("/main-window/edit-from-errors", test_main_window_edit_from_errors);

#undef ADD

  return g_test_run ();
}
