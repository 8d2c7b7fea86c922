/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-profile-editor.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_PROFILE_CREATOR (iwd_profile_creator_get_type ())
G_DECLARE_FINAL_TYPE (IwdProfileCreator, iwd_profile_creator, IWD, PROFILE_CREATOR, AdwWindow)

GtkWidget        *iwd_profile_creator_new                 (IwdClient         *client,
                                                           IwdAccountState   *state,
                                                           IwdSecretStore    *secrets,
                                                           const char        *portfolio_id);
void              iwd_profile_creator_set_error_formatter (IwdProfileCreator *self,
                                                           IwdErrorFormatter  formatter);
void              iwd_profile_creator_choose_company      (IwdProfileCreator *self,
                                                           const char        *company,
                                                           const char        *company_label);
IwdProfileEditor *iwd_profile_creator_get_editor          (IwdProfileCreator *self);

G_END_DECLS
