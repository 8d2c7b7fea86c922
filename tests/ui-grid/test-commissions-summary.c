/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-summary.h"
#include "iwd-commissions-tsv.h"

#define STATEMENT \
  "Police\tCompagnie\tDate\tPrime TTC\tCommission\n" \
  "P1\tAXA\t05/01/2023\t1 000,10\t100,01\n" \
  "P2\tApril\t31/01/2023\t200,00\t-20,00\n" \
  "P3\tAXA\t02/02/2023\t0,05\t0,0001\n" \
  "P4\t\t15/02/2023\t10,00\t\n"

static IwdTable *
parse_statement (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_parse_commissions_tsv (data, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static IwdTable *
summarize (IwdTable        *table,
           const guint     *rows,
           guint            n_rows,
           IwdSummaryGroup  group)
{
  g_autoptr(GError) error = NULL;
  IwdTable *summary = iwd_commissions_summary_build (table, rows, n_rows, group, &error);

  g_assert_no_error (error);
  g_assert_nonnull (summary);
  return summary;
}

static void
assert_group (IwdTable   *summary,
              guint       row,
              const char *name,
              gint64      n_rows,
              gint64      premium,
              gint64      commission)
{
  g_assert_cmpstr (iwd_table_get_text (summary, row, 0), ==, name);
  g_assert_cmpint (iwd_table_get_int64 (summary, row, 1), ==, n_rows);
  g_assert_cmpint (iwd_table_get_int64 (summary, row, 2), ==, premium);
  g_assert_cmpint (iwd_table_get_int64 (summary, row, 3), ==, commission);
}

static void
test_by_company (void)
{
  static const guint rows[] = { 0, 1, 2, 3 };
  g_autoptr(IwdTable) table = parse_statement (STATEMENT);
  g_autoptr(IwdTable) summary = summarize (table, rows, 4, IWD_SUMMARY_GROUP_COMPANY);

  g_assert_cmpuint (iwd_table_get_n_rows (summary), ==, 3);
  g_assert_cmpuint (iwd_table_get_n_columns (summary), ==, 4);
  g_assert_cmpstr (iwd_table_get_column_key (summary, 0), ==, "Compagnie");
  g_assert_cmpint (iwd_table_get_column_kind (summary, 2), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (summary, 3), ==, IWD_TABLE_KIND_MONEY);

  g_assert_true (iwd_table_is_null (summary, 0, 0));
  g_assert_cmpint (iwd_table_get_int64 (summary, 0, 1), ==, 1);
  g_assert_cmpint (iwd_table_get_int64 (summary, 0, 2), ==, 100000);
  g_assert_cmpint (iwd_table_get_int64 (summary, 0, 3), ==, 0);
  assert_group (summary, 1, "April", 1, 2000000, -200000);
  assert_group (summary, 2, "AXA", 2, 10001500, 1000101);
}

static void
test_by_month (void)
{
  static const guint rows[] = { 3, 2, 1, 0 };
  g_autoptr(IwdTable) table = parse_statement (STATEMENT);
  g_autoptr(IwdTable) summary = summarize (table, rows, 4, IWD_SUMMARY_GROUP_MONTH);

  g_assert_cmpuint (iwd_table_get_n_rows (summary), ==, 2);
  g_assert_cmpstr (iwd_table_get_column_key (summary, 0), ==, "month");
  assert_group (summary, 0, "January 2023", 2, 12001000, 800100);
  assert_group (summary, 1, "February 2023", 2, 100500, 1);
}

/* Months follow the calendar across years, not the alphabet of their
 * names. */
static void
test_months_in_date_order (void)
{
  static const guint rows[] = { 0, 1, 2 };
  g_autoptr(IwdTable) table = parse_statement ("Date\tCommission\n"
                                               "03/01/2023\t1,00\n"
                                               "20/12/2022\t2,00\n"
                                               "01/08/2022\t3,00\n");
  g_autoptr(IwdTable) summary = summarize (table, rows, 3, IWD_SUMMARY_GROUP_MONTH);

  g_assert_cmpuint (iwd_table_get_n_rows (summary), ==, 3);
  g_assert_cmpstr (iwd_table_get_text (summary, 0, 0), ==, "August 2022");
  g_assert_cmpstr (iwd_table_get_text (summary, 1, 0), ==, "December 2022");
  g_assert_cmpstr (iwd_table_get_text (summary, 2, 0), ==, "January 2023");
}

static void
test_shown_rows_only (void)
{
  static const guint rows[] = { 2 };
  g_autoptr(IwdTable) table = parse_statement (STATEMENT);
  g_autoptr(IwdTable) summary = summarize (table, rows, 1, IWD_SUMMARY_GROUP_COMPANY);

  g_assert_cmpuint (iwd_table_get_n_rows (summary), ==, 1);
  assert_group (summary, 0, "AXA", 1, 500, 1);
}

static void
test_profile_fallback (void)
{
  g_autoptr(IwdTable) table = parse_statement ("idProfil\tMontant\nA1\t1,00\nB2\t2,00\nA1\t3,00\n");
  static const guint rows[] = { 0, 1, 2 };
  g_autoptr(IwdTable) summary = summarize (table, rows, 3, IWD_SUMMARY_GROUP_COMPANY);

  g_assert_cmpuint (iwd_table_get_n_rows (summary), ==, 2);
  g_assert_cmpstr (iwd_table_get_text (summary, 0, 0), ==, "A1");
  g_assert_cmpint (iwd_table_get_int64 (summary, 0, 2), ==, 40000);
  g_assert_false (iwd_commissions_summary_has_company (table));
}

static void
test_applies (void)
{
  g_autoptr(IwdTable) statement = parse_statement (STATEMENT);
  g_autoptr(IwdTable) names = parse_statement ("Nom\tVille\nMartin\tNice\n");

  g_assert_true (iwd_commissions_summary_has_company (statement));
  g_assert_true (iwd_commissions_summary_applies (statement));
  g_assert_false (iwd_commissions_summary_applies (names));
}

static void
test_no_group_error (void)
{
  g_autoptr(IwdTable) table = parse_statement ("Police\tMontant\nP1\t1,00\n");
  static const guint rows[] = { 0 };
  g_autoptr(IwdTable) summary = NULL;
  g_autoptr(GError) error = NULL;

  summary = iwd_commissions_summary_build (table, rows, 1, IWD_SUMMARY_GROUP_MONTH, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_null (summary);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/commissions-summary/by-company", test_by_company);
  g_test_add_func ("/commissions-summary/by-month", test_by_month);
  g_test_add_func ("/commissions-summary/months-in-date-order", test_months_in_date_order);
  g_test_add_func ("/commissions-summary/shown-rows-only", test_shown_rows_only);
  g_test_add_func ("/commissions-summary/profile-fallback", test_profile_fallback);
  g_test_add_func ("/commissions-summary/applies", test_applies);
  g_test_add_func ("/commissions-summary/no-group-error", test_no_group_error);

  return g_test_run ();
}
