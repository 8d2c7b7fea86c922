/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-application.h"
#include "sign-in-helpers.h"

/* Runs with a session bus address that leads nowhere, so the keyring is
 * unavailable to every call. */
#define NO_BUS_ADDRESS "unix:path=/nonexistent/iwdesk-test-no-bus"

#define ALICE_PASSWORD "alice-Pw-1"

static const char *accounts[] = { "alice", ALICE_PASSWORD, NULL };

static void
test_offline_session_only (SignInFixture *fixture,
                           gconstpointer  data)
{
  AdwMessageDialog *dialog;
  IwdAccount *account;

  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  dialog = wait_for_dialog ();

  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Password Cannot Be Saved");
  g_assert_true (adw_message_dialog_has_response (dialog, "session"));
  g_assert_true (adw_message_dialog_has_response (dialog, "cancel"));
  g_assert_cmpstr (adw_message_dialog_get_response_label (dialog, "session"), ==,
                   "_Continue for This Session Only");
  g_assert_null (iwd_window_get_account (fixture->window));

  adw_message_dialog_response (dialog, "session");
  gtk_window_destroy (GTK_WINDOW (dialog));
  wait_for_page (fixture->window, "main");

  account = iwd_window_get_account (fixture->window);
  g_assert_nonnull (account);
  g_assert_true (iwd_account_get_session_only (account));
  g_assert_cmpstr (iwd_client_get_login (iwd_account_get_client (account)), ==, "alice");
}

static void
test_offline_cancel (SignInFixture *fixture,
                     gconstpointer  data)
{
  AdwMessageDialog *dialog;

  submit_sign_in (fixture, "alice", ALICE_PASSWORD);
  dialog = wait_for_dialog ();
  adw_message_dialog_response (dialog, "cancel");
  gtk_window_destroy (GTK_WINDOW (dialog));

  g_assert_cmpstr (iwd_window_get_page (fixture->window), ==, "sign-in");
  g_assert_null (iwd_window_get_account (fixture->window));
}

static void
test_offline_restore (SignInFixture *fixture,
                      gconstpointer  data)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_set_string (settings, "last-account", "alice");
  g_settings_set_string (settings, "last-server", fixture->base_url);
  iwd_window_sign_in_last (fixture->window);
  wait_for_page (fixture->window, "sign-in");

  g_assert_cmpstr (sign_in_page_text (fixture->window, "login_row"), ==, "alice");
  g_assert_cmpstr (iwd_sign_in_page_get_error_message (iwd_window_get_sign_in_page (fixture->window)), ==,
                   "The keyring could not be opened, so the saved password cannot be read. Type it to sign in.");
}

static void
test_offline_insecure_server (SignInFixture *fixture,
                              gconstpointer  data)
{
  GtkWidget *server_error;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sign_in_page_child (fixture->window, "custom_check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "server_url_row")),
                         "http://server.example/");
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "login_row")), "alice");
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "password_row")), ALICE_PASSWORD);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (iwd_window_get_sign_in_page (fixture->window)),
                                             "sign-in.submit", NULL));

  server_error = sign_in_page_child (fixture->window, "server_error_label");
  g_assert_true (gtk_widget_get_visible (server_error));
  g_assert_cmpstr (gtk_label_get_label (GTK_LABEL (server_error)), ==,
                   "Use an https:// server address. Plain http:// is allowed only for this computer.");
  g_assert_false (iwd_sign_in_page_get_busy (iwd_window_get_sign_in_page (fixture->window)));
  g_assert_cmpstr (sign_in_page_text (fixture->window, "password_row"), ==, ALICE_PASSWORD);
}

typedef struct {
  GtkApplication *app;
  GtkWindow      *window;
  gboolean        checked;
} DemoCheck;

static gboolean
check_demo_idle_cb (gpointer user_data)
{
  DemoCheck *check = user_data;
  IwdWindow *window = IWD_WINDOW (check->window);
  IwdAccount *account = iwd_window_get_account (window);

  g_assert_nonnull (account);
  g_assert_cmpstr (iwd_account_get_title (account), ==, "Demo (sandbox)");
  g_assert_true (iwd_account_get_session_only (account));
  g_assert_cmpstr (iwd_window_get_page (window), ==, "main");
  g_assert_nonnull (iwd_window_get_account_state (window));

  check->checked = TRUE;
  g_application_quit (G_APPLICATION (check->app));

  return G_SOURCE_REMOVE;
}

/* The window is added before it has an account, so the check waits for
 * the application to finish activating. */
static void
window_added_cb (GtkApplication *app,
                 GtkWindow      *window,
                 gpointer        user_data)
{
  DemoCheck *check = user_data;

  check->app = app;
  check->window = window;
  g_idle_add (check_demo_idle_cb, check);
}

static void
test_offline_demo (void)
{
  g_autoptr(IwdApplication) app = iwd_application_new ();
  char *argv[] = { (char *) "iwdesk", (char *) "--demo", NULL };
  DemoCheck check = { NULL, NULL, FALSE };

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);
  g_signal_connect (app, "window-added", G_CALLBACK (window_added_cb), &check);

  /* The demo signs in without the keyring, which is unavailable here. */
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 2, argv), ==, EXIT_SUCCESS);
  g_assert_true (check.checked);
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", NO_BUS_ADDRESS, TRUE);
  g_setenv ("IWDESK_TEST_NO_KEYRING", "1", TRUE);
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  /* Xvfb runs no window manager, so the window never holds the keyboard
   * focus, and GTK 4.8 warns when the cursor blink of a focused entry
   * finds no focus-out event. */
  g_object_set (gtk_settings_get_default (), "gtk-cursor-blink", FALSE, NULL);

#define ADD(path, func) \
  g_test_add (path, SignInFixture, accounts, sign_in_fixture_set_up, func, sign_in_fixture_tear_down)

  ADD ("/sign-in-offline/session-only", test_offline_session_only);
  ADD ("/sign-in-offline/cancel", test_offline_cancel);
  ADD ("/sign-in-offline/restore", test_offline_restore);
  ADD ("/sign-in-offline/insecure-server", test_offline_insecure_server);
  g_test_add_func ("/sign-in-offline/demo", test_offline_demo);

#undef ADD

  return g_test_run ();
}
