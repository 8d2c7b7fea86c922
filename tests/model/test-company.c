/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-company.h"

static void
test_company_name_and_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("MALAKOFF", "Malakoff Humanis Pr\xC3\xA9voyance");

  g_assert_cmpstr (iwd_company_get_name (company), ==, "MALAKOFF");
  g_assert_cmpstr (iwd_company_get_label (company), ==, "Malakoff Humanis Pr\xC3\xA9voyance");
}

static void
test_company_search_key (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("N\xC3\x89OLIANE", "Cr\xC3\xA9" "dit Sant\xC3\xA9");

  g_assert_cmpstr (iwd_company_get_search_key (company), ==, "neoliane credit sante");
}

static void
test_company_without_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("harmonie", NULL);

  g_assert_null (iwd_company_get_label (company));
  g_assert_cmpstr (iwd_company_get_search_key (company), ==, "harmonie");
}

static void
test_company_finalize (void)
{
  IwdCompany *company = iwd_company_new ("CARDIF", "Cardif");

  g_assert_finalize_object (company);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/company/name-and-label", test_company_name_and_label);
  g_test_add_func ("/company/search-key", test_company_search_key);
  g_test_add_func ("/company/without-label", test_company_without_label);
  g_test_add_func ("/company/finalize", test_company_finalize);

  return g_test_run ();
}
