/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "iwd-cli-command.h"
#include "iwd-cli-error.h"
#include "iwd-cli-input.h"
#include "iwd-cli-read.h"
#include "iwd-cli-table-output.h"

typedef struct {
  char     *format_name;
  gboolean  totals;
} ReadOptions;

static void
read_options_clear (ReadOptions *options)
{
  g_clear_pointer (&options->format_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReadOptions, read_options_clear)

static GOptionContext *
create_context (ReadOptions *options)
{
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("Output format: csv (the default) or json"), N_("FORMAT") },
    { "totals", 't', 0, G_OPTION_ARG_NONE, &options->totals,
      N_("Print the exact total of each amount column instead of the rows: "
         "'Column: total' lines, or one object with --format json"), NULL },
    { NULL }
  };
  GOptionContext *context;

  context = iwd_cli_command_context_new ("read", _("FILE"),
    _("Prints the rows of a local contracts file (JSON) or commission "
      "statement (TSV or JSON), with amounts and dates written the same "
      "way in every locale: amounts with a '.' and no thousands "
      "separator, dates as yyyy-mm-dd."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

static gboolean
check_format (const char    *name,
              IwdCliFormat  *out_format,
              GError       **error)
{
  if (!iwd_cli_command_get_format (name, IWD_CLI_FORMAT_CSV, out_format, error))
    return FALSE;

  if (*out_format != IWD_CLI_FORMAT_TEXT)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'read' writes csv or json, not '%s'"), name);
  return FALSE;
}

static IwdCliExit
write_totals (IwdTable     *table,
              const char   *path,
              IwdCliFormat  format)
{
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  guint n_totals = 0;

  if (!iwd_cli_table_append_totals (out, table, format == IWD_CLI_FORMAT_JSON,
                                    &n_totals, &error))
    {
      g_autofree char *subject = g_strdup_printf (_("Cannot total '%s'"), path);

      return iwd_cli_report_error (subject, error);
    }

  if (n_totals == 0)
    g_printerr (_("'%s' has no amount column to total.\n"), path);

  iwd_cli_write_stdout (out, 0);

  return IWD_CLI_EXIT_OK;
}

static IwdCliExit
write_rows (IwdTable     *table,
            IwdCliFormat  format)
{
  if (iwd_cli_table_print (table, format))
    return IWD_CLI_EXIT_OK;

  /* Standard output is not an input file, but a full disk or a closed
   * pipe is the user's to fix, like an unreadable file. */
  g_printerr (_("Cannot write the output: %s.\n"), g_strerror (errno));
  return IWD_CLI_EXIT_INPUT;
}

/**
 * iwd_cli_read_main:
 * @args: (inout): the arguments, starting with "read"
 *
 * Runs `iwdesk-cli read`: reads a local contracts or commissions file
 * and prints its typed rows, or the totals of its amount columns.
 *
 * Returns: the exit code
 */
int
iwd_cli_read_main (GStrv *args)
{
  g_auto(ReadOptions) options = { NULL, FALSE };
  g_autoptr(GOptionContext) context = create_context (&options);
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  IwdCliFormat format;
  const char *path;

  if (!iwd_cli_command_parse (context, args, 1, &error)
      || !check_format (options.format_name, &format, &error))
    return iwd_cli_report_error (_("Invalid command line"), error);

  path = (*args)[1];
  table = iwd_cli_read_table (path, &error);
  if (table == NULL)
    {
      g_autofree char *subject = g_strdup_printf (_("Cannot read '%s'"), path);

      return iwd_cli_report_error (subject, error);
    }

  if (options.totals)
    return write_totals (table, path, format);

  return write_rows (table, format);
}
