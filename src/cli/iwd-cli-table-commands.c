/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

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
