/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "iwd-account-state.h"
#include "iwd-test-cli.h"
#include "iwd-test-sandbox.h"

/* One sandbox serves every test with its generated replies. Each test
 * uses its own portfolio and profile ids, so their order does not
 * matter. The account state goes to a temporary data folder, which the
 * tests read back as IWDesk would. */
static IwdTestSandbox sandbox;
static char *data_dir;

/* Runs `iwdesk-cli GROUP ARGS… --server … --login demo --password-stdin`,
 * with @input after the password line. */
static void
run_manage (IwdTestCliRun *run,
            const char    *input,
            const char    *group,
            ...)
{
  g_autofree char *stdin_text = g_strconcat ("demo\n", input, NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg;
  va_list list;

  g_ptr_array_add (args, (char *) group);

  va_start (list, group);
  while ((arg = va_arg (list, const char *)) != NULL)
    g_ptr_array_add (args, (char *) arg);
  va_end (list);

  iwd_test_sandbox_add_account_args (&sandbox, args);

  iwd_test_cli_run (run, stdin_text, (const char * const *) args->pdata);
}

static IwdAccountState *
load_state (void)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new (sandbox.url, "demo");
  g_autoptr(IwdAccountState) state = iwd_account_state_new (data_dir, account);
  g_autoptr(GError) error = NULL;

  iwd_account_state_load (state, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&state);
}

/* Saves profile @id for ALLIANZ without a password and unchecked,
 * because these runs reach no keyring. test-cli-keyring saves profiles
 * with one. */
static void
save_profile (const char *id)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", id,
              "--field", "Login=jean", "--field", "Marche=P",
              "--method", "Commissions", "--no-check", NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
}

static void
create_portfolio (const char *id)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "portfolio", "create", id, "--label", "Cabinet Durand",
              "--months", "6", "--fleets", NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
}

static void
test_portfolio_create (void)
{
  g_autoptr(IwdAccountState) state = NULL;
  const IwdPortfolioOptions *options;

  create_portfolio ("PTFCREATE");
  state = load_state ();
  options = iwd_account_state_get_portfolio_options (state, "PTFCREATE");

  g_assert_nonnull (options);
  g_assert_cmpstr (options->label, ==, "Cabinet Durand");
  g_assert_cmpuint (options->months, ==, 6);
  g_assert_true (options->fleets);
  g_assert_false (options->funds);
}

static void
test_portfolio_create_existing (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  const IwdPortfolioOptions *options;

  create_portfolio ("PTFTWICE");
  run_manage (&run, "", "portfolio", "create", "PTFTWICE", "--label", "Autre cabinet",
              "--months", "3", NULL);
  state = load_state ();
  options = iwd_account_state_get_portfolio_options (state, "PTFTWICE");

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_nonnull (strstr (run.err, "already has a portfolio with the id 'PTFTWICE'"));
  g_assert_nonnull (strstr (run.err, "labelled 'Cabinet Durand'"));
  g_assert_nonnull (strstr (run.err, "Choose another id, or use the existing portfolio"));
  g_assert_nonnull (options);
  g_assert_cmpstr (options->label, ==, "Cabinet Durand");
  g_assert_cmpuint (options->months, ==, 6);
}

static void
test_portfolio_list (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  const char *args[] = { "portfolio", "list", "--server", NULL, "--login", "demo",
                         "--format", "csv", NULL };

  create_portfolio ("PTFLIST");
  save_profile ("LIST1");
  run_manage (&run, "", "portfolio", "add", "PTFLIST", "LIST1", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  iwd_test_cli_run_clear (&run);

  /* The list is local: it needs no password. */
  args[3] = sandbox.url;
  iwd_test_cli_run (&run, "", args);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\nPTFLIST,Cabinet Durand,6,LIST1\n"));
}

static void
test_portfolio_no_label (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "portfolio", "create", "PTFNOLABEL", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--label"));
}

static void
test_portfolio_long_id (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "portfolio", "create", "PTF4567890123456", "--label", "Trop long", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“PTF4567890123456” has 16 characters. Shorten it to 15 at most"));
}

/* The CLI takes the ids the window takes: an accented letter or a
 * character of URLs is refused before any call. */
static void
test_portfolio_id_characters (void)
{
  g_auto(IwdTestCliRun) accented = { 0 };
  g_auto(IwdTestCliRun) slash = { 0 };

  run_manage (&accented, "", "portfolio", "create", "Élodie", "--label", "Accent", NULL);
  run_manage (&slash, "", "portfolio", "create", "a/b", "--label", "Barre", NULL);

  g_assert_cmpint (accented.exit_status, ==, 1);
  g_assert_nonnull (strstr (accented.err, "“Élodie” contains “É”"));
  g_assert_cmpint (slash.exit_status, ==, 1);
  g_assert_nonnull (strstr (slash.err, "“a/b” contains “/”"));
}

static void
test_portfolio_profiles (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  create_portfolio ("PTFPROFILES");
  save_profile ("PROF1");
  run_manage (&run, "", "portfolio", "add", "PTFPROFILES", "PROF1", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  iwd_test_cli_run_clear (&run);

  run_manage (&run, "", "portfolio", "profiles", "PTFPROFILES", "--format", "csv", NULL);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "company,id,robot_error,tasks\n"
                   "allianz,PROF1,0,Commissions\n");
}

static void
test_portfolio_remove (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  g_auto(GStrv) profiles = NULL;

  create_portfolio ("PTFREMOVE");
  save_profile ("REMOVE1");
  run_manage (&run, "", "portfolio", "add", "PTFREMOVE", "REMOVE1", NULL);
  g_assert_cmpint (run.exit_status, ==, 0);
  iwd_test_cli_run_clear (&run);

  run_manage (&run, "", "portfolio", "remove", "PTFREMOVE", "REMOVE1", NULL);
  state = load_state ();
  profiles = iwd_account_state_list_portfolio_profiles (state, "PTFREMOVE");

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (profiles), ==, 0);
  g_assert_nonnull (iwd_account_state_get_profile (state, "REMOVE1"));
}

static void
test_portfolio_delete_refused (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  create_portfolio ("PTFKEEP");
  run_manage (&run, "", "portfolio", "delete", "PTFKEEP", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "deleting portfolio 'PTFKEEP' also deletes its profiles"));
  g_assert_nonnull (strstr (run.err, "--yes"));
  g_assert_nonnull (iwd_account_state_get_portfolio_options (state, "PTFKEEP"));
}

static void
test_portfolio_delete (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  create_portfolio ("PTFDELETE");
  run_manage (&run, "", "portfolio", "delete", "PTFDELETE", "--yes", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_null (iwd_account_state_get_portfolio_options (state, "PTFDELETE"));
}

static void
test_profile_save (void)
{
  g_autoptr(IwdAccountState) state = NULL;
  const IwdProfileRecord *record;

  save_profile ("SAVE1");
  state = load_state ();
  record = iwd_account_state_get_profile (state, "SAVE1");

  g_assert_nonnull (record);
  g_assert_cmpstr (record->company, ==, "ALLIANZ");
  g_assert_cmpstr (json_object_get_string_member (record->values, "Login"), ==, "jean");
  g_assert_cmpstr (json_object_get_string_member (record->values, "Marche"), ==, "P");
  g_assert_false (json_object_has_member (record->values, "Password"));
  g_assert_true (iwd_profile_record_is_secret_key (record, "Password"));
  g_assert_cmpstr (record->methods[0], ==, "Commissions");
}

static void
test_profile_save_rejected (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  run_manage (&run, "wrong\n", "profile", "save", "ALLIANZ", "REJECTED",
              "--field", "Login=jean", "--field", "Marche=P",
              "--secret-field", "Password", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "Password=Mot de passe incorrect"));
  g_assert_null (iwd_account_state_get_profile (state, "REJECTED"));
}

static void
test_profile_save_secret_argument (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", "SECRETARG",
              "--field", "Password=secret", "--secret-field", "Password", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'Password' is a secret field"));
  g_assert_null (strstr (run.err, "=secret"));
}

static void
test_profile_save_no_secret_line (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", "NOLINE",
              "--field", "Login=jean", "--secret-field", "Password", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "no line for the secret field 'Password'"));
}

/* The profile is posted, but the keyring is out of reach, so the
 * secret is kept nowhere and the run fails with the keyring's status. */
static void
test_profile_save_no_keyring (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  const IwdProfileRecord *record;

  run_manage (&run, "s3cret-NOKEY1\n", "profile", "save", "ALLIANZ", "NOKEY1",
              "--field", "Login=jean", "--field", "Marche=P",
              "--secret-field", "Password", NULL);
  state = load_state ();
  record = iwd_account_state_get_profile (state, "NOKEY1");

  g_assert_cmpint (run.exit_status, ==, 6);
  g_assert_nonnull (strstr (run.err, "profile 'NOKEY1' is saved on ImportWeb"));
  g_assert_nonnull (strstr (run.err, "could not store its secret field 'Password'"));
  g_assert_null (strstr (run.err, "s3cret"));
  g_assert_null (strstr (run.out, "s3cret"));
  g_assert_nonnull (record);
  g_assert_false (json_object_has_member (record->values, "Password"));
}

/* The sandbox's check rejects a ticked Clos box unless the URL carries
 * its option "clos", so getting past the check to the keyring step
 * shows that the option was sent. */
static void
test_profile_save_option (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  const IwdProfileRecord *record;

  run_manage (&run, "s3cret\n", "profile", "save", "ALLIANZ", "OPTION1",
              "--field", "Login=jean", "--field", "Marche=P", "--field", "Clos=1",
              "--method", "Sinistres", "--method", "Commissions",
              "--secret-field", "Password", NULL);
  state = load_state ();
  record = iwd_account_state_get_profile (state, "OPTION1");

  g_assert_null (strstr (run.err, "Option clos"));
  g_assert_cmpint (run.exit_status, ==, 6);
  g_assert_nonnull (record);
  g_assert_true (json_object_get_boolean_member (record->values, "Clos"));
  g_assert_cmpstr (record->methods[0], ==, "Sinistres");
}

static void
test_profile_save_unused_field (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  run_manage (&run, "", "profile", "save", "ALLIANZ", "UNUSED1",
              "--field", "Login=jean", "--field", "Marche=P", "--field", "Clos=1",
              "--no-check", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "the field 'Clos' of ALLIANZ is not used"));
  g_assert_nonnull (strstr (run.err, "'S'"));
  g_assert_null (iwd_account_state_get_profile (state, "UNUSED1"));
}

static void
test_profile_save_unknown_field (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", "UNKNOWN1",
              "--field", "Identifiant=jean", "--no-check", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "ALLIANZ has no field with the JSON key 'Identifiant'"));
  g_assert_nonnull (strstr (run.err, "'iwdesk-cli fields ALLIANZ'"));
}

static void
test_profile_save_check_box_value (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", "BOX1",
              "--field", "Clos=peut-être", "--method", "Sinistres", "--no-check", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--field Clos takes 1 or 0, not 'peut-être'"));
}

/* The schema marks Password as secret, even without --secret-field. */
static void
test_profile_save_schema_secret (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "save", "ALLIANZ", "SCHEMA1",
              "--field", "Login=jean", "--field", "Password=s3cret", "--no-check", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'Password' is a secret field: pass --secret-field Password"));
  g_assert_null (strstr (run.err, "s3cret"));
}

static void
test_profile_delete_refused (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  save_profile ("KEEP1");
  run_manage (&run, "", "profile", "delete", "KEEP1", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--yes"));
  g_assert_nonnull (iwd_account_state_get_profile (state, "KEEP1"));
}

static void
test_profile_delete (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;

  save_profile ("DELETE1");
  run_manage (&run, "", "profile", "delete", "DELETE1", "--yes", NULL);
  state = load_state ();

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_null (iwd_account_state_get_profile (state, "DELETE1"));
}

static void
test_profile_delete_unknown (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "delete", "NOSUCH", "--yes", NULL);

  g_assert_cmpint (run.exit_status, ==, 5);
}

static void
test_profile_force (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  save_profile ("FORCE1");
  run_manage (&run, "", "profile", "force", "FORCE1", "Emissions", NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
}

static void
test_profile_force_bad_method (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "force", "FORCE1", "Emission", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'Emission' is not a robot method"));
}

static void
test_profile_start_date (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  save_profile ("DATE1");
  run_manage (&run, "", "profile", "start-date", "DATE1", "2026-02-28", NULL);

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
}

static void
test_profile_bad_date (void)
{
  const char *dates[] = { "2026-02-30", "28/02/2026", "2026-2-28", "2026-02-28x" };

  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    {
      g_auto(IwdTestCliRun) run = { 0 };

      run_manage (&run, "", "profile", "start-date", "DATE1", dates[i], NULL);

      g_assert_cmpint (run.exit_status, ==, 1);
      g_assert_nonnull (strstr (run.err, "is not a date"));
    }
}

static void
test_profile_long_id (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "profile", "start-date", "ABCDEFGHIJKLMNOP", "2026-02-28", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "“ABCDEFGHIJKLMNOP” has 16 characters. Shorten it to 15 at most"));
}

static void
test_unknown_subcommand (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "portfolio", "rename", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'rename' is not a command of 'portfolio'"));
}

static void
test_subcommand_help (void)
{
  const char *args[] = { "portfolio", "--help", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, "", args);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\n  create PTF\n"));
  g_assert_nonnull (strstr (run.out, "\n  delete PTF\n"));
}

/* An export format given to --format points to --export-format. */
static void
test_format_export_name (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_manage (&run, "", "contracts", "PTFFORMAT", "--format", "xlsx", NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'xlsx' is not an output format"));
  g_assert_nonnull (strstr (run.err, "--export-format"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A child that exits before reading all of its standard input must
   * fail the test through its exit code, not kill it with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/manage/portfolio-create", test_portfolio_create);
  g_test_add_func ("/cli/manage/portfolio-create-existing", test_portfolio_create_existing);
  g_test_add_func ("/cli/manage/portfolio-list", test_portfolio_list);
  g_test_add_func ("/cli/manage/portfolio-no-label", test_portfolio_no_label);
  g_test_add_func ("/cli/manage/portfolio-long-id", test_portfolio_long_id);
  g_test_add_func ("/cli/manage/portfolio-id-characters", test_portfolio_id_characters);
  g_test_add_func ("/cli/manage/portfolio-profiles", test_portfolio_profiles);
  g_test_add_func ("/cli/manage/portfolio-remove", test_portfolio_remove);
  g_test_add_func ("/cli/manage/portfolio-delete-refused", test_portfolio_delete_refused);
  g_test_add_func ("/cli/manage/portfolio-delete", test_portfolio_delete);
  g_test_add_func ("/cli/manage/profile-save", test_profile_save);
  g_test_add_func ("/cli/manage/profile-save-rejected", test_profile_save_rejected);
  g_test_add_func ("/cli/manage/profile-secret-argument", test_profile_save_secret_argument);
  g_test_add_func ("/cli/manage/profile-no-keyring", test_profile_save_no_keyring);
  g_test_add_func ("/cli/manage/profile-option", test_profile_save_option);
  g_test_add_func ("/cli/manage/profile-unused-field", test_profile_save_unused_field);
  g_test_add_func ("/cli/manage/profile-unknown-field", test_profile_save_unknown_field);
  g_test_add_func ("/cli/manage/profile-check-box-value", test_profile_save_check_box_value);
  g_test_add_func ("/cli/manage/profile-schema-secret", test_profile_save_schema_secret);
  g_test_add_func ("/cli/manage/profile-no-secret-line", test_profile_save_no_secret_line);
  g_test_add_func ("/cli/manage/profile-delete-refused", test_profile_delete_refused);
  g_test_add_func ("/cli/manage/profile-delete", test_profile_delete);
  g_test_add_func ("/cli/manage/profile-delete-unknown", test_profile_delete_unknown);
  g_test_add_func ("/cli/manage/profile-force", test_profile_force);
  g_test_add_func ("/cli/manage/profile-force-bad-method", test_profile_force_bad_method);
  g_test_add_func ("/cli/manage/profile-start-date", test_profile_start_date);
  g_test_add_func ("/cli/manage/profile-bad-date", test_profile_bad_date);
  g_test_add_func ("/cli/manage/profile-long-id", test_profile_long_id);
  g_test_add_func ("/cli/manage/unknown-subcommand", test_unknown_subcommand);
  g_test_add_func ("/cli/manage/subcommand-help", test_subcommand_help);
  g_test_add_func ("/cli/manage/format-export-name", test_format_export_name);

  data_dir = iwd_test_make_data_dir ("manage");
  iwd_test_sandbox_start (&sandbox, NULL);
  status = g_test_run ();
  iwd_test_sandbox_stop (&sandbox);
  iwd_test_remove_tree (data_dir);
  g_free (data_dir);

  return status;
}
