/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-account.h"

/* Separates the server from the login in an account key. Neither a URL
 * nor a HappyAssur login contains a line feed. */
#define KEY_SEPARATOR '\n'

struct _IwdAccount
{
  GObject          parent_instance;

  IwdAccountId    *id;            /* owned */
  IwdClient       *client;        /* owned: signs its requests as this account */
  IwdAccountState *state;         /* owned, nullable: the local state */
  char            *title;         /* owned: the name shown in the account menu */
  char            *data_dir;      /* owned, nullable: the parent of iwdesk/accounts/ for this account */
  gboolean         session_only;  /* the password is in memory only */
};

G_DEFINE_FINAL_TYPE (IwdAccount, iwd_account, G_TYPE_OBJECT)

static void
iwd_account_finalize (GObject *object)
{
  IwdAccount *self = IWD_ACCOUNT (object);

  g_clear_pointer (&self->id, iwd_account_id_free);
  g_clear_object (&self->client);
  g_clear_object (&self->state);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->data_dir, g_free);

  G_OBJECT_CLASS (iwd_account_parent_class)->finalize (object);
}

static void
iwd_account_class_init (IwdAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_account_finalize;
}

static void
iwd_account_init (IwdAccount *self)
{
}

/**
 * iwd_account_new:
 * @id: the server and login of the account
 * @client: a client whose credentials are those of the account
 * @state: (nullable): the account's local state, already loaded
 * @title: the name to show for the account
 *
 * Creates a signed-in account: what the window needs to show the pages
 * of one HappyAssur account.
 *
 * Returns: (transfer full): a new #IwdAccount
 */
IwdAccount *
iwd_account_new (const IwdAccountId *id,
                 IwdClient          *client,
                 IwdAccountState    *state,
                 const char         *title)
{
  IwdAccount *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (state == NULL || IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  self = g_object_new (IWD_TYPE_ACCOUNT, NULL);
  self->id = iwd_account_id_copy (id);
  self->client = g_object_ref (client);
  self->state = state != NULL ? g_object_ref (state) : NULL;
  self->title = g_strdup (title);

  return self;
}

/**
 * iwd_account_get_id:
 * @self: an account
 *
 * Returns: (transfer none): the server and login of the account
 */
const IwdAccountId *
iwd_account_get_id (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), NULL);

  return self->id;
}

/**
 * iwd_account_get_client:
 * @self: an account
 *
 * Returns: (transfer none): the client that signs its calls as this account
 */
IwdClient *
iwd_account_get_client (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), NULL);

  return self->client;
}

/**
 * iwd_account_get_state:
 * @self: an account
 *
 * Returns: (transfer none) (nullable): the local state of the account:
 *   its portfolios and the profile values remembered on this computer
 */
IwdAccountState *
iwd_account_get_state (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), NULL);

  return self->state;
}

/**
 * iwd_account_get_title:
 * @self: an account
 *
 * Returns: the name shown for the account in the account menu
 */
const char *
iwd_account_get_title (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), NULL);

  return self->title;
}

/**
 * iwd_account_get_session_only:
 * @self: an account
 *
 * Returns: %TRUE if the password is kept in memory only, because the
 *   keyring could not store it or the account is the demo
 */
gboolean
iwd_account_get_session_only (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), FALSE);

  return self->session_only;
}

/**
 * iwd_account_set_session_only:
 * @self: an account
 * @session_only: whether the password is kept in memory only
 *
 * Marks whether the password of the account is in the keyring.
 */
void
iwd_account_set_session_only (IwdAccount *self,
                              gboolean    session_only)
{
  g_return_if_fail (IWD_IS_ACCOUNT (self));

  self->session_only = !!session_only;
}

/**
 * iwd_account_key_new:
 * @id: an account
 *
 * Encodes @id as one string, the target of the window's account action.
 *
 * Returns: (transfer full): the key, to parse with iwd_account_key_parse()
 */
char *
iwd_account_key_new (const IwdAccountId *id)
{
  g_return_val_if_fail (id != NULL, NULL);

  return g_strdup_printf ("%s%c%s", id->server, KEY_SEPARATOR, id->login);
}

/**
 * iwd_account_key_parse:
 * @key: a key made by iwd_account_key_new()
 *
 * Decodes an account key.
 *
 * Returns: (transfer full) (nullable): the account, or %NULL if @key is
 *   empty or has no separator
 */
IwdAccountId *
iwd_account_key_parse (const char *key)
{
  const char *separator;
  g_autofree char *server = NULL;

  g_return_val_if_fail (key != NULL, NULL);

  separator = strchr (key, KEY_SEPARATOR);
  if (separator == NULL)
    return NULL;

  server = g_strndup (key, separator - key);

  return iwd_account_id_new (server, separator + 1);
}

/**
 * iwd_account_get_data_dir:
 * @self: an account
 *
 * Returns: (nullable): the folder whose `iwdesk/accounts/` holds the
 *   account's local files, or %NULL when the account keeps none
 */
const char *
iwd_account_get_data_dir (IwdAccount *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT (self), NULL);

  return self->data_dir;
}

/**
 * iwd_account_set_data_dir:
 * @self: an account
 * @data_dir: (nullable): the folder whose `iwdesk/accounts/` holds the
 *   account's local files, as given to iwd_account_state_new()
 *
 * Records where the account's files live, so that files beside the
 * account state, such as the robot errors already seen, go to the same
 * folder: the user's data folder, or the demo's temporary one.
 */
void
iwd_account_set_data_dir (IwdAccount *self,
                          const char *data_dir)
{
  g_return_if_fail (IWD_IS_ACCOUNT (self));

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
}
