/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <unistd.h>

#include "sign-in-helpers.h"
#include "test-secret-store-locking.h"
#include "iwd-test-keyring.h"

/* These tests lock the default collection of the keyring that
 * build-aux/dev test starts, so they run in their own executable and
 * never in parallel with the other keyring tests. */

#define ALICE_PASSWORD "alice-Pw-1"

static const char *accounts[] = { "alice", ALICE_PASSWORD, NULL };

static void
locked_set_up (SignInFixture *fixture,
               gconstpointer  data)
{
  sign_in_fixture_set_up (fixture, data);
  keyring_lock_default ();
}

static void
locked_tear_down (SignInFixture *fixture,
                  gconstpointer  data)
{
  keyring_unlock_default ();
  sign_in_fixture_tear_down (fixture, data);
}

static void
test_locked_session_only (SignInFixture *fixture,
                          gconstpointer  data)
{
  AdwMessageDialog *dialog;
  IwdAccount *account;

  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  dialog = wait_for_dialog ();

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Password Cannot Be Saved");
  g_assert_true (g_str_has_prefix (adw_message_dialog_get_body (dialog), "The keyring is locked"));
  g_assert_true (adw_message_dialog_has_response (dialog, "session"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "session"), ==,
                   "_Continue for This Session Only");
  g_assert_null (iwd_window_get_account (fixture->window));

  adw_message_dialog_response (dialog, "session");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_page (fixture->window, "main");

  account = iwd_window_get_account (fixture->window);
  g_assert_nonnull (account);
  g_assert_true (iwd_account_get_session_only (account));
}

static void
test_locked_nothing_saved (SignInFixture *fixture,
                           gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autofree char *password = NULL;

  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "session");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_page (fixture->window, "main");

  keyring_unlock_default ();
  password = lookup_password (fixture, "alice");
  keyring_lock_default ();

  g_assert_null (password);
}

/* libsecret reports a failed unlock prompt as no password at all, which
 * the start must not show as a password that was never saved. */
static void
test_locked_restore (SignInFixture *fixture,
                     gconstpointer  data)
{
  IwdWindow *window;

  keyring_unlock_default ();
  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  wait_for_page (fixture->window, "main");
  keyring_lock_default ();

  window = sign_in_fixture_new_window (fixture);
  iwd_window_sign_in_last (window);
  wait_for_page (window, "sign-in");

  g_assert_cmpstr (sign_in_page_text (window, "login_row"), ==, "alice");
  g_assert_cmpstr (iwd_sign_in_page_get_error_message (iwd_window_get_sign_in_page (window)), ==,
                   "The keyring could not be opened, so the saved password cannot be read. Type it to sign in.");
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
  g_test_add (path, SignInFixture, accounts, locked_set_up, func, locked_tear_down)

  ADD ("/sign-in-locked/session-only", test_locked_session_only);
  ADD ("/sign-in-locked/nothing-saved", test_locked_nothing_saved);
  ADD ("/sign-in-locked/restore", test_locked_restore);
#undef ADD

  return g_test_run ();
}
