/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-records.h"

IwdSandboxTask *
iwd_sandbox_task_new (const char *method)
{
  IwdSandboxTask *task = g_new0 (IwdSandboxTask, 1);

  task->method = g_strdup (method);

  return task;
}

void
iwd_sandbox_task_free (IwdSandboxTask *task)
{
  g_free (task->method);
  g_free (task);
}

/**
 * iwd_sandbox_profile_new:
 * @id: the broker's profile id
 *
 * Creates a profile with the one task the robot gives every new profile,
 * Commissions.
 *
 * Returns: (transfer full): a new profile
 */
IwdSandboxProfile *
iwd_sandbox_profile_new (const char *id)
{
  IwdSandboxProfile *profile = g_new0 (IwdSandboxProfile, 1);

  profile->id = g_strdup (id);
  profile->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_sandbox_task_free);
  g_ptr_array_add (profile->tasks, iwd_sandbox_task_new ("Commissions"));
  g_date_clear (&profile->start_after, 1);

  return profile;
}

void
iwd_sandbox_profile_free (IwdSandboxProfile *profile)
{
  g_free (profile->id);
  g_free (profile->company);
  g_clear_pointer (&profile->values, json_object_unref);
  g_free (profile->options);
  g_ptr_array_unref (profile->tasks);
  g_free (profile);
}

IwdSandboxTask *
iwd_sandbox_profile_find_task (IwdSandboxProfile *profile,
                               const char        *method)
{
  for (guint i = 0; i < profile->tasks->len; i++)
    {
      IwdSandboxTask *task = g_ptr_array_index (profile->tasks, i);

      if (g_ascii_strcasecmp (task->method, method) == 0)
        return task;
    }

  return NULL;
}

void
iwd_sandbox_profile_set_tasks_inactive (IwdSandboxProfile *profile,
                                        gboolean           inactive)
{
  for (guint i = 0; i < profile->tasks->len; i++)
    {
      IwdSandboxTask *task = g_ptr_array_index (profile->tasks, i);

      task->inactive = inactive;
    }
}

IwdSandboxMember *
iwd_sandbox_member_new (const char *profile_id)
{
  IwdSandboxMember *member = g_new0 (IwdSandboxMember, 1);

  member->profile_id = g_strdup (profile_id);
  member->joined_at = g_get_monotonic_time ();

  return member;
}

void
iwd_sandbox_member_free (IwdSandboxMember *member)
{
  g_free (member->profile_id);
  g_free (member);
}

IwdSandboxPortfolio *
iwd_sandbox_portfolio_new (const char *id)
{
  IwdSandboxPortfolio *portfolio = g_new0 (IwdSandboxPortfolio, 1);

  portfolio->id = g_strdup (id);
  portfolio->members = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_sandbox_member_free);

  return portfolio;
}

void
iwd_sandbox_portfolio_free (IwdSandboxPortfolio *portfolio)
{
  g_free (portfolio->id);
  g_free (portfolio->label);
  g_ptr_array_unref (portfolio->members);
  g_free (portfolio);
}

IwdSandboxMember *
iwd_sandbox_portfolio_find_member (IwdSandboxPortfolio *portfolio,
                                   const char          *profile_id)
{
  for (guint i = 0; i < portfolio->members->len; i++)
    {
      IwdSandboxMember *member = g_ptr_array_index (portfolio->members, i);

      if (g_strcmp0 (member->profile_id, profile_id) == 0)
        return member;
    }

  return NULL;
}

/**
 * iwd_sandbox_robot_error_new:
 * @profile: the profile the robot failed with
 * @code: the robot's error code
 * @label: the robot's French message
 *
 * Records a robot error that happened now.
 *
 * Returns: (transfer full): a new error record
 */
IwdSandboxRobotError *
iwd_sandbox_robot_error_new (const IwdSandboxProfile *profile,
                             guint                    code,
                             const char              *label)
{
  IwdSandboxRobotError *error = g_new0 (IwdSandboxRobotError, 1);

  error->company = g_ascii_strdown (profile->company, -1);
  error->profile_id = g_strdup (profile->id);
  error->date = g_date_time_new_now_local ();
  error->code = code;
  error->label = g_strdup (label);

  return error;
}

void
iwd_sandbox_robot_error_free (IwdSandboxRobotError *error)
{
  g_free (error->company);
  g_free (error->profile_id);
  g_date_time_unref (error->date);
  g_free (error->label);
  g_free (error);
}
