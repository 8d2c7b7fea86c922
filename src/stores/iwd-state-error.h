/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_STATE_ERROR (iwd_state_error_quark ())

/**
 * IwdStateError:
 * @IWD_STATE_ERROR_INVALID: the state file is not valid JSON or an entry
 *   has the wrong type
 * @IWD_STATE_ERROR_NEWER_VERSION: the state file was written by a newer
 *   IWDesk and is left untouched
 * @IWD_STATE_ERROR_READ_ONLY: the state file was not loaded cleanly, so
 *   saving over it would lose its contents
 * @IWD_STATE_ERROR_NOT_FOUND: no portfolio or profile has that id
 * @IWD_STATE_ERROR_INVALID_ID: an id is empty, not UTF-8 or longer than
 *   the API's 15 characters
 * @IWD_STATE_ERROR_SECRET_VALUE: a value was given for a field marked
 *   secret, which belongs in the keyring only
 *
 * Errors of the local account state. Messages are English, for logs; the
 * pages make a translated sentence from the code where they show it.
 */
typedef enum {
  IWD_STATE_ERROR_INVALID,
  IWD_STATE_ERROR_NEWER_VERSION,
  IWD_STATE_ERROR_READ_ONLY,
  IWD_STATE_ERROR_NOT_FOUND,
  IWD_STATE_ERROR_INVALID_ID,
  IWD_STATE_ERROR_SECRET_VALUE,
} IwdStateError;

/* Profile and portfolio ids are chosen by the broker, at most 15
 * characters long according to the Robot API. */
#define IWD_STATE_MAX_ID_LENGTH 15

GQuark   iwd_state_error_quark (void);

gboolean iwd_state_check_id    (const char  *id,
                                GError     **error);

G_END_DECLS
