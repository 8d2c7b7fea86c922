/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-account-state.h"
#include "iwd-cli-remote.h"

G_BEGIN_DECLS

/**
 * IwdCliCall:
 * @finish: the finish function of a call that only succeeds or fails
 *
 * A call whose result is success alone, so that it fits the collect
 * slot of an #IwdCliRemoteCommand through iwd_cli_call_collect().
 */
typedef struct {
  gboolean (*finish) (IwdClient     *client,
                      GAsyncResult  *result,
                      GError       **error);
} IwdCliCall;

GTask    *iwd_cli_call_task_new   (IwdClient                         *client,
                                   const IwdCliCall                  *call,
                                   GCancellable                      *cancellable,
                                   GAsyncReadyCallback                callback,
                                   gpointer                           user_data);
void      iwd_cli_call_done       (GObject                           *source,
                                   GAsyncResult                      *result,
                                   gpointer                           user_data);
gboolean  iwd_cli_call_collect    (IwdClient                         *client,
                                   GAsyncResult                      *result,
                                   IwdCliRecords                     *records,
                                   GError                           **error);

gboolean  iwd_cli_check_id        (const char                        *id,
                                   GError                           **error);

IwdAccountState *iwd_cli_load_account_state (const IwdAccountId  *account,
                                             GError             **error);
gboolean  iwd_cli_ignore_not_found (GError                          **error);

int       iwd_cli_subcommand_main (const char                        *group,
                                   const IwdCliRemoteCommand * const *commands,
                                   gsize                              n_commands,
                                   GStrv                             *args);

G_END_DECLS
