/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-field.h"

static IwdField *
make_field (const char *nom,
            const char *json_key,
            const char *description)
{
  return g_object_new (IWD_TYPE_FIELD,
                       "nom", nom,
                       "objet", "TextBox",
                       "json-key", json_key,
                       "description", description,
                       "commun", "O",
                       "type-letter", "C",
                       NULL);
}

static void
test_field_properties (void)
{
  g_autoptr(GPtrArray) choices = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_field_choice_free);
  g_autoptr(IwdField) field = NULL;
  IwdFieldChoice *choice;

  g_ptr_array_add (choices, iwd_field_choice_new ("Particuliers", "P"));
  field = g_object_new (IWD_TYPE_FIELD,
                        "nom", "cboMarche", "objet", "ComboBox",
                        "description", "March\xC3\xA9", "json-key", "Marche",
                        "commun", "RI", "type-letter", "C", "max-length", 1,
                        "required", TRUE, "option", "clos", "choices", choices,
                        NULL);

  g_assert_cmpstr (iwd_field_get_nom (field), ==, "cboMarche");
  g_assert_cmpstr (iwd_field_get_objet (field), ==, "ComboBox");
  g_assert_cmpint (iwd_field_get_widget (field), ==, IWD_FIELD_WIDGET_COMBO);
  g_assert_false (iwd_field_get_objet_unknown (field));
  g_assert_cmpstr (iwd_field_get_description (field), ==, "March\xC3\xA9");
  g_assert_cmpstr (iwd_field_get_json_key (field), ==, "Marche");
  g_assert_cmpstr (iwd_field_get_commun (field), ==, "RI");
  g_assert_cmpint (iwd_field_get_methods (field), ==,
                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_IMPAYES);
  g_assert_cmpstr (iwd_field_get_type_letter (field), ==, "C");
  g_assert_cmpuint (iwd_field_get_max_length (field), ==, 1);
  g_assert_true (iwd_field_get_required (field));
  g_assert_cmpstr (iwd_field_get_option (field), ==, "clos");
  g_assert_cmpuint (iwd_field_get_choices (field)->len, ==, 1);
  choice = g_ptr_array_index (iwd_field_get_choices (field), 0);
  g_assert_cmpstr (choice->label, ==, "Particuliers");
  g_assert_cmpstr (choice->value, ==, "P");
}

static void
test_field_widget_kinds (void)
{
  const struct {
    const char *objet;
    IwdFieldWidget widget;
    gboolean unknown;
  } cases[] = {
    { "TextBox", IWD_FIELD_WIDGET_TEXT, FALSE },
    { "checkbox", IWD_FIELD_WIDGET_CHECK, FALSE },
    { "COMBOBOX", IWD_FIELD_WIDGET_COMBO, FALSE },
    { "DatePicker", IWD_FIELD_WIDGET_TEXT, TRUE },
    { NULL, IWD_FIELD_WIDGET_TEXT, TRUE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IwdField) field = g_object_new (IWD_TYPE_FIELD, "objet", cases[i].objet, NULL);

      g_test_message ("Objet %s", cases[i].objet != NULL ? cases[i].objet : "missing");
      g_assert_cmpint (iwd_field_get_widget (field), ==, cases[i].widget);
      g_assert_cmpint (iwd_field_get_objet_unknown (field), ==, cases[i].unknown);
    }
}

static void
test_field_defaults (void)
{
  g_autoptr(IwdField) field = g_object_new (IWD_TYPE_FIELD, NULL);

  g_assert_cmpstr (iwd_field_get_nom (field), ==, "");
  g_assert_cmpstr (iwd_field_get_json_key (field), ==, "");
  g_assert_null (iwd_field_get_option (field));
  g_assert_cmpuint (iwd_field_get_choices (field)->len, ==, 0);
  g_assert_cmpuint (iwd_field_get_max_length (field), ==, 0);
  g_assert_false (iwd_field_get_required (field));
  g_assert_cmpint (iwd_field_get_methods (field), ==, IWD_ROBOT_METHODS_ALL);
}

static void
test_methods_from_letters (void)
{
  gboolean unknown = TRUE;

  g_assert_cmpint (iwd_robot_methods_from_letters ("O", &unknown), ==, IWD_ROBOT_METHODS_ALL);
  g_assert_false (unknown);
  g_assert_cmpint (iwd_robot_methods_from_letters (" r, e i m s ", &unknown), ==,
                   IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_EMISSIONS
                   | IWD_ROBOT_METHODS_IMPAYES | IWD_ROBOT_METHODS_MESSAGES
                   | IWD_ROBOT_METHODS_SINISTRES);
  g_assert_false (unknown);
  g_assert_cmpint (iwd_robot_methods_from_letters ("RX", &unknown), ==,
                   IWD_ROBOT_METHODS_COMMISSIONS);
  g_assert_true (unknown);
  g_assert_cmpint (iwd_robot_methods_from_letters (NULL, NULL), ==, IWD_ROBOT_METHODS_NONE);
}

static void
test_field_applies_to (void)
{
  g_autoptr(IwdField) all = g_object_new (IWD_TYPE_FIELD, "commun", "O", NULL);
  g_autoptr(IwdField) some = g_object_new (IWD_TYPE_FIELD, "commun", "RI", NULL);
  g_autoptr(IwdField) claims = g_object_new (IWD_TYPE_FIELD, "commun", "S", NULL);

  g_assert_true (iwd_field_applies_to (all, IWD_ROBOT_METHODS_MESSAGES));
  g_assert_true (iwd_field_applies_to (some, IWD_ROBOT_METHODS_COMMISSIONS));
  g_assert_true (iwd_field_applies_to (some, IWD_ROBOT_METHODS_IMPAYES | IWD_ROBOT_METHODS_MESSAGES));
  g_assert_false (iwd_field_applies_to (some, IWD_ROBOT_METHODS_EMISSIONS));
  g_assert_false (iwd_field_applies_to (claims, IWD_ROBOT_METHODS_COMMISSIONS));
  g_assert_true (iwd_field_applies_to (claims, IWD_ROBOT_METHODS_SINISTRES));
  g_assert_false (iwd_field_applies_to (claims, IWD_ROBOT_METHODS_NONE));
}

static void
test_field_secret_rule (void)
{
  const struct {
    const char *nom;
    const char *json_key;
    const char *description;
    gboolean secret;
  } cases[] = {
    { "txtWebPwd", "Pass", "Acc\xC3\xA8s", TRUE },
    { "txtWebPassword2", "Login2", "Identifiant", TRUE },
    { "txtA", "Passwd", "", TRUE },
    { "txtB", "B", "Mot de passe", TRUE },
    { "txtC", "C", "MOT-DE-PASSE extranet", TRUE },
    { "txtD", "MotDePasse", "", TRUE },
    { "txtE", "E", "Votre MDP", TRUE },
    { "txtF", "F", "Code secret", TRUE },
    { "txtG", "G", "Code PIN", TRUE },
    { "txtWebPin", "H", "", TRUE },
    { "txtWebLogin", "Login", "Code utilisateur", FALSE },
    { "txtI", "Pinel", "Dispositif Pinel", FALSE },
    { "txtJ", "Spinner", "Lapin", FALSE },
    { "cboMarche", "Marche", "March\xC3\xA9", FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(IwdField) field = make_field (cases[i].nom, cases[i].json_key,
                                              cases[i].description);

      g_test_message ("field '%s'", cases[i].nom);
      g_assert_cmpint (iwd_field_is_secret (field), ==, cases[i].secret);
    }
}

static void
test_field_secret_type_letter (void)
{
  g_autoptr(IwdField) field = g_object_new (IWD_TYPE_FIELD,
                                            "nom", "txtCode", "json-key", "Code",
                                            "type-letter", "P", NULL);

  g_assert_true (iwd_field_is_secret (field));
}

static void
test_field_choice_copy (void)
{
  g_autoptr(IwdFieldChoice) choice = iwd_field_choice_new ("Entreprises", "E");
  g_autoptr(IwdFieldChoice) copy = iwd_field_choice_copy (choice);

  g_assert_cmpstr (copy->label, ==, "Entreprises");
  g_assert_cmpstr (copy->value, ==, "E");
  g_assert_true (copy->label != choice->label);
}

static void
test_field_finalize (void)
{
  IwdField *field = make_field ("txtWebLogin", "Login", "Code utilisateur");

  g_assert_finalize_object (field);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/field/properties", test_field_properties);
  g_test_add_func ("/field/widget-kinds", test_field_widget_kinds);
  g_test_add_func ("/field/defaults", test_field_defaults);
  g_test_add_func ("/field/methods-from-letters", test_methods_from_letters);
  g_test_add_func ("/field/applies-to", test_field_applies_to);
  g_test_add_func ("/field/secret-rule", test_field_secret_rule);
  g_test_add_func ("/field/secret-type-letter", test_field_secret_type_letter);
  g_test_add_func ("/field/choice-copy", test_field_choice_copy);
  g_test_add_func ("/field/finalize", test_field_finalize);

  return g_test_run ();
}
