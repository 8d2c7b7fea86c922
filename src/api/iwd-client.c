/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdClient: construction, credentials, settings, and the IWRest and site
 * calls. The Robot calls are in iwd-client-robot.c, and every call runs
 * through the request path of iwd-client-request.c. */

#include "config.h"

#include <string.h>

#include "iwd-api-error.h"
#include "iwd-client-private.h"
#include "iwd-client-parsers.h"

#define DEFAULT_TIMEOUT_MS    (30 * 1000)
#define DEFAULT_MAX_RETRIES   3
#define DEFAULT_BASE_DELAY_MS 1000
#define DEFAULT_MAX_DELAY_MS  (30 * 1000)
/* NOTE: both sizes are estimates, not measured on the live API. Lists
 * and forms are a few kilobytes. A table's whole body is held in memory
 * before it is parsed, so its limit bounds that copy. A statement of a
 * million lines is about 80 MB and the grids must take one, so the
 * table limit leaves room for several times that. */
#define DEFAULT_MAX_REPLY_SIZE (8 * 1024 * 1024)
#define DEFAULT_MAX_TABLE_SIZE (512 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (IwdClient, iwd_client, G_TYPE_OBJECT)

/* Overwrites a string that contains a password, plain or encoded, before
 * it is freed, so that it does not linger in freed memory. */
static void
free_secret (char *secret)
{
  if (secret == NULL)
    return;

  explicit_bzero (secret, strlen (secret));
  g_free (secret);
}

static char *
normalize_base_url (const char  *url,
                    GError     **error)
{
  if (!iwd_api_check_url (url, error))
    return NULL;

  if (g_str_has_suffix (url, "/"))
    return g_strdup (url);

  return g_strconcat (url, "/", NULL);
}

static char *
build_authorization (const char *login,
                     const char *password)
{
  char *pair = g_strconcat (login, ":", password, NULL);
  char *encoded = g_base64_encode ((const guchar *) pair, strlen (pair));
  char *authorization = g_strconcat ("Basic ", encoded, NULL);

  free_secret (pair);
  free_secret (encoded);

  return authorization;
}

static void
iwd_client_finalize (GObject *object)
{
  IwdClient *self = IWD_CLIENT (object);

  g_clear_pointer (&self->authorization, free_secret);
  g_clear_pointer (&self->login, g_free);

  for (guint i = 0; i < G_N_ELEMENTS (self->base_urls); i++)
    g_clear_pointer (&self->base_urls[i], g_free);

  G_OBJECT_CLASS (iwd_client_parent_class)->finalize (object);
}

static void
iwd_client_dispose (GObject *object)
{
  IwdClient *self = IWD_CLIENT (object);

  g_clear_object (&self->session);

  G_OBJECT_CLASS (iwd_client_parent_class)->dispose (object);
}

static void
iwd_client_class_init (IwdClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_client_dispose;
  object_class->finalize = iwd_client_finalize;
}

static void
iwd_client_init (IwdClient *self)
{
  self->timeout_ms = DEFAULT_TIMEOUT_MS;
  self->max_retries = DEFAULT_MAX_RETRIES;
  self->base_delay_ms = DEFAULT_BASE_DELAY_MS;
  self->max_delay_ms = DEFAULT_MAX_DELAY_MS;
  self->max_reply_size = DEFAULT_MAX_REPLY_SIZE;
  self->max_table_size = DEFAULT_MAX_TABLE_SIZE;
}

/**
 * iwd_client_new:
 * @session: the session to send every request with
 * @iwrest_url: the base URL of IWRest, such as `https://ws.importweb.fr/iwrest/`
 * @robot_url: the base URL of Robot, such as `https://ws.importweb.fr/Robot/`
 * @site_url: the base URL of the site that serves logos and help pages
 * @error: return location for a #GError
 *
 * Creates a client of the three services. Each URL must pass
 * iwd_api_check_url(); a missing final `/` is added.
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL with @error
 *   set
 */
IwdClient *
iwd_client_new (SoupSession  *session,
                const char   *iwrest_url,
                const char   *robot_url,
                const char   *site_url,
                GError      **error)
{
  g_autoptr(IwdClient) self = NULL;

  g_return_val_if_fail (SOUP_IS_SESSION (session), NULL);
  g_return_val_if_fail (iwrest_url != NULL && robot_url != NULL && site_url != NULL, NULL);

  self = g_object_new (IWD_TYPE_CLIENT, NULL);
  self->session = g_object_ref (session);

  self->base_urls[IWD_SERVICE_IWREST] = normalize_base_url (iwrest_url, error);
  if (self->base_urls[IWD_SERVICE_IWREST] == NULL)
    return NULL;

  self->base_urls[IWD_SERVICE_ROBOT] = normalize_base_url (robot_url, error);
  if (self->base_urls[IWD_SERVICE_ROBOT] == NULL)
    return NULL;

  self->base_urls[IWD_SERVICE_SITE] = normalize_base_url (site_url, error);
  if (self->base_urls[IWD_SERVICE_SITE] == NULL)
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * iwd_client_new_for_server:
 * @session: the session to send every request with
 * @server_url: the URL of a server that serves all three services, such as
 *   the sandbox's
 * @error: return location for a #GError
 *
 * Creates a client whose IWRest base is @server_url + `iwrest/`, whose
 * Robot base is @server_url + `Robot/` and whose site is @server_url.
 *
 * Returns: (transfer full) (nullable): a new client, or %NULL with @error
 *   set
 */
IwdClient *
iwd_client_new_for_server (SoupSession  *session,
                           const char   *server_url,
                           GError      **error)
{
  g_autofree char *base = NULL;
  g_autofree char *iwrest_url = NULL;
  g_autofree char *robot_url = NULL;

  g_return_val_if_fail (server_url != NULL, NULL);

  base = normalize_base_url (server_url, error);
  if (base == NULL)
    return NULL;

  iwrest_url = g_strconcat (base, "iwrest/", NULL);
  robot_url = g_strconcat (base, "Robot/", NULL);

  return iwd_client_new (session, iwrest_url, robot_url, base, error);
}

/**
 * iwd_client_set_credentials:
 * @self: a client
 * @login: the HappyAssur login
 * @password: the HappyAssur password
 *
 * Sets the account that authorizes every IWRest and Robot call. Only the
 * encoded `Authorization` header is kept, never @password itself.
 */
void
iwd_client_set_credentials (IwdClient  *self,
                            const char *login,
                            const char *password)
{
  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (login != NULL && password != NULL);

  g_clear_pointer (&self->authorization, free_secret);
  g_free (self->login);

  self->login = g_strdup (login);
  self->authorization = build_authorization (login, password);
}

/**
 * iwd_client_clear_credentials:
 * @self: a client
 *
 * Forgets the account: overwrites the encoded password in memory and
 * clears the credentials that the session's #SoupAuthManager cached.
 *
 * NOTE: the copies of the header that libsoup made for requests already
 * sent are freed with their messages, but not overwritten.
 */
void
iwd_client_clear_credentials (IwdClient *self)
{
  SoupSessionFeature *auth_manager;

  g_return_if_fail (IWD_IS_CLIENT (self));

  g_clear_pointer (&self->authorization, free_secret);
  g_clear_pointer (&self->login, g_free);

  auth_manager = soup_session_get_feature (self->session, SOUP_TYPE_AUTH_MANAGER);
  if (auth_manager != NULL)
    soup_auth_manager_clear_cached_credentials (SOUP_AUTH_MANAGER (auth_manager));
}

/**
 * iwd_client_get_login:
 * @self: a client
 *
 * Returns: (nullable): the HappyAssur login, or %NULL when no credentials
 *   are set
 */
const char *
iwd_client_get_login (IwdClient *self)
{
  g_return_val_if_fail (IWD_IS_CLIENT (self), NULL);

  return self->login;
}

/* With libsoup's default session, two stalled requests to a host hold
 * back every other request to it until they time out, as
 * /transport/stalled-requests-leave-room shows. A window sends about six
 * requests at once, an estimate from its pages. */
#define MAX_CONNECTIONS_PER_HOST 8

/**
 * iwd_client_new_session:
 *
 * Creates the HTTP session for clients of one process, which lets a few
 * stalled requests to a server leave room for the others.
 *
 * Returns: (transfer full): a new session
 */
SoupSession *
iwd_client_new_session (void)
{
  return soup_session_new_with_options ("max-conns-per-host", MAX_CONNECTIONS_PER_HOST,
                                        "max-conns", 2 * MAX_CONNECTIONS_PER_HOST,
                                        NULL);
}

/**
 * iwd_client_get_session:
 * @self: a client
 *
 * Returns: (transfer none): the session the client sends with
 */
SoupSession *
iwd_client_get_session (IwdClient *self)
{
  g_return_val_if_fail (IWD_IS_CLIENT (self), NULL);

  return self->session;
}

/**
 * iwd_client_set_timeout:
 * @self: a client
 * @seconds: the timeout in seconds, or 0 for none
 *
 * Sets how long a request may wait for the reply's headers, or for the
 * next part of its body, before it fails with %IWD_API_ERROR_TIMEOUT.
 * The default is 30 seconds. Because the timer restarts with each part
 * read, a slow but steady download of a large portfolio does not time out.
 */
void
iwd_client_set_timeout (IwdClient *self,
                        guint      seconds)
{
  g_return_if_fail (IWD_IS_CLIENT (self));

  self->timeout_ms = MIN (seconds, G_MAXUINT / 1000) * 1000;
}

/**
 * iwd_client_set_retry_policy:
 * @self: a client
 * @max_retries: how many times a GET is sent again, 0 for never
 * @base_delay_ms: the wait before the first retry, in milliseconds
 * @max_delay_ms: the longest wait, in milliseconds, also capping a
 *   server's Retry-After
 *
 * Sets how a GET that got a 503 or timed out is retried: after
 * @base_delay_ms, then twice as long each time. Other methods are never
 * retried. The defaults are 3 retries, 1 s and 30 s.
 */
void
iwd_client_set_retry_policy (IwdClient *self,
                             guint      max_retries,
                             guint      base_delay_ms,
                             guint      max_delay_ms)
{
  g_return_if_fail (IWD_IS_CLIENT (self));

  self->max_retries = max_retries;
  self->base_delay_ms = base_delay_ms;
  self->max_delay_ms = MAX (max_delay_ms, base_delay_ms);
}

/**
 * iwd_client_set_max_reply_sizes:
 * @self: a client
 * @max_reply_size: the largest body of a list, form, check or asset
 *   reply, in bytes
 * @max_table_size: the largest body of a contracts or commissions reply,
 *   in bytes
 *
 * Sets the size past which a reply fails with
 * %IWD_API_ERROR_INVALID_REPLY, before or while its body is read. The
 * defaults are 8 MiB and 512 MiB.
 */
void
iwd_client_set_max_reply_sizes (IwdClient *self,
                                gsize      max_reply_size,
                                gsize      max_table_size)
{
  g_return_if_fail (IWD_IS_CLIENT (self));

  self->max_reply_size = max_reply_size;
  self->max_table_size = max_table_size;
}

/**
 * iwd_client_build_url:
 * @self: a client
 * @route: the call
 * @path: the route's expanded path
 *
 * Returns: (transfer full): the absolute URL of @path
 */
char *
iwd_client_build_url (IwdClient  *self,
                      IwdRoute    route,
                      const char *path)
{
  return g_strconcat (self->base_urls[iwd_route_get_service (route)], path, NULL);
}

/**
 * iwd_client_join_options:
 * @options: (array zero-terminated=1) (nullable): the `Option` of each
 *   field that applies
 *
 * Joins the options of a form into the value of the route's one `Option`
 * parameter.
 *
 * Returns: (transfer full) (nullable): the value, or %NULL when there are
 *   no options
 */
char *
iwd_client_join_options (const char * const *options)
{
  if (options == NULL || options[0] == NULL)
    return NULL;

  /* TODO: the API document does not say how several options are sent;
   * a comma-separated list is a guess to check against the live API. */
  return g_strjoinv (",", (char **) options);
}

/**
 * iwd_client_list_companies_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is read
 * @user_data: data for @callback
 *
 * Fetches the list of companies that the robot can log into.
 */
void
iwd_client_list_companies_async (IwdClient           *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));

  request = iwd_request_new (IWD_ROUTE_COMPANY_LIST, NULL);
  iwd_request_set_parser (request, iwd_client_parse_companies,
                          (GDestroyNotify) g_ptr_array_unref, FALSE);

  iwd_client_send_request (self, request, iwd_client_list_companies_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_list_companies_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdCompany) (nullable): the
 *   companies, or %NULL with @error set
 */
GPtrArray *
iwd_client_list_companies_finish (IwdClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_list_companies_async, error);
}

/**
 * iwd_client_get_fields_async:
 * @self: a client
 * @company: the company's name, as in the company list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the schema is read
 * @user_data: data for @callback
 *
 * Fetches the fields of @company's credential form. The schema can change
 * without notice, so fetch it each time a form is built.
 */
void
iwd_client_get_fields_async (IwdClient           *self,
                             const char          *company,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  const char *values[] = { company, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (company != NULL);

  request = iwd_request_new (IWD_ROUTE_COMPANY_SCHEMA, values);
  iwd_request_set_parser (request, iwd_client_parse_fields,
                          (GDestroyNotify) g_ptr_array_unref, FALSE);

  iwd_client_send_request (self, request, iwd_client_get_fields_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_get_fields_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdField) (nullable): the
 *   fields in the order of the schema, or %NULL with @error set
 */
GPtrArray *
iwd_client_get_fields_finish (IwdClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_get_fields_async, error);
}

/**
 * iwd_client_check_credentials_async:
 * @self: a client
 * @company: the company's name, as in the company list
 * @values: the form's values, keyed by each field's `JSon`
 * @options: (array zero-terminated=1) (nullable): the `Option` of each
 *   field that applies
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the company's reply is read
 * @user_data: data for @callback
 *
 * Asks IWRest whether @values log into @company's extranet.
 */
void
iwd_client_check_credentials_async (IwdClient           *self,
                                    const char          *company,
                                    JsonObject          *values,
                                    const char * const  *options,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autofree char *option = iwd_client_join_options (options);
  const char *route_values[] = { company, option, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (company != NULL && values != NULL);

  request = iwd_request_new (IWD_ROUTE_COMPANY_CHECK, route_values);
  iwd_request_set_json_object (request, values);
  iwd_request_set_parser (request, iwd_client_parse_check_reply, g_object_unref, FALSE);

  iwd_client_send_request (self, request, iwd_client_check_credentials_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_check_credentials_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the company's verdict, with a
 *   message per field when it refused, or %NULL with @error set
 */
IwdCheckReply *
iwd_client_check_credentials_finish (IwdClient     *self,
                                     GAsyncResult  *result,
                                     GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_check_credentials_async, error);
}

/**
 * iwd_client_fetch_asset_async:
 * @self: a client
 * @route: %IWD_ROUTE_LOGO, %IWD_ROUTE_HELP_PAGE or %IWD_ROUTE_HELP_PAGE_OLD
 * @company: the company's name, as in the company list
 * @etag: (nullable): the ETag of a cached copy
 * @last_modified: (nullable): the Last-Modified date of a cached copy
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the asset is read
 * @user_data: data for @callback
 *
 * Fetches a logo or help page from the site, without authorization. With
 * a validator, an unchanged asset finishes without bytes and with
 * not-modified set.
 */
void
iwd_client_fetch_asset_async (IwdClient           *self,
                              IwdRoute             route,
                              const char          *company,
                              const char          *etag,
                              const char          *last_modified,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  const char *values[] = { company, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (iwd_route_get_service (route) == IWD_SERVICE_SITE);
  g_return_if_fail (company != NULL);

  request = iwd_request_new (route, values);
  iwd_request_set_validators (request, etag, last_modified);

  iwd_client_send_request (self, request, iwd_client_fetch_asset_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_fetch_asset_finish:
 * @self: a client
 * @result: the result given to the callback
 * @out_not_modified: (out) (optional): set to whether the cached copy is
 *   still current (a 304 reply)
 * @out_etag: (out) (optional) (transfer full) (nullable): the ETag
 * @out_last_modified: (out) (optional) (transfer full) (nullable): the
 *   Last-Modified date
 * @out_content_type: (out) (optional) (transfer full) (nullable): the
 *   media type, such as `image/png`
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the asset's bytes; %NULL without
 *   @error after a 304, or %NULL with @error set
 */
GBytes *
iwd_client_fetch_asset_finish (IwdClient     *self,
                               GAsyncResult  *result,
                               gboolean      *out_not_modified,
                               char         **out_etag,
                               char         **out_last_modified,
                               char         **out_content_type,
                               GError       **error)
{
  g_autoptr(IwdReply) reply = NULL;

  reply = iwd_client_propagate_reply (self, result, iwd_client_fetch_asset_async, error);
  if (reply == NULL)
    return NULL;

  if (out_not_modified != NULL)
    *out_not_modified = reply->status == SOUP_STATUS_NOT_MODIFIED;
  if (out_etag != NULL)
    *out_etag = g_steal_pointer (&reply->etag);
  if (out_last_modified != NULL)
    *out_last_modified = g_steal_pointer (&reply->last_modified);
  if (out_content_type != NULL)
    *out_content_type = g_steal_pointer (&reply->content_type);

  return g_steal_pointer (&reply->body);
}

/**
 * iwd_client_dup_asset_url:
 * @self: a client
 * @route: %IWD_ROUTE_LOGO, %IWD_ROUTE_HELP_PAGE or %IWD_ROUTE_HELP_PAGE_OLD
 * @company: the company's name, as in the company list
 *
 * Builds the URL of a logo or help page, for a web view that loads it
 * itself.
 *
 * Returns: (transfer full): the asset's URL
 */
char *
iwd_client_dup_asset_url (IwdClient  *self,
                          IwdRoute    route,
                          const char *company)
{
  const char *values[] = { company, NULL };
  g_autofree char *path = NULL;

  g_return_val_if_fail (IWD_IS_CLIENT (self), NULL);
  g_return_val_if_fail (iwd_route_get_service (route) == IWD_SERVICE_SITE, NULL);
  g_return_val_if_fail (company != NULL, NULL);

  path = iwd_route_expand (route, values);

  return iwd_client_build_url (self, route, path);
}
