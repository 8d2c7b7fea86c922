/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <pwd.h>
#include <unistd.h>

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iwd-form-draft.h"
#include "iwd-profile.h"
#include "iwd-robot-error.h"
#include "iwd-profile-editor.h"
#include "iwd-sandbox.h"

#define TEST_LOGIN "demo"
#define TEST_PASSWORD "demo"
#define COMPANY "ALLIANZ"
#define INSURER_PASSWORD "Vrai-Secret-42"
#define WAIT_TIMEOUT_SECONDS 20

/* Outside a private session, the tests use a session bus address that
 * leads nowhere, so they never write to the user's own keyring. */
#define NO_BUS_ADDRESS "unix:path=/nonexistent/iwdesk-test-no-bus"

/* Where the insurer passwords that the editor stores go. */
typedef enum {
  KEYRING_NONE,     /* no secret service: storing fails and is reported */
  KEYRING_PRIVATE,  /* a throwaway keyring under a temporary HOME */
} KeyringKind;

static KeyringKind keyring_kind;

typedef struct {
  IwdSandbox      *sandbox;
  SoupSession     *session;
  IwdClient       *client;
  char            *state_dir;
  IwdAccountId    *account;
  IwdAccountState *state;
  IwdSecretStore  *secrets;
  GtkWidget       *window;
  char            *saved_id;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  fixture->sandbox = iwd_sandbox_new (1);
  iwd_sandbox_add_account (fixture->sandbox, TEST_LOGIN, TEST_PASSWORD);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  fixture->session = soup_session_new ();
  fixture->client = iwd_client_new_for_server (fixture->session, base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (fixture->client, TEST_LOGIN, TEST_PASSWORD);

  fixture->state_dir = g_dir_make_tmp ("iwd-form-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->account = iwd_account_id_new (base_url, TEST_LOGIN);
  fixture->state = iwd_account_state_new (fixture->state_dir, fixture->account);
  iwd_account_state_load (fixture->state, &error);
  g_assert_no_error (error);

  fixture->secrets = iwd_secret_store_new (NULL);
  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 720, 1000);
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

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  iwd_sandbox_stop (fixture->sandbox);

  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->state);
  g_clear_pointer (&fixture->account, iwd_account_id_free);
  remove_tree (fixture->state_dir);
  g_clear_pointer (&fixture->state_dir, g_free);
  g_clear_pointer (&fixture->saved_id, g_free);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

/* Iterates the main loop until @done returns TRUE, for at most
 * WAIT_TIMEOUT_SECONDS. */
static void
wait_until (gboolean (*done) (gpointer data),
            gpointer  data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static gboolean
is_settled (gpointer data)
{
  IwdProfileEditor *editor = data;

  return iwd_profile_editor_get_state (editor) != IWD_PROFILE_EDITOR_STATE_LOADING &&
         !iwd_profile_editor_get_busy (editor);
}

static gboolean
has_saved (gpointer data)
{
  Fixture *fixture = data;

  return fixture->saved_id != NULL;
}

static void
on_saved (IwdProfileEditor *editor,
          const char       *profile_id,
          Fixture          *fixture)
{
  g_free (fixture->saved_id);
  fixture->saved_id = g_strdup (profile_id);
}

/* Stands for the pages' sentences, which this library cannot link. */
static char *
format_error (const GError *error)
{
  return g_strdup_printf ("[%s %d]", g_quark_to_string (error->domain), error->code);
}

static IwdProfileEditor *
open_editor_in (Fixture    *fixture,
                const char *company,
                const char *profile_id,
                const char *portfolio_id)
{
  GtkWidget *editor = iwd_profile_editor_new (fixture->client, fixture->state, fixture->secrets,
                                              company, "Allianz IARD", profile_id, portfolio_id);

  iwd_profile_editor_set_error_formatter (IWD_PROFILE_EDITOR (editor), format_error);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), editor);
  wait_until (is_settled, editor);

  return IWD_PROFILE_EDITOR (editor);
}

static IwdProfileEditor *
open_editor (Fixture    *fixture,
             const char *company,
             const char *profile_id)
{
  return open_editor_in (fixture, company, profile_id, NULL);
}

static void
type_text (IwdProfileEditor *editor,
           const char       *json_key,
           const char       *text)
{
  GtkWidget *row = iwd_credential_form_get_row (iwd_profile_editor_get_form (editor), json_key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static void
fill_form (IwdProfileEditor *editor,
           const char       *password)
{
  iwd_credential_form_set_profile_id (iwd_profile_editor_get_form (editor), "ALZ-01");
  type_text (editor, "Login", "agent42");
  type_text (editor, "Password", password);
}

static void
run_action (IwdProfileEditor *editor,
            const char       *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  g_assert_true (iwd_profile_editor_get_busy (editor));
  wait_until (is_settled, editor);
}

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
server_has_profile (Fixture    *fixture,
                    const char *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  iwd_client_list_profiles_async (fixture->client, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  profiles = iwd_client_list_profiles_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < profiles->len; i++)
    {
      if (g_strcmp0 (iwd_profile_get_id (g_ptr_array_index (profiles, i)), profile_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
server_profile_has_task (Fixture    *fixture,
                         const char *profile_id,
                         const char *task_label)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  iwd_client_list_profiles_async (fixture->client, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  profiles = iwd_client_list_profiles_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < profiles->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (profiles, i);
      GPtrArray *tasks;

      if (g_strcmp0 (iwd_profile_get_id (profile), profile_id) != 0)
        continue;

      tasks = iwd_profile_get_tasks (profile);
      for (guint j = 0; j < tasks->len; j++)
        {
          const IwdProfileTask *task = g_ptr_array_index (tasks, j);

          if (g_strcmp0 (task->label, task_label) == 0)
            return TRUE;
        }
    }

  return FALSE;
}

static char *
lookup_secret (Fixture    *fixture,
               const char *profile_id,
               const char *json_key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  iwd_secret_store_lookup_field_secret (fixture->secrets, fixture->account, profile_id, json_key,
                                        NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  secret = iwd_secret_store_lookup_field_secret_finish (fixture->secrets, result, &error);
  g_assert_no_error (error);

  return secret;
}

static void
store_secret (Fixture    *fixture,
              const char *profile_id,
              const char *json_key,
              const char *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_store_field_secret (fixture->secrets, fixture->account, profile_id, json_key,
                                       secret, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  iwd_secret_store_store_field_secret_finish (fixture->secrets, result, &error);
  g_assert_no_error (error);
}

static void
test_editor_schema_loads (Fixture       *fixture,
                          gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  IwdCredentialForm *form = iwd_profile_editor_get_form (editor);

  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_FORM);
  g_assert_cmpuint (iwd_credential_form_get_fields (form)->len, ==, 4);
  g_assert_true (ADW_IS_ENTRY_ROW (iwd_credential_form_get_row (form, "Login")));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (iwd_credential_form_get_row (form, "Password")));
  g_assert_null (iwd_profile_editor_get_error_message (editor));
}

static void
test_editor_check_accepted (Fixture       *fixture,
                            gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);

  fill_form (editor, INSURER_PASSWORD);
  run_action (editor, "editor.check");

  g_assert_cmpstr (iwd_profile_editor_get_status (editor), ==, "ImportWeb accepted these credentials.");
  g_assert_null (iwd_credential_form_get_message (iwd_profile_editor_get_form (editor), "Password"));
}

static void
test_editor_check_wrong_password (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  IwdCredentialForm *form = iwd_profile_editor_get_form (editor);
  g_autofree char *general = NULL;

  fill_form (editor, "wrong");
  run_action (editor, "editor.check");
  general = iwd_credential_form_dup_general_message (form);

  g_assert_cmpstr (iwd_credential_form_get_message (form, "Password"), ==, "Mot de passe incorrect");
  g_assert_cmpstr (general, ==, "Identifiants refusés par la compagnie");
  g_assert_nonnull (strstr (iwd_profile_editor_get_status (editor), "refused"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iwd_credential_form_get_row (form, "Password"))), ==, "wrong");
}

static GtkScrolledWindow *
find_scrolled_window (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found;

      if (GTK_IS_SCROLLED_WINDOW (child) && gtk_widget_get_mapped (child))
        return GTK_SCROLLED_WINDOW (child);

      found = find_scrolled_window (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
is_mapped (gpointer data)
{
  return gtk_widget_get_mapped (data);
}

static gboolean
can_scroll (gpointer data)
{
  GtkAdjustment *adjustment = data;

  return gtk_adjustment_get_upper (adjustment) > gtk_adjustment_get_page_size (adjustment);
}

/* The broker clicks Check below the credentials, and the refusal is
 * written above the form, so the editor scrolls back up to it. */
static void
test_editor_check_scrolls_to_status (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  GtkScrolledWindow *scrolled_window;
  GtkAdjustment *adjustment;

  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 560, 400);
  gtk_window_present (GTK_WINDOW (fixture->window));
  wait_until (is_mapped, editor);
  scrolled_window = find_scrolled_window (GTK_WIDGET (editor));
  g_assert_nonnull (scrolled_window);
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled_window);
  wait_until (can_scroll, adjustment);

  fill_form (editor, "wrong");
  gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), >, 0);
  run_action (editor, "editor.check");

  g_assert_nonnull (strstr (iwd_profile_editor_get_status (editor), "refused"));
  g_assert_cmpfloat (gtk_adjustment_get_value (adjustment), ==, 0);
}

/* Collects the revealers of messages, leaving out those that GTK and
 * libadwaita widgets, such as the action bar, have inside them. */
static void
collect_revealers (GtkWidget *widget,
                   GPtrArray *revealers)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_REVEALER (child) && GTK_IS_LABEL (gtk_revealer_get_child (GTK_REVEALER (child))))
        g_ptr_array_add (revealers, child);

      collect_revealers (child, revealers);
    }
}

static guint
count_visible_revealers (IwdProfileEditor *editor)
{
  g_autoptr(GPtrArray) revealers = g_ptr_array_new ();
  guint n_visible = 0;

  collect_revealers (GTK_WIDGET (editor), revealers);
  g_assert_cmpuint (revealers->len, >=, 2);

  for (guint i = 0; i < revealers->len; i++)
    {
      GtkRevealer *revealer = revealers->pdata[i];

      g_assert_cmpint (gtk_widget_get_visible (GTK_WIDGET (revealer)), ==,
                       gtk_revealer_get_reveal_child (revealer));
      if (gtk_widget_get_visible (GTK_WIDGET (revealer)))
        n_visible++;
    }

  return n_visible;
}

/* A hidden message would still add the box's spacing, which left an
 * empty band between the company's name and the first group. */
static void
test_editor_messages_take_no_room (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);

  g_assert_cmpuint (count_visible_revealers (editor), ==, 0);

  fill_form (editor, "wrong");
  run_action (editor, "editor.check");

  g_assert_cmpuint (count_visible_revealers (editor), ==, 2);
}

static void
test_editor_check_invalid_form (Fixture       *fixture,
                                gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  IwdCredentialForm *form = iwd_profile_editor_get_form (editor);

  iwd_credential_form_set_profile_id (form, "ALZ-01");
  type_text (editor, "Password", INSURER_PASSWORD);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.check", NULL));
  g_assert_false (iwd_profile_editor_get_busy (editor));
  g_assert_nonnull (iwd_credential_form_get_message (form, "Login"));
}

static void
test_editor_save (Fixture       *fixture,
                  gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  const IwdProfileRecord *record;

  editor = open_editor (fixture, COMPANY, NULL);
  fill_form (editor, INSURER_PASSWORD);
  run_action (editor, "editor.save");
  wait_until (has_saved, fixture);

  g_assert_cmpstr (fixture->saved_id, ==, "ALZ-01");
  g_assert_true (server_has_profile (fixture, "ALZ-01"));

  record = iwd_account_state_get_profile (fixture->state, "ALZ-01");
  g_assert_nonnull (record);
  g_assert_cmpstr (json_object_get_string_member (record->values, "Login"), ==, "agent42");
  g_assert_false (json_object_has_member (record->values, "Password"));
  g_assert_true (g_strv_contains ((const char * const *) record->secret_keys, "Password"));
  g_assert_true (g_strv_contains ((const char * const *) record->methods, "Commissions"));

  g_file_get_contents (iwd_account_state_get_path (fixture->state), &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "agent42"));
  g_assert_null (strstr (contents, INSURER_PASSWORD));

  if (keyring_kind == KEYRING_PRIVATE)
    {
      g_autofree char *secret = lookup_secret (fixture, "ALZ-01", "Password");

      g_assert_cmpstr (secret, ==, INSURER_PASSWORD);
      g_assert_cmpstr (iwd_profile_editor_get_status (editor), ==, "Profile “ALZ-01” saved.");
    }
  else
    {
      g_assert_nonnull (strstr (iwd_profile_editor_get_status (editor), "could not keep"));
    }
}

static void
test_editor_save_forces_methods (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  IwdProfileEditor *editor;

  editor = open_editor (fixture, COMPANY, NULL);
  fill_form (editor, INSURER_PASSWORD);
  iwd_credential_form_set_methods (iwd_profile_editor_get_form (editor),
                                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_EMISSIONS);
  run_action (editor, "editor.save");
  wait_until (has_saved, fixture);

  g_assert_true (server_profile_has_task (fixture, "ALZ-01", "Commissions"));
  g_assert_true (server_profile_has_task (fixture, "ALZ-01", "Emissions"));
  g_assert_false (server_profile_has_task (fixture, "ALZ-01", "Sinistres"));
}

static AdwMessageDialog *
find_message_dialog (void)
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

/* Saves with the password that the sandbox rejects, then sends @response
 * to the dialog that offers to save anyway. */
static void
save_wrong_password (Fixture          *fixture,
                     IwdProfileEditor *editor,
                     const char       *response)
{
  AdwMessageDialog *dialog;

  fill_form (editor, "wrong");
  run_action (editor, "editor.save");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
}

static void
test_editor_save_wrong_password (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);

  save_wrong_password (fixture, editor, "cancel");

  g_assert_false (iwd_profile_editor_get_busy (editor));
  g_assert_null (fixture->saved_id);
  g_assert_false (server_has_profile (fixture, "ALZ-01"));
  g_assert_null (iwd_account_state_get_profile (fixture->state, "ALZ-01"));
  g_assert_cmpstr (iwd_credential_form_get_message (iwd_profile_editor_get_form (editor), "Password"), ==,
                   "Mot de passe incorrect");
}

static IwdProfile *
find_server_profile (Fixture    *fixture,
                     const char *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  iwd_client_list_profiles_async (fixture->client, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  profiles = iwd_client_list_profiles_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < profiles->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (iwd_profile_get_id (profile), profile_id) == 0)
        return g_object_ref (profile);
    }

  return NULL;
}

static int
find_error_code (Fixture    *fixture,
                 const char *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;

  iwd_client_list_errors_async (fixture->client, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  errors = iwd_client_list_errors_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < errors->len; i++)
    {
      IwdRobotError *robot_error = g_ptr_array_index (errors, i);

      if (g_strcmp0 (iwd_robot_error_get_profile_id (robot_error), profile_id) == 0)
        return iwd_robot_error_get_code (robot_error);
    }

  return 0;
}

static gboolean
has_inactive_task (IwdProfile *profile)
{
  GPtrArray *tasks = iwd_profile_get_tasks (profile);

  for (guint i = 0; i < tasks->len; i++)
    {
      const IwdProfileTask *task = g_ptr_array_index (tasks, i);

      if (task->inactive)
        return TRUE;
    }

  return FALSE;
}

static void
test_editor_save_anyway (Fixture       *fixture,
                         gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  g_autoptr(IwdProfile) profile = NULL;

  save_wrong_password (fixture, editor, "save");
  wait_until (has_saved, fixture);
  profile = find_server_profile (fixture, "ALZ-01");

  g_assert_cmpstr (fixture->saved_id, ==, "ALZ-01");
  g_assert_nonnull (profile);
  g_assert_cmpint (iwd_profile_get_robot_error (profile), ==, 8);
  g_assert_true (has_inactive_task (profile));
  g_assert_cmpint (find_error_code (fixture, "ALZ-01"), ==, 8);
  g_assert_nonnull (iwd_account_state_get_profile (fixture->state, "ALZ-01"));
}

/* The suspended-then-fixed path: a profile saved with a refused password
 * is suspended by the robot, and posting it again with a good one clears
 * the error and starts its tasks again. */
static void
test_editor_repost_clears_error (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  g_autoptr(IwdProfile) profile = NULL;

  save_wrong_password (fixture, editor, "save");
  wait_until (has_saved, fixture);
  g_clear_pointer (&fixture->saved_id, g_free);

  editor = open_editor (fixture, COMPANY, "ALZ-01");
  wait_until (is_settled, editor);
  type_text (editor, "Password", INSURER_PASSWORD);
  run_action (editor, "editor.save");
  wait_until (has_saved, fixture);
  profile = find_server_profile (fixture, "ALZ-01");

  g_assert_nonnull (profile);
  g_assert_cmpint (iwd_profile_get_robot_error (profile), ==, 0);
  g_assert_false (has_inactive_task (profile));
}

static void
create_portfolio (Fixture    *fixture,
                  const char *portfolio_id)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Martin", 12);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (fixture->client, portfolio_id, options, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  iwd_client_create_portfolio_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  iwd_account_state_add_portfolio (fixture->state, portfolio_id, options, &error);
  g_assert_no_error (error);
}

static gboolean
portfolio_has_profile (Fixture    *fixture,
                       const char *portfolio_id,
                       const char *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  iwd_client_list_portfolio_profiles_async (fixture->client, portfolio_id, NULL, store_result_cb, &result);
  wait_until (has_result, &result);
  profiles = iwd_client_list_portfolio_profiles_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < profiles->len; i++)
    {
      if (g_strcmp0 (iwd_profile_get_id (g_ptr_array_index (profiles, i)), profile_id) == 0)
        return TRUE;
    }

  return FALSE;
}

static void
test_editor_save_in_portfolio (Fixture       *fixture,
                               gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  g_auto(GStrv) linked = NULL;

  create_portfolio (fixture, "PTF1");
  editor = open_editor_in (fixture, COMPANY, NULL, "PTF1");
  fill_form (editor, INSURER_PASSWORD);
  run_action (editor, "editor.save");
  wait_until (has_saved, fixture);
  linked = iwd_account_state_list_portfolio_profiles (fixture->state, "PTF1");

  g_assert_true (portfolio_has_profile (fixture, "PTF1", "ALZ-01"));
  g_assert_true (g_strv_contains ((const char * const *) linked, "ALZ-01"));
}

static void
post_profile_directly (Fixture    *fixture,
                       const char *profile_id)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (values, "Login", "other");
  json_object_set_string_member (values, "Password", INSURER_PASSWORD);
  json_object_set_string_member (values, "Marche", "P");
  iwd_client_save_profile_async (fixture->client, COMPANY, profile_id, values, NULL, NULL,
                                 store_result_cb, &result);
  wait_until (has_result, &result);
  iwd_client_save_profile_finish (fixture->client, result, &error);
  g_assert_no_error (error);
}

static void
test_editor_id_taken_on_server (Fixture       *fixture,
                                gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  const char *message;

  post_profile_directly (fixture, "ALZ-01");
  editor = open_editor (fixture, COMPANY, NULL);
  fill_form (editor, INSURER_PASSWORD);

  /* Save stays disabled while the form is invalid, and Check shows why. */
  gtk_widget_activate_action (GTK_WIDGET (editor), "editor.save", NULL);
  g_assert_false (iwd_profile_editor_get_busy (editor));
  g_assert_null (fixture->saved_id);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.check", NULL));
  message = iwd_credential_form_get_profile_id_message (iwd_profile_editor_get_form (editor));

  g_assert_false (iwd_profile_editor_get_busy (editor));
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, "already has the id “ALZ-01”"));
}

static void
test_editor_unknown_company (Fixture       *fixture,
                             gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, "NOSUCHCIE", NULL);

  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_ERROR);
  g_assert_nonnull (iwd_profile_editor_get_error_message (editor));
  g_assert_true (gtk_widget_is_sensitive (GTK_WIDGET (editor)));
}

static void
test_editor_retry_keeps_values (Fixture       *fixture,
                                gconstpointer  user_data)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);
  IwdCredentialForm *form = iwd_profile_editor_get_form (editor);
  g_autofree char *base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  g_autoptr(GUri) uri = g_uri_parse (base_url, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GError) error = NULL;

  fill_form (editor, INSURER_PASSWORD);
  iwd_sandbox_stop (fixture->sandbox);
  iwd_profile_editor_reload (editor);
  wait_until (is_settled, editor);
  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_ERROR);
  g_assert_nonnull (strstr (iwd_profile_editor_get_error_message (editor), "Everything you typed is kept"));

  iwd_sandbox_start (fixture->sandbox, g_uri_get_port (uri), &error);
  g_assert_no_error (error);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.retry", NULL));
  wait_until (is_settled, editor);

  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_FORM);
  g_assert_cmpstr (iwd_credential_form_get_profile_id (form), ==, "ALZ-01");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iwd_credential_form_get_row (form, "Login"))), ==, "agent42");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (iwd_credential_form_get_row (form, "Password"))), ==,
                   INSURER_PASSWORD);
}

static void
add_saved_profile (Fixture *fixture)
{
  g_autoptr(IwdProfileRecord) record = iwd_profile_record_new ("ALZ-02", COMPANY);
  const char *methods[] = { "Commissions", "Sinistres", NULL };
  const char *secret_keys[] = { "Password", NULL };
  g_autoptr(GError) error = NULL;

  g_strfreev (record->methods);
  record->methods = g_strdupv ((char **) methods);
  g_strfreev (record->secret_keys);
  record->secret_keys = g_strdupv ((char **) secret_keys);
  json_object_set_string_member (record->values, "Login", "agent7");
  json_object_set_string_member (record->values, "Marche", "E");
  json_object_set_boolean_member (record->values, "Clos", TRUE);

  iwd_account_state_set_profile (fixture->state, record, &error);
  g_assert_no_error (error);
}

static void
test_editor_prefill (Fixture       *fixture,
                     gconstpointer  user_data)
{
  IwdProfileEditor *editor;
  IwdCredentialForm *form;
  g_autoptr(JsonObject) values = NULL;
  g_auto(GStrv) options = NULL;

  add_saved_profile (fixture);
  if (keyring_kind == KEYRING_PRIVATE)
    store_secret (fixture, "ALZ-02", "Password", INSURER_PASSWORD);

  editor = open_editor (fixture, COMPANY, "ALZ-02");
  form = iwd_profile_editor_get_form (editor);
  values = iwd_credential_form_dup_values (form);
  options = iwd_credential_form_dup_options (form);

  g_assert_cmpstr (iwd_credential_form_get_profile_id (form), ==, "ALZ-02");
  g_assert_false (iwd_credential_form_get_profile_id_editable (form));
  g_assert_cmpint (iwd_credential_form_get_methods (form), ==,
                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_SINISTRES);
  g_assert_cmpstr (json_object_get_string_member (values, "Login"), ==, "agent7");
  g_assert_cmpstr (json_object_get_string_member (values, "Marche"), ==, "E");
  g_assert_true (json_object_get_boolean_member (values, "Clos"));
  g_assert_cmpstr (options[0], ==, "clos");

  if (keyring_kind == KEYRING_PRIVATE)
    g_assert_cmpstr (json_object_get_string_member (values, "Password"), ==, INSURER_PASSWORD);
  else
    g_assert_nonnull (strstr (iwd_profile_editor_get_status (editor), "keyring"));
}

static char *
dup_draft_path (Fixture    *fixture,
                const char *profile_id)
{
  g_autofree char *account_dir = g_path_get_dirname (iwd_account_state_get_path (fixture->state));

  return iwd_form_draft_dup_path (account_dir, COMPANY, profile_id);
}

static const char *
get_text (IwdProfileEditor *editor,
          const char       *json_key)
{
  GtkWidget *row = iwd_credential_form_get_row (iwd_profile_editor_get_form (editor), json_key);

  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* Types a new profile and closes its editor without saving. */
static void
leave_new_profile (Fixture *fixture)
{
  IwdProfileEditor *editor = open_editor (fixture, COMPANY, NULL);

  fill_form (editor, INSURER_PASSWORD);
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
}

static void
test_editor_draft_kept (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *path = dup_draft_path (fixture, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  GStatBuf info;

  leave_new_profile (fixture);
  g_file_get_contents (path, &contents, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (strstr (contents, "agent42"));
  g_assert_null (strstr (contents, INSURER_PASSWORD));
  g_assert_cmpint (g_stat (path, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);
}

static void
test_editor_draft_restored (Fixture       *fixture,
                            gconstpointer  user_data)
{
  IwdProfileEditor *editor;

  leave_new_profile (fixture);
  editor = open_editor (fixture, COMPANY, NULL);

  g_assert_true (iwd_profile_editor_get_draft_restored (editor));
  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, "ALZ-01");
  g_assert_cmpstr (get_text (editor, "Login"), ==, "agent42");
  g_assert_cmpstr (get_text (editor, "Password"), ==, "");
}

static void
test_editor_draft_other_profile (Fixture       *fixture,
                                 gconstpointer  user_data)
{
  IwdProfileEditor *editor;

  leave_new_profile (fixture);
  add_saved_profile (fixture);
  editor = open_editor (fixture, COMPANY, "ALZ-02");

  g_assert_false (iwd_profile_editor_get_draft_restored (editor));
  g_assert_cmpstr (get_text (editor, "Login"), ==, "agent7");
}

static void
test_editor_draft_discard (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *path = dup_draft_path (fixture, NULL);
  IwdProfileEditor *editor;

  leave_new_profile (fixture);
  editor = open_editor (fixture, COMPANY, NULL);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), "editor.discard-draft", NULL));

  g_assert_false (iwd_profile_editor_get_draft_restored (editor));
  g_assert_cmpstr (get_text (editor, "Login"), ==, "");
  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, "");
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_editor_draft_deleted_on_save (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autofree char *path = dup_draft_path (fixture, NULL);
  IwdProfileEditor *editor;

  leave_new_profile (fixture);
  editor = open_editor (fixture, COMPANY, NULL);
  type_text (editor, "Password", INSURER_PASSWORD);
  run_action (editor, "editor.save");
  wait_until (has_saved, fixture);
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);

  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_editor_dispose_while_loading (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  GtkWidget *editor = iwd_profile_editor_new (fixture->client, fixture->state, fixture->secrets,
                                              COMPANY, NULL, NULL, NULL);
  gboolean timed_out = FALSE;

  g_object_ref_sink (editor);
  g_assert_cmpint (iwd_profile_editor_get_state (IWD_PROFILE_EDITOR (editor)), ==,
                   IWD_PROFILE_EDITOR_STATE_LOADING);
  g_assert_finalize_object (editor);

  /* The cancelled calls finish later, and must not touch the editor. */
  g_timeout_add (300, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static gboolean
frame_drawn (gpointer data)
{
  gboolean *drawn = data;

  return *drawn;
}

static void
on_frame_after_paint (GdkFrameClock *clock,
                      gboolean      *drawn)
{
  *drawn = TRUE;
}

static void
save_screen (const char *path)
{
  const char *argv[] = { "import", "-window", "root", path, NULL };
  g_autoptr(GError) error = NULL;
  int status;

  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);
}

/* Saves the screen, with the editor showing a refused password, to the
 * PNG file named by IWD_FORM_SCREENSHOT, for a person to look at. It
 * runs ImageMagick's import, so it needs an X display such as Xvfb. */
static void
test_editor_screenshot (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char *path = g_getenv ("IWD_FORM_SCREENSHOT");
  IwdProfileEditor *editor;
  GdkFrameClock *clock;
  gboolean drawn = FALSE;

  if (path == NULL)
    {
      g_test_skip ("set IWD_FORM_SCREENSHOT to a PNG path to take the screenshot");
      return;
    }

  editor = open_editor (fixture, COMPANY, NULL);
  iwd_credential_form_set_methods (iwd_profile_editor_get_form (editor),
                                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_SINISTRES);
  fill_form (editor, "wrong");
  run_action (editor, "editor.check");

  gtk_window_present (GTK_WINDOW (fixture->window));
  clock = gtk_widget_get_frame_clock (fixture->window);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_frame_after_paint), &drawn);
  gtk_widget_queue_draw (fixture->window);
  wait_until (frame_drawn, &drawn);
  g_signal_handlers_disconnect_by_data (clock, &drawn);

  save_screen (path);
}

static gboolean
is_real_home (void)
{
  struct passwd *entry = getpwuid (getuid ());
  const char *home = g_getenv ("HOME");

  return home == NULL || (entry != NULL && g_str_equal (home, entry->pw_dir));
}

/* Asks over a connection of its own, because the session bus that GIO
 * shares must not be opened before the address may change. */
static gboolean
has_secret_service (const char *address)
{
  GDBusConnectionFlags flags = G_DBUS_CONNECTION_FLAGS_AUTHENTICATION_CLIENT |
                               G_DBUS_CONNECTION_FLAGS_MESSAGE_BUS_CONNECTION;
  g_autoptr(GDBusConnection) bus = g_dbus_connection_new_for_address_sync (address, flags, NULL, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  g_dbus_connection_close_sync (bus, NULL, NULL);
  return has_owner;
}

/* Runs before anything opens the session bus, GTK included. */
static KeyringKind
detect_keyring (void)
{
  const char *address = g_getenv ("DBUS_SESSION_BUS_ADDRESS");

  if (address != NULL && !is_real_home () && has_secret_service (address))
    return KEYRING_PRIVATE;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", NO_BUS_ADDRESS, TRUE);
  return KEYRING_NONE;
}

int
main (int   argc,
      char *argv[])
{
  keyring_kind = detect_keyring ();
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/form/editor/schema-loads", test_editor_schema_loads);
  ADD ("/ui/form/editor/check-accepted", test_editor_check_accepted);
  ADD ("/ui/form/editor/check-wrong-password", test_editor_check_wrong_password);
  ADD ("/ui/form/editor/check-scrolls-to-status", test_editor_check_scrolls_to_status);
  ADD ("/ui/form/editor/messages-take-no-room", test_editor_messages_take_no_room);
  ADD ("/ui/form/editor/check-invalid-form", test_editor_check_invalid_form);
  ADD ("/ui/form/editor/save", test_editor_save);
  ADD ("/ui/form/editor/save-forces-methods", test_editor_save_forces_methods);
  ADD ("/ui/form/editor/save-wrong-password", test_editor_save_wrong_password);
  ADD ("/ui/form/editor/save-anyway", test_editor_save_anyway);
  ADD ("/ui/form/editor/repost-clears-error", test_editor_repost_clears_error);
  ADD ("/ui/form/editor/save-in-portfolio", test_editor_save_in_portfolio);
  ADD ("/ui/form/editor/id-taken-on-server", test_editor_id_taken_on_server);
  ADD ("/ui/form/editor/unknown-company", test_editor_unknown_company);
  ADD ("/ui/form/editor/retry-keeps-values", test_editor_retry_keeps_values);
  ADD ("/ui/form/editor/prefill", test_editor_prefill);
  ADD ("/ui/form/editor/draft-kept", test_editor_draft_kept);
  ADD ("/ui/form/editor/draft-restored", test_editor_draft_restored);
  ADD ("/ui/form/editor/draft-other-profile", test_editor_draft_other_profile);
  ADD ("/ui/form/editor/draft-discard", test_editor_draft_discard);
  ADD ("/ui/form/editor/draft-deleted-on-save", test_editor_draft_deleted_on_save);
  ADD ("/ui/form/editor/dispose-while-loading", test_editor_dispose_while_loading);
  ADD ("/ui/form/editor/screenshot", test_editor_screenshot);
#undef ADD

  return g_test_run ();
}
