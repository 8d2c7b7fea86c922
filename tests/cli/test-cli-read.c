/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <signal.h>
#include "config.h"

#include <json-glib/json-glib.h>
#include <string.h>

#include "iwd-test-cli.h"

static void
run_read (IwdTestCliRun *run,
          const char    *fixture,
          const char    *option,
          const char    *option_value)
{
  g_autofree char *path = iwd_test_cli_data_path (fixture);
  const char *args[] = { "read", path, option, option_value, NULL };

  iwd_test_cli_run (run, NULL, args);
}

/* Finds @key in the CSV header line; the fixtures' keys need no quotes. */
static int
find_csv_column (const char *header,
                 const char *key)
{
  g_auto(GStrv) keys = g_strsplit (header, ",", -1);

  for (guint i = 0; keys[i] != NULL; i++)
    {
      if (g_strcmp0 (keys[i], key) == 0)
        return (int) i;
    }

  return -1;
}

static void
test_tsv_csv_rows (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "commissions-cp1252.tsv", NULL, NULL);
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 4);
  g_assert_cmpstr (lines[0], ==, "Police,Date effet,Prime,Commission,Assuré");
  g_assert_cmpstr (lines[1], ==, "A-2001,2023-01-05,1200,120,LEFÈVRE Noël");
  g_assert_cmpstr (lines[2], ==, "A-2002,2023-01-05,-300,-30,BÉNÉDICTE Aïcha");
  g_assert_cmpstr (lines[3], ==, "A-2003,2023-01-31,89.9,8.99,FRANÇOIS Zoë");
}

static void
test_tsv_totals (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "commissions-cp1252.tsv", "--totals", NULL);
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "Prime: 989.90");
  g_assert_cmpstr (lines[1], ==, "Commission: 98.99");
}

static void
test_tsv_totals_json (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  const char *args[] = { "read", NULL, "--totals", "--format", "json", NULL };
  g_autofree char *path = iwd_test_cli_data_path ("commissions-cp1252.tsv");

  args[1] = path;
  iwd_test_cli_run (&run, NULL, args);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==, "{\n  \"Prime\": 989.90,\n  \"Commission\": 98.99\n}\n");
}

static void
test_tsv_json_numbers (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "commissions-cp1252.tsv", "--format", "json");
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "[");
  g_assert_cmpstr (lines[1], ==, "  {\"Police\": \"A-2001\", \"Date effet\": \"2023-01-05\", "
                                 "\"Prime\": 1200, \"Commission\": 120, \"Assuré\": \"LEFÈVRE Noël\"},");
  g_assert_cmpstr (lines[2], ==, "  {\"Police\": \"A-2002\", \"Date effet\": \"2023-01-05\", "
                                 "\"Prime\": -300, \"Commission\": -30, \"Assuré\": \"BÉNÉDICTE Aïcha\"},");
  g_assert_cmpstr (lines[3], ==, "  {\"Police\": \"A-2003\", \"Date effet\": \"2023-01-31\", "
                                 "\"Prime\": 89.9, \"Commission\": 8.99, \"Assuré\": \"FRANÇOIS Zoë\"}");
  g_assert_cmpstr (lines[4], ==, "]");
}

static void
test_contracts_csv (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) first = NULL;
  g_auto(GStrv) second = NULL;
  int prime;
  int town;

  run_read (&run, "contracts.json", "--format", "csv");
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);

  prime = find_csv_column (lines[0], "police.prime");
  town = find_csv_column (lines[0], "client.ville");
  g_assert_cmpint (prime, >=, 0);
  g_assert_cmpint (town, >=, 0);

  /* Only the quoted libelle contains a ';', and no cell contains a comma. */
  first = g_strsplit (lines[1], ",", -1);
  second = g_strsplit (lines[2], ",", -1);
  g_assert_cmpstr (first[prime], ==, "17654.71");
  g_assert_cmpstr (second[prime], ==, "1200");
  g_assert_cmpstr (first[town], ==, "PLAN DE LA TOUR");
  g_assert_nonnull (strstr (lines[1], ",\"Emprunteur; \"\"prêt\"\"\","));
}

static void
test_contracts_json (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonArray *rows;
  JsonObject *first;
  JsonObject *second;

  run_read (&run, "contracts.json", "--format", "json");

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"police.prime\": 17654.71,"));
  g_assert_nonnull (strstr (run.out, "\"police.commission\": -12.5}"));
  g_assert_nonnull (strstr (run.out, "\"police.commission\": 0.01}"));

  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  rows = json_node_get_array (json_parser_get_root (parser));
  first = json_array_get_object_element (rows, 0);
  second = json_array_get_object_element (rows, 1);

  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first, "client.prenom"), ==, "Hélène");
  g_assert_cmpstr (json_object_get_string_member (first, "police.date_souscription"), ==, "2010-11-20");
  g_assert_true (json_object_get_null_member (second, "client.date_naissance"));
}

static void
test_commissions_json_totals (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "commissions.json", "--totals", NULL);
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 2);
  g_assert_cmpstr (lines[0], ==, "Prime: 900.00");
  g_assert_cmpstr (lines[1], ==, "Com: 90.00");
}

static void
test_invalid_json (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "contracts-truncated.json", NULL, NULL);
  lines = iwd_test_cli_lines (run.err);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "contracts-truncated.json"));
  g_assert_nonnull (strstr (lines[0], "at byte"));
}

static void
test_invalid_tsv (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_read (&run, "commissions-extra-cell.tsv", NULL, NULL);
  lines = iwd_test_cli_lines (run.err);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], "commissions-extra-cell.tsv"));
  g_assert_nonnull (strstr (lines[0], "Line 2: cell 4 has a value, but the header has only 3 columns"));
}

/* The first bad lines are named on the error's one line, with the line
 * numbers that the window shows, and the rest counted. */
static void
test_bad_lines_named (void)
{
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "iwd-test-cli-bad-lines.tsv", NULL);
  const char *args[] = { "read", path, NULL };
  g_autoptr(GString) text = g_string_new ("Police\tPrime TTC\r\n");
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  for (guint i = 0; i < 8; i++)
    g_string_append_printf (text, "P%u\t%s\r\n", i, i % 4 == 1 ? "1,00" : "abc");
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

  iwd_test_cli_run (&run, NULL, args);
  lines = iwd_test_cli_lines (run.err);
  g_unlink (path);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], ": Line 2: “abc” in column “Prime TTC” is not an amount; "
                                      "Line 4: “abc” in column “Prime TTC” is not an amount; "));
  g_assert_nonnull (strstr (lines[0], "; Line 8: “abc” in column “Prime TTC” is not an amount; "
                                      "and 1 more line. "));
}

static void
test_missing_file (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_read (&run, "no-such-file.tsv", NULL, NULL);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_nonnull (strstr (run.err, "no-such-file.tsv"));
}

static void
test_usage_errors (void)
{
  const char *no_file[] = { "read", NULL };
  const char *bad_format[] = { "read", "x.tsv", "--format", "xml", NULL };
  const char *text_format[] = { "read", "x.tsv", "--format", "text", NULL };
  const char *bad_option[] = { "read", "x.tsv", "--colour", NULL };
  const char *bad_command[] = { "reed", NULL };
  const char *no_command[] = { NULL };
  const char * const *cases[] = { no_file, bad_format, text_format, bad_option, bad_command, no_command };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(IwdTestCliRun) run = { 0 };

      iwd_test_cli_run (&run, NULL, cases[i]);

      g_assert_cmpint (run.exit_status, ==, 1);
      g_assert_cmpstr (run.out, ==, "");
      g_assert_nonnull (strstr (run.err, "Invalid command line"));
    }
}

static void
test_version_and_help (void)
{
  const char *version[] = { "--version", NULL };
  const char *help[] = { "--help", NULL };
  const char *read_help[] = { "read", "--help", NULL };
  g_auto(IwdTestCliRun) version_run = { 0 };
  g_auto(IwdTestCliRun) help_run = { 0 };
  g_auto(IwdTestCliRun) read_help_run = { 0 };

  iwd_test_cli_run (&version_run, NULL, version);
  iwd_test_cli_run (&help_run, NULL, help);
  iwd_test_cli_run (&read_help_run, NULL, read_help);

  g_assert_cmpint (version_run.exit_status, ==, 0);
  g_assert_cmpstr (version_run.out, ==, "iwdesk-cli " PACKAGE_VERSION "\n");
  g_assert_cmpint (help_run.exit_status, ==, 0);
  g_assert_nonnull (strstr (help_run.out, "fields COMPANY"));
  g_assert_nonnull (strstr (help_run.out, "4  authentication failed"));
  g_assert_cmpint (read_help_run.exit_status, ==, 0);
  g_assert_nonnull (strstr (read_help_run.out, "iwdesk-cli read [OPTION…] FILE"));
  g_assert_nonnull (strstr (read_help_run.out, "--totals"));
}

int
main (int   argc,
      char *argv[])
{
  /* A child that exits before reading all of its standard input must
   * fail the test through its exit code, not kill it with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/read/tsv-csv-rows", test_tsv_csv_rows);
  g_test_add_func ("/cli/read/tsv-totals", test_tsv_totals);
  g_test_add_func ("/cli/read/tsv-totals-json", test_tsv_totals_json);
  g_test_add_func ("/cli/read/tsv-json-numbers", test_tsv_json_numbers);
  g_test_add_func ("/cli/read/contracts-csv", test_contracts_csv);
  g_test_add_func ("/cli/read/contracts-json", test_contracts_json);
  g_test_add_func ("/cli/read/commissions-json-totals", test_commissions_json_totals);
  g_test_add_func ("/cli/read/invalid-json", test_invalid_json);
  g_test_add_func ("/cli/read/invalid-tsv", test_invalid_tsv);
  g_test_add_func ("/cli/read/bad-lines-named", test_bad_lines_named);
  g_test_add_func ("/cli/read/missing-file", test_missing_file);
  g_test_add_func ("/cli/usage/errors", test_usage_errors);
  g_test_add_func ("/cli/usage/version-and-help", test_version_and_help);

  return g_test_run ();
}
