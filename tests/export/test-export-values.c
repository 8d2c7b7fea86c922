/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-export-values.h"

static char *
csv_field (const char *value)
{
  GString *out = g_string_new (NULL);

  iwd_export_csv_append_field (out, value, ',');

  return g_string_free (out, FALSE);
}

static char *
json_string (const char *value)
{
  GString *out = g_string_new (NULL);

  iwd_export_json_append_string (out, value);

  return g_string_free (out, FALSE);
}

static void
test_csv_plain (void)
{
  g_autofree char *plain = csv_field ("P-100");
  g_autofree char *accents = csv_field ("GÉRARD Anaïs");
  g_autofree char *empty = csv_field ("");
  g_autofree char *missing = csv_field (NULL);

  g_assert_cmpstr (plain, ==, "P-100");
  g_assert_cmpstr (accents, ==, "GÉRARD Anaïs");
  g_assert_cmpstr (empty, ==, "");
  g_assert_cmpstr (missing, ==, "");
}

static void
test_csv_quoting (void)
{
  g_autofree char *comma = csv_field ("1,5");
  g_autofree char *semicolon = csv_field ("a;b");
  g_autofree char *quote = csv_field ("le \"PTF\" 1");
  g_autofree char *newline = csv_field ("ligne 1\nligne 2");
  g_autofree char *crlf = csv_field ("a\r\nb");
  g_autofree char *edge_space = csv_field (" Nîmes");
  g_autofree char *accented_quote = csv_field ("Société \"Générale\"; Nîmes");

  g_assert_cmpstr (comma, ==, "\"1,5\"");
  g_assert_cmpstr (semicolon, ==, "\"a;b\"");
  g_assert_cmpstr (quote, ==, "\"le \"\"PTF\"\" 1\"");
  g_assert_cmpstr (newline, ==, "\"ligne 1\nligne 2\"");
  g_assert_cmpstr (crlf, ==, "\"a\r\nb\"");
  g_assert_cmpstr (edge_space, ==, "\" Nîmes\"");
  g_assert_cmpstr (accented_quote, ==, "\"Société \"\"Générale\"\"; Nîmes\"");
}

static void
test_csv_row (void)
{
  const char *values[] = { "P-100", NULL, "a,b", "Zoé" };
  g_autoptr(GString) out = g_string_new (NULL);

  iwd_export_csv_append_record (out, values, G_N_ELEMENTS (values), ',', "\n");

  g_assert_cmpstr (out->str, ==, "P-100,,\"a,b\",Zoé\n");
}

static void
test_scaled_positive (void)
{
  g_autofree char *bare = iwd_export_format_scaled (12000000, 0, '.');
  g_autofree char *cents = iwd_export_format_scaled (12000000, 2, '.');
  g_autofree char *four = iwd_export_format_scaled (12000000, 4, '.');
  g_autofree char *tenths = iwd_export_format_scaled (899000, 0, '.');
  g_autofree char *tenths_cents = iwd_export_format_scaled (899000, 2, '.');
  g_autofree char *smallest = iwd_export_format_scaled (1, 2, '.');
  g_autofree char *zero = iwd_export_format_scaled (0, 2, '.');
  g_autofree char *too_many = iwd_export_format_scaled (176547100, 9, '.');

  g_assert_cmpstr (bare, ==, "1200");
  g_assert_cmpstr (cents, ==, "1200.00");
  g_assert_cmpstr (four, ==, "1200.0000");
  g_assert_cmpstr (tenths, ==, "89.9");
  g_assert_cmpstr (tenths_cents, ==, "89.90");
  g_assert_cmpstr (smallest, ==, "0.0001");
  g_assert_cmpstr (zero, ==, "0.00");
  g_assert_cmpstr (too_many, ==, "17654.7100");
}

static void
test_scaled_negative (void)
{
  g_autofree char *whole = iwd_export_format_scaled (-3000000, 0, '.');
  g_autofree char *cents = iwd_export_format_scaled (-3000000, 2, '.');
  g_autofree char *below_one = iwd_export_format_scaled (-5000, 0, '.');
  g_autofree char *smallest = iwd_export_format_scaled (-1, 0, '.');
  g_autofree char *minimum = iwd_export_format_scaled (G_MININT64, 0, '.');
  g_autofree char *maximum = iwd_export_format_scaled (G_MAXINT64, 0, '.');

  g_assert_cmpstr (whole, ==, "-300");
  g_assert_cmpstr (cents, ==, "-300.00");
  g_assert_cmpstr (below_one, ==, "-0.5");
  g_assert_cmpstr (smallest, ==, "-0.0001");
  g_assert_cmpstr (minimum, ==, "-922337203685477.5808");
  g_assert_cmpstr (maximum, ==, "922337203685477.5807");
}

static void
test_json_string_escapes (void)
{
  g_autofree char *quote = json_string ("le \"PTF\"");
  g_autofree char *backslash = json_string ("C:\\temp");
  g_autofree char *newline = json_string ("a\nb\tc\rd");
  g_autofree char *control = json_string ("a\001b");
  g_autofree char *accents = json_string ("Prévoyance €");

  g_assert_cmpstr (quote, ==, "\"le \\\"PTF\\\"\"");
  g_assert_cmpstr (backslash, ==, "\"C:\\\\temp\"");
  g_assert_cmpstr (newline, ==, "\"a\\nb\\tc\\rd\"");
  g_assert_cmpstr (control, ==, "\"a\\u0001b\"");
  g_assert_cmpstr (accents, ==, "\"Prévoyance €\"");
}

static void
test_csv_semicolon_separator (void)
{
  const char *values[] = { "1200,00", "a;b", NULL, " Nîmes" };
  g_autoptr(GString) out = g_string_new (NULL);

  iwd_export_csv_append_record (out, values, G_N_ELEMENTS (values), ';', "\r\n");

  g_assert_cmpstr (out->str, ==, "1200,00;\"a;b\";;\" Nîmes\"\r\n");
}

static void
test_scaled_decimal_comma (void)
{
  g_autofree char *cents = iwd_export_format_scaled (12000000, 2, ',');
  g_autofree char *negative = iwd_export_format_scaled (-3005000, 2, ',');
  g_autofree char *whole = iwd_export_format_scaled (30000, 0, ',');

  g_assert_cmpstr (cents, ==, "1200,00");
  g_assert_cmpstr (negative, ==, "-300,50");
  g_assert_cmpstr (whole, ==, "3");
}

static void
test_split_time_after_epoch (void)
{
  IwdExportTime time;

  /* 2023-01-31T07:40:13 */
  g_assert_true (iwd_export_split_time (1675150813, &time));
  g_assert_cmpuint (g_date_get_year (&time.date), ==, 2023);
  g_assert_cmpuint (g_date_get_month (&time.date), ==, 1);
  g_assert_cmpuint (g_date_get_day (&time.date), ==, 31);
  g_assert_cmpuint (time.hour, ==, 7);
  g_assert_cmpuint (time.minute, ==, 40);
  g_assert_cmpuint (time.second, ==, 13);
}

static void
test_split_time_before_epoch (void)
{
  IwdExportTime time;

  g_assert_true (iwd_export_split_time (-1, &time));
  g_assert_cmpuint (g_date_get_year (&time.date), ==, 1969);
  g_assert_cmpuint (g_date_get_month (&time.date), ==, 12);
  g_assert_cmpuint (g_date_get_day (&time.date), ==, 31);
  g_assert_cmpuint (time.hour, ==, 23);
  g_assert_cmpuint (time.minute, ==, 59);
  g_assert_cmpuint (time.second, ==, 59);
}

static void
test_split_time_out_of_range (void)
{
  IwdExportTime time;

  g_assert_false (iwd_export_split_time (G_MININT64, &time));
  g_assert_false (iwd_export_split_time (G_MAXINT64, &time));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/export/csv/plain", test_csv_plain);
  g_test_add_func ("/export/csv/quoting", test_csv_quoting);
  g_test_add_func ("/export/csv/row", test_csv_row);
  g_test_add_func ("/export/csv/semicolon-separator", test_csv_semicolon_separator);
  g_test_add_func ("/export/scaled/positive", test_scaled_positive);
  g_test_add_func ("/export/scaled/negative", test_scaled_negative);
  g_test_add_func ("/export/scaled/decimal-comma", test_scaled_decimal_comma);
  g_test_add_func ("/export/json/string-escapes", test_json_string_escapes);
  g_test_add_func ("/export/split-time/after-epoch", test_split_time_after_epoch);
  g_test_add_func ("/export/split-time/before-epoch", test_split_time_before_epoch);
  g_test_add_func ("/export/split-time/out-of-range", test_split_time_out_of_range);

  return g_test_run ();
}
