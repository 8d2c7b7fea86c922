/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The transport's refusals: plain HTTP to a host that is not loopback is
 * rejected before any connection, and a TLS server on loopback whose
 * certificate is self-signed is rejected with a message stating that the
 * certificate is not trusted. Nothing here connects beyond 127.0.0.1. */

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <libsoup/soup.h>
#include <string.h>

#include "iwd-api-error.h"
#include "iwd-client.h"

#define TEST_TIMEOUT_SECONDS 20

typedef struct {
  char         *folder;
  SoupServer   *server;
  SoupSession  *session;
  IwdClient    *client;
  GAsyncResult *result;
  guint         requests_served;
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

static void
on_request (SoupServer        *server,
            SoupServerMessage *message,
            const char        *path,
            GHashTable        *query,
            gpointer           data)
{
  Fixture *f = data;

  f->requests_served++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "AXA\n", 4);
}

/* Writes a throwaway key and a self-signed certificate for 127.0.0.1,
 * valid for one day, into the fixture's folder. */
static GTlsCertificate *
generate_certificate (Fixture  *f,
                      GError  **error)
{
  g_autofree char *key_path = g_build_filename (f->folder, "key.pem", NULL);
  g_autofree char *cert_path = g_build_filename (f->folder, "cert.pem", NULL);
  g_autoptr(GSubprocess) openssl = NULL;

  openssl = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                              error, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes",
                              "-subj", "/CN=127.0.0.1", "-days", "1",
                              "-keyout", key_path, "-out", cert_path, NULL);
  if (openssl == NULL || !g_subprocess_wait_check (openssl, NULL, error))
    return NULL;

  return g_tls_certificate_new_from_files (cert_path, key_path, error);
}

static gboolean
start_tls_server (Fixture  *f,
                  GError  **error)
{
  g_autoptr(GTlsCertificate) certificate = generate_certificate (f, error);

  if (certificate == NULL)
    return FALSE;

  f->server = soup_server_new ("tls-certificate", certificate, NULL);
  soup_server_add_handler (f->server, NULL, on_request, f, NULL);

  return soup_server_listen_local (f->server, 0,
                                   SOUP_SERVER_LISTEN_HTTPS | SOUP_SERVER_LISTEN_IPV4_ONLY,
                                   error);
}

static guint
get_server_port (Fixture *f)
{
  GSList *uris = soup_server_get_uris (f->server);
  guint port = g_uri_get_port (uris->data);

  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);

  return port;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  f->folder = g_dir_make_tmp ("iwd-transport-XXXXXX", &error);
  g_assert_no_error (error);
  f->session = soup_session_new ();
}

static void
remove_folder (const char *folder)
{
  const char *names[] = { "key.pem", "cert.pem" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_remove (path);
    }

  g_rmdir (folder);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->result);
  g_clear_object (&f->client);
  g_clear_object (&f->session);

  if (f->server != NULL)
    soup_server_disconnect (f->server);
  g_clear_object (&f->server);

  remove_folder (f->folder);
  g_free (f->folder);
}

static void
test_plain_http_remote_rejected (Fixture       *f,
                                 gconstpointer  data)
{
  /* 192.0.2.1 is in TEST-NET-1 (RFC 5737), where no host replies, so
   * even a client that did connect would reach nothing. */
  static const char *const urls[] = {
    "http://ws.example.com/",
    "http://192.0.2.1/",
    "http://[2001:db8::1]/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) check_error = NULL;
      g_autoptr(GError) client_error = NULL;
      g_autoptr(IwdClient) client = NULL;

      g_assert_false (iwd_api_check_url (urls[i], &check_error));
      g_assert_error (check_error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);

      client = iwd_client_new_for_server (f->session, urls[i], &client_error);
      g_assert_null (client);
      g_assert_error (client_error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);
    }
}

static void
test_plain_http_loopback_accepted (Fixture       *f,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iwd_api_check_url ("http://127.0.0.1:8080/", &error));
  g_assert_no_error (error);
  g_assert_true (iwd_api_check_url ("http://localhost/", &error));
  g_assert_no_error (error);
}

static void
test_self_signed_rejected (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  g_autofree char *url = NULL;
  g_autofree char *openssl = g_find_program_in_path ("openssl");
  guint watchdog;

  if (openssl == NULL)
    {
      g_test_skip ("openssl is not installed, so no certificate can be made");
      return;
    }

  start_tls_server (f, &error);
  g_assert_no_error (error);

  url = g_strdup_printf ("https://127.0.0.1:%u/", get_server_port (f));
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_retry_policy (f->client, 0, 10, 10);

  watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  iwd_client_list_companies_async (f->client, NULL, on_done, f);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);

  companies = iwd_client_list_companies_finish (f->client, f->result, &error);
  g_assert_null (companies);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "certificate is not trusted"));
  g_assert_cmpuint (f->requests_served, ==, 0);
}

/* Keeps each request to /stall waiting, and replies to the others. */
static void
on_stalling_request (SoupServer        *server,
                     SoupServerMessage *message,
                     const char        *path,
                     GHashTable        *query,
                     gpointer           data)
{
  Fixture *f = data;

  if (g_str_equal (path, "/stall"))
    {
      soup_server_message_pause (message);
      return;
    }

  f->requests_served++;
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, "text/plain", SOUP_MEMORY_STATIC, "ok", 2);
}

static void
send_get (Fixture             *f,
          guint                port,
          const char          *path,
          GCancellable        *cancellable,
          GAsyncReadyCallback  callback,
          gpointer             data)
{
  g_autofree char *url = g_strdup_printf ("http://127.0.0.1:%u%s", port, path);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

  soup_session_send_and_read_async (f->session, message, G_PRIORITY_DEFAULT, cancellable,
                                    callback, data);
}

/* Two requests that the server leaves waiting, as the error list under a
 * stall, must not hold back a third one to the same server. */
static void
test_stalled_requests_leave_room (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GCancellable) stalled = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;
  guint watchdog;
  guint port;

  g_clear_object (&f->session);
  f->session = iwd_client_new_session ();
  f->server = soup_server_new (NULL, NULL);
  soup_server_add_handler (f->server, NULL, on_stalling_request, f, NULL);
  soup_server_listen_local (f->server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error);
  g_assert_no_error (error);
  port = get_server_port (f);

  send_get (f, port, "/stall", stalled, NULL, NULL);
  send_get (f, port, "/stall", stalled, NULL, NULL);
  send_get (f, port, "/ok", NULL, on_done, f);
  watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_source_remove (watchdog);

  body = soup_session_send_and_read_finish (f->session, f->result, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (body), ==, 2);
  g_assert_cmpuint (f->requests_served, ==, 1);

  g_cancellable_cancel (stalled);
  while (g_main_context_iteration (NULL, FALSE));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/transport/plain-http-remote-rejected", Fixture, NULL,
              fixture_set_up, test_plain_http_remote_rejected, fixture_tear_down);
  g_test_add ("/transport/plain-http-loopback-accepted", Fixture, NULL,
              fixture_set_up, test_plain_http_loopback_accepted, fixture_tear_down);
  g_test_add ("/transport/self-signed-rejected", Fixture, NULL,
              fixture_set_up, test_self_signed_rejected, fixture_tear_down);
  g_test_add ("/transport/stalled-requests-leave-room", Fixture, NULL,
              fixture_set_up, test_stalled_requests_leave_room, fixture_tear_down);

  return g_test_run ();
}
