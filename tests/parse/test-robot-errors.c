/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-parse-robot-errors.h"
#include "test-parse-fixture.h"

static IwdRobotError *
robot_error_at (GPtrArray *robot_errors,
                guint      index)
{
  return g_ptr_array_index (robot_errors, index);
}

static void
check_parse_error (const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) data = bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) robot_errors = iwd_parse_robot_errors (data, &error);

  g_test_message ("JSON %s", json);
  g_assert_null (robot_errors);
  g_assert_error (error, IWD_PARSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_robot_errors_code_as_text (void)
{
  g_autoptr(GBytes) data = load_fixture ("errors-code-as-text.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) robot_errors = iwd_parse_robot_errors (data, &error);
  IwdRobotError *first;

  g_assert_no_error (error);
  g_assert_cmpuint (robot_errors->len, ==, 2);
  first = robot_error_at (robot_errors, 0);
  g_assert_cmpstr (iwd_robot_error_get_company (first), ==, "generali");
  g_assert_cmpstr (iwd_robot_error_get_profile_id (first), ==, "GEN07");
  g_assert_cmpint (iwd_robot_error_get_code (first), ==, 12);
  g_assert_cmpstr (iwd_robot_error_get_date_text (first), ==, "2023-04-12T21:05:30");
  /* 2023-04-12T21:05:30 counted as UTC. */
  g_assert_cmpint (iwd_robot_error_get_date (first), ==, 1681333530);
  g_assert_cmpstr (iwd_robot_error_get_label (first), ==, "Mot de passe expir\xC3\xA9");
  g_assert_cmpint (iwd_robot_error_get_code (robot_error_at (robot_errors, 1)), ==, 8);
  g_assert_cmpstr (iwd_robot_error_get_profile_id (robot_error_at (robot_errors, 1)), ==, "42");
}

static void
test_robot_errors_malformed (void)
{
  g_autoptr(GBytes) data = load_fixture ("errors-malformed.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) robot_errors = iwd_parse_robot_errors (data, &error);

  g_assert_null (robot_errors);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
  g_assert_true (g_str_has_prefix (error->message, "line 2, column "));
}

static void
test_robot_errors_empty_array (void)
{
  g_autoptr(GBytes) data = bytes_from_string ("[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) robot_errors = iwd_parse_robot_errors (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (robot_errors);
  g_assert_cmpuint (robot_errors->len, ==, 0);
}

static void
test_robot_errors_errors (void)
{
  check_parse_error ("", IWD_PARSE_ERROR_EMPTY, "the reply is empty");
  check_parse_error ("\"none\"", IWD_PARSE_ERROR_SHAPE, "the root is a JSON string, expected an array");
  check_parse_error ("{\"code\":8}", IWD_PARSE_ERROR_SHAPE, "the root is a JSON object, expected an array");
  check_parse_error ("[{\"cie\":\"a\",\"id\":\"1\",\"date\":\"2023-01-01\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'code' is missing");
  check_parse_error ("[{\"cie\":\"a\",\"id\":\"1\",\"date\":\"2023-01-01\",\"code\":\"8a\"}]",
                     IWD_PARSE_ERROR_SHAPE, "item 1: key 'code' is not a whole number");
  check_parse_error ("[{\"cie\":\"a\",\"id\":\"1\",\"date\":\"2023-02-30\",\"code\":8}]",
                     IWD_PARSE_ERROR_VALUE, "item 1: '2023-02-30' is not a valid date");
  check_parse_error ("[{\"cie\":\"a\",\"id\":\"1\",\"date\":\"2023-01-01\",\"code\":99999999999}]",
                     IWD_PARSE_ERROR_SHAPE, "item 1: key 'code' is out of range");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/robot-errors/code-as-text", test_robot_errors_code_as_text);
  g_test_add_func ("/robot-errors/malformed", test_robot_errors_malformed);
  g_test_add_func ("/robot-errors/empty-array", test_robot_errors_empty_array);
  g_test_add_func ("/robot-errors/errors", test_robot_errors_errors);

  return g_test_run ();
}
