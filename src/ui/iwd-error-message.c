/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "iwd-api-error.h"
#include "iwd-parse-error.h"
#include "iwd-error-message.h"

static char *
dup_api_message (const GError *error)
{
  switch ((IwdApiError) error->code)
    {
    case IWD_API_ERROR_NETWORK:
      return g_strdup (_("Cannot reach ImportWeb. Check your connection."));

    case IWD_API_ERROR_TIMEOUT:
      return g_strdup (_("ImportWeb did not reply in time. Try again in a moment."));

    case IWD_API_ERROR_UNAUTHORIZED:
      return g_strdup (_("The HappyAssur login or password is wrong."));

    case IWD_API_ERROR_FORBIDDEN:
      return g_strdup (_("This HappyAssur account is not allowed to do this."));

    case IWD_API_ERROR_NOT_FOUND:
      return g_strdup (_("ImportWeb did not find what was requested. Check the server address."));

    case IWD_API_ERROR_SERVER:
      return g_strdup (_("ImportWeb has a problem on its side. Try again later."));

    case IWD_API_ERROR_INVALID_REPLY:
      /* Translators: %s is a technical detail in English, for support */
      return g_strdup_printf (_("ImportWeb sent a reply that IWDesk cannot read. Details: %s"),
                              error->message);

    case IWD_API_ERROR_INSECURE_URL:
      return g_strdup (_("Use an https:// server address. Plain http:// is allowed only for this computer."));

    default:
      return NULL;
    }
}

/**
 * iwd_error_dup_user_message:
 * @error: an error from the ImportWeb client or a parser
 *
 * Makes the translated sentence that a page shows for @error. Errors
 * from unknown domains or codes get a generic sentence with their own
 * message as details.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a
 *   cancellation, which shows nothing
 */
char *
iwd_error_dup_user_message (const GError *error)
{
  char *message = NULL;

  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  if (error->domain == IWD_API_ERROR)
    message = dup_api_message (error);
  else if (error->domain == IWD_PARSE_ERROR)
    /* Translators: %s is a technical detail in English, for support */
    message = g_strdup_printf (_("ImportWeb sent a reply that IWDesk cannot read. Details: %s"),
                               error->message);

  if (message == NULL)
    /* Translators: %s is a technical detail in English, for support */
    message = g_strdup_printf (_("Something went wrong. Details: %s"), error->message);

  return message;
}

/**
 * iwd_error_get_icon_name:
 * @error: an error from the ImportWeb client or a parser
 *
 * Chooses the symbolic icon that a status page shows beside the
 * sentence from iwd_error_dup_user_message(), so that a connection
 * problem and a wrong password look different at a glance.
 *
 * Returns: an icon name of the Adwaita icon theme
 */
const char *
iwd_error_get_icon_name (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK) ||
      g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT))
    return "network-offline-symbolic";

  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED) ||
      g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_FORBIDDEN))
    return "dialog-password-symbolic";

  return "dialog-warning-symbolic";
}
