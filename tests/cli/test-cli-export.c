/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "iwd-test-cli.h"
#include "iwd-test-sandbox.h"

/* The statement in tests/data/export/commissions-cp1252.tsv, as
 * csv-fr writes it. */
#define STATEMENT_CSV_FR \
  "\xef\xbb\xbf" \
  "Police;Date effet;Prime;Commission;Assuré\r\n" \
  "A-3001;05/01/2023;1200,00;120,00;LEFÈVRE Noël\r\n" \
  "A-3002;31/01/2023;-300,50;-30,05;\"DUPONT; Élodie\"\r\n" \
  "A-3003;31/01/2023;89,90;8,99;FRANÇOIS Zoë\r\n"

/* One sandbox serves every remote test: a subprocess on a free loopback
 * port, with tests/data/export/sandbox in place of its generated
 * contracts and statements. */
static IwdTestSandbox sandbox;

typedef struct {
  char *dir;
} Fixture;

static char *
dup_data_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "export", name, NULL);
}

static void
start_sandbox (void)
{
  g_autofree char *fixtures = dup_data_path ("sandbox");

  iwd_test_sandbox_start (&sandbox, "--fixtures", fixtures, NULL);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("iwd-cli-export-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GDir) dir = g_dir_open (fixture->dir, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (fixture->dir, name, NULL);

      g_unlink (path);
    }

  g_rmdir (fixture->dir);
  g_free (fixture->dir);
}

static char *
read_file (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

/* Runs `iwdesk-cli export` on the statement, writing to @output_name in
 * the fixture's folder, with --format @format_name unless it is NULL. */
static char *
run_export (Fixture       *fixture,
            IwdTestCliRun *run,
            const char    *output_name,
            const char    *format_name)
{
  g_autofree char *input = dup_data_path ("commissions-cp1252.tsv");
  char *output = g_build_filename (fixture->dir, output_name, NULL);
  const char *args[] = { "export", input, "--output", output, NULL, NULL, NULL };

  if (format_name != NULL)
    {
      args[4] = "--format";
      args[5] = format_name;
    }

  iwd_test_cli_run (run, NULL, args);

  return output;
}

/* Runs a table command as the sandbox's demo account, with @extra
 * options after the common ones. */
static void
run_remote (IwdTestCliRun      *run,
            const char         *password,
            const char * const *command,
            const char * const *extra)
{
  g_autofree char *password_line = g_strconcat (password, "\n", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  for (guint i = 0; command[i] != NULL; i++)
    g_ptr_array_add (args, (char *) command[i]);

  g_ptr_array_add (args, "--server");
  g_ptr_array_add (args, sandbox.url);
  g_ptr_array_add (args, "--login");
  g_ptr_array_add (args, "demo");
  g_ptr_array_add (args, "--password-stdin");

  for (guint i = 0; extra != NULL && extra[i] != NULL; i++)
    g_ptr_array_add (args, (char *) extra[i]);
  g_ptr_array_add (args, NULL);

  iwd_test_cli_run (run, password_line, (const char * const *) args->pdata);
}

static void
test_export_csv_fr (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.txt", "csv-fr");
  g_autofree char *contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (contents, ==, STATEMENT_CSV_FR);
}

static void
test_export_csv_plain (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.csv", "csv");
  g_autofree char *contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (contents, ==,
                   "Police,Date effet,Prime,Commission,Assuré\n"
                   "A-3001,2023-01-05,1200,120,LEFÈVRE Noël\n"
                   "A-3002,2023-01-31,-300.5,-30.05,\"DUPONT; Élodie\"\n"
                   "A-3003,2023-01-31,89.9,8.99,FRANÇOIS Zoë\n");
}

/* Without --format, a .csv file gets the French Excel dialect. */
static void
test_export_format_default (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.csv", NULL);
  g_autofree char *contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (contents, ==, STATEMENT_CSV_FR);
}

static void
test_export_json_by_extension (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.JSON", NULL);
  g_autofree char *contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (contents,
    "[\n  {\"Police\": \"A-3001\", \"Date effet\": \"2023-01-05\", \"Prime\": 1200, "
    "\"Commission\": 120, \"Assuré\": \"LEFÈVRE Noël\"},\n"));
}

/* An xlsx file is a zip archive, which starts with "PK". */
static void
test_export_xlsx (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.xlsx", NULL);
  g_autofree char *contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_true (g_str_has_prefix (contents, "PK"));
}

static void
test_export_unknown_format (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "statement.csv", "xls");

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "'xls'"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_export_no_output (void)
{
  g_autofree char *input = dup_data_path ("commissions-cp1252.tsv");
  const char *args[] = { "export", input, NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, NULL, args);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--output"));
}

static void
test_export_missing_input (Fixture       *fixture,
                           gconstpointer  user_data)
{
  g_autofree char *output = g_build_filename (fixture->dir, "statement.csv", NULL);
  const char *args[] = { "export", "/nonexistent/statement.tsv", "-o", output, NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, NULL, args);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_nonnull (strstr (run.err, "/nonexistent/statement.tsv"));
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

static void
test_export_unwritable_output (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *output = run_export (fixture, &run, "missing/statement.csv", NULL);

  g_assert_cmpint (run.exit_status, ==, 2);
  g_assert_nonnull (strstr (run.err, output));
}

/* Writes a statement long enough for its export to be interrupted. */
static char *
write_long_statement (Fixture *fixture)
{
  char *path = g_build_filename (fixture->dir, "long.tsv", NULL);
  g_autoptr(GString) text = g_string_new ("Police\tDate effet\tPrime\n");
  g_autoptr(GError) error = NULL;

  for (guint row = 0; row < 200000; row++)
    g_string_append_printf (text, "P-%u\t31/01/2023\t%u,%02u\n", row, row, row % 100);

  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  return path;
}

static gboolean
has_part_file (const char *dir_path)
{
  g_autoptr(GDir) dir = g_dir_open (dir_path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".part"))
        return TRUE;
    }

  return FALSE;
}

static GSubprocess *
spawn_export (const char *input,
              const char *output)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_SILENCE);
  const char *asan_options = g_getenv ("ASAN_OPTIONS");
  g_autoptr(GError) error = NULL;
  GSubprocess *process;

  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);

  /* build-aux/sanitize unwinds the stack slowly on every allocation, so
   * that leak stacks reach into Debian's libraries. That made parsing the
   * long statement take minutes, past the deadline of the .part file.
   * This child dies by SIGINT, so LeakSanitizer never reports its leaks
   * and fast unwinding loses nothing. */
  if (asan_options != NULL)
    {
      g_autofree char *fast_options = g_strconcat (asan_options, ":fast_unwind_on_malloc=1", NULL);

      g_subprocess_launcher_setenv (launcher, "ASAN_OPTIONS", fast_options, TRUE);
    }
  process = g_subprocess_launcher_spawn (launcher, &error, IWDESK_CLI_PATH, "export", input,
                                         "--output", output, NULL);
  g_assert_no_error (error);

  return process;
}

/* Ctrl-C during the export removes the temporary file, and the tool
 * still ends by the signal. */
static void
test_export_interrupted (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autofree char *input = write_long_statement (fixture);
  g_autofree char *output = g_build_filename (fixture->dir, "long.xlsx", NULL);
  g_autoptr(GSubprocess) process = spawn_export (input, output);
  g_autoptr(GError) error = NULL;
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  g_autoptr(GDir) dir = NULL;

  while (!has_part_file (fixture->dir) && g_get_monotonic_time () < deadline)
    g_usleep (2000);
  g_assert_true (has_part_file (fixture->dir));

  g_subprocess_send_signal (process, SIGINT);
  g_subprocess_wait (process, NULL, &error);
  dir = g_dir_open (fixture->dir, 0, NULL);

  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_signaled (process));
  g_assert_cmpint (g_subprocess_get_term_sig (process), ==, SIGINT);
  g_assert_cmpstr (g_dir_read_name (dir), ==, "long.tsv");
  g_assert_null (g_dir_read_name (dir));
}

static void
test_contracts_export (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char *command[] = { "contracts", "PTF1", NULL };
  g_autofree char *output = g_build_filename (fixture->dir, "contracts.csv", NULL);
  const char *extra[] = { "-o", output, "--export-format", "csv-fr", NULL };
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *contents = NULL;

  run_remote (&run, "demo", command, extra);
  contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_true (g_str_has_prefix (contents, "\xef\xbb\xbf"));
  g_assert_nonnull (strstr (contents, ";C-9001;\"Santé; \"\"confort\"\"\";SANTE PLUS;20/11/2010;"
                                      "17654,71;1765,471\r\n"));
  g_assert_nonnull (strstr (contents, ";C-9002;Flotte;AUTO PRO;01/02/2021;1200,00;-0,01\r\n"));
}

static void
test_contracts_json_stdout (void)
{
  const char *command[] = { "contracts", "PTF1", NULL };
  const char *extra[] = { "--format", "json", NULL };
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *first;

  run_remote (&run, "demo", command, extra);
  json_parser_load_from_data (parser, run.out, -1, &error);
  g_assert_no_error (error);
  first = json_array_get_object_element (json_node_get_array (json_parser_get_root (parser)), 0);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (json_object_get_string_member (first, "client.prenom"), ==, "Anaïs");
  g_assert_cmpstr (json_object_get_string_member (first, "police.date_souscription"), ==,
                   "2010-11-20");
  g_assert_nonnull (strstr (run.out, "\"police.prime\": 17654.71,"));
}

static void
test_commissions_export (Fixture       *fixture,
                         gconstpointer  user_data)
{
  const char *command[] = { "commissions", "PTF1", "ALZ01", NULL };
  g_autofree char *output = g_build_filename (fixture->dir, "statement.csv", NULL);
  const char *extra[] = { "--output", output, NULL };
  g_auto(IwdTestCliRun) run = { 0 };
  g_autofree char *contents = NULL;

  run_remote (&run, "demo", command, extra);
  contents = read_file (output);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (contents, ==, STATEMENT_CSV_FR);
}

static void
test_commissions_text_stdout (void)
{
  const char *command[] = { "commissions", "PTF1", "ALZ01", NULL };
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_remote (&run, "demo", command, NULL);
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_true (g_str_has_prefix (lines[0], "Police  Date effet  Prime"));
  g_assert_true (g_str_has_prefix (lines[3], "A-3002  2023-01-31  -300.5"));
}

static void
test_commissions_one_argument (void)
{
  const char *command[] = { "commissions", "PTF1", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", command, NULL);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "2 arguments"));
}

static void
test_export_format_without_output (void)
{
  const char *command[] = { "contracts", "PTF1", NULL };
  const char *extra[] = { "--export-format", "xlsx", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", command, extra);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "--output"));
}

static void
test_contracts_wrong_password (Fixture       *fixture,
                               gconstpointer  user_data)
{
  const char *command[] = { "contracts", "PTF1", NULL };
  g_autofree char *output = g_build_filename (fixture->dir, "contracts.csv", NULL);
  const char *extra[] = { "-o", output, NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "not-demo", command, extra);

  g_assert_cmpint (run.exit_status, ==, 4);
  g_assert_false (g_file_test (output, G_FILE_TEST_EXISTS));
}

#define ADD_TEST(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A child that exits before reading all of its standard input must
   * fail the test through its exit code, not kill it with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/cli/export/csv-fr", test_export_csv_fr);
  ADD_TEST ("/cli/export/csv-plain", test_export_csv_plain);
  ADD_TEST ("/cli/export/format-default", test_export_format_default);
  ADD_TEST ("/cli/export/json-by-extension", test_export_json_by_extension);
  ADD_TEST ("/cli/export/xlsx", test_export_xlsx);
  ADD_TEST ("/cli/export/unknown-format", test_export_unknown_format);
  g_test_add_func ("/cli/export/no-output", test_export_no_output);
  ADD_TEST ("/cli/export/missing-input", test_export_missing_input);
  ADD_TEST ("/cli/export/unwritable-output", test_export_unwritable_output);
  ADD_TEST ("/cli/export/interrupted", test_export_interrupted);
  ADD_TEST ("/cli/contracts/export", test_contracts_export);
  g_test_add_func ("/cli/contracts/json-stdout", test_contracts_json_stdout);
  ADD_TEST ("/cli/contracts/wrong-password", test_contracts_wrong_password);
  ADD_TEST ("/cli/commissions/export", test_commissions_export);
  g_test_add_func ("/cli/commissions/text-stdout", test_commissions_text_stdout);
  g_test_add_func ("/cli/commissions/one-argument", test_commissions_one_argument);
  g_test_add_func ("/cli/export-format/without-output", test_export_format_without_output);

  start_sandbox ();
  status = g_test_run ();
  iwd_test_sandbox_stop (&sandbox);

  return status;
}
