/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-parse-fields.h"
#include "test-parse-fixture.h"

static IwdField *
field_at (GPtrArray *fields,
          guint      index)
{
  return g_ptr_array_index (fields, index);
}

static IwdFieldChoice *
choice_at (IwdField *field,
           guint     index)
{
  return g_ptr_array_index (iwd_field_get_choices (field), index);
}

static GPtrArray *
parse_fixture (const char *name)
{
  g_autoptr(GBytes) data = load_fixture (name);
  g_autoptr(GError) error = NULL;
  GPtrArray *fields = iwd_parse_field_schema (data, &error);

  g_assert_no_error (error);
  g_assert_nonnull (fields);
  return fields;
}

static void
check_parse_error (const char *json,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) data = bytes_from_string (json);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = iwd_parse_field_schema (data, &error);

  g_test_message ("JSON %s", json);
  g_assert_null (fields);
  g_assert_error (error, IWD_PARSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_fields_allianz_like (void)
{
  g_autoptr(GPtrArray) fields = parse_fixture ("schema-allianz-like.json");
  IwdField *user, *password, *network, *closed;

  g_assert_cmpuint (fields->len, ==, 4);
  user = field_at (fields, 0);
  password = field_at (fields, 1);
  network = field_at (fields, 2);
  closed = field_at (fields, 3);

  g_assert_cmpstr (iwd_field_get_nom (user), ==, "txtWebUser");
  g_assert_cmpint (iwd_field_get_widget (user), ==, IWD_FIELD_WIDGET_TEXT);
  g_assert_cmpstr (iwd_field_get_json_key (user), ==, "User");
  g_assert_cmpuint (iwd_field_get_max_length (user), ==, 12);
  g_assert_true (iwd_field_get_required (user));
  g_assert_false (iwd_field_is_secret (user));

  g_assert_cmpstr (iwd_field_get_description (password), ==, "Mot de passe");
  g_assert_true (iwd_field_is_secret (password));
  g_assert_cmpint (iwd_field_get_methods (password), ==, IWD_ROBOT_METHODS_ALL);

  g_assert_cmpint (iwd_field_get_widget (network), ==, IWD_FIELD_WIDGET_COMBO);
  g_assert_cmpstr (iwd_field_get_description (network), ==, "R\xC3\xA9seau");
  g_assert_cmpuint (iwd_field_get_choices (network)->len, ==, 2);
  g_assert_cmpstr (choice_at (network, 0)->label, ==, "Agents");
  g_assert_cmpstr (choice_at (network, 0)->value, ==, "A");
  g_assert_cmpstr (choice_at (network, 1)->label, ==, "Courtiers");
  g_assert_cmpstr (choice_at (network, 1)->value, ==, "C");
  g_assert_true (iwd_field_applies_to (network, IWD_ROBOT_METHODS_COMMISSIONS));
  g_assert_true (iwd_field_applies_to (network, IWD_ROBOT_METHODS_IMPAYES));
  g_assert_false (iwd_field_applies_to (network, IWD_ROBOT_METHODS_SINISTRES));

  g_assert_cmpint (iwd_field_get_widget (closed), ==, IWD_FIELD_WIDGET_CHECK);
  g_assert_cmpstr (iwd_field_get_option (closed), ==, "clos");
  g_assert_false (iwd_field_get_required (closed));
  g_assert_true (iwd_field_applies_to (closed, IWD_ROBOT_METHODS_SINISTRES));
  g_assert_false (iwd_field_applies_to (closed, IWD_ROBOT_METHODS_COMMISSIONS));
}

static void
test_fields_loose_types (void)
{
  g_autoptr(GPtrArray) fields = NULL;

  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*item 2 (txtB): unknown Objet 'DatePicker'*");
  g_test_expect_message (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, "*item 4 (cboD): ListeValeur has a label without a value*");
  fields = parse_fixture ("schema-loose.json");
  g_test_assert_expected_messages ();

  g_assert_cmpuint (fields->len, ==, 5);
  g_assert_cmpuint (iwd_field_get_max_length (field_at (fields, 0)), ==, 20);
  g_assert_true (iwd_field_get_required (field_at (fields, 0)));
  g_assert_cmpint (iwd_field_get_methods (field_at (fields, 0)), ==,
                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_EMISSIONS);

  g_assert_cmpuint (iwd_field_get_max_length (field_at (fields, 1)), ==, 0);
  g_assert_false (iwd_field_get_required (field_at (fields, 1)));
  g_assert_cmpint (iwd_field_get_widget (field_at (fields, 1)), ==, IWD_FIELD_WIDGET_TEXT);
  g_assert_true (iwd_field_get_objet_unknown (field_at (fields, 1)));
  g_assert_cmpint (iwd_field_get_methods (field_at (fields, 1)), ==,
                   IWD_ROBOT_METHODS_MESSAGES | IWD_ROBOT_METHODS_SINISTRES
                   | IWD_ROBOT_METHODS_IMPAYES);

  g_assert_true (iwd_field_get_required (field_at (fields, 2)));
  g_assert_cmpuint (iwd_field_get_choices (field_at (fields, 2))->len, ==, 2);
  g_assert_cmpstr (choice_at (field_at (fields, 2), 1)->label, ==, "IARD");
  g_assert_cmpstr (choice_at (field_at (fields, 2), 1)->value, ==, "2");

  g_assert_true (iwd_field_get_required (field_at (fields, 3)));
  g_assert_cmpuint (iwd_field_get_choices (field_at (fields, 3))->len, ==, 2);
  g_assert_cmpstr (choice_at (field_at (fields, 3), 1)->label, ==, "Sant\xC3\xA9");
  g_assert_cmpstr (choice_at (field_at (fields, 3), 1)->value, ==, "Sant\xC3\xA9");

  g_assert_cmpstr (iwd_field_get_json_key (field_at (fields, 4)), ==, "5");
  g_assert_null (iwd_field_get_objet (field_at (fields, 4)));
  g_assert_false (iwd_field_get_required (field_at (fields, 4)));
  g_assert_cmpint (iwd_field_get_methods (field_at (fields, 4)), ==, IWD_ROBOT_METHODS_ALL);
}

static void
test_fields_choice_list (void)
{
  gboolean irregular = TRUE;
  g_autoptr(GPtrArray) pairs = iwd_parse_choice_list (" IARD , 1 ,Collective,2", &irregular);
  g_autoptr(GPtrArray) empty = iwd_parse_choice_list (NULL, NULL);
  g_autoptr(GPtrArray) comma = iwd_parse_choice_list (",", NULL);

  g_assert_false (irregular);
  g_assert_cmpuint (pairs->len, ==, 2);
  g_assert_cmpstr (((IwdFieldChoice *) g_ptr_array_index (pairs, 0))->label, ==, "IARD");
  g_assert_cmpstr (((IwdFieldChoice *) g_ptr_array_index (pairs, 0))->value, ==, "1");
  g_assert_cmpuint (empty->len, ==, 0);
  g_assert_cmpuint (comma->len, ==, 1);
}

static void
test_fields_missing_json_key (void)
{
  g_autoptr(GBytes) data = load_fixture ("schema-missing-json.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = iwd_parse_field_schema (data, &error);

  g_assert_null (fields);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_cmpstr (error->message, ==, "item 2: key 'JSon' is missing");
}

static void
test_fields_errors (void)
{
  check_parse_error ("", IWD_PARSE_ERROR_EMPTY, "the reply is empty");
  check_parse_error ("  \r\n", IWD_PARSE_ERROR_EMPTY, "the reply is empty");
  check_parse_error ("{\"Nom\":\"a\"}", IWD_PARSE_ERROR_SHAPE, "the root is a JSON object, expected an array");
  check_parse_error ("[\"a\"]", IWD_PARSE_ERROR_SHAPE, "item 1: a JSON string, expected an object");
  check_parse_error ("[{\"JSon\":\"a\"}]", IWD_PARSE_ERROR_SHAPE, "item 1: key 'Nom' is missing");
  check_parse_error ("[{\"Nom\":\"a\",\"JSon\":\"a\",\"Taille\":\"x\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'Taille' is not a whole number");
  check_parse_error ("[{\"Nom\":\"a\",\"JSon\":\"a\",\"Taille\":-1}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'Taille' is out of range");
  check_parse_error ("[{\"Nom\":\"a\",\"JSon\":\"a\",\"Obligatoire\":\"peut-etre\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'Obligatoire' is not a boolean");
  check_parse_error ("[{\"Nom\":[],\"JSon\":\"a\"}]", IWD_PARSE_ERROR_SHAPE,
                     "item 1: key 'Nom' is not a string");
  check_parse_error ("<html></html>", IWD_PARSE_ERROR_SYNTAX,
                     "line 1, column 1: unexpected character `<', expected value");
}

static void
test_fields_empty_array (void)
{
  g_autoptr(GBytes) data = bytes_from_string ("[]");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = iwd_parse_field_schema (data, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/fields/allianz-like", test_fields_allianz_like);
  g_test_add_func ("/fields/loose-types", test_fields_loose_types);
  g_test_add_func ("/fields/choice-list", test_fields_choice_list);
  g_test_add_func ("/fields/missing-json-key", test_fields_missing_json_key);
  g_test_add_func ("/fields/errors", test_fields_errors);
  g_test_add_func ("/fields/empty-array", test_fields_empty_array);

  return g_test_run ();
}
