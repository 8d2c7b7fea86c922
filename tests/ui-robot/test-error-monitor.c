/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "iwd-api-error.h"
#include "iwd-error-monitor.h"
#include "robot-fixture.h"

typedef struct {
  RobotFixture  robot;
  GSettings    *settings;
  char         *seen_path;
  guint         n_notifications;
  char         *last_title;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(IwdAccountId) account = NULL;

  robot_fixture_set_up (&fixture->robot, data);
  account = iwd_account_id_new (fixture->robot.base_url, ROBOT_LOGIN);
  fixture->seen_path = iwd_error_monitor_dup_seen_path (fixture->robot.data_dir, account);
  fixture->settings = g_settings_new (APP_ID);
  g_settings_reset (fixture->settings, "notifications");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->settings);
  g_clear_pointer (&fixture->seen_path, g_free);
  g_clear_pointer (&fixture->last_title, g_free);
  robot_fixture_tear_down (&fixture->robot);
}

static void
notification_cb (IwdErrorMonitor *monitor,
                 GNotification   *notification,
                 Fixture         *fixture)
{
  fixture->n_notifications++;
}

static IwdErrorMonitor *
new_monitor (Fixture *fixture)
{
  IwdErrorMonitor *monitor = iwd_error_monitor_new (fixture->robot.client, fixture->settings,
                                                    fixture->seen_path);

  g_signal_connect (monitor, "notification", G_CALLBACK (notification_cb), fixture);

  return monitor;
}

static void
store_result_cb (GObject      *source,
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

/* Reads the error list once and returns how many errors were new. */
static guint
check (IwdErrorMonitor  *monitor,
       GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint n_new = G_MAXUINT;

  iwd_error_monitor_check_async (monitor, NULL, store_result_cb, &result);
  robot_wait_until (has_result, &result);
  iwd_error_monitor_check_finish (monitor, result, &n_new, error);

  return n_new;
}

static void
test_monitor_notifies_once (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");

  g_assert_cmpuint (check (monitor, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 1);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 1);

  g_assert_cmpuint (check (monitor, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 1);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 1);
}

static void
test_monitor_one_per_run (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD1", "wrong");
  robot_save_profile (&fixture->robot, "AXA", "AX-BAD2", "wrong");

  g_assert_cmpuint (check (monitor, &error), ==, 2);
  g_assert_cmpuint (fixture->n_notifications, ==, 1);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 2);

  /* Posting the same wrong password again records a second error, a
   * second later, because the robot dates errors to the second. */
  robot_spin (1100);
  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD1", "wrong");

  g_assert_cmpuint (check (monitor, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 2);
}

static void
test_monitor_seen_file (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) first = new_monitor (fixture);
  g_autoptr(IwdErrorMonitor) second = NULL;
  g_autoptr(GError) error = NULL;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  g_assert_cmpuint (check (first, &error), ==, 1);
  g_assert_true (g_file_test (fixture->seen_path, G_FILE_TEST_IS_REGULAR));

  /* A new monitor, as after a restart, reads what the first one saw. */
  second = new_monitor (fixture);
  g_assert_cmpuint (check (second, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 1);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (second), ==, 0);
}

static void
test_monitor_notifications_off (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  g_settings_set_boolean (fixture->settings, "notifications", FALSE);
  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");

  g_assert_cmpuint (check (monitor, &error), ==, 1);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 0);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 1);
}

static void
test_monitor_clear_count (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  check (monitor, &error);
  g_assert_no_error (error);

  iwd_error_monitor_clear_new_count (monitor);
  g_assert_cmpuint (iwd_error_monitor_get_new_count (monitor), ==, 0);
}

static void
test_monitor_no_errors (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-OK", "secret1");

  g_assert_cmpuint (check (monitor, &error), ==, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (fixture->n_notifications, ==, 0);
}

static void
test_monitor_invalid_json (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);
  g_autoptr(GError) error = NULL;

  check (monitor, &error);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "GET Erreurs"));
  g_assert_cmpuint (fixture->n_notifications, ==, 0);
  g_assert_false (g_file_test (fixture->seen_path, G_FILE_TEST_EXISTS));
}

static void
test_monitor_start_stop (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(IwdErrorMonitor) monitor = new_monitor (fixture);

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  iwd_error_monitor_start (monitor);
  robot_wait_until ((gboolean (*) (gpointer)) iwd_error_monitor_get_new_count, monitor);

  g_assert_cmpuint (fixture->n_notifications, ==, 1);
  iwd_error_monitor_stop (monitor);
}

static gboolean
is_null (gpointer data)
{
  return *(gpointer *) data == NULL;
}

static void
test_monitor_finalized (Fixture       *fixture,
                        gconstpointer  data)
{
  IwdErrorMonitor *monitor = new_monitor (fixture);

  robot_save_profile (&fixture->robot, "ALLIANZ", "AZ-BAD", "wrong");
  iwd_error_monitor_start (monitor);
  iwd_error_monitor_stop (monitor);

  /* The cancelled read keeps a reference to the monitor until its
   * callback runs. */
  g_object_add_weak_pointer (G_OBJECT (monitor), (gpointer *) &monitor);
  g_object_unref (monitor);
  robot_wait_until (is_null, &monitor);
  g_assert_cmpuint (fixture->n_notifications, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func, data) \
  g_test_add ("/ui/robot/monitor/" path, Fixture, data, fixture_set_up, func, fixture_tear_down)

  ADD ("notifies-once", test_monitor_notifies_once, NULL);
  ADD ("one-per-run", test_monitor_one_per_run, NULL);
  ADD ("seen-file", test_monitor_seen_file, NULL);
  ADD ("notifications-off", test_monitor_notifications_off, NULL);
  ADD ("clear-count", test_monitor_clear_count, NULL);
  ADD ("no-errors", test_monitor_no_errors, NULL);
  ADD ("invalid-json", test_monitor_invalid_json, TEST_DATA_DIR "/ui-robot/invalid-errors");
  ADD ("start-stop", test_monitor_start_stop, NULL);
  ADD ("finalized", test_monitor_finalized, NULL);

#undef ADD

  return g_test_run ();
}
