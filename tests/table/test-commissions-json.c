/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-json.h"
#include "iwd-parse-error.h"

/* Unix seconds of 2023-01-05 at midnight UTC. */
#define JANUARY_5_2023 G_GINT64_CONSTANT (1672876800)

static IwdTable *
parse_fixture (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "table", "commissions.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  IwdTable *table;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  data = g_bytes_new_take (contents, length);

  table = iwd_parse_commissions_json (data, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

static void
test_kinds (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 5);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Police")), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Date")), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Prime")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Commission")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Assuré")), ==, IWD_TABLE_KIND_TEXT);
}

static void
test_values (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint premium = find_column (table, "Prime");
  guint commission = find_column (table, "Commission");
  guint insured = find_column (table, "Assuré");

  g_assert_cmpint (iwd_table_get_int64 (table, 0, premium), ==, 12000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, premium), ==, -3000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, premium), ==, 899000);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, commission), ==, 1200000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, commission), ==, -300000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, commission), ==, 89900);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "Date")), ==, JANUARY_5_2023);
  g_assert_cmpstr (iwd_table_get_text (table, 1, insured), ==, "Joël LEFÈVRE");
  g_assert_true (iwd_table_is_null (table, 2, insured));
}

static void
test_totals (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  gint64 premiums = 0;
  gint64 commissions = 0;

  g_assert_true (iwd_table_sum_column (table, find_column (table, "Prime"), &premiums));
  g_assert_true (iwd_table_sum_column (table, find_column (table, "Commission"), &commissions));
  g_assert_cmpint (premiums, ==, 9899000);
  g_assert_cmpint (commissions, ==, 989900);
}

static void
test_flat_root_error (void)
{
  const char *text = "{\"Police\": \"C-1\"}";
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_json (data, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/commissions-json/kinds", test_kinds);
  g_test_add_func ("/table/commissions-json/values", test_values);
  g_test_add_func ("/table/commissions-json/totals", test_totals);
  g_test_add_func ("/table/commissions-json/root-error", test_flat_root_error);

  return g_test_run ();
}
