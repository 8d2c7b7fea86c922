/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "iwd-account-id.h"
#include "iwd-account-state.h"
#include "iwd-client.h"

G_BEGIN_DECLS

#define IWD_TYPE_ACCOUNT (iwd_account_get_type ())
G_DECLARE_FINAL_TYPE (IwdAccount, iwd_account, IWD, ACCOUNT, GObject)

IwdAccount         *iwd_account_new              (const IwdAccountId *id,
                                                  IwdClient          *client,
                                                  IwdAccountState    *state,
                                                  const char         *title);

const IwdAccountId *iwd_account_get_id           (IwdAccount         *self);
IwdClient          *iwd_account_get_client       (IwdAccount         *self);
IwdAccountState    *iwd_account_get_state        (IwdAccount         *self);
const char         *iwd_account_get_title        (IwdAccount         *self);

gboolean            iwd_account_get_session_only (IwdAccount         *self);
void                iwd_account_set_session_only (IwdAccount         *self,
                                                  gboolean            session_only);

const char         *iwd_account_get_data_dir     (IwdAccount         *self);
void                iwd_account_set_data_dir     (IwdAccount         *self,
                                                  const char         *data_dir);

char               *iwd_account_key_new          (const IwdAccountId *id);
IwdAccountId       *iwd_account_key_parse        (const char         *key);

G_END_DECLS
