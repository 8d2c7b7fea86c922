/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>

#include "iwd-cli-command.h"
#include "iwd-cli-error.h"

/**
 * iwd_cli_command_context_new:
 * @command: (nullable): the command's name, %NULL for the tool itself
 * @parameters: the positional parameters shown in the usage line
 * @summary: the translated paragraph shown above the options
 *
 * Creates the option context of a command, with the usage line
 * "iwdesk-cli COMMAND [OPTION…] PARAMETERS" and the list of exit codes
 * under the options, both translated.
 *
 * Returns: (transfer full): the option context
 */
GOptionContext *
iwd_cli_command_context_new (const char *command,
                             const char *parameters,
                             const char *summary)
{
  GOptionContext *context = g_option_context_new (parameters);
  g_autofree char *program = NULL;

  /* GOption prints the program name in the usage line, which must show
   * the command too. */
  program = command != NULL ? g_strdup_printf ("iwdesk-cli %s", command)
                            : g_strdup ("iwdesk-cli");
  g_set_prgname (program);

  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);
  g_option_context_set_summary (context, summary);
  g_option_context_set_description (context,
    _("Exit status:\n"
      "  0  success\n"
      "  1  bad option or argument\n"
      "  2  input file unreadable or invalid\n"
      "  3  network error or timeout\n"
      "  4  authentication failed (wrong HappyAssur login or password)\n"
      "  5  server error or invalid reply\n"
      "  6  keyring unavailable, or no password given or stored\n"
      "  7  the robot is still collecting the contracts or commissions asked\n"
      "     for: try again in a few minutes"));

  return context;
}

/**
 * iwd_cli_command_parse:
 * @context: the command's option context
 * @args: (inout): the command's arguments, starting with its name; the
 *   options are removed from it
 * @n_arguments: how many positional arguments the command takes
 * @error: return location for a #GOptionError or an %IWD_CLI_ERROR_USAGE
 *
 * Parses a command's options and checks the count of what remains.
 *
 * Returns: %TRUE if the command line is valid
 */
gboolean
iwd_cli_command_parse (GOptionContext  *context,
                       GStrv           *args,
                       guint            n_arguments,
                       GError         **error)
{
  guint n_given;

  if (!g_option_context_parse_strv (context, args, error))
    return FALSE;

  n_given = g_strv_length (*args) - 1;
  if (n_given == n_arguments)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               ngettext ("'%s' takes %u argument, not %u",
                         "'%s' takes %u arguments, not %u", n_arguments),
               g_get_prgname (), n_arguments, n_given);
  return FALSE;
}

/**
 * iwd_cli_command_get_format:
 * @name: (nullable): the value of `--format`, %NULL if it was not given
 * @fallback: the command's default format
 * @out_format: (out): the format to write
 * @error: return location for an %IWD_CLI_ERROR_USAGE
 *
 * Reads the value of a `--format` option.
 *
 * Returns: %TRUE if @name is a format, or %NULL
 */
gboolean
iwd_cli_command_get_format (const char    *name,
                            IwdCliFormat   fallback,
                            IwdCliFormat  *out_format,
                            GError       **error)
{
  *out_format = fallback;

  if (name == NULL || iwd_cli_format_from_string (name, out_format))
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is not an output format; use text, csv or json, or write a "
                 "file with --output FILE --export-format csv-fr|csv|xlsx|json"), name);
  return FALSE;
}

/**
 * iwd_cli_write_stdout:
 * @text: the output so far
 * @threshold: write only when @text contains at least this many bytes, 0 to
 *   write everything now
 *
 * Moves buffered output to standard output, so that a million rows never
 * sit in memory as text at once.
 *
 * Returns: %FALSE if standard output could not be written
 */
gboolean
iwd_cli_write_stdout (GString *text,
                      gsize    threshold)
{
  gboolean written;

  if (text->len < threshold || (text->len == 0 && threshold > 0))
    return TRUE;

  written = fwrite (text->str, 1, text->len, stdout) == text->len;
  g_string_truncate (text, 0);

  if (threshold == 0)
    written = fflush (stdout) == 0 && written;

  return written;
}
