/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "iwd-account.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_ACCOUNT_MANAGER (iwd_account_manager_get_type ())
G_DECLARE_FINAL_TYPE (IwdAccountManager, iwd_account_manager, IWD, ACCOUNT_MANAGER, GObject)

IwdAccountManager *iwd_account_manager_new                (SoupSession          *session,
                                                           IwdSecretStore       *secrets,
                                                           const char           *data_dir);

IwdSecretStore    *iwd_account_manager_get_secret_store   (IwdAccountManager    *self);
const char        *iwd_account_manager_get_data_dir       (IwdAccountManager    *self);

const char        *iwd_account_manager_get_default_server (IwdAccountManager    *self);
void               iwd_account_manager_set_default_server (IwdAccountManager    *self,
                                                           const char           *server);
char              *iwd_account_manager_dup_production_server (IwdAccountManager *self);

IwdClient         *iwd_account_manager_new_client         (IwdAccountManager    *self,
                                                           const char           *server,
                                                           GError              **error);
char              *iwd_account_manager_dup_title          (IwdAccountManager    *self,
                                                           const IwdAccountId   *id);

IwdAccount        *iwd_account_manager_create_demo_account (IwdAccountManager   *self,
                                                           const char           *server,
                                                           IwdClient            *client,
                                                           GError              **error);

void               iwd_account_manager_sign_in_async      (IwdAccountManager    *self,
                                                           const IwdAccountId   *id,
                                                           const char           *password,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
IwdAccount        *iwd_account_manager_sign_in_finish     (IwdAccountManager    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void               iwd_account_manager_restore_async      (IwdAccountManager    *self,
                                                           const IwdAccountId   *id,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
IwdAccount        *iwd_account_manager_restore_finish     (IwdAccountManager    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void               iwd_account_manager_save_async         (IwdAccountManager    *self,
                                                           IwdAccount           *account,
                                                           const char           *password,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           iwd_account_manager_save_finish        (IwdAccountManager    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void               iwd_account_manager_remember_last      (IwdAccountManager    *self,
                                                           IwdAccount           *account);
IwdAccountId      *iwd_account_manager_dup_last_account   (IwdAccountManager    *self);

void               iwd_account_manager_sign_out_async     (IwdAccountManager    *self,
                                                           IwdAccount           *account,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean           iwd_account_manager_sign_out_finish    (IwdAccountManager    *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

void               iwd_account_manager_list_accounts_async (IwdAccountManager   *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
GPtrArray         *iwd_account_manager_list_accounts_finish (IwdAccountManager  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

G_END_DECLS
