/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox.h"

#include <glib/gi18n.h>
#include <libsoup/soup.h>
#include <string.h>

#include "iwd-routes.h"
#include "iwd-sandbox-account.h"
#include "iwd-sandbox-faults.h"
#include "iwd-sandbox-private.h"

#define DEMO_LOGIN "demo"
#define DEMO_PASSWORD "demo"

/**
 * IwdSandbox:
 *
 * A local copy of the two ImportWeb services and of the public site, on
 * one loopback port: IWRest under `/iwrest/`, Robot under `/Robot/` (both
 * matched in any case, like the real host), logos under `/include/` and
 * help pages under `/user/`. Paths and verbs come from the route table.
 *
 * It runs on the thread-default main context of the thread that starts
 * it, so a test can drive it and a client from one main loop.
 */
struct _IwdSandbox
{
  GObject     parent_instance;

  guint64     seed;
  guint       robot_delay_ms;
  guint       contracts_per_profile;
  guint       commissions_per_profile;
  char       *fixtures_dir;   /* nullable */
  GDate       reference_date;
  GHashTable *accounts;       /* login → owned IwdSandboxAccount */
  SoupServer *server;         /* nullable, set while started */
  IwdSandboxFaults *faults;   /* owned */
  guint       port;
};

G_DEFINE_FINAL_TYPE (IwdSandbox, iwd_sandbox, G_TYPE_OBJECT)

/* Splits a request path into its service and the path relative to that
 * service's base. Returns FALSE for a path that no service serves. */
static gboolean
split_service (const char  *path,
               IwdService  *out_service,
               const char **out_relative)
{
  static const struct { const char *prefix; IwdService service; } prefixes[] = {
    { "iwrest/", IWD_SERVICE_IWREST },
    { "robot/", IWD_SERVICE_ROBOT },
  };

  if (path == NULL || path[0] != '/')
    return FALSE;
  path++;

  for (guint i = 0; i < G_N_ELEMENTS (prefixes); i++)
    {
      gsize length = strlen (prefixes[i].prefix);

      if (g_ascii_strncasecmp (path, prefixes[i].prefix, length) == 0)
        {
          *out_service = prefixes[i].service;
          *out_relative = path + length;
          return TRUE;
        }
    }

  *out_service = IWD_SERVICE_SITE;
  *out_relative = path;

  return TRUE;
}

/* Reads the login and password of a Basic Authorization header. */
static gboolean
parse_basic_credentials (const char  *header,
                         char       **out_login,
                         char       **out_password)
{
  g_autofree guchar *decoded = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  char *colon;

  if (header == NULL || g_ascii_strncasecmp (header, "Basic ", 6) != 0)
    return FALSE;

  decoded = g_base64_decode (header + 6, &length);
  text = g_strndup ((const char *) decoded, length);
  memset (decoded, 0, length);

  colon = strchr (text, ':');
  if (colon == NULL)
    return FALSE;

  *out_login = g_strndup (text, colon - text);
  *out_password = g_strdup (colon + 1);
  memset (text, 0, length);

  return TRUE;
}

static IwdSandboxAccount *
authorize (IwdSandbox        *self,
           SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  g_autofree char *login = NULL;
  g_autofree char *password = NULL;
  IwdSandboxAccount *account;

  if (!parse_basic_credentials (soup_message_headers_get_one (headers, "Authorization"),
                                &login, &password))
    return NULL;

  account = g_hash_table_lookup (self->accounts, login);
  if (account != NULL && !iwd_sandbox_account_check_password (account, password))
    account = NULL;

  memset (password, 0, strlen (password));

  return account;
}

static void
reply_unauthorized (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  static const char body[] = "Authentification requise";

  soup_server_message_set_status (message, SOUP_STATUS_UNAUTHORIZED, NULL);
  soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"ImportWeb\"");
  soup_server_message_set_response (message, "text/plain; charset=utf-8",
                                    SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
dispatch (IwdSandboxRequest *request,
          IwdService         service)
{
  switch (service)
    {
    case IWD_SERVICE_IWREST:
      iwd_sandbox_iwrest_handle (request);
      break;

    case IWD_SERVICE_ROBOT:
      iwd_sandbox_robot_handle (request);
      break;

    case IWD_SERVICE_SITE:
    default:
      iwd_sandbox_site_handle (request);
      break;
    }
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           user_data)
{
  IwdSandbox *self = user_data;
  const char *method = soup_server_message_get_method (message);
  g_auto(GStrv) values = NULL;
  IwdSandboxRequest request = { self, message, 0, NULL, query, NULL };
  IwdService service;
  IwdSandboxFault fault;
  const char *relative;

  if (!split_service (path, &service, &relative))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  /* Credentials come first, as on the real host, so that a client with
   * wrong ones gets 401 even for a path that does not exist. */
  if (service != IWD_SERVICE_SITE)
    {
      request.account = authorize (self, message);
      if (request.account == NULL)
        {
          reply_unauthorized (message);
          return;
        }
    }

  if (!iwd_route_match (method, relative, service, &request.route, &values))
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_FOUND, NULL);
      return;
    }

  request.values = values;
  fault = iwd_sandbox_faults_take (self->faults, request.route);
  if (iwd_sandbox_fault_reply (&request, fault))
    return;

  dispatch (&request, service);
  iwd_sandbox_fault_alter_reply (&request, fault);
}

/* Logs one line per request, rejected ones included, so handlers do not
 * log their 400 and 404 replies again. It gives the method, the path with
 * its ids and the status only, because headers carry credentials and
 * bodies carry personal data. */
static void
on_request_finished (SoupServer        *server,
                     SoupServerMessage *message,
                     gpointer           user_data)
{
  GUri *uri = soup_server_message_get_uri (message);

  g_info ("sandbox: %s %s %u", soup_server_message_get_method (message),
          uri != NULL ? g_uri_get_path (uri) : "?", soup_server_message_get_status (message));
}

/* Generated data ends on the last day of the previous month, so that the
 * same seed gives the same bytes all month long. */
static void
init_reference_date (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  g_date_clear (date, 1);
  g_date_set_dmy (date, 1, g_date_time_get_month (now), g_date_time_get_year (now));
  g_date_subtract_days (date, 1);
}

static void
iwd_sandbox_dispose (GObject *object)
{
  IwdSandbox *self = IWD_SANDBOX (object);

  iwd_sandbox_stop (self);

  G_OBJECT_CLASS (iwd_sandbox_parent_class)->dispose (object);
}

static void
iwd_sandbox_finalize (GObject *object)
{
  IwdSandbox *self = IWD_SANDBOX (object);

  g_clear_pointer (&self->fixtures_dir, g_free);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->faults, iwd_sandbox_faults_free);

  G_OBJECT_CLASS (iwd_sandbox_parent_class)->finalize (object);
}

static void
iwd_sandbox_class_init (IwdSandboxClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_sandbox_dispose;
  object_class->finalize = iwd_sandbox_finalize;
}

static void
iwd_sandbox_init (IwdSandbox *self)
{
  self->robot_delay_ms = IWD_SANDBOX_DEFAULT_ROBOT_DELAY_MS;
  self->contracts_per_profile = IWD_SANDBOX_DEFAULT_CONTRACTS;
  self->commissions_per_profile = IWD_SANDBOX_DEFAULT_COMMISSIONS;
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->faults = iwd_sandbox_faults_new ();
  init_reference_date (&self->reference_date);

  iwd_sandbox_add_account (self, DEMO_LOGIN, DEMO_PASSWORD);
}

guint64
iwd_sandbox_get_seed (IwdSandbox *self)
{
  return self->seed;
}

guint
iwd_sandbox_get_robot_delay (IwdSandbox *self)
{
  return self->robot_delay_ms;
}

guint
iwd_sandbox_get_contract_count (IwdSandbox *self)
{
  return self->contracts_per_profile;
}

guint
iwd_sandbox_get_commission_count (IwdSandbox *self)
{
  return self->commissions_per_profile;
}

const GDate *
iwd_sandbox_get_reference_date (IwdSandbox *self)
{
  return &self->reference_date;
}

const char *
iwd_sandbox_get_fixtures_dir (IwdSandbox *self)
{
  return self->fixtures_dir;
}

/**
 * iwd_sandbox_new:
 * @seed: the seed of every generated contract and commission line
 *
 * Creates a sandbox with the demo account (login `demo`, password
 * `demo`). It listens once iwd_sandbox_start() is called.
 *
 * Returns: (transfer full): a new sandbox
 */
IwdSandbox *
iwd_sandbox_new (guint64 seed)
{
  IwdSandbox *self = g_object_new (IWD_TYPE_SANDBOX, NULL);

  self->seed = seed;

  return self;
}

/**
 * iwd_sandbox_add_account:
 * @self: a sandbox
 * @login: the account's login
 * @password: the account's password
 *
 * Adds an account with empty state, or resets the one with that login.
 */
void
iwd_sandbox_add_account (IwdSandbox *self,
                         const char *login,
                         const char *password)
{
  g_return_if_fail (IWD_IS_SANDBOX (self));
  g_return_if_fail (login != NULL && password != NULL);

  g_hash_table_replace (self->accounts, g_strdup (login), iwd_sandbox_account_new (login, password));
}

/**
 * iwd_sandbox_set_robot_delay:
 * @self: a sandbox
 * @milliseconds: how long the simulated robot takes
 *
 * Sets the time between a profile joining a portfolio and its data
 * appearing. It applies to profiles that joined earlier too.
 */
void
iwd_sandbox_set_robot_delay (IwdSandbox *self,
                             guint       milliseconds)
{
  g_return_if_fail (IWD_IS_SANDBOX (self));

  self->robot_delay_ms = milliseconds;
}

/**
 * iwd_sandbox_set_sizes:
 * @self: a sandbox
 * @contracts_per_profile: how many contracts each profile yields
 * @commissions_per_profile: how many commission lines each profile yields
 *   (a million lines stream in bounded memory)
 *
 * Sets the amount of generated data. Commission lines refer to the
 * profile's contracts, so a profile with no contracts has no lines.
 */
void
iwd_sandbox_set_sizes (IwdSandbox *self,
                       guint       contracts_per_profile,
                       guint       commissions_per_profile)
{
  g_return_if_fail (IWD_IS_SANDBOX (self));

  self->contracts_per_profile = contracts_per_profile;
  self->commissions_per_profile = commissions_per_profile;
}

/**
 * iwd_sandbox_set_fixtures_dir:
 * @self: a sandbox
 * @path: (nullable): a folder of fixture files, or %NULL for none
 * @error: return location for a #GError
 *
 * Makes the sandbox serve files from @path verbatim in place of generated
 * replies, for the calls listed by iwd_sandbox_list_fixture_names().
 *
 * Returns: %FALSE with %G_IO_ERROR_NOT_FOUND if @path is not a folder
 */
gboolean
iwd_sandbox_set_fixtures_dir (IwdSandbox  *self,
                              const char  *path,
                              GError     **error)
{
  g_return_val_if_fail (IWD_IS_SANDBOX (self), FALSE);

  if (path != NULL && !g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("Fixtures folder “%s” not found: give an existing folder"), path);
      return FALSE;
    }

  g_free (self->fixtures_dir);
  self->fixtures_dir = g_strdup (path);

  return TRUE;
}

/**
 * iwd_sandbox_set_fault:
 * @self: a sandbox
 * @route: the call to break, or %IWD_N_ROUTES for every call without a
 *   fault of its own
 * @fault: the fault, or %IWD_SANDBOX_FAULT_NONE to reply normally again
 * @count: how many requests get @fault, 0 for every request
 *
 * Makes requests to @route fail with @fault once their credentials are
 * accepted, so a 401 from wrong credentials still comes first.
 */
void
iwd_sandbox_set_fault (IwdSandbox      *self,
                       IwdRoute         route,
                       IwdSandboxFault  fault,
                       guint            count)
{
  g_return_if_fail (IWD_IS_SANDBOX (self));

  iwd_sandbox_faults_set (self->faults, route, fault, count);
}

/**
 * iwd_sandbox_start:
 * @self: a sandbox
 * @port: the TCP port, or 0 for any free one
 * @error: return location for a #GError
 *
 * Listens on 127.0.0.1 only, on the thread-default main context.
 *
 * Returns: %TRUE if the sandbox is listening
 */
gboolean
iwd_sandbox_start (IwdSandbox  *self,
                   guint        port,
                   GError     **error)
{
  g_autoptr(SoupServer) server = NULL;
  GSList *uris;

  g_return_val_if_fail (IWD_IS_SANDBOX (self), FALSE);
  g_return_val_if_fail (self->server == NULL, FALSE);

  server = soup_server_new ("server-header", "IWDesk-sandbox ", NULL);
  soup_server_add_handler (server, NULL, on_request, self, NULL);
  g_signal_connect (server, "request-finished", G_CALLBACK (on_request_finished), self);

  if (!soup_server_listen_local (server, port, SOUP_SERVER_LISTEN_IPV4_ONLY, error))
    return FALSE;

  uris = soup_server_get_uris (server);
  self->port = g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  self->server = g_steal_pointer (&server);
  g_message ("sandbox: listening on 127.0.0.1:%u", self->port);

  return TRUE;
}

/**
 * iwd_sandbox_stop:
 * @self: a sandbox
 *
 * Closes the listening socket and every connection. Account state stays,
 * so the sandbox can start again with the same profiles.
 */
void
iwd_sandbox_stop (IwdSandbox *self)
{
  g_return_if_fail (IWD_IS_SANDBOX (self));

  if (self->server == NULL)
    return;

  soup_server_disconnect (self->server);
  g_clear_object (&self->server);
  g_message ("sandbox: stopped listening on 127.0.0.1:%u", self->port);
  self->port = 0;
}

/**
 * iwd_sandbox_dup_base_url:
 * @self: a started sandbox
 *
 * Returns the root of the sandbox's host. The client derives each
 * service's base from it: IWRest at `iwrest/`, Robot at `Robot/`, and the
 * site at the root itself.
 *
 * Returns: (transfer full): a URL such as "http://127.0.0.1:41234/"
 */
char *
iwd_sandbox_dup_base_url (IwdSandbox *self)
{
  g_return_val_if_fail (IWD_IS_SANDBOX (self), NULL);
  g_return_val_if_fail (self->server != NULL, NULL);

  return g_strdup_printf ("http://127.0.0.1:%u/", self->port);
}
