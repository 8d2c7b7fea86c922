/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "iwd-state-error.h"

G_DEFINE_QUARK (iwd-state-error-quark, iwd_state_error)

/**
 * iwd_state_check_id:
 * @id: (nullable): a profile or portfolio id
 * @error: return location for a #GError
 *
 * Checks that @id is one the Robot API accepts: non-empty UTF-8 of at
 * most %IWD_STATE_MAX_ID_LENGTH characters.
 *
 * Returns: %TRUE if @id is valid
 */
gboolean
iwd_state_check_id (const char  *id,
                    GError     **error)
{
  if (id == NULL || *id == '\0')
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID_ID,
                           "invalid id: it is empty");
      return FALSE;
    }

  if (!g_utf8_validate (id, -1, NULL))
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID_ID,
                           "invalid id: it is not UTF-8");
      return FALSE;
    }

  if (g_utf8_strlen (id, -1) > IWD_STATE_MAX_ID_LENGTH)
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID_ID,
                   "invalid id “%s”: longer than %d characters",
                   id, IWD_STATE_MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}
