/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "iwd-export.h"
#include "iwd-export-error.h"
#include "iwd-test-export.h"

typedef struct {
  IwdTable *table;
  char     *dir;
  char     *path;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->table = iwd_test_export_sample_table ();
  fixture->dir = iwd_test_export_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "export.out", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  iwd_test_export_remove_dir (fixture->dir);
  g_assert_finalize_object (fixture->table);
  g_free (fixture->dir);
  g_free (fixture->path);
}

static char *
export_to_text (Fixture     *fixture,
                const guint *rows,
                guint        n_rows,
                const guint *columns,
                guint        n_columns,
                const char  *format_name)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  iwd_test_export_run (fixture->table, rows, n_rows, columns, n_columns, format_name,
                       fixture->path, &error);
  g_assert_no_error (error);

  g_file_get_contents (fixture->path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Splits one RFC 4180 record off @text, with @separator between fields,
 * and moves @text past its line end. */
static GStrv
read_csv_record (const char **text,
                 char         separator)
{
  g_autoptr(GStrvBuilder) fields = g_strv_builder_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  const char *p = *text;
  gboolean quoted = FALSE;

  for (; *p != '\0'; p++)
    {
      if (quoted && *p == '"' && p[1] == '"')
        g_string_append_c (field, *p++);
      else if (*p == '"')
        quoted = !quoted;
      else if (!quoted && *p == separator)
        {
          g_strv_builder_add (fields, field->str);
          g_string_truncate (field, 0);
        }
      else if (!quoted && (*p == '\n' || *p == '\r'))
        break;
      else
        g_string_append_c (field, *p);
    }

  g_strv_builder_add (fields, field->str);
  if (*p == '\r')
    p++;
  *text = *p == '\n' ? p + 1 : p;

  return g_strv_builder_end (fields);
}

static void
test_csv_fr_bytes (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "csv-fr");

  g_assert_cmpstr (text, ==,
                   "\xef\xbb\xbf"
                   "Police;Date effet;Prime;Taux;Nb;Actif;Horodatage\r\n"
                   "A-2001;05/01/2023;1200,00;0,5;3;Yes;31/01/2023 07:40:13\r\n"
                   "\"Société \"\"Générale\"\"; Nîmes\";31/01/2023;-300,50;12,25;-7;No;"
                   "01/02/2023 00:00:01\r\n"
                   "\" FRANÇOIS Zoë\";;89,90;;;;\r\n"
                   "P-4;29/02/2024;12345678901,2345;0,0001;9007199254740993;Yes;"
                   "31/12/1969 23:59:59\r\n");
}

static void
test_csv_fr_bom (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "csv-fr");

  g_assert_cmpint ((guchar) text[0], ==, 0xef);
  g_assert_cmpint ((guchar) text[1], ==, 0xbb);
  g_assert_cmpint ((guchar) text[2], ==, 0xbf);
  g_assert_cmpint (text[3], ==, 'P');
}

static void
test_csv_plain_bytes (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "csv");

  g_assert_cmpstr (text, ==,
                   "Police,Date effet,Prime,Taux,Nb,Actif,Horodatage\n"
                   "A-2001,2023-01-05,1200,0.5,3,true,2023-01-31T07:40:13\n"
                   "\"Société \"\"Générale\"\"; Nîmes\",2023-01-31,-300.5,12.25,-7,false,"
                   "2023-02-01T00:00:01\n"
                   "\" FRANÇOIS Zoë\",,89.9,,,,\n"
                   "P-4,2024-02-29,12345678901.2345,0.0001,9007199254740993,true,"
                   "1969-12-31T23:59:59\n");
}

/* Reading the plain CSV back gives each cell as the table renders it. */
static void
test_csv_plain_round_trip (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "csv");
  guint n_columns = iwd_table_get_n_columns (fixture->table);
  const char *cursor = text;
  g_auto(GStrv) header = read_csv_record (&cursor, ',');

  g_assert_cmpuint (g_strv_length (header), ==, n_columns);
  for (guint column = 0; column < n_columns; column++)
    g_assert_cmpstr (header[column], ==, iwd_table_get_column_key (fixture->table, column));

  for (guint row = 0; row < iwd_table_get_n_rows (fixture->table); row++)
    {
      g_auto(GStrv) record = read_csv_record (&cursor, ',');

      g_assert_cmpuint (g_strv_length (record), ==, n_columns);
      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *cell = iwd_table_dup_cell_string (fixture->table, row, column);

          g_assert_cmpstr (record[column], ==, cell);
        }
    }

  g_assert_cmpstr (cursor, ==, "");
}

static void
test_csv_fr_round_trip (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "csv-fr");
  const char *cursor = text + 3;
  g_auto(GStrv) header = read_csv_record (&cursor, ';');
  g_auto(GStrv) first = read_csv_record (&cursor, ';');
  g_auto(GStrv) second = read_csv_record (&cursor, ';');
  g_auto(GStrv) third = read_csv_record (&cursor, ';');

  g_assert_cmpuint (g_strv_length (header), ==, 7);
  g_assert_cmpstr (second[0], ==, "Société \"Générale\"; Nîmes");
  g_assert_cmpstr (second[2], ==, "-300,50");
  g_assert_cmpstr (third[0], ==, " FRANÇOIS Zoë");
  g_assert_cmpstr (third[1], ==, "");
  g_assert_cmpstr (first[1], ==, "05/01/2023");
}

static void
test_json_exact (Fixture       *fixture,
                 gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "json");

  g_assert_true (g_str_has_prefix (text,
    "[\n  {\"Police\": \"A-2001\", \"Date effet\": \"2023-01-05\", \"Prime\": 1200, "
    "\"Taux\": 0.5, \"Nb\": 3, \"Actif\": true, \"Horodatage\": \"2023-01-31T07:40:13\"},\n"));
  g_assert_nonnull (strstr (text, "\"Prime\": 89.9, \"Taux\": null, \"Nb\": null"));
  g_assert_nonnull (strstr (text, "\"Prime\": 12345678901.2345, \"Taux\": 0.0001, "
                                  "\"Nb\": 9007199254740993,"));
  g_assert_true (g_str_has_suffix (text, "\"Horodatage\": \"1969-12-31T23:59:59\"}\n]\n"));
}

static void
test_json_round_trip (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *text = export_to_text (fixture, NULL, 0, NULL, 0, "json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *second;
  JsonObject *third;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  second = json_array_get_object_element (rows, 1);
  third = json_array_get_object_element (rows, 2);

  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (second, "Police"), ==,
                   "Société \"Générale\"; Nîmes");
  g_assert_cmpstr (json_object_get_string_member (second, "Date effet"), ==, "2023-01-31");
  g_assert_false (json_object_get_boolean_member (second, "Actif"));
  g_assert_cmpint (json_object_get_int_member (second, "Nb"), ==, -7);
  g_assert_true (json_object_get_null_member (third, "Date effet"));
  g_assert_cmpstr (json_object_get_string_member (third, "Police"), ==, " FRANÇOIS Zoë");
}

static void
test_json_empty_table (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const guint no_rows[] = { 0 };
  g_autofree char *text = export_to_text (fixture, no_rows, 0, NULL, 0, "json");

  g_assert_cmpstr (text, ==, "[]\n");
}

/* The grid passes the rows it shows, in its order, and its visible
 * columns. */
static void
test_selection_order (Fixture       *fixture,
                      gconstpointer  user_data)
{
  const guint rows[] = { 2, 0 };
  const guint columns[] = { 2, 0 };
  g_autofree char *text = export_to_text (fixture, rows, G_N_ELEMENTS (rows),
                                          columns, G_N_ELEMENTS (columns), "csv");

  g_assert_cmpstr (text, ==,
                   "Prime,Police\n"
                   "89.9,\" FRANÇOIS Zoë\"\n"
                   "1200,A-2001\n");
}

static void
test_replace_existing (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const guint rows[] = { 0 };
  const guint columns[] = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "an older and longer export", -1, &error);
  g_assert_no_error (error);
  text = export_to_text (fixture, rows, 1, columns, 1, "csv");

  g_assert_cmpstr (text, ==, "Police\nA-2001\n");
  g_assert_cmpuint (iwd_test_export_count_files (fixture->dir), ==, 1);
}

static void
test_missing_folder (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->dir, "missing", "export.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_false (iwd_test_export_run (fixture->table, NULL, 0, NULL, 0, "csv", path, &error));

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_folder_is_file (Fixture       *fixture,
                     gconstpointer  user_data)
{
  g_autofree char *path = g_build_filename (fixture->path, "export.csv", NULL);
  g_autoptr(GError) error = NULL;

  g_file_set_contents (fixture->path, "", -1, &error);
  g_assert_no_error (error);

  g_assert_false (iwd_test_export_run (fixture->table, NULL, 0, NULL, 0, "json", path, &error));

  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_DIRECTORY);
  g_assert_nonnull (strstr (error->message, path));
}

static void
test_not_local (void)
{
  g_autoptr(IwdTable) table = iwd_test_export_sample_table ();
  g_autoptr(GFile) destination = g_file_new_for_uri ("sftp://127.0.0.1/export.csv");
  g_autoptr(GError) error = NULL;

  g_assert_false (iwd_export_table (table, NULL, 0, NULL, 0, IWD_EXPORT_FORMAT_CSV,
                                    destination, NULL, &error));

  g_assert_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_NOT_LOCAL);
  g_assert_nonnull (strstr (error->message, "sftp://127.0.0.1/export.csv"));
}

static void
test_format_names (void)
{
  IwdExportFormat format = IWD_EXPORT_FORMAT_JSON;

  g_assert_true (iwd_export_format_from_string ("csv-fr", &format));
  g_assert_cmpint (format, ==, IWD_EXPORT_FORMAT_CSV_FR);
  g_assert_true (iwd_export_format_from_string ("xlsx", &format));
  g_assert_cmpint (format, ==, IWD_EXPORT_FORMAT_XLSX);
  g_assert_false (iwd_export_format_from_string ("xls", &format));
  g_assert_false (iwd_export_format_from_string (NULL, &format));
  g_assert_cmpstr (iwd_export_format_get_extension (IWD_EXPORT_FORMAT_CSV_FR), ==, "csv");
  g_assert_cmpstr (iwd_export_format_get_extension (IWD_EXPORT_FORMAT_XLSX), ==, "xlsx");
}

#define ADD_TEST(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/export/csv-fr/bytes", test_csv_fr_bytes);
  ADD_TEST ("/export/csv-fr/bom", test_csv_fr_bom);
  ADD_TEST ("/export/csv-fr/round-trip", test_csv_fr_round_trip);
  ADD_TEST ("/export/csv/bytes", test_csv_plain_bytes);
  ADD_TEST ("/export/csv/round-trip", test_csv_plain_round_trip);
  ADD_TEST ("/export/json/exact", test_json_exact);
  ADD_TEST ("/export/json/round-trip", test_json_round_trip);
  ADD_TEST ("/export/json/empty-table", test_json_empty_table);
  ADD_TEST ("/export/selection/order", test_selection_order);
  ADD_TEST ("/export/file/replace-existing", test_replace_existing);
  ADD_TEST ("/export/file/missing-folder", test_missing_folder);
  ADD_TEST ("/export/file/folder-is-file", test_folder_is_file);
  g_test_add_func ("/export/file/not-local", test_not_local);
  g_test_add_func ("/export/format/names", test_format_names);

  return g_test_run ();
}
