/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "iwd-api-error.h"
#include "iwd-parse-error.h"
#include "iwd-error-message.h"

/* The reply came, so trying again may help, and support needs the
 * details to tell a changed API from a broken reply. */
static char *
dup_unreadable_reply_message (const GError *error)
{
  /* Translators: %s is a technical detail in English, for support */
  return g_strdup_printf (_("ImportWeb sent a reply that IWDesk cannot read. Try again later. "
                            "If it happens again, contact ImportWeb support with these details: %s"),
                          error->message);
}

static char *
dup_api_message (const GError *error)
{
  switch ((IwdApiError) error->code)
    {
    case IWD_API_ERROR_NETWORK:
      return g_strdup (_("Cannot reach ImportWeb. Check your internet connection and the server address, then try again."));

    case IWD_API_ERROR_TIMEOUT:
      return g_strdup (_("ImportWeb did not reply in time. Try again in a moment."));

    case IWD_API_ERROR_UNAUTHORIZED:
      return g_strdup (_("The HappyAssur login or password is wrong. Check them, then sign in again."));

    case IWD_API_ERROR_FORBIDDEN:
      return g_strdup (_("This HappyAssur account is not allowed to do this. Ask HappyAssur to check the rights of this account."));

    case IWD_API_ERROR_NOT_FOUND:
      return g_strdup (_("ImportWeb did not find what was requested. Check the server address. If it is right, contact ImportWeb support."));

    case IWD_API_ERROR_SERVER:
      return g_strdup (_("ImportWeb has a problem on its side. Try again later. If it lasts, contact ImportWeb support."));

    case IWD_API_ERROR_INVALID_REPLY:
      return dup_unreadable_reply_message (error);

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
 * Makes the translated sentence that a page shows for @error: what
 * happened, then what the broker can do about it. Unreadable replies
 * and errors from unknown domains or codes end with their own English
 * message as details for support.
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
    message = dup_unreadable_reply_message (error);

  if (message == NULL)
    /* Translators: %s is a technical detail in English, for support */
    message = g_strdup_printf (_("Something went wrong. Try again. If it happens again, "
                                 "contact support with these details: %s"),
                               error->message);

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
