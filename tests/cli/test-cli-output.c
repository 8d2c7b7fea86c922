/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-cli-output.h"
#include "iwd-cli-records.h"

static char *
csv_field (const char *value)
{
  GString *out = g_string_new (NULL);

  iwd_cli_csv_append_field (out, value);

  return g_string_free (out, FALSE);
}

static char *
json_string (const char *value)
{
  GString *out = g_string_new (NULL);

  iwd_cli_json_append_string (out, value);

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

  iwd_cli_csv_append_row (out, values, G_N_ELEMENTS (values));

  g_assert_cmpstr (out->str, ==, "P-100,,\"a,b\",Zoé\n");
}

static void
test_scaled_positive (void)
{
  g_autofree char *bare = iwd_cli_format_scaled (12000000, 0);
  g_autofree char *cents = iwd_cli_format_scaled (12000000, 2);
  g_autofree char *four = iwd_cli_format_scaled (12000000, 4);
  g_autofree char *tenths = iwd_cli_format_scaled (899000, 0);
  g_autofree char *tenths_cents = iwd_cli_format_scaled (899000, 2);
  g_autofree char *smallest = iwd_cli_format_scaled (1, 2);
  g_autofree char *zero = iwd_cli_format_scaled (0, 2);
  g_autofree char *too_many = iwd_cli_format_scaled (176547100, 9);

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
  g_autofree char *whole = iwd_cli_format_scaled (-3000000, 0);
  g_autofree char *cents = iwd_cli_format_scaled (-3000000, 2);
  g_autofree char *below_one = iwd_cli_format_scaled (-5000, 0);
  g_autofree char *smallest = iwd_cli_format_scaled (-1, 0);
  g_autofree char *minimum = iwd_cli_format_scaled (G_MININT64, 0);
  g_autofree char *maximum = iwd_cli_format_scaled (G_MAXINT64, 0);

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
test_format_names (void)
{
  IwdCliFormat format = IWD_CLI_FORMAT_TEXT;

  g_assert_true (iwd_cli_format_from_string ("json", &format));
  g_assert_cmpint (format, ==, IWD_CLI_FORMAT_JSON);
  g_assert_true (iwd_cli_format_from_string ("csv", &format));
  g_assert_cmpint (format, ==, IWD_CLI_FORMAT_CSV);
  g_assert_false (iwd_cli_format_from_string ("xml", &format));
  g_assert_false (iwd_cli_format_from_string (NULL, &format));
}

static void
test_text_table_alignment (void)
{
  const char *headers[] = { "Name", "Label" };
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autofree char *text = NULL;

  g_ptr_array_add (rows, g_strsplit ("NÉOLIANE|Néoliane Santé", "|", -1));
  g_ptr_array_add (rows, g_strsplit ("AXA|two\nlines", "|", -1));
  g_ptr_array_add (rows, g_strsplit ("日本|", "|", -1));
  text = iwd_cli_format_text_table (headers, G_N_ELEMENTS (headers), rows);

  g_assert_cmpstr (text, ==,
                   "Name      Label\n"
                   "--------  --------------\n"
                   "NÉOLIANE  Néoliane Santé\n"
                   "AXA       two lines\n"
                   "日本      \n");
}

static const IwdCliColumn record_columns[] = {
  { "name", "Name", NULL },
  { "required", "Required", NULL },
  { "size", "Max length", NULL },
  { "methods", "Methods", NULL },
};

static IwdCliRecords *
create_records (void)
{
  IwdCliRecords *records = iwd_cli_records_new (record_columns, G_N_ELEMENTS (record_columns));
  JsonObject *row = iwd_cli_records_append_row (records);
  JsonArray *methods = json_array_new ();

  json_array_add_string_element (methods, "Commissions");
  json_array_add_string_element (methods, "Impayes");
  json_object_set_string_member (row, "name", "Mot de passe; \"Web\"");
  json_object_set_boolean_member (row, "required", TRUE);
  json_object_set_int_member (row, "size", 20);
  json_object_set_array_member (row, "methods", methods);

  row = iwd_cli_records_append_row (records);
  json_object_set_string_member (row, "name", "Clos");
  json_object_set_boolean_member (row, "required", FALSE);
  json_object_set_null_member (row, "size");

  return records;
}

static void
test_records_csv (void)
{
  g_autoptr(IwdCliRecords) records = create_records ();
  g_autofree char *csv = iwd_cli_records_format (records, IWD_CLI_FORMAT_CSV);

  g_assert_cmpuint (iwd_cli_records_get_n_rows (records), ==, 2);
  g_assert_cmpstr (csv, ==,
                   "name,required,size,methods\n"
                   "\"Mot de passe; \"\"Web\"\"\",true,20,\"Commissions, Impayes\"\n"
                   "Clos,false,,\n");
}

static void
test_records_text (void)
{
  g_autoptr(IwdCliRecords) records = create_records ();
  g_autofree char *text = iwd_cli_records_format (records, IWD_CLI_FORMAT_TEXT);

  g_assert_cmpstr (text, ==,
                   "Name                 Required  Max length  Methods\n"
                   "-------------------  --------  ----------  --------------------\n"
                   "Mot de passe; \"Web\"  yes       20          Commissions, Impayes\n"
                   "Clos                 no                    \n");
}

static void
test_records_json (void)
{
  g_autoptr(IwdCliRecords) records = create_records ();
  g_autofree char *text = iwd_cli_records_format (records, IWD_CLI_FORMAT_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *first;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  first = json_array_get_object_element (rows, 0);

  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "name"), ==, "Mot de passe; \"Web\"");
  g_assert_true (json_object_get_boolean_member (first, "required"));
  g_assert_cmpint (json_object_get_int_member (first, "size"), ==, 20);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (first, "methods")), ==, 2);
  g_assert_true (json_object_get_null_member (json_array_get_object_element (rows, 1), "size"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/csv/plain", test_csv_plain);
  g_test_add_func ("/cli/csv/quoting", test_csv_quoting);
  g_test_add_func ("/cli/csv/row", test_csv_row);
  g_test_add_func ("/cli/scaled/positive", test_scaled_positive);
  g_test_add_func ("/cli/scaled/negative", test_scaled_negative);
  g_test_add_func ("/cli/json/string-escapes", test_json_string_escapes);
  g_test_add_func ("/cli/format/names", test_format_names);
  g_test_add_func ("/cli/text-table/alignment", test_text_table_alignment);
  g_test_add_func ("/cli/records/csv", test_records_csv);
  g_test_add_func ("/cli/records/text", test_records_text);
  g_test_add_func ("/cli/records/json", test_records_json);

  return g_test_run ();
}
