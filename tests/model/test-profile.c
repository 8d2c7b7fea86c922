/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-profile.h"
#include "iwd-robot-error.h"

static void
test_profile_properties (void)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_profile_task_free);
  g_autoptr(IwdProfile) profile = NULL;
  IwdProfileTask *task;

  g_ptr_array_add (tasks, iwd_profile_task_new ("Commissions", TRUE));
  g_ptr_array_add (tasks, iwd_profile_task_new ("Sinistres", FALSE));
  profile = iwd_profile_new ("spvie", "152", 8, tasks);

  g_assert_cmpstr (iwd_profile_get_company (profile), ==, "spvie");
  g_assert_cmpstr (iwd_profile_get_id (profile), ==, "152");
  g_assert_cmpint (iwd_profile_get_robot_error (profile), ==, 8);
  g_assert_cmpuint (iwd_profile_get_tasks (profile)->len, ==, 2);
  task = g_ptr_array_index (iwd_profile_get_tasks (profile), 0);
  g_assert_cmpstr (task->label, ==, "Commissions");
  g_assert_true (task->inactive);
  task = g_ptr_array_index (iwd_profile_get_tasks (profile), 1);
  g_assert_cmpstr (task->label, ==, "Sinistres");
  g_assert_false (task->inactive);
}

static void
test_profile_without_tasks (void)
{
  g_autoptr(IwdProfile) profile = iwd_profile_new ("axa", "AXA1", 0, NULL);

  g_assert_cmpuint (iwd_profile_get_tasks (profile)->len, ==, 0);
  g_assert_cmpint (iwd_profile_get_robot_error (profile), ==, 0);
}

static void
test_profile_task_copy (void)
{
  g_autoptr(IwdProfileTask) task = iwd_profile_task_new ("Emissions", TRUE);
  g_autoptr(IwdProfileTask) copy = iwd_profile_task_copy (task);

  g_assert_cmpstr (copy->label, ==, "Emissions");
  g_assert_true (copy->inactive);
}

static void
test_profile_finalize (void)
{
  IwdProfile *profile = iwd_profile_new ("spvie", "152", 0, NULL);

  g_assert_finalize_object (profile);
}

static void
test_robot_error_properties (void)
{
  g_autoptr(IwdRobotError) error =
    iwd_robot_error_new ("allianz", "ALZ01", "2023-03-01T06:12:00", 1677651120, 8,
                         "Erreur d'identifiant");

  g_assert_cmpstr (iwd_robot_error_get_company (error), ==, "allianz");
  g_assert_cmpstr (iwd_robot_error_get_profile_id (error), ==, "ALZ01");
  g_assert_cmpstr (iwd_robot_error_get_date_text (error), ==, "2023-03-01T06:12:00");
  g_assert_cmpint (iwd_robot_error_get_date (error), ==, 1677651120);
  g_assert_cmpint (iwd_robot_error_get_code (error), ==, 8);
  g_assert_cmpstr (iwd_robot_error_get_label (error), ==, "Erreur d'identifiant");
}

static void
test_robot_error_finalize (void)
{
  IwdRobotError *error = iwd_robot_error_new ("axa", "1", "2022-02-24", 0, 8, "x");

  g_assert_finalize_object (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profile/properties", test_profile_properties);
  g_test_add_func ("/profile/without-tasks", test_profile_without_tasks);
  g_test_add_func ("/profile/task-copy", test_profile_task_copy);
  g_test_add_func ("/profile/finalize", test_profile_finalize);
  g_test_add_func ("/robot-error/properties", test_robot_error_properties);
  g_test_add_func ("/robot-error/finalize", test_robot_error_finalize);

  return g_test_run ();
}
