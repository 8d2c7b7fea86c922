/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* Defaults of a new sandbox, also shown in iwdesk-sandbox --help. */
#define IWD_SANDBOX_DEFAULT_ROBOT_DELAY_MS 3000
#define IWD_SANDBOX_DEFAULT_CONTRACTS 40
#define IWD_SANDBOX_DEFAULT_COMMISSIONS 250

#define IWD_TYPE_SANDBOX (iwd_sandbox_get_type ())
G_DECLARE_FINAL_TYPE (IwdSandbox, iwd_sandbox, IWD, SANDBOX, GObject)

IwdSandbox *iwd_sandbox_new               (guint64      seed);

void        iwd_sandbox_add_account       (IwdSandbox  *self,
                                           const char  *login,
                                           const char  *password);
void        iwd_sandbox_set_robot_delay   (IwdSandbox  *self,
                                           guint        milliseconds);
void        iwd_sandbox_set_sizes         (IwdSandbox  *self,
                                           guint        contracts_per_profile,
                                           guint        commissions_per_profile);
gboolean    iwd_sandbox_set_fixtures_dir  (IwdSandbox  *self,
                                           const char  *path,
                                           GError     **error);

gboolean    iwd_sandbox_start             (IwdSandbox  *self,
                                           guint        port,
                                           GError     **error);
void        iwd_sandbox_stop              (IwdSandbox  *self);
char       *iwd_sandbox_dup_base_url      (IwdSandbox  *self);

GStrv       iwd_sandbox_list_fixture_names (void);

G_END_DECLS
