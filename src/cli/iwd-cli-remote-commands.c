/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-cli-remote.h"
#include "iwd-company.h"
#include "iwd-field.h"
#include "iwd-profile.h"
#include "iwd-robot-error.h"

/* The robot methods as the API names them, by `Commun` letter. */
static const struct {
  IwdRobotMethods  flag;
  const char      *name;
} method_names[] = {
  { IWD_ROBOT_METHODS_ALL, "all" },
  { IWD_ROBOT_METHODS_COMMISSIONS, "Commissions" },
  { IWD_ROBOT_METHODS_EMISSIONS, "Emissions" },
  { IWD_ROBOT_METHODS_IMPAYES, "Impayes" },
  { IWD_ROBOT_METHODS_MESSAGES, "Messages" },
  { IWD_ROBOT_METHODS_SINISTRES, "Sinistres" },
};

static JsonArray *
create_method_list (IwdRobotMethods methods)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (method_names); i++)
    {
      if (methods & method_names[i].flag)
        json_array_add_string_element (list, method_names[i].name);
    }

  return list;
}

static JsonArray *
create_choice_list (GPtrArray *choices)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      IwdFieldChoice *choice = g_ptr_array_index (choices, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "label", choice->label);
      json_object_set_string_member (item, "value", choice->value);
      json_array_add_object_element (list, item);
    }

  return list;
}

static JsonArray *
create_task_list (GPtrArray *tasks)
{
  JsonArray *list = json_array_new ();

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      IwdProfileTask *task = g_ptr_array_index (tasks, i);
      JsonObject *item = json_object_new ();

      json_object_set_string_member (item, "label", task->label);
      json_object_set_boolean_member (item, "inactive", task->inactive);
      json_array_add_object_element (list, item);
    }

  return list;
}

static void
set_nullable_string (JsonObject *row,
                     const char *key,
                     const char *value)
{
  if (value != NULL && value[0] != '\0')
    json_object_set_string_member (row, key, value);
  else
    json_object_set_null_member (row, key);
}

static char *
render_methods (JsonNode     *value,
                IwdCliFormat  format)
{
  JsonArray *list = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  /* "all" is the API's letter O; it reads better translated on a terminal. */
  if (format == IWD_CLI_FORMAT_TEXT && list != NULL && json_array_get_length (list) > 0
      && g_strcmp0 (json_array_get_string_element (list, 0), "all") == 0)
    return g_strdup (C_("robot methods", "all"));

  return iwd_cli_render_value (value, format);
}

/* Writes "Label (value)" items, or the label alone when both are equal. */
static char *
render_choices (JsonNode     *value,
                IwdCliFormat  format)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *list = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *label = json_object_get_string_member (item, "label");
      const char *choice = json_object_get_string_member (item, "value");

      if (i > 0)
        g_string_append (text, ", ");

      if (g_strcmp0 (label, choice) == 0)
        g_string_append (text, label);
      else
        g_string_append_printf (text, "%s (%s)", label, choice);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
render_tasks (JsonNode     *value,
              IwdCliFormat  format)
{
  g_autoptr(GString) text = g_string_new (NULL);
  JsonArray *list = value != NULL && JSON_NODE_HOLDS_ARRAY (value) ? json_node_get_array (value) : NULL;

  for (guint i = 0; list != NULL && i < json_array_get_length (list); i++)
    {
      JsonObject *item = json_array_get_object_element (list, i);
      const char *label = json_object_get_string_member (item, "label");

      if (i > 0)
        g_string_append (text, ", ");

      if (json_object_get_boolean_member (item, "inactive"))
        /* Translators: a robot task that is suspended, e.g. "Commissions (inactive)". */
        g_string_append_printf (text, _("%s (inactive)"), label);
      else
        g_string_append (text, label);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* companies */

static const IwdCliColumn company_columns[] = {
  { "name", N_("Name"), NULL },
  { "label", N_("Label"), NULL },
};

static void
start_companies (IwdClient           *client,
                 const char * const  *arguments,
                 GCancellable        *cancellable,
                 GAsyncReadyCallback  callback,
                 gpointer             user_data)
{
  iwd_client_list_companies_async (client, cancellable, callback, user_data);
}

static gboolean
collect_companies (IwdClient      *client,
                   GAsyncResult   *result,
                   IwdCliRecords  *records,
                   GError        **error)
{
  g_autoptr(GPtrArray) companies = iwd_client_list_companies_finish (client, result, error);

  if (companies == NULL)
    return FALSE;

  for (guint i = 0; i < companies->len; i++)
    {
      IwdCompany *company = g_ptr_array_index (companies, i);
      JsonObject *row = iwd_cli_records_append_row (records);

      json_object_set_string_member (row, "name", iwd_company_get_name (company));
      set_nullable_string (row, "label", iwd_company_get_label (company));
    }

  return TRUE;
}

static const IwdCliRemoteCommand companies_command = {
  "companies", "",
  N_("Lists the insurance companies that the robot can sign in to."),
  N_("Cannot list the companies"),
  company_columns, G_N_ELEMENTS (company_columns),
  start_companies, collect_companies,
};

/* fields */

static const IwdCliColumn field_columns[] = {
  { "description", N_("Description"), NULL },
  { "json", N_("JSon key"), NULL },
  { "objet", N_("Widget"), NULL },
  { "required", N_("Required"), NULL },
  { "methods", N_("Methods"), render_methods },
  { "max_length", N_("Max length"), NULL },
  { "secret", N_("Secret"), NULL },
  { "option", N_("Option"), NULL },
  { "choices", N_("Choices"), render_choices },
};

static void
start_fields (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  iwd_client_get_fields_async (client, arguments[0], cancellable, callback, user_data);
}

static void
add_field_row (IwdCliRecords *records,
               IwdField      *field)
{
  JsonObject *row = iwd_cli_records_append_row (records);
  guint max_length = iwd_field_get_max_length (field);

  json_object_set_string_member (row, "description", iwd_field_get_description (field));
  json_object_set_string_member (row, "json", iwd_field_get_json_key (field));
  json_object_set_string_member (row, "objet", iwd_field_get_objet (field));
  json_object_set_boolean_member (row, "required", iwd_field_get_required (field));
  json_object_set_array_member (row, "methods", create_method_list (iwd_field_get_methods (field)));

  /* A Taille of 0 means no limit. */
  if (max_length > 0)
    json_object_set_int_member (row, "max_length", max_length);
  else
    json_object_set_null_member (row, "max_length");

  json_object_set_boolean_member (row, "secret", iwd_field_is_secret (field));
  set_nullable_string (row, "option", iwd_field_get_option (field));
  json_object_set_array_member (row, "choices", create_choice_list (iwd_field_get_choices (field)));
}

static gboolean
collect_fields (IwdClient      *client,
                GAsyncResult   *result,
                IwdCliRecords  *records,
                GError        **error)
{
  g_autoptr(GPtrArray) fields = iwd_client_get_fields_finish (client, result, error);

  if (fields == NULL)
    return FALSE;

  for (guint i = 0; i < fields->len; i++)
    add_field_row (records, g_ptr_array_index (fields, i));

  return TRUE;
}

static const IwdCliRemoteCommand fields_command = {
  "fields", N_("COMPANY"),
  N_("Shows the credential fields that one company's extranet needs, as "
     "IWRest describes them: label, JSON key, widget, whether the field "
     "is required, the robot methods that need it, maximum length, whether "
     "it holds a secret, its URL option and its choices."),
  N_("Cannot get the credential fields"),
  field_columns, G_N_ELEMENTS (field_columns),
  start_fields, collect_fields,
};

/* profiles */

const IwdCliColumn iwd_cli_profile_columns[] = {
  { "company", N_("Company"), NULL },
  { "id", N_("Profile"), NULL },
  { "robot_error", N_("Robot error"), NULL },
  { "tasks", N_("Tasks"), render_tasks },
};

static void
start_profiles (IwdClient           *client,
                const char * const  *arguments,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  iwd_client_list_profiles_async (client, cancellable, callback, user_data);
}

G_STATIC_ASSERT (G_N_ELEMENTS (iwd_cli_profile_columns) == IWD_CLI_N_PROFILE_COLUMNS);

/**
 * iwd_cli_add_profile_rows:
 * @records: the rows, with the columns of #iwd_cli_profile_columns
 * @profiles: (element-type IwdProfile): the profiles that a call returned
 *
 * Adds one row per profile, as `profiles` prints them.
 */
void
iwd_cli_add_profile_rows (IwdCliRecords *records,
                          GPtrArray     *profiles)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (profiles, i);
      JsonObject *row = iwd_cli_records_append_row (records);

      json_object_set_string_member (row, "company", iwd_profile_get_company (profile));
      json_object_set_string_member (row, "id", iwd_profile_get_id (profile));
      json_object_set_int_member (row, "robot_error", iwd_profile_get_robot_error (profile));
      json_object_set_array_member (row, "tasks", create_task_list (iwd_profile_get_tasks (profile)));
    }
}

static gboolean
collect_profiles (IwdClient      *client,
                  GAsyncResult   *result,
                  IwdCliRecords  *records,
                  GError        **error)
{
  g_autoptr(GPtrArray) profiles = iwd_client_list_profiles_finish (client, result, error);

  if (profiles == NULL)
    return FALSE;

  iwd_cli_add_profile_rows (records, profiles);
  return TRUE;
}

static const IwdCliRemoteCommand profiles_command = {
  "profiles", "",
  N_("Lists the account's robot profiles, their last robot error (0 for "
     "none) and their tasks."),
  N_("Cannot list the profiles"),
  iwd_cli_profile_columns, G_N_ELEMENTS (iwd_cli_profile_columns),
  start_profiles, collect_profiles,
};

/* errors */

static const IwdCliColumn error_columns[] = {
  { "company", N_("Company"), NULL },
  { "profile", N_("Profile"), NULL },
  { "date", N_("Date"), NULL },
  { "code", N_("Code"), NULL },
  { "label", N_("Label"), NULL },
};

static void
start_errors (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  iwd_client_list_errors_async (client, cancellable, callback, user_data);
}

static char *
format_error_date (IwdRobotError *robot_error)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (iwd_robot_error_get_date (robot_error));

  /* The API sends local times without a zone; they were read as UTC, so
   * writing them as UTC gives back the server's wall-clock time. */
  if (date == NULL)
    return g_strdup (iwd_robot_error_get_date_text (robot_error));

  return g_date_time_format (date, "%Y-%m-%dT%H:%M:%S");
}

static gboolean
collect_errors (IwdClient      *client,
                GAsyncResult   *result,
                IwdCliRecords  *records,
                GError        **error)
{
  g_autoptr(GPtrArray) robot_errors = iwd_client_list_errors_finish (client, result, error);

  if (robot_errors == NULL)
    return FALSE;

  for (guint i = 0; i < robot_errors->len; i++)
    {
      IwdRobotError *robot_error = g_ptr_array_index (robot_errors, i);
      JsonObject *row = iwd_cli_records_append_row (records);
      g_autofree char *date = format_error_date (robot_error);

      json_object_set_string_member (row, "company", iwd_robot_error_get_company (robot_error));
      json_object_set_string_member (row, "profile", iwd_robot_error_get_profile_id (robot_error));
      set_nullable_string (row, "date", date);
      json_object_set_int_member (row, "code", iwd_robot_error_get_code (robot_error));
      json_object_set_string_member (row, "label", iwd_robot_error_get_label (robot_error));
    }

  return TRUE;
}

static const IwdCliRemoteCommand errors_command = {
  "errors", "",
  N_("Lists the robot's connection errors. Each one suspends its profile's "
     "tasks until the profile is saved again, so read this list daily."),
  N_("Cannot list the robot errors"),
  error_columns, G_N_ELEMENTS (error_columns),
  start_errors, collect_errors,
};

/**
 * iwd_cli_companies_main:
 * @args: (inout): the arguments, starting with "companies"
 *
 * Runs `iwdesk-cli companies`.
 *
 * Returns: the exit code
 */
int
iwd_cli_companies_main (GStrv *args)
{
  return iwd_cli_remote_main (&companies_command, args);
}

/**
 * iwd_cli_fields_main:
 * @args: (inout): the arguments, starting with "fields"
 *
 * Runs `iwdesk-cli fields COMPANY`.
 *
 * Returns: the exit code
 */
int
iwd_cli_fields_main (GStrv *args)
{
  return iwd_cli_remote_main (&fields_command, args);
}

/**
 * iwd_cli_profiles_main:
 * @args: (inout): the arguments, starting with "profiles"
 *
 * Runs `iwdesk-cli profiles`.
 *
 * Returns: the exit code
 */
int
iwd_cli_profiles_main (GStrv *args)
{
  return iwd_cli_remote_main (&profiles_command, args);
}

/**
 * iwd_cli_errors_main:
 * @args: (inout): the arguments, starting with "errors"
 *
 * Runs `iwdesk-cli errors`.
 *
 * Returns: the exit code
 */
int
iwd_cli_errors_main (GStrv *args)
{
  return iwd_cli_remote_main (&errors_command, args);
}
