/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "sandbox-fixture.h"

#define ADD_TEST(path, func) \
  g_test_add (path, SandboxFixture, NULL, sandbox_fixture_set_up, func, sandbox_fixture_tear_down)

static const guint8 png_signature[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

static gboolean
has_png_signature (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return length > sizeof png_signature && memcmp (data, png_signature, sizeof png_signature) == 0;
}

static gboolean
ends_with_iend (GBytes *bytes)
{
  gsize length = 0;
  const guint8 *data = g_bytes_get_data (bytes, &length);

  return length > 12 && memcmp (data + length - 8, "IEND", 4) == 0;
}

static SandboxReply *
get_page (SandboxFixture *fixture,
          const char     *path,
          const char     *if_none_match)
{
  g_autofree char *url = g_strconcat (fixture->base_url, path, NULL);
  g_autoptr(SoupMessage) message = soup_message_new ("GET", url);

  if (if_none_match != NULL)
    soup_message_headers_replace (soup_message_get_request_headers (message),
                                  "If-None-Match", if_none_match);

  return sandbox_send_message (fixture, message, NULL);
}

static void
test_logo_etag (SandboxFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(SandboxReply) first = get_page (fixture, "include/ALLIANZ.png", NULL);
  const char *etag = soup_message_headers_get_one (first->headers, "ETag");
  g_autoptr(SandboxReply) again = get_page (fixture, "include/ALLIANZ.png", etag);
  g_autoptr(SandboxReply) stale = get_page (fixture, "include/ALLIANZ.png", "\"00000000\"");

  g_assert_cmpuint (first->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (first->headers, NULL), ==, "image/png");
  g_assert_true (has_png_signature (first->body));
  g_assert_true (ends_with_iend (first->body));
  g_assert_nonnull (etag);
  g_assert_nonnull (soup_message_headers_get_one (first->headers, "Last-Modified"));
  g_assert_cmpuint (again->status, ==, 304);
  g_assert_cmpuint (g_bytes_get_size (again->body), ==, 0);
  g_assert_cmpuint (stale->status, ==, 200);
}

static void
test_logo_lower_case (SandboxFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(SandboxReply) upper = get_page (fixture, "include/AXA.png", NULL);
  g_autoptr(SandboxReply) lower = get_page (fixture, "include/axa.png", NULL);

  g_assert_cmpuint (lower->status, ==, 200);
  g_assert_true (g_bytes_equal (upper->body, lower->body));
}

static void
test_logo_missing_and_corrupt (SandboxFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(SandboxReply) missing = get_page (fixture, "include/HARMONIE.png", NULL);
  g_autoptr(SandboxReply) unknown = get_page (fixture, "include/NOSUCHCIE.png", NULL);
  g_autoptr(SandboxReply) corrupt = get_page (fixture, "include/MACIF.png", NULL);

  g_assert_cmpuint (missing->status, ==, 404);
  g_assert_cmpuint (unknown->status, ==, 404);
  g_assert_cmpuint (corrupt->status, ==, 200);
  g_assert_true (has_png_signature (corrupt->body));
  g_assert_false (ends_with_iend (corrupt->body));
}

static void
test_help_html (SandboxFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(SandboxReply) html = get_page (fixture, "user/NEOLIANE.html", NULL);
  g_autoptr(SandboxReply) htm = get_page (fixture, "user/neoliane.htm", NULL);
  g_autofree char *text = sandbox_reply_dup_text (html);

  g_assert_cmpuint (html->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (html->headers, NULL), ==, "text/html");
  g_assert_nonnull (strstr (text, "Néoliane Santé &amp; Prévoyance"));
  g_assert_cmpuint (htm->status, ==, 200);
}

static void
test_help_htm_only (SandboxFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(SandboxReply) html = get_page (fixture, "user/AXA.html", NULL);
  g_autoptr(SandboxReply) htm = get_page (fixture, "user/axa.htm", NULL);

  g_assert_cmpuint (html->status, ==, 404);
  g_assert_cmpuint (htm->status, ==, 200);
}

static void
test_help_none (SandboxFixture *fixture,
                gconstpointer   data)
{
  g_autoptr(SandboxReply) html = get_page (fixture, "user/ENTORIA.html", NULL);
  g_autoptr(SandboxReply) htm = get_page (fixture, "user/ENTORIA.htm", NULL);

  g_assert_cmpuint (html->status, ==, 404);
  g_assert_cmpuint (htm->status, ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/sandbox/logo/etag", test_logo_etag);
  ADD_TEST ("/sandbox/logo/lower-case", test_logo_lower_case);
  ADD_TEST ("/sandbox/logo/missing-and-corrupt", test_logo_missing_and_corrupt);
  ADD_TEST ("/sandbox/help/html", test_help_html);
  ADD_TEST ("/sandbox/help/htm-only", test_help_htm_only);
  ADD_TEST ("/sandbox/help/none", test_help_none);

  return g_test_run ();
}
