/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The robot's code for a login that the insurer rejected. */
#define IWD_ROBOT_CODE_LOGIN_REFUSED 8

/**
 * IwdRobotMessageFunc:
 * @error: an error of the ImportWeb client
 *
 * Makes the translated sentence that a page shows for @error, such as
 * iwd_error_dup_user_message() of src/ui.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL to show
 *   nothing, as for a cancellation
 */
typedef char *(*IwdRobotMessageFunc) (const GError *error);

const char * const *iwd_robot_list_methods           (void);
const char         *iwd_robot_method_get_title       (const char   *method);

const char         *iwd_robot_code_get_explanation   (int           code);
gboolean            iwd_robot_code_needs_update      (int           code);

char               *iwd_robot_dup_error_message      (const GError *error);
char               *iwd_robot_format_date            (gint64        seconds);

G_END_DECLS
