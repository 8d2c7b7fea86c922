/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "iwd-check-reply.h"
#include "iwd-cli-error.h"
#include "iwd-cli-remote.h"
#include "iwd-cli-subcommand.h"

/* The state of `profile save`, from the check to the save. */
typedef struct {
  char       *company;     /* owned */
  char       *profile_id;  /* owned */
  JsonObject *values;      /* owned: every value, the secret ones included */
} SaveCall;

/* The options of the profile commands. They are globals because only
 * one command runs per process. */
static GStrv fields;
static GStrv secret_fields;
static GStrv methods;
static gboolean no_check;
static gboolean confirmed;

/* The methods that the robot can force, as the API names them. */
static const char * const method_names[] = {
  "Commissions", "Emissions", "Impayes", "Profil", "Messages", "Sinistres", "MED", NULL,
};

static void
save_call_free (SaveCall *call)
{
  g_free (call->company);
  g_free (call->profile_id);
  g_clear_pointer (&call->values, json_object_unref);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SaveCall, save_call_free)

static gboolean
check_method (const char  *method,
              GError     **error)
{
  g_autofree char *names = NULL;

  if (g_strv_contains (method_names, method))
    return TRUE;

  names = g_strjoinv (", ", (GStrv) method_names);
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is not a robot method; use one of %s"), method, names);
  return FALSE;
}

static gboolean
check_field (const char  *field,
             GError     **error)
{
  const char *equals = strchr (field, '=');

  if (equals != NULL && equals != field)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("--field takes KEY=VALUE, not '%s'"), field);
  return FALSE;
}

/* A secret value given on the command line would show in the process
 * list and the shell history, so a secret key takes no --field. */
static gboolean
check_not_secret (const char  *field,
                  GError     **error)
{
  g_autofree char *key = g_strndup (field, strcspn (field, "="));

  if (secret_fields == NULL || !g_strv_contains ((const char * const *) secret_fields, key))
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is a secret field: its value is read from standard input, "
                 "not given with --field"), key);
  return FALSE;
}

static JsonObject *
create_plain_values (void)
{
  JsonObject *values = json_object_new ();

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      g_auto(GStrv) pair = g_strsplit (fields[i], "=", 2);

      json_object_set_string_member (values, pair[0], pair[1]);
    }

  return values;
}

/* Reads one line per secret field, after the password line if
 * --password-stdin took one. */
static gboolean
add_secret_values (JsonObject  *values,
                   GError     **error)
{
  for (guint i = 0; secret_fields != NULL && secret_fields[i] != NULL; i++)
    {
      char line[1024];
      gsize length;

      if (fgets (line, sizeof line, stdin) == NULL)
        {
          g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
                       _("standard input holds no line for the secret field '%s'"),
                       secret_fields[i]);
          return FALSE;
        }

      length = strcspn (line, "\r\n");
      line[length] = '\0';
      json_object_set_string_member (values, secret_fields[i], line);
      memset (line, 0, sizeof line);
    }

  return TRUE;
}

static char *
join_check_messages (IwdCheckReply *reply)
{
  GPtrArray *messages = iwd_check_reply_get_messages (reply);
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < messages->len; i++)
    {
      IwdCheckMessage *message = g_ptr_array_index (messages, i);

      if (i > 0)
        g_string_append (text, "; ");

      g_string_append_printf (text, "%s=%s", message->key, message->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static const IwdCliCall delete_profile_call = { iwd_client_delete_profile_finish };
static const IwdCliCall force_task_call = { iwd_client_force_task_finish };
static const IwdCliCall set_start_date_call = { iwd_client_set_start_date_finish };

/* save */

static void
did_save (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (iwd_client_save_profile_finish (IWD_CLIENT (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
start_save_call (GTask *task)
{
  SaveCall *call = g_task_get_task_data (task);

  /* TODO: a field's `Option` goes into the URL, and the CLI does not
   * fetch the fields, so a check box field with an option is never set. */
  iwd_client_save_profile_async (g_task_get_source_object (task), call->company,
                                 call->profile_id, call->values, NULL,
                                 g_task_get_cancellable (task), did_save, task);
}

static void
did_check (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  g_autoptr(IwdCheckReply) reply = NULL;
  g_autofree char *messages = NULL;
  GError *error = NULL;

  reply = iwd_client_check_credentials_finish (IWD_CLIENT (source), result, &error);
  if (reply == NULL)
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (iwd_check_reply_get_is_ok (reply))
    {
      start_save_call (task);
      return;
    }

  messages = join_check_messages (reply);
  g_task_return_new_error (task, IWD_CLI_ERROR, IWD_CLI_ERROR_REJECTED,
                           _("the company rejected these credentials: %s"), messages);
  g_object_unref (task);
}

static void
start_save (IwdClient           *client,
            const char * const  *arguments,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  g_autoptr(SaveCall) call = g_new0 (SaveCall, 1);
  GError *error = NULL;
  JsonObject *values;

  call->company = g_strdup (arguments[0]);
  call->profile_id = g_strdup (arguments[1]);
  call->values = create_plain_values ();

  if (!add_secret_values (call->values, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  values = call->values;
  g_task_set_task_data (task, g_steal_pointer (&call), (GDestroyNotify) save_call_free);

  if (no_check)
    start_save_call (task);
  else
    iwd_client_check_credentials_async (client, arguments[0], values, NULL,
                                        cancellable, did_check, task);
}

static gboolean
collect_save (IwdClient      *client,
              GAsyncResult   *result,
              IwdCliRecords  *records,
              GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
check_save (const char * const  *arguments,
            GError             **error)
{
  if (!iwd_cli_check_id (arguments[1], error))
    return FALSE;

  for (guint i = 0; fields != NULL && fields[i] != NULL; i++)
    {
      if (!check_field (fields[i], error) || !check_not_secret (fields[i], error))
        return FALSE;
    }

  for (guint i = 0; methods != NULL && methods[i] != NULL; i++)
    {
      if (!check_method (methods[i], error))
        return FALSE;
    }

  return TRUE;
}

/* Only the plain values are recorded, because the secret ones belong in
 * the keyring and the state rejects them. */
static IwdProfileRecord *
create_record (const char * const *arguments)
{
  IwdProfileRecord *record = iwd_profile_record_new (arguments[1], arguments[0]);

  json_object_unref (record->values);
  record->values = create_plain_values ();
  g_strfreev (record->secret_keys);
  record->secret_keys = secret_fields != NULL ? g_strdupv (secret_fields) : g_new0 (char *, 1);
  g_strfreev (record->methods);
  record->methods = methods != NULL ? g_strdupv (methods) : g_new0 (char *, 1);

  return record;
}

static gboolean
record_save (const IwdAccountId  *account,
             const char * const  *arguments,
             GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);
  g_autoptr(IwdProfileRecord) record = create_record (arguments);

  /* TODO: the secret values are not stored in the keyring, so IWDesk
   * requests them again before it posts the profile anew. */
  return state != NULL
         && iwd_account_state_set_profile (state, record, error)
         && iwd_account_state_save (state, error);
}

static const GOptionEntry save_entries[] = {
  { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields,
    N_("A credential value, under the field's JSON key as 'iwdesk-cli fields COMPANY' "
       "lists it; repeat for each field"), N_("KEY=VALUE") },
  { "secret-field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &secret_fields,
    N_("A secret field, such as a password, whose value is read from standard input, "
       "one line per --secret-field in their order, after the password line of "
       "--password-stdin"), N_("KEY") },
  { "method", 0, 0, G_OPTION_ARG_STRING_ARRAY, &methods,
    N_("A robot method the profile is for: Commissions, Emissions, Impayes, Profil, "
       "Messages, Sinistres or MED; repeat for several"), N_("METHOD") },
  { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check,
    N_("Save without first checking the credentials with the company"), NULL },
  { NULL }
};

static const IwdCliRemoteCommand save_command = {
  "profile save", N_("COMPANY ID"),
  N_("Checks a company's credentials, then creates or replaces the robot "
     "profile ID (at most 15 characters) with them, and records its plain "
     "values on this computer so that IWDesk can edit it."),
  N_("Cannot save the profile"),
  NULL, 0,
  start_save, collect_save, NULL,
  save_entries, check_save, NULL, record_save,
};

/* delete */

static const GOptionEntry delete_entries[] = {
  { "yes", 0, 0, G_OPTION_ARG_NONE, &confirmed,
    N_("Confirm the deletion, which cannot be undone"), NULL },
  { NULL }
};

static gboolean
check_delete (const char * const  *arguments,
              GError             **error)
{
  if (!iwd_cli_check_id (arguments[0], error))
    return FALSE;

  if (confirmed)
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("deleting profile '%s' also deletes its robot tasks; pass --yes to delete it"),
               arguments[0]);
  return FALSE;
}

static void
start_delete (IwdClient           *client,
              const char * const  *arguments,
              GCancellable        *cancellable,
              GAsyncReadyCallback  callback,
              gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &delete_profile_call,
                                       cancellable, callback, user_data);

  iwd_client_delete_profile_async (client, arguments[0], cancellable, iwd_cli_call_done, task);
}

static gboolean
record_delete (const IwdAccountId  *account,
               const char * const  *arguments,
               GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);

  if (state == NULL)
    return FALSE;

  /* A profile made by another tool is unknown here, so there is nothing
   * to forget. Its secrets stay in the keyring, as after a portfolio's
   * deletion. */
  if (!iwd_account_state_remove_profile (state, arguments[0], error))
    return iwd_cli_ignore_not_found (error);

  return iwd_account_state_save (state, error);
}

static const IwdCliRemoteCommand delete_command = {
  "profile delete", N_("ID"),
  N_("Deletes a robot profile and its tasks. Requires --yes."),
  N_("Cannot delete the profile"),
  NULL, 0,
  start_delete, iwd_cli_call_collect, NULL,
  delete_entries, check_delete, NULL, record_delete,
};

/* force */

static gboolean
check_force (const char * const  *arguments,
             GError             **error)
{
  return iwd_cli_check_id (arguments[0], error) && check_method (arguments[1], error);
}

static void
start_force (IwdClient           *client,
             const char * const  *arguments,
             GCancellable        *cancellable,
             GAsyncReadyCallback  callback,
             gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &force_task_call,
                                       cancellable, callback, user_data);

  iwd_client_force_task_async (client, arguments[0], arguments[1], cancellable,
                               iwd_cli_call_done, task);
}

static const IwdCliRemoteCommand force_command = {
  "profile force", N_("ID METHOD"),
  N_("Asks the robot to run one method of a profile now: Commissions, "
     "Emissions, Impayes, Profil, Messages, Sinistres or MED."),
  N_("Cannot force the robot's task"),
  NULL, 0,
  start_force, iwd_cli_call_collect, NULL,
  NULL, check_force, NULL, NULL,
};

/* start-date */

/* Only YYYY-MM-DD: g_date_set_parse() would also guess at other
 * layouts, and a wrong guess would make the robot skip statements. */
static gboolean
parse_date (const char *text,
            GDate      *date)
{
  guint year, month, day;
  char end;

  if (strlen (text) != 10 || sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;

  if (text[4] != '-' || text[7] != '-' || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

static gboolean
check_start_date (const char * const  *arguments,
                  GError             **error)
{
  GDate date;

  if (!iwd_cli_check_id (arguments[0], error))
    return FALSE;

  g_date_clear (&date, 1);
  if (parse_date (arguments[1], &date))
    return TRUE;

  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is not a date; write it as YYYY-MM-DD"), arguments[1]);
  return FALSE;
}

static void
start_start_date (IwdClient           *client,
                  const char * const  *arguments,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = iwd_cli_call_task_new (client, &set_start_date_call,
                                       cancellable, callback, user_data);
  GDate date;

  /* check_start_date() accepted the date before the call. */
  g_date_clear (&date, 1);
  parse_date (arguments[1], &date);
  iwd_client_set_start_date_async (client, arguments[0], &date, cancellable,
                                   iwd_cli_call_done, task);
}

static const IwdCliRemoteCommand start_date_command = {
  "profile start-date", N_("ID DATE"),
  N_("Tells the robot that the last statement you already have for a "
     "profile is from DATE, written YYYY-MM-DD: it starts after it."),
  N_("Cannot set the robot's start date"),
  NULL, 0,
  start_start_date, iwd_cli_call_collect, NULL,
  NULL, check_start_date, NULL, NULL,
};

static const IwdCliRemoteCommand * const profile_commands[] = {
  &save_command,
  &delete_command,
  &force_command,
  &start_date_command,
};

/**
 * iwd_cli_profile_main:
 * @args: (inout): the arguments, starting with "profile"
 *
 * Runs `iwdesk-cli profile SUBCOMMAND`.
 *
 * Returns: the exit code
 */
int
iwd_cli_profile_main (GStrv *args)
{
  return iwd_cli_subcommand_main ("profile", profile_commands, G_N_ELEMENTS (profile_commands), args);
}
