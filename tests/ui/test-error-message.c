/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>

#include "iwd-api-error.h"
#include "iwd-error-message.h"
#include "iwd-parse-error.h"

static char *
dup_message_for (GQuark      domain,
                 int         code,
                 const char *detail)
{
  g_autoptr(GError) error = g_error_new_literal (domain, code, detail);

  return iwd_error_dup_user_message (error);
}

static void
test_message_network (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_NETWORK, "refused");

  g_assert_cmpstr (message, ==, "Cannot reach ImportWeb. Check your internet connection and the server address, then try again.");
}

static void
test_message_unauthorized (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED, "401");

  g_assert_cmpstr (message, ==, "The HappyAssur login or password is wrong. Check them, then sign in again.");
}

static void
test_message_timeout (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_TIMEOUT, "30 s");

  g_assert_cmpstr (message, ==, "ImportWeb did not reply in time. Try again in a moment.");
}

static void
test_message_server (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_SERVER, "HTTP 503");

  g_assert_cmpstr (message, ==, "ImportWeb has a problem on its side. Try again later. "
                   "If it lasts, contact ImportWeb support.");
}

static void
test_message_insecure_url (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL, "http://example.com/");

  g_assert_cmpstr (message, ==, "Use an https:// server address. Plain http:// is allowed only for this computer.");
}

static void
test_message_invalid_reply_details (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
                                              "Erreurs: line 1: expected a value");

  g_assert_cmpstr (message, ==,
                   "ImportWeb sent a reply that IWDesk cannot read. Try again later. If it happens again, "
                   "contact ImportWeb support with these details: Erreurs: line 1: expected a value");
}

static void
test_message_parse_details (void)
{
  g_autofree char *message = dup_message_for (IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE, "item 2: no cie");

  g_assert_cmpstr (message, ==,
                   "ImportWeb sent a reply that IWDesk cannot read. Try again later. If it happens again, "
                   "contact ImportWeb support with these details: item 2: no cie");
}

static void
test_message_every_api_code (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  /* Each code gets its own sentence, not the generic fallback. */
  for (int code = IWD_API_ERROR_NETWORK; code <= IWD_API_ERROR_INSECURE_URL; code++)
    {
      char *message = dup_message_for (IWD_API_ERROR, code, "detail");

      g_assert_nonnull (message);
      g_assert_false (g_str_has_prefix (message, "Something went wrong"));
      g_assert_false (g_hash_table_contains (seen, message));
      g_hash_table_add (seen, message);
    }

  g_assert_cmpuint (g_hash_table_size (seen), ==, IWD_API_ERROR_INSECURE_URL + 1);
}

static void
test_message_cancelled_is_null (void)
{
  g_autofree char *message = dup_message_for (G_IO_ERROR, G_IO_ERROR_CANCELLED, "Operation was cancelled");

  g_assert_null (message);
}

static void
test_message_forbidden (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_FORBIDDEN, "HTTP 403");

  g_assert_cmpstr (message, ==, "This HappyAssur account is not allowed to do this. "
                   "Ask HappyAssur to check the rights of this account.");
}

static void
test_message_not_found (void)
{
  g_autofree char *message = dup_message_for (IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND, "HTTP 404");

  g_assert_cmpstr (message, ==, "ImportWeb did not find what was requested. Check the server address. "
                   "If it is right, contact ImportWeb support.");
}

static void
test_icon_per_error (void)
{
  g_autoptr(GError) network = g_error_new_literal (IWD_API_ERROR, IWD_API_ERROR_NETWORK, "refused");
  g_autoptr(GError) unauthorized = g_error_new_literal (IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED, "401");
  g_autoptr(GError) invalid = g_error_new_literal (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY, "not JSON");

  g_assert_cmpstr (iwd_error_get_icon_name (network), ==, "network-offline-symbolic");
  g_assert_cmpstr (iwd_error_get_icon_name (unauthorized), ==, "dialog-password-symbolic");
  g_assert_cmpstr (iwd_error_get_icon_name (invalid), ==, "dialog-warning-symbolic");
}

static void
test_message_unknown_domain (void)
{
  g_autofree char *message = dup_message_for (G_IO_ERROR, G_IO_ERROR_NO_SPACE, "disk full");

  g_assert_cmpstr (message, ==, "Something went wrong. Try again. If it happens again, contact support "
                   "with these details: disk full");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/error-message/network", test_message_network);
  g_test_add_func ("/error-message/unauthorized", test_message_unauthorized);
  g_test_add_func ("/error-message/timeout", test_message_timeout);
  g_test_add_func ("/error-message/server", test_message_server);
  g_test_add_func ("/error-message/insecure-url", test_message_insecure_url);
  g_test_add_func ("/error-message/forbidden", test_message_forbidden);
  g_test_add_func ("/error-message/not-found", test_message_not_found);
  g_test_add_func ("/error-message/invalid-reply-details", test_message_invalid_reply_details);
  g_test_add_func ("/error-message/parse-details", test_message_parse_details);
  g_test_add_func ("/error-message/every-api-code", test_message_every_api_code);
  g_test_add_func ("/error-message/cancelled-is-null", test_message_cancelled_is_null);
  g_test_add_func ("/error-message/unknown-domain", test_message_unknown_domain);
  g_test_add_func ("/error-message/icon-per-error", test_icon_per_error);

  return g_test_run ();
}
