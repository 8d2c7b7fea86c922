/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "iwd-cell-format.h"
#include "iwd-table-builder.h"

#define NNBSP "\xE2\x80\xAF"
#define NBSP "\xC2\xA0"

typedef struct {
  gint64      value;
  const char *expected;
} FormatCase;

static void
test_money (void)
{
  static const FormatCase cases[] = {
    { 176547100, "17" NNBSP "654,71" NBSP "€" },
    { -3000000, "-300,00" NBSP "€" },
    { 5000, "0,50" NBSP "€" },
    { 0, "0,00" NBSP "€" },
    { 12345678900000, "1" NNBSP "234" NNBSP "567" NNBSP "890,00" NBSP "€" },
    { 9999000, "999,90" NBSP "€" },
    { 10000000, "1" NNBSP "000,00" NBSP "€" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = iwd_cell_format_money (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_rounding (void)
{
  static const FormatCase cases[] = {
    { 50, "0,01" NBSP "€" },
    { 49, "0,00" NBSP "€" },
    { -50, "-0,01" NBSP "€" },
    { -49, "0,00" NBSP "€" },
    { 176547150, "17" NNBSP "654,72" NBSP "€" },
    { -176547150, "-17" NNBSP "654,72" NBSP "€" },
    { 9999950, "1" NNBSP "000,00" NBSP "€" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = iwd_cell_format_money (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_money_extremes (void)
{
  g_autofree char *largest = iwd_cell_format_money (G_MAXINT64);
  g_autofree char *smallest = iwd_cell_format_money (G_MININT64);

  g_assert_cmpstr (largest, ==, "922" NNBSP "337" NNBSP "203" NNBSP "685" NNBSP "477,58" NBSP "€");
  g_assert_cmpstr (smallest, ==, "-922" NNBSP "337" NNBSP "203" NNBSP "685" NNBSP "477,58" NBSP "€");
}

static void
test_decimal (void)
{
  static const FormatCase cases[] = {
    { 155000, "15,5" },
    { 150000, "15" },
    { 12345, "1,2345" },
    { -5000, "-0,5" },
    { 12345000, "1" NNBSP "234,5" },
    { 0, "0" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = iwd_cell_format_decimal (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
test_integer (void)
{
  g_autofree char *positive = iwd_cell_format_integer (123456);
  g_autofree char *negative = iwd_cell_format_integer (-7);

  g_assert_cmpstr (positive, ==, "123456");
  g_assert_cmpstr (negative, ==, "-7");
}

static void
test_date (void)
{
  /* 1965-09-26T00:00:00Z and 1970-01-01T00:00:00Z */
  g_autofree char *birth = iwd_cell_format_date (-134611200);
  g_autofree char *epoch = iwd_cell_format_date (0);

  g_assert_cmpstr (birth, ==, "26/09/1965");
  g_assert_cmpstr (epoch, ==, "01/01/1970");
}

static void
test_datetime (void)
{
  /* 2022-02-24T07:40:59, read as UTC */
  g_autofree char *text = iwd_cell_format_datetime (1645688459);

  g_assert_cmpstr (text, ==, "24/02/2022 07:40");
}

static void
test_boolean (void)
{
  g_assert_cmpstr (iwd_cell_format_boolean (TRUE), ==, "Yes");
  g_assert_cmpstr (iwd_cell_format_boolean (FALSE), ==, "No");
}

static void
test_number_by_kind (void)
{
  g_autofree char *money = iwd_cell_format_number (IWD_TABLE_KIND_MONEY, 5000);
  g_autofree char *date = iwd_cell_format_number (IWD_TABLE_KIND_DATE, 0);
  g_autofree char *boolean = iwd_cell_format_number (IWD_TABLE_KIND_BOOLEAN, 1);

  g_assert_cmpstr (money, ==, "0,50" NBSP "€");
  g_assert_cmpstr (date, ==, "01/01/1970");
  g_assert_cmpstr (boolean, ==, "Yes");
}

static void
test_numeric_kinds (void)
{
  g_assert_true (iwd_cell_format_is_numeric (IWD_TABLE_KIND_MONEY));
  g_assert_true (iwd_cell_format_is_numeric (IWD_TABLE_KIND_DECIMAL));
  g_assert_true (iwd_cell_format_is_numeric (IWD_TABLE_KIND_INTEGER));
  g_assert_false (iwd_cell_format_is_numeric (IWD_TABLE_KIND_TEXT));
  g_assert_false (iwd_cell_format_is_numeric (IWD_TABLE_KIND_DATE));
}

static void
test_rate (void)
{
  static const FormatCase cases[] = {
    { 125000, "12,5%" },
    { 100000, "10%" },
    { 0, "0%" },
    { -25, "-0,0025%" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = iwd_cell_format_rate (cases[i].value);

      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

/* One row whose rate columns are a decimal, a whole number and the API's
 * documented key, beside an amount and a count that are no rates. */
static IwdTable *
build_rate_table (void)
{
  const char *keys[] = { "Taux com", "Tx", "police.tauxcomcie", "Prime TTC", "Nombre" };
  const char *cells[] = { "12,50", "10", "7,5", "1,00", "3" };
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      guint column = iwd_table_builder_ensure_column (builder, keys[i]);

      g_assert_true (iwd_table_builder_set_cell (builder, column, cells[i], strlen (cells[i]), &error));
      g_assert_no_error (error);
    }
  iwd_table_builder_end_row (builder);

  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);
  return table;
}

static void
test_rate_columns (void)
{
  g_autoptr(IwdTable) table = build_rate_table ();
  const char *expected[] = { "12,5%", "10%", "7,5%", "1,00" NBSP "€", "3" };

  for (guint column = 0; column < G_N_ELEMENTS (expected); column++)
    {
      g_autofree char *text = iwd_cell_format (table, 0, column);

      g_assert_cmpstr (text, ==, expected[column]);
    }

  g_assert_true (iwd_cell_format_is_rate (table, 0));
  g_assert_false (iwd_cell_format_is_rate (table, 4));
}

/* A text cell of megabytes is cut for display, at a character boundary,
 * and a text at the limit is kept whole. */
static void
test_long_text (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GString) long_text = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = NULL;
  g_autofree char *displayed = NULL;
  g_autofree char *at_limit = NULL;
  guint column = iwd_table_builder_ensure_column (builder, "Police");

  for (guint i = 0; i < 300000; i++)
    g_string_append (long_text, "é");
  g_assert_true (iwd_table_builder_set_cell (builder, column, long_text->str, long_text->len, &error));
  iwd_table_builder_end_row (builder);
  g_string_truncate (long_text, 2 * IWD_CELL_MAX_CHARS);
  g_assert_true (iwd_table_builder_set_cell (builder, column, long_text->str, long_text->len, &error));
  iwd_table_builder_end_row (builder);
  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);

  displayed = iwd_cell_format (table, 0, column);
  g_assert_cmpint (g_utf8_strlen (displayed, -1), ==, IWD_CELL_MAX_CHARS + 1);
  g_assert_true (g_str_has_suffix (displayed, "é…"));
  at_limit = iwd_cell_format (table, 1, column);
  g_assert_cmpstr (at_limit, ==, long_text->str);
}

int
main (int   argc,
      char *argv[])
{
  /* The untranslated strings are the expected ones. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cell-format/money", test_money);
  g_test_add_func ("/cell-format/long-text", test_long_text);
  g_test_add_func ("/cell-format/money-rounding", test_money_rounding);
  g_test_add_func ("/cell-format/money-extremes", test_money_extremes);
  g_test_add_func ("/cell-format/decimal", test_decimal);
  g_test_add_func ("/cell-format/integer", test_integer);
  g_test_add_func ("/cell-format/date", test_date);
  g_test_add_func ("/cell-format/datetime", test_datetime);
  g_test_add_func ("/cell-format/boolean", test_boolean);
  g_test_add_func ("/cell-format/number-by-kind", test_number_by_kind);
  g_test_add_func ("/cell-format/numeric-kinds", test_numeric_kinds);
  g_test_add_func ("/cell-format/rate", test_rate);
  g_test_add_func ("/cell-format/rate-columns", test_rate_columns);

  return g_test_run ();
}
