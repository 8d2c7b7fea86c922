/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

#include "iwd-sandbox-records.h"

G_BEGIN_DECLS

#define IWD_TYPE_SANDBOX_ACCOUNT (iwd_sandbox_account_get_type ())
G_DECLARE_FINAL_TYPE (IwdSandboxAccount, iwd_sandbox_account, IWD, SANDBOX_ACCOUNT, GObject)

IwdSandboxAccount   *iwd_sandbox_account_new              (const char        *login,
                                                           const char        *password);
const char          *iwd_sandbox_account_get_login        (IwdSandboxAccount *self);
gboolean             iwd_sandbox_account_check_password   (IwdSandboxAccount *self,
                                                           const char        *password);

IwdSandboxProfile   *iwd_sandbox_account_save_profile     (IwdSandboxAccount *self,
                                                           const char        *company,
                                                           const char        *profile_id,
                                                           JsonObject        *values,
                                                           const char        *options,
                                                           gboolean           login_error);
IwdSandboxProfile   *iwd_sandbox_account_lookup_profile   (IwdSandboxAccount *self,
                                                           const char        *profile_id);
gboolean             iwd_sandbox_account_delete_profile   (IwdSandboxAccount *self,
                                                           const char        *profile_id);
GPtrArray           *iwd_sandbox_account_get_profiles     (IwdSandboxAccount *self);
void                 iwd_sandbox_account_force_task       (IwdSandboxAccount *self,
                                                           IwdSandboxProfile *profile,
                                                           const char        *method);
GPtrArray           *iwd_sandbox_account_get_errors       (IwdSandboxAccount *self);

IwdSandboxPortfolio *iwd_sandbox_account_save_portfolio   (IwdSandboxAccount *self,
                                                           const char        *portfolio_id);
IwdSandboxPortfolio *iwd_sandbox_account_lookup_portfolio (IwdSandboxAccount *self,
                                                           const char        *portfolio_id);
gboolean             iwd_sandbox_account_delete_portfolio (IwdSandboxAccount *self,
                                                           const char        *portfolio_id);

G_END_DECLS
