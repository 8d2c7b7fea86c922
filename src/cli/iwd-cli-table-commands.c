/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-cli-error.h"
#include "iwd-cli-remote.h"
#include "iwd-cli-subcommand.h"

/* contracts */

static void
start_contracts (IwdClient           *client,
                 const char * const  *arguments,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  iwd_client_get_contracts_async (client, arguments[0], NULL, NULL,
                                  cancellable, callback, user_data);
}

static IwdTable *
collect_contracts (IwdClient     *client,
                   GAsyncResult  *result,
                   GError       **error)
{
  return iwd_client_get_contracts_finish (client, result, error);
}

/* The API has no call that reports whether the robot has finished, and
 * it returns no contract until then. As the window's contracts tab does, an
 * empty reply for a portfolio with profiles is taken as "still
 * collecting", and one without profiles as a finished, empty result. */
static gboolean
check_contracts (const IwdAccountId  *account,
                 const char * const  *arguments,
                 IwdTable            *table,
                 char               **out_notice,
                 GError             **error)
{
  g_autoptr(IwdAccountState) state = NULL;
  g_auto(GStrv) profiles = NULL;
  g_autofree char *profile_list = NULL;

  if (iwd_table_get_n_rows (table) > 0)
    return TRUE;

  state = iwd_cli_load_account_state (account, error);
  if (state == NULL)
    return FALSE;

  /* NOTE: only the profiles recorded on this computer count. A portfolio
   * filled by another client reads as having none. */
  profiles = iwd_account_state_list_portfolio_profiles (state, arguments[0]);
  if (profiles == NULL || profiles[0] == NULL)
    {
      /* Translators: both %s are the portfolio's id */
      *out_notice = g_strdup_printf (_("No contracts found for portfolio '%s': it has no profile "
                                       "recorded on this computer, so the robot has nothing to "
                                       "collect. Add one with 'iwdesk-cli portfolio add %s PROFILE'."),
                                     arguments[0], arguments[0]);
      return TRUE;
    }

  /* TODO: the account state stores no creation time, so a portfolio
   * whose robot has finished with no contract at all reads as still
   * collecting, as it does in the window. */
  profile_list = g_strjoinv (", ", profiles);
  /* Translators: the first %s is the portfolio's id, the second a list
   * of profile ids */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_COLLECTING,
               _("the robot is still collecting the contracts of portfolio '%s' (profiles: %s)"),
               arguments[0], profile_list);
  return FALSE;
}

/* Every argument is an id, which the robot would take only within the
 * window's rules. */
static gboolean
check_ids (const char * const  *arguments,
           GError             **error)
{
  for (guint i = 0; arguments[i] != NULL; i++)
    {
      if (!iwd_cli_check_id (arguments[i], error))
        return FALSE;
    }

  return TRUE;
}

static const IwdCliRemoteCommand contracts_command = {
  "contracts",
  /* Translators: the portfolio's id, as in "iwdesk-cli contracts PTF". */
  N_("PTF"),
  N_("Prints the contracts that the robot found for a portfolio, or exports "
     "them to a file with --output."),
  N_("Cannot get the contracts"),
  NULL, 0,
  start_contracts, NULL, collect_contracts, NULL, check_ids,
  NULL, NULL, NULL, check_contracts,
};

/* commissions */

static void
start_commissions (IwdClient           *client,
                   const char * const  *arguments,
                   GCancellable        *cancellable,
                   GAsyncReadyCallback  callback,
                   gpointer             user_data)
{
  iwd_client_get_commissions_async (client, arguments[0], arguments[1],
                                    IWD_COMMISSIONS_FORMAT_TSV, NULL, NULL,
                                    cancellable, callback, user_data);
}

static IwdTable *
collect_commissions (IwdClient     *client,
                     GAsyncResult  *result,
                     GError       **error)
{
  return iwd_client_get_commissions_finish (client, result, error);
}

/* A statement is a header alone until the robot has finished with the
 * profile, as the window's commissions tab takes it too. */
static gboolean
check_commissions (const IwdAccountId  *account,
                   const char * const  *arguments,
                   IwdTable            *table,
                   char               **out_notice,
                   GError             **error)
{
  if (iwd_table_get_n_rows (table) > 0)
    return TRUE;

  /* TODO: a statement that the robot finished with no line reads as
   * still being collected, because the API does not distinguish them. */
  /* Translators: the first %s is a profile's id, the second a
   * portfolio's id */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_COLLECTING,
               _("the robot is still collecting the commission statement of profile '%s' "
                 "in portfolio '%s'"),
               arguments[1], arguments[0]);
  return FALSE;
}

static const IwdCliRemoteCommand commissions_command = {
  "commissions",
  /* Translators: a portfolio's id and a robot profile's id, as in
   * "iwdesk-cli commissions PTF PROFILE". Each must stay one word. */
  N_("PTF PROFILE"),
  N_("Prints the commission statement of one profile of a portfolio, or "
     "exports it to a file with --output."),
  N_("Cannot get the commissions"),
  NULL, 0,
  start_commissions, NULL, collect_commissions, NULL, check_ids,
  NULL, NULL, NULL, check_commissions,
};

/**
 * iwd_cli_contracts_main:
 * @args: (inout): the arguments, starting with "contracts"
 *
 * Runs `iwdesk-cli contracts PTF`.
 *
 * Returns: the exit code
 */
int
iwd_cli_contracts_main (GStrv *args)
{
  return iwd_cli_remote_main (&contracts_command, args);
}

/**
 * iwd_cli_commissions_main:
 * @args: (inout): the arguments, starting with "commissions"
 *
 * Runs `iwdesk-cli commissions PTF PROFILE`.
 *
 * Returns: the exit code
 */
int
iwd_cli_commissions_main (GStrv *args)
{
  return iwd_cli_remote_main (&commissions_command, args);
}
