/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <string.h>

#include "iwd-api-error.h"
#include "iwd-cli-error.h"
#include "iwd-export-error.h"
#include "iwd-parse-error.h"
#include "iwd-secret-store.h"

G_DEFINE_QUARK (iwd-cli-error-quark, iwd_cli_error)

static IwdCliExit
classify_api_error (gint         code,
                    const char **out_advice)
{
  switch ((IwdApiError) code)
    {
    case IWD_API_ERROR_NETWORK:
      *out_advice = N_("Check the server address and the network connection, then try again.");
      return IWD_CLI_EXIT_NETWORK;
    case IWD_API_ERROR_TIMEOUT:
      *out_advice = N_("The server did not reply in time. Try again later.");
      return IWD_CLI_EXIT_NETWORK;
    case IWD_API_ERROR_UNAUTHORIZED:
      *out_advice = N_("Check the HappyAssur login and password.");
      return IWD_CLI_EXIT_AUTH;
    case IWD_API_ERROR_INSECURE_URL:
      *out_advice = N_("Use an https:// address; plain http:// is accepted only for 127.0.0.1 or localhost.");
      return IWD_CLI_EXIT_USAGE;
    case IWD_API_ERROR_NOT_FOUND:
      *out_advice = N_("Check the name or id given against the lists that 'iwdesk-cli companies', "
                       "'iwdesk-cli profiles' and 'iwdesk-cli portfolio list' print.");
      return IWD_CLI_EXIT_SERVER;
    case IWD_API_ERROR_FORBIDDEN:
    case IWD_API_ERROR_SERVER:
    case IWD_API_ERROR_INVALID_REPLY:
    default:
      *out_advice = N_("Try again later, and report the problem to ImportWeb if it persists.");
      return IWD_CLI_EXIT_SERVER;
    }
}

static IwdCliExit
classify_cli_error (gint         code,
                    const char **out_advice)
{
  switch ((IwdCliError) code)
    {
    case IWD_CLI_ERROR_NO_PASSWORD:
      *out_advice = N_("Pass the password with --password-stdin, or store it in the keyring by signing in with IWDesk.");
      return IWD_CLI_EXIT_KEYRING;
    case IWD_CLI_ERROR_REJECTED:
      /* The rejected values came from the command line, like a bad argument. */
      *out_advice = N_("Correct the values, or pass --no-check to save them unchecked.");
      return IWD_CLI_EXIT_USAGE;
    case IWD_CLI_ERROR_COLLECTING:
      *out_advice = N_("Try again in a few minutes. If nothing arrives within a day, run "
                       "'iwdesk-cli errors' to see whether the robot can log in.");
      return IWD_CLI_EXIT_NOT_READY;
    case IWD_CLI_ERROR_EXISTS:
      *out_advice = N_("Choose another id, or use the existing portfolio as it is: "
                       "'iwdesk-cli portfolio list' shows it.");
      return IWD_CLI_EXIT_USAGE;
    case IWD_CLI_ERROR_SECRET_NOT_STORED:
      *out_advice = N_("Start or unlock the keyring, then run the same 'iwdesk-cli profile save' "
                       "again. Until then, IWDesk asks for the secret when the profile is edited.");
      return IWD_CLI_EXIT_KEYRING;
    case IWD_CLI_ERROR_USAGE:
    default:
      *out_advice = N_("Run 'iwdesk-cli --help' to see the commands and their options.");
      return IWD_CLI_EXIT_USAGE;
    }
}

/* The message goes inside a sentence, on the one line of its error. */
static char *
dup_message_clause (const char *message)
{
  char *clause = g_strdup (message);
  gsize length;

  g_strdelimit (clause, "\r\n\t", ' ');
  g_strchomp (clause);

  length = strlen (clause);
  if (length > 0 && clause[length - 1] == '.')
    clause[length - 1] = '\0';

  return clause;
}

/**
 * iwd_cli_classify_error:
 * @error: an error from the tool or a library it calls
 * @out_advice: (out) (transfer none): what the user can do, untranslated
 *   (translate it with gettext)
 *
 * Maps an error to the tool's exit code, and picks the advice printed
 * with it. This is the only place where error domains and codes become
 * exit codes.
 *
 * Returns: the exit code for @error
 */
IwdCliExit
iwd_cli_classify_error (const GError  *error,
                        const char   **out_advice)
{
  if (error->domain == IWD_API_ERROR)
    return classify_api_error (error->code, out_advice);

  if (error->domain == IWD_CLI_ERROR)
    return classify_cli_error (error->code, out_advice);

  if (error->domain == G_OPTION_ERROR)
    return classify_cli_error (IWD_CLI_ERROR_USAGE, out_advice);

  /* Other export errors concern the file written, and get the advice
   * on file names and permissions below. */
  if (error->domain == IWD_EXPORT_ERROR && error->code == IWD_EXPORT_ERROR_TOO_MANY_ROWS)
    {
      *out_advice = N_("Export to csv-fr, csv or json, which have no row limit.");
      return IWD_CLI_EXIT_INPUT;
    }

  if (error->domain == IWD_PARSE_ERROR && error->code == IWD_PARSE_ERROR_VALUE)
    {
      *out_advice = N_("Correct the values named above in the file, then run the command again.");
      return IWD_CLI_EXIT_INPUT;
    }

  if (error->domain == IWD_PARSE_ERROR)
    {
      *out_advice = N_("Check that the file is a contracts JSON or a commission statement (TSV or JSON) as ImportWeb sends them.");
      return IWD_CLI_EXIT_INPUT;
    }

  /* The tool reads local files and uses D-Bus only for the keyring, so
   * the domain alone distinguishes file errors from keyring errors. */
  if (error->domain == IWD_SECRET_STORE_ERROR || error->domain == G_DBUS_ERROR)
    {
      *out_advice = N_("Unlock the keyring, or pass the password with --password-stdin.");
      return IWD_CLI_EXIT_KEYRING;
    }

  *out_advice = N_("Check the file name and its permissions.");
  return IWD_CLI_EXIT_INPUT;
}

/**
 * iwd_cli_report_error:
 * @subject: the translated sentence naming what failed, without a
 *   final period
 * @error: the cause
 *
 * Prints one line on standard error: @subject, the message of @error,
 * and what to do about it.
 *
 * Returns: the exit code for @error
 */
IwdCliExit
iwd_cli_report_error (const char   *subject,
                      const GError *error)
{
  const char *advice = NULL;
  IwdCliExit exit_code = iwd_cli_classify_error (error, &advice);
  g_autofree char *message = dup_message_clause (error->message);

  /* Translators: the first %s is what failed, the second gives the
   * cause, the third what to do. */
  g_printerr (_("%s: %s. %s\n"), subject, message, _(advice));

  return exit_code;
}
