/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The pages that contain what the broker typed, against every fault of the
 * sandbox and a refused connection: the sign-in page, the credential
 * form's Check, Save after a check and Save alone, and the portfolio
 * creation form. Each (page, fault) pair is one test case, which checks
 * that every typed value is still in its field and that the page shows
 * the sentence for the error. Assertions are non-fatal, so one run lists
 * every broken pair, and the totals end the output. */

#include "config.h"

#include <unistd.h>

#include <glib/gstdio.h>

#include "iwd-api-error.h"
#include "iwd-error-message.h"
#include "iwd-portfolio-form.h"
#include "iwd-profile-editor.h"
#include "iwd-sandbox-faults.h"
#include "portfolio-fixture.h"
#include "sign-in-helpers.h"
#include "iwd-test-keyring.h"

/* A fault column past the sandbox's own: nothing listens on the port. */
#define FAULT_REFUSED IWD_SANDBOX_N_FAULTS
#define N_COLUMNS (IWD_SANDBOX_N_FAULTS + 1)

/* The call succeeds, in place of an IwdApiError code. */
#define SUCCESS (-1)

/* A stalled reply fails after this many seconds, in place of the
 * client's 30, so that the sign-in's GET and its three retries fit in
 * sign-in-helpers' 20 s wait. */
#define TEST_TIMEOUT_S 1

#define SIGN_IN_LOGIN "alice"
#define SIGN_IN_PASSWORD "Typed-Pw-4d9e"
#define INSURER_LOGIN "agent42"
#define INSURER_PASSWORD "Typed-Insurer-7b1c"
#define PROFILE_ID "ALZ-TYPED"
#define PORTFOLIO_ID "PTF-TYPED"
#define PORTFOLIO_LABEL "Cabinet Durand"

/* The file that the sandbox serves, verbatim and with a 200 status, as
 * the ALLIANZ check's reply. */
#define CHECK_FIXTURE_NAME "check-ALLIANZ.txt"

static const char *accounts[] = {
  SIGN_IN_LOGIN, SIGN_IN_PASSWORD,
  NULL
};

typedef enum {
  PAGE_SIGN_IN,
  PAGE_CHECK,
  PAGE_SAVE,
  PAGE_SAVE_UNCHECKED,
  PAGE_PORTFOLIO,
  N_PAGES,
} Page;

typedef struct {
  Page  page;
  guint fault;
} Pair;

/* An editor or a portfolio form on a client of the sandbox. */
typedef struct {
  PortfolioFixture  portfolio;
  IwdSecretStore   *secrets;
  GtkWidget        *window;
  char             *saved_id;
  char             *created_id;
  char             *fixtures_dir;  /* owned, nullable: the folder of the check reply that the sandbox serves */
} FormFixture;

typedef void (*FormTest) (FormFixture   *fixture,
                          gconstpointer  data);

static Pair pairs[N_PAGES * N_COLUMNS];
static guint pairs_run;
static guint pairs_passed;

/* Expected outcomes */

/* The call that each page makes with what was typed. */
static IwdRoute
page_route (Page page)
{
  switch (page)
    {
    case PAGE_SIGN_IN:
      return IWD_ROUTE_PROFILE_LIST;
    case PAGE_CHECK:
    case PAGE_SAVE_UNCHECKED:
      return IWD_ROUTE_COMPANY_CHECK;
    case PAGE_SAVE:
      return IWD_ROUTE_PROFILE_SAVE;
    case PAGE_PORTFOLIO:
    case N_PAGES:
    default:
      return IWD_ROUTE_PORTFOLIO_CREATE;
    }
}

/* A cut or broken JSON body fails the calls that parse their body: the
 * sign-in's profile list and the credential check. The other two calls
 * ignore their bodies. */
static int
expect_for_body (Page page)
{
  switch (page)
    {
    case PAGE_SIGN_IN:
    case PAGE_CHECK:
    case PAGE_SAVE_UNCHECKED:
      return IWD_API_ERROR_INVALID_REPLY;
    case PAGE_SAVE:
    case PAGE_PORTFOLIO:
    case N_PAGES:
    default:
      return SUCCESS;
    }
}

/* Returns the IwdApiError code that @page's call fails with under
 * @fault, or SUCCESS. */
static int
expect_code (Page  page,
             guint fault)
{
  switch (fault)
    {
    case IWD_SANDBOX_FAULT_UNAUTHORIZED:
      return IWD_API_ERROR_UNAUTHORIZED;
    case IWD_SANDBOX_FAULT_FORBIDDEN:
      return IWD_API_ERROR_FORBIDDEN;
    case IWD_SANDBOX_FAULT_NOT_FOUND:
      return IWD_API_ERROR_NOT_FOUND;
    case IWD_SANDBOX_FAULT_SERVER_ERROR:
    case IWD_SANDBOX_FAULT_UNAVAILABLE:
      return IWD_API_ERROR_SERVER;
    case IWD_SANDBOX_FAULT_STALL:
      return IWD_API_ERROR_TIMEOUT;
    case IWD_SANDBOX_FAULT_RESET:
    case FAULT_REFUSED:
      return IWD_API_ERROR_NETWORK;
    case IWD_SANDBOX_FAULT_TRUNCATED:
    case IWD_SANDBOX_FAULT_INVALID_JSON:
      return expect_for_body (page);
    case IWD_SANDBOX_FAULT_HTML_PAGE:
    case IWD_SANDBOX_FAULT_HUGE_BODY:
      return IWD_API_ERROR_INVALID_REPLY;
    case IWD_SANDBOX_FAULT_WRONG_TYPE:
    default:
      return SUCCESS;
    }
}

/* The start of the sentence that the pages show for @code: the sentences
 * of invalid replies end with the client's English details. */
static char *
dup_expected_sentence (int code)
{
  g_autoptr(GError) error = g_error_new_literal (IWD_API_ERROR, code, "");

  return iwd_error_dup_user_message (error);
}

static const char *
fault_name (guint fault)
{
  return fault == FAULT_REFUSED ? "refused" : iwd_sandbox_fault_get_name (fault);
}

/* Checks that @shown starts with @headline, when there is one, and
 * contains the sentence for @code. */
static void
assert_error_shown (const char *shown,
                    const char *headline,
                    int         code)
{
  g_autofree char *sentence = dup_expected_sentence (code);

  g_assert_nonnull (shown);
  if (shown == NULL)
    return;

  if (headline != NULL)
    g_assert_true (g_str_has_prefix (shown, headline));
  g_assert_nonnull (strstr (shown, sentence));
}

/* Counts the pair as passed if no assertion of the test case failed. */
static void
count_pair (void)
{
  pairs_run++;
  if (!g_test_failed ())
    pairs_passed++;
}

/* The sandbox fails every request of @route with @fault, or stops so
 * that the connection is refused. */
static void
arm_fault (IwdSandbox *sandbox,
           IwdRoute    route,
           guint       fault)
{
  if (fault == FAULT_REFUSED)
    iwd_sandbox_stop (sandbox);
  else
    iwd_sandbox_set_fault (sandbox, route, fault, 0);
}

/* The sign-in page */

/* The helpers take the sandbox's accounts as their data, and the test
 * takes its pair. */
static void
sign_in_pair_set_up (SignInFixture *fixture,
                     gconstpointer  data)
{
  sign_in_fixture_set_up (fixture, accounts);
}

static void
sign_in_pair_tear_down (SignInFixture *fixture,
                        gconstpointer  data)
{
  sign_in_fixture_tear_down (fixture, accounts);
}

static gboolean
has_profiles_error (gpointer data)
{
  return iwd_profiles_page_get_error_message (data) != NULL;
}

/* A profile list that came with a success status but cannot be read
 * still signs in, because the server accepted the password. The
 * profiles page, which lists them again under the same fault, shows the
 * error in place of the sign-in page. */
static void
assert_signed_in_with_profiles_error (SignInFixture *fixture)
{
  IwdProfilesPage *profiles_page = iwd_window_get_profiles_page (fixture->window);

  wait_for_page (fixture->window, "main");
  g_assert_nonnull (iwd_window_get_account (fixture->window));
  portfolio_wait_until (has_profiles_error, profiles_page);
  assert_error_shown (iwd_profiles_page_get_error_message (profiles_page), NULL,
                      IWD_API_ERROR_INVALID_REPLY);
}

static void
test_sign_in_fault (SignInFixture *fixture,
                    gconstpointer  data)
{
  const Pair *pair = data;
  int code = expect_code (pair->page, pair->fault);
  IwdSignInPage *page = iwd_window_get_sign_in_page (fixture->window);

  g_object_set (fixture->session, "timeout", TEST_TIMEOUT_S, NULL);
  arm_fault (fixture->sandbox, page_route (pair->page), pair->fault);
  submit_sign_in (fixture, SIGN_IN_LOGIN, SIGN_IN_PASSWORD);

  if (code == SUCCESS)
    {
      wait_for_page (fixture->window, "main");
      count_pair ();
      return;
    }

  if (code == IWD_API_ERROR_INVALID_REPLY)
    {
      assert_signed_in_with_profiles_error (fixture);
      count_pair ();
      return;
    }

  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "sign-in");
  g_assert_cmpstr (sign_in_page_text (fixture->window, "login_row"), ==, SIGN_IN_LOGIN);
  g_assert_cmpstr (sign_in_page_text (fixture->window, "server_url_row"), ==, fixture->base_url);
  /* A password that the server rejected is cleared so that the broker
   * types it again. It is the one value not kept. */
  if (code == IWD_API_ERROR_UNAUTHORIZED)
    g_assert_cmpstr (sign_in_page_text (fixture->window, "password_row"), ==, "");
  else
    g_assert_cmpstr (sign_in_page_text (fixture->window, "password_row"), ==, SIGN_IN_PASSWORD);
  assert_error_shown (iwd_sign_in_page_get_error_message (page), NULL, code);

  count_pair ();
}

/* The credential form and the portfolio form */

static void
on_saved (IwdProfileEditor *editor,
          const char       *profile_id,
          FormFixture      *fixture)
{
  g_free (fixture->saved_id);
  fixture->saved_id = g_strdup (profile_id);
}

static void
on_created (IwdPortfolioForm *form,
            const char       *portfolio_id,
            FormFixture      *fixture)
{
  g_free (fixture->created_id);
  fixture->created_id = g_strdup (portfolio_id);
}

static void
remove_fixtures_dir (FormFixture *fixture)
{
  g_autofree char *path = NULL;

  if (fixture->fixtures_dir == NULL)
    return;

  path = g_build_filename (fixture->fixtures_dir, CHECK_FIXTURE_NAME, NULL);
  g_unlink (path);
  g_rmdir (fixture->fixtures_dir);
  g_clear_pointer (&fixture->fixtures_dir, g_free);
}

static void
form_fixture_set_up (FormFixture   *fixture,
                     gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, NULL, 0);
  iwd_client_set_timeout (fixture->portfolio.client, TEST_TIMEOUT_S);
  fixture->secrets = iwd_secret_store_new (NULL);
}

static void
form_fixture_tear_down (FormFixture   *fixture,
                        gconstpointer  data)
{
  if (fixture->window != NULL)
    {
      /* GTK 4.8 warns when a focused text field is destroyed. */
      gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
      gtk_window_destroy (GTK_WINDOW (fixture->window));
    }
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->secrets);
  g_clear_pointer (&fixture->saved_id, g_free);
  g_clear_pointer (&fixture->created_id, g_free);
  portfolio_fixture_tear_down (&fixture->portfolio);
  remove_fixtures_dir (fixture);
}

/* Closes the Save Without a Check? dialog that a failed check before a
 * save opens, as the broker's Cancel would, and returns how many dialogs
 * were open. */
static guint
close_dialogs (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();
  guint n_closed = 0;

  for (GList *l = toplevels; l != NULL; l = l->next)
    {
      if (!ADW_IS_MESSAGE_DIALOG (l->data) || !gtk_widget_get_visible (l->data))
        continue;

      adw_message_dialog_response (l->data, "cancel");
      gtk_window_destroy (l->data);
      n_closed++;
    }

  return n_closed;
}

static gboolean
is_editor_settled (gpointer data)
{
  IwdProfileEditor *editor = data;

  return iwd_profile_editor_get_state (editor) != IWD_PROFILE_EDITOR_STATE_LOADING &&
         !iwd_profile_editor_get_busy (editor);
}

static const char *
row_text (IwdProfileEditor *editor,
          const char       *json_key)
{
  GtkWidget *row = iwd_credential_form_get_row (iwd_profile_editor_get_form (editor), json_key);

  g_assert_nonnull (row);

  return row != NULL ? gtk_editable_get_text (GTK_EDITABLE (row)) : NULL;
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

/* Opens the ALLIANZ editor with the formatter of the main window, and
 * types a new profile's id and credentials. */
static IwdProfileEditor *
open_filled_editor (FormFixture *fixture)
{
  GtkWidget *editor = iwd_profile_editor_new (fixture->portfolio.client, fixture->portfolio.account_state,
                                              fixture->secrets, "ALLIANZ", "Allianz IARD", NULL, NULL);

  iwd_profile_editor_set_error_formatter (IWD_PROFILE_EDITOR (editor), iwd_error_dup_user_message);
  g_signal_connect (editor, "saved", G_CALLBACK (on_saved), fixture);
  fixture->window = portfolio_show_in_window (editor);
  portfolio_wait_until (is_editor_settled, editor);
  g_assert_cmpint (iwd_profile_editor_get_state (IWD_PROFILE_EDITOR (editor)), ==,
                   IWD_PROFILE_EDITOR_STATE_FORM);

  iwd_credential_form_set_profile_id (iwd_profile_editor_get_form (IWD_PROFILE_EDITOR (editor)), PROFILE_ID);
  type_in_row (IWD_PROFILE_EDITOR (editor), "Login", INSURER_LOGIN);
  type_in_row (IWD_PROFILE_EDITOR (editor), "Password", INSURER_PASSWORD);

  return IWD_PROFILE_EDITOR (editor);
}

/* Runs @action and returns how many dialogs it opened. */
static guint
run_editor_action (IwdProfileEditor *editor,
                   const char       *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (editor), action, NULL));
  portfolio_wait_until (is_editor_settled, editor);

  return close_dialogs ();
}

static void
assert_editor_kept (IwdProfileEditor *editor)
{
  g_assert_cmpstr (iwd_credential_form_get_profile_id (iwd_profile_editor_get_form (editor)), ==, PROFILE_ID);
  g_assert_cmpstr (row_text (editor, "Login"), ==, INSURER_LOGIN);
  g_assert_cmpstr (row_text (editor, "Password"), ==, INSURER_PASSWORD);
}

/* A cut or non-JSON body with a 200 status is an unreadable reply, not a
 * refusal: the page must not have the broker correct credentials that
 * the insurer never saw. */
static void
assert_not_refused (IwdProfileEditor *editor)
{
  const char *status = iwd_profile_editor_get_status (editor);

  g_assert_nonnull (status);
  if (status != NULL)
    g_assert_null (strstr (status, "refused"));
}

static void
test_check_fault (FormFixture   *fixture,
                  gconstpointer  data)
{
  const Pair *pair = data;
  int code = expect_code (pair->page, pair->fault);
  IwdProfileEditor *editor = open_filled_editor (fixture);

  arm_fault (fixture->portfolio.sandbox, page_route (pair->page), pair->fault);
  run_editor_action (editor, "editor.check");

  assert_editor_kept (editor);
  assert_not_refused (editor);
  if (code == SUCCESS)
    g_assert_cmpstr (iwd_profile_editor_get_status (editor), ==, "ImportWeb accepted these credentials.");
  else
    assert_error_shown (iwd_profile_editor_get_status (editor),
                        "The credentials could not be checked. Everything you typed is kept.", code);

  count_pair ();
}

static gboolean
has_saved (gpointer data)
{
  FormFixture *fixture = data;

  return fixture->saved_id != NULL;
}

/* Saves after an accepted check, so that Save goes straight to the call
 * under test. */
static void
test_save_fault (FormFixture   *fixture,
                 gconstpointer  data)
{
  const Pair *pair = data;
  int code = expect_code (pair->page, pair->fault);
  IwdProfileEditor *editor = open_filled_editor (fixture);

  run_editor_action (editor, "editor.check");
  g_assert_cmpstr (iwd_profile_editor_get_status (editor), ==, "ImportWeb accepted these credentials.");
  arm_fault (fixture->portfolio.sandbox, page_route (pair->page), pair->fault);
  run_editor_action (editor, "editor.save");

  if (code == SUCCESS)
    {
      portfolio_wait_until (has_saved, fixture);
      g_assert_cmpstr (fixture->saved_id, ==, PROFILE_ID);
      count_pair ();
      return;
    }

  assert_editor_kept (editor);
  g_assert_null (fixture->saved_id);
  assert_error_shown (iwd_profile_editor_get_status (editor),
                      "The profile could not be saved. Everything you typed is kept.", code);

  count_pair ();
}

/* Presses Save with no accepted check, so that Save sends the check
 * under test. A failed check opens the Save Without a Check? dialog,
 * which the test cancels. */
static void
test_unchecked_save_fault (FormFixture   *fixture,
                           gconstpointer  data)
{
  const Pair *pair = data;
  int code = expect_code (pair->page, pair->fault);
  IwdProfileEditor *editor = open_filled_editor (fixture);
  guint n_dialogs;

  arm_fault (fixture->portfolio.sandbox, page_route (pair->page), pair->fault);
  n_dialogs = run_editor_action (editor, "editor.save");

  if (code == SUCCESS)
    {
      portfolio_wait_until (has_saved, fixture);
      g_assert_cmpstr (fixture->saved_id, ==, PROFILE_ID);
      g_assert_cmpuint (n_dialogs, ==, 0);
      count_pair ();
      return;
    }

  assert_editor_kept (editor);
  g_assert_null (fixture->saved_id);
  g_assert_cmpuint (n_dialogs, ==, 1);
  assert_not_refused (editor);
  assert_error_shown (iwd_profile_editor_get_status (editor),
                      "The credentials could not be checked. Everything you typed is kept.", code);

  count_pair ();
}

/* Bodies of a 200 check reply that are not the insurer's verdict, and one
 * that is, so that a fixture that was not served cannot pass. */
static const struct {
  const char *name;
  const char *body;
} check_bodies[] = {
  { "accepted", "General=Ok\r\n" },
  { "empty", "" },
  { "blank", " \r\n\r\n" },
  { "cut-json", "[{\"cie\": \"allianz\", \"idClient\": \"ALZ" },
  { "cut-json-string", "\"General=Identifiant inco" },
  { "not-json", "{'General': Ok,, }" },
  { "html", "<!DOCTYPE html>\r\n<html><body><h1>Maintenance</h1></body></html>" },
  { "json-object", "{\"General\": \"Ok\"}" },
  { "json-array", "[\"General=Ok\"]" },
  { "json-number", "200" },
};

static void
serve_check_body (FormFixture *fixture,
                  const char  *body)
{
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;

  fixture->fixtures_dir = g_dir_make_tmp ("iwdesk-check-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->fixtures_dir, CHECK_FIXTURE_NAME, NULL);
  g_file_set_contents (path, body, -1, &error);
  g_assert_no_error (error);
  iwd_sandbox_set_fixtures_dir (fixture->portfolio.sandbox, fixture->fixtures_dir, &error);
  g_assert_no_error (error);
}

/* Each body but the first is an unreadable reply: the editor keeps what
 * was typed and shows an error, never a refusal of the credentials. */
static void
test_check_body (FormFixture   *fixture,
                 gconstpointer  data)
{
  guint index = GPOINTER_TO_UINT (data);
  IwdProfileEditor *editor = open_filled_editor (fixture);

  serve_check_body (fixture, check_bodies[index].body);
  run_editor_action (editor, "editor.check");

  assert_editor_kept (editor);
  assert_not_refused (editor);
  if (index == 0)
    g_assert_cmpstr (iwd_profile_editor_get_status (editor), ==, "ImportWeb accepted these credentials.");
  else
    assert_error_shown (iwd_profile_editor_get_status (editor),
                        "The credentials could not be checked. Everything you typed is kept.",
                        IWD_API_ERROR_INVALID_REPLY);
}

static gboolean
is_form_idle (gpointer data)
{
  return !iwd_portfolio_form_get_busy (data);
}

static IwdPortfolioForm *
open_filled_portfolio_form (FormFixture *fixture)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new (PORTFOLIO_LABEL, 12);
  GtkWidget *form = iwd_portfolio_form_new (fixture->portfolio.client, fixture->portfolio.account_state);

  iwd_portfolio_form_set_error_formatter (IWD_PORTFOLIO_FORM (form), iwd_error_dup_user_message);
  g_signal_connect (form, "created", G_CALLBACK (on_created), fixture);
  fixture->window = portfolio_show_in_window (form);

  options->documents = TRUE;
  iwd_portfolio_form_set_portfolio_id (IWD_PORTFOLIO_FORM (form), PORTFOLIO_ID);
  iwd_portfolio_form_set_options (IWD_PORTFOLIO_FORM (form), options);

  return IWD_PORTFOLIO_FORM (form);
}

static void
assert_portfolio_form_kept (IwdPortfolioForm *form)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_form_dup_options (form);

  g_assert_cmpstr (iwd_portfolio_form_get_portfolio_id (form), ==, PORTFOLIO_ID);
  g_assert_cmpstr (options->label, ==, PORTFOLIO_LABEL);
  g_assert_true (options->documents);
}

static void
test_portfolio_fault (FormFixture   *fixture,
                      gconstpointer  data)
{
  const Pair *pair = data;
  int code = expect_code (pair->page, pair->fault);
  IwdPortfolioForm *form = open_filled_portfolio_form (fixture);

  arm_fault (fixture->portfolio.sandbox, page_route (pair->page), pair->fault);
  iwd_portfolio_form_submit (form);
  portfolio_wait_until (is_form_idle, form);

  if (code == SUCCESS)
    {
      g_assert_cmpstr (fixture->created_id, ==, PORTFOLIO_ID);
      count_pair ();
      return;
    }

  assert_portfolio_form_kept (form);
  g_assert_null (fixture->created_id);
  assert_error_shown (iwd_portfolio_form_get_error_message (form),
                      "The portfolio was not created. Everything you typed is kept.", code);

  count_pair ();
}

/* Set-up */

/* Returns why these tests cannot run here, or NULL if they can. The
 * sign-in and Save write to the keyring, so they need a private one. */
static const char *
skip_reason (void)
{
  if (!gtk_init_check ())
    return "no display";

  return iwd_test_keyring_skip_reason ();
}

static const char *
page_name (Page page)
{
  static const char *names[] = { "sign-in", "check", "save", "save-unchecked", "portfolio" };

  return names[page];
}

static FormTest
form_test_for_page (Page page)
{
  switch (page)
    {
    case PAGE_CHECK:
      return test_check_fault;
    case PAGE_SAVE:
      return test_save_fault;
    case PAGE_SAVE_UNCHECKED:
      return test_unchecked_save_fault;
    case PAGE_PORTFOLIO:
    case PAGE_SIGN_IN:
    case N_PAGES:
    default:
      return test_portfolio_fault;
    }
}

static void
add_pair_tests (void)
{
  guint n = 0;

  /* The first column is the normal reply, which no page needs here. */
  for (Page page = 0; page < N_PAGES; page++)
    for (guint fault = IWD_SANDBOX_FAULT_NONE + 1; fault < N_COLUMNS; fault++)
      {
        g_autofree char *path = g_strdup_printf ("/page-faults/%s/%s", page_name (page), fault_name (fault));
        Pair *pair = &pairs[n++];

        pair->page = page;
        pair->fault = fault;
        if (page == PAGE_SIGN_IN)
          g_test_add (path, SignInFixture, pair, sign_in_pair_set_up, test_sign_in_fault,
                      sign_in_pair_tear_down);
        else
          g_test_add (path, FormFixture, pair, form_fixture_set_up, form_test_for_page (page),
                      form_fixture_tear_down);
      }
}

static void
add_check_body_tests (void)
{
  for (guint i = 0; i < G_N_ELEMENTS (check_bodies); i++)
    {
      g_autofree char *path = g_strdup_printf ("/page-faults/check-body/%s", check_bodies[i].name);

      g_test_add (path, FormFixture, GUINT_TO_POINTER (i), form_fixture_set_up, test_check_body,
                  form_fixture_tear_down);
    }
}

int
main (int   argc,
      char *argv[])
{
  const char *reason;
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

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

  add_pair_tests ();
  add_check_body_tests ();
  status = g_test_run ();

  g_print ("# %u (page, fault) pairs run, %u passed\n", pairs_run, pairs_passed);

  return status;
}
