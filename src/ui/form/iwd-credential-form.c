/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-credential-form.h"
#include "iwd-form-field.h"
#include "iwd-form-message.h"
#include "iwd-form-resources.h"
#include "iwd-profile-id.h"

/* A robot method the broker can choose for a profile. */
typedef struct {
  IwdRobotMethods  flag;
  const char      *api_name;  /* as the Robot API names the method */
  const char      *title;     /* translatable */
  const char      *subtitle;  /* translatable */
} MethodInfo;

static const MethodInfo method_infos[] = {
  { IWD_ROBOT_METHODS_COMMISSIONS, "Commissions",
    /* Translators: a robot method, the download of commission statements */
    N_("Commissions"), N_("Commission statements") },
  { IWD_ROBOT_METHODS_EMISSIONS, "Emissions",
    N_("New business"), N_("Policies newly written") },
  { IWD_ROBOT_METHODS_IMPAYES, "Impayes",
    N_("Unpaid premiums"), N_("Premiums that the insured did not pay") },
  { IWD_ROBOT_METHODS_MESSAGES, "Messages",
    /* Translators: a robot method, the download of the insurer's messages */
    N_("Messages"), N_("Messages from the insurer's extranet") },
  { IWD_ROBOT_METHODS_SINISTRES, "Sinistres",
    N_("Claims"), N_("Claims declared by the insured") },
};

#define N_METHODS G_N_ELEMENTS (method_infos)

struct _IwdCredentialForm
{
  GtkWidget            parent_instance;

  GPtrArray           *fields;            /* owned, of IwdField */
  GPtrArray           *form_fields;       /* owned, of IwdFormField, in schema order */
  JsonObject          *carried;           /* owned: every value seen, by JSon key */
  GStrv                taken_ids;         /* owned, nullable */
  GtkSwitch           *method_switches[N_METHODS]; /* unowned, in methods_group */
  GtkWidget           *methods_message_row;        /* unowned, in methods_group */
  GtkWidget           *profile_id_message_row;     /* unowned, in profile_group */
  gboolean             profile_id_editable;

  GtkWidget           *box;               /* template child */
  GtkRevealer         *general_revealer;  /* template child */
  GtkLabel            *general_label;     /* template child */
  AdwPreferencesGroup *profile_group;     /* template child */
  AdwEntryRow         *profile_id_row;    /* template child */
  AdwPreferencesGroup *methods_group;     /* template child */
  AdwPreferencesGroup *fields_group;      /* template child */
};

G_DEFINE_FINAL_TYPE (IwdCredentialForm, iwd_credential_form, GTK_TYPE_WIDGET)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* What a prefill still has to look up in the keyring. */
typedef struct {
  IwdSecretStore *store;       /* owned */
  IwdAccountId   *account;     /* owned */
  char           *profile_id;  /* owned */
  GStrv           secret_keys; /* owned */
  guint           next;
} PrefillData;

static void
prefill_data_free (PrefillData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->account, iwd_account_id_free);
  g_clear_pointer (&data->profile_id, g_free);
  g_clear_pointer (&data->secret_keys, g_strfreev);
  g_free (data);
}

static IwdFormField *
find_form_field (IwdCredentialForm *self,
                 const char        *json_key)
{
  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      if (g_strcmp0 (iwd_form_field_get_json_key (form_field), json_key) == 0)
        return form_field;
    }

  return NULL;
}

static void
update_shown_fields (IwdCredentialForm *self)
{
  IwdRobotMethods chosen = iwd_credential_form_get_methods (self);

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      iwd_form_field_set_shown (form_field,
                                iwd_field_applies_to (iwd_form_field_get_field (form_field), chosen));
    }
}

static void
remember_values (IwdCredentialForm *self,
                 JsonObject        *values)
{
  g_autoptr(GList) keys = json_object_get_members (values);

  for (GList *l = keys; l != NULL; l = l->next)
    json_object_set_member (self->carried, l->data,
                            json_node_copy (json_object_get_member (values, l->data)));
}

static void
remove_form_fields (IwdCredentialForm *self)
{
  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      g_signal_handlers_disconnect_by_data (form_field, self);
      adw_preferences_group_remove (self->fields_group, iwd_form_field_get_row (form_field));
      adw_preferences_group_remove (self->fields_group, iwd_form_field_get_message_row (form_field));
    }

  g_ptr_array_set_size (self->form_fields, 0);
}

static void
emit_changed (IwdCredentialForm *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
add_form_field (IwdCredentialForm *self,
                IwdField          *field)
{
  g_autoptr(IwdFormField) form_field = iwd_form_field_new (field);
  JsonNode *carried = json_object_get_member (self->carried, iwd_field_get_json_key (field));

  if (carried != NULL)
    iwd_form_field_set_value (form_field, carried);

  adw_preferences_group_add (self->fields_group, iwd_form_field_get_row (form_field));
  adw_preferences_group_add (self->fields_group, iwd_form_field_get_message_row (form_field));
  g_signal_connect_swapped (form_field, "changed", G_CALLBACK (emit_changed), self);

  g_ptr_array_add (self->form_fields, g_steal_pointer (&form_field));
}

static void
add_method_row (IwdCredentialForm *self,
                guint              index)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *check = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _(method_infos[index].title));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _(method_infos[index].subtitle));
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), check);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), check);
  adw_preferences_group_add (self->methods_group, row);

  self->method_switches[index] = GTK_SWITCH (check);
}

static gboolean
any_method_chosen (IwdCredentialForm *self)
{
  return iwd_credential_form_get_methods (self) != IWD_ROBOT_METHODS_NONE;
}

static char *
dup_profile_id_problem (IwdCredentialForm *self)
{
  /* An existing profile keeps its id, which is taken by itself. */
  if (!self->profile_id_editable)
    return NULL;

  return iwd_profile_id_dup_problem (iwd_credential_form_get_profile_id (self),
                                     (const char * const *) self->taken_ids);
}

static char *
dup_methods_problem (IwdCredentialForm *self)
{
  if (any_method_chosen (self))
    return NULL;

  return g_strdup (_("Choose at least one robot method, such as Commissions."));
}

static void
focus_first (GtkWidget **first_problem,
             GtkWidget  *row)
{
  if (*first_problem == NULL)
    *first_problem = row;
}

/* Shows each problem under its row and returns the first problem's row,
 * or %NULL if there is none. */
static GtkWidget *
show_problems (IwdCredentialForm *self)
{
  g_autofree char *id_problem = dup_profile_id_problem (self);
  g_autofree char *methods_problem = dup_methods_problem (self);
  GtkWidget *first_problem = NULL;

  iwd_form_message_show (GTK_WIDGET (self->profile_id_row), self->profile_id_message_row, id_problem);
  if (id_problem != NULL)
    focus_first (&first_problem, GTK_WIDGET (self->profile_id_row));

  iwd_form_message_show (GTK_WIDGET (self->methods_group), self->methods_message_row, methods_problem);
  if (methods_problem != NULL)
    focus_first (&first_problem, GTK_WIDGET (self->method_switches[0]));

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);
      g_autofree char *problem = NULL;

      if (!iwd_form_field_get_shown (form_field))
        continue;

      problem = iwd_form_field_dup_problem (form_field);
      iwd_form_field_set_message (form_field, problem);
      if (problem != NULL)
        focus_first (&first_problem, iwd_form_field_get_row (form_field));
    }

  return first_problem;
}

static void
append_line (GString    *text,
             const char *line)
{
  if (text->len > 0)
    g_string_append_c (text, '\n');
  g_string_append (text, line);
}

/* Adds @message under the field it names, after any message there. */
static gboolean
show_field_message (IwdCredentialForm     *self,
                    const IwdCheckMessage *message)
{
  IwdFormField *form_field = find_form_field (self, message->key);
  g_autoptr(GString) text = NULL;

  if (form_field == NULL || !iwd_form_field_get_shown (form_field))
    return FALSE;

  text = g_string_new (iwd_form_field_get_message (form_field));
  append_line (text, message->message);
  iwd_form_field_set_message (form_field, text->str);

  return TRUE;
}

static void
on_profile_id_changed (IwdCredentialForm *self)
{
  iwd_form_message_show (GTK_WIDGET (self->profile_id_row), self->profile_id_message_row, NULL);
  emit_changed (self);
}

static void
on_method_toggled (IwdCredentialForm *self)
{
  if (any_method_chosen (self))
    iwd_form_message_show (GTK_WIDGET (self->methods_group), self->methods_message_row, NULL);

  update_shown_fields (self);
  emit_changed (self);
}

static void
on_secret_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data);

static void
lookup_next_secret (GTask *task)
{
  PrefillData *data = g_task_get_task_data (task);
  const char *key = data->secret_keys[data->next];

  if (key == NULL)
    {
      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
      return;
    }

  iwd_secret_store_lookup_field_secret (data->store, data->account, data->profile_id, key,
                                        g_task_get_cancellable (task), on_secret_found, task);
}

static void
on_secret_found (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  GTask *task = user_data;
  IwdCredentialForm *self = g_task_get_source_object (task);
  PrefillData *data = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) found = json_object_new ();
  g_autofree char *secret = NULL;

  secret = iwd_secret_store_lookup_field_secret_finish (IWD_SECRET_STORE (source), result, &error);
  if (error != NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  if (secret != NULL)
    {
      json_object_set_string_member (found, data->secret_keys[data->next], secret);
      iwd_credential_form_set_values (self, found);
    }

  data->next++;
  lookup_next_secret (task);
}

static void
iwd_credential_form_dispose (GObject *object)
{
  IwdCredentialForm *self = IWD_CREDENTIAL_FORM (object);

  remove_form_fields (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_CREDENTIAL_FORM);

  G_OBJECT_CLASS (iwd_credential_form_parent_class)->dispose (object);
}

static void
iwd_credential_form_finalize (GObject *object)
{
  IwdCredentialForm *self = IWD_CREDENTIAL_FORM (object);

  g_clear_pointer (&self->fields, g_ptr_array_unref);
  g_clear_pointer (&self->form_fields, g_ptr_array_unref);
  g_clear_pointer (&self->carried, json_object_unref);
  g_clear_pointer (&self->taken_ids, g_strfreev);

  G_OBJECT_CLASS (iwd_credential_form_parent_class)->finalize (object);
}

static void
iwd_credential_form_class_init (IwdCredentialFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_credential_form_dispose;
  object_class->finalize = iwd_credential_form_finalize;

  /**
   * IwdCredentialForm::changed:
   *
   * Emitted when the broker changes a value, the profile id or the
   * chosen methods.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /* Referencing the resource keeps its object file, whose constructor
   * registers it, in the link. */
  (void) iwd_form_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/form/iwd-credential-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, box);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, general_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, general_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, profile_group);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, profile_id_row);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, methods_group);
  gtk_widget_class_bind_template_child (widget_class, IwdCredentialForm, fields_group);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_credential_form_init (IwdCredentialForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->form_fields = g_ptr_array_new_with_free_func (g_object_unref);
  self->carried = json_object_new ();
  self->profile_id_editable = TRUE;

  self->profile_id_message_row = iwd_form_message_row_new ();
  adw_preferences_group_add (self->profile_group, self->profile_id_message_row);
  g_signal_connect_swapped (self->profile_id_row, "changed", G_CALLBACK (on_profile_id_changed), self);

  for (guint i = 0; i < N_METHODS; i++)
    add_method_row (self, i);
  self->methods_message_row = iwd_form_message_row_new ();
  adw_preferences_group_add (self->methods_group, self->methods_message_row);

  iwd_credential_form_set_methods (self, IWD_ROBOT_METHODS_COMMISSIONS);
  for (guint i = 0; i < N_METHODS; i++)
    g_signal_connect_swapped (self->method_switches[i], "notify::active", G_CALLBACK (on_method_toggled), self);
}

/**
 * iwd_credential_form_new:
 *
 * Creates an empty credential form, with Commissions chosen.
 *
 * Returns: (transfer floating): a new #IwdCredentialForm
 */
GtkWidget *
iwd_credential_form_new (void)
{
  return g_object_new (IWD_TYPE_CREDENTIAL_FORM, NULL);
}

/**
 * iwd_credential_form_set_fields:
 * @self: a credential form
 * @fields: (element-type IwdField): a company's credential schema
 *
 * Rebuilds the credential rows from @fields. Every value typed so far,
 * or set before, is carried over by `JSon` key, so a schema fetched again
 * loses nothing the broker typed.
 */
void
iwd_credential_form_set_fields (IwdCredentialForm *self,
                                GPtrArray         *fields)
{
  g_autoptr(JsonObject) typed = NULL;

  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));
  g_return_if_fail (fields != NULL);

  typed = iwd_credential_form_dup_all_values (self);
  remember_values (self, typed);
  remove_form_fields (self);

  g_ptr_array_set_size (self->fields, 0);
  for (guint i = 0; i < fields->len; i++)
    {
      g_ptr_array_add (self->fields, g_object_ref (g_ptr_array_index (fields, i)));
      add_form_field (self, g_ptr_array_index (fields, i));
    }

  update_shown_fields (self);
  emit_changed (self);
}

/**
 * iwd_credential_form_get_fields:
 * @self: a credential form
 *
 * Returns: (transfer none) (element-type IwdField): the schema the form
 *   is built from
 */
GPtrArray *
iwd_credential_form_get_fields (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  return self->fields;
}

/**
 * iwd_credential_form_get_row:
 * @self: a credential form
 * @json_key: a field's `JSon` key
 *
 * Returns: (transfer none) (nullable): the input row of the field, or
 *   %NULL if no field has that key
 */
GtkWidget *
iwd_credential_form_get_row (IwdCredentialForm *self,
                             const char        *json_key)
{
  IwdFormField *form_field;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  form_field = find_form_field (self, json_key);
  return form_field != NULL ? iwd_form_field_get_row (form_field) : NULL;
}

/**
 * iwd_credential_form_get_message:
 * @self: a credential form
 * @json_key: a field's `JSon` key
 *
 * Returns: (nullable): the message shown under the field, or %NULL
 */
const char *
iwd_credential_form_get_message (IwdCredentialForm *self,
                                 const char        *json_key)
{
  IwdFormField *form_field;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  form_field = find_form_field (self, json_key);
  return form_field != NULL ? iwd_form_field_get_message (form_field) : NULL;
}

/**
 * iwd_credential_form_dup_general_message:
 * @self: a credential form
 *
 * Returns: (transfer full) (nullable): the messages shown above the
 *   form, one a line, or %NULL if none is shown
 */
char *
iwd_credential_form_dup_general_message (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->general_revealer))
    return NULL;

  return g_strdup (gtk_label_get_text (self->general_label));
}

/**
 * iwd_credential_form_set_methods:
 * @self: a credential form
 * @methods: the robot methods the profile is for
 *
 * Chooses the methods, and shows only the fields that apply to them.
 * %IWD_ROBOT_METHODS_ALL is not a method to choose and is ignored.
 */
void
iwd_credential_form_set_methods (IwdCredentialForm *self,
                                 IwdRobotMethods    methods)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  for (guint i = 0; i < N_METHODS; i++)
    gtk_switch_set_active (self->method_switches[i], (methods & method_infos[i].flag) != 0);

  update_shown_fields (self);
}

/**
 * iwd_credential_form_get_methods:
 * @self: a credential form
 *
 * Returns: the chosen robot methods
 */
IwdRobotMethods
iwd_credential_form_get_methods (IwdCredentialForm *self)
{
  IwdRobotMethods methods = IWD_ROBOT_METHODS_NONE;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), IWD_ROBOT_METHODS_NONE);

  for (guint i = 0; i < N_METHODS; i++)
    {
      if (self->method_switches[i] != NULL && gtk_switch_get_active (self->method_switches[i]))
        methods |= method_infos[i].flag;
    }

  return methods;
}

/**
 * iwd_credential_form_dup_method_names:
 * @self: a credential form
 *
 * Lists the chosen methods as the Robot API names them: "Commissions",
 * "Emissions", "Impayes", "Messages" and "Sinistres".
 *
 * Returns: (transfer full): the names, in that order
 */
GStrv
iwd_credential_form_dup_method_names (IwdCredentialForm *self)
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  IwdRobotMethods chosen;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  chosen = iwd_credential_form_get_methods (self);
  for (guint i = 0; i < N_METHODS; i++)
    {
      if (chosen & method_infos[i].flag)
        g_strv_builder_add (names, method_infos[i].api_name);
    }

  return g_strv_builder_end (names);
}

/**
 * iwd_credential_form_set_method_names:
 * @self: a credential form
 * @names: (array zero-terminated=1): methods as the Robot API names
 *   them, as iwd_credential_form_dup_method_names() returns them
 *
 * Chooses the methods named in @names. Unknown names are ignored, and no
 * known name keeps Commissions, which every new profile gets.
 */
void
iwd_credential_form_set_method_names (IwdCredentialForm  *self,
                                      const char * const *names)
{
  IwdRobotMethods methods = IWD_ROBOT_METHODS_NONE;

  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  for (guint i = 0; i < N_METHODS; i++)
    {
      if (names != NULL && g_strv_contains (names, method_infos[i].api_name))
        methods |= method_infos[i].flag;
    }

  iwd_credential_form_set_methods (self, methods != IWD_ROBOT_METHODS_NONE
                                         ? methods : IWD_ROBOT_METHODS_COMMISSIONS);
}

/**
 * iwd_credential_form_set_profile_id:
 * @self: a credential form
 * @profile_id: (nullable): the profile id
 *
 * Puts @profile_id in the profile id row.
 */
void
iwd_credential_form_set_profile_id (IwdCredentialForm *self,
                                    const char        *profile_id)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->profile_id_row), profile_id != NULL ? profile_id : "");
}

/**
 * iwd_credential_form_get_profile_id:
 * @self: a credential form
 *
 * Returns: (transfer none): the profile id as typed
 */
const char *
iwd_credential_form_get_profile_id (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->profile_id_row));
}

/**
 * iwd_credential_form_set_profile_id_editable:
 * @self: a credential form
 * @editable: %FALSE when editing an existing profile
 *
 * Makes the profile id read-only, because the Robot API keys a profile
 * by its id: a new id would create another profile.
 */
void
iwd_credential_form_set_profile_id_editable (IwdCredentialForm *self,
                                             gboolean           editable)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  self->profile_id_editable = editable;
  gtk_editable_set_editable (GTK_EDITABLE (self->profile_id_row), editable);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->profile_id_row),
                                 editable ? _("Profile id *") : _("Profile id"));
}

/**
 * iwd_credential_form_get_profile_id_editable:
 * @self: a credential form
 *
 * Returns: %FALSE if the profile id is read-only
 */
gboolean
iwd_credential_form_get_profile_id_editable (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), FALSE);

  return self->profile_id_editable;
}

/**
 * iwd_credential_form_set_taken_ids:
 * @self: a credential form
 * @taken_ids: (array zero-terminated=1) (nullable): the ids of the
 *   account's existing profiles
 *
 * Sets the ids that a new profile cannot take.
 */
void
iwd_credential_form_set_taken_ids (IwdCredentialForm  *self,
                                   const char * const *taken_ids)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  g_strfreev (self->taken_ids);
  self->taken_ids = g_strdupv ((char **) taken_ids);
}

/**
 * iwd_credential_form_get_profile_id_message:
 * @self: a credential form
 *
 * Returns: (nullable): the message shown under the profile id, or %NULL
 */
const char *
iwd_credential_form_get_profile_id_message (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  return iwd_form_message_get (self->profile_id_message_row);
}

/**
 * iwd_credential_form_get_methods_message:
 * @self: a credential form
 *
 * Returns: (nullable): the message shown under the methods, or %NULL
 */
const char *
iwd_credential_form_get_methods_message (IwdCredentialForm *self)
{
  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  return iwd_form_message_get (self->methods_message_row);
}

/**
 * iwd_credential_form_is_valid:
 * @self: a credential form
 *
 * Checks what iwd_credential_form_validate() checks, showing nothing.
 *
 * Returns: %TRUE if the values can be sent
 */
gboolean
iwd_credential_form_is_valid (IwdCredentialForm *self)
{
  g_autofree char *id_problem = NULL;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), FALSE);

  id_problem = dup_profile_id_problem (self);
  if (id_problem != NULL || !any_method_chosen (self))
    return FALSE;

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);
      g_autofree char *problem = NULL;

      if (!iwd_form_field_get_shown (form_field))
        continue;

      problem = iwd_form_field_dup_problem (form_field);
      if (problem != NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_credential_form_validate:
 * @self: a credential form
 *
 * Checks the values before anything is sent: the profile id (see
 * iwd_profile_id_dup_problem()), at least one method, and each shown
 * field required and no longer than its `Taille`. Each problem is shown
 * under its row, and the first such row takes the focus. Nothing typed
 * is changed.
 *
 * Returns: %TRUE if the values can be sent
 */
gboolean
iwd_credential_form_validate (IwdCredentialForm *self)
{
  GtkWidget *first_problem;

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), FALSE);

  iwd_credential_form_clear_messages (self);
  first_problem = show_problems (self);
  if (first_problem == NULL)
    return TRUE;

  gtk_widget_grab_focus (first_problem);
  return FALSE;
}

/**
 * iwd_credential_form_clear_messages:
 * @self: a credential form
 *
 * Removes every message, above the form and under its rows.
 */
void
iwd_credential_form_clear_messages (IwdCredentialForm *self)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  iwd_credential_form_show_general_message (self, NULL);
  iwd_form_message_show (GTK_WIDGET (self->profile_id_row), self->profile_id_message_row, NULL);
  iwd_form_message_show (GTK_WIDGET (self->methods_group), self->methods_message_row, NULL);

  for (guint i = 0; i < self->form_fields->len; i++)
    iwd_form_field_set_message (g_ptr_array_index (self->form_fields, i), NULL);
}

/**
 * iwd_credential_form_show_check_reply:
 * @self: a credential form
 * @reply: the reply of a credential check
 *
 * Shows each message of @reply under the shown field whose `JSon` key
 * it names. `General` messages, and messages whose key names no shown
 * field (prefixed with that key), go above the form. Messages are shown
 * as the server wrote them.
 */
void
iwd_credential_form_show_check_reply (IwdCredentialForm *self,
                                      IwdCheckReply     *reply)
{
  g_autoptr(GString) general = g_string_new (NULL);
  GPtrArray *messages;

  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));
  g_return_if_fail (IWD_IS_CHECK_REPLY (reply));

  iwd_credential_form_clear_messages (self);
  if (iwd_check_reply_get_is_ok (reply))
    return;

  messages = iwd_check_reply_get_messages (reply);
  for (guint i = 0; i < messages->len; i++)
    {
      const IwdCheckMessage *message = g_ptr_array_index (messages, i);
      g_autofree char *line = NULL;

      if (g_strcmp0 (message->key, IWD_CHECK_GENERAL_KEY) == 0)
        append_line (general, message->message);
      else if (!show_field_message (self, message))
        {
          line = g_strdup_printf ("%s: %s", message->key, message->message);
          append_line (general, line);
        }
    }

  iwd_credential_form_show_general_message (self, general->len > 0 ? general->str : NULL);
}

/**
 * iwd_credential_form_show_general_message:
 * @self: a credential form
 * @message: (nullable): a message about the whole form, or %NULL to hide
 *   the message area
 *
 * Shows @message above the form.
 */
void
iwd_credential_form_show_general_message (IwdCredentialForm *self,
                                          const char        *message)
{
  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));

  gtk_label_set_text (self->general_label, message != NULL ? message : "");
  gtk_revealer_set_reveal_child (self->general_revealer, message != NULL);
}

/**
 * iwd_credential_form_dup_values:
 * @self: a credential form
 *
 * Collects the values of the fields that apply to the chosen methods,
 * keyed by `JSon` key, as the credential check and the profile are
 * posted: text and combo values as strings, check boxes as JSON
 * booleans.
 *
 * Returns: (transfer full): the values
 */
JsonObject *
iwd_credential_form_dup_values (IwdCredentialForm *self)
{
  JsonObject *values = json_object_new ();

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), values);

  /* NOTE: the API document gives no example of a check box value. JSON
   * booleans are the natural reading; the older client's is unknown. */
  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      if (iwd_form_field_get_shown (form_field))
        json_object_set_member (values, iwd_form_field_get_json_key (form_field),
                                iwd_form_field_dup_value (form_field));
    }

  return values;
}

/**
 * iwd_credential_form_dup_all_values:
 * @self: a credential form
 *
 * Collects the values of every field, shown or hidden, as
 * iwd_credential_form_dup_values() writes them.
 *
 * Returns: (transfer full): the values
 */
JsonObject *
iwd_credential_form_dup_all_values (IwdCredentialForm *self)
{
  JsonObject *values = json_object_new ();

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), values);

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      json_object_set_member (values, iwd_form_field_get_json_key (form_field),
                              iwd_form_field_dup_value (form_field));
    }

  return values;
}

/**
 * iwd_credential_form_dup_options:
 * @self: a credential form
 *
 * Lists the `Option` of each field that applies to the chosen methods
 * and has a value: a check box switched on, another field not empty.
 * Each option appears once.
 *
 * Returns: (transfer full): the options, possibly none
 */
GStrv
iwd_credential_form_dup_options (IwdCredentialForm *self)
{
  g_autoptr(GStrvBuilder) options = g_strv_builder_new ();
  g_autoptr(GPtrArray) added = g_ptr_array_new ();

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);
      const char *option = iwd_field_get_option (iwd_form_field_get_field (form_field));

      if (option == NULL || *option == '\0' || !iwd_form_field_get_shown (form_field) ||
          !iwd_form_field_has_value (form_field) ||
          g_ptr_array_find_with_equal_func (added, option, g_str_equal, NULL))
        continue;

      g_ptr_array_add (added, (gpointer) option);
      g_strv_builder_add (options, option);
    }

  return g_strv_builder_end (options);
}

/**
 * iwd_credential_form_dup_secret_keys:
 * @self: a credential form
 *
 * Lists the `JSon` keys of the fields that apply to the chosen methods
 * and are secret (iwd_field_is_secret()), whose values go to the keyring
 * only.
 *
 * Returns: (transfer full): the keys
 */
GStrv
iwd_credential_form_dup_secret_keys (IwdCredentialForm *self)
{
  g_autoptr(GStrvBuilder) keys = g_strv_builder_new ();

  g_return_val_if_fail (IWD_IS_CREDENTIAL_FORM (self), NULL);

  for (guint i = 0; i < self->form_fields->len; i++)
    {
      IwdFormField *form_field = g_ptr_array_index (self->form_fields, i);

      if (iwd_form_field_get_shown (form_field) &&
          iwd_field_is_secret (iwd_form_field_get_field (form_field)))
        g_strv_builder_add (keys, iwd_form_field_get_json_key (form_field));
    }

  return g_strv_builder_end (keys);
}

/**
 * iwd_credential_form_set_values:
 * @self: a credential form
 * @values: values keyed by `JSon` key
 *
 * Puts each value in the field of its key. Values of keys that the
 * current schema lacks are kept for a later schema.
 */
void
iwd_credential_form_set_values (IwdCredentialForm *self,
                                JsonObject        *values)
{
  g_autoptr(GList) keys = NULL;

  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));
  g_return_if_fail (values != NULL);

  remember_values (self, values);

  keys = json_object_get_members (values);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      IwdFormField *form_field = find_form_field (self, l->data);

      if (form_field != NULL)
        iwd_form_field_set_value (form_field, json_object_get_member (values, l->data));
    }
}

/**
 * iwd_credential_form_prefill_async:
 * @self: a credential form
 * @record: what IWDesk posted for an existing profile
 * @store: the keyring store
 * @account: the HappyAssur account that owns the profile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the secrets are looked up
 * @user_data: data for @callback
 *
 * Fills the form for editing an existing profile: the id, now
 * read-only, the methods and non-secret values of @record at once, then
 * each secret value of @record looked up in the keyring. A secret the
 * keyring lacks leaves its field empty.
 */
void
iwd_credential_form_prefill_async (IwdCredentialForm      *self,
                                   const IwdProfileRecord *record,
                                   IwdSecretStore         *store,
                                   const IwdAccountId     *account,
                                   GCancellable           *cancellable,
                                   GAsyncReadyCallback     callback,
                                   gpointer                user_data)
{
  GTask *task;
  PrefillData *data;

  g_return_if_fail (IWD_IS_CREDENTIAL_FORM (self));
  g_return_if_fail (record != NULL);
  g_return_if_fail (IWD_IS_SECRET_STORE (store));
  g_return_if_fail (account != NULL);

  iwd_credential_form_set_profile_id (self, record->id);
  iwd_credential_form_set_profile_id_editable (self, FALSE);
  iwd_credential_form_set_method_names (self, (const char * const *) record->methods);
  iwd_credential_form_set_values (self, record->values);

  data = g_new0 (PrefillData, 1);
  data->store = g_object_ref (store);
  data->account = iwd_account_id_copy (account);
  data->profile_id = g_strdup (record->id);
  data->secret_keys = g_strdupv (record->secret_keys);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_credential_form_prefill_async);
  g_task_set_task_data (task, data, (GDestroyNotify) prefill_data_free);
  lookup_next_secret (task);
}

/**
 * iwd_credential_form_prefill_finish:
 * @self: a credential form
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes iwd_credential_form_prefill_async(). On an error the fields
 * whose secrets were not found stay as they were.
 *
 * Returns: %TRUE if every secret was looked up
 */
gboolean
iwd_credential_form_prefill_finish (IwdCredentialForm  *self,
                                    GAsyncResult       *result,
                                    GError            **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
