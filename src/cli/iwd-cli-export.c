/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>
#include <signal.h>

#include "iwd-cli-command.h"
#include "iwd-cli-export.h"
#include "iwd-cli-input.h"

typedef struct {
  char *format_name;
  char *output;
} ExportOptions;

static void
export_options_clear (ExportOptions *options)
{
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->output, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportOptions, export_options_clear)

/* The state of one export, from its start to its end or a signal. */
typedef struct {
  GMainLoop    *loop;         /* owned */
  GCancellable *cancellable;  /* owned */
  int           signal;       /* the signal that stopped the export, or 0 */
  gboolean      written;
  GError       *error;        /* owned, nullable */
} ExportRun;

static void
export_run_clear (ExportRun *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->cancellable);
  g_clear_error (&run->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ExportRun, export_run_clear)

static GOptionContext *
create_context (ExportOptions *options)
{
  GOptionEntry entries[] = {
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("File format: csv-fr (CSV for Excel in French), csv, xlsx or json "
         "(default: from the output file's extension, else csv-fr)"), N_("FORMAT") },
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("The file to write, replaced if it exists (required)"), N_("FILE") },
    { NULL }
  };
  GOptionContext *context;

  context = iwd_cli_command_context_new ("export", _("FILE"),
    _("Exports a local contracts file (JSON) or commission statement (TSV "
      "or JSON) to a file for a spreadsheet or another program. csv-fr "
      "writes what Excel in French opens as is: ';' separators, decimal "
      "commas and dd/mm/yyyy dates. csv and json write amounts with a '.' "
      "and dates as yyyy-mm-dd. xlsx writes an Excel workbook whose "
      "amounts and dates are typed cells."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return context;
}

/* A file named *.xlsx or *.json gets that format, any other csv-fr. */
static IwdExportFormat
guess_format (const char *output)
{
  g_autofree char *lower = g_ascii_strdown (output, -1);

  if (g_str_has_suffix (lower, ".xlsx"))
    return IWD_EXPORT_FORMAT_XLSX;

  if (g_str_has_suffix (lower, ".json"))
    return IWD_EXPORT_FORMAT_JSON;

  return IWD_EXPORT_FORMAT_CSV_FR;
}

static void
did_export (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  ExportRun *run = user_data;

  run->written = iwd_export_table_finish (result, &run->error);
  g_main_loop_quit (run->loop);
}

static void
stop_on_signal (ExportRun *run,
                int        signal_number)
{
  if (run->signal == 0)
    run->signal = signal_number;

  g_cancellable_cancel (run->cancellable);
}

static gboolean
did_interrupt (gpointer user_data)
{
  stop_on_signal (user_data, SIGINT);
  return G_SOURCE_CONTINUE;
}

static gboolean
did_terminate (gpointer user_data)
{
  stop_on_signal (user_data, SIGTERM);
  return G_SOURCE_CONTINUE;
}

/* Ctrl-C or a SIGTERM cancels the export, which removes its temporary
 * file, and then ends the process by that signal, as it would have
 * without the handler. */
static void
run_export (ExportRun       *run,
            IwdTable        *table,
            GFile           *destination,
            IwdExportFormat  format)
{
  guint interrupt_id = g_unix_signal_add (SIGINT, did_interrupt, run);
  guint terminate_id = g_unix_signal_add (SIGTERM, did_terminate, run);

  iwd_export_table_async (table, NULL, 0, NULL, 0, format, destination, NULL, NULL,
                          run->cancellable, did_export, run);
  g_main_loop_run (run->loop);

  g_source_remove (interrupt_id);
  g_source_remove (terminate_id);

  if (run->signal == 0)
    return;

  signal (run->signal, SIG_DFL);
  raise (run->signal);
}

static gboolean
check_output (const char  *output,
              GError     **error)
{
  if (output != NULL && output[0] != '\0')
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("no output file given; pass --output FILE"));
  return FALSE;
}

/**
 * iwd_cli_export_get_format:
 * @name: (nullable): the format given on the command line, or %NULL
 * @output: the file to write
 * @out_format: (out): the format to write
 * @error: return location for an %IWD_CLI_ERROR_USAGE
 *
 * Reads the export format option. Without one, the format follows the
 * extension of @output: xlsx, json, or csv-fr for any other.
 *
 * Returns: %TRUE if @name is %NULL or an export format
 */
gboolean
iwd_cli_export_get_format (const char       *name,
                           const char       *output,
                           IwdExportFormat  *out_format,
                           GError          **error)
{
  if (name == NULL)
    {
      *out_format = guess_format (output);
      return TRUE;
    }

  if (iwd_export_format_from_string (name, out_format))
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is not an export format; use csv-fr, csv, xlsx or json"), name);
  return FALSE;
}

/**
 * iwd_cli_export_write:
 * @table: the table to export
 * @output: the file to write, replaced only once complete
 * @format: the file format
 *
 * Exports every row and column of @table, and reports a failure on
 * standard error. A SIGINT or SIGTERM during the export cancels it,
 * leaves no file behind, and ends the process by that signal.
 *
 * Returns: the exit code
 */
IwdCliExit
iwd_cli_export_write (IwdTable        *table,
                      const char      *output,
                      IwdExportFormat  format)
{
  g_autoptr(GFile) destination = g_file_new_for_commandline_arg (output);
  g_auto(ExportRun) run = { NULL, NULL, 0, FALSE, NULL };
  g_autofree char *subject = NULL;

  run.loop = g_main_loop_new (NULL, FALSE);
  run.cancellable = g_cancellable_new ();
  run_export (&run, table, destination, format);

  if (run.written)
    return IWD_CLI_EXIT_OK;

  subject = g_strdup_printf (_("Cannot export to '%s'"), output);
  return iwd_cli_report_error (subject, run.error);
}

/**
 * iwd_cli_export_main:
 * @args: (inout): the arguments, starting with "export"
 *
 * Runs `iwdesk-cli export`: reads a local contracts or commissions file
 * as `read` does and exports its rows to a file.
 *
 * Returns: the exit code
 */
int
iwd_cli_export_main (GStrv *args)
{
  g_auto(ExportOptions) options = { NULL, NULL };
  g_autoptr(GOptionContext) context = create_context (&options);
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  IwdExportFormat format;
  const char *path;

  if (!iwd_cli_command_parse (context, args, 1, &error)
      || !check_output (options.output, &error)
      || !iwd_cli_export_get_format (options.format_name, options.output, &format, &error))
    return iwd_cli_report_error (_("Invalid command line"), error);

  path = (*args)[1];
  table = iwd_cli_read_table (path, &error);
  if (table == NULL)
    {
      g_autofree char *subject = g_strdup_printf (_("Cannot read '%s'"), path);

      return iwd_cli_report_error (subject, error);
    }

  return iwd_cli_export_write (table, options.output, format);
}
