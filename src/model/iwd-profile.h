/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdProfileTask:
 * @label: the robot method, as the robot names it (`libelle`)
 * @inactive: whether the task is suspended (`inactif`)
 *
 * One robot task of a profile.
 */
typedef struct {
  char *label;
  gboolean inactive;
} IwdProfileTask;

#define IWD_TYPE_PROFILE_TASK (iwd_profile_task_get_type ())
#define IWD_TYPE_PROFILE (iwd_profile_get_type ())

GType           iwd_profile_task_get_type (void) G_GNUC_CONST;
IwdProfileTask *iwd_profile_task_new      (const char           *label,
                                           gboolean              inactive);
IwdProfileTask *iwd_profile_task_copy     (const IwdProfileTask *self);
void            iwd_profile_task_free     (IwdProfileTask       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdProfileTask, iwd_profile_task_free)

G_DECLARE_FINAL_TYPE (IwdProfile, iwd_profile, IWD, PROFILE, GObject)

IwdProfile *iwd_profile_new             (const char *company,
                                         const char *id,
                                         int         robot_error,
                                         GPtrArray  *tasks);
const char *iwd_profile_get_company     (IwdProfile *self);
const char *iwd_profile_get_id          (IwdProfile *self);
int         iwd_profile_get_robot_error (IwdProfile *self);
GPtrArray  *iwd_profile_get_tasks       (IwdProfile *self);

G_END_DECLS
