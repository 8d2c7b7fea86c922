/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-cli-error.h"
#include "iwd-cli-remote.h"
#include "iwd-cli-subcommand.h"

/* The options of the portfolio commands. They are globals because only
 * one command runs per process. */
static char *label;
static int months = 12;
static gboolean documents;
static gboolean members;
static gboolean fleets;
static gboolean funds;
static gboolean confirmed;

static IwdPortfolioOptions *
create_options (void)
{
  IwdPortfolioOptions *options = iwd_portfolio_options_new (label, (guint) months);

  options->documents = documents;
  options->members = members;
  options->fleets = fleets;
  options->funds = funds;

  return options;
}

static const IwdCliCall create_portfolio_call = { iwd_client_create_portfolio_finish };
static const IwdCliCall add_portfolio_profile_call = { iwd_client_add_portfolio_profile_finish };
static const IwdCliCall remove_portfolio_profile_call = { iwd_client_remove_portfolio_profile_finish };
static const IwdCliCall delete_portfolio_call = { iwd_client_delete_portfolio_finish };

/* list */

static const IwdCliColumn list_columns[] = {
  { "id", N_("Portfolio"), NULL },
  { "label", N_("Label"), NULL },
  { "months", N_("Months"), NULL },
  { "profiles", N_("Profiles"), NULL },
};

static void
add_portfolio_row (IwdAccountState *state,
                   const char      *portfolio_id,
                   IwdCliRecords   *records)
{
  const IwdPortfolioOptions *options = iwd_account_state_get_portfolio_options (state, portfolio_id);
  g_auto(GStrv) profiles = iwd_account_state_list_portfolio_profiles (state, portfolio_id);
  JsonObject *row = iwd_cli_records_append_row (records);
  JsonArray *list = json_array_new ();

  for (guint i = 0; profiles != NULL && profiles[i] != NULL; i++)
    json_array_add_string_element (list, profiles[i]);

  json_object_set_string_member (row, "id", portfolio_id);
  json_object_set_string_member (row, "label", options->label);
  json_object_set_int_member (row, "months", options->months);
  json_object_set_array_member (row, "profiles", list);
}

static gboolean
collect_list (const IwdAccountId  *account,
              const char * const  *arguments,
              IwdCliRecords       *records,
              GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);
  g_auto(GStrv) portfolios = NULL;

  if (state == NULL)
    return FALSE;

  portfolios = iwd_account_state_list_portfolios (state);
  for (guint i = 0; portfolios != NULL && portfolios[i] != NULL; i++)
    add_portfolio_row (state, portfolios[i], records);

  return TRUE;
}

static const IwdCliRemoteCommand list_command = {
  "portfolio list", "",
  N_("Lists the portfolios that IWDesk and this tool created for the account, "
     "as remembered on this computer: the ImportWeb services cannot list them."),
  N_("Cannot list the portfolios"),
  list_columns, G_N_ELEMENTS (list_columns),
  NULL, NULL, NULL, NULL, NULL, collect_list, NULL,
};

/* create */

static const GOptionEntry create_entries[] = {
  { "label", 0, 0, G_OPTION_ARG_STRING, &label,
    N_("The portfolio's name, as IWDesk shows it (required)"), N_("TEXT") },
  { "months", 0, 0, G_OPTION_ARG_INT, &months,
    N_("How many months back the robot looks for contracts (default: 12)"), N_("N") },
  { "documents", 0, 0, G_OPTION_ARG_NONE, &documents,
    N_("Also fetch each contract's documents"), NULL },
  { "members", 0, 0, G_OPTION_ARG_NONE, &members,
    N_("Also fetch the members of group contracts"), NULL },
  { "fleets", 0, 0, G_OPTION_ARG_NONE, &fleets,
    N_("Also fetch vehicle fleets"), NULL },
  { "funds", 0, 0, G_OPTION_ARG_NONE, &funds,
    N_("Also fetch investment funds"), NULL },
  { NULL }
};

static gboolean
check_create (const char * const  *arguments,
              GError             **error)
{
  if (!iwd_cli_check_id (arguments[0], error))
    return FALSE;

  if (label == NULL || label[0] == '\0')
    {
      g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
                   _("a portfolio needs a name; pass --label TEXT"));
      return FALSE;
    }

  if (months > 0)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("--months takes a number of months above 0, not %d"), months);
  return FALSE;
}

/* As the window's portfolio form does, an id already recorded for the
 * account is rejected before any call, because posting it again would
 * replace that portfolio's options on the robot.
 * NOTE: the API cannot list portfolios, so one made by another client
 * is unknown here and still gets replaced. */
static gboolean
check_create_local (const IwdAccountId  *account,
                    const char * const  *arguments,
                    GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);
  const IwdPortfolioOptions *recorded;

  if (state == NULL)
    return FALSE;

  recorded = iwd_account_state_get_portfolio_options (state, arguments[0]);
  if (recorded == NULL)
    return TRUE;

  /* Translators: the first %s is the portfolio id, the second its label */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_EXISTS,
               _("this account already has a portfolio with the id '%s', labelled '%s', "
                 "so nothing was created"),
               arguments[0], recorded->label != NULL ? recorded->label : "");
  return FALSE;
}

static void
start_create (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  g_autoptr(IwdPortfolioOptions) options = create_options ();
  GTask *task = iwd_cli_call_task_new (client, &create_portfolio_call,
                                       cancellable, callback, user_data);

  iwd_client_create_portfolio_async (client, arguments[0], options, cancellable, iwd_cli_call_done, task);
}

static gboolean
record_create (const IwdAccountId  *account,
               const char * const  *arguments,
               GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);
  g_autoptr(IwdPortfolioOptions) options = create_options ();

  return state != NULL
         && iwd_account_state_add_portfolio (state, arguments[0], options, error)
         && iwd_account_state_save (state, error);
}

static const IwdCliRemoteCommand create_command = {
  "portfolio create", N_("PTF"),
  N_("Creates a portfolio with the id PTF, at most 15 characters, and "
     "records it on this computer so that IWDesk shows it. An id that this "
     "computer already records for the account is rejected."),
  N_("Cannot create the portfolio"),
  NULL, 0,
  start_create, iwd_cli_call_collect, NULL,
  create_entries, check_create, NULL, record_create, check_create_local,
};

/* add */

static gboolean
check_two_ids (const char * const  *arguments,
               GError             **error)
{
  return iwd_cli_check_id (arguments[0], error) && iwd_cli_check_id (arguments[1], error);
}

static void
start_add (IwdClient           *client,
           const char * const  *arguments,
           GCancellable        *cancellable,
           GAsyncReadyCallback  callback,
           gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &add_portfolio_profile_call,
                                       cancellable, callback, user_data);

  iwd_client_add_portfolio_profile_async (client, arguments[0], arguments[1],
                                          cancellable, iwd_cli_call_done, task);
}

static gboolean
record_add (const IwdAccountId  *account,
            const char * const  *arguments,
            GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);

  if (state == NULL)
    return FALSE;

  if (!iwd_account_state_link_profile (state, arguments[0], arguments[1], error))
    return iwd_cli_ignore_not_found (error);

  return iwd_account_state_save (state, error);
}

static const IwdCliRemoteCommand add_command = {
  "portfolio add", N_("PTF PROFILE"),
  N_("Adds an existing robot profile to a portfolio."),
  N_("Cannot add the profile to the portfolio"),
  NULL, 0,
  start_add, iwd_cli_call_collect, NULL,
  NULL, check_two_ids, NULL, record_add,
};

/* profiles */

static void
start_profiles (IwdClient           *client,
                const char * const  *arguments,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  iwd_client_list_portfolio_profiles_async (client, arguments[0], cancellable, callback, user_data);
}

static gboolean
collect_profiles (IwdClient      *client,
                  GAsyncResult   *result,
                  IwdCliRecords  *records,
                  GError        **error)
{
  g_autoptr(GPtrArray) profiles = iwd_client_list_portfolio_profiles_finish (client, result, error);

  if (profiles == NULL)
    return FALSE;

  iwd_cli_add_profile_rows (records, profiles);
  return TRUE;
}

static gboolean
check_one_id (const char * const  *arguments,
              GError             **error)
{
  return iwd_cli_check_id (arguments[0], error);
}

static const IwdCliRemoteCommand profiles_command = {
  "portfolio profiles", N_("PTF"),
  N_("Lists the robot profiles of a portfolio, as the ImportWeb services "
     "know them, with their last robot error and their tasks."),
  N_("Cannot list the portfolio's profiles"),
  iwd_cli_profile_columns, IWD_CLI_N_PROFILE_COLUMNS,
  start_profiles, collect_profiles, NULL,
  NULL, check_one_id, NULL, NULL,
};

/* remove */

static void
start_remove (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &remove_portfolio_profile_call,
                                       cancellable, callback, user_data);

  iwd_client_remove_portfolio_profile_async (client, arguments[0], arguments[1],
                                             cancellable, iwd_cli_call_done, task);
}

static gboolean
record_remove (const IwdAccountId  *account,
               const char * const  *arguments,
               GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);

  if (state == NULL)
    return FALSE;

  if (!iwd_account_state_unlink_profile (state, arguments[0], arguments[1], error))
    return iwd_cli_ignore_not_found (error);

  return iwd_account_state_save (state, error);
}

static const IwdCliRemoteCommand remove_command = {
  "portfolio remove", N_("PTF PROFILE"),
  N_("Removes a profile from a portfolio. The profile itself is kept."),
  N_("Cannot remove the profile from the portfolio"),
  NULL, 0,
  start_remove, iwd_cli_call_collect, NULL,
  NULL, check_two_ids, NULL, record_remove,
};

/* delete */

static const GOptionEntry delete_entries[] = {
  { "yes", 0, 0, G_OPTION_ARG_NONE, &confirmed,
    N_("Confirm the deletion, which cannot be undone"), NULL },
  { NULL }
};

static gboolean
check_delete (const char * const  *arguments,
              GError             **error)
{
  if (!iwd_cli_check_id (arguments[0], error))
    return FALSE;

  if (confirmed)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("deleting portfolio '%s' also deletes its profiles and every file the "
                 "robot downloaded for it; pass --yes to delete it"), arguments[0]);
  return FALSE;
}

static void
start_delete (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &delete_portfolio_call,
                                       cancellable, callback, user_data);

  iwd_client_delete_portfolio_async (client, arguments[0], cancellable, iwd_cli_call_done, task);
}

static gboolean
record_delete (const IwdAccountId  *account,
               const char * const  *arguments,
               GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);

  if (state == NULL)
    return FALSE;

  /* TODO: the removed profiles' secrets stay in the keyring, where the
   * app would clear them with iwd_secret_store_clear_profile_secrets(). */
  if (!iwd_account_state_remove_portfolio (state, arguments[0], NULL, error))
    return iwd_cli_ignore_not_found (error);

  return iwd_account_state_save (state, error);
}

static const IwdCliRemoteCommand delete_command = {
  "portfolio delete", N_("PTF"),
  N_("Deletes a portfolio, with its profiles and every file the robot "
     "downloaded for it. Requires --yes."),
  N_("Cannot delete the portfolio"),
  NULL, 0,
  start_delete, iwd_cli_call_collect, NULL,
  delete_entries, check_delete, NULL, record_delete,
};

static const IwdCliRemoteCommand * const portfolio_commands[] = {
  &list_command,
  &create_command,
  &add_command,
  &profiles_command,
  &remove_command,
  &delete_command,
};

/**
 * iwd_cli_portfolio_main:
 * @args: (inout): the arguments, starting with "portfolio"
 *
 * Runs `iwdesk-cli portfolio SUBCOMMAND`.
 *
 * Returns: the exit code
 */
int
iwd_cli_portfolio_main (GStrv *args)
{
  return iwd_cli_subcommand_main ("portfolio", portfolio_commands, G_N_ELEMENTS (portfolio_commands), args);
}
