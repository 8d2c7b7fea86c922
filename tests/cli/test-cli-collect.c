/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>

#include "iwd-test-cli.h"

/* The sandbox's robot takes ten minutes here, far longer than the
 * tests, so every portfolio with a profile is still being collected. */
#define ROBOT_DELAY_MS "600000"

static GSubprocess *sandbox;
static char *sandbox_url;
static char *data_dir;

static void
start_sandbox (void)
{
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;

  sandbox = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                              IWDESK_SANDBOX_PATH, "--port", "0", "--robot-delay", ROBOT_DELAY_MS,
                              "--exit-with-parent", NULL);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox));
  sandbox_url = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sandbox_url, "http://127.0.0.1:"));
}

static void
stop_sandbox (void)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (sandbox, SIGTERM);
  g_subprocess_wait (sandbox, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&sandbox);
  g_clear_pointer (&sandbox_url, g_free);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      remove_tree (child);
    }

  g_remove (path);
}

/* The children inherit the account state's folder through XDG_DATA_HOME. */
static void
create_data_dir (void)
{
  g_autoptr(GError) error = NULL;

  data_dir = g_dir_make_tmp ("iwdesk-cli-collect-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", data_dir, TRUE);
}

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

  g_ptr_array_add (args, "--server");
  g_ptr_array_add (args, sandbox_url);
  g_ptr_array_add (args, "--login");
  g_ptr_array_add (args, "demo");
  g_ptr_array_add (args, "--password-stdin");
  g_ptr_array_add (args, NULL);

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
  create_data_dir ();
  start_sandbox ();

  g_test_add_func ("/cli/collect/contracts", test_contracts_collecting);
  g_test_add_func ("/cli/collect/contracts-export", test_contracts_collecting_export);
  g_test_add_func ("/cli/collect/commissions", test_commissions_collecting);
  g_test_add_func ("/cli/collect/contracts-no-profile", test_contracts_no_profile);
  g_test_add_func ("/cli/collect/help-exit-status", test_help_exit_status);

  status = g_test_run ();

  stop_sandbox ();
  remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);

  return status;
}
