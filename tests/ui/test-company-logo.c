/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sandbox serves a logo for ALLIANZ, a 404 for HARMONIE and bytes
 * that are not an image for MACIF. */

#include "config.h"

#include "iwd-company-logo.h"
#include "test-company-fixture.h"

static gboolean
logo_is_loaded (gpointer data)
{
  return iwd_company_logo_get_state (data) != IWD_COMPANY_LOGO_STATE_LOADING;
}

static IwdCompanyLogo *
load_logo (CompanyFixture *fixture,
           const char     *name)
{
  g_autoptr(IwdCompany) company = iwd_company_new (name, NULL);
  IwdCompanyLogo *logo = IWD_COMPANY_LOGO (g_object_ref_sink (iwd_company_logo_new ()));

  iwd_company_logo_set_cache (logo, fixture->logo_cache);
  iwd_company_logo_set_company (logo, company);
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_LOADING);
  g_assert_true (company_test_wait_until (logo_is_loaded, logo));

  return logo;
}

static void
test_logo_image (CompanyFixture *fixture,
                 gconstpointer   user_data)
{
  IwdCompanyLogo *logo = load_logo (fixture, "ALLIANZ");

  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_IMAGE);

  g_assert_finalize_object (logo);
}

static void
test_logo_missing (CompanyFixture *fixture,
                   gconstpointer   user_data)
{
  IwdCompanyLogo *logo = load_logo (fixture, "HARMONIE");

  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  g_assert_finalize_object (logo);
}

static void
test_logo_corrupt (CompanyFixture *fixture,
                   gconstpointer   user_data)
{
  IwdCompanyLogo *logo = load_logo (fixture, "MACIF");

  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  g_assert_finalize_object (logo);
}

static void
test_logo_changed_reloads (CompanyFixture *fixture,
                           gconstpointer   user_data)
{
  IwdCompanyLogo *logo = load_logo (fixture, "ALLIANZ");

  g_signal_emit_by_name (fixture->logo_cache, "logo-changed", "AXA");
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_IMAGE);

  g_signal_emit_by_name (fixture->logo_cache, "logo-changed", "ALLIANZ");
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_LOADING);
  g_assert_true (company_test_wait_until (logo_is_loaded, logo));
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_IMAGE);

  g_assert_finalize_object (logo);
}

static void
test_logo_unset_while_loading (CompanyFixture *fixture,
                               gconstpointer   user_data)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("GENERALI", NULL);
  IwdCompanyLogo *logo = IWD_COMPANY_LOGO (g_object_ref_sink (iwd_company_logo_new ()));

  iwd_company_logo_set_cache (logo, fixture->logo_cache);
  iwd_company_logo_set_company (logo, company);
  iwd_company_logo_set_company (logo, NULL);
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  /* The cancelled load still finishes, and must leave the state alone. */
  company_test_spin (300);
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  g_assert_finalize_object (logo);
}

static void
test_logo_finalized_while_loading (CompanyFixture *fixture,
                                   gconstpointer   user_data)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("MMA", NULL);
  IwdCompanyLogo *logo = IWD_COMPANY_LOGO (g_object_ref_sink (iwd_company_logo_new ()));

  iwd_company_logo_set_cache (logo, fixture->logo_cache);
  iwd_company_logo_set_company (logo, company);
  g_assert_finalize_object (logo);

  company_test_spin (300);
}

static void
test_logo_size (void)
{
  IwdCompanyLogo *logo = IWD_COMPANY_LOGO (g_object_ref_sink (iwd_company_logo_new ()));
  int minimum, natural;

  iwd_company_logo_set_pixel_size (logo, 48);
  gtk_widget_measure (GTK_WIDGET (logo), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);

  g_assert_cmpint (minimum, ==, 48);
  g_assert_cmpint (natural, ==, 48);

  g_assert_finalize_object (logo);
}

int
main (int   argc,
      char *argv[])
{
  if (!company_test_init (&argc, &argv))
    return 0;

  g_test_add ("/company-logo/image", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_image, company_fixture_tear_down);
  g_test_add ("/company-logo/missing", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_missing, company_fixture_tear_down);
  g_test_add ("/company-logo/corrupt", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_corrupt, company_fixture_tear_down);
  g_test_add ("/company-logo/changed-reloads", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_changed_reloads, company_fixture_tear_down);
  g_test_add ("/company-logo/unset-while-loading", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_unset_while_loading, company_fixture_tear_down);
  g_test_add ("/company-logo/finalized-while-loading", CompanyFixture, NULL,
              company_fixture_set_up, test_logo_finalized_while_loading, company_fixture_tear_down);
  g_test_add_func ("/company-logo/size", test_logo_size);

  return company_test_run ();
}
