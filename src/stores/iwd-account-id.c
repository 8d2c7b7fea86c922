/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "iwd-account-id.h"

G_DEFINE_BOXED_TYPE (IwdAccountId, iwd_account_id,
                     iwd_account_id_copy, iwd_account_id_free)

/**
 * iwd_account_id_new:
 * @server: the server base URL
 * @login: the HappyAssur login
 *
 * Creates an account identity from copies of @server and @login.
 *
 * Returns: (transfer full): a new #IwdAccountId
 */
IwdAccountId *
iwd_account_id_new (const char *server,
                    const char *login)
{
  IwdAccountId *self;

  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (login != NULL, NULL);

  self = g_new0 (IwdAccountId, 1);
  self->server = g_strdup (server);
  self->login = g_strdup (login);

  return self;
}

/**
 * iwd_account_id_copy:
 * @self: an account identity
 *
 * Returns: (transfer full): a deep copy of @self
 */
IwdAccountId *
iwd_account_id_copy (const IwdAccountId *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return iwd_account_id_new (self->server, self->login);
}

/**
 * iwd_account_id_free:
 * @self: (nullable): an account identity
 *
 * Frees @self and its strings.
 */
void
iwd_account_id_free (IwdAccountId *self)
{
  if (self == NULL)
    return;

  g_free (self->server);
  g_free (self->login);
  g_free (self);
}

/**
 * iwd_account_id_equal:
 * @a: an account identity
 * @b: another account identity
 *
 * Returns: whether @a and @b have the same server and login
 */
gboolean
iwd_account_id_equal (const IwdAccountId *a,
                      const IwdAccountId *b)
{
  return iwd_account_id_compare (a, b) == 0;
}

/**
 * iwd_account_id_compare:
 * @a: an account identity
 * @b: another account identity
 *
 * Orders identities by server, then by login, byte by byte.
 *
 * Returns: a negative number, zero or a positive number, like strcmp()
 */
int
iwd_account_id_compare (const IwdAccountId *a,
                        const IwdAccountId *b)
{
  int by_server;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  by_server = g_strcmp0 (a->server, b->server);
  if (by_server != 0)
    return by_server;

  return g_strcmp0 (a->login, b->login);
}

/**
 * iwd_account_id_dup_dir_name:
 * @self: an account identity
 *
 * Computes the name of the folder of this account's local state. It is
 * the SHA-256 of the server and the login, so that a login never appears
 * in a path and any characters of either are safe in a file name.
 *
 * Returns: (transfer full): 64 lower-case hexadecimal digits
 */
char *
iwd_account_id_dup_dir_name (const IwdAccountId *self)
{
  g_autoptr(GChecksum) checksum = NULL;
  static const guchar separator = '\0';

  g_return_val_if_fail (self != NULL, NULL);

  /* The NUL between the two keeps ("ab", "c") apart from ("a", "bc"). */
  checksum = g_checksum_new (G_CHECKSUM_SHA256);
  g_checksum_update (checksum, (const guchar *) self->server, -1);
  g_checksum_update (checksum, &separator, 1);
  g_checksum_update (checksum, (const guchar *) self->login, -1);

  return g_strdup (g_checksum_get_string (checksum));
}
