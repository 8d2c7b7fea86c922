/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-account-id.h"
#include "iwd-client.h"

G_BEGIN_DECLS

#define IWD_TYPE_ERROR_MONITOR (iwd_error_monitor_get_type ())
G_DECLARE_FINAL_TYPE (IwdErrorMonitor, iwd_error_monitor, IWD, ERROR_MONITOR, GObject)

IwdErrorMonitor *iwd_error_monitor_new             (IwdClient           *client,
                                                    GSettings           *settings,
                                                    const char          *seen_path);
char            *iwd_error_monitor_dup_seen_path   (const char          *base_dir,
                                                    const IwdAccountId  *account);

void             iwd_error_monitor_set_application (IwdErrorMonitor     *self,
                                                    GApplication        *application);
guint            iwd_error_monitor_get_new_count   (IwdErrorMonitor     *self);
void             iwd_error_monitor_clear_new_count (IwdErrorMonitor     *self);
void             iwd_error_monitor_bind_badge      (IwdErrorMonitor     *self,
                                                    AdwViewStackPage    *page);

void             iwd_error_monitor_start           (IwdErrorMonitor     *self);
void             iwd_error_monitor_stop            (IwdErrorMonitor     *self);

void             iwd_error_monitor_check_async     (IwdErrorMonitor     *self,
                                                    GCancellable        *cancellable,
                                                    GAsyncReadyCallback  callback,
                                                    gpointer             user_data);
gboolean         iwd_error_monitor_check_finish    (IwdErrorMonitor     *self,
                                                    GAsyncResult        *result,
                                                    guint               *out_new_errors,
                                                    GError             **error);

G_END_DECLS
