/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-account-id.h"
#include "iwd-cli-records.h"
#include "iwd-client.h"

G_BEGIN_DECLS

/**
 * IwdCliRemoteCommand:
 * @name: the command's name
 * @parameters: its positional parameters for the usage line, untranslated,
 *   one word each, or an empty string
 * @summary: what it does, untranslated
 * @failure: the sentence naming what failed, untranslated and without
 *   the server, which is added after it
 * @columns: (array length=n_columns): the columns it prints
 * @n_columns: the number of columns
 * @start: starts the call with the positional @arguments
 * @collect: (nullable): finishes the call and adds one row per item to
 *   @records
 * @collect_table: (nullable): finishes a call that returns a table, for
 *   a command whose @collect is %NULL
 * @entries: (nullable): the command's own options, %NULL-terminated
 * @check: (nullable): checks the @arguments and the command's own options
 *   before the password is read, so that a refusal costs no call
 * @collect_local: (nullable): for a command whose @start is %NULL: reads
 *   the rows from the account's local state instead of the services
 * @record: (nullable): after a successful call, records its outcome in
 *   the account's local state, so that IWDesk shows it
 * @check_local: (nullable): checks the @arguments against the account's
 *   local state once the account is known, before the password is read
 * @check_table: (nullable): examines the table that @collect_table
 *   returned. It fails when the table cannot be taken as the result, and
 *   may set a translated notice that is printed on standard error after
 *   the rows, such as why there are none.
 *
 * A command that signs in to the ImportWeb services and prints what one
 * call returns. A command that collects a table also takes `--output`
 * and `--export-format`, to export the table to a file. A command without
 * columns prints nothing when it succeeds.
 */
typedef struct {
  const char         *name;
  const char         *parameters;
  const char         *summary;
  const char         *failure;
  const IwdCliColumn *columns;
  gsize               n_columns;

  void     (*start)   (IwdClient           *client,
                       const char * const  *arguments,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data);
  gboolean (*collect) (IwdClient           *client,
                       GAsyncResult        *result,
                       IwdCliRecords       *records,
                       GError             **error);

  IwdTable *(*collect_table) (IwdClient     *client,
                              GAsyncResult  *result,
                              GError       **error);

  const GOptionEntry *entries;

  gboolean (*check)         (const char * const  *arguments,
                             GError             **error);
  gboolean (*collect_local) (const IwdAccountId  *account,
                             const char * const  *arguments,
                             IwdCliRecords       *records,
                             GError             **error);
  gboolean (*record)        (const IwdAccountId  *account,
                             const char * const  *arguments,
                             GError             **error);
  gboolean (*check_local)   (const IwdAccountId  *account,
                             const char * const  *arguments,
                             GError             **error);
  gboolean (*check_table)   (const IwdAccountId  *account,
                             const char * const  *arguments,
                             IwdTable            *table,
                             char               **out_notice,
                             GError             **error);
} IwdCliRemoteCommand;

/* The columns of iwd_cli_add_profile_rows(). */
#define IWD_CLI_N_PROFILE_COLUMNS 4
extern const IwdCliColumn iwd_cli_profile_columns[IWD_CLI_N_PROFILE_COLUMNS];

void iwd_cli_add_profile_rows (IwdCliRecords          *records,
                               GPtrArray              *profiles);

int iwd_cli_remote_main    (const IwdCliRemoteCommand  *command,
                            GStrv                      *args);

int iwd_cli_companies_main (GStrv                      *args);
int iwd_cli_fields_main    (GStrv                      *args);
int iwd_cli_profiles_main  (GStrv                      *args);
int iwd_cli_errors_main    (GStrv                      *args);

int iwd_cli_contracts_main   (GStrv                    *args);
int iwd_cli_commissions_main (GStrv                    *args);

int iwd_cli_portfolio_main   (GStrv                    *args);
int iwd_cli_profile_main     (GStrv                    *args);

G_END_DECLS
