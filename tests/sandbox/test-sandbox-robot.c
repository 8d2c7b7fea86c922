/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "sandbox-fixture.h"

#define ADD_TEST(path, func) \
  g_test_add (path, SandboxFixture, NULL, sandbox_fixture_set_up, func, sandbox_fixture_tear_down)

#define GOOD_VALUES "{\"Login\":\"jdupont\",\"Password\":\"secret\"}"
#define WRONG_VALUES "{\"Login\":\"jdupont\",\"Password\":\"wrong\"}"
#define PTF_OPTIONS "{\"Libelle\":\"Mon PTF 1\",\"NbMoisQ\":10,\"isGED\":false," \
                    "\"isAdherents\":false,\"isParcs\":false,\"isFonds\":false}"

static guint
send_status (SandboxFixture *fixture,
             const char     *method,
             const char     *path,
             const char     *body)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, method, path, DEMO, body);

  return reply->status;
}

static JsonArray *
get_array (SandboxFixture *fixture,
           const char     *path,
           JsonNode      **out_root)
{
  g_autoptr(SandboxReply) reply = sandbox_send (fixture, "GET", path, DEMO, NULL);

  g_assert_cmpuint (reply->status, ==, 200);
  *out_root = sandbox_reply_parse_json (reply);

  return json_node_get_array (*out_root);
}

static JsonObject *
get_task (JsonObject *profile,
          guint       index)
{
  JsonArray *tasks = json_object_get_array_member (profile, "profilsTaches");

  return json_array_get_object_element (tasks, index);
}

static void
test_profile_create_and_list (SandboxFixture *fixture,
                              gconstpointer   data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *profiles;
  JsonObject *profile;

  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/SPVIE/152", GOOD_VALUES), ==, 200);
  profiles = get_array (fixture, "Robot/Profils", &root);
  profile = json_array_get_object_element (profiles, 0);

  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (profile, "cie"), ==, "spvie");
  g_assert_cmpstr (json_object_get_string_member (profile, "idClient"), ==, "152");
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (profile, "robotErreur")), ==, G_TYPE_INT64);
  g_assert_cmpint (json_object_get_int_member (profile, "robotErreur"), ==, 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (profile, "profilsTaches")), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (get_task (profile, 0), "libelle"), ==, "Commissions");
  g_assert_false (json_object_get_boolean_member (get_task (profile, 0), "inactif"));
}

static void
test_profile_id_length (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/AXA/ABCDEFGHIJKLMNO", GOOD_VALUES), ==, 200);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/AXA/ABCDEFGHIJKLMNOP", GOOD_VALUES), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/NOSUCHCIE/Axa1", GOOD_VALUES), ==, 404);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/AXA/Axa1", "not json"), ==, 400);
}

static void
test_profile_force_task (SandboxFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonObject *profile;

  send_status (fixture, "POST", "Robot/Profil/AXA/Axa1", GOOD_VALUES);

  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/Axa1/Tache/Emissions", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/Axa1/Tache/MED", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/Axa1/Tache/Emissions", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/Axa1/Tache/Ventes", NULL), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/Profil/Nobody/Tache/MED", NULL), ==, 404);

  profile = json_array_get_object_element (get_array (fixture, "Robot/Profils", &root), 0);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (profile, "profilsTaches")), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (get_task (profile, 1), "libelle"), ==, "Emissions");
  g_assert_cmpstr (json_object_get_string_member (get_task (profile, 2), "libelle"), ==, "MED");
}

static void
test_profile_start_date (SandboxFixture *fixture,
                         gconstpointer   data)
{
  send_status (fixture, "POST", "Robot/Profil/AXA/Axa1", GOOD_VALUES);

  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/Profil/Axa1/Date/2024-01-31", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/Profil/Axa1/Date/2024-02-30", NULL), ==, 400);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/Profil/Axa1/Date/31-01-2024", NULL), ==, 400);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/Profil/Axa1/Date/2024-1-31", NULL), ==, 400);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/Profil/Nobody/Date/2024-01-31", NULL), ==, 404);
}

static void
test_profile_delete (SandboxFixture *fixture,
                     gconstpointer   data)
{
  g_autoptr(JsonNode) root = NULL;

  send_status (fixture, "POST", "Robot/Profil/AXA/Axa1", GOOD_VALUES);

  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/Profil/Axa1", NULL), ==, 200);
  g_assert_cmpuint (json_array_get_length (get_array (fixture, "Robot/Profils", &root)), ==, 0);
  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/Profil/Axa1", NULL), ==, 404);
}

static void
test_profile_login_error (SandboxFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(JsonNode) profiles_root = NULL;
  g_autoptr(JsonNode) errors_root = NULL;
  JsonObject *profile;
  JsonObject *error;
  g_autoptr(GRegex) date = g_regex_new ("^\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d$", 0, 0, NULL);

  send_status (fixture, "POST", "Robot/Profil/ALLIANZ/ALZ01", WRONG_VALUES);
  profile = json_array_get_object_element (get_array (fixture, "Robot/Profils", &profiles_root), 0);
  error = json_array_get_object_element (get_array (fixture, "Robot/Erreurs", &errors_root), 0);

  g_assert_cmpint (json_object_get_int_member (profile, "robotErreur"), ==, 8);
  g_assert_true (json_object_get_boolean_member (get_task (profile, 0), "inactif"));
  g_assert_cmpstr (json_object_get_string_member (error, "cie"), ==, "allianz");
  g_assert_cmpstr (json_object_get_string_member (error, "id"), ==, "ALZ01");
  g_assert_cmpint (json_object_get_int_member (error, "code"), ==, 8);
  g_assert_cmpstr (json_object_get_string_member (error, "libelle"), ==, "Erreur d'identifiant");
  g_assert_true (g_regex_match (date, json_object_get_string_member (error, "date"), 0, NULL));
}

static void
test_profile_login_fixed (SandboxFixture *fixture,
                          gconstpointer   data)
{
  g_autoptr(JsonNode) profiles_root = NULL;
  g_autoptr(JsonNode) errors_root = NULL;
  JsonObject *profile;
  JsonArray *errors;

  send_status (fixture, "POST", "Robot/Profil/GENERALI/GEN1", "{\"Login\":\"a\",\"Cle\":\"wrong\"}");
  send_status (fixture, "POST", "Robot/Profil/GENERALI/GEN1", "{\"Login\":\"a\",\"Cle\":\"wrong\"}");
  send_status (fixture, "POST", "Robot/Profil/GENERALI/GEN1", "{\"Login\":\"a\",\"Cle\":\"right\"}");
  profile = json_array_get_object_element (get_array (fixture, "Robot/Profils", &profiles_root), 0);
  errors = get_array (fixture, "Robot/Erreurs", &errors_root);

  g_assert_cmpint (json_object_get_int_member (profile, "robotErreur"), ==, 0);
  g_assert_false (json_object_get_boolean_member (get_task (profile, 0), "inactif"));
  g_assert_cmpuint (json_array_get_length (errors), ==, 2);
  g_assert_cmpint (json_node_get_value_type (json_object_get_member (json_array_get_object_element (errors, 1), "code")),
                   ==, G_TYPE_STRING);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (errors, 1), "code"), ==, "8");
}

static void
test_portfolio_options (SandboxFixture *fixture,
                        gconstpointer   data)
{
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1", "{\"Libelle\":1,\"NbMoisQ\":10}"), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1", "{\"Libelle\":\"A\",\"NbMoisQ\":\"10\"}"), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1", "{\"Libelle\":\"A\"}"), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1",
                                 "{\"Libelle\":\"A\",\"NbMoisQ\":3,\"isGED\":\"yes\"}"), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1", ""), ==, 400);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1", PTF_OPTIONS), ==, 200);
}

static void
test_portfolio_profiles (SandboxFixture *fixture,
                         gconstpointer   data)
{
  g_autoptr(JsonNode) both_root = NULL;
  g_autoptr(JsonNode) remaining_root = NULL;
  JsonArray *both;
  JsonArray *remaining;

  send_status (fixture, "POST", "Robot/PTF/PTF1", PTF_OPTIONS);
  send_status (fixture, "POST", "Robot/Profil/AXA/Axa1", GOOD_VALUES);

  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/PTF/PTF1/Profil/Axa1", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/PTF/PTF1/Profil/Nobody", NULL), ==, 404);
  g_assert_cmpuint (send_status (fixture, "PUT", "Robot/PTF/PTF9/Profil/Axa1", NULL), ==, 404);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF1/Profil/APRIL/April1", GOOD_VALUES), ==, 200);
  g_assert_cmpuint (send_status (fixture, "POST", "Robot/PTF/PTF9/Profil/APRIL/April2", GOOD_VALUES), ==, 404);
  both = get_array (fixture, "Robot/PTF/PTF1/Profils", &both_root);

  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/PTF/PTF1/Profil/Axa1", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/PTF/PTF1/Profil/Axa1", NULL), ==, 404);
  remaining = get_array (fixture, "Robot/PTF/PTF1/Profils", &remaining_root);

  g_assert_cmpuint (json_array_get_length (both), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (both, 1), "idClient"), ==, "April1");
  g_assert_cmpuint (json_array_get_length (remaining), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (remaining, 0), "idClient"), ==, "April1");
}

static void
test_portfolio_delete (SandboxFixture *fixture,
                       gconstpointer   data)
{
  g_autoptr(JsonNode) root = NULL;
  JsonArray *profiles;

  send_status (fixture, "POST", "Robot/PTF/PTF1", PTF_OPTIONS);
  send_status (fixture, "POST", "Robot/Profil/AXA/Outside", GOOD_VALUES);
  send_status (fixture, "POST", "Robot/PTF/PTF1/Profil/APRIL/Inside", GOOD_VALUES);

  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/PTF/PTF1", NULL), ==, 200);
  g_assert_cmpuint (send_status (fixture, "DELETE", "Robot/PTF/PTF1", NULL), ==, 404);
  g_assert_cmpuint (send_status (fixture, "GET", "Robot/PTF/PTF1/Profils", NULL), ==, 404);
  g_assert_cmpuint (send_status (fixture, "GET", "Robot/PTF/PTF1/Contrats", NULL), ==, 404);

  profiles = get_array (fixture, "Robot/Profils", &root);
  g_assert_cmpuint (json_array_get_length (profiles), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (profiles, 0), "idClient"),
                   ==, "Outside");
}

static void
test_robot_unknown_path (SandboxFixture *fixture,
                         gconstpointer   data)
{
  g_assert_cmpuint (send_status (fixture, "GET", "Robot/Nothing/Here", NULL), ==, 404);
  g_assert_cmpuint (send_status (fixture, "PATCH", "Robot/Profils", NULL), ==, 404);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/sandbox/profile/create-and-list", test_profile_create_and_list);
  ADD_TEST ("/sandbox/profile/id-length", test_profile_id_length);
  ADD_TEST ("/sandbox/profile/force-task", test_profile_force_task);
  ADD_TEST ("/sandbox/profile/start-date", test_profile_start_date);
  ADD_TEST ("/sandbox/profile/delete", test_profile_delete);
  ADD_TEST ("/sandbox/profile/login-error", test_profile_login_error);
  ADD_TEST ("/sandbox/profile/login-fixed", test_profile_login_fixed);
  ADD_TEST ("/sandbox/portfolio/options", test_portfolio_options);
  ADD_TEST ("/sandbox/portfolio/profiles", test_portfolio_profiles);
  ADD_TEST ("/sandbox/portfolio/delete", test_portfolio_delete);
  ADD_TEST ("/sandbox/robot/unknown-path", test_robot_unknown_path);

  return g_test_run ();
}
