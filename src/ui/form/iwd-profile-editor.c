/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-form-enums.h"
#include "iwd-form-resources.h"
#include "iwd-profile.h"
#include "iwd-profile-editor.h"
#include "iwd-form-draft.h"

/**
 * IwdProfileEditor:
 *
 * The page that creates or edits one robot profile. It fetches the
 * company's credential schema each time it opens, builds the form from
 * it, checks the values with IWRest and only then posts the profile to
 * the robot. It is a page widget, not a window, so the main window can
 * show it in its own navigation, or in a dialog where that fits better.
 */
struct _IwdProfileEditor
{
  GtkWidget              parent_instance;

  IwdClient             *client;          /* owned */
  IwdAccountState       *account_state;   /* owned */
  IwdSecretStore        *secrets;         /* owned */
  char                  *company;         /* owned */
  char                  *company_label;   /* owned */
  char                  *profile_id;      /* owned, nullable: set once the profile exists */
  char                  *portfolio_id;    /* owned, nullable */
  IwdErrorFormatter      formatter;       /* nullable */
  GCancellable          *cancellable;     /* owned: cancelled on dispose */

  IwdProfileEditorState  state;
  gboolean               busy;            /* a check, save or prefill is under way */
  gboolean               listing;         /* the account's profile ids are being listed */
  gboolean               prefilled;
  gboolean               save_after_check;
  char                  *checked_request; /* owned, nullable: the request under check */
  char                  *accepted_request; /* owned, nullable: the last one IWRest accepted */
  char                  *error_message;   /* owned, nullable: the schema error shown */
  GPtrArray             *taken_ids;       /* owned, of char *: ids on the server */
  JsonObject            *saved_values;    /* owned, nullable: the values being saved */
  GStrv                  pending_secrets; /* owned, nullable: secret keys left to store */
  guint                  next_secret;
  GStrv                  pending_methods; /* owned, nullable: robot methods left to force */
  guint                  next_method;
  char                  *draft_path;      /* owned: where this form's draft is kept */
  gboolean               draft_checked;   /* the draft was looked for once the form was ready */
  gboolean               saved;
  JsonObject            *opening_draft;   /* owned, nullable: the draft of the form as it opened */

  GtkStack              *stack;           /* template child */
  GtkLabel              *loading_label;   /* template child */
  AdwStatusPage         *error_status;    /* template child */
  GtkScrolledWindow     *scrolled_window; /* template child */
  GtkLabel              *title_label;     /* template child */
  GtkRevealer           *status_revealer; /* template child */
  GtkLabel              *status_label;    /* template child */
  GtkRevealer           *draft_revealer;  /* template child */
  IwdCredentialForm     *form;            /* template child */
  GtkSpinner            *busy_spinner;    /* template child */
};

G_DEFINE_FINAL_TYPE (IwdProfileEditor, iwd_profile_editor, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The stack's child names, indexed by IwdProfileEditorState. */
static const char * const state_pages[] = { "loading", "error", "form" };

static void load_schema (IwdProfileEditor *self);
static void post_profile (IwdProfileEditor *self);
static void store_next_secret (IwdProfileEditor *self);

static gboolean
is_cancelled (const GError *error)
{
  return g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static char *
dup_error_sentence (IwdProfileEditor *self,
                    const char       *headline,
                    const GError     *error)
{
  g_autofree char *detail = NULL;

  if (self->formatter != NULL)
    detail = self->formatter (error);

  /* Without a formatter the client's own English message is the best
   * detail there is, and support can read it. */
  if (detail == NULL)
    detail = g_strdup (error->message);

  /* Translators: the first %s is what failed, the second the reason */
  return g_strdup_printf (C_("error sentence", "%s %s"), headline, detail);
}

static void
update_actions (IwdProfileEditor *self)
{
  gboolean form_ready = self->state == IWD_PROFILE_EDITOR_STATE_FORM && !self->busy;
  GtkWidget *widget = GTK_WIDGET (self);
  gboolean can_save;

  gtk_widget_action_set_enabled (widget, "editor.retry", self->state == IWD_PROFILE_EDITOR_STATE_ERROR);
  gtk_widget_action_set_enabled (widget, "editor.check", form_ready);

  /* Saving under an id that the list has not yet shown to be taken could
   * replace another profile, so Save waits for the list. */
  can_save = form_ready && !self->listing && iwd_credential_form_is_valid (self->form);
  gtk_widget_action_set_enabled (widget, "editor.save", can_save);
  gtk_widget_action_set_enabled (widget, "editor.save-anyway", can_save);
}

static void
set_state (IwdProfileEditor      *self,
           IwdProfileEditorState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);

  if (self->state != state)
    {
      self->state = state;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
    }

  update_actions (self);
}

static void
set_busy_flags (IwdProfileEditor *self,
                gboolean          busy,
                gboolean          listing)
{
  gboolean was_busy = iwd_profile_editor_get_busy (self);

  self->busy = busy;
  self->listing = listing;
  gtk_spinner_set_spinning (self->busy_spinner, busy || listing);

  if (was_busy != iwd_profile_editor_get_busy (self))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);

  update_actions (self);
}

static void
set_busy (IwdProfileEditor *self,
          gboolean          busy)
{
  set_busy_flags (self, busy, self->listing);
}

static void
show_status (IwdProfileEditor *self,
             const char       *message,
             gboolean          is_error)
{
  gtk_label_set_text (self->status_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->status_revealer, message != NULL);

  /* The message sits above the form, and the broker clicked a button
   * below it, often with the credentials scrolled into view. */
  if (message != NULL)
    gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scrolled_window), 0);

  gtk_widget_remove_css_class (GTK_WIDGET (self->status_label), is_error ? "success" : "error");
  gtk_widget_add_css_class (GTK_WIDGET (self->status_label), is_error ? "error" : "success");
}

static void
show_status_error (IwdProfileEditor *self,
                   const char       *headline,
                   const GError     *error)
{
  g_autofree char *sentence = dup_error_sentence (self, headline, error);

  show_status (self, sentence, TRUE);
}

static void
show_schema_error (IwdProfileEditor *self,
                   const GError     *error)
{
  g_autofree char *title = NULL;

  g_free (self->error_message);
  self->error_message = dup_error_sentence (self, _("Everything you typed is kept."), error);

  /* Translators: %s is the insurance company's name, as ImportWeb lists it */
  title = g_strdup_printf (_("The form of %s could not be loaded"), self->company_label);
  adw_status_page_set_title (self->error_status, title);
  adw_status_page_set_description (self->error_status, self->error_message);
  set_state (self, IWD_PROFILE_EDITOR_STATE_ERROR);
}

/* The values and options posted, as one string, so that a Save can tell
 * whether IWRest has already accepted exactly what would be posted. */
static char *
dup_request_key (IwdProfileEditor *self)
{
  g_autoptr(JsonObject) values = iwd_credential_form_dup_values (self->form);
  g_auto(GStrv) options = iwd_credential_form_dup_options (self->form);
  g_autoptr(JsonNode) node = json_node_init_object (json_node_alloc (), values);
  g_autofree char *values_text = json_to_string (node, FALSE);
  g_autofree char *options_text = g_strjoinv (",", options);

  return g_strconcat (options_text, "\n", values_text, NULL);
}

static void
add_taken_ids (IwdProfileEditor *self,
               GPtrArray        *profiles)
{
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  g_auto(GStrv) local_ids = iwd_account_state_list_profiles (self->account_state);
  g_auto(GStrv) taken = NULL;

  for (guint i = 0; profiles != NULL && i < profiles->len; i++)
    g_ptr_array_add (self->taken_ids, g_strdup (iwd_profile_get_id (g_ptr_array_index (profiles, i))));

  g_strv_builder_addv (ids, (const char **) local_ids);
  for (guint i = 0; i < self->taken_ids->len; i++)
    g_strv_builder_add (ids, g_ptr_array_index (self->taken_ids, i));

  taken = g_strv_builder_end (ids);
  iwd_credential_form_set_taken_ids (self->form, (const char * const *) taken);
}

static IwdProfileRecord *
build_record (IwdProfileEditor *self,
              const char       *profile_id)
{
  IwdProfileRecord *record = iwd_profile_record_new (profile_id, self->company);

  g_strfreev (record->methods);
  record->methods = iwd_credential_form_dup_method_names (self->form);
  g_strfreev (record->secret_keys);
  record->secret_keys = iwd_credential_form_dup_secret_keys (self->form);

  json_object_unref (record->values);
  record->values = iwd_credential_form_dup_values (self->form);
  for (guint i = 0; record->secret_keys[i] != NULL; i++)
    json_object_remove_member (record->values, record->secret_keys[i]);

  return record;
}

/* A portfolio that the state does not know (made by another client) is
 * no reason to lose the profile's values, so the failure is only logged. */
static void
link_to_portfolio (IwdProfileEditor *self,
                   const char       *profile_id)
{
  g_autoptr(GError) error = NULL;

  if (self->portfolio_id == NULL)
    return;

  if (!iwd_account_state_link_profile (self->account_state, self->portfolio_id, profile_id, &error))
    g_message ("form: profile %s: cannot link it to portfolio %s in the account state: %s",
               profile_id, self->portfolio_id, error->message);
}

/* Writes what the Robot API cannot return: the non-secret values, the
 * methods, and the names of the secret fields. */
static gboolean
remember_profile (IwdProfileEditor  *self,
                  const char        *profile_id,
                  GError           **error)
{
  g_autoptr(IwdProfileRecord) record = build_record (self, profile_id);

  if (!iwd_account_state_set_profile (self->account_state, record, error))
    return FALSE;

  link_to_portfolio (self, profile_id);
  return iwd_account_state_save (self->account_state, error);
}

/* Collects what a draft keeps: the profile id, the methods and every
 * value except the secret fields, which never go to disk. */
static JsonObject *
dup_draft (IwdProfileEditor *self)
{
  JsonObject *draft = json_object_new ();
  JsonObject *values = iwd_credential_form_dup_all_values (self->form);
  GPtrArray *fields = iwd_credential_form_get_fields (self->form);
  g_auto(GStrv) methods = iwd_credential_form_dup_method_names (self->form);
  JsonArray *method_array = json_array_new ();

  for (guint i = 0; i < fields->len; i++)
    {
      IwdField *field = g_ptr_array_index (fields, i);

      if (iwd_field_is_secret (field))
        json_object_remove_member (values, iwd_field_get_json_key (field));
    }

  for (guint i = 0; methods[i] != NULL; i++)
    json_array_add_string_element (method_array, methods[i]);

  json_object_set_string_member (draft, "profile_id", iwd_credential_form_get_profile_id (self->form));
  json_object_set_array_member (draft, "methods", method_array);
  json_object_set_object_member (draft, "values", values);

  return draft;
}

static char *
dup_draft_text (JsonObject *draft)
{
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), draft);

  return json_to_string (root, FALSE);
}

static void
apply_draft (IwdProfileEditor *self,
             JsonObject       *draft)
{
  JsonArray *method_array = json_object_get_array_member (draft, "methods");
  g_autoptr(GStrvBuilder) methods = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  for (guint i = 0; i < json_array_get_length (method_array); i++)
    g_strv_builder_add (methods, json_array_get_string_element (method_array, i));
  names = g_strv_builder_end (methods);

  if (iwd_credential_form_get_profile_id_editable (self->form))
    iwd_credential_form_set_profile_id (self->form, json_object_get_string_member (draft, "profile_id"));

  iwd_credential_form_set_method_names (self->form, (const char * const *) names);
  iwd_credential_form_set_values (self->form, json_object_get_object_member (draft, "values"));
}

static gboolean
is_draft_valid (JsonObject *draft)
{
  return json_object_get_string_member_with_default (draft, "profile_id", NULL) != NULL &&
         JSON_NODE_HOLDS_ARRAY (json_object_get_member (draft, "methods")) &&
         JSON_NODE_HOLDS_OBJECT (json_object_get_member (draft, "values"));
}

/* Runs once the form has the schema and the saved values, so that a
 * draft replaces the saved values and Discard can bring them back. */
static void
restore_draft_once (IwdProfileEditor *self)
{
  g_autoptr(JsonObject) draft = NULL;
  g_autoptr(GError) error = NULL;

  if (self->draft_checked)
    return;

  self->draft_checked = TRUE;
  self->opening_draft = dup_draft (self);

  draft = iwd_form_draft_load (self->draft_path, &error);
  if (error != NULL)
    g_message ("form: %s: cannot read the draft %s: %s", self->company, self->draft_path, error->message);
  else if (draft != NULL && !is_draft_valid (draft))
    g_message ("form: %s: the draft %s is invalid, so the form opens without it", self->company, self->draft_path);

  if (draft == NULL || !is_draft_valid (draft))
    return;

  apply_draft (self, draft);
  gtk_revealer_set_reveal_child (self->draft_revealer, TRUE);
}

static void
delete_draft (IwdProfileEditor *self)
{
  g_autoptr(GError) error = NULL;

  if (!iwd_form_draft_delete (self->draft_path, &error))
    g_message ("form: %s: cannot delete the draft: %s", self->company, error->message);

  gtk_revealer_set_reveal_child (self->draft_revealer, FALSE);
}

/* Keeps what the broker typed when the editor closes without a save. A
 * form left as it opened needs no draft, so any older one is deleted.
 * TODO: the draft is written only when the editor is disposed, so a crash
 * of IWDesk loses what was typed since the form opened. */
static void
keep_draft (IwdProfileEditor *self)
{
  g_autoptr(JsonObject) draft = NULL;
  g_autofree char *text = NULL;
  g_autofree char *opening_text = NULL;
  g_autoptr(GError) error = NULL;

  if (self->saved || self->opening_draft == NULL)
    return;

  draft = dup_draft (self);
  text = dup_draft_text (draft);
  opening_text = dup_draft_text (self->opening_draft);
  if (g_strcmp0 (text, opening_text) == 0)
    {
      delete_draft (self);
      return;
    }

  if (!iwd_form_draft_save (self->draft_path, draft, &error))
    g_message ("form: %s: cannot keep the draft: %s", self->company, error->message);
}

/* Ends a save once the robot has the profile. @problem, if any, names
 * what IWDesk could not keep, and @error gives the reason. */
static void
finish_save (IwdProfileEditor *self,
             const char       *problem,
             const GError     *error)
{
  g_autofree char *message = NULL;
  g_autofree char *profile_id = g_strdup (iwd_credential_form_get_profile_id (self->form));

  g_clear_pointer (&self->saved_values, json_object_unref);
  g_clear_pointer (&self->pending_secrets, g_strfreev);

  g_free (self->profile_id);
  self->profile_id = g_strdup (profile_id);
  iwd_credential_form_set_profile_id_editable (self->form, FALSE);
  set_busy (self, FALSE);
  self->saved = TRUE;
  delete_draft (self);

  if (error == NULL)
    {
      /* Translators: %s is the profile id */
      message = g_strdup_printf (_("Profile “%s” saved."), profile_id);
      show_status (self, message, FALSE);
    }
  else
    {
      /* Translators: the first %s is the profile id, the second a sentence on what was not kept */
      message = g_strdup_printf (_("Profile “%s” is saved on ImportWeb, but %s"), profile_id, problem);
      show_status_error (self, message, error);
    }

  g_signal_emit (self, signals[SAVED], 0, profile_id);
}

static void
on_secret_stored (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;

  if (!iwd_secret_store_store_field_secret_finish (IWD_SECRET_STORE (source), result, &error) &&
      is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  if (error != NULL)
    {
      g_message ("form: profile %s: cannot store field %s in the keyring: %s",
                 iwd_credential_form_get_profile_id (self->form),
                 self->pending_secrets[self->next_secret], error->message);
      finish_save (self, _("the keyring could not keep its password. Type it again when you edit the profile."), error);
      return;
    }

  self->next_secret++;
  store_next_secret (self);
}

static void
store_next_secret (IwdProfileEditor *self)
{
  const char *key = self->pending_secrets[self->next_secret];
  const IwdAccountId *account = iwd_account_state_get_account (self->account_state);

  if (key == NULL)
    {
      finish_save (self, NULL, NULL);
      return;
    }

  iwd_secret_store_store_field_secret (self->secrets, account,
                                       iwd_credential_form_get_profile_id (self->form), key,
                                       json_object_get_string_member_with_default (self->saved_values, key, ""),
                                       self->cancellable, on_secret_stored, self);
}

static void
keep_profile (IwdProfileEditor *self)
{
  const char *profile_id = iwd_credential_form_get_profile_id (self->form);
  g_autoptr(GError) error = NULL;

  if (!remember_profile (self, profile_id, &error))
    {
      g_message ("form: profile %s: cannot save the account state: %s", profile_id, error->message);
      finish_save (self, _("IWDesk could not keep its settings. Type them again when you edit the profile."), error);
      return;
    }

  self->saved_values = iwd_credential_form_dup_values (self->form);
  self->pending_secrets = iwd_credential_form_dup_secret_keys (self->form);
  self->next_secret = 0;
  store_next_secret (self);
}

static void force_next_method (IwdProfileEditor *self);

static void
on_method_forced (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;

  if (!iwd_client_force_task_finish (IWD_CLIENT (source), result, &error) && is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);

  /* The profile itself is saved, so a method the robot refused is logged
   * and the save goes on: the profiles page can force it again. */
  if (error != NULL)
    g_message ("form: profile %s: cannot force robot method %s: %s",
               iwd_credential_form_get_profile_id (self->form),
               self->pending_methods[self->next_method], error->message);

  self->next_method++;
  force_next_method (self);
}

static void
force_next_method (IwdProfileEditor *self)
{
  const char *method = self->pending_methods[self->next_method];

  if (method == NULL)
    {
      g_clear_pointer (&self->pending_methods, g_strfreev);
      keep_profile (self);
      return;
    }

  /* The robot gives every new profile a Commissions task by itself. */
  if (g_strcmp0 (method, "Commissions") == 0)
    {
      self->next_method++;
      force_next_method (self);
      return;
    }

  iwd_client_force_task_async (self->client, iwd_credential_form_get_profile_id (self->form),
                               method, self->cancellable, on_method_forced, self);
}

/* Asks the robot for each chosen method, one call at a time, because the
 * API has no call that sets a profile's methods in one go. */
static void
force_chosen_methods (IwdProfileEditor *self)
{
  g_clear_pointer (&self->pending_methods, g_strfreev);
  self->pending_methods = iwd_credential_form_dup_method_names (self->form);
  self->next_method = 0;

  force_next_method (self);
}

static void
on_profile_posted (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  IwdClient *client = IWD_CLIENT (source);
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;
  gboolean posted;

  if (g_async_result_is_tagged (result, iwd_client_create_portfolio_profile_async))
    posted = iwd_client_create_portfolio_profile_finish (client, result, &error);
  else
    posted = iwd_client_save_profile_finish (client, result, &error);

  if (!posted && is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  if (!posted)
    {
      g_message ("form: %s: cannot post profile %s: %s",
                 self->company, iwd_credential_form_get_profile_id (self->form), error->message);
      set_busy (self, FALSE);
      show_status_error (self, _("The profile could not be saved. Everything you typed is kept."), error);
      return;
    }

  force_chosen_methods (self);
}

static void
post_profile (IwdProfileEditor *self)
{
  g_autoptr(JsonObject) values = iwd_credential_form_dup_values (self->form);
  g_auto(GStrv) options = iwd_credential_form_dup_options (self->form);
  const char *profile_id = iwd_credential_form_get_profile_id (self->form);

  set_busy (self, TRUE);

  if (self->portfolio_id != NULL)
    iwd_client_create_portfolio_profile_async (self->client, self->portfolio_id, self->company,
                                               profile_id, values, (const char * const *) options,
                                               self->cancellable, on_profile_posted, self);
  else
    iwd_client_save_profile_async (self->client, self->company, profile_id, values,
                                   (const char * const *) options,
                                   self->cancellable, on_profile_posted, self);
}

static void
accept_check (IwdProfileEditor *self)
{
  g_free (self->accepted_request);
  self->accepted_request = g_steal_pointer (&self->checked_request);
  iwd_credential_form_clear_messages (self->form);

  if (self->save_after_check)
    {
      post_profile (self);
      return;
    }

  set_busy (self, FALSE);
  show_status (self, _("ImportWeb accepted these credentials."), FALSE);
}

static void
on_save_anyway_response (AdwMessageDialog *dialog,
                         const char       *response,
                         IwdProfileEditor *self)
{
  if (g_strcmp0 (response, "save") != 0)
    return;

  g_message ("form: %s: profile %s saved without an accepted check, by the broker's choice",
             self->company, iwd_credential_form_get_profile_id (self->form));
  gtk_widget_activate_action (GTK_WIDGET (self), "editor.save-anyway", NULL);
}

/* Offers to post a profile whose check failed. The broker may know better
 * than the check, or the check may be unreachable, but the robot then
 * fails to log in until the profile is updated. */
static void
offer_save_anyway (IwdProfileEditor *self,
                   gboolean          refused)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  AdwMessageDialog *dialog;

  if (!self->save_after_check)
    return;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Save Without a Check?"), NULL));
  adw_message_dialog_set_body (dialog, refused
                               ? _("ImportWeb refused these credentials. Save the profile anyway? The robot will fail to log in until you update it.")
                               : _("ImportWeb could not check these credentials. Save the profile anyway? The robot will fail to log in if they are wrong."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "save", _("_Save Anyway"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  gtk_window_set_destroy_with_parent (GTK_WINDOW (dialog), TRUE);
  g_signal_connect_object (dialog, "response", G_CALLBACK (on_save_anyway_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_credentials_checked (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = NULL;

  reply = iwd_client_check_credentials_finish (IWD_CLIENT (source), result, &error);
  if (reply == NULL && is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  if (reply == NULL)
    {
      g_message ("form: %s: cannot check the credentials: %s", self->company, error->message);
      set_busy (self, FALSE);
      show_status_error (self, _("The credentials could not be checked. Everything you typed is kept."), error);
      offer_save_anyway (self, FALSE);
      return;
    }

  if (iwd_check_reply_get_is_ok (reply))
    {
      accept_check (self);
      return;
    }

  set_busy (self, FALSE);
  iwd_credential_form_show_check_reply (self->form, reply);
  show_status (self, _("The insurer refused these credentials. Correct what the messages below point out."), TRUE);
  offer_save_anyway (self, TRUE);
}

static void
check_credentials (IwdProfileEditor *self,
                   gboolean          save_after_check)
{
  g_autoptr(JsonObject) values = iwd_credential_form_dup_values (self->form);
  g_auto(GStrv) options = iwd_credential_form_dup_options (self->form);

  g_free (self->checked_request);
  self->checked_request = dup_request_key (self);
  self->save_after_check = save_after_check;

  set_busy (self, TRUE);
  show_status (self, NULL, FALSE);
  iwd_client_check_credentials_async (self->client, self->company, values,
                                      (const char * const *) options, self->cancellable,
                                      on_credentials_checked, self);
}

static void
on_prefilled (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;

  if (!iwd_credential_form_prefill_finish (IWD_CREDENTIAL_FORM (source), result, &error) &&
      is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  set_busy (self, FALSE);
  restore_draft_once (self);
  if (error != NULL)
    {
      g_message ("form: profile %s: cannot read its secrets from the keyring: %s",
                 self->profile_id, error->message);
      show_status_error (self, _("The saved password could not be read from the keyring. Type it again."), error);
    }
}

static void
prefill_once (IwdProfileEditor *self)
{
  const IwdProfileRecord *record;

  if (self->prefilled || self->profile_id == NULL)
    return;

  self->prefilled = TRUE;
  iwd_credential_form_set_profile_id (self->form, self->profile_id);
  iwd_credential_form_set_profile_id_editable (self->form, FALSE);

  record = iwd_account_state_get_profile (self->account_state, self->profile_id);
  if (record == NULL)
    {
      g_message ("form: profile %s: no saved values, the form starts empty", self->profile_id);
      return;
    }

  set_busy (self, TRUE);
  iwd_credential_form_prefill_async (self->form, record, self->secrets,
                                     iwd_account_state_get_account (self->account_state),
                                     self->cancellable, on_prefilled, self);
}

static void
on_fields_loaded (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = NULL;

  fields = iwd_client_get_fields_finish (IWD_CLIENT (source), result, &error);
  if (fields == NULL && is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  if (fields == NULL)
    {
      g_message ("form: %s: cannot load the credential schema: %s", self->company, error->message);
      show_schema_error (self, error);
      return;
    }

  g_debug ("form: %s: schema of %u fields", self->company, fields->len);
  iwd_credential_form_set_fields (self->form, fields);
  set_state (self, IWD_PROFILE_EDITOR_STATE_FORM);
  prefill_once (self);
  if (!self->busy)
    restore_draft_once (self);
}

static void
on_profiles_listed (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  IwdProfileEditor *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  profiles = iwd_client_list_profiles_finish (IWD_CLIENT (source), result, &error);
  if (profiles == NULL && is_cancelled (error))
    return;

  self = IWD_PROFILE_EDITOR (user_data);
  if (profiles == NULL)
    g_message ("form: cannot list the profiles, so only the saved ids are checked: %s", error->message);

  add_taken_ids (self, profiles);
  set_busy_flags (self, self->busy, FALSE);
}

static void
load_schema (IwdProfileEditor *self)
{
  set_state (self, IWD_PROFILE_EDITOR_STATE_LOADING);
  iwd_client_get_fields_async (self->client, self->company, self->cancellable,
                               on_fields_loaded, self);
}

static void
retry_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  iwd_profile_editor_reload (IWD_PROFILE_EDITOR (widget));
}

static void
check_activated (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (widget);

  show_status (self, NULL, FALSE);
  if (iwd_credential_form_validate (self->form))
    check_credentials (self, FALSE);
}

static void
save_activated (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (widget);
  g_autofree char *request = NULL;

  show_status (self, NULL, FALSE);
  if (!iwd_credential_form_validate (self->form))
    return;

  /* Nothing reaches the robot before IWRest has accepted it. */
  request = dup_request_key (self);
  if (g_strcmp0 (request, self->accepted_request) == 0)
    post_profile (self);
  else
    check_credentials (self, TRUE);
}

static void
save_anyway_activated (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (widget);

  show_status (self, NULL, FALSE);
  if (iwd_credential_form_validate (self->form))
    post_profile (self);
}

static void
discard_draft_activated (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (widget);

  if (self->opening_draft != NULL)
    apply_draft (self, self->opening_draft);

  delete_draft (self);
}

static void
iwd_profile_editor_dispose (GObject *object)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (object);

  /* Dispose may run twice, and the form is gone after the first time. */
  if (self->form != NULL)
    keep_draft (self);

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PROFILE_EDITOR);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (iwd_profile_editor_parent_class)->dispose (object);
}

static void
iwd_profile_editor_finalize (GObject *object)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (object);

  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->company_label, g_free);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->portfolio_id, g_free);
  g_clear_pointer (&self->checked_request, g_free);
  g_clear_pointer (&self->accepted_request, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->taken_ids, g_ptr_array_unref);
  g_clear_pointer (&self->saved_values, json_object_unref);
  g_clear_pointer (&self->pending_secrets, g_strfreev);
  g_clear_pointer (&self->pending_methods, g_strfreev);
  g_clear_pointer (&self->draft_path, g_free);
  g_clear_pointer (&self->opening_draft, json_object_unref);

  G_OBJECT_CLASS (iwd_profile_editor_parent_class)->finalize (object);
}

static void
iwd_profile_editor_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IwdProfileEditor *self = IWD_PROFILE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, iwd_profile_editor_get_busy (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_profile_editor_class_init (IwdProfileEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_profile_editor_dispose;
  object_class->finalize = iwd_profile_editor_finalize;
  object_class->get_property = iwd_profile_editor_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, IWD_TYPE_PROFILE_EDITOR_STATE,
                       IWD_PROFILE_EDITOR_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdProfileEditor::saved:
   * @self: the editor
   * @profile_id: the id of the profile
   *
   * Emitted once the robot has the profile and the account state records
   * it. The status line shows whether the keyring kept the secrets.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  g_type_ensure (IWD_TYPE_CREDENTIAL_FORM);
  /* Referencing the resource keeps its object file, whose constructor
   * registers it, in the link. */
  (void) iwd_form_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/form/iwd-profile-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, loading_label);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, title_label);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, scrolled_window);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, status_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, draft_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, form);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileEditor, busy_spinner);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);

  gtk_widget_class_install_action (widget_class, "editor.retry", NULL, retry_activated);
  gtk_widget_class_install_action (widget_class, "editor.check", NULL, check_activated);
  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_activated);
  gtk_widget_class_install_action (widget_class, "editor.save-anyway", NULL, save_anyway_activated);
  gtk_widget_class_install_action (widget_class, "editor.discard-draft", NULL, discard_draft_activated);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, "editor.save", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, "editor.save", NULL);
}

static void
iwd_profile_editor_init (IwdProfileEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
  self->taken_ids = g_ptr_array_new_with_free_func (g_free);
  g_signal_connect_swapped (self->form, "changed", G_CALLBACK (update_actions), self);
}

/**
 * iwd_profile_editor_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, loaded
 * @secrets: the keyring store
 * @company: the company's name, as the company list gives it
 * @company_label: (nullable): the company's label, shown as the title
 * @profile_id: (nullable): the id of the profile to edit, or %NULL for a
 *   new profile
 * @portfolio_id: (nullable): the portfolio that a new profile goes
 *   into, or %NULL
 *
 * Creates an editor and starts fetching the company's schema and the
 * account's profile ids. An existing profile is filled from @state and
 * the keyring once the schema has arrived.
 *
 * Returns: (transfer floating): a new #IwdProfileEditor
 */
GtkWidget *
iwd_profile_editor_new (IwdClient       *client,
                        IwdAccountState *state,
                        IwdSecretStore  *secrets,
                        const char      *company,
                        const char      *company_label,
                        const char      *profile_id,
                        const char      *portfolio_id)
{
  IwdProfileEditor *self;
  g_autofree char *loading = NULL;
  g_autofree char *account_dir = NULL;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (IWD_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (company != NULL, NULL);

  self = g_object_new (IWD_TYPE_PROFILE_EDITOR, NULL);
  self->client = g_object_ref (client);
  self->account_state = g_object_ref (state);
  self->secrets = g_object_ref (secrets);
  self->company = g_strdup (company);
  self->company_label = g_strdup (company_label != NULL ? company_label : company);
  self->profile_id = g_strdup (profile_id);
  self->portfolio_id = g_strdup (portfolio_id);
  account_dir = g_path_get_dirname (iwd_account_state_get_path (state));
  self->draft_path = iwd_form_draft_dup_path (account_dir, company, profile_id);

  /* Translators: %s is the insurance company's name, as ImportWeb lists it */
  loading = g_strdup_printf (_("Loading the form of %s…"), self->company_label);
  gtk_label_set_text (self->loading_label, loading);
  gtk_label_set_text (self->title_label, self->company_label);

  add_taken_ids (self, NULL);
  set_busy_flags (self, FALSE, TRUE);
  iwd_client_list_profiles_async (client, self->cancellable, on_profiles_listed, self);
  load_schema (self);

  return GTK_WIDGET (self);
}

/**
 * iwd_profile_editor_reload:
 * @self: a profile editor
 *
 * Fetches the company's schema again, as the Retry button does. The form
 * stays as it is until the new schema arrives, and every value typed so
 * far is carried over to the rebuilt form by `JSon` key.
 */
void
iwd_profile_editor_reload (IwdProfileEditor *self)
{
  g_return_if_fail (IWD_IS_PROFILE_EDITOR (self));

  if (self->state != IWD_PROFILE_EDITOR_STATE_LOADING)
    load_schema (self);
}

/**
 * iwd_profile_editor_set_error_formatter:
 * @self: a profile editor
 * @formatter: (nullable): makes the translated sentence for an error
 *
 * Sets how errors are explained. The sentences for client errors live
 * with the pages (iwd_error_dup_user_message()), which link this
 * library, so the page that shows the editor passes that function here.
 * Without a formatter, the error's own English message is shown after
 * the editor's translated sentence.
 */
void
iwd_profile_editor_set_error_formatter (IwdProfileEditor  *self,
                                        IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_PROFILE_EDITOR (self));

  self->formatter = formatter;
}

/**
 * iwd_profile_editor_get_state:
 * @self: a profile editor
 *
 * Returns: what the editor shows
 */
IwdProfileEditorState
iwd_profile_editor_get_state (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), IWD_PROFILE_EDITOR_STATE_LOADING);

  return self->state;
}

/**
 * iwd_profile_editor_get_busy:
 * @self: a profile editor
 *
 * Returns: whether a check, a save, a prefill or the listing of the
 *   account's profile ids is under way
 */
gboolean
iwd_profile_editor_get_busy (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), FALSE);

  return self->busy || self->listing;
}

/**
 * iwd_profile_editor_get_form:
 * @self: a profile editor
 *
 * Returns: (transfer none): the credential form
 */
IwdCredentialForm *
iwd_profile_editor_get_form (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), NULL);

  return self->form;
}

/**
 * iwd_profile_editor_get_status:
 * @self: a profile editor
 *
 * Returns: (nullable): the result of the last check or save, as shown
 *   above the form, or %NULL if none is shown
 */
const char *
iwd_profile_editor_get_status (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->status_revealer))
    return NULL;

  return gtk_label_get_text (self->status_label);
}

/**
 * iwd_profile_editor_get_error_message:
 * @self: a profile editor
 *
 * Returns: (nullable): the sentence shown when the schema could not be
 *   loaded, or %NULL
 */
const char *
iwd_profile_editor_get_error_message (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), NULL);

  return self->state == IWD_PROFILE_EDITOR_STATE_ERROR ? self->error_message : NULL;
}

/**
 * iwd_profile_editor_get_draft_restored:
 * @self: a profile editor
 *
 * Returns: whether the form shows a draft kept when an editor for the
 *   same company and profile was closed without saving
 */
gboolean
iwd_profile_editor_get_draft_restored (IwdProfileEditor *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_EDITOR (self), FALSE);

  return gtk_revealer_get_reveal_child (self->draft_revealer);
}
