/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-form-field.h"
#include "iwd-form-message.h"

/**
 * IwdFormField:
 *
 * The rows in which the broker fills in one field of a credential
 * schema: the input row of the field's kind and the message row under it.
 */
struct _IwdFormField
{
  GObject     parent_instance;

  IwdField   *field;          /* owned */
  GtkWidget  *row;            /* owned reference */
  GtkWidget  *message_row;    /* owned reference */
  GtkSwitch  *check;          /* unowned: the suffix of row, for a CheckBox */
  GPtrArray  *choice_values;  /* owned, of char *: the value of each combo item */
  gboolean    shown;
  gboolean    setting_value; /* TRUE while iwd_form_field_set_value() runs */
};

G_DEFINE_FINAL_TYPE (IwdFormField, iwd_form_field, G_TYPE_OBJECT)

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The title is the insurer's own label, never translated. A schema
 * without a Description still needs a title, so the JSon key is used. */
static char *
dup_title (IwdField *field)
{
  const char *description = iwd_field_get_description (field);
  const char *title = description != NULL && *description != '\0'
                      ? description : iwd_field_get_json_key (field);

  if (iwd_field_get_required (field))
    return g_strconcat (title, " *", NULL);

  return g_strdup (title);
}

static const char *
get_label (IwdFormField *self)
{
  const char *description = iwd_field_get_description (self->field);

  return description != NULL && *description != '\0'
         ? description : iwd_field_get_json_key (self->field);
}

static GtkText *
get_text_delegate (IwdFormField *self)
{
  GtkEditable *delegate;

  if (!ADW_IS_ENTRY_ROW (self->row))
    return NULL;

  delegate = gtk_editable_get_delegate (GTK_EDITABLE (self->row));
  return GTK_IS_TEXT (delegate) ? GTK_TEXT (delegate) : NULL;
}

/* Limits typing to the field's `Taille`. A longer value set from a saved
 * profile lifts the limit until it is short enough, because GTK would
 * cut it and validation could no longer report it. */
static void
apply_max_length (IwdFormField *self)
{
  GtkText *text = get_text_delegate (self);
  guint max_length = iwd_field_get_max_length (self->field);

  if (text == NULL || max_length == 0)
    return;

  if (g_utf8_strlen (gtk_editable_get_text (GTK_EDITABLE (self->row)), -1) <= (glong) max_length)
    gtk_text_set_max_length (text, (int) max_length);
}

static GtkWidget *
create_text_row (IwdField *field)
{
  return iwd_field_is_secret (field) ? adw_password_entry_row_new () : adw_entry_row_new ();
}

/* A field that is not required gets a first item that posts no value,
 * so the broker can leave it unanswered. */
static GtkWidget *
create_combo_row (IwdFormField *self)
{
  GPtrArray *choices = iwd_field_get_choices (self->field);
  g_autoptr(GtkStringList) labels = gtk_string_list_new (NULL);
  GtkWidget *row = adw_combo_row_new ();

  if (!iwd_field_get_required (self->field))
    {
      gtk_string_list_append (labels, C_("combo box choice", "None"));
      g_ptr_array_add (self->choice_values, g_strdup (""));
    }

  for (guint i = 0; choices != NULL && i < choices->len; i++)
    {
      IwdFieldChoice *choice = g_ptr_array_index (choices, i);

      gtk_string_list_append (labels, choice->label);
      g_ptr_array_add (self->choice_values, g_strdup (choice->value));
    }

  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (labels));
  return row;
}

static GtkWidget *
create_check_row (IwdFormField *self)
{
  GtkWidget *row = adw_action_row_new ();

  self->check = GTK_SWITCH (gtk_switch_new ());
  gtk_widget_set_valign (GTK_WIDGET (self->check), GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), GTK_WIDGET (self->check));
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), GTK_WIDGET (self->check));

  return row;
}

static GtkWidget *
create_row (IwdFormField *self)
{
  switch (iwd_field_get_widget (self->field))
    {
    case IWD_FIELD_WIDGET_COMBO:
      return create_combo_row (self);

    case IWD_FIELD_WIDGET_CHECK:
      return create_check_row (self);

    case IWD_FIELD_WIDGET_TEXT:
    default:
      return create_text_row (self->field);
    }
}

static void
describe_row (IwdFormField *self)
{
  g_autofree char *title = dup_title (self->field);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->row), title);

  if (iwd_field_get_required (self->field))
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->row),
                                    GTK_ACCESSIBLE_PROPERTY_REQUIRED, TRUE,
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("Required"),
                                    -1);
}

static guint
find_choice (IwdFormField *self,
             const char   *value)
{
  for (guint i = 0; i < self->choice_values->len; i++)
    {
      if (g_strcmp0 (g_ptr_array_index (self->choice_values, i), value) == 0)
        return i;
    }

  return GTK_INVALID_LIST_POSITION;
}

static const char *
get_choice_value (IwdFormField *self)
{
  guint selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->row));

  if (selected >= self->choice_values->len)
    return "";

  return g_ptr_array_index (self->choice_values, selected);
}

/* A check box value read back from the state file or a carried value
 * may be a boolean, a number or a string such as "1" or "true". */
static gboolean
node_is_true (JsonNode *value)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (value);
  if (type == G_TYPE_INT64)
    return json_node_get_int (value) != 0;
  if (type == G_TYPE_STRING)
    return g_strcmp0 (json_node_get_string (value), "1") == 0 ||
           g_ascii_strcasecmp (json_node_get_string (value), "true") == 0;

  return FALSE;
}

static char *
dup_node_text (JsonNode *value)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));
  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));
  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "1" : "0");

  return g_strdup ("");
}

static char *
dup_text_problem (IwdFormField *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->row));
  guint max_length = iwd_field_get_max_length (self->field);
  g_autofree char *stripped = g_strstrip (g_strdup (text));
  glong length = g_utf8_strlen (text, -1);

  if (iwd_field_get_required (self->field) && *stripped == '\0')
    /* Translators: %s is the field's label, as the insurer's site writes it */
    return g_strdup_printf (_("“%s” is required. Type it as on the insurer's site."),
                            get_label (self));

  if (max_length > 0 && length > (glong) max_length)
    /* Translators: %s is the field's label, %ld and %u numbers of characters */
    return g_strdup_printf (_("“%s” has %ld characters but this insurer accepts %u at most. Shorten it."),
                            get_label (self), length, max_length);

  return NULL;
}

static void
on_input_changed (IwdFormField *self)
{
  /* Setting a text deletes the old one first, which must not bring the
   * limit back before the new text is in. */
  if (!self->setting_value)
    apply_max_length (self);
  iwd_form_field_set_message (self, NULL);
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
connect_input (IwdFormField *self)
{
  const char *signal_name;

  if (self->check != NULL)
    {
      g_signal_connect_object (self->check, "notify::active",
                               G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
      return;
    }

  signal_name = ADW_IS_COMBO_ROW (self->row) ? "notify::selected" : "changed";
  g_signal_connect_object (self->row, signal_name,
                           G_CALLBACK (on_input_changed), self, G_CONNECT_SWAPPED);
}

static void
iwd_form_field_dispose (GObject *object)
{
  IwdFormField *self = IWD_FORM_FIELD (object);

  self->check = NULL;
  g_clear_object (&self->row);
  g_clear_object (&self->message_row);

  G_OBJECT_CLASS (iwd_form_field_parent_class)->dispose (object);
}

static void
iwd_form_field_finalize (GObject *object)
{
  IwdFormField *self = IWD_FORM_FIELD (object);

  g_clear_object (&self->field);
  g_clear_pointer (&self->choice_values, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_form_field_parent_class)->finalize (object);
}

static void
iwd_form_field_class_init (IwdFormFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_form_field_dispose;
  object_class->finalize = iwd_form_field_finalize;

  /**
   * IwdFormField::changed:
   *
   * Emitted when the broker changes the field's value.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                   0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
iwd_form_field_init (IwdFormField *self)
{
  self->choice_values = g_ptr_array_new_with_free_func (g_free);
  self->shown = TRUE;
}

/**
 * iwd_form_field_new:
 * @field: a field of a credential schema
 *
 * Creates the rows for @field. A `TextBox` or an unknown `Objet` gets an
 * #AdwEntryRow limited to the field's `Taille`, or an #AdwPasswordEntryRow
 * when iwd_field_is_secret(). A `ComboBox` gets an #AdwComboRow over the
 * `ListeValeur` labels, and a `CheckBox` an #AdwActionRow with a
 * #GtkSwitch.
 *
 * Returns: (transfer full): a new #IwdFormField
 */
IwdFormField *
iwd_form_field_new (IwdField *field)
{
  IwdFormField *self;

  g_return_val_if_fail (IWD_IS_FIELD (field), NULL);

  self = g_object_new (IWD_TYPE_FORM_FIELD, NULL);
  self->field = g_object_ref (field);
  self->row = g_object_ref_sink (create_row (self));
  self->message_row = g_object_ref_sink (iwd_form_message_row_new ());

  describe_row (self);
  apply_max_length (self);
  connect_input (self);

  return self;
}

/**
 * iwd_form_field_get_field:
 * @self: a form field
 *
 * Returns: (transfer none): the schema field that the rows edit
 */
IwdField *
iwd_form_field_get_field (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  return self->field;
}

/**
 * iwd_form_field_get_json_key:
 * @self: a form field
 *
 * Returns: (transfer none): the key under which the value is posted
 */
const char *
iwd_form_field_get_json_key (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  return iwd_field_get_json_key (self->field);
}

/**
 * iwd_form_field_get_row:
 * @self: a form field
 *
 * Returns: (transfer none): the input row
 */
GtkWidget *
iwd_form_field_get_row (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  return self->row;
}

/**
 * iwd_form_field_get_message_row:
 * @self: a form field
 *
 * Returns: (transfer none): the row under the input row that shows a
 *   problem with the value
 */
GtkWidget *
iwd_form_field_get_message_row (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  return self->message_row;
}

/**
 * iwd_form_field_dup_value:
 * @self: a form field
 *
 * Reads the value as it is posted: a string for a text or combo field
 * (the empty string when nothing is typed or chosen), a boolean for a
 * check box.
 *
 * Returns: (transfer full): the value
 */
JsonNode *
iwd_form_field_dup_value (IwdFormField *self)
{
  JsonNode *value = json_node_new (JSON_NODE_VALUE);

  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  if (self->check != NULL)
    json_node_set_boolean (value, gtk_switch_get_active (self->check));
  else if (ADW_IS_COMBO_ROW (self->row))
    json_node_set_string (value, get_choice_value (self));
  else
    json_node_set_string (value, gtk_editable_get_text (GTK_EDITABLE (self->row)));

  return value;
}

/**
 * iwd_form_field_set_value:
 * @self: a form field
 * @value: a value as iwd_form_field_dup_value() returns it, or as a state
 *   file stored it
 *
 * Puts @value in the row. A combo value that is not among the choices
 * leaves the selection as it is. A text longer than the field's `Taille`
 * is kept whole, so that validation reports it instead of cutting it.
 */
void
iwd_form_field_set_value (IwdFormField *self,
                          JsonNode     *value)
{
  g_autofree char *text = NULL;
  guint position;

  g_return_if_fail (IWD_IS_FORM_FIELD (self));
  g_return_if_fail (value != NULL);

  if (!JSON_NODE_HOLDS_VALUE (value))
    return;

  if (self->check != NULL)
    {
      gtk_switch_set_active (self->check, node_is_true (value));
      return;
    }

  text = dup_node_text (value);
  if (!ADW_IS_COMBO_ROW (self->row))
    {
      if (get_text_delegate (self) != NULL)
        gtk_text_set_max_length (get_text_delegate (self), 0);
      self->setting_value = TRUE;
      gtk_editable_set_text (GTK_EDITABLE (self->row), text);
      self->setting_value = FALSE;
      apply_max_length (self);
      return;
    }

  position = find_choice (self, text);
  if (position != GTK_INVALID_LIST_POSITION)
    adw_combo_row_set_selected (ADW_COMBO_ROW (self->row), position);
}

/**
 * iwd_form_field_has_value:
 * @self: a form field
 *
 * Tells whether the field has a value: a check box switched on, a text
 * or combo value that is not empty. The field's `Option` is added to the
 * API's URL only then.
 *
 * Returns: %TRUE if the field has a value
 */
gboolean
iwd_form_field_has_value (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), FALSE);

  if (self->check != NULL)
    return gtk_switch_get_active (self->check);

  if (ADW_IS_COMBO_ROW (self->row))
    return *get_choice_value (self) != '\0';

  return *gtk_editable_get_text (GTK_EDITABLE (self->row)) != '\0';
}

/**
 * iwd_form_field_set_shown:
 * @self: a form field
 * @shown: whether the field applies to the chosen robot methods
 *
 * Shows or hides the rows. A hidden field keeps its value.
 */
void
iwd_form_field_set_shown (IwdFormField *self,
                          gboolean      shown)
{
  g_return_if_fail (IWD_IS_FORM_FIELD (self));

  self->shown = shown;
  gtk_widget_set_visible (self->row, shown);
  gtk_widget_set_visible (self->message_row, shown && iwd_form_field_get_message (self) != NULL);
}

/**
 * iwd_form_field_get_shown:
 * @self: a form field
 *
 * Returns: whether the rows are shown
 */
gboolean
iwd_form_field_get_shown (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), FALSE);

  return self->shown;
}

/**
 * iwd_form_field_dup_problem:
 * @self: a form field
 *
 * Checks the value before anything is sent: a value in a required field,
 * a text no longer than the field's `Taille`. The sentence names the
 * field by its label and never quotes the value, which may be secret.
 *
 * Returns: (transfer full) (nullable): a translated sentence, or %NULL
 *   if the value is acceptable
 */
char *
iwd_form_field_dup_problem (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  if (self->check != NULL)
    return NULL;

  if (ADW_IS_COMBO_ROW (self->row))
    {
      if (iwd_field_get_required (self->field) && *get_choice_value (self) == '\0')
        /* Translators: %s is the field's label, as the insurer's site writes it */
        return g_strdup_printf (_("Choose a value for “%s”."), get_label (self));
      return NULL;
    }

  return dup_text_problem (self);
}

/**
 * iwd_form_field_set_message:
 * @self: a form field
 * @message: (nullable): a problem with the value, or %NULL to clear it
 *
 * Shows @message under the row, and marks the row as in error.
 */
void
iwd_form_field_set_message (IwdFormField *self,
                            const char   *message)
{
  g_return_if_fail (IWD_IS_FORM_FIELD (self));

  iwd_form_message_show (self->row, self->message_row, message);
}

/**
 * iwd_form_field_get_message:
 * @self: a form field
 *
 * Returns: (nullable): the message shown under the row, or %NULL
 */
const char *
iwd_form_field_get_message (IwdFormField *self)
{
  g_return_val_if_fail (IWD_IS_FORM_FIELD (self), NULL);

  return iwd_form_message_get (self->message_row);
}
