/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iwd-sandbox.h"
#include "iwd-screenshot.h"
#include "iwd-window.h"

#define WAIT_TIMEOUT_SECONDS 20

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
wait_until_listed (IwdCompaniesPage *page)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && iwd_companies_page_get_state (page) == IWD_COMPANIES_PAGE_STATE_LOADING)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  guint *n_frames = user_data;

  (*n_frames)++;
}

/* Waits for frames drawn after the page settled, past the stack's
 * crossfade, so that the window has a size and its final content. */
static void
wait_for_frames (GtkWidget *widget,
                 guint      count)
{
  GdkFrameClock *frame_clock = gtk_widget_get_frame_clock (widget);
  gboolean timed_out = FALSE;
  guint n_frames = 0;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);
  gulong handler_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &n_frames);

  while (!timed_out && n_frames < count)
    {
      gtk_widget_queue_draw (widget);
      g_main_context_iteration (NULL, TRUE);
    }

  g_signal_handler_disconnect (frame_clock, handler_id);
  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

static IwdWindow *
new_window (IwdClient *client)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(IwdSecretStore) secrets = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountManager) manager = iwd_account_manager_new (session, secrets, g_get_tmp_dir ());
  g_autoptr(IwdAccountId) id = NULL;
  g_autoptr(IwdAccount) account = NULL;
  IwdWindow *window;

  /* GTK owns toplevels: the extra reference lets the test check that
   * destroying the window finalizes it. */
  window = g_object_ref (iwd_window_new (NULL, manager));
  if (client == NULL)
    return window;

  id = iwd_account_id_new ("http://127.0.0.1/", "demo");
  account = iwd_account_new (id, client, NULL, "demo");
  iwd_account_set_session_only (account, TRUE);
  iwd_window_set_account (window, account);

  return window;
}

static void
destroy_window (IwdWindow *window)
{
  gtk_window_destroy (GTK_WINDOW (window));
  g_assert_finalize_object (window);
}

static void
test_window_template (void)
{
  IwdWindow *window = new_window (NULL);
  IwdCompaniesPage *page = iwd_window_get_companies_page (window);

  g_assert_true (IWD_IS_COMPANIES_PAGE (page));
  g_assert_null (iwd_window_get_client (window));
  g_assert_cmpint (iwd_companies_page_get_state (page), ==, IWD_COMPANIES_PAGE_STATE_LOADING);

  destroy_window (window);
}

static void
test_window_restores_size (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IwdWindow *window;
  int width;
  int height;

  g_settings_set_int (settings, "window-width", 812);
  g_settings_set_int (settings, "window-height", 613);
  window = new_window (NULL);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);

  g_assert_cmpint (width, ==, 812);
  g_assert_cmpint (height, ==, 613);

  destroy_window (window);
}

static void
test_window_saves_size_on_close (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  IwdWindow *window = new_window (NULL);

  /* gtk_window_close() ignores a window that was never realized. */
  gtk_window_set_default_size (GTK_WINDOW (window), 901, 702);
  gtk_window_present (GTK_WINDOW (window));
  wait_for_frames (GTK_WIDGET (window), 1);
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 901);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 702);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  g_assert_finalize_object (window);
}

static void
test_window_toast (void)
{
  IwdWindow *window = new_window (NULL);

  iwd_window_add_toast (window, adw_toast_new ("Profile saved"));

  destroy_window (window);
}

static void
test_window_screenshot (void)
{
  g_autoptr(IwdSandbox) sandbox = iwd_sandbox_new (1);
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(IwdClient) client = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  IwdWindow *window;

  iwd_sandbox_add_account (sandbox, "demo", "demo");
  iwd_sandbox_start (sandbox, 0, &error);
  g_assert_no_error (error);
  base_url = iwd_sandbox_dup_base_url (sandbox);
  client = iwd_client_new_for_server (session, base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (client, "demo", "demo");

  window = new_window (client);
  gtk_window_set_default_size (GTK_WINDOW (window), 640, 480);
  gtk_window_present (GTK_WINDOW (window));
  wait_until_listed (iwd_window_get_companies_page (window));
  wait_for_frames (GTK_WIDGET (window), 20);

  dir = g_dir_make_tmp ("iwdesk-test-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (dir, "window.png", NULL);
  iwd_screenshot_save_png (GTK_WIDGET (window), path, &error);
  g_assert_no_error (error);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), ==, gtk_widget_get_width (GTK_WIDGET (window)));
  g_assert_cmpint (gdk_texture_get_height (texture), ==, gtk_widget_get_height (GTK_WIDGET (window)));

  g_unlink (path);
  g_rmdir (dir);
  destroy_window (window);
  iwd_sandbox_stop (sandbox);
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

  g_test_add_func ("/window/template", test_window_template);
  g_test_add_func ("/window/restores-size", test_window_restores_size);
  g_test_add_func ("/window/saves-size-on-close", test_window_saves_size_on_close);
  g_test_add_func ("/window/toast", test_window_toast);
  g_test_add_func ("/window/screenshot", test_window_screenshot);

  return g_test_run ();
}
