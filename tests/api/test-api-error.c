/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <gio/gio.h>

#include "iwd-api-error.h"
#include "iwd-parse-error.h"

typedef struct {
  guint status;
  int   code;
} StatusCase;

static void
test_status_success (void)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (iwd_api_error_from_status (200, "GET Profils", "OK", &error));
  g_assert_no_error (error);
  g_assert_true (iwd_api_error_from_status (204, "DELETE Profil/A1", NULL, &error));
  g_assert_no_error (error);
}

static void
test_status_codes (void)
{
  static const StatusCase cases[] = {
    { 401, IWD_API_ERROR_UNAUTHORIZED },
    { 403, IWD_API_ERROR_FORBIDDEN },
    { 404, IWD_API_ERROR_NOT_FOUND },
    { 408, IWD_API_ERROR_TIMEOUT },
    { 504, IWD_API_ERROR_TIMEOUT },
    { 500, IWD_API_ERROR_SERVER },
    { 503, IWD_API_ERROR_SERVER },
    { 400, IWD_API_ERROR_SERVER },
    { 304, IWD_API_ERROR_SERVER },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;

      g_assert_false (iwd_api_error_from_status (cases[i].status, "GET Profils", NULL, &error));
      g_assert_error (error, IWD_API_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, "GET Profils"));
    }
}

static void
test_status_unauthorized_message (void)
{
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_status (401, "GET Profils", "Unauthorized", &error);

  g_assert_nonnull (strstr (error->message, "wrong HappyAssur login or password"));
}

static void
test_transport_refused (void)
{
  g_autoptr(GError) transport = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CONNECTION_REFUSED,
                                                     "Connection refused");
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_transport (transport, "GET Profils", &error);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
  g_assert_nonnull (strstr (error->message, "Connection refused"));
}

static void
test_transport_resolver (void)
{
  g_autoptr(GError) transport = g_error_new_literal (G_RESOLVER_ERROR, G_RESOLVER_ERROR_NOT_FOUND,
                                                     "Name not found");
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_transport (transport, "GET Profils", &error);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
}

static void
test_transport_timed_out (void)
{
  g_autoptr(GError) transport = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
                                                     "Socket I/O timed out");
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_transport (transport, "GET Profils", &error);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT);
}

static void
test_transport_cancelled (void)
{
  g_autoptr(GError) transport = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED,
                                                     "Operation was cancelled");
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_transport (transport, "GET Profils", &error);

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_parse_message (void)
{
  g_autoptr(GError) parse_error = g_error_new_literal (IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                                                       "line 4: unexpected character");
  g_autoptr(GError) error = NULL;

  iwd_api_error_from_parse (parse_error, "GET Erreurs", &error);

  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_cmpstr (error->message, ==, "Invalid reply to GET Erreurs: line 4: unexpected character");
}

static void
test_url_accepted (void)
{
  static const char * const urls[] = {
    "https://ws.importweb.fr/iwrest/",
    "http://127.0.0.1:8080/",
    "http://127.10.0.3/",
    "http://[::1]:9000/Robot/",
    "http://localhost/",
    "http://LOCALHOST:1234",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("URL %s", urls[i]);
      g_assert_true (iwd_api_check_url (urls[i], &error));
      g_assert_no_error (error);
    }
}

static void
test_url_insecure (void)
{
  static const char * const urls[] = {
    "http://example.com/",
    "http://ws.importweb.fr/Robot/",
    "http://10.0.0.1/",
    "http://[::2]/",
    "http://localhost.example.com/",
  };

  for (guint i = 0; i < G_N_ELEMENTS (urls); i++)
    {
      g_autoptr(GError) error = NULL;

      g_test_message ("URL %s", urls[i]);
      g_assert_false (iwd_api_check_url (urls[i], &error));
      g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);
      g_assert_nonnull (strstr (error->message, urls[i]));
      g_assert_nonnull (strstr (error->message, "https"));
    }
}

static void
test_url_invalid (void)
{
  g_autoptr(GError) scheme_error = NULL;
  g_autoptr(GError) syntax_error = NULL;

  g_assert_false (iwd_api_check_url ("ftp://ws.importweb.fr/", &scheme_error));
  g_assert_error (scheme_error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME);

  g_assert_false (iwd_api_check_url ("not a url", &syntax_error));
  g_assert_nonnull (syntax_error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/api/status/success", test_status_success);
  g_test_add_func ("/api/status/codes", test_status_codes);
  g_test_add_func ("/api/status/unauthorized-message", test_status_unauthorized_message);
  g_test_add_func ("/api/transport/refused", test_transport_refused);
  g_test_add_func ("/api/transport/resolver", test_transport_resolver);
  g_test_add_func ("/api/transport/timed-out", test_transport_timed_out);
  g_test_add_func ("/api/transport/cancelled", test_transport_cancelled);
  g_test_add_func ("/api/parse/message", test_parse_message);
  g_test_add_func ("/api/url/accepted", test_url_accepted);
  g_test_add_func ("/api/url/insecure", test_url_insecure);
  g_test_add_func ("/api/url/invalid", test_url_invalid);

  return g_test_run ();
}
