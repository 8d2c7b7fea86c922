/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * IwdSandboxTask:
 * @method: the robot method, such as "Commissions"
 * @inactive: whether the robot skips it (`inactif` in the API)
 */
typedef struct {
  char     *method;
  gboolean  inactive;
} IwdSandboxTask;

/**
 * IwdSandboxProfile:
 * @id: the broker's id, at most 15 characters
 * @company: the company name as posted in the URL
 * @values: the posted credentials, kept so a fixture test can read them
 * @options: (nullable): the options posted in the URL
 * @start_after: the forced start date, or an invalid date
 * @tasks: (element-type IwdSandboxTask): the robot's tasks
 * @login_error: whether the last posted credentials fail to log in
 */
typedef struct {
  char       *id;
  char       *company;
  JsonObject *values;
  char       *options;
  GDate       start_after;
  GPtrArray  *tasks;
  gboolean    login_error;
} IwdSandboxProfile;

/**
 * IwdSandboxMember:
 * @profile_id: the id of a profile of the portfolio
 * @joined_at: when it joined, in g_get_monotonic_time() microseconds,
 *   from which the simulated robot's delay runs
 */
typedef struct {
  char   *profile_id;
  gint64  joined_at;
} IwdSandboxMember;

/**
 * IwdSandboxPortfolio:
 * @id: the broker's id
 * @label: the display name (`Libelle`)
 * @months: how far back the robot looks (`NbMoisQ`)
 * @flags: the four option flags as posted, `isGED` first
 * @members: (element-type IwdSandboxMember): its profiles, in the order
 *   they joined
 */
typedef struct {
  char      *id;
  char      *label;
  guint      months;
  gboolean   flags[4];
  GPtrArray *members;
} IwdSandboxPortfolio;

/**
 * IwdSandboxRobotError:
 * @company: the profile's company
 * @profile_id: the profile that failed
 * @date: when the robot failed, in local time
 * @code: the robot's error code (8 for a rejected login)
 * @label: the robot's French message
 */
typedef struct {
  char      *company;
  char      *profile_id;
  GDateTime *date;
  guint      code;
  char      *label;
} IwdSandboxRobotError;

IwdSandboxTask       *iwd_sandbox_task_new          (const char *method);
void                  iwd_sandbox_task_free         (IwdSandboxTask *task);

IwdSandboxProfile    *iwd_sandbox_profile_new       (const char *id);
void                  iwd_sandbox_profile_free      (IwdSandboxProfile *profile);
IwdSandboxTask       *iwd_sandbox_profile_find_task (IwdSandboxProfile *profile,
                                                     const char        *method);
void                  iwd_sandbox_profile_set_tasks_inactive (IwdSandboxProfile *profile,
                                                     gboolean           inactive);

IwdSandboxMember     *iwd_sandbox_member_new        (const char *profile_id);
void                  iwd_sandbox_member_free       (IwdSandboxMember *member);

IwdSandboxPortfolio  *iwd_sandbox_portfolio_new     (const char *id);
void                  iwd_sandbox_portfolio_free    (IwdSandboxPortfolio *portfolio);
IwdSandboxMember     *iwd_sandbox_portfolio_find_member (IwdSandboxPortfolio *portfolio,
                                                     const char          *profile_id);

IwdSandboxRobotError *iwd_sandbox_robot_error_new   (const IwdSandboxProfile *profile,
                                                     guint                    code,
                                                     const char              *label);
void                  iwd_sandbox_robot_error_free  (IwdSandboxRobotError *error);

G_END_DECLS
