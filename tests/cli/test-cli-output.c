/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-cli-output.h"
#include "iwd-cli-records.h"

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

  g_test_add_func ("/cli/format/names", test_format_names);
  g_test_add_func ("/cli/text-table/alignment", test_text_table_alignment);
  g_test_add_func ("/cli/records/csv", test_records_csv);
  g_test_add_func ("/cli/records/text", test_records_text);
  g_test_add_func ("/cli/records/json", test_records_json);

  return g_test_run ();
}
