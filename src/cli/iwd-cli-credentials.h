/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * IwdCliCredentials:
 * @values: (transfer full): the values posted, keyed by `JSon` key, the
 *   secret ones included
 * @options: (transfer full): the `Option` of each field that applies and
 *   has a value, once each, for the URL
 * @secret_keys: (transfer full): the keys whose values go to the keyring
 *   and never to the account's state file
 *
 * What `profile save` posts for one profile, built from the company's
 * credential schema as the window's credential form builds it.
 */
typedef struct {
  JsonObject *values;
  GStrv       options;
  GStrv       secret_keys;
} IwdCliCredentials;

void     iwd_cli_credentials_clear (IwdCliCredentials   *self);

gboolean iwd_cli_credentials_build (IwdCliCredentials   *self,
                                    const char          *company,
                                    GPtrArray           *fields,
                                    JsonObject          *plain_values,
                                    JsonObject          *secret_values,
                                    const char * const  *methods,
                                    GError             **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IwdCliCredentials, iwd_cli_credentials_clear)

G_END_DECLS
