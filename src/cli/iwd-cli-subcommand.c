/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "iwd-cli-error.h"
#include "iwd-cli-subcommand.h"
#include "iwd-profile-id.h"
#include "iwd-state-error.h"

/* The width of a summary line in the list of subcommands, in
 * characters, so that the list fits an 80-column terminal. */
#define SUMMARY_WIDTH 72

/* The word after the group's name, as in "portfolio create". */
static const char *
get_subcommand_name (const IwdCliRemoteCommand *command)
{
  const char *space = strchr (command->name, ' ');

  return space != NULL ? space + 1 : command->name;
}

/* Wraps a summary at spaces, indented under its subcommand. */
static void
append_wrapped (GString    *text,
                const char *summary)
{
  g_auto(GStrv) words = g_strsplit (summary, " ", -1);
  gsize line_length = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      gsize word_length = g_utf8_strlen (words[i], -1);

      if (line_length > 0 && line_length + 1 + word_length > SUMMARY_WIDTH)
        line_length = 0;

      g_string_append (text, line_length == 0 ? "\n      " : " ");
      g_string_append (text, words[i]);
      line_length += word_length + (line_length == 0 ? 0 : 1);
    }

  g_string_append_c (text, '\n');
}

static void
print_subcommands (const char                        *group,
                   const IwdCliRemoteCommand * const *commands,
                   gsize                              n_commands)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* Translators: %s is a command name such as "portfolio". COMMAND
   * is one of its subcommands, listed below. */
  g_string_append_printf (text, _("Usage:\n  iwdesk-cli %s COMMAND [OPTION…]\n\nCommands:\n"), group);

  for (gsize i = 0; i < n_commands; i++)
    {
      const IwdCliRemoteCommand *command = commands[i];
      const char *name = get_subcommand_name (command);
      g_autofree char *usage = NULL;

      /* gettext gives the catalog's header for an empty string. */
      if (command->parameters[0] != '\0')
        usage = g_strjoin (" ", name, _(command->parameters), NULL);
      else
        usage = g_strdup (name);

      g_string_append_printf (text, "  %s", usage);
      append_wrapped (text, _(command->summary));
    }

  g_string_append_printf (text, _("\nRun 'iwdesk-cli %s COMMAND --help' for the options of a command.\n"),
                          group);
  fputs (text->str, stdout);
}

static const IwdCliRemoteCommand *
lookup_subcommand (const char                        *group,
                   const IwdCliRemoteCommand * const *commands,
                   gsize                              n_commands,
                   const char                        *name,
                   GError                           **error)
{
  for (gsize i = 0; name != NULL && i < n_commands; i++)
    {
      if (g_strcmp0 (name, get_subcommand_name (commands[i])) == 0)
        return commands[i];
    }

  if (name == NULL)
    g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
                 _("'%s' needs a command; run 'iwdesk-cli %s --help' to list them"), group, group);
  else
    g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
                 _("'%s' is not a command of '%s'"), name, group);

  return NULL;
}

/**
 * iwd_cli_call_task_new:
 * @client: the client that makes the call
 * @call: (transfer none): the call's finish function, static
 * @cancellable: (nullable): a #GCancellable
 * @callback: the command's callback
 * @user_data: data for @callback
 *
 * Creates the task that iwd_cli_call_done() completes, so that a call
 * without a result can serve as a command's start function. Pass
 * iwd_cli_call_done() and the task to the call.
 *
 * Returns: (transfer full): the task
 */
GTask *
iwd_cli_call_task_new (IwdClient           *client,
                       const IwdCliCall    *call,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);

  g_task_set_task_data (task, (gpointer) call, NULL);
  return task;
}

/**
 * iwd_cli_call_done:
 * @source: the client
 * @result: the call's result
 * @user_data: (transfer full): the task from iwd_cli_call_task_new()
 *
 * Finishes the call and completes the task with its outcome.
 */
void
iwd_cli_call_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  const IwdCliCall *call = g_task_get_task_data (task);
  GError *error = NULL;

  if (call->finish (IWD_CLIENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

/**
 * iwd_cli_call_collect:
 * @client: the client
 * @result: the task's result
 * @records: unused: such a call has no rows
 * @error: return location for the call's error
 *
 * Finishes the task of a command whose call has no result, in the
 * command's collect slot.
 *
 * Returns: %TRUE if the call succeeded
 */
gboolean
iwd_cli_call_collect (IwdClient      *client,
                      GAsyncResult   *result,
                      IwdCliRecords  *records,
                      GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_cli_check_id:
 * @id: a portfolio or profile id from the command line
 * @error: return location for an %IWD_CLI_ERROR_USAGE
 *
 * Checks an id before any call with the window's rules: the robot
 * rejects an empty one or one over 15 characters, and the id goes into
 * URL paths, so only ASCII letters, digits, '-', '_' and '.' are taken.
 *
 * Returns: %TRUE if the robot accepts @id
 */
gboolean
iwd_cli_check_id (const char  *id,
                  GError     **error)
{
  g_autofree char *problem = iwd_profile_id_dup_problem (id, NULL);

  if (problem == NULL)
    return TRUE;

  g_set_error_literal (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE, problem);
  return FALSE;
}

/**
 * iwd_cli_load_account_state:
 * @account: the account
 * @error: return location for a #GError
 *
 * Loads the account's local state from the data folder that IWDesk
 * uses. A missing state file loads as empty, and one that cannot be
 * read is reported rather than replaced.
 *
 * Returns: (transfer full) (nullable): the state, or %NULL with @error set
 */
IwdAccountState *
iwd_cli_load_account_state (const IwdAccountId  *account,
                            GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_account_state_new (g_get_user_data_dir (), account);

  if (!iwd_account_state_load (state, error))
    return NULL;

  return g_steal_pointer (&state);
}

/**
 * iwd_cli_ignore_not_found:
 * @error: (inout): the error of a change to the account's local state
 *
 * Clears @error if it reports a portfolio or profile unknown on this
 * computer. Such a one was made by another tool, so there is
 * nothing to record about it.
 *
 * Returns: %TRUE if @error was cleared
 */
gboolean
iwd_cli_ignore_not_found (GError **error)
{
  if (!g_error_matches (*error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND))
    return FALSE;

  g_clear_error (error);
  return TRUE;
}

/**
 * iwd_cli_subcommand_main:
 * @group: the command's name, such as "portfolio"
 * @commands: (array length=n_commands): its subcommands, each named
 *   "@group NAME"
 * @n_commands: the number of subcommands
 * @args: (inout): the arguments, starting with @group
 *
 * Runs the subcommand named by the second argument, or lists the
 * subcommands for `--help`.
 *
 * Returns: the exit code
 */
int
iwd_cli_subcommand_main (const char                        *group,
                         const IwdCliRemoteCommand * const *commands,
                         gsize                              n_commands,
                         GStrv                             *args)
{
  g_auto(GStrv) subcommand_args = NULL;
  g_autoptr(GError) error = NULL;
  const IwdCliRemoteCommand *command;
  const char *name = (*args)[1];

  if (g_strcmp0 (name, "--help") == 0 || g_strcmp0 (name, "-h") == 0)
    {
      print_subcommands (group, commands, n_commands);
      return IWD_CLI_EXIT_OK;
    }

  command = lookup_subcommand (group, commands, n_commands, name, &error);
  if (command == NULL)
    return iwd_cli_report_error (_("Invalid command line"), error);

  subcommand_args = g_strdupv (*args + 1);
  return iwd_cli_remote_main (command, &subcommand_args);
}
