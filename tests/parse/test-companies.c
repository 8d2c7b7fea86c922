/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-parse-companies.h"
#include "iwd-parse-error.h"
#include "test-parse-fixture.h"

static IwdCompany *
company_at (GPtrArray *companies,
            guint      index)
{
  return g_ptr_array_index (companies, index);
}

static GPtrArray *
parse_fixture (const char *name)
{
  g_autoptr(GBytes) data = load_fixture (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *companies = iwd_parse_company_list (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (companies);
  return companies;
}

static void
check_parse_error (const char *text,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) data = bytes_from_string (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = iwd_parse_company_list (data, &error);

  g_assert_null (companies);
  g_assert_error (error, IWD_PARSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_companies_windows_1252 (void)
{
  g_autoptr(GPtrArray) companies = parse_fixture ("companies-windows-1252.txt");

  g_assert_cmpuint (companies->len, ==, 5);
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 0)), ==, "APRIL");
  g_assert_cmpstr (iwd_company_get_label (company_at (companies, 0)), ==, "April Sant\xC3\xA9");
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 1)), ==, "GENERALI");
  g_assert_cmpstr (iwd_company_get_label (company_at (companies, 1)), ==, "Generali Pr\xC3\xA9voyance");
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 2)), ==, "SWISSLIFE");
  g_assert_null (iwd_company_get_label (company_at (companies, 2)));
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 3)), ==, "mutuelle");
  g_assert_null (iwd_company_get_label (company_at (companies, 3)));
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 4)), ==, "NEOLIANE");
  g_assert_cmpstr (iwd_company_get_label (company_at (companies, 4)), ==, "N\xC3\xA9oliane Cr\xC3\xA9" "dit");
  g_assert_cmpstr (iwd_company_get_search_key (company_at (companies, 4)), ==, "neoliane neoliane credit");
}

static void
test_companies_utf8_bom_columns (void)
{
  g_autoptr(GPtrArray) companies = parse_fixture ("companies-utf8-bom.txt");

  g_assert_cmpuint (companies->len, ==, 3);
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 0)), ==, "AXA");
  g_assert_null (iwd_company_get_label (company_at (companies, 0)));
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 1)), ==, "MMA");
  g_assert_null (iwd_company_get_label (company_at (companies, 1)));
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 2)), ==, "ALLIANZ");
  g_assert_cmpstr (iwd_company_get_label (company_at (companies, 2)), ==, "Allianz IARD");
}

static void
test_companies_lone_cr (void)
{
  g_autoptr(GPtrArray) companies = parse_fixture ("companies-lone-cr.txt");

  g_assert_cmpuint (companies->len, ==, 2);
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 0)), ==, "SPVIE");
  g_assert_cmpstr (iwd_company_get_name (company_at (companies, 1)), ==, "HARMONIE");
  g_assert_cmpstr (iwd_company_get_label (company_at (companies, 1)), ==, "Harmonie Mutuelle");
}

static void
test_companies_html_page (void)
{
  g_autoptr(GBytes) data = load_fixture ("companies-html.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = iwd_parse_company_list (data, &error);

  g_assert_null (companies);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
  g_assert_cmpstr (error->message, ==, "line 3: unexpected character '<' in the company list");
}

static void
test_companies_blank_list (void)
{
  g_autoptr(GBytes) data = load_fixture ("companies-blank.txt");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = iwd_parse_company_list (data, &error);

  g_assert_null (companies);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
}

static void
test_companies_errors (void)
{
  check_parse_error ("", IWD_PARSE_ERROR_EMPTY, "the company list is empty");
  check_parse_error ("{\"Message\":\"Erreur\"}", IWD_PARSE_ERROR_SYNTAX,
                     "line 1: unexpected character '{' in the company list");
  check_parse_error ("AXA\n - Sans code\n", IWD_PARSE_ERROR_SYNTAX,
                     "line 2: the company name is missing");
}

static void
test_companies_nul_byte (void)
{
  g_autoptr(GBytes) data = g_bytes_new ("AXA\n\0MMA\n", 9);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = iwd_parse_company_list (data, &error);

  g_assert_null (companies);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/companies/windows-1252", test_companies_windows_1252);
  g_test_add_func ("/companies/utf8-bom-columns", test_companies_utf8_bom_columns);
  g_test_add_func ("/companies/lone-cr", test_companies_lone_cr);
  g_test_add_func ("/companies/html-page", test_companies_html_page);
  g_test_add_func ("/companies/blank-list", test_companies_blank_list);
  g_test_add_func ("/companies/errors", test_companies_errors);
  g_test_add_func ("/companies/nul-byte", test_companies_nul_byte);

  return g_test_run ();
}
