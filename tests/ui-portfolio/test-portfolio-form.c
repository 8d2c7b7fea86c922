/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-api-error.h"
#include "iwd-portfolio-form.h"
#include "iwd-sandbox-faults.h"
#include "portfolio-fixture.h"

/* What the form shows before the formatter's reason. */
#define NOT_CREATED "The portfolio was not created. Everything you typed is kept."

typedef struct {
  PortfolioFixture  portfolio;
  GtkWidget        *window;
  IwdPortfolioForm *form;
  char             *created_id;
} Fixture;

static void
created_cb (IwdPortfolioForm *form,
            const char       *portfolio_id,
            Fixture          *fixture)
{
  g_free (fixture->created_id);
  fixture->created_id = g_strdup (portfolio_id);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, NULL, 0);
  fixture->form = IWD_PORTFOLIO_FORM (iwd_portfolio_form_new (fixture->portfolio.client,
                                                              fixture->portfolio.account_state));
  g_signal_connect (fixture->form, "created", G_CALLBACK (created_cb), fixture);
  fixture->window = portfolio_show_in_window (GTK_WIDGET (fixture->form));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_pointer (&fixture->created_id, g_free);
  portfolio_fixture_tear_down (&fixture->portfolio);
}

static void
fill (Fixture    *fixture,
      const char *portfolio_id,
      const char *label)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new (label, 10);

  options->documents = TRUE;
  options->fleets = TRUE;
  iwd_portfolio_form_set_portfolio_id (fixture->form, portfolio_id);
  iwd_portfolio_form_set_options (fixture->form, options);
}

static gboolean
form_idle (gpointer data)
{
  return !iwd_portfolio_form_get_busy (data);
}

static void
test_long_id (Fixture       *fixture,
              gconstpointer  data)
{
  fill (fixture, "PORTFOLIO-16-CHR", "Cabinet Martin");
  iwd_portfolio_form_submit (fixture->form);

  g_assert_false (iwd_portfolio_form_get_busy (fixture->form));
  g_assert_cmpstr (iwd_portfolio_form_get_id_problem (fixture->form), ==,
                   "“PORTFOLIO-16-CHR” has 16 characters. Shorten it to 15 at most.");
  g_assert_null (iwd_portfolio_form_get_label_problem (fixture->form));
}

static void
test_duplicate_id (Fixture       *fixture,
                   gconstpointer  data)
{
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");

  fill (fixture, "PTF1", "Another firm");
  iwd_portfolio_form_submit (fixture->form);

  g_assert_false (iwd_portfolio_form_get_busy (fixture->form));
  g_assert_cmpstr (iwd_portfolio_form_get_id_problem (fixture->form), ==,
                   "This account already has a portfolio with the id “PTF1”. Choose another id.");
}

static void
test_empty_fields (Fixture       *fixture,
                   gconstpointer  data)
{
  fill (fixture, "  ", "  ");
  iwd_portfolio_form_submit (fixture->form);

  g_assert_false (iwd_portfolio_form_get_busy (fixture->form));
  g_assert_cmpstr (iwd_portfolio_form_get_id_problem (fixture->form), ==,
                   "Type a portfolio id, such as your own code for the client firm.");
  g_assert_cmpstr (iwd_portfolio_form_get_label_problem (fixture->form), ==,
                   "Type a label, such as the client firm’s name.");
}

static void
test_problem_cleared_on_typing (Fixture       *fixture,
                                gconstpointer  data)
{
  fill (fixture, "", "Cabinet Martin");
  iwd_portfolio_form_submit (fixture->form);
  g_assert_nonnull (iwd_portfolio_form_get_id_problem (fixture->form));

  iwd_portfolio_form_set_portfolio_id (fixture->form, "PTF1");

  g_assert_null (iwd_portfolio_form_get_id_problem (fixture->form));
}

static void
test_create (Fixture       *fixture,
             gconstpointer  data)
{
  const IwdPortfolioOptions *saved;
  g_autoptr(IwdAccountState) reloaded = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  fill (fixture, " PTF1 ", "Cabinet Martin");
  iwd_portfolio_form_submit (fixture->form);
  g_assert_true (iwd_portfolio_form_get_busy (fixture->form));
  portfolio_wait_until (form_idle, fixture->form);

  g_assert_null (iwd_portfolio_form_get_error_message (fixture->form));
  g_assert_cmpstr (fixture->created_id, ==, "PTF1");

  /* The robot has the portfolio: listing its profiles succeeds. */
  profiles = portfolio_list_profiles (&fixture->portfolio, "PTF1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);

  /* The state on disk remembers it with its options. */
  reloaded = iwd_account_state_new (fixture->portfolio.data_dir,
                                    iwd_account_state_get_account (fixture->portfolio.account_state));
  iwd_account_state_load (reloaded, &error);
  g_assert_no_error (error);
  saved = iwd_account_state_get_portfolio_options (reloaded, "PTF1");
  g_assert_nonnull (saved);
  g_assert_cmpstr (saved->label, ==, "Cabinet Martin");
  g_assert_cmpuint (saved->months, ==, 10);
  g_assert_true (saved->documents);
  g_assert_false (saved->members);
  g_assert_true (saved->fleets);
  g_assert_false (saved->funds);
}

static void
test_failure_keeps_input (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IwdPortfolioOptions) typed = NULL;

  iwd_sandbox_stop (fixture->portfolio.sandbox);
  fill (fixture, "PTF2", "Cabinet Durand");
  iwd_portfolio_form_submit (fixture->form);
  portfolio_wait_until (form_idle, fixture->form);

  g_assert_true (g_str_has_prefix (iwd_portfolio_form_get_error_message (fixture->form), NOT_CREATED " "));
  g_assert_null (fixture->created_id);
  g_assert_null (iwd_account_state_get_portfolio_options (fixture->portfolio.account_state, "PTF2"));

  typed = iwd_portfolio_form_dup_options (fixture->form);
  g_assert_cmpstr (iwd_portfolio_form_get_portfolio_id (fixture->form), ==, "PTF2");
  g_assert_cmpstr (typed->label, ==, "Cabinet Durand");
  g_assert_cmpuint (typed->months, ==, 10);
  g_assert_true (typed->documents);
}

/* Stands for the application's formatter, which this library cannot
 * link, and names the error's code so that the test can check it. */
static char *
format_code (const GError *error)
{
  return g_strdup_printf ("Reason %d.", error->code);
}

static void
assert_input_kept (Fixture *fixture)
{
  g_autoptr(IwdPortfolioOptions) typed = iwd_portfolio_form_dup_options (fixture->form);

  g_assert_cmpstr (iwd_portfolio_form_get_portfolio_id (fixture->form), ==, "PTF3");
  g_assert_cmpstr (typed->label, ==, "Cabinet Lefèvre");
  g_assert_cmpuint (typed->months, ==, 10);
  g_assert_true (typed->documents);
  g_assert_false (typed->members);
  g_assert_true (typed->fleets);
  g_assert_false (typed->funds);
}

/* Each failed creation shows that nothing was created and that the
 * fields are kept, then the reason, and creates nothing. */
static void
test_fault_message (Fixture       *fixture,
                    gconstpointer  data)
{
  const struct {
    IwdSandboxFault fault;
    int             code;
  } cases[] = {
    { IWD_SANDBOX_FAULT_SERVER_ERROR, IWD_API_ERROR_SERVER },
    { IWD_SANDBOX_FAULT_UNAVAILABLE, IWD_API_ERROR_SERVER },
    { IWD_SANDBOX_FAULT_FORBIDDEN, IWD_API_ERROR_FORBIDDEN },
    { IWD_SANDBOX_FAULT_NOT_FOUND, IWD_API_ERROR_NOT_FOUND },
    { IWD_SANDBOX_FAULT_UNAUTHORIZED, IWD_API_ERROR_UNAUTHORIZED },
    { IWD_SANDBOX_FAULT_HTML_PAGE, IWD_API_ERROR_INVALID_REPLY },
    { IWD_SANDBOX_FAULT_RESET, IWD_API_ERROR_NETWORK },
  };

  iwd_portfolio_form_set_error_formatter (fixture->form, format_code);
  fill (fixture, "PTF3", "Cabinet Lefèvre");

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *expected = g_strdup_printf (NOT_CREATED " Reason %d.", cases[i].code);

      g_test_message ("fault %s", iwd_sandbox_fault_get_name (cases[i].fault));
      iwd_sandbox_set_fault (fixture->portfolio.sandbox, IWD_ROUTE_PORTFOLIO_CREATE, cases[i].fault, 0);
      iwd_portfolio_form_submit (fixture->form);
      portfolio_wait_until (form_idle, fixture->form);

      g_assert_cmpstr (iwd_portfolio_form_get_error_message (fixture->form), ==, expected);
      g_assert_null (fixture->created_id);
      g_assert_null (iwd_account_state_get_portfolio_options (fixture->portfolio.account_state, "PTF3"));
      assert_input_kept (fixture);
    }
}

/* Without a formatter, the reason keeps the client's English message,
 * which names the failed call. */
static void
test_fault_default_reason (Fixture       *fixture,
                           gconstpointer  data)
{
  const char *error_message;

  iwd_sandbox_set_fault (fixture->portfolio.sandbox, IWD_ROUTE_PORTFOLIO_CREATE,
                         IWD_SANDBOX_FAULT_SERVER_ERROR, 0);
  fill (fixture, "PTF3", "Cabinet Lefèvre");
  iwd_portfolio_form_submit (fixture->form);
  portfolio_wait_until (form_idle, fixture->form);
  error_message = iwd_portfolio_form_get_error_message (fixture->form);

  g_assert_nonnull (error_message);
  g_assert_true (g_str_has_prefix (error_message, NOT_CREATED " The request to ImportWeb failed. Details: "));
  g_assert_nonnull (strstr (error_message, "PTF"));
  assert_input_kept (fixture);
}

/* Once the fault is gone, the same fields create the portfolio. */
static void
test_retry_after_fault (Fixture       *fixture,
                        gconstpointer  data)
{
  iwd_sandbox_set_fault (fixture->portfolio.sandbox, IWD_ROUTE_PORTFOLIO_CREATE,
                         IWD_SANDBOX_FAULT_UNAVAILABLE, 1);
  fill (fixture, "PTF3", "Cabinet Lefèvre");
  iwd_portfolio_form_submit (fixture->form);
  portfolio_wait_until (form_idle, fixture->form);
  g_assert_nonnull (iwd_portfolio_form_get_error_message (fixture->form));
  g_assert_null (fixture->created_id);

  iwd_portfolio_form_submit (fixture->form);
  portfolio_wait_until (form_idle, fixture->form);

  g_assert_null (iwd_portfolio_form_get_error_message (fixture->form));
  g_assert_cmpstr (fixture->created_id, ==, "PTF3");
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

  g_test_add ("/ui/portfolio/form/long-id", Fixture, NULL,
              fixture_set_up, test_long_id, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/duplicate-id", Fixture, NULL,
              fixture_set_up, test_duplicate_id, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/empty-fields", Fixture, NULL,
              fixture_set_up, test_empty_fields, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/problem-cleared", Fixture, NULL,
              fixture_set_up, test_problem_cleared_on_typing, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/create", Fixture, NULL,
              fixture_set_up, test_create, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/failure-keeps-input", Fixture, NULL,
              fixture_set_up, test_failure_keeps_input, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/fault-message", Fixture, NULL,
              fixture_set_up, test_fault_message, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/fault-default-reason", Fixture, NULL,
              fixture_set_up, test_fault_default_reason, fixture_tear_down);
  g_test_add ("/ui/portfolio/form/retry-after-fault", Fixture, NULL,
              fixture_set_up, test_retry_after_fault, fixture_tear_down);

  return g_test_run ();
}
