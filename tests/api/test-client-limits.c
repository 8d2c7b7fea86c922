/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdClient's checks of a 2xx reply before parsing: the maximum reply
 * size, from Content-Length or while reading a chunked body, and the
 * rejection of an HTML page in place of data. A small SoupServer of this
 * test sends each reply on the test's own main context. */

#include <string.h>

#include <libsoup/soup.h>

#include "iwd-api-error.h"
#include "iwd-client.h"

#define TEST_TIMEOUT_SECONDS 20
#define MAX_REPLY_SIZE 1000
#define MAX_TABLE_SIZE 5000

typedef enum {
  REPLY_SIZED,
  REPLY_CHUNKED,
  REPLY_ERROR_PAGE,
  REPLY_HTML_PAGE,
  REPLY_OCTET_STREAM,
} ReplyMode;

typedef struct {
  SoupServer   *server;
  SoupSession  *session;
  IwdClient    *client;
  GAsyncResult *result;
  guint         watchdog;

  ReplyMode     mode;
  gsize         body_size;
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

  f->result = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return f->result;
}

/* An empty JSON array padded with spaces to @size bytes, so that only
 * its size can make a parser fail. */
static char *
new_padded_array (gsize size)
{
  char *text = g_malloc (size + 1);

  memset (text, ' ', size);
  text[0] = '[';
  text[size - 1] = ']';
  text[size] = '\0';

  return text;
}

static void
reply_chunked (SoupServerMessage *message,
               const char        *text,
               gsize              size)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  gsize half = size / 2;

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Content-Type", "application/json");
  soup_message_body_append (body, SOUP_MEMORY_COPY, text, half);
  soup_message_body_append (body, SOUP_MEMORY_COPY, text + half, size - half);
  soup_message_body_complete (body);
}

static void
reply (SoupServerMessage *message,
       guint              status,
       const char        *content_type,
       const char        *text,
       gsize              size)
{
  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_COPY, text, size);
}

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  Fixture *f = data;
  g_autofree char *padded = f->body_size >= 2 ? new_padded_array (f->body_size) : NULL;
  static const char html[] = "<html><body>Maintenance</body></html>";

  switch (f->mode)
    {
    case REPLY_SIZED:
      reply (message, SOUP_STATUS_OK, "application/json", padded, f->body_size);
      break;
    case REPLY_CHUNKED:
      reply_chunked (message, padded, f->body_size);
      break;
    case REPLY_ERROR_PAGE:
      reply (message, SOUP_STATUS_INTERNAL_SERVER_ERROR, "text/plain", padded, f->body_size);
      break;
    case REPLY_HTML_PAGE:
      reply (message, SOUP_STATUS_OK, "text/html", html, strlen (html));
      break;
    case REPLY_OCTET_STREAM:
      reply (message, SOUP_STATUS_OK, "application/octet-stream", "[]", 2);
      break;
    }
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  GSList *uris;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, on_request, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);

  uris = soup_server_get_uris (f->server);
  url = g_strdup_printf ("http://127.0.0.1:%d/", g_uri_get_port (uris->data));
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  f->session = soup_session_new ();
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_retry_policy (f->client, 0, 10, 10);
  iwd_client_set_max_reply_sizes (f->client, MAX_REPLY_SIZE, MAX_TABLE_SIZE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->client);
  g_clear_object (&f->session);
  soup_server_disconnect (f->server);
  g_clear_object (&f->server);
  g_source_remove (f->watchdog);
}

/* Lists the robot's errors, a call whose reply the client parses, and
 * returns the call's error or NULL. */
static GError *
list_errors (Fixture *f)
{
  g_autoptr(GPtrArray) errors = NULL;
  GError *error = NULL;

  iwd_client_list_errors_async (f->client, NULL, on_done, f);
  errors = iwd_client_list_errors_finish (f->client, wait_for_result (f), &error);

  return error;
}

/* Fetches a portfolio's contracts, a table, and returns the call's error
 * or NULL. */
static GError *
get_contracts (Fixture *f)
{
  g_autoptr(IwdTable) table = NULL;
  GError *error = NULL;

  iwd_client_get_contracts_async (f->client, "PTF1", NULL, NULL, NULL, on_done, f);
  table = iwd_client_get_contracts_finish (f->client, wait_for_result (f), &error);

  return error;
}

/* Deletes a profile, a call that ignores the body of its reply, and
 * returns the call's error or NULL. */
static GError *
delete_profile (Fixture *f)
{
  GError *error = NULL;

  iwd_client_delete_profile_async (f->client, "AZ1", NULL, on_done, f);
  iwd_client_delete_profile_finish (f->client, wait_for_result (f), &error);

  return error;
}

static void
test_sized_over_limit (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_SIZED;
  f->body_size = MAX_REPLY_SIZE + 1;
  error = list_errors (f);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_sized_at_limit (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_SIZED;
  f->body_size = MAX_REPLY_SIZE;
  error = list_errors (f);

  g_assert_no_error (error);
}

static void
test_chunked_over_limit (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_CHUNKED;
  f->body_size = MAX_REPLY_SIZE + 1;
  error = list_errors (f);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_nonnull (strstr (error->message, "too large"));
}

static void
test_table_limit (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GError) under = NULL;
  g_autoptr(GError) over = NULL;

  f->mode = REPLY_CHUNKED;
  f->body_size = MAX_TABLE_SIZE;
  under = get_contracts (f);
  g_clear_object (&f->result);
  f->body_size = MAX_TABLE_SIZE + 1;
  over = get_contracts (f);

  g_assert_no_error (under);
  g_assert_error (over, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
}

static void
test_error_page_keeps_status (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_ERROR_PAGE;
  f->body_size = MAX_REPLY_SIZE * 3;
  error = list_errors (f);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_SERVER);
}

static void
test_html_page_rejected (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_HTML_PAGE;
  error = delete_profile (f);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
}

static void
test_octet_stream_accepted (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->mode = REPLY_OCTET_STREAM;
  error = list_errors (f);

  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add ("/client-limits/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("sized-over-limit", test_sized_over_limit);
  ADD ("sized-at-limit", test_sized_at_limit);
  ADD ("chunked-over-limit", test_chunked_over_limit);
  ADD ("table-limit", test_table_limit);
  ADD ("error-page-keeps-status", test_error_page_keeps_status);
  ADD ("html-page-rejected", test_html_page_rejected);
  ADD ("octet-stream-accepted", test_octet_stream_accepted);

#undef ADD

  return g_test_run ();
}
