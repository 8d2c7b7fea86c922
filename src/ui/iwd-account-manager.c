/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-account-manager.h"
#include "iwd-api-error.h"
#include "iwd-secret-store.h"

#define DEMO_LOGIN "demo"

struct _IwdAccountManager
{
  GObject         parent_instance;

  SoupSession    *session;         /* owned: shared by the clients of every account */
  IwdSecretStore *secrets;         /* owned */
  GSettings      *settings;        /* owned: the service URLs and the last account */
  char           *data_dir;        /* owned: the parent of iwdesk/accounts/ */
  char           *default_server;  /* owned, nullable: --server, or NULL for production */
  char           *demo_dir;        /* owned, nullable: the demo's temporary data folder */
};

G_DEFINE_FINAL_TYPE (IwdAccountManager, iwd_account_manager, G_TYPE_OBJECT)

/* What a sign-in needs between its steps. */
typedef struct {
  IwdAccountId *id;      /* owned */
  IwdClient    *client;  /* owned */
} SignInData;

/* What a sign-out needs between its steps. */
typedef struct {
  IwdAccount *account;   /* owned */
  GError     *error;     /* owned, nullable: the keyring's error, returned last */
} SignOutData;

static void
sign_in_data_free (SignInData *data)
{
  g_clear_pointer (&data->id, iwd_account_id_free);
  g_clear_object (&data->client);
  g_free (data);
}

static void
sign_out_data_free (SignOutData *data)
{
  g_clear_object (&data->account);
  g_clear_error (&data->error);
  g_free (data);
}

static gboolean delete_tree (GFile   *file,
                             GError **error);

/* Deletes what the folder @file contains. A plain file, or a file that
 * is already gone, has nothing to delete. */
static gboolean
delete_children (GFile   *file,
                 GError **error)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  if (children == NULL)
    return TRUE;

  while (TRUE)
    {
      if (!g_file_enumerator_iterate (children, &info, &child, NULL, error))
        return FALSE;

      if (info == NULL)
        return TRUE;

      if (!delete_tree (child, error))
        return FALSE;
    }
}

/* Deletes @file and, if it is a folder, everything in it. A file that is
 * already gone counts as deleted. */
static gboolean
delete_tree (GFile   *file,
             GError **error)
{
  g_autoptr(GError) local_error = NULL;

  if (!delete_children (file, error))
    return FALSE;

  if (!g_file_delete (file, NULL, &local_error) &&
      !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

static gboolean
delete_state_dir (IwdAccountState  *state,
                  GError          **error)
{
  g_autofree char *dir = g_path_get_dirname (iwd_account_state_get_path (state));
  g_autoptr(GFile) file = g_file_new_for_path (dir);

  return delete_tree (file, error);
}

static IwdAccountState *
load_state (IwdAccountManager  *self,
            const char         *data_dir,
            const IwdAccountId *id)
{
  g_autoptr(IwdAccountState) state = iwd_account_state_new (data_dir, id);
  g_autoptr(GError) error = NULL;

  /* A state that cannot be read stays read-only, so that saving never
   * overwrites it: the account can still be used. */
  if (!iwd_account_state_load (state, &error))
    g_message ("ui: cannot load the local state of %s on %s: %s",
               id->login, id->server, error->message);

  return g_steal_pointer (&state);
}

static void
add_unique_accounts (GPtrArray *accounts,
                     GPtrArray *more)
{
  for (guint i = 0; more != NULL && i < more->len; i++)
    {
      const IwdAccountId *id = g_ptr_array_index (more, i);
      gboolean found = FALSE;

      for (guint j = 0; j < accounts->len && !found; j++)
        found = iwd_account_id_equal (g_ptr_array_index (accounts, j), id);

      if (!found)
        g_ptr_array_add (accounts, iwd_account_id_copy (id));
    }
}

static int
compare_account_ids (gconstpointer a,
                     gconstpointer b)
{
  return iwd_account_id_compare (*(IwdAccountId * const *) a, *(IwdAccountId * const *) b);
}

/* Only a reply with a success status reaches the parser, so the server
 * has accepted the credentials even when the profile list cannot be
 * read, and one bad profile record must not lock the broker out.
 * TODO: this code also covers an HTML page with a 200 status, from a
 * proxy that may not have checked the credentials, and a reply whose
 * headers libsoup cannot decode, which prove nothing about them. */
static gboolean
is_accepted_but_unreadable (const GError *error)
{
  return g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
}

static void
return_account (GTask *task)
{
  IwdAccountManager *self = g_task_get_source_object (task);
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(IwdAccountState) state = NULL;
  g_autoptr(IwdAccount) account = NULL;
  g_autofree char *title = NULL;

  state = load_state (self, self->data_dir, data->id);
  title = iwd_account_manager_dup_title (self, data->id);
  account = iwd_account_new (data->id, data->client, state, title);
  iwd_account_set_data_dir (account, self->data_dir);
  g_task_return_pointer (task, g_steal_pointer (&account), g_object_unref);
}

static void
profiles_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SignInData *data = g_task_get_task_data (task);
  g_autoptr(GPtrArray) profiles = NULL;
  GError *error = NULL;

  profiles = iwd_client_list_profiles_finish (IWD_CLIENT (source), result, &error);

  if (error != NULL && is_accepted_but_unreadable (error))
    {
      /* The pages that list profiles fetch them again and show the
       * error there, so the sign-in only logs it. */
      g_message ("ui: signed in as %s on %s, but the profile list cannot be read: %s",
                 data->id->login, data->id->server, error->message);
      g_clear_error (&error);
      return_account (task);
      return;
    }

  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("ui: sign-in of %s on %s failed: %s", data->id->login, data->id->server, error->message);
      g_task_return_error (task, error);
      return;
    }

  g_info ("ui: signed in as %s on %s", data->id->login, data->id->server);
  return_account (task);
}

static void
restored_sign_in_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  IwdAccount *account;

  account = iwd_account_manager_sign_in_finish (IWD_ACCOUNT_MANAGER (source), result, &error);
  if (account == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, account, g_object_unref);
}

static void
password_looked_up_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdAccountManager *self = g_task_get_source_object (task);
  const IwdAccountId *id = g_task_get_task_data (task);
  GError *error = NULL;
  char *password;

  password = iwd_secret_store_lookup_account_password_finish (IWD_SECRET_STORE (source), result, &error);
  if (error != NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("ui: cannot read the password of %s on %s: %s", id->login, id->server, error->message);
      g_task_return_error (task, error);
      return;
    }

  if (password == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               "the keyring has no password for %s on %s", id->login, id->server);
      return;
    }

  iwd_account_manager_sign_in_async (self, id, password, g_task_get_cancellable (task),
                                     restored_sign_in_cb, g_object_ref (task));
  secret_password_free (password);
}

static void
password_stored_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdAccountManager *self = g_task_get_source_object (task);
  IwdAccount *account = g_task_get_task_data (task);
  const IwdAccountId *id = iwd_account_get_id (account);
  GError *error = NULL;

  if (!iwd_secret_store_store_account_password_finish (IWD_SECRET_STORE (source), result, &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_message ("ui: cannot save the password of %s on %s: %s", id->login, id->server, error->message);
      g_task_return_error (task, error);
      return;
    }

  iwd_account_set_session_only (account, FALSE);
  iwd_account_manager_remember_last (self, account);
  g_task_return_boolean (task, TRUE);
}

static void
forget_last_account (IwdAccountManager  *self,
                     const IwdAccountId *id)
{
  g_autoptr(IwdAccountId) last = iwd_account_manager_dup_last_account (self);

  if (last == NULL || !iwd_account_id_equal (last, id))
    return;

  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-account", "");
  g_settings_set_string (self->settings, "last-server", "");
  g_settings_apply (self->settings);
}

static void
account_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdAccountManager *self = g_task_get_source_object (task);
  SignOutData *data = g_task_get_task_data (task);
  const IwdAccountId *id = iwd_account_get_id (data->account);
  IwdAccountState *state = iwd_account_get_state (data->account);
  g_autoptr(GError) error = NULL;

  if (!iwd_secret_store_clear_account_finish (IWD_SECRET_STORE (source), result, &error) &&
      !(iwd_account_get_session_only (data->account) && error->domain == IWD_SECRET_STORE_ERROR))
    {
      g_message ("ui: cannot remove the passwords of %s on %s: %s", id->login, id->server, error->message);
      data->error = g_steal_pointer (&error);
    }
  g_clear_error (&error);

  /* The local data goes even when the keyring failed: the user asked
   * for it, and the keyring error is reported afterwards. */
  if (state != NULL && !delete_state_dir (state, &error))
    {
      g_message ("ui: cannot delete the local state of %s on %s: %s", id->login, id->server, error->message);
      if (data->error == NULL)
        data->error = g_steal_pointer (&error);
    }

  forget_last_account (self, id);

  if (data->error != NULL)
    g_task_return_error (task, g_steal_pointer (&data->error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
secret_accounts_listed_cb (GObject      *source,
                           GAsyncResult *result,
                           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdAccountManager *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) from_keyring = NULL;
  g_autoptr(GPtrArray) from_state = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;

  from_keyring = iwd_secret_store_list_accounts_finish (IWD_SECRET_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  /* Without a keyring, the accounts that have local data are still known. */
  if (error != NULL)
    g_message ("ui: listing the accounts without the keyring: %s", error->message);

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_account_id_free);
  from_state = iwd_account_state_list_accounts (self->data_dir);
  add_unique_accounts (accounts, from_keyring);
  add_unique_accounts (accounts, from_state);
  g_ptr_array_sort (accounts, compare_account_ids);

  g_task_return_pointer (task, g_steal_pointer (&accounts), (GDestroyNotify) g_ptr_array_unref);
}

static void
iwd_account_manager_dispose (GObject *object)
{
  IwdAccountManager *self = IWD_ACCOUNT_MANAGER (object);

  if (self->demo_dir != NULL)
    {
      g_autoptr(GFile) demo_dir = g_file_new_for_path (self->demo_dir);
      g_autoptr(GError) error = NULL;

      if (!delete_tree (demo_dir, &error))
        g_message ("ui: cannot delete the demo folder %s: %s", self->demo_dir, error->message);
      g_clear_pointer (&self->demo_dir, g_free);
    }

  g_clear_object (&self->session);
  g_clear_object (&self->secrets);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iwd_account_manager_parent_class)->dispose (object);
}

static void
iwd_account_manager_finalize (GObject *object)
{
  IwdAccountManager *self = IWD_ACCOUNT_MANAGER (object);

  g_clear_pointer (&self->data_dir, g_free);
  g_clear_pointer (&self->default_server, g_free);

  G_OBJECT_CLASS (iwd_account_manager_parent_class)->finalize (object);
}

static void
iwd_account_manager_class_init (IwdAccountManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_account_manager_dispose;
  object_class->finalize = iwd_account_manager_finalize;
}

static void
iwd_account_manager_init (IwdAccountManager *self)
{
  self->settings = g_settings_new (APP_ID);
}

/**
 * iwd_account_manager_new:
 * @session: the HTTP session that every account's client uses
 * @secrets: the keyring
 * @data_dir: the folder that holds `iwdesk/accounts/`, g_get_user_data_dir()
 *   in the application
 *
 * Creates the object that signs accounts in and out: it checks a
 * password with the server, keeps it in the keyring, loads the account's
 * local state and remembers the last account in the settings.
 *
 * Returns: (transfer full): a new #IwdAccountManager
 */
IwdAccountManager *
iwd_account_manager_new (SoupSession    *session,
                         IwdSecretStore *secrets,
                         const char     *data_dir)
{
  IwdAccountManager *self;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (IWD_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (data_dir != NULL, NULL);

  self = g_object_new (IWD_TYPE_ACCOUNT_MANAGER, NULL);
  self->session = g_object_ref (session);
  self->secrets = g_object_ref (secrets);
  self->data_dir = g_strdup (data_dir);

  return self;
}

/**
 * iwd_account_manager_get_secret_store:
 * @self: an account manager
 *
 * Returns: (transfer none): the keyring the passwords go to
 */
IwdSecretStore *
iwd_account_manager_get_secret_store (IwdAccountManager *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);

  return self->secrets;
}

/**
 * iwd_account_manager_get_data_dir:
 * @self: an account manager
 *
 * Returns: the folder that holds the local state of the accounts
 */
const char *
iwd_account_manager_get_data_dir (IwdAccountManager *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);

  return self->data_dir;
}

/**
 * iwd_account_manager_get_default_server:
 * @self: an account manager
 *
 * Returns: (nullable): the server base URL given with `--server`, which
 *   the sign-in page proposes, or %NULL for the production services
 */
const char *
iwd_account_manager_get_default_server (IwdAccountManager *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);

  return self->default_server;
}

/**
 * iwd_account_manager_set_default_server:
 * @self: an account manager
 * @server: (nullable): a server base URL, or %NULL for production
 *
 * Sets the server that the sign-in page proposes. The last account is
 * then signed in again only if it is on this server.
 */
void
iwd_account_manager_set_default_server (IwdAccountManager *self,
                                        const char        *server)
{
  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));

  g_free (self->default_server);
  self->default_server = g_strdup (server);
}

/**
 * iwd_account_manager_dup_production_server:
 * @self: an account manager
 *
 * Returns the server that keys the production accounts in the keyring:
 * the IWRest URL of the settings, as iwdesk-cli uses it without
 * `--server`, so that an account signed in here works there too.
 *
 * Returns: (transfer full): the IWRest base URL
 */
char *
iwd_account_manager_dup_production_server (IwdAccountManager *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);

  return g_settings_get_string (self->settings, "iwrest-url");
}

/**
 * iwd_account_manager_new_client:
 * @self: an account manager
 * @server: the production server from
 *   iwd_account_manager_dup_production_server(), or a server base URL
 * @error: return location for a #GError
 *
 * Creates a client without credentials: for the production server, with
 * the three service URLs of the settings, and otherwise with the paths
 * that the sandbox serves under @server.
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL with
 *   %IWD_API_ERROR_INSECURE_URL or another URL error
 */
IwdClient *
iwd_account_manager_new_client (IwdAccountManager  *self,
                                const char         *server,
                                GError            **error)
{
  g_autofree char *production = NULL;
  g_autofree char *robot_url = NULL;
  g_autofree char *site_url = NULL;

  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (server != NULL, NULL);

  production = iwd_account_manager_dup_production_server (self);
  if (!g_str_equal (server, production))
    return iwd_client_new_for_server (self->session, server, error);

  robot_url = g_settings_get_string (self->settings, "robot-url");
  site_url = g_settings_get_string (self->settings, "site-url");

  return iwd_client_new (self->session, production, robot_url, site_url, error);
}

/**
 * iwd_account_manager_dup_title:
 * @self: an account manager
 * @id: an account
 *
 * Makes the name of an account for the account menu: its login, followed
 * by the server's host when it is not the production one.
 *
 * Returns: (transfer full): the title
 */
char *
iwd_account_manager_dup_title (IwdAccountManager  *self,
                               const IwdAccountId *id)
{
  g_autofree char *production = NULL;
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (id != NULL, NULL);

  production = iwd_account_manager_dup_production_server (self);
  if (g_str_equal (id->server, production))
    return g_strdup (id->login);

  uri = g_uri_parse (id->server, G_URI_FLAGS_NONE, NULL);
  if (uri == NULL || g_uri_get_host (uri) == NULL)
    /* Translators: the first %s is a HappyAssur login, the second a server address */
    return g_strdup_printf (C_("account title", "%s on %s"), id->login, id->server);

  if (g_uri_get_port (uri) > 0)
    /* Translators: a HappyAssur login, then the host name and port of a server */
    return g_strdup_printf (C_("account title", "%s on %s:%d"), id->login, g_uri_get_host (uri), g_uri_get_port (uri));

  /* Translators: the first %s is a HappyAssur login, the second a server's host name */
  return g_strdup_printf (C_("account title", "%s on %s"), id->login, g_uri_get_host (uri));
}

/**
 * iwd_account_manager_create_demo_account:
 * @self: an account manager
 * @server: the base URL of the demo sandbox
 * @client: a client of the demo sandbox, with the demo credentials
 * @error: return location for a #GError
 *
 * Creates the demo account: its password is never stored, and its local
 * state lives in a temporary folder that the manager deletes when it is
 * disposed, because the sandbox starts afresh at each run.
 *
 * Returns: (transfer full) (nullable): the demo account, or %NULL if the
 *   temporary folder cannot be made
 */
IwdAccount *
iwd_account_manager_create_demo_account (IwdAccountManager  *self,
                                         const char         *server,
                                         IwdClient          *client,
                                         GError            **error)
{
  g_autoptr(IwdAccountId) id = NULL;
  g_autoptr(IwdAccountState) state = NULL;
  IwdAccount *account;

  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);
  g_return_val_if_fail (server != NULL, NULL);
  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);

  if (self->demo_dir == NULL)
    self->demo_dir = g_dir_make_tmp ("iwdesk-demo-XXXXXX", error);
  if (self->demo_dir == NULL)
    return NULL;

  id = iwd_account_id_new (server, DEMO_LOGIN);
  state = load_state (self, self->demo_dir, id);
  account = iwd_account_new (id, client, state, _("Demo (sandbox)"));
  iwd_account_set_data_dir (account, self->demo_dir);
  iwd_account_set_session_only (account, TRUE);

  return account;
}

/**
 * iwd_account_manager_sign_in_async:
 * @self: an account manager
 * @id: the server and login to sign in with
 * @password: the HappyAssur password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the server has answered
 * @user_data: data for @callback
 *
 * Checks @password with a cheap authenticated call (the profile list)
 * and loads the account's local state. A profile list that comes with a
 * success status but cannot be read still signs in, because the server
 * accepted the password. Nothing is stored: call
 * iwd_account_manager_save_async() to keep the password.
 */
void
iwd_account_manager_sign_in_async (IwdAccountManager   *self,
                                   const IwdAccountId  *id,
                                   const char          *password,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;
  SignInData *data;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (id != NULL);
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_account_manager_sign_in_async);

  data = g_new0 (SignInData, 1);
  data->id = iwd_account_id_copy (id);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_in_data_free);

  data->client = iwd_account_manager_new_client (self, id->server, &error);
  if (data->client == NULL)
    {
      g_message ("ui: cannot sign in to %s: %s", id->server, error->message);
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  iwd_client_set_credentials (data->client, id->login, password);
  iwd_client_list_profiles_async (data->client, cancellable, profiles_listed_cb, g_steal_pointer (&task));
}

/**
 * iwd_account_manager_sign_in_finish:
 * @self: an account manager
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the signed-in account, or %NULL
 *   with an #IwdApiError (%IWD_API_ERROR_UNAUTHORIZED for a wrong login
 *   or password)
 */
IwdAccount *
iwd_account_manager_sign_in_finish (IwdAccountManager  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_account_manager_restore_async:
 * @self: an account manager
 * @id: an account whose password is in the keyring
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the account is signed in or has failed to
 * @user_data: data for @callback
 *
 * Signs in again with the password from the keyring.
 */
void
iwd_account_manager_restore_async (IwdAccountManager   *self,
                                   const IwdAccountId  *id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (id != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_account_manager_restore_async);
  g_task_set_task_data (task, iwd_account_id_copy (id), (GDestroyNotify) iwd_account_id_free);

  iwd_secret_store_lookup_account_password (self->secrets, id, cancellable, password_looked_up_cb, task);
}

/**
 * iwd_account_manager_restore_finish:
 * @self: an account manager
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the signed-in account, or %NULL
 *   with an #IwdSecretStoreError, %G_IO_ERROR_NOT_FOUND when the keyring
 *   has no password, or an #IwdApiError from the server
 */
IwdAccount *
iwd_account_manager_restore_finish (IwdAccountManager  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_account_manager_save_async:
 * @self: an account manager
 * @account: a signed-in account
 * @password: its password
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the keyring has answered
 * @user_data: data for @callback
 *
 * Stores @password in the keyring, then records @account as the last
 * one in the settings. On failure nothing is written anywhere.
 */
void
iwd_account_manager_save_async (IwdAccountManager   *self,
                                IwdAccount          *account,
                                const char          *password,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (IWD_IS_ACCOUNT (account));
  g_return_if_fail (password != NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_account_manager_save_async);
  g_task_set_task_data (task, g_object_ref (account), g_object_unref);

  iwd_secret_store_store_account_password (self->secrets, iwd_account_get_id (account), password,
                                           cancellable, password_stored_cb, task);
}

/**
 * iwd_account_manager_save_finish:
 * @self: an account manager
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the password is in the keyring, or %FALSE with an
 *   #IwdSecretStoreError
 */
gboolean
iwd_account_manager_save_finish (IwdAccountManager  *self,
                                 GAsyncResult       *result,
                                 GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_account_manager_remember_last:
 * @self: an account manager
 * @account: a signed-in account
 *
 * Records the server and login of @account, never its password, as the
 * account to sign in at the next start.
 */
void
iwd_account_manager_remember_last (IwdAccountManager *self,
                                   IwdAccount        *account)
{
  const IwdAccountId *id;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (IWD_IS_ACCOUNT (account));

  id = iwd_account_get_id (account);
  g_settings_delay (self->settings);
  g_settings_set_string (self->settings, "last-account", id->login);
  g_settings_set_string (self->settings, "last-server", id->server);
  g_settings_apply (self->settings);
}

/**
 * iwd_account_manager_dup_last_account:
 * @self: an account manager
 *
 * Reads the last account from the settings. An empty last server, as
 * left by an IWDesk that recorded only the login, means production.
 *
 * Returns: (transfer full) (nullable): the last account, or %NULL if
 *   none was recorded or it is on another server than the default one
 */
IwdAccountId *
iwd_account_manager_dup_last_account (IwdAccountManager *self)
{
  g_autofree char *login = NULL;
  g_autofree char *server = NULL;

  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (self), NULL);

  login = g_settings_get_string (self->settings, "last-account");
  server = g_settings_get_string (self->settings, "last-server");
  if (login[0] == '\0')
    return NULL;

  if (server[0] == '\0')
    {
      g_free (server);
      server = iwd_account_manager_dup_production_server (self);
    }

  if (self->default_server != NULL && !g_str_equal (server, self->default_server))
    return NULL;

  return iwd_account_id_new (server, login);
}

/**
 * iwd_account_manager_sign_out_async:
 * @self: an account manager
 * @account: the account to sign out
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when everything is removed
 * @user_data: data for @callback
 *
 * Clears the client's credentials, removes every password of @account
 * from the keyring and deletes its local state folder. The folder is
 * deleted even when the keyring fails.
 *
 * TODO: the folder is deleted synchronously, which is quick for the few
 * small files of a state folder but blocks the main loop meanwhile.
 */
void
iwd_account_manager_sign_out_async (IwdAccountManager   *self,
                                    IwdAccount          *account,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  GTask *task;
  SignOutData *data;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));
  g_return_if_fail (IWD_IS_ACCOUNT (account));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_account_manager_sign_out_async);
  data = g_new0 (SignOutData, 1);
  data->account = g_object_ref (account);
  g_task_set_task_data (task, data, (GDestroyNotify) sign_out_data_free);

  iwd_client_clear_credentials (iwd_account_get_client (account));
  iwd_secret_store_clear_account (self->secrets, iwd_account_get_id (account), cancellable,
                                  account_cleared_cb, task);
}

/**
 * iwd_account_manager_sign_out_finish:
 * @self: an account manager
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the passwords and the local state are gone, or
 *   %FALSE with the first error
 */
gboolean
iwd_account_manager_sign_out_finish (IwdAccountManager  *self,
                                     GAsyncResult       *result,
                                     GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_account_manager_list_accounts_async:
 * @self: an account manager
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Lists the known accounts: those with a password in the keyring and
 * those with local state. Without a keyring, only the latter.
 */
void
iwd_account_manager_list_accounts_async (IwdAccountManager   *self,
                                         GCancellable        *cancellable,
                                         GAsyncReadyCallback  callback,
                                         gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_ACCOUNT_MANAGER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_account_manager_list_accounts_async);

  iwd_secret_store_list_accounts (self->secrets, cancellable, secret_accounts_listed_cb, task);
}

/**
 * iwd_account_manager_list_accounts_finish:
 * @self: an account manager
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdAccountId) (nullable):
 *   the accounts sorted by server then login, or %NULL if cancelled
 */
GPtrArray *
iwd_account_manager_list_accounts_finish (IwdAccountManager  *self,
                                          GAsyncResult       *result,
                                          GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
