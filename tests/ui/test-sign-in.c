/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>

#include "iwd-profile-editor.h"
#include "iwd-sandbox-faults.h"
#include "sign-in-helpers.h"
#include "iwd-test-keyring.h"

/* These tests write to the keyring of the session bus they run on, so
 * they run only with a private HOME and keyring: see skip_reason(). */

#define ALICE_PASSWORD "alice-Pw-1"
#define BOB_PASSWORD "bob-Pw-2"
/* Found nowhere else, so that the leak check cannot match by chance. */
#define LEAK_PASSWORD "Leak-Check-7f3a91qz"
#define LEAK_INSURER_LOGIN "agent42"
#define LEAK_INSURER_PASSWORD "Insurer-Leak-5c2e80wy"
#define SAVE_TIMEOUT_SECONDS 20
/* The log line of a sign-in whose profile list cannot be read. */
#define UNREADABLE_PROFILES_LOG "but the profile list cannot be read"

static const char *accounts[] = {
  "alice", ALICE_PASSWORD,
  "bob", BOB_PASSWORD,
  "carol", LEAK_PASSWORD,
  NULL
};

/* Every log line of the process, for the leak check. */
static GString *captured_logs;

static GLogWriterOutput
capture_log_writer (GLogLevelFlags   log_level,
                    const GLogField *fields,
                    gsize            n_fields,
                    gpointer         user_data)
{
  for (gsize i = 0; i < n_fields; i++)
    {
      if (fields[i].length < 0)
        g_string_append (captured_logs, fields[i].value);
      else
        g_string_append_len (captured_logs, fields[i].value, fields[i].length);
      g_string_append_c (captured_logs, '\n');
    }

  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static void
sign_in (SignInFixture *fixture,
         const char    *login,
         const char    *password)
{
  submit_sign_in (fixture, login, password);
  wait_for_page (fixture->window, "main");
}

static void
save_portfolio (IwdAccountState *state,
                const char      *portfolio_id)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Test", 10);
  g_autoptr(GError) error = NULL;

  iwd_account_state_add_portfolio (state, portfolio_id, options, &error);
  g_assert_no_error (error);
  iwd_account_state_save (state, &error);
  g_assert_no_error (error);
}

static guint
count_portfolios (IwdAccountState *state)
{
  g_auto(GStrv) portfolios = iwd_account_state_list_portfolios (state);

  return g_strv_length (portfolios);
}

static void
test_sign_in_wrong_password (SignInFixture *fixture,
                             gconstpointer  data)
{
  g_autofree char *password = NULL;
  g_autoptr(GPtrArray) states = NULL;
  g_autofree char *state_root = g_build_filename (fixture->data_dir, "iwdesk", NULL);

  submit_sign_in (fixture, "alice", "wrong");

  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "sign-in");
  g_assert_cmpstr (iwd_sign_in_page_get_error_message (iwd_window_get_sign_in_page (fixture->window)), ==,
                   "The HappyAssur login or password is wrong. Check them, then sign in again.");
  g_assert_cmpstr (sign_in_page_text (fixture->window, "login_row"), ==, "alice");
  g_assert_cmpstr (sign_in_page_text (fixture->window, "password_row"), ==, "");
  g_assert_null (iwd_window_get_account (fixture->window));

  password = lookup_password (fixture, "alice");
  g_assert_null (password);
  states = iwd_account_state_list_accounts (fixture->data_dir);
  g_assert_cmpuint (states->len, ==, 0);
  g_assert_false (g_file_test (state_root, G_FILE_TEST_EXISTS));
}

static gboolean
focus_in_widget (IwdWindow *window,
                 GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));

  return focus != NULL && gtk_widget_is_ancestor (focus, widget);
}

static void
test_sign_in_right_password (SignInFixture *fixture,
                             gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *password = NULL;
  g_autofree char *last_login = NULL;
  g_autofree char *last_server = NULL;
  IwdAccount *account;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  account = iwd_window_get_account (fixture->window);

  g_assert_nonnull (account);
  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (fixture->window)), ==, "alice");
  g_assert_false (iwd_account_get_session_only (account));
  g_assert_nonnull (iwd_window_get_account_state (fixture->window));
  g_assert_true (iwd_companies_page_get_client (iwd_window_get_companies_page (fixture->window)) ==
                 iwd_account_get_client (account));

  password = lookup_password (fixture, "alice");
  g_assert_cmpstr (password, ==, ALICE_PASSWORD);

  /* The keys go on to the companies page, not to the hidden form. */
  g_assert_true (focus_in_widget (fixture->window, GTK_WIDGET (iwd_window_get_companies_page (fixture->window))));

  last_login = g_settings_get_string (settings, "last-account");
  last_server = g_settings_get_string (settings, "last-server");
  g_assert_cmpstr (last_login, ==, "alice");
  g_assert_cmpstr (last_server, ==, fixture->base_url);
}

static void
test_sign_in_restart (SignInFixture *fixture,
                      gconstpointer  data)
{
  IwdWindow *window;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  window = sign_in_fixture_new_window (fixture);
  g_assert_null (iwd_window_get_account (window));

  iwd_window_sign_in_last (window);
  wait_for_page (window, "main");

  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (window)), ==, "alice");
  g_assert_false (iwd_account_get_session_only (iwd_window_get_account (window)));
}

static guint
sandbox_port (SignInFixture *fixture)
{
  g_autoptr(GUri) uri = g_uri_parse (fixture->base_url, G_URI_FLAGS_NONE, NULL);

  g_assert_nonnull (uri);

  return g_uri_get_port (uri);
}

/* Clicks the button of the retry page at @index: 0 is Retry, 1 is Type
 * the Password. */
static void
click_retry_button (IwdWindow *window,
                    guint      index)
{
  GtkStack *stack = GTK_STACK (gtk_widget_get_parent (GTK_WIDGET (iwd_window_get_sign_in_page (window))));
  AdwStatusPage *page = ADW_STATUS_PAGE (gtk_stack_get_child_by_name (stack, "retry"));
  GtkWidget *button = gtk_widget_get_first_child (adw_status_page_get_child (page));

  for (guint i = 0; i < index; i++)
    button = gtk_widget_get_next_sibling (button);

  g_signal_emit_by_name (button, "clicked");
}

static void
test_sign_in_network_retry (SignInFixture *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  guint port = sandbox_port (fixture);
  IwdWindow *window;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  window = sign_in_fixture_new_window (fixture);
  iwd_sandbox_stop (fixture->sandbox);

  iwd_window_sign_in_last (window);
  wait_for_page (window, "retry");
  g_assert_null (iwd_window_get_account (window));

  iwd_sandbox_start (fixture->sandbox, port, &error);
  g_assert_no_error (error);
  click_retry_button (window, 0);
  wait_for_page (window, "main");

  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (window)), ==, "alice");
  g_assert_false (iwd_account_get_session_only (iwd_window_get_account (window)));
}

static void
test_sign_in_network_type_password (SignInFixture *fixture,
                                    gconstpointer  data)
{
  IwdWindow *window;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  window = sign_in_fixture_new_window (fixture);
  iwd_sandbox_stop (fixture->sandbox);

  iwd_window_sign_in_last (window);
  wait_for_page (window, "retry");
  click_retry_button (window, 1);

  g_assert_cmpstr (iwd_window_get_page (window), ==, "sign-in");
  g_assert_cmpstr (sign_in_page_text (window, "login_row"), ==, "alice");
}

static gboolean
has_focus_in (IwdWindow  *window,
              const char *name)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (window));
  GtkWidget *row = sign_in_page_child (window, name);

  return focus != NULL && (focus == row || gtk_widget_is_ancestor (focus, row));
}

static void
test_sign_in_missing_password (SignInFixture *fixture,
                               gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  /* A last account whose password never reached the keyring. */
  g_settings_set_string (settings, "last-account", "bob");
  g_settings_set_string (settings, "last-server", fixture->base_url);
  iwd_window_sign_in_last (fixture->window);
  wait_for_page (fixture->window, "sign-in");

  g_assert_cmpstr (sign_in_page_text (fixture->window, "login_row"), ==, "bob");
  g_assert_cmpstr (sign_in_page_text (fixture->window, "server_url_row"), ==, fixture->base_url);
  g_assert_cmpstr (iwd_sign_in_page_get_error_message (iwd_window_get_sign_in_page (fixture->window)), ==,
                   "No password is saved for this account on this computer. Type it to sign in.");

  /* What the broker types next goes to the password. */
  g_assert_true (has_focus_in (fixture->window, "password_row"));
}

static void
test_sign_in_switch_accounts (SignInFixture *fixture,
                              gconstpointer  data)
{
  g_autoptr(IwdAccountId) alice = new_sandbox_account_id (fixture, "alice");
  g_autoptr(IwdAccountId) bob = new_sandbox_account_id (fixture, "bob");
  g_autofree char *alice_key = iwd_account_key_new (alice);
  g_autofree char *bob_key = iwd_account_key_new (bob);
  IwdWindow *window;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  save_portfolio (iwd_window_get_account_state (fixture->window), "PTF1");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.add-account", NULL));
  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "sign-in");
  /* The new account's login is the first thing typed. */
  g_assert_true (has_focus_in (fixture->window, "login_row"));
  sign_in (fixture, "bob", BOB_PASSWORD);

  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (fixture->window)), ==, "bob");
  g_assert_cmpuint (count_portfolios (iwd_window_get_account_state (fixture->window)), ==, 0);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.account", "s", alice_key));
  wait_for_page (fixture->window, "main");
  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (fixture->window)), ==, "alice");
  g_assert_cmpuint (count_portfolios (iwd_window_get_account_state (fixture->window)), ==, 1);

  /* After a restart, switching reads the other password from the keyring. */
  window = sign_in_fixture_new_window (fixture);
  iwd_window_sign_in_last (window);
  wait_for_page (window, "main");
  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (window)), ==, "alice");

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.account", "s", bob_key));
  wait_for_page (window, "loading");
  wait_for_page (window, "main");
  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (window)), ==, "bob");
  g_assert_cmpuint (count_portfolios (iwd_window_get_account_state (window)), ==, 0);
}

static void
test_sign_in_sign_out (SignInFixture *fixture,
                       gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *password = NULL;
  g_autofree char *state_dir = NULL;
  g_autofree char *last_login = NULL;
  AdwMessageDialog *dialog;

  sign_in (fixture, "alice", ALICE_PASSWORD);
  save_portfolio (iwd_window_get_account_state (fixture->window), "PTF1");
  state_dir = g_path_get_dirname (iwd_account_state_get_path (iwd_window_get_account_state (fixture->window)));
  g_assert_true (g_file_test (state_dir, G_FILE_TEST_IS_DIR));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->window), "win.sign-out", NULL));
  dialog = wait_for_dialog ();
  g_assert_true (adw_message_dialog_has_response (dialog, "sign-out"));
  adw_message_dialog_response (dialog, "sign-out");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_page (fixture->window, "sign-in");

  g_assert_null (iwd_window_get_account (fixture->window));
  password = lookup_password (fixture, "alice");
  g_assert_null (password);
  g_assert_false (g_file_test (state_dir, G_FILE_TEST_EXISTS));
  last_login = g_settings_get_string (settings, "last-account");
  g_assert_cmpstr (last_login, ==, "");
}

static guint
count_occurrences (const char *haystack,
                   const char *needle)
{
  guint count = 0;

  for (const char *found = strstr (haystack, needle); found != NULL; found = strstr (found + 1, needle))
    count++;

  return count;
}

static gboolean
wait_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
wait_for_profiles_error (IwdProfilesPage *page)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (SAVE_TIMEOUT_SECONDS, wait_timeout_cb, &timed_out);

  while (!timed_out && iwd_profiles_page_get_error_message (page) == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

/* The server accepted the password but sent a profile list that cannot
 * be read: the sign-in succeeds, logs the problem once, and the profiles
 * page, which lists them again under the same fault, shows the error. */
static void
assert_signs_in_despite (SignInFixture   *fixture,
                         IwdSandboxFault  fault)
{
  guint logged_before = count_occurrences (captured_logs->str, UNREADABLE_PROFILES_LOG);
  g_autofree char *password = NULL;
  IwdProfilesPage *profiles_page;
  const char *error_message;

  iwd_sandbox_set_fault (fixture->sandbox, IWD_ROUTE_PROFILE_LIST, fault, 0);
  sign_in (fixture, "alice", ALICE_PASSWORD);
  profiles_page = iwd_window_get_profiles_page (fixture->window);
  wait_for_profiles_error (profiles_page);
  error_message = iwd_profiles_page_get_error_message (profiles_page);
  password = lookup_password (fixture, "alice");

  g_assert_nonnull (iwd_window_get_account (fixture->window));
  g_assert_cmpstr (iwd_client_get_login (iwd_window_get_client (fixture->window)), ==, "alice");
  g_assert_cmpstr (password, ==, ALICE_PASSWORD);
  g_assert_true (g_str_has_prefix (error_message, "ImportWeb sent a reply that IWDesk cannot read."));
  g_assert_cmpuint (count_occurrences (captured_logs->str, UNREADABLE_PROFILES_LOG) - logged_before, ==, 1);
}

static void
test_sign_in_truncated_profiles (SignInFixture *fixture,
                                 gconstpointer  data)
{
  assert_signs_in_despite (fixture, IWD_SANDBOX_FAULT_TRUNCATED);
}

static void
test_sign_in_invalid_profiles (SignInFixture *fixture,
                               gconstpointer  data)
{
  assert_signs_in_despite (fixture, IWD_SANDBOX_FAULT_INVALID_JSON);
}

/* A refusal or a network failure of the profile list still fails the
 * sign-in, with the typed values kept and nothing stored. */
static void
assert_sign_in_fails (SignInFixture   *fixture,
                      IwdSandboxFault  fault,
                      const char      *sentence_start)
{
  IwdSignInPage *page = iwd_window_get_sign_in_page (fixture->window);
  g_autofree char *password = NULL;

  iwd_sandbox_set_fault (fixture->sandbox, IWD_ROUTE_PROFILE_LIST, fault, 0);
  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  password = lookup_password (fixture, "alice");

  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "sign-in");
  g_assert_null (iwd_window_get_account (fixture->window));
  g_assert_null (password);
  g_assert_cmpstr (sign_in_page_text (fixture->window, "login_row"), ==, "alice");
  g_assert_true (g_str_has_prefix (iwd_sign_in_page_get_error_message (page), sentence_start));
}

static void
test_sign_in_unauthorized_fails (SignInFixture *fixture,
                                 gconstpointer  data)
{
  assert_sign_in_fails (fixture, IWD_SANDBOX_FAULT_UNAUTHORIZED, "The HappyAssur login or password is wrong.");
}

static void
test_sign_in_forbidden_fails (SignInFixture *fixture,
                              gconstpointer  data)
{
  assert_sign_in_fails (fixture, IWD_SANDBOX_FAULT_FORBIDDEN, "This HappyAssur account is not allowed to do this.");
}

static void
test_sign_in_reset_fails (SignInFixture *fixture,
                          gconstpointer  data)
{
  assert_sign_in_fails (fixture, IWD_SANDBOX_FAULT_RESET, "Cannot reach ImportWeb.");
}

static gboolean
contains_bytes (const char *haystack,
                gsize       length,
                const char *needle)
{
  gsize needle_length = strlen (needle);

  for (gsize i = 0; i + needle_length <= length; i++)
    if (memcmp (haystack + i, needle, needle_length) == 0)
      return TRUE;

  return FALSE;
}

/* Fails if @needle is in a regular file under @path. */
static void
assert_not_in_files (const char *path,
                     const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  g_autofree char *contents = NULL;
  const char *name;
  gsize length;

  if (dir == NULL)
    {
      if (g_file_test (path, G_FILE_TEST_IS_REGULAR) && g_file_get_contents (path, &contents, &length, NULL))
        {
          if (contains_bytes (contents, length, needle))
            g_error ("the password was found in %s", path);
        }
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (!g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        assert_not_in_files (child, needle);
    }
}

static gboolean
save_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
on_profile_saved (IwdProfileEditor *editor,
                  const char       *profile_id,
                  char            **saved_id)
{
  g_free (*saved_id);
  *saved_id = g_strdup (profile_id);
}

static void
type_in_row (IwdProfileEditor *editor,
             const char       *json_key,
             const char       *text)
{
  GtkWidget *row = iwd_credential_form_get_row (iwd_profile_editor_get_form (editor), json_key);

  g_assert_nonnull (row);
  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

static gboolean
is_editor_loading (IwdProfileEditor *editor)
{
  return iwd_profile_editor_get_state (editor) == IWD_PROFILE_EDITOR_STATE_LOADING;
}

/* Saves an ALLIANZ profile of the account shown, whose insurer password
 * goes to the keyring, through the editor as the broker would. */
static void
save_insurer_profile (SignInFixture *fixture)
{
  g_autoptr(GtkWindow) window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  g_autofree char *saved_id = NULL;
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (SAVE_TIMEOUT_SECONDS, save_timeout_cb, &timed_out);
  GtkWidget *editor;

  editor = iwd_profile_editor_new (iwd_window_get_client (fixture->window),
                                   iwd_window_get_account_state (fixture->window), fixture->secrets,
                                   "ALLIANZ", "Allianz IARD", NULL, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (on_profile_saved), &saved_id);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  while (!timed_out && is_editor_loading (IWD_PROFILE_EDITOR (editor)))
    g_main_context_iteration (NULL, TRUE);

  iwd_credential_form_set_profile_id (iwd_profile_editor_get_form (IWD_PROFILE_EDITOR (editor)), "ALZ-LEAK");
  type_in_row (IWD_PROFILE_EDITOR (editor), "Login", LEAK_INSURER_LOGIN);
  type_in_row (IWD_PROFILE_EDITOR (editor), "Password", LEAK_INSURER_PASSWORD);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  while (!timed_out && saved_id == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_cmpstr (saved_id, ==, "ALZ-LEAK");
  gtk_window_destroy (window);
}

static char *
encode_basic_auth (const char *login,
                   const char *password)
{
  g_autofree char *pair = g_strconcat (login, ":", password, NULL);

  return g_base64_encode ((const guchar *) pair, strlen (pair));
}

static void
test_sign_in_no_leak (SignInFixture *fixture,
                      gconstpointer  data)
{
  g_autofree char *encoded = encode_basic_auth ("carol", LEAK_PASSWORD);
  g_autofree char *insurer_encoded = encode_basic_auth (LEAK_INSURER_LOGIN, LEAK_INSURER_PASSWORD);
  const char *needles[] = { LEAK_PASSWORD, encoded, LEAK_INSURER_PASSWORD, insurer_encoded };
  g_autofree char *state_contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize state_length = 0;
  const char *dirs[] = {
    g_get_home_dir (), g_get_user_data_dir (), g_get_user_config_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
    fixture->data_dir,
  };

  submit_sign_in (fixture, "carol", LEAK_PASSWORD "x");
  sign_in (fixture, "carol", LEAK_PASSWORD);
  save_portfolio (iwd_window_get_account_state (fixture->window), "PTF1");
  save_insurer_profile (fixture);
  sign_in_fixture_new_window (fixture);
  iwd_window_sign_in_last (fixture->window);
  wait_for_page (fixture->window, "main");

  /* The capture works: the login, which is no secret, is logged. */
  g_assert_nonnull (strstr (captured_logs->str, "signed in as carol"));
  /* The file search works: the insurer login, which is no secret, is in
   * the state file. */
  g_file_get_contents (iwd_account_state_get_path (iwd_window_get_account_state (fixture->window)),
                       &state_contents, &state_length, &error);
  g_assert_no_error (error);
  g_assert_true (contains_bytes (state_contents, state_length, LEAK_INSURER_LOGIN));

  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_null (strstr (captured_logs->str, needles[i]));
      for (guint j = 0; j < G_N_ELEMENTS (dirs); j++)
        assert_not_in_files (dirs[j], needles[i]);
    }
}

/* Returns why these tests cannot run here, or NULL if they can. */
static const char *
skip_reason (void)
{
  if (!gtk_init_check ())
    return "no display";

  return iwd_test_keyring_skip_reason ();
}

int
main (int   argc,
      char *argv[])
{
  const char *reason;

  /* Before the first message, so that debug messages are written too. */
  g_setenv ("G_MESSAGES_DEBUG", "all", TRUE);
  captured_logs = g_string_new (NULL);
  g_log_set_writer_func (capture_log_writer, NULL, NULL);

  g_test_init (&argc, &argv, NULL);

  reason = skip_reason ();
  if (reason != NULL)
    {
      g_print ("1..0 # SKIP %s\n", reason);
      return 0;
    }
  adw_init ();

  /* Xvfb runs no window manager, so the window never holds the keyboard
   * focus, and GTK 4.8 warns when the cursor blink of a focused entry
   * finds no focus-out event. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, SignInFixture, accounts, sign_in_fixture_set_up, func, sign_in_fixture_tear_down)

  ADD ("/sign-in/wrong-password", test_sign_in_wrong_password);
  ADD ("/sign-in/right-password", test_sign_in_right_password);
  ADD ("/sign-in/restart", test_sign_in_restart);
  ADD ("/sign-in/network-retry", test_sign_in_network_retry);
  ADD ("/sign-in/network-type-password", test_sign_in_network_type_password);
  ADD ("/sign-in/missing-password", test_sign_in_missing_password);
  ADD ("/sign-in/switch-accounts", test_sign_in_switch_accounts);
  ADD ("/sign-in/sign-out", test_sign_in_sign_out);
  ADD ("/sign-in/no-leak", test_sign_in_no_leak);
  ADD ("/sign-in/truncated-profiles", test_sign_in_truncated_profiles);
  ADD ("/sign-in/invalid-profiles", test_sign_in_invalid_profiles);
  ADD ("/sign-in/unauthorized-fails", test_sign_in_unauthorized_fails);
  ADD ("/sign-in/forbidden-fails", test_sign_in_forbidden_fails);
  ADD ("/sign-in/reset-fails", test_sign_in_reset_fails);

#undef ADD

  return g_test_run ();
}
