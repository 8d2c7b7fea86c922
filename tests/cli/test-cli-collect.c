/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "iwd-test-cli.h"
#include "iwd-test-sandbox.h"

/* The sandbox's robot takes ten minutes here, far longer than the
 * tests, so every portfolio with a profile is still being collected. */
#define ROBOT_DELAY_MS "600000"

static IwdTestSandbox sandbox;
static char *data_dir;

/* Runs `iwdesk-cli ARGS… --server … --login demo --password-stdin`. */
static void
run_command (IwdTestCliRun *run,
             const char    *first,
             ...)
{
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg = first;
  va_list list;

  va_start (list, first);
  for (; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);

  iwd_test_sandbox_add_account_args (&sandbox, args);

  iwd_test_cli_run (run, "demo\n", (const char * const *) args->pdata);
}

static void
assert_run_ok (IwdTestCliRun *run)
{
  g_assert_cmpstr (run->err, ==, "");
  g_assert_cmpint (run->exit_status, ==, 0);
}

/* Creates @portfolio_id and, unless @profile_id is NULL, saves that
 * profile unchecked and adds it to the portfolio. */
static void
create_portfolio (const char *portfolio_id,
                  const char *profile_id)
{
  g_auto(IwdTestCliRun) create = { 0 };
  g_auto(IwdTestCliRun) save = { 0 };
  g_auto(IwdTestCliRun) add = { 0 };

  run_command (&create, "portfolio", "create", portfolio_id, "--label", "Cabinet Martin", NULL);
  assert_run_ok (&create);

  if (profile_id == NULL)
    return;

  run_command (&save, "profile", "save", "ALLIANZ", profile_id, "--field", "Login=jean",
               "--field", "Marche=P", "--no-check", NULL);
  assert_run_ok (&save);
  run_command (&add, "portfolio", "add", portfolio_id, profile_id, NULL);
  assert_run_ok (&add);
}

static void
test_contracts_collecting (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  create_portfolio ("PTFWAIT", "WAIT1");
  run_command (&run, "contracts", "PTFWAIT", NULL);

  g_assert_cmpint (run.exit_status, ==, 7);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "the robot is still collecting the contracts of portfolio 'PTFWAIT'"));
  g_assert_nonnull (strstr (run.err, "(profiles: WAIT1)"));
  g_assert_nonnull (strstr (run.err, "Try again in a few minutes"));
}

static void
test_contracts_collecting_export (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *path = g_build_filename (data_dir, "contracts.csv", NULL);

  create_portfolio ("PTFWAITCSV", "WAITCSV1");
  run_command (&run, "contracts", "PTFWAITCSV", "--output", path, NULL);

  g_assert_cmpint (run.exit_status, ==, 7);
  g_assert_nonnull (strstr (run.err, "still collecting"));
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
}

static void
test_commissions_collecting (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  create_portfolio ("PTFCOMM", "COMM1");
  run_command (&run, "commissions", "PTFCOMM", "COMM1", "--format", "csv", NULL);

  g_assert_cmpint (run.exit_status, ==, 7);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "still collecting the commission statement of profile 'COMM1' "
                                     "in portfolio 'PTFCOMM'"));
  g_assert_nonnull (strstr (run.err, "Try again in a few minutes"));
}

/* A portfolio without profiles gives the robot nothing to collect, so
 * its empty list is the final result. */
static void
test_contracts_no_profile (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  create_portfolio ("PTFEMPTY", NULL);
  run_command (&run, "contracts", "PTFEMPTY", "--format", "json", NULL);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==, "[]\n");
  g_assert_nonnull (strstr (run.err, "No contracts found for portfolio 'PTFEMPTY'"));
  g_assert_nonnull (strstr (run.err, "'iwdesk-cli portfolio add PTFEMPTY PROFILE'"));
}

static void
test_help_exit_status (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  const char *args[] = { "contracts", "--help", NULL };

  iwd_test_cli_run (&run, "", args);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, "  7  the robot is still collecting"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  data_dir = iwd_test_make_data_dir ("collect");
  iwd_test_sandbox_start (&sandbox, "--robot-delay", ROBOT_DELAY_MS, NULL);

  g_test_add_func ("/cli/collect/contracts", test_contracts_collecting);
  g_test_add_func ("/cli/collect/contracts-export", test_contracts_collecting_export);
  g_test_add_func ("/cli/collect/commissions", test_commissions_collecting);
  g_test_add_func ("/cli/collect/contracts-no-profile", test_contracts_no_profile);
  g_test_add_func ("/cli/collect/help-exit-status", test_help_exit_status);

  status = g_test_run ();

  iwd_test_sandbox_stop (&sandbox);
  iwd_test_remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);

  return status;
}
