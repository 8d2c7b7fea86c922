/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <json-glib/json-glib.h>
#include <string.h>

#include "sandbox-fixture.h"

typedef struct {
  SandboxReply *reply;
  GError       *error;
  gboolean      done;
} PendingSend;

static void
on_sent (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  PendingSend *pending = user_data;

  pending->reply->body = soup_session_send_and_read_finish (SOUP_SESSION (source), result,
                                                            &pending->error);
  pending->done = TRUE;
}

static gboolean
on_timeout (gpointer user_data)
{
  gboolean *done = user_data;

  *done = TRUE;

  return G_SOURCE_REMOVE;
}

/* Sends the Basic header with the first request: libsoup 3.2 loses the
 * body of a PUT it retries after a 401 challenge. */
static void
add_credentials (SoupMessage *message,
                 const char  *credentials)
{
  g_autofree char *encoded = NULL;
  g_autofree char *header = NULL;

  if (credentials == NULL)
    return;

  encoded = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  header = g_strconcat ("Basic ", encoded, NULL);
  soup_message_headers_replace (soup_message_get_request_headers (message), "Authorization", header);
}

static SandboxReply *
send_and_wait (SoupSession *session,
               SoupMessage *message)
{
  PendingSend pending = { g_new0 (SandboxReply, 1), NULL, FALSE };

  soup_session_send_and_read_async (session, message, G_PRIORITY_DEFAULT, NULL, on_sent, &pending);
  while (!pending.done)
    g_main_context_iteration (NULL, TRUE);

  g_assert_no_error (pending.error);
  pending.reply->status = soup_message_get_status (message);
  pending.reply->headers = soup_message_headers_ref (soup_message_get_response_headers (message));

  return pending.reply;
}

void
sandbox_fixture_set_up (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(GError) error = NULL;

  fixture->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_set_robot_delay (fixture->sandbox, 200);
  iwd_sandbox_set_sizes (fixture->sandbox, 5, 20);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  fixture->base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  fixture->session = soup_session_new ();
}

void
sandbox_fixture_tear_down (SandboxFixture *fixture,
                           gconstpointer   data)
{
  g_clear_object (&fixture->session);
  g_clear_pointer (&fixture->base_url, g_free);
  iwd_sandbox_stop (fixture->sandbox);
  g_assert_finalize_object (fixture->sandbox);
}

/**
 * sandbox_send:
 * @fixture: a started fixture
 * @method: the HTTP method
 * @path: the path after the base URL, such as "Robot/Profils"
 * @credentials: (nullable): "login:password", or %NULL for none
 * @body: (nullable): a request body, sent as JSON
 *
 * Sends one request and runs the main context until the reply is read.
 *
 * Returns: (transfer full): the reply
 */
SandboxReply *
sandbox_send (SandboxFixture *fixture,
              const char     *method,
              const char     *path,
              const char     *credentials,
              const char     *body)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new (method, url);

  g_assert_nonnull (message);
  if (body != NULL)
    {
      g_autoptr(GBytes) bytes = g_bytes_new (body, strlen (body));

      soup_message_set_request_body_from_bytes (message, "application/json", bytes);
    }

  return sandbox_send_message (fixture, message, credentials);
}

SandboxReply *
sandbox_send_message (SandboxFixture *fixture,
                      SoupMessage    *message,
                      const char     *credentials)
{
  add_credentials (message, credentials);

  return send_and_wait (fixture->session, message);
}

SandboxReply *
sandbox_send_to (SoupSession *session,
                 const char  *url)
{
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

  return send_and_wait (session, message);
}

void
sandbox_reply_free (SandboxReply *reply)
{
  g_clear_pointer (&reply->body, g_bytes_unref);
  g_clear_pointer (&reply->headers, soup_message_headers_unref);
  g_free (reply);
}

char *
sandbox_reply_dup_text (SandboxReply *reply)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (reply->body, &length);

  return g_strndup (data, length);
}

JsonNode *
sandbox_reply_parse_json (SandboxReply *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (reply->body, &length);

  json_parser_load_from_data (parser, data, length, &error);
  g_assert_no_error (error);
  g_assert_nonnull (json_parser_get_root (parser));

  return json_node_copy (json_parser_get_root (parser));
}

/* Runs the main context for @milliseconds, so the sandbox keeps serving
 * while a test waits for the simulated robot. */
void
sandbox_wait (guint milliseconds)
{
  gboolean done = FALSE;

  g_timeout_add (milliseconds, on_timeout, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
}
