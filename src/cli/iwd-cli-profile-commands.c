/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "iwd-check-reply.h"
#include "iwd-cli-credentials.h"
#include "iwd-cli-error.h"
#include "iwd-cli-remote.h"
#include "iwd-cli-subcommand.h"
#include "iwd-secret-store.h"

/* The state of `profile save`, from the schema to the forced methods. */
typedef struct {
  char              *company;        /* owned */
  char              *profile_id;     /* owned */
  JsonObject        *plain_values;   /* owned: the --field values */
  JsonObject        *secret_values;  /* owned: the --secret-field values */
  IwdCliCredentials  credentials;    /* owned: what is posted, once built */
  GStrv              pending_methods; /* owned: the methods to force */
  guint              next_method;
} SaveCall;

/* The one `profile save` of this process, for record_save(). It is a
 * global, like the options, because the record step gets only the
 * arguments. */
static SaveCall *save_call;

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
  g_clear_pointer (&call->plain_values, json_object_unref);
  g_clear_pointer (&call->secret_values, json_object_unref);
  iwd_cli_credentials_clear (&call->credentials);
  g_strfreev (call->pending_methods);
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

  /* Translators: both %s are a secret field's JSON key */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE,
               _("'%s' is a secret field: pass --secret-field %s and write its value on "
                 "standard input, not with --field"), key, key);
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

static void force_next_method (GTask *task);

static void
did_force (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  SaveCall *call = g_task_get_task_data (task);
  const char *method = call->pending_methods[call->next_method];
  g_autoptr(GError) error = NULL;

  /* The profile itself is saved, so a method that the robot refused is
   * reported and the others are still forced, as in the window. */
  if (!iwd_client_force_task_finish (IWD_CLIENT (source), result, &error))
    /* Translators: the first and fourth %s are a profile id, the second
     * and fifth a robot method, the third the cause */
    g_printerr (_("Profile '%s' is saved, but the robot did not take the method %s: %s. "
                  "Run 'iwdesk-cli profile force %s %s' to try again.\n"),
                call->profile_id, method, error->message, call->profile_id, method);

  call->next_method++;
  force_next_method (task);
}

/* The API has no call that sets a profile's methods in one go, so each
 * chosen one is forced in turn, as the window does. The robot gives
 * every new profile a Commissions task by itself. */
static void
force_next_method (GTask *task)
{
  SaveCall *call = g_task_get_task_data (task);
  const char *method = call->pending_methods[call->next_method];

  if (g_strcmp0 (method, "Commissions") == 0)
    {
      call->next_method++;
      force_next_method (task);
      return;
    }

  if (method == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  iwd_client_force_task_async (g_task_get_source_object (task), call->profile_id, method,
                               g_task_get_cancellable (task), did_force, task);
}

static void
did_save (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  GTask *task = user_data;
  SaveCall *call = g_task_get_task_data (task);
  GError *error = NULL;

  if (!iwd_client_save_profile_finish (IWD_CLIENT (source), result, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  call->pending_methods = methods != NULL ? g_strdupv (methods) : g_new0 (char *, 1);
  call->next_method = 0;
  force_next_method (task);
}

static void
start_save_call (GTask *task)
{
  SaveCall *call = g_task_get_task_data (task);

  iwd_client_save_profile_async (g_task_get_source_object (task), call->company,
                                 call->profile_id, call->credentials.values,
                                 (const char * const *) call->credentials.options,
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

/* The schema lists which fields the chosen methods use, which are
 * secret, and which add an option to the URL. */
static void
did_get_fields (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GTask *task = user_data;
  SaveCall *call = g_task_get_task_data (task);
  IwdCliCredentials *credentials = &call->credentials;
  g_autoptr(GPtrArray) company_fields = NULL;
  GError *error = NULL;

  company_fields = iwd_client_get_fields_finish (IWD_CLIENT (source), result, &error);
  if (company_fields == NULL
      || !iwd_cli_credentials_build (credentials, call->company, company_fields,
                                     call->plain_values, call->secret_values,
                                     (const char * const *) methods, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  if (no_check)
    start_save_call (task);
  else
    iwd_client_check_credentials_async (IWD_CLIENT (source), call->company, credentials->values,
                                        (const char * const *) credentials->options,
                                        g_task_get_cancellable (task), did_check, task);
}

static void
start_save (IwdClient           *client,
            const char * const  *arguments,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (client, cancellable, callback, user_data);
  GError *error = NULL;

  g_clear_pointer (&save_call, save_call_free);
  save_call = g_new0 (SaveCall, 1);
  save_call->company = g_strdup (arguments[0]);
  save_call->profile_id = g_strdup (arguments[1]);
  save_call->plain_values = create_plain_values ();
  save_call->secret_values = json_object_new ();
  g_task_set_task_data (task, save_call, NULL);

  if (!add_secret_values (save_call->secret_values, &error))
    {
      g_task_return_error (task, error);
      g_object_unref (task);
      return;
    }

  iwd_client_get_fields_async (client, arguments[0], cancellable, did_get_fields, task);
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

static JsonObject *
dup_plain_values (const IwdCliCredentials *credentials)
{
  JsonObject *values = json_object_new ();
  g_autoptr(GList) keys = json_object_get_members (credentials->values);

  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (!g_strv_contains ((const char * const *) credentials->secret_keys, l->data))
        json_object_set_member (values, l->data,
                                json_node_copy (json_object_get_member (credentials->values, l->data)));
    }

  return values;
}

/* Records what the window's profile editor records: the plain values
 * posted, the names of the secret fields and the methods, Commissions
 * when none was chosen. */
static IwdProfileRecord *
create_record (const SaveCall *call)
{
  IwdProfileRecord *record = iwd_profile_record_new (call->profile_id, call->company);
  const char * const commissions[] = { "Commissions", NULL };

  json_object_unref (record->values);
  record->values = dup_plain_values (&call->credentials);
  g_strfreev (record->secret_keys);
  record->secret_keys = g_strdupv (call->credentials.secret_keys);
  g_strfreev (record->methods);
  record->methods = g_strdupv (methods != NULL ? methods : (GStrv) commissions);

  return record;
}

static void
did_store_secret (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static gboolean
store_secret (IwdSecretStore      *store,
              const IwdAccountId  *account,
              const char          *key,
              GError             **error)
{
  const char *secret = json_object_get_string_member_with_default (save_call->credentials.values,
                                                                   key, "");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) cause = NULL;

  /* The run's main loop has returned, so the default context is
   * iterated here until the keyring replies. */
  iwd_secret_store_store_field_secret (store, account, save_call->profile_id, key, secret,
                                       NULL, did_store_secret, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  if (iwd_secret_store_store_field_secret_finish (store, result, &cause))
    return TRUE;

  /* Translators: the first %s is a profile id, the second a field's JSON
   * key, the third the cause */
  g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_SECRET_NOT_STORED,
               _("profile '%s' is saved on ImportWeb and on this computer, but the keyring "
                 "could not store its secret field '%s': %s"),
               save_call->profile_id, key, cause->message);
  return FALSE;
}

/* Stores each secret value that was given, under the same attributes as
 * the window, so that IWDesk finds it when the profile is edited. An
 * empty one needs no keyring. */
static gboolean
store_secrets (const IwdAccountId  *account,
               GError             **error)
{
  GStrv secret_keys = save_call->credentials.secret_keys;
  g_autoptr(IwdSecretStore) store = NULL;

  for (guint i = 0; secret_keys[i] != NULL; i++)
    {
      const char *secret = json_object_get_string_member_with_default (save_call->credentials.values,
                                                                       secret_keys[i], "");

      if (secret[0] == '\0')
        continue;

      if (store == NULL)
        store = iwd_secret_store_new (NULL);

      if (!store_secret (store, account, secret_keys[i], error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
record_save (const IwdAccountId  *account,
             const char * const  *arguments,
             GError             **error)
{
  g_autoptr(IwdAccountState) state = iwd_cli_load_account_state (account, error);
  g_autoptr(IwdProfileRecord) record = create_record (save_call);

  return state != NULL
         && iwd_account_state_set_profile (state, record, error)
         && iwd_account_state_save (state, error)
         && store_secrets (account, error);
}

static const GOptionEntry save_entries[] = {
  { "field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &fields,
    N_("A credential value, under the field's JSON key as 'iwdesk-cli fields COMPANY' "
       "lists it; repeat for each field. A check box takes 1 or 0"), N_("KEY=VALUE") },
  { "secret-field", 0, 0, G_OPTION_ARG_STRING_ARRAY, &secret_fields,
    N_("A secret field, such as a password, whose value is read from standard input, "
       "one line per --secret-field in their order, after the password line of "
       "--password-stdin, and stored in the keyring"), N_("KEY") },
  { "method", 0, 0, G_OPTION_ARG_STRING_ARRAY, &methods,
    N_("A robot method the profile is for: Commissions, Emissions, Impayes, Profil, "
       "Messages, Sinistres or MED; repeat for several (default: Commissions)"), N_("METHOD") },
  { "no-check", 0, 0, G_OPTION_ARG_NONE, &no_check,
    N_("Save without first checking the credentials with the company"), NULL },
  { NULL }
};

static const IwdCliRemoteCommand save_command = {
  "profile save", N_("COMPANY ID"),
  N_("Checks a company's credentials, then creates or replaces the robot "
     "profile ID (at most 15 characters) with them, as IWDesk's profile "
     "editor does: it posts every field that the chosen methods use, with "
     "the URL options of those that have a value, forces the chosen methods, "
     "records the plain values on this computer and stores the secret ones "
     "in the keyring."),
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
