/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-table-builder.h"
#include "iwd-text.h"

/* 2023-01-31T00:00:00 and 2022-02-24T07:40:13, read as UTC. */
#define JANUARY_31_2023 G_GINT64_CONSTANT (1675123200)
#define FEBRUARY_24_2022_0740 G_GINT64_CONSTANT (1645688413)

static void
set_text (IwdTableBuilder *builder,
          const char      *key,
          const char      *text)
{
  g_autoptr(GError) error = NULL;
  guint column = iwd_table_builder_ensure_column (builder, key);
  gboolean ok = iwd_table_builder_set_cell (builder, column, text,
                                            text != NULL ? strlen (text) : 0,
                                            &error);

  g_assert_no_error (error);
  g_assert_true (ok);
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

static IwdTable *
build (IwdTableBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_table_builder_build (builder, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

/* One column per case of kind inference, three rows. */
static IwdTable *
build_inference_table (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  const char *rows[3][9] = {
    { "05/01/2023", "2022-02-24T07:40:13", "1 200,50", "3", "12,5", "true", "A1", "0042", NULL },
    { "31/01/2023", "2022-02-24", "-300", "4", "7", "false", "12", "0043", NULL },
    { NULL, NULL, "89,9", "", "0,25", NULL, "B", "44", NULL },
  };
  const char *keys[9] = {
    "Date", "Horodatage", "Montant HT", "Quantité", "Taux com", "Actif",
    "Mixte", "Code", "Vide",
  };

  for (guint row = 0; row < 3; row++)
    {
      for (guint i = 0; i < 9; i++)
        set_text (builder, keys[i], rows[row][i]);
      iwd_table_builder_end_row (builder);
    }

  return build (builder);
}

static void
test_builder_inferred_kinds (void)
{
  g_autoptr(IwdTable) table = build_inference_table ();

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 9);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Date")), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Horodatage")), ==, IWD_TABLE_KIND_DATETIME);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Montant HT")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Quantité")), ==, IWD_TABLE_KIND_INTEGER);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Taux com")), ==, IWD_TABLE_KIND_DECIMAL);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Actif")), ==, IWD_TABLE_KIND_BOOLEAN);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Mixte")), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Code")), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Vide")), ==, IWD_TABLE_KIND_TEXT);
}

static void
test_builder_inferred_values (void)
{
  g_autoptr(IwdTable) table = build_inference_table ();
  guint amount = find_column (table, "Montant HT");
  guint quantity = find_column (table, "Quantité");
  guint code = find_column (table, "Code");

  g_assert_cmpint (iwd_table_get_int64 (table, 0, amount), ==, 12005000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, amount), ==, -3000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, amount), ==, 899000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, quantity), ==, 4);
  g_assert_true (iwd_table_is_null (table, 2, quantity));
  g_assert_cmpstr (iwd_table_get_text (table, 0, code), ==, "0042");
  g_assert_cmpint (iwd_table_get_int64 (table, 1, find_column (table, "Date")), ==, JANUARY_31_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "Horodatage")), ==, FEBRUARY_24_2022_0740);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, find_column (table, "Actif")), ==, 0);
}

static void
test_builder_fixed_kinds (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;

  set_text (builder, "police.prime", "12");
  set_text (builder, "client.codepostal", "06000");
  set_text (builder, "client.date_naissance", "1965-09-26T00:00:00");
  set_text (builder, "police.paie_direct_cie", "1");
  set_text (builder, "police.tauxcomcie", "15");
  iwd_table_builder_end_row (builder);
  table = build (builder);

  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "police.prime")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "police.prime")), ==, 120000);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "client.codepostal")), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_text (table, 0, find_column (table, "client.codepostal")), ==, "06000");
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "client.date_naissance")), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "police.paie_direct_cie")), ==, IWD_TABLE_KIND_BOOLEAN);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "police.tauxcomcie")), ==, IWD_TABLE_KIND_DECIMAL);
}

static void
test_builder_fixed_kind_error (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  guint column = iwd_table_builder_ensure_column (builder, "police.prime");
  gboolean ok;

  set_text (builder, "police.prime", "10,00");
  iwd_table_builder_end_row (builder);
  ok = iwd_table_builder_set_cell (builder, column, "douze", 5, &error);

  g_assert_false (ok);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "row 2"));
  g_assert_nonnull (strstr (error->message, "police.prime"));
  g_assert_nonnull (strstr (error->message, "douze"));
}

static void
test_builder_long_value_cut (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *value = g_strnfill (100, 'x');
  guint column = iwd_table_builder_ensure_column (builder, "police.prime");

  g_assert_false (iwd_table_builder_set_cell (builder, column, value, 100, &error));
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_null (strstr (error->message, value));
  g_assert_nonnull (strstr (error->message, "…"));
}

static void
test_builder_late_column (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;
  guint late;

  for (guint row = 0; row < 3; row++)
    {
      set_text (builder, "a", "x");
      if (row == 2)
        set_text (builder, "late", "y");
      iwd_table_builder_end_row (builder);
    }
  table = build (builder);
  late = find_column (table, "late");

  g_assert_true (iwd_table_is_null (table, 0, late));
  g_assert_true (iwd_table_is_null (table, 1, late));
  g_assert_cmpstr (iwd_table_get_text (table, 2, late), ==, "y");
}

static void
test_builder_repeated_cell (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;

  set_text (builder, "a", "first");
  set_text (builder, "a", "second");
  iwd_table_builder_end_row (builder);
  set_text (builder, "a", "dropped");
  table = build (builder);

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 1);
  g_assert_cmpstr (iwd_table_get_text (table, 0, 0), ==, "second");
}

static void
test_text_interned (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;

  set_text (builder, "ville", "NICE");
  iwd_table_builder_end_row (builder);
  set_text (builder, "ville", "NICE");
  iwd_table_builder_end_row (builder);
  table = build (builder);

  g_assert_true (iwd_table_get_text (table, 0, 0) == iwd_table_get_text (table, 1, 0));
}

static void
test_cell_string_canonical (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;
  const char *amounts[] = { "1 200,00", "89,90", "-0,5", "0,0001", "-1 234,5678" };
  const char *expected[] = { "1200", "89.9", "-0.5", "0.0001", "-1234.5678" };

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      set_text (builder, "Prime", amounts[i]);
      set_text (builder, "Date", i == 0 ? "31/01/2023" : NULL);
      set_text (builder, "Flag", i == 0 ? "true" : "false");
      iwd_table_builder_end_row (builder);
    }
  table = build (builder);

  for (guint i = 0; i < G_N_ELEMENTS (amounts); i++)
    {
      g_autofree char *cell = iwd_table_dup_cell_string (table, i, 0);

      g_assert_cmpstr (cell, ==, expected[i]);
    }

  for (guint i = 0; i < 2; i++)
    {
      g_autofree char *date = iwd_table_dup_cell_string (table, i, 1);
      g_autofree char *flag = iwd_table_dup_cell_string (table, i, 2);

      g_assert_cmpstr (date, ==, i == 0 ? "2023-01-31" : "");
      g_assert_cmpstr (flag, ==, i == 0 ? "true" : "false");
    }
}

static void
test_cell_string_datetime (void)
{
  g_autoptr(IwdTable) table = build_inference_table ();
  g_autofree char *cell = iwd_table_dup_cell_string (table, 0, 1);

  g_assert_cmpstr (cell, ==, "2022-02-24T07:40:13");
}

static void
test_sum_exact (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;
  gint64 total = 0;

  /* 0.1 added ten times is not 1 in doubles. */
  for (guint i = 0; i < 10; i++)
    {
      set_text (builder, "Montant", "0,1");
      iwd_table_builder_end_row (builder);
    }
  set_text (builder, "Montant", NULL);
  iwd_table_builder_end_row (builder);
  table = build (builder);

  g_assert_true (iwd_table_sum_column (table, 0, &total));
  g_assert_cmpint (total, ==, IWD_DECIMAL_SCALE);
}

static void
test_sum_overflow (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;
  gint64 total = 42;

  set_text (builder, "Quantité", "9223372036854775807");
  iwd_table_builder_end_row (builder);
  set_text (builder, "Quantité", "1");
  iwd_table_builder_end_row (builder);
  table = build (builder);

  g_assert_false (iwd_table_sum_column (table, 0, &total));
  g_assert_cmpint (total, ==, 42);
}

static void
test_column_labels (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;

  set_text (builder, "client.date_naissance", "1965-09-26");
  set_text (builder, "police.cp", "0");
  set_text (builder, "Assuré", "X");
  iwd_table_builder_end_row (builder);
  table = build (builder);

  g_assert_cmpstr (iwd_table_get_column_label (table, 0), ==, "Date of birth");
  g_assert_cmpstr (iwd_table_get_column_label (table, 1), ==, "Policy fee");
  g_assert_cmpstr (iwd_table_get_column_label (table, 2), ==, "Assuré");
  g_assert_false (iwd_table_find_column (table, "absent", NULL));
}

static void
test_table_finalize (void)
{
  IwdTableBuilder *builder = iwd_table_builder_new ();
  IwdTable *table;

  set_text (builder, "ville", "NICE");
  iwd_table_builder_end_row (builder);
  table = iwd_table_builder_build (builder, NULL);

  g_assert_finalize_object (builder);
  g_assert_finalize_object (table);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/builder/inferred-kinds", test_builder_inferred_kinds);
  g_test_add_func ("/table/builder/inferred-values", test_builder_inferred_values);
  g_test_add_func ("/table/builder/fixed-kinds", test_builder_fixed_kinds);
  g_test_add_func ("/table/builder/fixed-kind-error", test_builder_fixed_kind_error);
  g_test_add_func ("/table/builder/long-value-cut", test_builder_long_value_cut);
  g_test_add_func ("/table/builder/late-column", test_builder_late_column);
  g_test_add_func ("/table/builder/repeated-cell", test_builder_repeated_cell);
  g_test_add_func ("/table/text/interned", test_text_interned);
  g_test_add_func ("/table/cell-string/canonical", test_cell_string_canonical);
  g_test_add_func ("/table/cell-string/datetime", test_cell_string_datetime);
  g_test_add_func ("/table/sum/exact", test_sum_exact);
  g_test_add_func ("/table/sum/overflow", test_sum_overflow);
  g_test_add_func ("/table/column/labels", test_column_labels);
  g_test_add_func ("/table/finalize", test_table_finalize);

  return g_test_run ();
}
