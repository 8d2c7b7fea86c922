/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdAccountId:
 * @server: the server base URL the account signs in to, compared as is
 * @login: the HappyAssur login
 *
 * The identity of one HappyAssur account on one server. The keyring and
 * the state files key everything an account owns by this pair.
 */
typedef struct {
  char *server;
  char *login;
} IwdAccountId;

#define IWD_TYPE_ACCOUNT_ID (iwd_account_id_get_type ())

GType         iwd_account_id_get_type     (void) G_GNUC_CONST;
IwdAccountId *iwd_account_id_new          (const char         *server,
                                           const char         *login);
IwdAccountId *iwd_account_id_copy         (const IwdAccountId *self);
void          iwd_account_id_free         (IwdAccountId       *self);
gboolean      iwd_account_id_equal        (const IwdAccountId *a,
                                           const IwdAccountId *b);
int           iwd_account_id_compare      (const IwdAccountId *a,
                                           const IwdAccountId *b);
char         *iwd_account_id_dup_dir_name (const IwdAccountId *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdAccountId, iwd_account_id_free)

G_END_DECLS
