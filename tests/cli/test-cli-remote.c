/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <json-glib/json-glib.h>
#include <signal.h>
#include <string.h>

#include "iwd-test-cli.h"
#include "iwd-test-sandbox.h"

/* One sandbox serves every test: it is a subprocess on a free loopback
 * port, with this folder's fixtures in place of its generated replies. */
static IwdTestSandbox sandbox;

static void
start_sandbox (void)
{
  g_autofree char *fixtures = iwd_test_cli_data_path ("sandbox");

  iwd_test_sandbox_start (&sandbox, "--fixtures", fixtures, NULL);
}

/* Runs a remote command as the sandbox's demo account. */
static void
run_remote (IwdTestCliRun *run,
            const char    *password,
            const char    *command,
            const char    *argument,
            const char    *format)
{
  g_autofree char *password_line = g_strconcat (password, "\n", NULL);
  g_autoptr(GPtrArray) args = g_ptr_array_new ();

  g_ptr_array_add (args, (char *) command);
  if (argument != NULL)
    g_ptr_array_add (args, (char *) argument);
  g_ptr_array_add (args, "--server");
  g_ptr_array_add (args, sandbox.url);
  g_ptr_array_add (args, "--login");
  g_ptr_array_add (args, "demo");
  g_ptr_array_add (args, "--password-stdin");
  if (format != NULL)
    {
      g_ptr_array_add (args, "--format");
      g_ptr_array_add (args, (char *) format);
    }
  g_ptr_array_add (args, NULL);

  iwd_test_cli_run (run, password_line, (const char * const *) args->pdata);
}

static JsonArray *
parse_rows (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)));

  return json_array_ref (json_node_get_array (json_parser_get_root (parser)));
}

static void
test_companies_text (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_remote (&run, "demo", "companies", NULL, NULL);
  lines = iwd_test_cli_lines (run.out);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 5);
  g_assert_cmpstr (lines[0], ==, "Name      Label");
  g_assert_cmpstr (lines[2], ==, "ALLIANZ   Allianz IARD");
  g_assert_cmpstr (lines[3], ==, "NEOLIANE  Néoliane Santé & Prévoyance");
  g_assert_cmpstr (lines[4], ==, "UTWIN     ");
}

static void
test_companies_csv (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", "companies", NULL, "csv");

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "name,label\n"
                   "ALLIANZ,Allianz IARD\n"
                   "NEOLIANE,Néoliane Santé & Prévoyance\n"
                   "UTWIN,\n");
}

static void
test_fields_json (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  JsonObject *password;
  JsonObject *market;
  JsonObject *closed;
  JsonObject *first_choice;

  run_remote (&run, "demo", "fields", "ALLIANZ", "json");
  g_assert_cmpint (run.exit_status, ==, 0);
  rows = parse_rows (run.out);
  password = json_array_get_object_element (rows, 1);
  market = json_array_get_object_element (rows, 2);
  closed = json_array_get_object_element (rows, 3);
  first_choice = json_array_get_object_element (json_object_get_array_member (market, "choices"), 0);

  g_assert_cmpuint (json_array_get_length (rows), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (password, "json"), ==, "Password");
  g_assert_true (json_object_get_boolean_member (password, "secret"));
  g_assert_false (json_object_get_boolean_member (market, "secret"));
  g_assert_cmpint (json_object_get_int_member (password, "max_length"), ==, 30);
  g_assert_cmpstr (json_object_get_string_member (market, "objet"), ==, "ComboBox");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (market, "methods")), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (first_choice, "label"), ==, "Particuliers");
  g_assert_cmpstr (json_object_get_string_member (first_choice, "value"), ==, "P");
  g_assert_cmpstr (json_object_get_string_member (closed, "option"), ==, "clos");
  g_assert_false (json_object_get_boolean_member (closed, "required"));
  g_assert_true (json_object_get_null_member (closed, "max_length"));
}

static void
test_fields_text (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", "fields", "ALLIANZ", NULL);

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_nonnull (strstr (run.out, "Description"));
  g_assert_nonnull (strstr (run.out, "Mot de passe"));
  g_assert_nonnull (strstr (run.out, "Commissions, Impayes"));
  g_assert_nonnull (strstr (run.out, "Particuliers (P), Entreprises (E)"));
}

static void
test_profiles (void)
{
  g_auto(IwdTestCliRun) text_run = { 0 };
  g_auto(IwdTestCliRun) json_run = { 0 };
  g_autoptr(JsonArray) rows = NULL;
  JsonObject *second;

  run_remote (&text_run, "demo", "profiles", NULL, NULL);
  run_remote (&json_run, "demo", "profiles", NULL, "json");
  rows = parse_rows (json_run.out);
  second = json_array_get_object_element (rows, 1);

  g_assert_cmpint (text_run.exit_status, ==, 0);
  g_assert_nonnull (strstr (text_run.out, "Commissions, Sinistres (inactive)"));
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (second, "id"), ==, "152");
  g_assert_cmpint (json_object_get_int_member (second, "robot_error"), ==, 8);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (second, "tasks")), ==, 0);
}

static void
test_errors_csv (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", "errors", NULL, "csv");

  g_assert_cmpint (run.exit_status, ==, 0);
  g_assert_cmpstr (run.out, ==,
                   "company,profile,date,code,label\n"
                   "allianz,ALZ01,2023-03-01T06:12:00,8,Erreur d'identifiant\n");
}

static void
test_wrong_password (void)
{
  g_auto(IwdTestCliRun) run = { 0 };
  g_auto(GStrv) lines = NULL;

  run_remote (&run, "not-demo", "companies", NULL, NULL);
  lines = iwd_test_cli_lines (run.err);

  g_assert_cmpint (run.exit_status, ==, 4);
  g_assert_cmpstr (run.out, ==, "");
  g_assert_cmpuint (g_strv_length (lines), ==, 1);
  g_assert_nonnull (strstr (lines[0], sandbox.url));
  g_assert_null (strstr (lines[0], "not-demo"));
}

static void
test_unknown_company (void)
{
  g_auto(IwdTestCliRun) run = { 0 };

  run_remote (&run, "demo", "fields", "NOSUCHCOMPANY", NULL);

  g_assert_cmpint (run.exit_status, ==, 5);
  g_assert_nonnull (strstr (run.err, "companies"));
}

static void
test_no_keyring (void)
{
  const char *args[] = { "profiles", "--server", sandbox.url, "--login", "demo", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, NULL, args);

  g_assert_cmpint (run.exit_status, ==, 6);
  g_assert_nonnull (strstr (run.err, "--password-stdin"));
}

static void
test_empty_password (void)
{
  const char *args[] = { "profiles", "--server", sandbox.url, "--login", "demo",
                         "--password-stdin", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, "", args);

  g_assert_cmpint (run.exit_status, ==, 6);
}

static void
test_unreachable_server (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  const char *args[] = { "companies", "--server", NULL, "--login", "demo", "--password-stdin", NULL };
  g_auto(IwdTestCliRun) run = { 0 };
  guint16 port;

  /* Take a free loopback port, then close it, so that nothing listens. */
  port = g_socket_listener_add_any_inet_port (listener, NULL, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);
  url = g_strdup_printf ("http://127.0.0.1:%u/", port);
  args[2] = url;

  iwd_test_cli_run (&run, "demo\n", args);

  g_assert_cmpint (run.exit_status, ==, 3);
}

static void
test_insecure_server (void)
{
  /* The client rejects the URL before connecting, so nothing leaves the
   * machine. */
  const char *args[] = { "companies", "--server", "http://example.com/", "--login", "demo",
                         "--password-stdin", NULL };
  g_auto(IwdTestCliRun) run = { 0 };

  iwd_test_cli_run (&run, "demo\n", args);

  g_assert_cmpint (run.exit_status, ==, 1);
  g_assert_nonnull (strstr (run.err, "https://"));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* A child that exits before reading all of its standard input must
   * fail the test through its exit code, not kill it with SIGPIPE. */
  signal (SIGPIPE, SIG_IGN);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/remote/companies-text", test_companies_text);
  g_test_add_func ("/cli/remote/companies-csv", test_companies_csv);
  g_test_add_func ("/cli/remote/fields-json", test_fields_json);
  g_test_add_func ("/cli/remote/fields-text", test_fields_text);
  g_test_add_func ("/cli/remote/profiles", test_profiles);
  g_test_add_func ("/cli/remote/errors-csv", test_errors_csv);
  g_test_add_func ("/cli/remote/wrong-password", test_wrong_password);
  g_test_add_func ("/cli/remote/unknown-company", test_unknown_company);
  g_test_add_func ("/cli/remote/no-keyring", test_no_keyring);
  g_test_add_func ("/cli/remote/empty-password", test_empty_password);
  g_test_add_func ("/cli/remote/unreachable-server", test_unreachable_server);
  g_test_add_func ("/cli/remote/insecure-server", test_insecure_server);

  start_sandbox ();
  status = g_test_run ();
  iwd_test_sandbox_stop (&sandbox);

  return status;
}
