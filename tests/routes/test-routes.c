/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-routes.h"

#include <string.h>

static void
test_routes_expand_escapes_ids (void)
{
  const char *values[] = { "PTF 1/x", "Axa1", "csv", NULL };
  g_autofree char *path = iwd_route_expand (IWD_ROUTE_PORTFOLIO_COMMISSIONS, values);

  g_assert_cmpstr (path, ==, "PTF/PTF%201%2Fx/Profil/Axa1/Commissions?format=csv");
}

static void
test_routes_expand_drops_empty_option (void)
{
  const char *with_option[] = { "ALLIANZ", "clos", NULL };
  const char *empty_option[] = { "ALLIANZ", "", NULL };
  const char *no_option[] = { "ALLIANZ", NULL };
  g_autofree char *with = iwd_route_expand (IWD_ROUTE_COMPANY_CHECK, with_option);
  g_autofree char *empty = iwd_route_expand (IWD_ROUTE_COMPANY_CHECK, empty_option);
  g_autofree char *none = iwd_route_expand (IWD_ROUTE_COMPANY_CHECK, no_option);

  g_assert_cmpstr (with, ==, "ALLIANZ?Option=clos");
  g_assert_cmpstr (empty, ==, "ALLIANZ");
  g_assert_cmpstr (none, ==, "ALLIANZ");
}

static void
test_routes_expand_segment_suffix (void)
{
  const char *values[] = { "MALAKOFF", NULL };
  g_autofree char *path = iwd_route_expand (IWD_ROUTE_LOGO, values);

  g_assert_cmpstr (path, ==, "include/MALAKOFF.png");
}

static void
test_routes_match_captures_values (void)
{
  g_auto(GStrv) values = NULL;
  IwdRoute route = IWD_N_ROUTES;
  gboolean matched;

  matched = iwd_route_match ("DELETE", "ptf/PTF%201/profil/Axa1",
                             IWD_SERVICE_ROBOT, &route, &values);

  g_assert_true (matched);
  g_assert_cmpint (route, ==, IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE);
  g_assert_cmpuint (g_strv_length (values), ==, 2);
  g_assert_cmpstr (values[0], ==, "PTF 1");
  g_assert_cmpstr (values[1], ==, "Axa1");
}

static void
test_routes_match_by_method (void)
{
  IwdRoute route = IWD_N_ROUTES;

  g_assert_true (iwd_route_match ("OPTIONS", "AXA", IWD_SERVICE_IWREST, &route, NULL));
  g_assert_cmpint (route, ==, IWD_ROUTE_COMPANY_SCHEMA);
  g_assert_true (iwd_route_match ("PUT", "AXA", IWD_SERVICE_IWREST, &route, NULL));
  g_assert_cmpint (route, ==, IWD_ROUTE_COMPANY_CHECK);
  g_assert_false (iwd_route_match ("GET", "AXA", IWD_SERVICE_IWREST, &route, NULL));
}

static void
test_routes_match_rejects_other_service (void)
{
  IwdRoute route = IWD_N_ROUTES;

  g_assert_false (iwd_route_match ("GET", "Profils", IWD_SERVICE_IWREST, &route, NULL));
  g_assert_false (iwd_route_match ("GET", "include/.png", IWD_SERVICE_SITE, &route, NULL));
}

static void
test_routes_round_trip_every_route (void)
{
  const char *values[] = { "v1", "v2", "v3", NULL };

  for (guint route = 0; route < IWD_N_ROUTES; route++)
    {
      const char *template = iwd_route_get_template (route);
      guint placeholders = 0;
      g_autofree char *path = NULL;
      g_autofree char *bare = NULL;
      IwdRoute matched = IWD_N_ROUTES;
      g_auto(GStrv) captured = NULL;
      const char *values_slice[4] = { NULL, NULL, NULL, NULL };

      for (const char *p = template; *p != '\0'; p++)
        placeholders += *p == '{';

      for (guint i = 0; i < placeholders && i < 3; i++)
        values_slice[i] = values[i];

      path = iwd_route_expand (route, values_slice);
      bare = g_strndup (path, strcspn (path, "?"));

      g_assert_true (iwd_route_match (iwd_route_get_method (route), bare,
                                      iwd_route_get_service (route), &matched, &captured));
      g_assert_cmpstr (iwd_route_get_name (matched), ==, iwd_route_get_name (route));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/routes/expand/escapes-ids", test_routes_expand_escapes_ids);
  g_test_add_func ("/routes/expand/drops-empty-option", test_routes_expand_drops_empty_option);
  g_test_add_func ("/routes/expand/segment-suffix", test_routes_expand_segment_suffix);
  g_test_add_func ("/routes/match/captures-values", test_routes_match_captures_values);
  g_test_add_func ("/routes/match/by-method", test_routes_match_by_method);
  g_test_add_func ("/routes/match/other-service", test_routes_match_rejects_other_service);
  g_test_add_func ("/routes/round-trip", test_routes_round_trip_every_route);

  return g_test_run ();
}
