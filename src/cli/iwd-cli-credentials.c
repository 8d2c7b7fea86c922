/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-cli-credentials.h"
#include "iwd-cli-error.h"
#include "iwd-field.h"

/* The robot methods that select fields, as `--method` names them. The
 * others (Profil, MED) have no `Commun` letter. */
static const struct {
  const char      *name;
  IwdRobotMethods  flag;
} method_flags[] = {
  { "Commissions", IWD_ROBOT_METHODS_COMMISSIONS },
  { "Emissions", IWD_ROBOT_METHODS_EMISSIONS },
  { "Impayes", IWD_ROBOT_METHODS_IMPAYES },
  { "Messages", IWD_ROBOT_METHODS_MESSAGES },
  { "Sinistres", IWD_ROBOT_METHODS_SINISTRES },
};

/* With no method named, the window's form keeps Commissions, the task
 * that every new profile gets. */
static IwdRobotMethods
parse_methods (const char * const *methods)
{
  IwdRobotMethods chosen = IWD_ROBOT_METHODS_NONE;

  for (guint i = 0; i < G_N_ELEMENTS (method_flags); i++)
    {
      if (methods != NULL && g_strv_contains (methods, method_flags[i].name))
        chosen |= method_flags[i].flag;
    }

  return chosen != IWD_ROBOT_METHODS_NONE ? chosen : IWD_ROBOT_METHODS_COMMISSIONS;
}

static IwdField *
find_field (GPtrArray  *fields,
            const char *key)
{
  for (guint i = 0; i < fields->len; i++)
    {
      IwdField *field = g_ptr_array_index (fields, i);

      if (g_strcmp0 (iwd_field_get_json_key (field), key) == 0)
        return field;
    }

  return NULL;
}

static gboolean
check_keys_known (const char  *company,
                  GPtrArray   *fields,
                  JsonObject  *values,
                  GError     **error)
{
  g_autoptr(GList) keys = json_object_get_members (values);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (find_field (fields, l->data) != NULL)
        continue;

      /* Translators: the first and third %s are a company's name, the
       * second a JSON key given with --field or --secret-field */
      g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
                   _("%s has no field with the JSON key '%s'; 'iwdesk-cli fields %s' lists its fields"),
                   company, (const char *) l->data, company);
      return FALSE;
    }

  return TRUE;
}

/* A value given for a field that the chosen methods do not use would be
 * dropped, as the window drops the values of hidden fields. */
static gboolean
check_field_used (const char  *company,
                  IwdField    *field,
                  JsonObject  *plain_values,
                  JsonObject  *secret_values,
                  GError     **error)
{
  const char *key = iwd_field_get_json_key (field);

  if (!json_object_has_member (plain_values, key) && !json_object_has_member (secret_values, key))
    return TRUE;

  /* Translators: the first %s is a JSON key, the second a company's
   * name, the third the letters of the robot methods that use the field */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("the field '%s' of %s is not used by the chosen robot methods; pass the --method "
                 "that its letters '%s' stand for (R Commissions, E Emissions, I Impayes, "
                 "M Messages, S Sinistres)"),
               key, company, iwd_field_get_commun (field));
  return FALSE;
}

static gboolean
parse_check_box (const char  *key,
                 const char  *text,
                 gboolean    *out_checked,
                 GError     **error)
{
  const char * const checked[] = { "1", "true", "yes", "on", NULL };
  const char * const unchecked[] = { "", "0", "false", "no", "off", NULL };
  g_autofree char *folded = g_ascii_strdown (text, -1);

  *out_checked = g_strv_contains (checked, folded);
  if (*out_checked || g_strv_contains (unchecked, folded))
    return TRUE;

  /* Translators: the first two %s are a check box field's JSON key, the
   * third the value given */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is a check box: --field %s takes 1 or 0, not '%s'"), key, key, text);
  return FALSE;
}

/* Sets the posted value of a field that applies: a JSON boolean for a
 * check box, a string otherwise, empty when nothing was given. */
static gboolean
add_value (IwdCliCredentials  *self,
           IwdField           *field,
           const char         *text,
           gboolean           *out_has_value,
           GError            **error)
{
  const char *key = iwd_field_get_json_key (field);
  gboolean checked;

  if (iwd_field_get_widget (field) != IWD_FIELD_WIDGET_CHECK)
    {
      json_object_set_string_member (self->values, key, text);
      *out_has_value = text[0] != '\0';
      return TRUE;
    }

  if (!parse_check_box (key, text, &checked, error))
    return FALSE;

  json_object_set_boolean_member (self->values, key, checked);
  *out_has_value = checked;
  return TRUE;
}

static gboolean
add_field (IwdCliCredentials  *self,
           IwdField           *field,
           JsonObject         *plain_values,
           JsonObject         *secret_values,
           GPtrArray          *options,
           GPtrArray          *secret_keys,
           GError            **error)
{
  const char *key = iwd_field_get_json_key (field);
  const char *option = iwd_field_get_option (field);
  gboolean secret = iwd_field_is_secret (field) || json_object_has_member (secret_values, key);
  JsonObject *source = json_object_has_member (secret_values, key) ? secret_values : plain_values;
  gboolean has_value;

  if (!add_value (self, field, json_object_get_string_member_with_default (source, key, ""),
                  &has_value, error))
    return FALSE;

  if (secret)
    g_ptr_array_add (secret_keys, g_strdup (key));

  if (has_value && option != NULL && option[0] != '\0'
      && !g_ptr_array_find_with_equal_func (options, option, g_str_equal, NULL))
    g_ptr_array_add (options, g_strdup (option));

  return TRUE;
}

static gboolean
check_not_secret (IwdField    *field,
                  JsonObject  *plain_values,
                  GError     **error)
{
  const char *key = iwd_field_get_json_key (field);

  if (!iwd_field_is_secret (field) || !json_object_has_member (plain_values, key))
    return TRUE;

  /* Translators: both %s are a secret field's JSON key */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is a secret field: pass --secret-field %s and write its value on "
                 "standard input, not with --field"), key, key);
  return FALSE;
}

static GStrv
steal_strv (GPtrArray *array)
{
  g_ptr_array_add (array, NULL);
  return (GStrv) g_ptr_array_free (array, FALSE);
}

/**
 * iwd_cli_credentials_clear:
 * @self: credentials
 *
 * Frees what @self holds.
 */
void
iwd_cli_credentials_clear (IwdCliCredentials *self)
{
  g_clear_pointer (&self->values, json_object_unref);
  g_clear_pointer (&self->options, g_strfreev);
  g_clear_pointer (&self->secret_keys, g_strfreev);
}

/**
 * iwd_cli_credentials_build:
 * @self: (out caller-allocates): the credentials to fill, cleared
 * @company: the company's name, for the messages
 * @fields: (element-type IwdField): the company's credential schema
 * @plain_values: the values given with `--field`, as strings
 * @secret_values: the values read from standard input for
 *   `--secret-field`, as strings
 * @methods: (nullable): the robot methods chosen with `--method`
 * @error: return location for an %IWD_CLI_ERROR_USAGE
 *
 * Builds what the window's credential form posts for the same values:
 * every field that applies to the chosen methods, a check box as a JSON
 * boolean and any other field as a string, empty when no value was
 * given. A field is secret when the schema marks it so or when its value
 * came from standard input. The options are those of the fields that
 * apply and have a value: a check box switched on, a text not empty.
 *
 * Returns: %TRUE, or %FALSE if a key is unknown, a secret value was given
 *   on the command line, a value was given for a field that the methods
 *   do not use, or a check box value is not a boolean
 */
gboolean
iwd_cli_credentials_build (IwdCliCredentials   *self,
                           const char          *company,
                           GPtrArray           *fields,
                           JsonObject          *plain_values,
                           JsonObject          *secret_values,
                           const char * const  *methods,
                           GError             **error)
{
  IwdRobotMethods chosen = parse_methods (methods);
  g_autoptr(GPtrArray) options = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) secret_keys = g_ptr_array_new_with_free_func (g_free);

  if (!check_keys_known (company, fields, plain_values, error)
      || !check_keys_known (company, fields, secret_values, error))
    return FALSE;

  self->values = json_object_new ();
  for (guint i = 0; i < fields->len; i++)
    {
      IwdField *field = g_ptr_array_index (fields, i);
      gboolean applies = iwd_field_applies_to (field, chosen);

      if (!check_not_secret (field, plain_values, error)
          || (!applies && !check_field_used (company, field, plain_values, secret_values, error))
          || (applies && !add_field (self, field, plain_values, secret_values,
                                     options, secret_keys, error)))
        {
          iwd_cli_credentials_clear (self);
          return FALSE;
        }
    }

  self->options = steal_strv (g_steal_pointer (&options));
  self->secret_keys = steal_strv (g_steal_pointer (&secret_keys));
  return TRUE;
}
