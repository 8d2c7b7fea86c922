/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "iwd-account-id.h"
#include "iwd-portfolio-options.h"
#include "iwd-profile-record.h"
#include "iwd-state-error.h"

G_BEGIN_DECLS

/* The layout that iwd_account_state_save() writes. */
#define IWD_ACCOUNT_STATE_VERSION 2

#define IWD_TYPE_ACCOUNT_STATE (iwd_account_state_get_type ())

G_DECLARE_FINAL_TYPE (IwdAccountState, iwd_account_state, IWD, ACCOUNT_STATE, GObject)

IwdAccountState           *iwd_account_state_new                     (const char                *base_dir,
                                                                      const IwdAccountId        *account);
GPtrArray                 *iwd_account_state_list_accounts           (const char                *base_dir);
const IwdAccountId        *iwd_account_state_get_account             (IwdAccountState           *self);
const char                *iwd_account_state_get_path                (IwdAccountState           *self);
const char                *iwd_account_state_get_recovered_from      (IwdAccountState           *self);

gboolean                   iwd_account_state_load                    (IwdAccountState           *self,
                                                                      GError                   **error);
gboolean                   iwd_account_state_save                    (IwdAccountState           *self,
                                                                      GError                   **error);

gboolean                   iwd_account_state_add_portfolio           (IwdAccountState           *self,
                                                                      const char                *portfolio_id,
                                                                      const IwdPortfolioOptions *options,
                                                                      GError                   **error);
gboolean                   iwd_account_state_remove_portfolio        (IwdAccountState           *self,
                                                                      const char                *portfolio_id,
                                                                      GStrv                     *removed_profiles,
                                                                      GError                   **error);
GStrv                      iwd_account_state_list_portfolios         (IwdAccountState           *self);
const IwdPortfolioOptions *iwd_account_state_get_portfolio_options   (IwdAccountState           *self,
                                                                      const char                *portfolio_id);
GStrv                      iwd_account_state_list_portfolio_profiles (IwdAccountState           *self,
                                                                      const char                *portfolio_id);

gboolean                   iwd_account_state_set_profile             (IwdAccountState           *self,
                                                                      const IwdProfileRecord    *record,
                                                                      GError                   **error);
const IwdProfileRecord    *iwd_account_state_get_profile             (IwdAccountState           *self,
                                                                      const char                *profile_id);
gboolean                   iwd_account_state_remove_profile          (IwdAccountState           *self,
                                                                      const char                *profile_id,
                                                                      GError                   **error);
GStrv                      iwd_account_state_list_profiles           (IwdAccountState           *self);

gboolean                   iwd_account_state_link_profile            (IwdAccountState           *self,
                                                                      const char                *portfolio_id,
                                                                      const char                *profile_id,
                                                                      GError                   **error);
gboolean                   iwd_account_state_unlink_profile          (IwdAccountState           *self,
                                                                      const char                *portfolio_id,
                                                                      const char                *profile_id,
                                                                      GError                   **error);

G_END_DECLS
