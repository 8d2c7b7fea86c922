/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-table-builder.h"
#include "iwd-table-concat.h"
#include "iwd-text.h"

#define SOURCE_KEY "iwdesk:profile"

/* Builds a table from rows of cells; NULL is an empty cell. */
static IwdTable *
build_table (const char * const *keys,
             guint               n_columns,
             const char * const *cells,
             guint               n_rows)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          const char *text = cells[row * n_columns + column];
          guint index = iwd_table_builder_ensure_column (builder, keys[column]);

          g_assert_true (iwd_table_builder_set_cell (builder, index, text,
                                                     text != NULL ? strlen (text) : 0, &error));
          g_assert_no_error (error);
        }
      iwd_table_builder_end_row (builder);
    }

  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);
  return table;
}

/* Two statements of one insurer: the second lacks the name column and
 * adds a rate, and gives its commissions as whole euros. */
static IwdTable *
build_first (void)
{
  const char *keys[] = { "N° police", "Nom", "Prime TTC", "Commission" };
  const char *cells[] = {
    "P001", "Dupré", "1 200,00", "120,00",
    "P002", "Lefèvre", "-300,00", "-30,00",
    "P003", "Müller", "89,90", "8,99",
  };

  return build_table (keys, G_N_ELEMENTS (keys), cells, 3);
}

static IwdTable *
build_second (void)
{
  const char *keys[] = { "N° police", "Prime TTC", "Commission", "Taux" };
  const char *cells[] = {
    "Q100", "500,00", "50", "10",
    "Q101", "0,0001", "7", "12,5",
  };

  return build_table (keys, G_N_ELEMENTS (keys), cells, 2);
}

static IwdTable *
concat_pair (void)
{
  g_autoptr(IwdTable) first = build_first ();
  g_autoptr(IwdTable) second = build_second ();
  IwdTable *tables[] = { first, second };
  const char *names[] = { "ALZ01", "AXA02" };
  g_autoptr(GError) error = NULL;
  IwdTable *result = iwd_table_concat (tables, 2, SOURCE_KEY, "Profile", names, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
  return result;
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
test_concat_row_count (void)
{
  g_autoptr(IwdTable) table = concat_pair ();

  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 5);
}

static void
test_concat_column_union (void)
{
  g_autoptr(IwdTable) table = concat_pair ();
  const char *expected[] = { SOURCE_KEY, "N° police", "Nom", "Prime TTC", "Commission", "Taux" };

  g_assert_cmpuint (iwd_table_get_n_columns (table), ==, G_N_ELEMENTS (expected));
  for (guint column = 0; column < G_N_ELEMENTS (expected); column++)
    g_assert_cmpstr (iwd_table_get_column_key (table, column), ==, expected[column]);
}

static void
test_concat_source_column (void)
{
  g_autoptr(IwdTable) table = concat_pair ();
  guint column = find_column (table, SOURCE_KEY);

  g_assert_cmpstr (iwd_table_get_column_label (table, column), ==, "Profile");
  g_assert_cmpstr (iwd_table_get_text (table, 0, column), ==, "ALZ01");
  g_assert_cmpstr (iwd_table_get_text (table, 2, column), ==, "ALZ01");
  g_assert_cmpstr (iwd_table_get_text (table, 3, column), ==, "AXA02");
  g_assert_cmpstr (iwd_table_get_text (table, 4, column), ==, "AXA02");
}

static void
test_concat_missing_cells (void)
{
  g_autoptr(IwdTable) table = concat_pair ();
  guint name = find_column (table, "Nom");
  guint rate = find_column (table, "Taux");

  g_assert_cmpstr (iwd_table_get_text (table, 1, name), ==, "Lefèvre");
  g_assert_true (iwd_table_is_null (table, 3, name));
  g_assert_true (iwd_table_is_null (table, 4, name));
  g_assert_true (iwd_table_is_null (table, 0, rate));
  g_assert_cmpint (iwd_table_get_int64 (table, 4, rate), ==, 125000);
}

/* 1 200 - 300 + 89.90 + 500 + 0.0001 and 120 - 30 + 8.99 + 50 + 7, to
 * the ten-thousandth. */
static void
test_concat_money_totals (void)
{
  g_autoptr(IwdTable) table = concat_pair ();
  guint premium = find_column (table, "Prime TTC");
  guint commission = find_column (table, "Commission");
  gint64 total = 0;

  g_assert_cmpint (iwd_table_get_column_kind (table, premium), ==, IWD_TABLE_KIND_MONEY);
  g_assert_true (iwd_table_sum_column (table, premium, &total));
  g_assert_cmpint (total, ==, G_GINT64_CONSTANT (14899001));
  g_assert_cmpint (iwd_table_get_column_kind (table, commission), ==, IWD_TABLE_KIND_MONEY);
  g_assert_true (iwd_table_sum_column (table, commission, &total));
  g_assert_cmpint (total, ==, G_GINT64_CONSTANT (1559900));
}

/* "10" alone makes an INTEGER column and "12,5" a DECIMAL one: the
 * merged column is DECIMAL and keeps both values exactly. */
static void
test_concat_kind_widened (void)
{
  const char *keys[] = { "Taux" };
  const char *whole[] = { "10" };
  const char *decimal[] = { "12,5" };
  g_autoptr(IwdTable) first = build_table (keys, 1, whole, 1);
  g_autoptr(IwdTable) second = build_table (keys, 1, decimal, 1);
  IwdTable *tables[] = { first, second };
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_table_concat (tables, 2, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_column_kind (first, 0), ==, IWD_TABLE_KIND_INTEGER);
  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_DECIMAL);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, 0), ==, 100000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, 0), ==, 125000);
}

/* A number and a word have no common kind but TEXT. */
static void
test_concat_kind_text (void)
{
  const char *keys[] = { "Code" };
  const char *whole[] = { "7" };
  const char *words[] = { "B" };
  g_autoptr(IwdTable) numbers = build_table (keys, 1, whole, 1);
  g_autoptr(IwdTable) text = build_table (keys, 1, words, 1);
  IwdTable *tables[] = { numbers, text };
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_table_concat (tables, 2, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_text (table, 0, 0), ==, "7");
  g_assert_cmpstr (iwd_table_get_text (table, 1, 0), ==, "B");
}

static void
test_concat_source_key_taken (void)
{
  const char *keys[] = { SOURCE_KEY };
  const char *cells[] = { "x" };
  g_autoptr(IwdTable) first = build_table (keys, 1, cells, 1);
  IwdTable *tables[] = { first };
  const char *names[] = { "ALZ01" };
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_table_concat (tables, 1, SOURCE_KEY, "Profile", names, &error);

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_null (table);
}

static void
test_concat_empty (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_table_concat (NULL, 0, SOURCE_KEY, "Profile", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 0);
  g_assert_cmpuint (iwd_table_get_n_columns (table), ==, 1);
}

static void
test_concat_finalize (void)
{
  IwdTable *table = concat_pair ();

  g_assert_finalize_object (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/concat/row-count", test_concat_row_count);
  g_test_add_func ("/table/concat/column-union", test_concat_column_union);
  g_test_add_func ("/table/concat/source-column", test_concat_source_column);
  g_test_add_func ("/table/concat/missing-cells", test_concat_missing_cells);
  g_test_add_func ("/table/concat/money-totals", test_concat_money_totals);
  g_test_add_func ("/table/concat/kind-widened", test_concat_kind_widened);
  g_test_add_func ("/table/concat/kind-text", test_concat_kind_text);
  g_test_add_func ("/table/concat/source-key-taken", test_concat_source_key_taken);
  g_test_add_func ("/table/concat/empty", test_concat_empty);
  g_test_add_func ("/table/concat/finalize", test_concat_finalize);

  return g_test_run ();
}
