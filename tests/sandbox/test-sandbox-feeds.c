/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <glib/gstdio.h>
#include <string.h>

#include "sandbox-fixture.h"

#define ADD_TEST(path, func) \
  g_test_add (path, SandboxFixture, NULL, sandbox_fixture_set_up, func, sandbox_fixture_tear_down)

#define GOOD_VALUES "{\"Login\":\"jdupont\",\"Password\":\"secret\"}"
#define WRONG_VALUES "{\"Login\":\"jdupont\",\"Password\":\"wrong\"}"
#define PTF_OPTIONS "{\"Libelle\":\"Mon PTF 1\",\"NbMoisQ\":10,\"isGED\":false," \
                    "\"isAdherents\":false,\"isParcs\":false,\"isFonds\":false}"

/* The fixture's robot delay is 200 ms; waiting longer lets it finish. */
#define AFTER_ROBOT_MS 300

#define COMMISSIONS_PATH "Robot/PTF/PTF1/Profil/Axa1/Commissions"

static void
post (SandboxFixture *fixture,
      const char     *method,
      const char     *path,
      const char     *body)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, method, path, DEMO, body);

  g_assert_cmpuint (reply->status, ==, 200);
}

/* A portfolio PTF1 with a working profile Axa1 and a failing one April1. */
static void
add_portfolio (SandboxFixture *fixture)
{
  post (fixture, "POST", "Robot/PTF/PTF1", PTF_OPTIONS);
  post (fixture, "POST", "Robot/PTF/PTF1/Profil/AXA/Axa1", GOOD_VALUES);
  post (fixture, "POST", "Robot/PTF/PTF1/Profil/APRIL/April1", WRONG_VALUES);
}

static char *
get_text (SandboxFixture *fixture,
          const char     *path)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "GET", path, DEMO, NULL);

  g_assert_cmpuint (reply->status, ==, 200);

  return sandbox_reply_dup_text (reply);
}

static GBytes *
get_bytes (SandboxFixture *fixture,
           const char     *path)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "GET", path, DEMO, NULL);

  g_assert_cmpuint (reply->status, ==, 200);

  return g_bytes_ref (reply->body);
}

static void
test_contracts_before_robot (SandboxFixture *fixture,
                             gconstpointer   data)
{
  g_autofree char *contracts = NULL;
  g_autofree char *commissions = NULL;
  g_autofree char *json_commissions = NULL;

  /* The fixture's 200 ms elapsed before the third request under valgrind,
   * so this test waits for nothing and can afford a long delay. */
  iwd_sandbox_set_robot_delay (fixture->sandbox, 60 * 1000);
  add_portfolio (fixture);
  contracts = get_text (fixture, "Robot/PTF/PTF1/Contrats");
  commissions = get_text (fixture, COMMISSIONS_PATH);
  json_commissions = get_text (fixture, COMMISSIONS_PATH "?format=json");

  g_assert_cmpstr (contracts, ==, "[]");
  g_assert_null (strchr (commissions, '\n'));
  g_assert_true (g_str_has_prefix (commissions, "N\xb0 police\t"));
  g_assert_cmpstr (json_commissions, ==, "[]");
}

static void
test_contracts_after_robot (SandboxFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GRegex) premium = g_regex_new ("\"prime\":[0-9]+\\.[0-9]{4},", 0, 0, NULL);
  JsonArray *contracts;
  JsonObject *first;

  add_portfolio (fixture);
  sandbox_wait (AFTER_ROBOT_MS);
  reply = sandbox_send (fixture, "GET", "Robot/PTF/PTF1/Contrats", DEMO, NULL);
  root = sandbox_reply_parse_json (reply);
  text = sandbox_reply_dup_text (reply);
  contracts = json_node_get_array (root);
  first = json_array_get_object_element (contracts, 0);

  /* April1 fails to log in, so only Axa1's five contracts are there. */
  g_assert_cmpuint (json_array_get_length (contracts), ==, 5);
  g_assert_cmpint (json_object_get_int_member (first, "erreur"), ==, 0);
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "client"), "typeclient"));
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "client"), "naf"));
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "police"), "numero_police_cie"));
  g_assert_true (json_object_has_member (json_object_get_object_member (first, "police"), "coman"));
  g_assert_true (g_regex_match (premium, text, 0, NULL));
}

static void
test_commissions_tsv (SandboxFixture *fixture,
                      gconstpointer   data)
{
  g_autoptr(GBytes) body = NULL;
  g_autoptr(GRegex) line = g_regex_new ("^[A-Z]{3}\\d{8}\t\\d\\d/\\d\\d/\\d{4}\t[^\t]+\t[^\t]+\t"
                                        "-?\\d+,\\d\\d\t\\d+,00\t-?\\d+,\\d\\d\t$", G_REGEX_RAW, 0, NULL);
  g_auto(GStrv) lines = NULL;
  gsize length = 0;
  const char *data_bytes;
  g_autofree char *text = NULL;

  add_portfolio (fixture);
  sandbox_wait (AFTER_ROBOT_MS);
  body = get_bytes (fixture, COMMISSIONS_PATH "?format=csv");
  data_bytes = g_bytes_get_data (body, &length);
  text = g_strndup (data_bytes, length);
  lines = g_strsplit (text, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, 21);
  g_assert_cmpstr (lines[0], ==, "N\xb0 police\tDate d'effet\tAssur\xe9\tProduit\tPrime TTC\tTaux\tCommission\t");
  g_assert_cmpint (data_bytes[length - 1], !=, '\n');
  for (guint i = 1; lines[i] != NULL; i++)
    g_assert_true (g_regex_match (line, lines[i], 0, NULL));
}

static void
test_commissions_json (SandboxFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonArray *rows;
  JsonObject *row;

  add_portfolio (fixture);
  sandbox_wait (AFTER_ROBOT_MS);
  reply = sandbox_send (fixture, "GET", COMMISSIONS_PATH "?format=json", DEMO, NULL);
  root = sandbox_reply_parse_json (reply);
  rows = json_node_get_array (root);
  row = json_array_get_object_element (rows, 0);

  g_assert_cmpuint (json_array_get_length (rows), ==, 20);
  g_assert_true (json_object_has_member (row, "N° police"));
  g_assert_true (json_object_has_member (row, "Assuré"));
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (row, "Commission")), ==, G_TYPE_DOUBLE);
}

static void
test_commissions_same_rows (SandboxFixture *fixture,
                            gconstpointer   data)
{
  g_autofree char *tsv = NULL;
  g_autofree char *utf8 = NULL;
  g_autoptr(SandboxReply) reply = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) cells = NULL;
  JsonObject *row;

  add_portfolio (fixture);
  sandbox_wait (AFTER_ROBOT_MS);
  tsv = get_text (fixture, COMMISSIONS_PATH);
  utf8 = g_convert (tsv, -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  lines = g_strsplit (utf8, "\r\n", -1);
  cells = g_strsplit (lines[1], "\t", -1);
  reply = sandbox_send (fixture, "GET", COMMISSIONS_PATH "?format=json", DEMO, NULL);
  root = sandbox_reply_parse_json (reply);
  row = json_array_get_object_element (json_node_get_array (root), 0);

  g_assert_cmpstr (json_object_get_string_member (row, "N° police"), ==, cells[0]);
  g_assert_cmpstr (json_object_get_string_member (row, "Date d'effet"), ==, cells[1]);
  g_assert_cmpstr (json_object_get_string_member (row, "Assuré"), ==, cells[2]);
}

static void
test_commissions_bad_requests (SandboxFixture *fixture,
                               gconstpointer   data)
{
  g_autoptr(SandboxReply) format = NULL;
  g_autoptr(SandboxReply) member = NULL;

  add_portfolio (fixture);
  post (fixture, "POST", "Robot/Profil/AXA/Alone", GOOD_VALUES);
  format = sandbox_send (fixture, "GET", COMMISSIONS_PATH "?format=xml", DEMO, NULL);
  member = sandbox_send (fixture, "GET", "Robot/PTF/PTF1/Profil/Alone/Commissions", DEMO, NULL);

  g_assert_cmpuint (format->status, ==, 400);
  g_assert_cmpuint (member->status, ==, 404);
}

static void
test_commissions_start_date (SandboxFixture *fixture,
                             gconstpointer   data)
{
  g_autofree char *all = NULL;
  g_autofree char *later = NULL;
  g_auto(GStrv) all_lines = NULL;
  g_auto(GStrv) later_lines = NULL;

  add_portfolio (fixture);
  sandbox_wait (AFTER_ROBOT_MS);
  all = get_text (fixture, COMMISSIONS_PATH);
  post (fixture, "PUT", "Robot/Profil/Axa1/Date/2999-01-01", NULL);
  later = get_text (fixture, COMMISSIONS_PATH);
  all_lines = g_strsplit (all, "\r\n", -1);
  later_lines = g_strsplit (later, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (all_lines), ==, 21);
  g_assert_cmpuint (g_strv_length (later_lines), ==, 1);
}

static GBytes *
fetch_generated_data (guint64 seed)
{
  SandboxFixture fixture = { 0 };
  g_autoptr(GByteArray) data = g_byte_array_new ();
  g_autoptr(GBytes) contracts = NULL;
  g_autoptr(GBytes) commissions = NULL;

  sandbox_fixture_set_up (&fixture, NULL);
  g_object_unref (fixture.sandbox);
  fixture.sandbox = iwd_sandbox_new (seed);
  iwd_sandbox_set_robot_delay (fixture.sandbox, 0);
  iwd_sandbox_set_sizes (fixture.sandbox, 5, 20);
  g_assert_true (iwd_sandbox_start (fixture.sandbox, 0, NULL));
  g_free (fixture.base_url);
  fixture.base_url = iwd_sandbox_dup_base_url (fixture.sandbox);

  add_portfolio (&fixture);
  contracts = get_bytes (&fixture, "Robot/PTF/PTF1/Contrats");
  commissions = get_bytes (&fixture, COMMISSIONS_PATH);
  g_byte_array_append (data, g_bytes_get_data (contracts, NULL), g_bytes_get_size (contracts));
  g_byte_array_append (data, g_bytes_get_data (commissions, NULL), g_bytes_get_size (commissions));

  sandbox_fixture_tear_down (&fixture, NULL);

  return g_byte_array_free_to_bytes (g_steal_pointer (&data));
}

static void
test_data_same_seed (void)
{
  g_autoptr(GBytes) first = fetch_generated_data (7);
  g_autoptr(GBytes) again = fetch_generated_data (7);
  g_autoptr(GBytes) other = fetch_generated_data (8);

  g_assert_cmpuint (g_bytes_get_size (first), >, 100);
  g_assert_true (g_bytes_equal (first, again));
  g_assert_false (g_bytes_equal (first, other));
}

static void
test_data_large_stream (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *text = NULL;
  guint lines = 0;

  iwd_sandbox_set_sizes (fixture->sandbox, 50, 100000);
  iwd_sandbox_set_robot_delay (fixture->sandbox, 0);
  add_portfolio (fixture);
  text = get_text (fixture, COMMISSIONS_PATH);
  /* A strstr() loop would do, but AddressSanitizer's strstr() measures
   * the whole rest of the 7 MB text on each call, which made this test
   * time out in build-aux/sanitize. */
  for (const char *p = text; *p != '\0'; p++)
    {
      if (p[0] == '\r' && p[1] == '\n')
        lines++;
    }

  g_assert_cmpuint (lines, ==, 100000);
}

static char *
make_fixtures_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *folder = g_dir_make_tmp ("iwd-sandbox-XXXXXX", &error);
  g_autofree char *companies = g_build_filename (folder, "companies.txt", NULL);
  g_autofree char *schema = g_build_filename (folder, "schema-ALLIANZ.json", NULL);
  g_autofree char *contracts = g_build_filename (folder, "contracts-PTF1.json", NULL);

  g_assert_no_error (error);
  g_file_set_contents (companies, "\xef\xbb\xbf" "ONLY - Seule\r\n", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (schema, "[]", -1, &error);
  g_assert_no_error (error);
  g_file_set_contents (contracts, "not even JSON", -1, &error);
  g_assert_no_error (error);

  return folder;
}

static void
remove_fixtures_dir (const char *folder)
{
  static const char * const names[] = { "companies.txt", "schema-ALLIANZ.json", "contracts-PTF1.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (folder, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (folder);
}

static void
test_fixtures_override (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_autofree char *folder = make_fixtures_dir ();
  g_autoptr(GError) error = NULL;
  g_autofree char *companies = NULL;
  g_autofree char *schema = NULL;
  g_autofree char *contracts = NULL;
  g_autoptr(SandboxReply) fixed_schema = NULL;
  g_autoptr(SandboxReply) other_schema = NULL;

  iwd_sandbox_set_fixtures_dir (fixture->sandbox, folder, &error);
  g_assert_no_error (error);
  companies = get_text (fixture, "iwrest/param/_IWListe.txt");
  fixed_schema = sandbox_send (fixture, "OPTIONS", "iwrest/allianz", DEMO, NULL);
  schema = sandbox_reply_dup_text (fixed_schema);
  post (fixture, "POST", "Robot/PTF/PTF1", PTF_OPTIONS);
  contracts = get_text (fixture, "Robot/PTF/PTF1/Contrats");
  other_schema = sandbox_send (fixture, "OPTIONS", "iwrest/AXA", DEMO, NULL);
  remove_fixtures_dir (folder);

  g_assert_cmpstr (companies, ==, "\xef\xbb\xbf" "ONLY - Seule\r\n");
  g_assert_cmpstr (schema, ==, "[]");
  g_assert_cmpstr (contracts, ==, "not even JSON");
  g_assert_cmpuint (other_schema->status, ==, 200);
  g_assert_cmpuint (g_bytes_get_size (other_schema->body), >, 2);
}

static void
test_fixtures_missing_dir (void)
{
  g_autoptr(IwdSandbox) sandbox = iwd_sandbox_new (1);
  g_autoptr(GError) error = NULL;

  g_assert_false (iwd_sandbox_set_fixtures_dir (sandbox, "/nonexistent/iwd-fixtures", &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/sandbox/contracts/before-robot", test_contracts_before_robot);
  ADD_TEST ("/sandbox/contracts/after-robot", test_contracts_after_robot);
  ADD_TEST ("/sandbox/commissions/tsv", test_commissions_tsv);
  ADD_TEST ("/sandbox/commissions/json", test_commissions_json);
  ADD_TEST ("/sandbox/commissions/same-rows", test_commissions_same_rows);
  ADD_TEST ("/sandbox/commissions/bad-requests", test_commissions_bad_requests);
  ADD_TEST ("/sandbox/commissions/start-date", test_commissions_start_date);
  g_test_add_func ("/sandbox/data/same-seed", test_data_same_seed);
  ADD_TEST ("/sandbox/data/large-stream", test_data_large_stream);
  ADD_TEST ("/sandbox/fixtures/override", test_fixtures_override);
  g_test_add_func ("/sandbox/fixtures/missing-dir", test_fixtures_missing_dir);

  return g_test_run ();
}
