/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-parse-profiles.h"
#include "test-parse-fixture.h"

static IwdProfile *
profile_at (GPtrArray *profiles,
            guint      index)
{
  return g_ptr_array_index (profiles, index);
}

static IwdProfileTask *
task_at (IwdProfile *profile,
         guint       index)
{
  return g_ptr_array_index (iwd_profile_get_tasks (profile), index);
}

static void
check_parse_error (const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) data = bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = iwd_parse_profiles (data, &error);

  g_test_message ("JSON %s", json);
  g_assert_null (profiles);
  g_assert_error (error, IWD_PARSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_profiles_loose_types (void)
{
  g_autoptr(GBytes) data = load_fixture ("profiles.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = iwd_parse_profiles (data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 4);

  g_assert_cmpstr (iwd_profile_get_company (profile_at (profiles, 0)), ==, "spvie");
  g_assert_cmpstr (iwd_profile_get_id (profile_at (profiles, 0)), ==, "152");
  g_assert_cmpint (iwd_profile_get_robot_error (profile_at (profiles, 0)), ==, 0);
  g_assert_cmpuint (iwd_profile_get_tasks (profile_at (profiles, 0))->len, ==, 2);
  g_assert_cmpstr (task_at (profile_at (profiles, 0), 0)->label, ==, "Commissions");
  g_assert_true (task_at (profile_at (profiles, 0), 0)->inactive);
  g_assert_false (task_at (profile_at (profiles, 0), 1)->inactive);

  g_assert_cmpstr (iwd_profile_get_id (profile_at (profiles, 1)), ==, "907");
  g_assert_cmpint (iwd_profile_get_robot_error (profile_at (profiles, 1)), ==, 8);
  g_assert_cmpuint (iwd_profile_get_tasks (profile_at (profiles, 1))->len, ==, 0);

  g_assert_cmpint (iwd_profile_get_robot_error (profile_at (profiles, 2)), ==, 0);
  g_assert_true (task_at (profile_at (profiles, 2), 0)->inactive);
  g_assert_true (task_at (profile_at (profiles, 2), 1)->inactive);

  g_assert_cmpstr (iwd_profile_get_id (profile_at (profiles, 3)), ==, "MMA2");
  g_assert_cmpuint (iwd_profile_get_tasks (profile_at (profiles, 3))->len, ==, 0);
}

static void
test_profiles_empty_array (void)
{
  g_autoptr(GBytes) data = bytes_from_string (" [ ] ");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = iwd_parse_profiles (data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);
}

/* json-glib 1.6 rejects a lone low surrogate, and quotes the string that
 * it decoded into bytes that are not UTF-8. */
static void
test_profiles_lone_low_surrogate (void)
{
  g_autoptr(GBytes) data = bytes_from_string ("[{\"cie\":\"a\\udfff\",\"idClient\":\"1\"}]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = iwd_parse_profiles (data, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
  g_assert_true (g_utf8_validate (error->message, -1, NULL));
  g_assert_true (g_str_has_prefix (error->message, "line 1, column 19: invalid string constant"));
}

static GBytes *
build_nested_arrays (guint       depth,
                     const char *inside)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, '[');
  g_string_append (text, inside);
  for (guint i = 0; i < depth; i++)
    g_string_append_c (text, ']');

  return g_string_free_to_bytes (text);
}

/* json-glib 1.6 recurses without a limit, so deep nesting is rejected
 * before it reads the body. Brackets inside strings do not count. */
static void
test_profiles_nesting (void)
{
  g_autoptr(GBytes) deepest = build_nested_arrays (64, "");
  g_autoptr(GBytes) too_deep = build_nested_arrays (65, "");
  g_autoptr(GBytes) quoted = build_nested_arrays (1, "{\"cie\":\"[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[["
                                                     "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[\",\"idClient\":\"1\"}");
  g_autoptr(GError) deepest_error = NULL;
  g_autoptr(GError) too_deep_error = NULL;
  g_autoptr(GError) quoted_error = NULL;
  g_autoptr(GPtrArray) deepest_profiles = iwd_parse_profiles (deepest, &deepest_error);
  g_autoptr(GPtrArray) too_deep_profiles = iwd_parse_profiles (too_deep, &too_deep_error);
  g_autoptr(GPtrArray) quoted_profiles = iwd_parse_profiles (quoted, &quoted_error);

  g_assert_error (deepest_error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_cmpstr (deepest_error->message, ==, "item 1: a JSON array, expected an object");
  g_assert_error (too_deep_error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_cmpstr (too_deep_error->message, ==, "arrays and objects nest more than 64 levels deep");
  g_assert_no_error (quoted_error);
  g_assert_cmpuint (quoted_profiles->len, ==, 1);
}

static void
test_profiles_errors (void)
{
  check_parse_error ("", IWD_PARSE_ERROR_EMPTY, "the reply is empty");
  check_parse_error ("{}", IWD_PARSE_ERROR_SHAPE, "the root is a JSON object, expected an array");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\"},{\"cie\":\"b\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 2: key 'idClient' is missing");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":true}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'idClient' is not a string");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\",\"robotErreur\":\"x\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'robotErreur' is not a whole number");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\",\"profilsTaches\":{}}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'profilsTaches' is not an array");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\",\"profilsTaches\":[{\"inactif\":2}]}]",
                     IWD_PARSE_ERROR_SHAPE, "item 1: task 1: key 'inactif' is not a boolean");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\",\"profilsTaches\":[3]}]",
                     IWD_PARSE_ERROR_SHAPE, "item 1: task 1 is not an object");
  check_parse_error ("[{\"cie\":\"a\",\n\"idClient\" \"1\"}]", IWD_PARSE_ERROR_SYNTAX,
                     "line 2, column 10: unexpected string constant \"…\", expected character `:'");
  /* A value of the reply, which may name a client, stays out of the
   * message, which is logged. */
  check_parse_error ("[{\"cie\":\"a\",\"Jean Dupont\"}]", IWD_PARSE_ERROR_SYNTAX,
                     "line 1, column 25: unexpected string constant \"…\", expected character `:'");
  check_parse_error ("[{\"cie\":\"\\ud800axa\",\"idClient\":\"1\"}]", IWD_PARSE_ERROR_ENCODING,
                     "a JSON string escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF), "
                     "which is not valid UTF-8");
  check_parse_error ("[{\"cie\":\"a\",\"idClient\":\"1\",\"\\ud800ab\":0}]", IWD_PARSE_ERROR_ENCODING,
                     "a JSON string escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF), "
                     "which is not valid UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/profiles/loose-types", test_profiles_loose_types);
  g_test_add_func ("/profiles/empty-array", test_profiles_empty_array);
  g_test_add_func ("/profiles/errors", test_profiles_errors);
  g_test_add_func ("/profiles/lone-low-surrogate", test_profiles_lone_low_surrogate);
  g_test_add_func ("/profiles/nesting", test_profiles_nesting);

  return g_test_run ();
}
