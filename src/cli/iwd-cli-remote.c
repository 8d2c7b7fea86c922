/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "iwd-cli-command.h"
#include "iwd-cli-error.h"
#include "iwd-cli-export.h"
#include "iwd-cli-remote.h"
#include "iwd-cli-table-output.h"
#include "iwd-secret-store.h"

typedef struct {
  char     *server;
  char     *login;
  gboolean  password_stdin;
  char     *format_name;
  int       timeout;
  char     *output;
  char     *export_format_name;
} RemoteOptions;

/* The state of one run, from the password to the printed rows. */
typedef struct {
  const IwdCliRemoteCommand *command;      /* unowned, static */
  const char * const        *arguments;    /* unowned */
  GMainLoop                 *loop;         /* owned */
  IwdClient                 *client;       /* owned */
  IwdAccountId              *account;      /* owned */
  IwdCliRecords             *records;      /* owned */
  IwdTable                  *table;        /* owned, nullable: a table command's result */
  char                      *notice;       /* owned, nullable: printed after the rows, translated */
  char                      *failure;      /* owned: what failed, translated */
  GError                    *error;        /* owned, nullable */
} RemoteRun;

static void
remote_options_clear (RemoteOptions *options)
{
  g_clear_pointer (&options->server, g_free);
  g_clear_pointer (&options->login, g_free);
  g_clear_pointer (&options->format_name, g_free);
  g_clear_pointer (&options->output, g_free);
  g_clear_pointer (&options->export_format_name, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RemoteOptions, remote_options_clear)

static void
remote_run_clear (RemoteRun *run)
{
  g_clear_pointer (&run->loop, g_main_loop_unref);
  g_clear_object (&run->client);
  g_clear_pointer (&run->account, iwd_account_id_free);
  g_clear_pointer (&run->records, iwd_cli_records_free);
  g_clear_object (&run->table);
  g_clear_pointer (&run->notice, g_free);
  g_clear_pointer (&run->failure, g_free);
  g_clear_error (&run->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (RemoteRun, remote_run_clear)

static void
wipe_password (char *password)
{
  if (password == NULL)
    return;

  memset (password, 0, strlen (password));
  g_free (password);
}

static void
add_export_entries (GOptionContext *context,
                    RemoteOptions  *options)
{
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &options->output,
      N_("Export the rows to this file, replaced if it exists, instead of printing them"),
      N_("FILE") },
    { "export-format", 0, 0, G_OPTION_ARG_STRING, &options->export_format_name,
      N_("Format of the --output file: csv-fr (CSV for Excel in French), csv, xlsx or "
         "json (default: from the file's extension, else csv-fr)"), N_("FORMAT") },
    { NULL }
  };

  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
}

/* The positional parameters of the usage line are one word each. */
static guint
count_parameters (const char *parameters)
{
  g_auto(GStrv) words = g_strsplit (parameters, " ", -1);
  guint n_words = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] != '\0')
        n_words++;
    }

  return n_words;
}

static GOptionContext *
create_context (const IwdCliRemoteCommand *command,
                RemoteOptions             *options)
{
  GOptionEntry entries[] = {
    { "server", 's', 0, G_OPTION_ARG_STRING, &options->server,
      N_("Base URL of the ImportWeb services (default: the URLs set in IWDesk's preferences)"),
      N_("URL") },
    { "login", 'l', 0, G_OPTION_ARG_STRING, &options->login,
      N_("HappyAssur login (default: the account last used in IWDesk)"), N_("LOGIN") },
    { "password-stdin", 0, 0, G_OPTION_ARG_NONE, &options->password_stdin,
      N_("Read the password from the first line of standard input instead of the keyring"),
      NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &options->format_name,
      N_("Format of what is printed on standard output: text (the default), csv or json; "
         "a file written with --output takes --export-format instead"), N_("FORMAT") },
    { "timeout", 0, 0, G_OPTION_ARG_INT, &options->timeout,
      N_("Seconds to wait for each reply (default: 30)"), N_("SECONDS") },
    { NULL }
  };
  GOptionContext *context;

  context = iwd_cli_command_context_new (command->name,
                                         command->parameters[0] != '\0' ? _(command->parameters) : NULL,
                                         _(command->summary));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  if (command->collect_table != NULL)
    add_export_entries (context, options);

  if (command->entries != NULL)
    g_option_context_add_main_entries (context, command->entries, GETTEXT_PACKAGE);

  return context;
}

static GSettings *
lookup_settings (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr(GSettingsSchema) schema = NULL;

  if (source == NULL)
    return NULL;

  schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
  if (schema == NULL)
    return NULL;

  return g_settings_new_full (schema, NULL, NULL);
}

static IwdClient *
create_client_from_settings (GSettings  *settings,
                             char      **out_server,
                             GError    **error)
{
  g_autoptr(SoupSession) session = iwd_client_new_session ();
  g_autofree char *iwrest = g_settings_get_string (settings, "iwrest-url");
  g_autofree char *robot = g_settings_get_string (settings, "robot-url");
  g_autofree char *site = g_settings_get_string (settings, "site-url");

  /* NOTE: the keyring keys an account by one server URL. Without
   * --server, the IWRest URL is used for the three services. */
  *out_server = g_strdup (iwrest);

  return iwd_client_new (session, iwrest, robot, site, error);
}

static IwdClient *
create_client (RemoteOptions  *options,
               GSettings      *settings,
               char          **out_server,
               GError        **error)
{
  g_autoptr(SoupSession) session = NULL;

  if (options->server != NULL)
    {
      session = iwd_client_new_session ();
      *out_server = g_strdup (options->server);
      return iwd_client_new_for_server (session, options->server, error);
    }

  if (settings != NULL)
    return create_client_from_settings (settings, out_server, error);

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("no server given and IWDesk's settings are not installed; pass --server URL"));
  return NULL;
}

static char *
dup_login (RemoteOptions  *options,
           GSettings      *settings,
           GError        **error)
{
  g_autofree char *last = NULL;

  if (options->login != NULL && options->login[0] != '\0')
    return g_strdup (options->login);

  if (settings != NULL)
    last = g_settings_get_string (settings, "last-account");

  if (last != NULL && last[0] != '\0')
    return g_steal_pointer (&last);

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("no login given; pass --login LOGIN"));
  return NULL;
}

static gboolean
prepare_run (RemoteRun      *run,
             RemoteOptions  *options,
             GError        **error)
{
  g_autoptr(GSettings) settings = lookup_settings ();
  g_autofree char *server = NULL;
  g_autofree char *login = NULL;

  run->client = create_client (options, settings, &server, error);
  if (run->client == NULL)
    return FALSE;

  login = dup_login (options, settings, error);
  if (login == NULL)
    return FALSE;

  if (options->timeout > 0)
    iwd_client_set_timeout (run->client, options->timeout);

  run->account = iwd_account_id_new (server, login);
  return TRUE;
}

/* Reads up to the first line end. The buffer is sized so that a
 * password does not make it grow, since each growth would leave a copy
 * of the password behind in freed memory. */
static char *
read_password_line (GError **error)
{
  GString *line = g_string_sized_new (1024);
  int c;

  while ((c = getchar ()) != EOF && c != '\n')
    g_string_append_c (line, (char) c);

  if (line->len > 0 && line->str[line->len - 1] == '\r')
    g_string_truncate (line, line->len - 1);

  if (line->len > 0)
    return g_string_free (line, FALSE);

  wipe_password (g_string_free (line, FALSE));
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_NO_PASSWORD,
               _("--password-stdin was given but standard input holds no password"));
  return NULL;
}

static void
finish_run (RemoteRun  *run,
            const char *failure,
            GError     *error)
{
  if (error != NULL)
    {
      run->failure = g_strdup (failure);
      run->error = error;
    }

  g_main_loop_quit (run->loop);
}

static char *
dup_call_failure (RemoteRun *run)
{
  /* Translators: the first %s is what failed, such as "Cannot list the
   * companies", the second is the server's URL. */
  return g_strdup_printf (_("%s on %s"), _(run->command->failure), run->account->server);
}

static gboolean
collect_table (RemoteRun     *run,
               GAsyncResult  *result,
               GError       **error)
{
  run->table = run->command->collect_table (run->client, result, error);
  if (run->table == NULL)
    return FALSE;

  if (run->command->check_table == NULL)
    return TRUE;

  return run->command->check_table (run->account, run->arguments, run->table,
                                    &run->notice, error);
}

static void
did_call (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  RemoteRun *run = user_data;
  g_autofree char *failure = NULL;
  GError *error = NULL;
  gboolean collected;

  if (run->command->collect_table != NULL)
    collected = collect_table (run, result, &error);
  else
    collected = run->command->collect (run->client, result, run->records, &error);

  if (!collected)
    failure = dup_call_failure (run);

  finish_run (run, failure, error);
}

static void
start_call (RemoteRun  *run,
            const char *password)
{
  iwd_client_set_credentials (run->client, run->account->login, password);
  run->command->start (run->client, run->arguments, NULL, did_call, run);
}

static void
did_lookup_password (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  RemoteRun *run = user_data;
  g_autofree char *failure = NULL;
  GError *error = NULL;
  char *password;

  password = iwd_secret_store_lookup_account_password_finish (IWD_SECRET_STORE (source),
                                                              result, &error);
  if (password == NULL && error == NULL)
    g_set_error (&error, IWD_CLI_ERROR, IWD_CLI_ERROR_NO_PASSWORD,
                 _("the keyring holds no password for this account"));

  if (password == NULL)
    {
      failure = g_strdup_printf (_("Cannot get the password of '%s' on %s"),
                                 run->account->login, run->account->server);
      finish_run (run, failure, error);
      return;
    }

  start_call (run, password);
  wipe_password (password);
}

static gboolean
start_run (RemoteRun      *run,
           RemoteOptions  *options,
           GError        **error)
{
  g_autoptr(IwdSecretStore) store = NULL;
  char *password;

  if (!options->password_stdin)
    {
      store = iwd_secret_store_new (NULL);
      iwd_secret_store_lookup_account_password (store, run->account, NULL,
                                                did_lookup_password, run);
      return TRUE;
    }

  password = read_password_line (error);
  if (password == NULL)
    return FALSE;

  start_call (run, password);
  wipe_password (password);
  return TRUE;
}

static IwdCliExit
print_records (IwdCliRecords *records,
               IwdCliFormat   format)
{
  g_autofree char *text = iwd_cli_records_format (records, format);

  if (fputs (text, stdout) >= 0 && fflush (stdout) == 0)
    return IWD_CLI_EXIT_OK;

  g_printerr (_("Cannot write the output: %s.\n"), g_strerror (errno));
  return IWD_CLI_EXIT_INPUT;
}

static IwdCliExit
print_table (IwdTable     *table,
             IwdCliFormat  format)
{
  if (iwd_cli_table_print (table, format))
    return IWD_CLI_EXIT_OK;

  g_printerr (_("Cannot write the output: %s.\n"), g_strerror (errno));
  return IWD_CLI_EXIT_INPUT;
}

static IwdCliExit
write_table (RemoteRun     *run,
             RemoteOptions *options,
             IwdCliFormat   format)
{
  IwdExportFormat export_format;

  if (options->output == NULL)
    return print_table (run->table, format);

  /* check_export_options() accepted this format before the call. */
  iwd_cli_export_get_format (options->export_format_name, options->output,
                             &export_format, NULL);
  return iwd_cli_export_write (run->table, options->output, export_format);
}

static IwdCliExit
write_result (RemoteRun     *run,
              RemoteOptions *options,
              IwdCliFormat   format)
{
  IwdCliExit exit_code;

  if (run->command->n_columns == 0 && run->table == NULL)
    return IWD_CLI_EXIT_OK;

  if (run->table == NULL)
    return print_records (run->records, format);

  exit_code = write_table (run, options, format);

  /* The notice goes to standard error, so that standard output holds
   * only the rows that a script reads. */
  if (run->notice != NULL)
    g_printerr ("%s\n", run->notice);

  return exit_code;
}

static gboolean
check_export_options (RemoteOptions  *options,
                      GError        **error)
{
  IwdExportFormat export_format;

  if (options->output != NULL)
    return iwd_cli_export_get_format (options->export_format_name, options->output,
                                      &export_format, error);

  if (options->export_format_name == NULL)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("--export-format needs --output FILE"));
  return FALSE;
}

static IwdCliExit
run_local (RemoteRun     *run,
           RemoteOptions *options,
           IwdCliFormat   format)
{
  g_autoptr(GError) error = NULL;

  if (!run->command->collect_local (run->account, run->arguments, run->records, &error))
    return iwd_cli_report_error (_("Cannot read IWDesk's local data"), error);

  return write_result (run, options, format);
}

/* A refusal here names the server, like a failed call, since the check
 * reads the account's state for that server. */
static IwdCliExit
check_local (RemoteRun *run)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *failure = NULL;

  if (run->command->check_local == NULL
      || run->command->check_local (run->account, run->arguments, &error))
    return IWD_CLI_EXIT_OK;

  failure = dup_call_failure (run);
  return iwd_cli_report_error (failure, error);
}

/* The call has succeeded, so a failure to record it gets its own
 * message: the server has the change, but IWDesk will not show all of
 * it, such as a secret that the keyring could not store. */
static IwdCliExit
record_call (RemoteRun *run)
{
  g_autoptr(GError) error = NULL;

  if (run->command->record == NULL
      || run->command->record (run->account, run->arguments, &error))
    return IWD_CLI_EXIT_OK;

  return iwd_cli_report_error (_("The change was made on ImportWeb, but not all of it could be kept on this computer"),
                               error);
}

/**
 * iwd_cli_remote_main:
 * @command: the command to run
 * @args: (inout): the arguments, starting with the command's name
 *
 * Runs a remote command: reads its options, finds the server and the
 * account, takes the password from standard input or the keyring, makes
 * the command's call in a main loop, and prints the rows. A table command
 * given `--output` exports its rows to that file instead.
 *
 * Returns: the exit code
 */
int
iwd_cli_remote_main (const IwdCliRemoteCommand *command,
                     GStrv                     *args)
{
  g_auto(RemoteOptions) options = { NULL, NULL, FALSE, NULL, 0, NULL, NULL };
  g_autoptr(GOptionContext) context = create_context (command, &options);
  g_auto(RemoteRun) run = { command, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL };
  guint n_arguments = count_parameters (command->parameters);
  g_autoptr(GError) error = NULL;
  IwdCliExit exit_code;
  IwdCliFormat format;

  if (!iwd_cli_command_parse (context, args, n_arguments, &error)
      || !iwd_cli_command_get_format (options.format_name, IWD_CLI_FORMAT_TEXT, &format, &error)
      || !check_export_options (&options, &error)
      || (command->check != NULL && !command->check ((const char * const *) *args + 1, &error))
      || !prepare_run (&run, &options, &error))
    return iwd_cli_report_error (_("Invalid command line"), error);

  run.arguments = (const char * const *) *args + 1;
  run.loop = g_main_loop_new (NULL, FALSE);
  run.records = iwd_cli_records_new (command->columns, command->n_columns);

  if (command->start == NULL)
    return run_local (&run, &options, format);

  exit_code = check_local (&run);
  if (exit_code != IWD_CLI_EXIT_OK)
    return exit_code;

  if (!start_run (&run, &options, &error))
    return iwd_cli_report_error (_("Cannot read the password"), error);

  /* TODO: Ctrl-C ends the process at once. A g_unix_signal_add() handler
   * that cancels the call would also dismiss a pending keyring prompt. */
  g_main_loop_run (run.loop);

  if (run.error != NULL)
    return iwd_cli_report_error (run.failure, run.error);

  exit_code = record_call (&run);
  if (exit_code != IWD_CLI_EXIT_OK)
    return exit_code;

  return write_result (&run, &options, format);
}
