/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-client.h"

G_BEGIN_DECLS

void  iwd_collect_errors_describe_async  (IwdClient           *client,
                                          const char * const  *profile_ids,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data);
char *iwd_collect_errors_describe_finish (GAsyncResult        *result,
                                          GError             **error);

void  iwd_collect_errors_complete_status (AdwStatusPage       *status,
                                          const char          *waiting,
                                          IwdClient           *client,
                                          const char * const  *profile_ids,
                                          GCancellable        *cancellable);

G_END_DECLS
