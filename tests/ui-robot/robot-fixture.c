/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "robot-fixture.h"

#define WAIT_TIMEOUT_SECONDS 20

static void
store_result_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

/* Builds the JSON of an ALLIANZ or AXA profile as the sandbox's schemas
 * expect it. The password `wrong` makes the robot fail to log in. */
static JsonObject *
new_profile_values (const char *password)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", password);
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

void
robot_fixture_set_up (RobotFixture *fixture,
                      const char   *fixtures_dir)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = iwd_sandbox_new (7);
  iwd_sandbox_add_account (fixture->sandbox, ROBOT_LOGIN, ROBOT_PASSWORD);
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
  iwd_client_set_credentials (fixture->client, ROBOT_LOGIN, ROBOT_PASSWORD);

  fixture->data_dir = g_dir_make_tmp ("iwdesk-robot-XXXXXX", &error);
  g_assert_no_error (error);
}

void
robot_fixture_tear_down (RobotFixture *fixture)
{
  iwd_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
  g_clear_pointer (&fixture->base_url, g_free);

  remove_tree (fixture->data_dir);
  g_clear_pointer (&fixture->data_dir, g_free);
}

void
robot_save_profile (RobotFixture *fixture,
                    const char   *company,
                    const char   *profile_id,
                    const char   *password)
{
  g_autoptr(JsonObject) values = new_profile_values (password);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_save_profile_async (fixture->client, company, profile_id, values, NULL, NULL,
                                 store_result_cb, &result);
  robot_wait_until (has_result, &result);

  g_assert_true (iwd_client_save_profile_finish (fixture->client, result, &error));
  g_assert_no_error (error);
}

GPtrArray *
robot_list_profiles (RobotFixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *profiles;

  iwd_client_list_profiles_async (fixture->client, NULL, store_result_cb, &result);
  robot_wait_until (has_result, &result);

  profiles = iwd_client_list_profiles_finish (fixture->client, result, &error);
  g_assert_no_error (error);

  return profiles;
}

/* Runs the main context until @done returns TRUE, and fails the test if
 * that takes longer than WAIT_TIMEOUT_SECONDS. */
void
robot_wait_until (gboolean (*done) (gpointer data),
                  gpointer   data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && !done (data))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

void
robot_spin (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}
