/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IWD_TYPE_ROBOT_ERROR (iwd_robot_error_get_type ())

G_DECLARE_FINAL_TYPE (IwdRobotError, iwd_robot_error, IWD, ROBOT_ERROR, GObject)

IwdRobotError *iwd_robot_error_new            (const char    *company,
                                               const char    *profile_id,
                                               const char    *date_text,
                                               gint64         date,
                                               int            code,
                                               const char    *label);
const char    *iwd_robot_error_get_company    (IwdRobotError *self);
const char    *iwd_robot_error_get_profile_id (IwdRobotError *self);
const char    *iwd_robot_error_get_date_text  (IwdRobotError *self);
gint64         iwd_robot_error_get_date       (IwdRobotError *self);
int            iwd_robot_error_get_code       (IwdRobotError *self);
const char    *iwd_robot_error_get_label      (IwdRobotError *self);

G_END_DECLS
