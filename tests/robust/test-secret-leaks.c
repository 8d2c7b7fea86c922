/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Runs the main flows with known passwords and every debug message on.
 * The flows are a rejected sign-in, a sign-in, an insurer profile saved
 * through the editor, and a portfolio created through its form. Then
 * come contracts fetched into the SQLite history, their export in every
 * format, a failed fetch and a restart from the keyring. The test then
 * searches the process's log messages and every file under HOME, the XDG
 * folders and the account's data folder for the passwords and for the
 * Authorization header values that carry them. */

#include "config.h"

#include <unistd.h>

#include "iwd-export.h"
#include "iwd-portfolio-data.h"
#include "iwd-portfolio-form.h"
#include "iwd-profile-editor.h"
#include "iwd-sandbox-faults.h"
#include "sign-in-helpers.h"
#include "iwd-test-keyring.h"

/* Found nowhere else, so that a match cannot happen by chance. */
#define ACCOUNT_LOGIN "carol"
#define ACCOUNT_PASSWORD "Leak-Probe-Acct-93kq"
#define INSURER_LOGIN "agent42"
#define INSURER_PASSWORD "Leak-Probe-Ins-51wz"
#define PROFILE_ID "ALZ-LEAK"
#define PORTFOLIO_ID "PTF-LEAK"
#define WAIT_TIMEOUT_S 20

static const char *accounts[] = {
  ACCOUNT_LOGIN, ACCOUNT_PASSWORD,
  NULL
};

/* Every field of every log message of the process. */
static GString *captured_logs;

/* The paths of the files that the search read, which show that it
 * reached the files each flow wrote. */
static GHashTable *searched_files;

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

/* Waiting */

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
wait_until (gboolean (*done) (gpointer data),
            gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_S, set_flag_cb, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static void
keep_result_cb (GObject      *source,
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

static gboolean
is_string_set (gpointer data)
{
  return *(char **) data != NULL;
}

static void
keep_id_cb (GObject    *source,
            const char *id,
            char      **out_id)
{
  g_free (*out_id);
  *out_id = g_strdup (id);
}

/* The flows */

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
is_editor_loaded (gpointer data)
{
  return iwd_profile_editor_get_state (data) != IWD_PROFILE_EDITOR_STATE_LOADING;
}

/* Saves an ALLIANZ profile through the editor, as the broker would, so
 * that the insurer password goes to the server and the keyring. */
static void
save_insurer_profile (SignInFixture *fixture)
{
  g_autoptr(GtkWindow) window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  g_autofree char *saved_id = NULL;
  GtkWidget *editor;

  editor = iwd_profile_editor_new (iwd_window_get_client (fixture->window),
                                   iwd_window_get_account_state (fixture->window), fixture->secrets,
                                   "ALLIANZ", "Allianz IARD", NULL, NULL);
  g_signal_connect (editor, "saved", G_CALLBACK (keep_id_cb), &saved_id);
  gtk_window_set_child (window, editor);
  gtk_window_present (window);
  wait_until (is_editor_loaded, editor);

  iwd_credential_form_set_profile_id (iwd_profile_editor_get_form (IWD_PROFILE_EDITOR (editor)), PROFILE_ID);
  type_in_row (IWD_PROFILE_EDITOR (editor), "Login", INSURER_LOGIN);
  type_in_row (IWD_PROFILE_EDITOR (editor), "Password", INSURER_PASSWORD);
  g_assert_true (gtk_widget_activate_action (editor, "editor.save", NULL));
  wait_until (is_string_set, &saved_id);

  g_assert_cmpstr (saved_id, ==, PROFILE_ID);
  gtk_window_set_focus (window, NULL);
  gtk_window_destroy (window);
}

static void
create_portfolio (SignInFixture *fixture)
{
  g_autoptr(GtkWindow) window = g_object_ref_sink (GTK_WINDOW (gtk_window_new ()));
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Leroy", 12);
  g_autofree char *created_id = NULL;
  GtkWidget *form;

  form = iwd_portfolio_form_new (iwd_window_get_client (fixture->window),
                                 iwd_window_get_account_state (fixture->window));
  g_signal_connect (form, "created", G_CALLBACK (keep_id_cb), &created_id);
  gtk_window_set_child (window, form);
  gtk_window_present (window);

  iwd_portfolio_form_set_portfolio_id (IWD_PORTFOLIO_FORM (form), PORTFOLIO_ID);
  iwd_portfolio_form_set_options (IWD_PORTFOLIO_FORM (form), options);
  iwd_portfolio_form_submit (IWD_PORTFOLIO_FORM (form));
  wait_until (is_string_set, &created_id);

  g_assert_cmpstr (created_id, ==, PORTFOLIO_ID);
  gtk_window_set_focus (window, NULL);
  gtk_window_destroy (window);
}

static void
add_profile_to_portfolio (SignInFixture *fixture)
{
  IwdClient *client = iwd_window_get_client (fixture->window);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_add_portfolio_profile_async (client, PORTFOLIO_ID, PROFILE_ID, NULL, keep_result_cb, &result);
  wait_until (has_result, &result);
  iwd_client_add_portfolio_profile_finish (client, result, &error);
  g_assert_no_error (error);
}

/* Opens the history where the portfolios page keeps it: beside the
 * account's state file. */
static IwdHistoryStore *
open_history (SignInFixture *fixture)
{
  const char *state_path = iwd_account_state_get_path (iwd_window_get_account_state (fixture->window));
  g_autofree char *dir = g_path_get_dirname (state_path);
  g_autofree char *path = g_build_filename (dir, "history.sqlite3", NULL);

  return iwd_history_store_new (path);
}

/* Fetches a table of the portfolio into the history, and returns the
 * loading error, if any. */
static GError *
fetch_into_history (IwdPortfolioData *data)
{
  g_autoptr(GAsyncResult) result = NULL;
  GError *error = NULL;

  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, keep_result_cb, &result);
  wait_until (has_result, &result);
  iwd_portfolio_data_load_finish (data, result, &error);

  return error;
}

/* Writes @table in every export format into the folder @dir. */
static void
export_everywhere (IwdTable   *table,
                   const char *dir)
{
  IwdExportFormat formats[] = {
    IWD_EXPORT_FORMAT_CSV_FR, IWD_EXPORT_FORMAT_CSV, IWD_EXPORT_FORMAT_XLSX, IWD_EXPORT_FORMAT_JSON,
  };

  for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
    {
      g_autofree char *name = g_strdup_printf ("contracts-%u.%s", i, iwd_export_format_get_extension (formats[i]));
      g_autofree char *path = g_build_filename (dir, name, NULL);
      g_autoptr(GFile) file = g_file_new_for_path (path);
      g_autoptr(GError) error = NULL;

      iwd_export_table (table, NULL, 0, NULL, 0, formats[i], file, NULL, &error);
      g_assert_no_error (error);
    }
}

/* The search */

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

/* Fails if a regular file under @path contains @needle, without
 * following symbolic links. */
static void
assert_not_in_files (const char *path,
                     const char *needle)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    return;

  dir = g_dir_open (path, 0, NULL);
  if (dir == NULL)
    {
      g_autofree char *contents = NULL;
      gsize length = 0;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR) || !g_file_get_contents (path, &contents, &length, NULL))
        return;

      g_hash_table_add (searched_files, g_strdup (path));
      if (contains_bytes (contents, length, needle))
        g_test_fail_printf ("a secret (%zu bytes) was found in %s", strlen (needle), path);
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      assert_not_in_files (child, needle);
    }
}

static char *
encode_basic_auth (const char *login,
                   const char *password)
{
  g_autofree char *pair = g_strconcat (login, ":", password, NULL);
  g_autofree char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));

  return g_strconcat ("Basic ", encoded, NULL);
}

static gboolean
was_searched (const char *path)
{
  return g_hash_table_contains (searched_files, path);
}

/* The test */

static void
test_secret_leaks (SignInFixture *fixture,
                   gconstpointer  data)
{
  g_autofree char *account_header = encode_basic_auth (ACCOUNT_LOGIN, ACCOUNT_PASSWORD);
  g_autofree char *insurer_header = encode_basic_auth (INSURER_LOGIN, INSURER_PASSWORD);
  /* The header values without "Basic ", as a log line may cut them. */
  const char *needles[] = {
    ACCOUNT_PASSWORD, account_header, account_header + strlen ("Basic "),
    INSURER_PASSWORD, insurer_header, insurer_header + strlen ("Basic "),
  };
  g_autofree char *export_dir = g_build_filename (g_get_home_dir (), "Exports", NULL);
  g_autofree char *csv_path = g_build_filename (export_dir, "contracts-0.csv", NULL);
  g_autofree char *account_dir = NULL;
  g_autofree char *history_path = NULL;
  const char *state_path;
  g_autoptr(IwdHistoryStore) history = NULL;
  g_autoptr(IwdPortfolioData) contracts = NULL;
  g_autoptr(IwdPortfolioData) commissions = NULL;
  g_autoptr(GError) error = NULL;
  const char *dirs[] = {
    g_get_home_dir (), g_get_user_data_dir (), g_get_user_config_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
    fixture->data_dir,
  };

  /* The contracts are there at once, without the robot's delay. */
  iwd_sandbox_set_robot_delay (fixture->sandbox, 0);

  submit_sign_in (fixture, ACCOUNT_LOGIN, "wrong-" ACCOUNT_PASSWORD);
  g_assert_nonnull (iwd_sign_in_page_get_error_message (iwd_window_get_sign_in_page (fixture->window)));
  submit_sign_in (fixture, ACCOUNT_LOGIN, ACCOUNT_PASSWORD);
  wait_for_page (fixture->window, "main");

  save_insurer_profile (fixture);
  create_portfolio (fixture);
  add_profile_to_portfolio (fixture);

  history = open_history (fixture);
  contracts = iwd_portfolio_data_new (iwd_window_get_client (fixture->window), history, PORTFOLIO_ID,
                                      IWD_HISTORY_KIND_CONTRACTS, NULL);
  error = fetch_into_history (contracts);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (export_dir, 0700), ==, 0);
  export_everywhere (iwd_portfolio_data_get_table (contracts), export_dir);

  /* An error after a sign-in logs the failed call with its ids. */
  iwd_sandbox_set_fault (fixture->sandbox, IWD_ROUTE_PORTFOLIO_COMMISSIONS, IWD_SANDBOX_FAULT_SERVER_ERROR, 0);
  commissions = iwd_portfolio_data_new (iwd_window_get_client (fixture->window), history, PORTFOLIO_ID,
                                        IWD_HISTORY_KIND_COMMISSIONS, PROFILE_ID);
  error = fetch_into_history (commissions);
  g_assert_nonnull (error);

  sign_in_fixture_new_window (fixture);
  iwd_window_sign_in_last (fixture->window);
  wait_for_page (fixture->window, "main");

  searched_files = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (needles); i++)
    {
      g_assert_null (strstr (captured_logs->str, needles[i]));
      for (guint j = 0; j < G_N_ELEMENTS (dirs); j++)
        assert_not_in_files (dirs[j], needles[i]);
    }

  /* The search read what each flow wrote, and the capture has messages,
   * because the login, which is no secret, is logged. */
  state_path = iwd_account_state_get_path (iwd_window_get_account_state (fixture->window));
  account_dir = g_path_get_dirname (state_path);
  history_path = g_build_filename (account_dir, "history.sqlite3", NULL);
  g_assert_true (was_searched (state_path));
  g_assert_true (was_searched (history_path));
  g_assert_true (was_searched (csv_path));
  g_assert_nonnull (strstr (captured_logs->str, "signed in as " ACCOUNT_LOGIN));
  g_test_message ("searched %u files for %zu secrets", g_hash_table_size (searched_files), G_N_ELEMENTS (needles));
  g_clear_pointer (&searched_files, g_hash_table_unref);
}

/* Set-up */

/* Returns why this test cannot run here, or NULL if it can. It writes
 * to the keyring and searches all of HOME, so it needs private ones. */
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

  /* Xvfb runs no window manager, so the window never has the keyboard
   * focus, and GTK 4.8 warns when the cursor blink of a focused entry
   * finds no focus-out event. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

  g_test_add ("/secret-leaks/main-flows", SignInFixture, accounts, sign_in_fixture_set_up,
              test_secret_leaks, sign_in_fixture_tear_down);

  return g_test_run ();
}
