/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdClient against a small SoupServer of this test, for what the sandbox
 * does not do on purpose: replies that never come, 503s, challenges. The
 * server runs on the test's own main context, so one loop drives both. */

#include <string.h>

#include <libsoup/soup.h>

#include "iwd-api-error.h"
#include "iwd-check-reply.h"
#include "iwd-client.h"

#define TEST_TIMEOUT_SECONDS 20

typedef enum {
  REPLY_OK,
  REPLY_NEVER,
  REPLY_CANCEL,
  REPLY_UNAVAILABLE_TWICE,
  REPLY_UNAVAILABLE_ALWAYS,
  REPLY_INVALID_JSON,
} ReplyMode;

typedef struct {
  SoupServer   *server;
  char         *url;
  SoupSession  *session;
  IwdClient    *client;
  GCancellable *cancellable;
  GAsyncResult *result;
  guint         watchdog;

  ReplyMode     mode;
  guint         n_requests;
  char         *request_body;
  char         *request_query;
  char         *authorization;
  char         *if_none_match;
} Fixture;

static gboolean
on_watchdog (gpointer data)
{
  g_error ("test did not finish within %d s", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Fixture *f = data;

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return f->result;
}

static void
record_request (Fixture           *f,
                SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_request_headers (message);
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  GUri *uri = soup_server_message_get_uri (message);

  f->n_requests++;

  g_clear_pointer (&f->request_body, g_free);
  g_clear_pointer (&f->request_query, g_free);
  g_clear_pointer (&f->authorization, g_free);
  g_clear_pointer (&f->if_none_match, g_free);

  f->request_body = g_strndup (body->data, body->length);
  f->request_query = g_strdup (g_uri_get_query (uri));
  f->authorization = g_strdup (soup_message_headers_get_one (headers, "Authorization"));
  f->if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));
}

static void
reply_text (SoupServerMessage *message,
            guint              status,
            const char        *content_type,
            const char        *text)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY,
                                    text, strlen (text));
}

static void
reply_unavailable (SoupServerMessage *message,
                   const char        *retry_after)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  if (retry_after != NULL)
    soup_message_headers_replace (headers, "Retry-After", retry_after);

  reply_text (message, SOUP_STATUS_SERVICE_UNAVAILABLE, "text/plain", "busy");
}

static void
handle_profiles (SoupServer        *server,
                 SoupServerMessage *message,
                 const char        *path,
                 GHashTable        *query,
                 gpointer           data)
{
  Fixture *f = data;

  record_request (f, message);

  switch (f->mode)
    {
    case REPLY_NEVER:
      soup_server_message_pause (message);
      return;

    case REPLY_CANCEL:
      g_cancellable_cancel (f->cancellable);
      soup_server_message_pause (message);
      return;

    case REPLY_UNAVAILABLE_TWICE:
      if (f->n_requests <= 2)
        {
          reply_unavailable (message, "0");
          return;
        }
      break;

    case REPLY_UNAVAILABLE_ALWAYS:
      reply_unavailable (message, NULL);
      return;

    case REPLY_INVALID_JSON:
      reply_text (message, SOUP_STATUS_OK, "application/json", "[{\"cie\": \"axa\",");
      return;

    case REPLY_OK:
    default:
      break;
    }

  reply_text (message, SOUP_STATUS_OK, "application/json", "[]");
}

/* Challenges a request without credentials, which makes libsoup send the
 * request again when it has credentials of its own to add. */
static void
handle_check (SoupServer        *server,
              SoupServerMessage *message,
              const char        *path,
              GHashTable        *query,
              gpointer           data)
{
  Fixture *f = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  record_request (f, message);

  if (f->mode == REPLY_UNAVAILABLE_ALWAYS)
    {
      reply_unavailable (message, "0");
      return;
    }

  if (f->authorization == NULL)
    {
      soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"IWRest\"");
      reply_text (message, SOUP_STATUS_UNAUTHORIZED, "text/plain", "");
      return;
    }

  reply_text (message, SOUP_STATUS_OK, "text/plain", "General=Ok\r\n");
}

static void
handle_logo (SoupServer        *server,
             SoupServerMessage *message,
             const char        *path,
             GHashTable        *query,
             gpointer           data)
{
  Fixture *f = data;
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  record_request (f, message);
  soup_message_headers_replace (headers, "ETag", "\"logo-1\"");

  if (g_strcmp0 (f->if_none_match, "\"logo-1\"") == 0)
    {
      soup_server_message_set_status (message, SOUP_STATUS_NOT_MODIFIED, NULL);
      return;
    }

  reply_text (message, SOUP_STATUS_OK, "image/png", "\x89PNG fake");
}

static char *
start_server (Fixture *f)
{
  g_autoptr(GError) error = NULL;
  GSList *uris;
  char *url;

  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, "/Robot/Profils", handle_profiles, f, NULL);
  soup_server_add_handler (f->server, "/iwrest/ALLIANZ", handle_check, f, NULL);
  soup_server_add_handler (f->server, "/include/ALLIANZ.png", handle_logo, f, NULL);

  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (f->server);
  url = g_uri_to_string (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return url;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  f->url = start_server (f);
  f->session = soup_session_new ();
  f->cancellable = g_cancellable_new ();

  f->client = iwd_client_new_for_server (f->session, f->url, &error);
  g_assert_no_error (error);

  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_retry_policy (f->client, 2, 10, 100);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->session);
  g_clear_object (&f->cancellable);

  soup_server_disconnect (f->server);
  g_assert_finalize_object (f->server);

  g_free (f->url);
  g_free (f->request_body);
  g_free (f->request_query);
  g_free (f->authorization);
  g_free (f->if_none_match);
  g_source_remove (f->watchdog);
}

static GPtrArray *
list_profiles (Fixture  *f,
               GError  **error)
{
  iwd_client_list_profiles_async (f->client, f->cancellable, on_done, f);

  return iwd_client_list_profiles_finish (f->client, wait_for_result (f), error);
}

static IwdCheckReply *
check_credentials (Fixture  *f,
                   GError  **error)
{
  g_autoptr(JsonObject) values = json_object_new ();
  const char *options[] = { "clos", NULL };

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "p@ss é");

  iwd_client_check_credentials_async (f->client, "ALLIANZ", values, options,
                                      f->cancellable, on_done, f);

  return iwd_client_check_credentials_finish (f->client, wait_for_result (f), error);
}

static void
test_url_insecure (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdClient) client = NULL;

  client = iwd_client_new_for_server (session, "http://example.com/", &error);

  g_assert_null (client);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);
}

static void
test_url_insecure_robot (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdClient) client = NULL;

  client = iwd_client_new (session, "https://ws.importweb.fr/iwrest/",
                           "http://ws.importweb.fr/Robot/",
                           "https://www.importweb.fr/", &error);

  g_assert_null (client);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);
}

static void
test_url_slash (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdClient) client = NULL;
  g_autofree char *logo = NULL;
  g_autofree char *help = NULL;

  client = iwd_client_new (session, "https://ws.importweb.fr/iwrest",
                           "https://ws.importweb.fr/Robot",
                           "https://www.importweb.fr", &error);
  g_assert_no_error (error);

  logo = iwd_client_dup_asset_url (client, IWD_ROUTE_LOGO, "ALLIANZ");
  help = iwd_client_dup_asset_url (client, IWD_ROUTE_HELP_PAGE, "Crédit Mutuel");

  g_assert_cmpstr (logo, ==, "https://www.importweb.fr/include/ALLIANZ.png");
  g_assert_cmpstr (help, ==, "https://www.importweb.fr/user/Cr%C3%A9dit%20Mutuel.html");
}

static void
test_credentials_login (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(IwdClient) client = NULL;

  client = iwd_client_new_for_server (session, "http://127.0.0.1:1/", NULL);
  iwd_client_set_credentials (client, "broker", "secret");
  g_assert_cmpstr (iwd_client_get_login (client), ==, "broker");

  iwd_client_clear_credentials (client);
  g_assert_null (iwd_client_get_login (client));
}

static void
test_profiles_empty (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = list_profiles (f, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);
  g_assert_cmpstr (f->authorization, ==, "Basic YnJva2VyOnNlY3JldA==");
}

static void
test_timeout_retried (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  f->mode = REPLY_NEVER;
  iwd_client_set_timeout (f->client, 1);
  iwd_client_set_retry_policy (f->client, 1, 10, 100);

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT);
  g_assert_cmpuint (f->n_requests, ==, 2);
}

/* A stalled server gets one more try, however many a 503 would get. */
static void
test_timeout_retried_once (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  f->mode = REPLY_NEVER;
  iwd_client_set_timeout (f->client, 1);
  iwd_client_set_retry_policy (f->client, 3, 10, 100);

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT);
  g_assert_cmpuint (f->n_requests, ==, 2);
}

/* The backoff is 5 s, so only an honoured Retry-After of 0 finishes the
 * three tries within a second. */
static void
test_unavailable_retry_after (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  gint64 started_us = g_get_monotonic_time ();

  f->mode = REPLY_UNAVAILABLE_TWICE;
  iwd_client_set_retry_policy (f->client, 3, 5000, 10000);
  g_test_expect_message ("IWDesk", G_LOG_LEVEL_INFO,
                         "api: retrying GET Profils after 0 ms (attempt 2)*");
  g_test_expect_message ("IWDesk", G_LOG_LEVEL_INFO,
                         "api: retrying GET Profils after 0 ms (attempt 3)*");

  profiles = list_profiles (f, &error);

  g_test_assert_expected_messages ();
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);
  g_assert_cmpuint (f->n_requests, ==, 3);
  g_assert_cmpint (g_get_monotonic_time () - started_us, <, G_USEC_PER_SEC);
}

static void
test_unavailable_exhausted (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  f->mode = REPLY_UNAVAILABLE_ALWAYS;

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_SERVER);
  g_assert_cmpuint (f->n_requests, ==, 3);
}

static void
test_put_not_retried (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = NULL;

  f->mode = REPLY_UNAVAILABLE_ALWAYS;

  reply = check_credentials (f, &error);

  g_assert_null (reply);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_SERVER);
  g_assert_cmpuint (f->n_requests, ==, 1);
}

static void
test_put_body_first_request (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = check_credentials (f, &error);

  g_assert_no_error (error);
  g_assert_true (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpstr (f->request_body, ==, "{\"Login\":\"jdupont\",\"Password\":\"p@ss é\"}");
  g_assert_cmpstr (f->request_query, ==, "Option=clos");
  g_assert_cmpstr (f->authorization, ==, "Basic YnJva2VyOnNlY3JldA==");
}

static void
test_unauthorized (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = NULL;

  iwd_client_clear_credentials (f->client);

  reply = check_credentials (f, &error);

  g_assert_null (reply);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED);
  g_assert_null (f->authorization);
  g_assert_cmpuint (f->n_requests, ==, 1);
}

static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  g_cancellable_cancel (f->cancellable);

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_cancel_during (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  f->mode = REPLY_CANCEL;

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->n_requests, ==, 1);
}

static gboolean
cancel_later (gpointer data)
{
  g_cancellable_cancel (data);

  return G_SOURCE_REMOVE;
}

static void
test_cancel_while_waiting (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  gint64 started_us = g_get_monotonic_time ();

  f->mode = REPLY_UNAVAILABLE_ALWAYS;
  iwd_client_set_retry_policy (f->client, 3, 10000, 10000);
  g_timeout_add (200, cancel_later, f->cancellable);

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpint (g_get_monotonic_time () - started_us, <, 5 * G_USEC_PER_SEC);
}

static void
test_invalid_json (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  f->mode = REPLY_INVALID_JSON;

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_true (g_str_has_prefix (error->message, "Invalid reply to GET Profils: "));
}

static void
store_result (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  GAsyncResult **out_result = data;

  *out_result = g_object_ref (result);
}

static void
test_connection_refused (void)
{
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdClient) client = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autofree char *url = NULL;
  GAsyncResult *result = NULL;
  guint16 port;

  /* A port that was free a moment ago is closed now. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  client = iwd_client_new_for_server (session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_retry_policy (client, 0, 10, 10);

  iwd_client_list_profiles_async (client, NULL, store_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  profiles = iwd_client_list_profiles_finish (client, result, &error);
  g_clear_object (&result);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
}

static void
test_asset_not_modified (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *content_type = NULL;
  gboolean not_modified = TRUE;

  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_LOGO, "ALLIANZ", NULL, NULL,
                                NULL, on_done, f);
  logo = iwd_client_fetch_asset_finish (f->client, wait_for_result (f), &not_modified,
                                        &etag, NULL, &content_type, &error);
  g_clear_object (&f->result);

  g_assert_no_error (error);
  g_assert_false (not_modified);
  g_assert_cmpuint (g_bytes_get_size (logo), ==, strlen ("\x89PNG fake"));
  g_assert_cmpstr (etag, ==, "\"logo-1\"");
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_null (f->authorization);

  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_LOGO, "ALLIANZ", etag, NULL,
                                NULL, on_done, f);
  again = iwd_client_fetch_asset_finish (f->client, wait_for_result (f), &not_modified,
                                         NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_null (again);
  g_assert_true (not_modified);
  g_assert_cmpstr (f->if_none_match, ==, "\"logo-1\"");
}

static void
add_fixture_test (const char *path,
                  void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/client/url/insecure", test_url_insecure);
  g_test_add_func ("/client/url/insecure-robot", test_url_insecure_robot);
  g_test_add_func ("/client/url/slash", test_url_slash);
  g_test_add_func ("/client/credentials/login", test_credentials_login);
  g_test_add_func ("/client/network/refused", test_connection_refused);

  add_fixture_test ("/client/profiles/empty", test_profiles_empty);
  add_fixture_test ("/client/timeout/retried", test_timeout_retried);
  add_fixture_test ("/client/timeout/retried-once", test_timeout_retried_once);
  add_fixture_test ("/client/unavailable/retry-after", test_unavailable_retry_after);
  add_fixture_test ("/client/unavailable/exhausted", test_unavailable_exhausted);
  add_fixture_test ("/client/put/not-retried", test_put_not_retried);
  add_fixture_test ("/client/put/body-first-request", test_put_body_first_request);
  add_fixture_test ("/client/unauthorized", test_unauthorized);
  add_fixture_test ("/client/cancel/before", test_cancel_before);
  add_fixture_test ("/client/cancel/during", test_cancel_during);
  add_fixture_test ("/client/cancel/while-waiting", test_cancel_while_waiting);
  add_fixture_test ("/client/reply/invalid-json", test_invalid_json);
  add_fixture_test ("/client/asset/not-modified", test_asset_not_modified);

  return g_test_run ();
}
