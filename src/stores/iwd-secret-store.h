/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <libsecret/secret.h>

#include "iwd-account-id.h"

G_BEGIN_DECLS

#define IWD_SECRET_STORE_ERROR (iwd_secret_store_error_quark ())

/**
 * IwdSecretStoreError:
 * @IWD_SECRET_STORE_ERROR_UNAVAILABLE: no secret service responds, because there
 *   is no D-Bus session bus or nothing owns org.freedesktop.secrets
 * @IWD_SECRET_STORE_ERROR_LOCKED: the keyring is locked and was not
 *   unlocked, for example because its prompt was dismissed
 *
 * Why the keyring could not be used. The user can then choose to go on
 * for this session only: nothing is ever written in plain text instead.
 * A cancelled call fails with %G_IO_ERROR_CANCELLED, never with these.
 */
typedef enum {
  IWD_SECRET_STORE_ERROR_UNAVAILABLE,
  IWD_SECRET_STORE_ERROR_LOCKED,
} IwdSecretStoreError;

#define IWD_TYPE_SECRET_STORE (iwd_secret_store_get_type ())

G_DECLARE_FINAL_TYPE (IwdSecretStore, iwd_secret_store, IWD, SECRET_STORE, GObject)

GQuark              iwd_secret_store_error_quark (void);
const SecretSchema *iwd_secret_store_get_schema  (void);

IwdSecretStore *iwd_secret_store_new (const char *collection);

void       iwd_secret_store_store_account_password         (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            const char          *password,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean   iwd_secret_store_store_account_password_finish  (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_lookup_account_password        (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char      *iwd_secret_store_lookup_account_password_finish (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_clear_account_password         (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean   iwd_secret_store_clear_account_password_finish  (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_store_field_secret             (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            const char          *profile_id,
                                                            const char          *field_key,
                                                            const char          *secret,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean   iwd_secret_store_store_field_secret_finish      (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_lookup_field_secret            (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            const char          *profile_id,
                                                            const char          *field_key,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
char      *iwd_secret_store_lookup_field_secret_finish     (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_clear_profile_secrets          (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            const char          *profile_id,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean   iwd_secret_store_clear_profile_secrets_finish   (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_clear_account                  (IwdSecretStore      *self,
                                                            const IwdAccountId  *account,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean   iwd_secret_store_clear_account_finish           (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

void       iwd_secret_store_list_accounts                  (IwdSecretStore      *self,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
GPtrArray *iwd_secret_store_list_accounts_finish           (IwdSecretStore      *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
