/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "portfolio-fixture.h"

#define WAIT_TIMEOUT_SECONDS 20

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
set_flag_cb (gpointer user_data)
{
  *(gboolean *) user_data = TRUE;

  return G_SOURCE_REMOVE;
}

static void
delete_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        delete_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* The ALLIANZ and AXA schemas of the sandbox take these three fields. */
static JsonObject *
new_credentials (void)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "secret1");
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

void
portfolio_fixture_set_up (PortfolioFixture *fixture,
                          const char       *fixtures_dir,
                          guint             robot_delay_ms)
{
  g_autoptr(IwdAccountId) account = NULL;
  g_autoptr(GError) error = NULL;

  fixture->sandbox = iwd_sandbox_new (11);
  iwd_sandbox_add_account (fixture->sandbox, PORTFOLIO_LOGIN, PORTFOLIO_PASSWORD);
  iwd_sandbox_set_robot_delay (fixture->sandbox, robot_delay_ms);
  iwd_sandbox_set_sizes (fixture->sandbox, 7, 5);
  if (fixtures_dir != NULL)
    {
      iwd_sandbox_set_fixtures_dir (fixture->sandbox, fixtures_dir, &error);
      g_assert_no_error (error);
    }
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  fixture->session = soup_session_new ();
  fixture->client = iwd_client_new_for_server (fixture->session, fixture->base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (fixture->client, PORTFOLIO_LOGIN, PORTFOLIO_PASSWORD);

  fixture->data_dir = g_dir_make_tmp ("iwdesk-portfolio-XXXXXX", &error);
  g_assert_no_error (error);
  account = iwd_account_id_new (fixture->base_url, PORTFOLIO_LOGIN);
  fixture->account_state = iwd_account_state_new (fixture->data_dir, account);
}

void
portfolio_fixture_tear_down (PortfolioFixture *fixture)
{
  iwd_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->account_state);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
  g_clear_pointer (&fixture->base_url, g_free);

  delete_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

void
portfolio_save_profile (PortfolioFixture *fixture,
                        const char       *company,
                        const char       *profile_id)
{
  g_autoptr(JsonObject) values = new_credentials ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_save_profile_async (fixture->client, company, profile_id, values, NULL, NULL,
                                 keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);

  g_assert_true (iwd_client_save_profile_finish (fixture->client, result, &error));
  g_assert_no_error (error);
}

/* Creates the portfolio on the robot and in the account state, as the
 * creation form does. */
void
portfolio_create (PortfolioFixture *fixture,
                  const char       *portfolio_id,
                  const char       *label)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new (label, 12);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (fixture->client, portfolio_id, options, NULL,
                                     keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);
  g_assert_true (iwd_client_create_portfolio_finish (fixture->client, result, &error));
  g_assert_no_error (error);

  g_assert_true (iwd_account_state_add_portfolio (fixture->account_state, portfolio_id, options, &error));
  g_assert_no_error (error);
}

/* Adds the profile to the portfolio on the robot and links it in the
 * account state, with a record of the profile as the editor keeps. */
void
portfolio_add_profile (PortfolioFixture *fixture,
                       const char       *portfolio_id,
                       const char       *company,
                       const char       *profile_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_add_portfolio_profile_async (fixture->client, portfolio_id, profile_id, NULL,
                                          keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);
  g_assert_true (iwd_client_add_portfolio_profile_finish (fixture->client, result, &error));
  g_assert_no_error (error);

  if (iwd_account_state_get_profile (fixture->account_state, profile_id) == NULL)
    {
      g_autoptr(IwdProfileRecord) record = iwd_profile_record_new (profile_id, company);

      g_assert_true (iwd_account_state_set_profile (fixture->account_state, record, &error));
      g_assert_no_error (error);
    }
  g_assert_true (iwd_account_state_link_profile (fixture->account_state, portfolio_id, profile_id, &error));
  g_assert_no_error (error);
}

GPtrArray *
portfolio_list_profiles (PortfolioFixture *fixture,
                         const char       *portfolio_id,
                         GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_list_portfolio_profiles_async (fixture->client, portfolio_id, NULL,
                                            keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);

  return iwd_client_list_portfolio_profiles_finish (fixture->client, result, error);
}

/* Puts @child in a new presented window, which dialogs need as their
 * parent. The caller destroys the window. */
GtkWidget *
portfolio_show_in_window (GtkWidget *child)
{
  GtkWidget *window = gtk_window_new ();

  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (window), child);
  gtk_window_present (GTK_WINDOW (window));

  return window;
}

/* Runs the main context until @done returns TRUE, and fails the test
 * after WAIT_TIMEOUT_SECONDS. */
void
portfolio_wait_until (gboolean (*done) (gpointer data),
                      gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, set_flag_cb, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

void
portfolio_spin (guint milliseconds)
{
  gboolean elapsed = FALSE;

  g_timeout_add (milliseconds, set_flag_cb, &elapsed);
  while (!elapsed)
    g_main_context_iteration (NULL, TRUE);
}
