/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "sandbox-fixture.h"

#define ADD_TEST(path, func) \
  g_test_add (path, SandboxFixture, NULL, sandbox_fixture_set_up, func, sandbox_fixture_tear_down)

static gboolean
bytes_contain (GBytes     *bytes,
               const char *needle)
{
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  return g_strstr_len (data, length, needle) != NULL;
}

static void
test_auth_missing (SandboxFixture *fixture,
                   gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "GET", "Robot/Profils", NULL, NULL);

  g_assert_cmpuint (reply->status, ==, 401);
  g_assert_cmpstr (soup_message_headers_get_one (reply->headers, "WWW-Authenticate"), ==,
                   "Basic realm=\"ImportWeb\"");
}

static void
test_auth_wrong_password (SandboxFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(SandboxReply) robot = sandbox_send (fixture, "GET", "Robot/Profils", "demo:nope", NULL);
  g_autoptr(SandboxReply) iwrest = sandbox_send (fixture, "GET", "iwrest/param/_IWListe.txt",
                                                 "nobody:demo", NULL);

  g_assert_cmpuint (robot->status, ==, 401);
  g_assert_cmpuint (iwrest->status, ==, 401);
}

static void
test_auth_before_route (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_autoptr(SandboxReply) anonymous = sandbox_send (fixture, "GET", "Robot/No/Such/Path", NULL, NULL);
  g_autoptr(SandboxReply) known = sandbox_send (fixture, "GET", "Robot/No/Such/Path", DEMO, NULL);
  g_autoptr(SandboxReply) site = sandbox_send (fixture, "GET", "include/AXA.png", NULL, NULL);

  g_assert_cmpuint (anonymous->status, ==, 401);
  g_assert_cmpuint (known->status, ==, 404);
  g_assert_cmpuint (site->status, ==, 200);
}

static void
test_auth_added_account (SandboxFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(SandboxReply) saved = NULL;
  g_autoptr(SandboxReply) own = NULL;
  g_autoptr(SandboxReply) other = NULL;
  g_autoptr(JsonNode) own_list = NULL;
  g_autoptr(JsonNode) other_list = NULL;

  iwd_sandbox_add_account (fixture->sandbox, "broker", "s3cret:x");
  saved = sandbox_send (fixture, "POST", "Robot/Profil/AXA/Axa1", "broker:s3cret:x",
                        "{\"Login\":\"a\",\"Password\":\"b\"}");
  own = sandbox_send (fixture, "GET", "Robot/Profils", "broker:s3cret:x", NULL);
  other = sandbox_send (fixture, "GET", "Robot/Profils", DEMO, NULL);
  own_list = sandbox_reply_parse_json (own);
  other_list = sandbox_reply_parse_json (other);

  g_assert_cmpuint (saved->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (own_list)), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_node_get_array (other_list)), ==, 0);
}

static void
test_companies_windows_1252 (SandboxFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "GET", "IWRest/param/_IWListe.txt", DEMO, NULL);
  gsize length = 0;
  const char *bytes = g_bytes_get_data (reply->body, &length);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (soup_message_headers_get_content_type (reply->headers, NULL), ==, "text/plain");
  g_assert_true (g_str_has_prefix (bytes, "ALLIANZ - Allianz IARD\r\n"));
  g_assert_true (bytes_contain (reply->body, "MACIF - Macif Pr\xe9voyance\r\n"));
  g_assert_false (bytes_contain (reply->body, "\xc3\xa9"));
  g_assert_true (bytes_contain (reply->body, "\r\n\r\n"));
  g_assert_true (bytes_contain (reply->body, "MAAF Assurances   \r\n"));
  g_assert_true (bytes_contain (reply->body, "\r\nUTWIN\r\n"));
  g_assert_true (bytes_contain (reply->body, "Generali Vie;IARD\r\n"));
  g_assert_false (g_utf8_validate (bytes, length, NULL));
}

static void
test_companies_prefix_case (SandboxFixture *fixture,
                            gconstpointer   data)
{
  g_autoptr(SandboxReply) lower = sandbox_send (fixture, "GET", "iwrest/param/_IWListe.txt", DEMO, NULL);
  g_autoptr(SandboxReply) mixed = sandbox_send (fixture, "GET", "IWREST/PARAM/_iwliste.TXT", DEMO, NULL);

  g_assert_cmpuint (lower->status, ==, 200);
  g_assert_cmpuint (mixed->status, ==, 200);
  g_assert_true (g_bytes_equal (lower->body, mixed->body));
}

static void
test_schema_keys (SandboxFixture *fixture,
                  gconstpointer   data)
{
  static const char * const keys[] = {
    "Nom", "Objet", "Description", "JSon", "Commun", "Type", "Taille", "Obligatoire",
  };
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "OPTIONS", "iwrest/ALLIANZ", DEMO, NULL);
  g_autoptr(JsonNode) root = sandbox_reply_parse_json (reply);
  JsonArray *fields = json_node_get_array (root);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpuint (json_array_get_length (fields), ==, 4);
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      for (guint k = 0; k < G_N_ELEMENTS (keys); k++)
        g_assert_true (json_object_has_member (json_array_get_object_element (fields, i), keys[k]));
    }

  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 1), "Nom"),
                   ==, "txtWebPwd");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 2), "ListeValeur"),
                   ==, "Particuliers,P,Entreprises,E");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 2), "Commun"),
                   ==, "RI");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (fields, 3), "Option"),
                   ==, "clos");
}

/* Finds the first field of @company's schema whose @key is @value. */
static JsonObject *
find_field (SandboxFixture *fixture,
            const char     *company,
            const char     *key,
            const char     *value,
            JsonNode      **out_root)
{
  g_autofree char *path = g_strconcat ("iwrest/", company, NULL);
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "OPTIONS", path, DEMO, NULL);
  JsonArray *fields;

  *out_root = sandbox_reply_parse_json (reply);
  fields = json_node_get_array (*out_root);
  for (guint i = 0; i < json_array_get_length (fields); i++)
    {
      JsonObject *field = json_array_get_object_element (fields, i);

      if (json_object_has_member (field, key) &&
          g_strcmp0 (json_object_get_string_member (field, key), value) == 0)
        return field;
    }

  return NULL;
}

static void
test_schema_quirks (SandboxFixture *fixture,
                    gconstpointer   data)
{
  g_autoptr(JsonNode) neoliane = NULL;
  g_autoptr(JsonNode) generali = NULL;
  g_autoptr(JsonNode) generali_again = NULL;
  g_autoptr(JsonNode) macif = NULL;
  g_autoptr(JsonNode) mma = NULL;
  g_autoptr(JsonNode) axa = NULL;
  JsonObject *unknown = find_field (fixture, "NEOLIANE", "Objet", "RadioButton", &neoliane);
  JsonObject *trailing = find_field (fixture, "GENERALI", "JSon", "Branche", &generali);
  JsonObject *odd = find_field (fixture, "MACIF", "JSon", "Gamme", &macif);
  JsonObject *unlimited = find_field (fixture, "MMA", "JSon", "CodeApporteur", &mma);
  JsonObject *optional = find_field (fixture, "AXA", "JSon", "NumCourtier", &axa);
  JsonObject *password = find_field (fixture, "GENERALI", "Description", "Mot de passe extranet",
                                     &generali_again);

  g_assert_nonnull (unknown);
  g_assert_nonnull (trailing);
  g_assert_true (g_str_has_suffix (json_object_get_string_member (trailing, "ListeValeur"), ","));
  g_assert_nonnull (odd);
  g_assert_cmpstr (json_object_get_string_member (odd, "ListeValeur"), ==, "Santé,S,Prévoyance,P,Retraite");
  g_assert_nonnull (unlimited);
  g_assert_cmpint (json_object_get_int_member (unlimited, "Taille"), ==, 0);
  g_assert_nonnull (optional);
  g_assert_false (json_object_get_boolean_member (optional, "Obligatoire"));
  g_assert_nonnull (password);
  g_assert_cmpstr (json_object_get_string_member (password, "Nom"), ==, "txtWebCle");
}

static void
test_schema_unknown_company (SandboxFixture *fixture,
                             gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "OPTIONS", "iwrest/NOSUCHCIE", DEMO, NULL);

  g_assert_cmpuint (reply->status, ==, 404);
}

static void
test_check_ok (SandboxFixture *fixture,
               gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO,
                                                "{\"Login\":\"jdupont\",\"Password\":\"x\",\"Marche\":\"E\"}");
  g_autofree char *text = sandbox_reply_dup_text (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (text, ==, "General=Ok");
}

static void
test_check_wrong_password (SandboxFixture *fixture,
                           gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "PUT", "iwrest/GENERALI", DEMO,
                                                "{\"Login\":\"jdupont\",\"Cle\":\"wrong\",\"Branche\":\"1\"}");
  g_autofree char *text = sandbox_reply_dup_text (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (text, ==, "Cle=Mot de passe incorrect\r\nGeneral=Identifiants refusés par la compagnie");
}

static void
test_check_field_errors (SandboxFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO,
                                                "{\"Password\":\"x\",\"Marche\":\"Z\"}");
  g_autofree char *text = sandbox_reply_dup_text (reply);

  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_cmpstr (text, ==, "Login=Champ obligatoire\r\nMarche=Valeur absente de la liste");
}

static void
test_check_too_long (SandboxFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "PUT", "iwrest/MAAF", DEMO,
                                                "{\"Login\":\"0123456789012345678901234567890123456789x\","
                                                "\"Password\":\"x\"}");
  g_autofree char *text = sandbox_reply_dup_text (reply);

  g_assert_true (g_str_has_prefix (text, "Login=Valeur trop longue"));
}

static void
test_check_option_in_url (SandboxFixture *fixture,
                          gconstpointer   data)
{
  const char *body = "{\"Login\":\"a\",\"Password\":\"x\",\"Marche\":\"P\",\"Clos\":true}";
  g_autoptr(SandboxReply) without = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO, body);
  g_autoptr(SandboxReply) with = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ?Option=clos", DEMO, body);
  g_autofree char *without_text = sandbox_reply_dup_text (without);
  g_autofree char *with_text = sandbox_reply_dup_text (with);

  g_assert_cmpstr (without_text, ==, "Clos=Option clos absente de l'adresse");
  g_assert_cmpstr (with_text, ==, "General=Ok");
}

static void
test_check_bad_body (SandboxFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(SandboxReply) empty = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO, "");
  g_autoptr(SandboxReply) broken = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO, "{\"Login\":");
  g_autoptr(SandboxReply) array = sandbox_send (fixture, "PUT", "iwrest/ALLIANZ", DEMO, "[1]");

  g_assert_cmpuint (empty->status, ==, 400);
  g_assert_cmpuint (broken->status, ==, 400);
  g_assert_cmpuint (array->status, ==, 400);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/sandbox/auth/missing", test_auth_missing);
  ADD_TEST ("/sandbox/auth/wrong-password", test_auth_wrong_password);
  ADD_TEST ("/sandbox/auth/before-route", test_auth_before_route);
  ADD_TEST ("/sandbox/auth/added-account", test_auth_added_account);
  ADD_TEST ("/sandbox/companies/windows-1252", test_companies_windows_1252);
  ADD_TEST ("/sandbox/companies/prefix-case", test_companies_prefix_case);
  ADD_TEST ("/sandbox/schema/keys", test_schema_keys);
  ADD_TEST ("/sandbox/schema/quirks", test_schema_quirks);
  ADD_TEST ("/sandbox/schema/unknown-company", test_schema_unknown_company);
  ADD_TEST ("/sandbox/check/ok", test_check_ok);
  ADD_TEST ("/sandbox/check/wrong-password", test_check_wrong_password);
  ADD_TEST ("/sandbox/check/field-errors", test_check_field_errors);
  ADD_TEST ("/sandbox/check/too-long", test_check_too_long);
  ADD_TEST ("/sandbox/check/option-in-url", test_check_option_in_url);
  ADD_TEST ("/sandbox/check/bad-body", test_check_bad_body);

  return g_test_run ();
}
