/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-secret-store.h"

/* Values of the schema's "kind" attribute. */
#define KIND_ACCOUNT       "account"
#define KIND_PROFILE_FIELD "profile-field"

struct _IwdSecretStore
{
  GObject  parent_instance;

  char    *collection;  /* owned, nullable: NULL is the default collection */
};

G_DEFINE_FINAL_TYPE (IwdSecretStore, iwd_secret_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (iwd-secret-store-error-quark, iwd_secret_store_error)

enum {
  PROP_0,
  PROP_COLLECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GTask *
new_task (IwdSecretStore      *self,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             user_data,
          gpointer             source_tag)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);

  return task;
}

static gboolean
is_dismissed_prompt (GTask        *task,
                     const GError *error)
{
  GCancellable *cancellable = g_task_get_cancellable (task);

  /* A cancellation the caller did not request can only come from the
   * unlock prompt, so it counts as a locked keyring. A prompt that fails
   * headless gives no error at all instead: see search_locked_items().
   * TODO: a prompt dismissed in a real dialog is untested. */
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)
         && (cancellable == NULL || !g_cancellable_is_cancelled (cancellable));
}

/* Turns a libsecret or D-Bus error into an IwdSecretStoreError, keeping a
 * cancellation by the caller as it is. Takes ownership of @error. */
static GError *
map_secret_error (GTask  *task,
                  GError *error)
{
  g_autoptr(GError) owned = error;
  int code;

  if (g_error_matches (owned, G_IO_ERROR, G_IO_ERROR_CANCELLED) && !is_dismissed_prompt (task, owned))
    return g_steal_pointer (&owned);

  if (g_error_matches (owned, SECRET_ERROR, SECRET_ERROR_IS_LOCKED) || is_dismissed_prompt (task, owned))
    code = IWD_SECRET_STORE_ERROR_LOCKED;
  else
    code = IWD_SECRET_STORE_ERROR_UNAVAILABLE;

  return g_error_new (IWD_SECRET_STORE_ERROR, code,
                      "keyring %s: %s",
                      code == IWD_SECRET_STORE_ERROR_LOCKED ? "locked" : "unavailable",
                      owned->message);
}

static void
add_account_id (GPtrArray         *accounts,
                SecretRetrievable *item)
{
  g_autoptr(GHashTable) attributes = secret_retrievable_get_attributes (item);
  const char *server = g_hash_table_lookup (attributes, "server");
  const char *login = g_hash_table_lookup (attributes, "login");

  if (server == NULL || login == NULL)
    return;

  g_ptr_array_add (accounts, iwd_account_id_new (server, login));
}

static int
compare_account_ids (gconstpointer a,
                     gconstpointer b)
{
  const IwdAccountId *first = *(IwdAccountId * const *) a;
  const IwdAccountId *second = *(IwdAccountId * const *) b;

  return iwd_account_id_compare (first, second);
}

/* Sorts @accounts and drops repeats, in case an account was stored in two
 * collections. */
static void
sort_unique_account_ids (GPtrArray *accounts)
{
  guint i = 1;

  g_ptr_array_sort (accounts, compare_account_ids);

  while (i < accounts->len)
    {
      if (iwd_account_id_equal (g_ptr_array_index (accounts, i - 1),
                                g_ptr_array_index (accounts, i)))
        g_ptr_array_remove_index (accounts, i);
      else
        i++;
    }
}

static gboolean
has_locked_item (GList *items)
{
  for (GList *l = items; l != NULL; l = l->next)
    {
      if (SECRET_IS_ITEM (l->data) && secret_item_get_locked (l->data))
        return TRUE;
    }

  return FALSE;
}

static void
on_password_stored (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (!secret_password_store_finish (result, &error))
    {
      g_task_return_error (task, map_secret_error (task, error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_locked_items_searched (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autolist(GObject) items = NULL;
  GError *error = NULL;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_secret_error (task, error));
      return;
    }

  if (has_locked_item (items))
    {
      g_task_return_new_error (task, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_LOCKED,
                               "keyring locked: its unlock prompt failed");
      return;
    }

  g_task_return_pointer (task, NULL, NULL);
}

/* libsecret 0.20 returns no password and no error both when nothing
 * matches and when a matching item stayed locked because its unlock
 * prompt failed, as it does on a session without a display. A search
 * that does not unlock tells the two apart. */
static void
search_locked_items (GTask *task)
{
  GHashTable *attributes = g_task_get_task_data (task);

  secret_password_searchv (iwd_secret_store_get_schema (), attributes, SECRET_SEARCH_ALL,
                           g_task_get_cancellable (task), on_locked_items_searched, task);
}

static void
on_password_looked_up (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  char *password;

  password = secret_password_lookup_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_secret_error (task, error));
      return;
    }

  if (password == NULL)
    {
      search_locked_items (g_steal_pointer (&task));
      return;
    }

  g_task_return_pointer (task, password, (GDestroyNotify) secret_password_free);
}

static void
on_passwords_cleared (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  /* FALSE without an error only means that nothing matched. */
  if (!secret_password_clear_finish (result, &error) && error != NULL)
    {
      g_task_return_error (task, map_secret_error (task, error));
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_accounts_searched (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GPtrArray) accounts = NULL;
  GError *error = NULL;
  GList *items;

  items = secret_password_search_finish (result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, map_secret_error (task, error));
      return;
    }

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_account_id_free);
  for (GList *l = items; l != NULL; l = l->next)
    add_account_id (accounts, l->data);
  g_list_free_full (items, g_object_unref);

  sort_unique_account_ids (accounts);
  g_task_return_pointer (task, g_steal_pointer (&accounts), (GDestroyNotify) g_ptr_array_unref);
}

/* Keeps @attributes with @task, for the search that may follow a look-up,
 * and starts the look-up. Takes ownership of @task and @attributes. */
static void
lookup_password (GTask      *task,
                 GHashTable *attributes)
{
  g_task_set_task_data (task, attributes, (GDestroyNotify) g_hash_table_unref);

  secret_password_lookupv (iwd_secret_store_get_schema (), attributes,
                           g_task_get_cancellable (task), on_password_looked_up, task);
}

static void
iwd_secret_store_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdSecretStore *self = IWD_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      g_value_set_string (value, self->collection);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_secret_store_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IwdSecretStore *self = IWD_SECRET_STORE (object);

  switch (prop_id)
    {
    case PROP_COLLECTION:
      self->collection = g_value_dup_string (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_secret_store_finalize (GObject *object)
{
  IwdSecretStore *self = IWD_SECRET_STORE (object);

  g_clear_pointer (&self->collection, g_free);

  G_OBJECT_CLASS (iwd_secret_store_parent_class)->finalize (object);
}

static void
iwd_secret_store_class_init (IwdSecretStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = iwd_secret_store_get_property;
  object_class->set_property = iwd_secret_store_set_property;
  object_class->finalize = iwd_secret_store_finalize;

  /**
   * IwdSecretStore:collection:
   *
   * The alias or D-Bus path of the keyring collection that new secrets
   * go to, %NULL for the default one. %SECRET_COLLECTION_SESSION keeps
   * them until the user logs out. Look-ups and removals search every
   * collection.
   */
  properties[PROP_COLLECTION] =
    g_param_spec_string ("collection", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_secret_store_init (IwdSecretStore *self)
{
}

/**
 * iwd_secret_store_get_schema:
 *
 * Returns the schema of every keyring item IWDesk writes. Its name is the
 * application id. Its attributes are `kind` ("account" or
 * "profile-field"), `server` and `login`. Profile fields also have
 * `profile` (the profile id) and `field` (the field's `JSon` key).
 *
 * Returns: (transfer none): the schema
 */
const SecretSchema *
iwd_secret_store_get_schema (void)
{
  static const SecretSchema schema = {
    APP_ID, SECRET_SCHEMA_NONE,
    {
      { "kind", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "server", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "login", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "profile", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { "field", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

/**
 * iwd_secret_store_new:
 * @collection: (nullable): the collection new secrets go to, %NULL for
 *   the default one
 *
 * Creates a store of IWDesk's passwords in the system keyring.
 *
 * Returns: (transfer full): a new #IwdSecretStore
 */
IwdSecretStore *
iwd_secret_store_new (const char *collection)
{
  return g_object_new (IWD_TYPE_SECRET_STORE,
                       "collection", collection,
                       NULL);
}

/**
 * iwd_secret_store_store_account_password:
 * @self: a secret store
 * @account: the HappyAssur account
 * @password: its password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the password is stored
 * @user_data: data for @callback
 *
 * Stores the password of a HappyAssur account, replacing any earlier one.
 */
void
iwd_secret_store_store_account_password (IwdSecretStore      *self,
                                         const IwdAccountId  *account,
                                         const char          *password,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (password != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_store_account_password);

  /* Translators: the name of a keyring item, as shown in Passwords and
   * Keys. The first %s is a login, the second a server address. */
  label = g_strdup_printf (_("IWDesk: HappyAssur account %s on %s"),
                           account->login, account->server);

  secret_password_store (iwd_secret_store_get_schema (), self->collection,
                         label, password, cancellable, on_password_stored, task,
                         "kind", KIND_ACCOUNT,
                         "server", account->server,
                         "login", account->login,
                         NULL);
}

/**
 * iwd_secret_store_store_account_password_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_store_account_password().
 *
 * Returns: %TRUE if the password is stored
 */
gboolean
iwd_secret_store_store_account_password_finish (IwdSecretStore  *self,
                                                GAsyncResult    *result,
                                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_secret_store_lookup_account_password:
 * @self: a secret store
 * @account: the HappyAssur account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the look-up ends
 * @user_data: data for @callback
 *
 * Looks up the password of a HappyAssur account.
 */
void
iwd_secret_store_lookup_account_password (IwdSecretStore      *self,
                                          const IwdAccountId  *account,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_lookup_account_password);

  lookup_password (task, secret_attributes_build (iwd_secret_store_get_schema (),
                                                 "kind", KIND_ACCOUNT,
                                                 "server", account->server,
                                                 "login", account->login,
                                                 NULL));
}

/**
 * iwd_secret_store_lookup_account_password_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_lookup_account_password(). %NULL without an
 * error means that no password is stored.
 *
 * Returns: (transfer full) (nullable): the password, to free with
 *   secret_password_free(), which also wipes it
 */
char *
iwd_secret_store_lookup_account_password_finish (IwdSecretStore  *self,
                                                 GAsyncResult    *result,
                                                 GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_secret_store_clear_account_password:
 * @self: a secret store
 * @account: the HappyAssur account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the password is removed
 * @user_data: data for @callback
 *
 * Removes the password of a HappyAssur account, and nothing else of it.
 */
void
iwd_secret_store_clear_account_password (IwdSecretStore      *self,
                                         const IwdAccountId  *account,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_clear_account_password);

  secret_password_clear (iwd_secret_store_get_schema (), cancellable,
                         on_passwords_cleared, task,
                         "kind", KIND_ACCOUNT,
                         "server", account->server,
                         "login", account->login,
                         NULL);
}

/**
 * iwd_secret_store_clear_account_password_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_clear_account_password().
 *
 * Returns: %TRUE if no password of the account is left, including when
 *   there was none
 */
gboolean
iwd_secret_store_clear_account_password_finish (IwdSecretStore  *self,
                                                GAsyncResult    *result,
                                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_secret_store_store_field_secret:
 * @self: a secret store
 * @account: the HappyAssur account that owns the profile
 * @profile_id: the profile id
 * @field_key: the field's `JSon` key
 * @secret: the value the broker typed
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secret is stored
 * @user_data: data for @callback
 *
 * Stores the value of a secret field of an insurer's login form, such as
 * a password, replacing any earlier one.
 */
void
iwd_secret_store_store_field_secret (IwdSecretStore      *self,
                                     const IwdAccountId  *account,
                                     const char          *profile_id,
                                     const char          *field_key,
                                     const char          *secret,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autofree char *label = NULL;
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (field_key != NULL);
  g_return_if_fail (secret != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_store_field_secret);

  /* Translators: the name of a keyring item, as shown in Passwords and
   * Keys. The first %s is the name of a field of an insurer's login form,
   * such as "Password". The second %s is the id of an insurer profile. */
  label = g_strdup_printf (_("IWDesk: %s of profile %s"), field_key, profile_id);

  secret_password_store (iwd_secret_store_get_schema (), self->collection,
                         label, secret, cancellable, on_password_stored, task,
                         "kind", KIND_PROFILE_FIELD,
                         "server", account->server,
                         "login", account->login,
                         "profile", profile_id,
                         "field", field_key,
                         NULL);
}

/**
 * iwd_secret_store_store_field_secret_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_store_field_secret().
 *
 * Returns: %TRUE if the secret is stored
 */
gboolean
iwd_secret_store_store_field_secret_finish (IwdSecretStore  *self,
                                            GAsyncResult    *result,
                                            GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_secret_store_lookup_field_secret:
 * @self: a secret store
 * @account: the HappyAssur account that owns the profile
 * @profile_id: the profile id
 * @field_key: the field's `JSon` key
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the look-up ends
 * @user_data: data for @callback
 *
 * Looks up the value of a secret field of a profile.
 */
void
iwd_secret_store_lookup_field_secret (IwdSecretStore      *self,
                                      const IwdAccountId  *account,
                                      const char          *profile_id,
                                      const char          *field_key,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (field_key != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_lookup_field_secret);

  lookup_password (task, secret_attributes_build (iwd_secret_store_get_schema (),
                                                 "kind", KIND_PROFILE_FIELD,
                                                 "server", account->server,
                                                 "login", account->login,
                                                 "profile", profile_id,
                                                 "field", field_key,
                                                 NULL));
}

/**
 * iwd_secret_store_lookup_field_secret_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_lookup_field_secret(). %NULL without an error
 * means that no value is stored.
 *
 * Returns: (transfer full) (nullable): the value, to free with
 *   secret_password_free(), which also wipes it
 */
char *
iwd_secret_store_lookup_field_secret_finish (IwdSecretStore  *self,
                                             GAsyncResult    *result,
                                             GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_secret_store_clear_profile_secrets:
 * @self: a secret store
 * @account: the HappyAssur account that owns the profile
 * @profile_id: the profile id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secrets are removed
 * @user_data: data for @callback
 *
 * Removes the values of every secret field of one profile.
 */
void
iwd_secret_store_clear_profile_secrets (IwdSecretStore      *self,
                                        const IwdAccountId  *account,
                                        const char          *profile_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);
  g_return_if_fail (profile_id != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_clear_profile_secrets);

  secret_password_clear (iwd_secret_store_get_schema (), cancellable,
                         on_passwords_cleared, task,
                         "kind", KIND_PROFILE_FIELD,
                         "server", account->server,
                         "login", account->login,
                         "profile", profile_id,
                         NULL);
}

/**
 * iwd_secret_store_clear_profile_secrets_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_clear_profile_secrets().
 *
 * Returns: %TRUE if no secret of the profile is left, including when
 *   there was none
 */
gboolean
iwd_secret_store_clear_profile_secrets_finish (IwdSecretStore  *self,
                                               GAsyncResult    *result,
                                               GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_secret_store_clear_account:
 * @self: a secret store
 * @account: the HappyAssur account
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secrets are removed
 * @user_data: data for @callback
 *
 * Removes every keyring item of one account: its password and the secret
 * fields of all its profiles. Other accounts keep theirs.
 */
void
iwd_secret_store_clear_account (IwdSecretStore      *self,
                                const IwdAccountId  *account,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));
  g_return_if_fail (account != NULL);

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_clear_account);

  secret_password_clear (iwd_secret_store_get_schema (), cancellable,
                         on_passwords_cleared, task,
                         "server", account->server,
                         "login", account->login,
                         NULL);
}

/**
 * iwd_secret_store_clear_account_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_clear_account().
 *
 * Returns: %TRUE if no item of the account is left, including when there
 *   was none
 */
gboolean
iwd_secret_store_clear_account_finish (IwdSecretStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_secret_store_list_accounts:
 * @self: a secret store
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the accounts
 * @user_data: data for @callback
 *
 * Lists the accounts whose password is in the keyring. Only attributes
 * are read, so a locked keyring is not unlocked for this.
 */
void
iwd_secret_store_list_accounts (IwdSecretStore      *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_SECRET_STORE (self));

  task = new_task (self, cancellable, callback, user_data,
                   iwd_secret_store_list_accounts);

  secret_password_search (iwd_secret_store_get_schema (), SECRET_SEARCH_ALL,
                          cancellable, on_accounts_searched, task,
                          "kind", KIND_ACCOUNT,
                          NULL);
}

/**
 * iwd_secret_store_list_accounts_finish:
 * @self: a secret store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_secret_store_list_accounts().
 *
 * Returns: (transfer container) (element-type IwdAccountId): the
 *   accounts, sorted by server then login, each once
 */
GPtrArray *
iwd_secret_store_list_accounts_finish (IwdSecretStore  *self,
                                       GAsyncResult    *result,
                                       GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
