/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sandbox serves ALLIANZ's help page at .html, AXA's only at .htm,
 * and none for ENTORIA. */

#include "config.h"

#include <string.h>

#include "iwd-api-error.h"
#include "iwd-help-view.h"
#include "test-company-fixture.h"

typedef struct {
  GBytes *bytes;
  char   *uri;
  char   *content_type;
  GError *error;
  gboolean done;
} FetchResult;

static void
fetch_result_clear (FetchResult *result)
{
  g_clear_pointer (&result->bytes, g_bytes_unref);
  g_clear_pointer (&result->uri, g_free);
  g_clear_pointer (&result->content_type, g_free);
  g_clear_error (&result->error);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (FetchResult, fetch_result_clear)

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  FetchResult *fetch = user_data;

  fetch->bytes = iwd_help_view_fetch_page_finish (result, &fetch->uri, &fetch->content_type,
                                                  &fetch->error);
  fetch->done = TRUE;
}

static gboolean
fetch_is_done (gpointer data)
{
  FetchResult *fetch = data;

  return fetch->done;
}

static void
fetch_page (CompanyFixture *fixture,
            const char     *company,
            FetchResult    *fetch)
{
  iwd_help_view_fetch_page_async (fixture->client, company, NULL, page_fetched_cb, fetch);
  g_assert_true (company_test_wait_until (fetch_is_done, fetch));
}

static gboolean
bytes_contain (GBytes     *bytes,
               const char *text)
{
  g_autofree char *page = g_strndup (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));

  return strstr (page, text) != NULL;
}

static void
test_fetch_html (CompanyFixture *fixture,
                 gconstpointer   user_data)
{
  g_auto(FetchResult) fetch = { 0 };
  g_autofree char *expected_uri = iwd_client_dup_asset_url (fixture->client, IWD_ROUTE_HELP_PAGE, "ALLIANZ");

  fetch_page (fixture, "ALLIANZ", &fetch);

  g_assert_no_error (fetch.error);
  g_assert_nonnull (fetch.bytes);
  g_assert_true (bytes_contain (fetch.bytes, "Allianz IARD"));
  g_assert_cmpstr (fetch.uri, ==, expected_uri);
  g_assert_true (g_str_has_suffix (fetch.uri, ".html"));
  g_assert_true (g_str_has_prefix (fetch.content_type, "text/html"));
}

static void
test_fetch_falls_back_to_htm (CompanyFixture *fixture,
                              gconstpointer   user_data)
{
  g_auto(FetchResult) fetch = { 0 };
  g_autofree char *expected_uri = iwd_client_dup_asset_url (fixture->client, IWD_ROUTE_HELP_PAGE_OLD, "AXA");

  fetch_page (fixture, "AXA", &fetch);

  g_assert_no_error (fetch.error);
  g_assert_nonnull (fetch.bytes);
  g_assert_true (bytes_contain (fetch.bytes, "AXA France"));
  g_assert_cmpstr (fetch.uri, ==, expected_uri);
  g_assert_true (g_str_has_suffix (fetch.uri, ".htm"));
}

static void
test_fetch_no_page (CompanyFixture *fixture,
                    gconstpointer   user_data)
{
  g_auto(FetchResult) fetch = { 0 };

  fetch_page (fixture, "ENTORIA", &fetch);

  g_assert_error (fetch.error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
  g_assert_null (fetch.bytes);
  g_assert_null (fetch.uri);
}

static void
test_fetch_unreachable (CompanyFixture *fixture,
                        gconstpointer   user_data)
{
  g_auto(FetchResult) fetch = { 0 };

  iwd_sandbox_stop (fixture->sandbox);
  fetch_page (fixture, "ALLIANZ", &fetch);

  g_assert_error (fetch.error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
  g_assert_null (fetch.bytes);
}

static gboolean
view_is_loaded (gpointer data)
{
  return iwd_help_view_get_state (data) != IWD_HELP_VIEW_STATE_LOADING;
}

static IwdHelpView *
open_help (CompanyFixture *fixture,
           const char     *company)
{
  IwdHelpView *view = IWD_HELP_VIEW (company_test_add_to_window (iwd_help_view_new ()));

  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_EMPTY);
  iwd_help_view_set_client (view, fixture->client);
  iwd_help_view_set_company (view, company);
  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_LOADING);
  g_assert_true (company_test_wait_until (view_is_loaded, view));

  return view;
}

static void
test_view_no_page (CompanyFixture *fixture,
                   gconstpointer   user_data)
{
  IwdHelpView *view = open_help (fixture, "ENTORIA");

  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_NO_PAGE);
  g_assert_null (iwd_help_view_get_uri (view));

  company_test_finalize_in_window (GTK_WIDGET (view));
}

static void
test_view_error_and_retry (CompanyFixture *fixture,
                           gconstpointer   user_data)
{
  IwdHelpView *view;

  iwd_sandbox_stop (fixture->sandbox);
  view = open_help (fixture, "ALLIANZ");
  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_ERROR);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "help.reload", NULL));
  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_LOADING);
  g_assert_true (company_test_wait_until (view_is_loaded, view));
  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_ERROR);

  company_test_finalize_in_window (GTK_WIDGET (view));
}

/* Runs WebKit: the page goes into a web view. */
static void
test_view_shows_htm_page (CompanyFixture *fixture,
                          gconstpointer   user_data)
{
  g_autofree char *expected_uri = iwd_client_dup_asset_url (fixture->client, IWD_ROUTE_HELP_PAGE_OLD, "AXA");
  IwdHelpView *view = open_help (fixture, "AXA");

  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_PAGE);
  g_assert_cmpstr (iwd_help_view_get_uri (view), ==, expected_uri);

  /* Let the web process start and draw, so that a crash shows here. */
  company_test_spin (500);
  company_test_finalize_in_window (GTK_WIDGET (view));
}

static void
test_view_without_client (void)
{
  IwdHelpView *view = IWD_HELP_VIEW (company_test_add_to_window (iwd_help_view_new ()));

  iwd_help_view_set_company (view, "ALLIANZ");
  g_assert_cmpint (iwd_help_view_get_state (view), ==, IWD_HELP_VIEW_STATE_EMPTY);

  company_test_finalize_in_window (GTK_WIDGET (view));
}

static void
test_uri_on_site (void)
{
  static const struct {
    const char *uri;
    const char *site;
    gboolean    on_site;
  } cases[] = {
    { "https://www.importweb.fr/user/AXA.htm#acces", "https://www.importweb.fr/user/AXA.htm", TRUE },
    { "https://WWW.ImportWeb.fr/aide/faq.html", "https://www.importweb.fr/user/AXA.htm", TRUE },
    { "https://www.importweb.fr:443/user/X.html", "https://www.importweb.fr/user/AXA.htm", TRUE },
    { "http://127.0.0.1:8080/user/X.html", "http://127.0.0.1:8080/user/AXA.htm", TRUE },
    { "http://127.0.0.1:8081/user/X.html", "http://127.0.0.1:8080/user/AXA.htm", FALSE },
    { "http://www.importweb.fr/user/X.html", "https://www.importweb.fr/user/AXA.htm", FALSE },
    { "https://www.axa.fr/courtiers", "https://www.importweb.fr/user/AXA.htm", FALSE },
    { "https://www.importweb.fr.example.com/", "https://www.importweb.fr/user/AXA.htm", FALSE },
    { "mailto:support@importweb.fr", "https://www.importweb.fr/user/AXA.htm", FALSE },
    { "not a uri", "https://www.importweb.fr/user/AXA.htm", FALSE },
    { "https://www.importweb.fr/", NULL, FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_test_message ("%s on %s", cases[i].uri, cases[i].site);
      g_assert_cmpint (iwd_help_view_uri_is_on_site (cases[i].uri, cases[i].site), ==, cases[i].on_site);
    }
}

int
main (int   argc,
      char *argv[])
{
  /* WebKit's own sandbox cannot start in some containers. This is for
   * the tests only, never for the application. */
  g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);

  if (!company_test_init (&argc, &argv))
    return 0;

  g_test_add ("/company-help/fetch-html", CompanyFixture, NULL,
              company_fixture_set_up, test_fetch_html, company_fixture_tear_down);
  g_test_add ("/company-help/fetch-falls-back-to-htm", CompanyFixture, NULL,
              company_fixture_set_up, test_fetch_falls_back_to_htm, company_fixture_tear_down);
  g_test_add ("/company-help/fetch-no-page", CompanyFixture, NULL,
              company_fixture_set_up, test_fetch_no_page, company_fixture_tear_down);
  g_test_add ("/company-help/fetch-unreachable", CompanyFixture, NULL,
              company_fixture_set_up, test_fetch_unreachable, company_fixture_tear_down);
  g_test_add ("/company-help/view-no-page", CompanyFixture, NULL,
              company_fixture_set_up, test_view_no_page, company_fixture_tear_down);
  g_test_add ("/company-help/view-error-and-retry", CompanyFixture, NULL,
              company_fixture_set_up, test_view_error_and_retry, company_fixture_tear_down);
  g_test_add ("/company-help/view-shows-htm-page", CompanyFixture, NULL,
              company_fixture_set_up, test_view_shows_htm_page, company_fixture_tear_down);
  g_test_add_func ("/company-help/view-without-client", test_view_without_client);
  g_test_add_func ("/company-help/uri-on-site", test_uri_on_site);

  return company_test_run ();
}
