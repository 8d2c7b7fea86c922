/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "iwd-credential-form.h"
#include "iwd-parse-fields.h"

/* A schema like Allianz's: a login, a password, a two-choice combo box
 * for commissions and unpaid premiums, and a check box for claims that
 * adds the option "clos". */
#define SCHEMA_FILE "ui-form/options-allianz.json"

typedef struct {
  IwdCredentialForm *form;
  GPtrArray         *fields;
} Fixture;

static GPtrArray *
load_schema (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, SCHEMA_FILE, NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize length;
  GPtrArray *fields;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  data = g_bytes_new (contents, length);
  fields = iwd_parse_field_schema (data, &error);
  g_assert_no_error (error);

  return fields;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->fields = load_schema ();
  fixture->form = g_object_ref_sink (IWD_CREDENTIAL_FORM (iwd_credential_form_new ()));
  iwd_credential_form_set_fields (fixture->form, fixture->fields);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->form);
  g_ptr_array_unref (fixture->fields);
}

static GtkWidget *
row (Fixture    *fixture,
     const char *json_key)
{
  GtkWidget *widget = iwd_credential_form_get_row (fixture->form, json_key);

  g_assert_nonnull (widget);
  return widget;
}

static void
type_text (Fixture    *fixture,
           const char *json_key,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (row (fixture, json_key)), text);
}

static GtkSwitch *
find_switch (GtkWidget *widget)
{
  if (GTK_IS_SWITCH (widget))
    return GTK_SWITCH (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkSwitch *found = find_switch (child);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
fill_valid (Fixture *fixture)
{
  iwd_credential_form_set_profile_id (fixture->form, "ALZ-01");
  type_text (fixture, "Login", "agent42");
  type_text (fixture, "Password", "s3cret");
}

static char *
dup_values_text (Fixture *fixture)
{
  g_autoptr(JsonObject) values = iwd_credential_form_dup_values (fixture->form);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), values);

  return json_to_string (node, FALSE);
}

static void
test_form_rows_by_kind (Fixture       *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *login = row (fixture, "Login");
  GtkWidget *password = row (fixture, "Password");
  GtkWidget *market = row (fixture, "Marche");
  GtkWidget *closed = row (fixture, "Clos");

  g_assert_true (ADW_IS_ENTRY_ROW (login));
  g_assert_false (ADW_IS_PASSWORD_ENTRY_ROW (login));
  g_assert_true (ADW_IS_PASSWORD_ENTRY_ROW (password));
  g_assert_true (ADW_IS_COMBO_ROW (market));
  g_assert_true (ADW_IS_ACTION_ROW (closed));
  g_assert_nonnull (find_switch (closed));
  g_assert_null (iwd_credential_form_get_row (fixture->form, "Unknown"));
}

static void
test_form_titles_as_sent (Fixture       *fixture,
                          gconstpointer  user_data)
{
  AdwPreferencesRow *login = ADW_PREFERENCES_ROW (row (fixture, "Login"));
  AdwPreferencesRow *closed = ADW_PREFERENCES_ROW (row (fixture, "Clos"));

  g_assert_cmpstr (adw_preferences_row_get_title (login), ==, "Identifiant Allianz *");
  g_assert_cmpstr (adw_preferences_row_get_title (closed), ==, "Inclure les contrats clos");
}

static void
test_form_combo_choices (Fixture       *fixture,
                         gconstpointer  user_data)
{
  AdwComboRow *market = ADW_COMBO_ROW (row (fixture, "Marche"));
  GListModel *labels = adw_combo_row_get_model (market);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  g_autoptr(JsonObject) values = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (labels), ==, 2);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 0), ==, "Particuliers");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (labels), 1), ==, "Entreprises");

  adw_combo_row_set_selected (market, 0);
  values = iwd_credential_form_dup_values (fixture->form);
  first = g_strdup (json_object_get_string_member (values, "Marche"));
  g_clear_pointer (&values, json_object_unref);

  adw_combo_row_set_selected (market, 1);
  values = iwd_credential_form_dup_values (fixture->form);
  second = g_strdup (json_object_get_string_member (values, "Marche"));

  g_assert_cmpstr (first, ==, "P");
  g_assert_cmpstr (second, ==, "E");
}

static void
test_form_claims_field_hidden (Fixture       *fixture,
                               gconstpointer  user_data)
{
  GtkWidget *closed = row (fixture, "Clos");
  GtkWidget *market = row (fixture, "Marche");

  g_assert_cmpint (iwd_credential_form_get_methods (fixture->form), ==, IWD_ROBOT_METHODS_COMMISSIONS);
  g_assert_false (gtk_widget_get_visible (closed));
  g_assert_true (gtk_widget_get_visible (market));

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_SINISTRES);
  g_assert_true (gtk_widget_get_visible (closed));

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_SINISTRES);
  g_assert_true (gtk_widget_get_visible (closed));
  g_assert_false (gtk_widget_get_visible (market));
  g_assert_true (gtk_widget_get_visible (row (fixture, "Login")));
}

static void
test_form_values_json (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autofree char *commissions_only = NULL;
  g_autofree char *with_claims = NULL;

  fill_valid (fixture);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, "Marche")), 1);
  gtk_switch_set_active (find_switch (row (fixture, "Clos")), TRUE);
  commissions_only = dup_values_text (fixture);

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_SINISTRES);
  with_claims = dup_values_text (fixture);

  g_assert_cmpstr (commissions_only, ==,
                   "{\"Login\":\"agent42\",\"Password\":\"s3cret\",\"Marche\":\"E\"}");
  g_assert_cmpstr (with_claims, ==,
                   "{\"Login\":\"agent42\",\"Password\":\"s3cret\",\"Marche\":\"E\",\"Clos\":true}");
}

static void
test_form_options (Fixture       *fixture,
                   gconstpointer  user_data)
{
  GtkSwitch *closed = find_switch (row (fixture, "Clos"));
  g_auto(GStrv) switch_off = NULL;
  g_auto(GStrv) claims_not_chosen = NULL;
  g_auto(GStrv) both = NULL;

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_SINISTRES);
  switch_off = iwd_credential_form_dup_options (fixture->form);

  gtk_switch_set_active (closed, TRUE);
  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_COMMISSIONS);
  claims_not_chosen = iwd_credential_form_dup_options (fixture->form);

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_SINISTRES);
  both = iwd_credential_form_dup_options (fixture->form);

  g_assert_cmpuint (g_strv_length (switch_off), ==, 0);
  g_assert_cmpuint (g_strv_length (claims_not_chosen), ==, 0);
  g_assert_cmpuint (g_strv_length (both), ==, 1);
  g_assert_cmpstr (both[0], ==, "clos");
}

static void
test_form_max_length (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autoptr(JsonObject) long_login = json_object_new ();
  const char *typed;

  type_text (fixture, "Login", "abcdefghijklmnopqrst");
  typed = gtk_editable_get_text (GTK_EDITABLE (row (fixture, "Login")));
  g_assert_cmpstr (typed, ==, "abcdefghijkl");

  /* A longer value from elsewhere is kept whole and reported. */
  iwd_credential_form_set_profile_id (fixture->form, "ALZ-01");
  type_text (fixture, "Password", "s3cret");
  json_object_set_string_member (long_login, "Login", "abcdefghijklmn");
  iwd_credential_form_set_values (fixture->form, long_login);

  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "Login"))), ==, "abcdefghijklmn");
  g_assert_false (iwd_credential_form_validate (fixture->form));
  g_assert_nonnull (strstr (iwd_credential_form_get_message (fixture->form, "Login"), "14 characters"));
  g_assert_nonnull (strstr (iwd_credential_form_get_message (fixture->form, "Login"), "12 at most"));
}

static void
test_form_required_messages (Fixture       *fixture,
                             gconstpointer  user_data)
{
  const char *login_message;

  iwd_credential_form_set_profile_id (fixture->form, "ALZ-01");
  type_text (fixture, "Password", "s3cret");

  g_assert_false (iwd_credential_form_is_valid (fixture->form));
  g_assert_false (iwd_credential_form_validate (fixture->form));

  login_message = iwd_credential_form_get_message (fixture->form, "Login");
  g_assert_nonnull (login_message);
  g_assert_nonnull (strstr (login_message, "“Identifiant Allianz” is required"));
  g_assert_true (gtk_widget_has_css_class (row (fixture, "Login"), "error"));
  g_assert_null (iwd_credential_form_get_message (fixture->form, "Password"));
  g_assert_false (gtk_widget_has_css_class (row (fixture, "Password"), "error"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (row (fixture, "Password"))), ==, "s3cret");

  type_text (fixture, "Login", "agent42");
  g_assert_null (iwd_credential_form_get_message (fixture->form, "Login"));
  g_assert_true (iwd_credential_form_validate (fixture->form));
}

static void
test_form_hidden_required_ignored (Fixture       *fixture,
                                   gconstpointer  user_data)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new_with_free_func (g_object_unref);
  IwdField *agent = g_object_new (IWD_TYPE_FIELD, "nom", "txtWebAgent", "objet", "TextBox",
                                  "description", "Code agent", "json-key", "CodeAgent",
                                  "commun", "E", "max-length", 8, "required", TRUE, NULL);

  for (guint i = 0; i < fixture->fields->len; i++)
    g_ptr_array_add (fields, g_object_ref (g_ptr_array_index (fixture->fields, i)));
  g_ptr_array_add (fields, agent);
  iwd_credential_form_set_fields (fixture->form, fields);
  fill_valid (fixture);

  g_assert_true (iwd_credential_form_validate (fixture->form));

  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_COMMISSIONS | IWD_ROBOT_METHODS_EMISSIONS);
  g_assert_false (iwd_credential_form_validate (fixture->form));
  g_assert_nonnull (iwd_credential_form_get_message (fixture->form, "CodeAgent"));
}

static void
test_form_no_method (Fixture       *fixture,
                     gconstpointer  user_data)
{
  fill_valid (fixture);
  iwd_credential_form_set_methods (fixture->form, IWD_ROBOT_METHODS_NONE);

  g_assert_false (iwd_credential_form_validate (fixture->form));
  g_assert_nonnull (iwd_credential_form_get_methods_message (fixture->form));
}

static IwdCheckReply *
make_reply (const char * const *lines)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_check_message_free);

  for (guint i = 0; lines[i] != NULL; i += 2)
    g_ptr_array_add (messages, iwd_check_message_new (lines[i], lines[i + 1]));

  return iwd_check_reply_new (messages);
}

static void
test_form_check_reply (Fixture       *fixture,
                       gconstpointer  user_data)
{
  const char * const lines[] = {
    "Password", "Mot de passe incorrect",
    "General", "Identifiants refusés par la compagnie",
    "Agence", "Agence inconnue",
    NULL,
  };
  g_autoptr(IwdCheckReply) reply = make_reply (lines);
  g_autofree char *general = NULL;

  fill_valid (fixture);
  iwd_credential_form_show_check_reply (fixture->form, reply);
  general = iwd_credential_form_dup_general_message (fixture->form);

  g_assert_cmpstr (iwd_credential_form_get_message (fixture->form, "Password"), ==, "Mot de passe incorrect");
  g_assert_true (gtk_widget_has_css_class (row (fixture, "Password"), "error"));
  g_assert_null (iwd_credential_form_get_message (fixture->form, "Login"));
  g_assert_cmpstr (general, ==, "Identifiants refusés par la compagnie\nAgence: Agence inconnue");
}

static void
test_form_check_reply_ok (Fixture       *fixture,
                          gconstpointer  user_data)
{
  const char * const refused[] = { "Password", "Mot de passe incorrect", NULL };
  const char * const accepted[] = { "General", "Ok", NULL };
  g_autoptr(IwdCheckReply) refused_reply = make_reply (refused);
  g_autoptr(IwdCheckReply) accepted_reply = make_reply (accepted);
  g_autofree char *general = NULL;

  iwd_credential_form_show_check_reply (fixture->form, refused_reply);
  iwd_credential_form_show_check_reply (fixture->form, accepted_reply);
  general = iwd_credential_form_dup_general_message (fixture->form);

  g_assert_null (iwd_credential_form_get_message (fixture->form, "Password"));
  g_assert_null (general);
}

static void
check_id_problem (Fixture    *fixture,
                  const char *id,
                  const char *expected_part)
{
  const char *message;

  iwd_credential_form_set_profile_id (fixture->form, id);
  g_assert_false (iwd_credential_form_validate (fixture->form));

  message = iwd_credential_form_get_profile_id_message (fixture->form);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, expected_part));
}

static void
test_form_profile_id_rules (Fixture       *fixture,
                            gconstpointer  user_data)
{
  const char * const taken[] = { "AXA1", "ALZ-01", NULL };

  fill_valid (fixture);
  iwd_credential_form_set_taken_ids (fixture->form, taken);

  check_id_problem (fixture, "ABCDEFGHIJKLMNOP", "has 16 characters");
  check_id_problem (fixture, "ALZ/01", "contains “/”");
  check_id_problem (fixture, "ALZ 01", "contains a space. Remove it, or put “-” or “_” in its place.");
  check_id_problem (fixture, "Société", "contains “é”");
  check_id_problem (fixture, ".hidden", "starts with “.”");
  check_id_problem (fixture, "ALZ-01", "already has the id “ALZ-01”");
  check_id_problem (fixture, "", "Type a profile id");

  iwd_credential_form_set_profile_id (fixture->form, "ABCDEFGHIJKLMNO");
  g_assert_true (iwd_credential_form_validate (fixture->form));
  g_assert_null (iwd_credential_form_get_profile_id_message (fixture->form));
}

static void
test_form_profile_id_read_only (Fixture       *fixture,
                                gconstpointer  user_data)
{
  const char * const taken[] = { "ALZ-01", NULL };

  fill_valid (fixture);
  iwd_credential_form_set_taken_ids (fixture->form, taken);
  iwd_credential_form_set_profile_id_editable (fixture->form, FALSE);
  g_assert_false (iwd_credential_form_get_profile_id_editable (fixture->form));

  /* Its own id is taken by the profile being edited. */
  g_assert_true (iwd_credential_form_validate (fixture->form));
}

static void
test_form_values_carried_over (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) again = load_schema ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  fill_valid (fixture);
  adw_combo_row_set_selected (ADW_COMBO_ROW (row (fixture, "Marche")), 1);
  before = dup_values_text (fixture);

  iwd_credential_form_set_fields (fixture->form, again);
  after = dup_values_text (fixture);

  g_assert_true (iwd_credential_form_get_fields (fixture->form) != fixture->fields);
  g_assert_cmpstr (after, ==, before);
}

static void
test_form_method_names (Fixture       *fixture,
                        gconstpointer  user_data)
{
  const char * const names[] = { "Sinistres", "Impayes", "Bogus", NULL };
  g_auto(GStrv) chosen = NULL;

  iwd_credential_form_set_method_names (fixture->form, names);
  chosen = iwd_credential_form_dup_method_names (fixture->form);

  g_assert_cmpint (iwd_credential_form_get_methods (fixture->form), ==,
                   IWD_ROBOT_METHODS_IMPAYES | IWD_ROBOT_METHODS_SINISTRES);
  g_assert_cmpuint (g_strv_length (chosen), ==, 2);
  g_assert_cmpstr (chosen[0], ==, "Impayes");
  g_assert_cmpstr (chosen[1], ==, "Sinistres");
}

static void
test_form_secret_keys (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_auto(GStrv) keys = iwd_credential_form_dup_secret_keys (fixture->form);

  g_assert_cmpuint (g_strv_length (keys), ==, 1);
  g_assert_cmpstr (keys[0], ==, "Password");
}

int
main (int   argc,
      char *argv[])
{
  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  adw_init ();
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/ui/form/rows-by-kind", test_form_rows_by_kind);
  ADD ("/ui/form/titles-as-sent", test_form_titles_as_sent);
  ADD ("/ui/form/combo-choices", test_form_combo_choices);
  ADD ("/ui/form/claims-field-hidden", test_form_claims_field_hidden);
  ADD ("/ui/form/values-json", test_form_values_json);
  ADD ("/ui/form/options", test_form_options);
  ADD ("/ui/form/max-length", test_form_max_length);
  ADD ("/ui/form/required-messages", test_form_required_messages);
  ADD ("/ui/form/hidden-required-ignored", test_form_hidden_required_ignored);
  ADD ("/ui/form/no-method", test_form_no_method);
  ADD ("/ui/form/check-reply", test_form_check_reply);
  ADD ("/ui/form/check-reply-ok", test_form_check_reply_ok);
  ADD ("/ui/form/profile-id-rules", test_form_profile_id_rules);
  ADD ("/ui/form/profile-id-read-only", test_form_profile_id_read_only);
  ADD ("/ui/form/values-carried-over", test_form_values_carried_over);
  ADD ("/ui/form/method-names", test_form_method_names);
  ADD ("/ui/form/secret-keys", test_form_secret_keys);
#undef ADD

  return g_test_run ();
}
