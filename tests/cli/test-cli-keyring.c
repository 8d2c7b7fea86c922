/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <unistd.h>

#include "iwd-account-state.h"
#include "iwd-secret-store.h"
#include "iwd-test-cli.h"
#include "iwd-test-sandbox.h"
#include "iwd-test-keyring.h"

/* These tests let the tool write to the keyring of the session bus they
 * run on, so they run only against a private keyring, as the one that
 * build-aux/dev test starts: see skip_reason(). */

static IwdTestSandbox sandbox;
static char *data_dir;

/* Runs `iwdesk-cli profile save ARGS… --server … --login demo
 * --password-stdin` on the test's session bus, with @secret as the line
 * after the account's password. */
static void
run_save (IwdTestCliRun *run,
          const char    *secret,
          const char    *first,
          ...)
{
  g_autofree char *stdin_text = g_strdup_printf ("demo\n%s\n", secret);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();
  const char *arg = first;
  va_list list;

  g_ptr_array_add (args, "profile");
  g_ptr_array_add (args, "save");

  va_start (list, first);
  for (; arg != NULL; arg = va_arg (list, const char *))
    g_ptr_array_add (args, (char *) arg);
  va_end (list);

  iwd_test_sandbox_add_account_args (&sandbox, args);

  iwd_test_cli_run_with_keyring (run, stdin_text, (const char * const *) args->pdata);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

/* Reads a field's secret as the window reads it back. */
static char *
lookup_field_secret (const char *profile_id,
                     const char *field_key)
{
  g_autoptr(IwdSecretStore) store = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountId) account = iwd_account_id_new (sandbox.url, "demo");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  iwd_secret_store_lookup_field_secret (store, account, profile_id, field_key, NULL,
                                        on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  secret = iwd_secret_store_lookup_field_secret_finish (store, result, &error);
  g_assert_no_error (error);

  return secret;
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

static void
test_save_stores_secret (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  g_autofree char *secret = NULL;
  const IwdProfileRecord *record;

  run_save (&run, "s3cret-KEY1", "ALLIANZ", "KEY1", "--field", "Login=jean",
            "--field", "Marche=P", "--secret-field", "Password", NULL);
  secret = lookup_field_secret ("KEY1", "Password");
  state = load_state ();
  record = iwd_account_state_get_profile (state, "KEY1");

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (secret, ==, "s3cret-KEY1");
  g_assert_nonnull (record);
  g_assert_true (iwd_profile_record_is_secret_key (record, "Password"));
  g_assert_false (json_object_has_member (record->values, "Password"));
  g_assert_cmpstr (json_object_get_string_member (record->values, "Login"), ==, "jean");
}

/* Saving again replaces the secret, as a password change in the window
 * does. */
static void
test_save_replaces_secret (void)
{
  g_auto(IwdTestCliRun) first = { 0 };
  g_auto(IwdTestCliRun) second = { 0 };
  g_autofree char *secret = NULL;

  run_save (&first, "s3cret-old", "ALLIANZ", "KEY2", "--field", "Login=jean",
            "--field", "Marche=P", "--secret-field", "Password", NULL);
  run_save (&second, "s3cret-new", "ALLIANZ", "KEY2", "--field", "Login=jean",
            "--field", "Marche=P", "--secret-field", "Password", NULL);
  secret = lookup_field_secret ("KEY2", "Password");

  g_assert_cmpint (first.exit_status, ==, 0);
  g_assert_cmpint (second.exit_status, ==, 0);
  g_assert_cmpstr (secret, ==, "s3cret-new");
}

/* The sandbox's check rejects a ticked Clos box unless the URL carries
 * its option "clos". */
static void
test_save_sends_option (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(IwdAccountState) state = NULL;
  g_autofree char *secret = NULL;
  const IwdProfileRecord *record;

  run_save (&run, "s3cret-KEY3", "ALLIANZ", "KEY3", "--field", "Login=jean",
            "--field", "Marche=E", "--field", "Clos=1", "--method", "Commissions",
            "--method", "Sinistres", "--secret-field", "Password", NULL);
  secret = lookup_field_secret ("KEY3", "Password");
  state = load_state ();
  record = iwd_account_state_get_profile (state, "KEY3");

  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (secret, ==, "s3cret-KEY3");
  g_assert_nonnull (record);
  g_assert_true (json_object_get_boolean_member (record->values, "Clos"));
  g_assert_cmpstr (record->methods[1], ==, "Sinistres");
}

/* Returns why these tests cannot run here, or NULL if they can. */
static const char *
skip_reason (void)
{
  if (g_getenv ("IWDESK_PRIVATE_SESSION") == NULL)
    return "needs the private keyring session of build-aux/dev test";

  return iwd_test_keyring_skip_reason ();
}

int
main (int   argc,
      char *argv[])
{
  const char *reason = skip_reason ();
  int status;

  if (reason != NULL)
    {
      g_print ("1..0 # SKIP %s\n", reason);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);
  data_dir = iwd_test_make_data_dir ("keyring");
  iwd_test_sandbox_start (&sandbox, NULL);

  g_test_add_func ("/cli/keyring/save", test_save_stores_secret);
  g_test_add_func ("/cli/keyring/save-again", test_save_replaces_secret);
  g_test_add_func ("/cli/keyring/option", test_save_sends_option);

  status = g_test_run ();

  iwd_test_sandbox_stop (&sandbox);
  iwd_test_remove_tree (data_dir);
  g_clear_pointer (&data_dir, g_free);

  return status;
}
