/* SPDX-License-Identifier: GPL-3.0-or-later */

/* What the history widgets' tests share: an in-process sandbox with one
 * portfolio of one profile, a client signed in to it, a history store in
 * a temporary folder, and a window to show a widget in. */

#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "history-fixture.h"

#define TEST_TIMEOUT_SECONDS 60
#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)

static gboolean
on_watchdog (gpointer unused)
{
  g_error ("test did not finish within %d s", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

static JsonObject *
new_allianz_values (void)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "secret1");
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

static void
create_portfolio_with_profile (HistoryFixture *fixture)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(JsonObject) values = new_allianz_values ();
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) joined = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (fixture->client, "PTF1", options, NULL, on_done, &created);
  g_assert_true (iwd_client_create_portfolio_finish (fixture->client, wait_for_result (&created),
                                                     &error));
  g_assert_no_error (error);

  iwd_client_create_portfolio_profile_async (fixture->client, "PTF1", "ALLIANZ", "AZ1", values,
                                             NULL, NULL, on_done, &joined);
  g_assert_true (iwd_client_create_portfolio_profile_finish (fixture->client,
                                                             wait_for_result (&joined), &error));
  g_assert_no_error (error);
}

/**
 * history_fixture_init_gtk:
 *
 * Initializes the tests, GTK and libadwaita. Without a display, prints
 * the TAP line of a skipped plan.
 *
 * Returns: %FALSE if the program must exit with 0 because there is no
 *   display
 */
gboolean
history_fixture_init_gtk (int    *argc,
                          char ***argv)
{
  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display: run under xvfb-run or build-aux/dev test\n");
      return FALSE;
    }

  adw_init ();
  return TRUE;
}

void
history_fixture_set_up (HistoryFixture *fixture,
                        gconstpointer   unused)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;

  fixture->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  fixture->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_add_account (fixture->sandbox, "broker", "secret");
  iwd_sandbox_set_robot_delay (fixture->sandbox, 0);
  iwd_sandbox_set_sizes (fixture->sandbox, HISTORY_FIXTURE_CONTRACTS, HISTORY_FIXTURE_COMMISSIONS);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  url = iwd_sandbox_dup_base_url (fixture->sandbox);
  fixture->session = soup_session_new ();
  fixture->client = iwd_client_new_for_server (fixture->session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (fixture->client, "broker", "secret");
  iwd_client_set_retry_policy (fixture->client, 0, 0, 0);

  fixture->dir = g_dir_make_tmp ("iwd-ui-history-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (fixture->dir, "history.sqlite3", NULL);
  fixture->store = iwd_history_store_new (path);

  create_portfolio_with_profile (fixture);
}

void
history_fixture_stop_sandbox (HistoryFixture *fixture)
{
  if (fixture->sandbox != NULL)
    iwd_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->sandbox);
}

void
history_fixture_tear_down (HistoryFixture *fixture,
                           gconstpointer   unused)
{
  const char *names[] = { "history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm" };

  g_clear_object (&fixture->store);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  history_fixture_stop_sandbox (fixture);
  g_source_remove (fixture->watchdog);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (fixture->dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (fixture->dir);
  g_clear_pointer (&fixture->dir, g_free);
}

IwdPortfolioData *
history_fixture_new_data (HistoryFixture *fixture,
                          IwdHistoryKind  kind)
{
  const char *profile_id = kind == IWD_HISTORY_KIND_COMMISSIONS ? "AZ1" : NULL;

  return iwd_portfolio_data_new (fixture->client, fixture->store, "PTF1", kind, profile_id);
}

/* Each load of contracts makes the sandbox's robot change them once. */
void
history_fixture_load (IwdPortfolioData *data,
                      gboolean          expect_success)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gboolean loaded;

  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, on_done, &result);
  loaded = iwd_portfolio_data_load_finish (data, wait_for_result (&result), &error);

  if (expect_success)
    {
      g_assert_no_error (error);
      g_assert_true (loaded);
    }
}

gboolean
history_fixture_wait_until (gboolean (*done) (gpointer),
                            gpointer   data)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!done (data) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);

  return done (data);
}

static gboolean
on_spin_timeout (gpointer user_data)
{
  gboolean *elapsed = user_data;

  *elapsed = TRUE;
  return G_SOURCE_REMOVE;
}

void
history_fixture_spin (guint milliseconds)
{
  gboolean elapsed = FALSE;

  g_timeout_add (milliseconds, on_spin_timeout, &elapsed);
  while (!elapsed)
    g_main_context_iteration (NULL, TRUE);
}

GtkWidget *
history_fixture_add_to_window (GtkWidget *widget,
                               int        width,
                               int        height)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));

  return widget;
}

/* Destroys the widget's window and checks that the widget is finalized
 * with it. */
void
history_fixture_finalize_in_window (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  g_object_add_weak_pointer (G_OBJECT (widget), (gpointer *) &widget);
  gtk_window_destroy (GTK_WINDOW (window));

  /* A comparison still running keeps a reference to the widget until its
   * callback runs. */
  for (guint i = 0; i < 2000 && widget != NULL; i++)
    {
      while (g_main_context_iteration (NULL, FALSE))
        ;
      g_usleep (1000);
    }

  g_assert_null (widget);
}
