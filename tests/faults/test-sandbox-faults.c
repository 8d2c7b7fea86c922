/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sandbox's fault mode itself: the --fault option's parser, and the
 * count of requests that a fault applies to, seen through the client. */

#include "iwd-api-error.h"
#include "iwd-client.h"
#include "iwd-sandbox.h"
#include "iwd-sandbox-faults.h"

typedef struct {
  IwdSandbox   *sandbox;
  SoupSession  *session;
  IwdClient    *client;
} Fixture;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out_result = data;

  *out_result = g_object_ref (result);
}

/* Lists the robot's errors and returns the call's error, or NULL. */
static GError *
list_errors (Fixture *f)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  GError *error = NULL;

  iwd_client_list_errors_async (f->client, NULL, on_done, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  errors = iwd_client_list_errors_finish (f->client, result, &error);

  return error;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_start (f->sandbox, 0, &error);
  g_assert_no_error (error);

  url = iwd_sandbox_dup_base_url (f->sandbox);
  f->session = soup_session_new ();
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (f->client, "demo", "demo");
  iwd_client_set_retry_policy (f->client, 0, 10, 10);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->session);
  iwd_sandbox_stop (f->sandbox);
  g_clear_object (&f->sandbox);
}

static void
test_option_valid (void)
{
  g_autoptr(GError) error = NULL;
  IwdRoute route = 0;
  IwdSandboxFault fault = 0;
  guint count = 99;

  g_assert_true (iwd_sandbox_fault_parse_option ("profile-list=503:2", &route, &fault, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (route, ==, IWD_ROUTE_PROFILE_LIST);
  g_assert_cmpint (fault, ==, IWD_SANDBOX_FAULT_UNAVAILABLE);
  g_assert_cmpuint (count, ==, 2);

  g_assert_true (iwd_sandbox_fault_parse_option ("help page (.htm)=html", &route, &fault, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (route, ==, IWD_ROUTE_HELP_PAGE_OLD);
  g_assert_cmpint (fault, ==, IWD_SANDBOX_FAULT_HTML_PAGE);
  g_assert_cmpuint (count, ==, 0);

  g_assert_true (iwd_sandbox_fault_parse_option ("ALL=Stall", &route, &fault, &count, &error));
  g_assert_no_error (error);
  g_assert_cmpint (route, ==, IWD_N_ROUTES);
  g_assert_cmpint (fault, ==, IWD_SANDBOX_FAULT_STALL);
}

static void
test_option_invalid (void)
{
  static const char *const options[] = {
    "profile-list", "profile-list=", "profile-lists=503", "profile-list=502",
    "profile-list=503:", "profile-list=503:-1", "profile-list=503:two", "=503",
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      g_autoptr(GError) error = NULL;
      IwdRoute route;
      IwdSandboxFault fault;
      guint count;

      g_test_message ("option %s", options[i]);
      g_assert_false (iwd_sandbox_fault_parse_option (options[i], &route, &fault, &count, &error));
      g_assert_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE);
    }
}

static void
test_fault_count_ends (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GError) first = NULL;
  g_autoptr(GError) second = NULL;
  g_autoptr(GError) third = NULL;

  iwd_sandbox_set_fault (f->sandbox, IWD_ROUTE_ERROR_LIST, IWD_SANDBOX_FAULT_NOT_FOUND, 2);

  first = list_errors (f);
  second = list_errors (f);
  third = list_errors (f);

  g_assert_error (first, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
  g_assert_error (second, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
  g_assert_no_error (third);
}

static void
test_route_fault_first (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) route_fault = NULL;
  g_autoptr(GError) all_fault = NULL;
  g_autoptr(GError) cleared = NULL;

  iwd_sandbox_set_fault (f->sandbox, IWD_N_ROUTES, IWD_SANDBOX_FAULT_FORBIDDEN, 0);
  iwd_sandbox_set_fault (f->sandbox, IWD_ROUTE_ERROR_LIST, IWD_SANDBOX_FAULT_SERVER_ERROR, 1);

  route_fault = list_errors (f);
  all_fault = list_errors (f);
  iwd_sandbox_set_fault (f->sandbox, IWD_N_ROUTES, IWD_SANDBOX_FAULT_NONE, 0);
  cleared = list_errors (f);

  g_assert_error (route_fault, IWD_API_ERROR, IWD_API_ERROR_SERVER);
  g_assert_error (all_fault, IWD_API_ERROR, IWD_API_ERROR_FORBIDDEN);
  g_assert_no_error (cleared);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox-faults/option-valid", test_option_valid);
  g_test_add_func ("/sandbox-faults/option-invalid", test_option_invalid);
  g_test_add ("/sandbox-faults/count-ends", Fixture, NULL,
              fixture_set_up, test_fault_count_ends, fixture_tear_down);
  g_test_add ("/sandbox-faults/route-fault-first", Fixture, NULL,
              fixture_set_up, test_route_fault_first, fixture_tear_down);

  return g_test_run ();
}
