/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-portfolio-message.h"

/**
 * iwd_portfolio_dup_error_message:
 * @formatter: (nullable): the application's formatter, such as
 *   iwd_error_dup_user_message() of src/ui, which this library cannot link
 * @error: an error of the ImportWeb client or the account state
 *
 * Makes the sentence that the portfolio pages show for @error. Without a
 * formatter, the sentence keeps the client's English message as details,
 * so that the failed call stays named.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a
 *   cancellation, which shows nothing
 */
char *
iwd_portfolio_dup_error_message (IwdErrorFormatter  formatter,
                                 const GError      *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  if (formatter != NULL)
    return formatter (error);

  /* Translators: %s is a technical detail in English, for support */
  return g_strdup_printf (_("The request to ImportWeb failed. Details: %s"), error->message);
}
