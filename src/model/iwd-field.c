/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-field.h"
#include "iwd-text.h"

/**
 * IwdField:
 *
 * One input field of a company's credential form, as the `OPTIONS` reply
 * of IWRest describes it.
 */
struct _IwdField
{
  GObject parent_instance;

  char *nom;                  /* owned */
  char *objet;                /* owned, nullable: the raw `Objet` */
  char *description;          /* owned, nullable */
  char *json_key;             /* owned */
  char *commun;               /* owned, nullable: the raw `Commun` */
  char *type_letter;          /* owned, nullable */
  guint max_length;           /* 0 means no limit */
  gboolean required;
  char *option;               /* owned, nullable */
  GPtrArray *choices;         /* owned, of IwdFieldChoice */

  IwdFieldWidget widget;      /* derived from objet */
  gboolean objet_unknown;
  IwdRobotMethods methods;    /* derived from commun */
};

enum {
  PROP_0,
  PROP_NOM,
  PROP_OBJET,
  PROP_DESCRIPTION,
  PROP_JSON_KEY,
  PROP_COMMUN,
  PROP_TYPE_LETTER,
  PROP_MAX_LENGTH,
  PROP_REQUIRED,
  PROP_OPTION,
  PROP_CHOICES,
  PROP_WIDGET,
  PROP_OBJET_UNKNOWN,
  PROP_METHODS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GEnumValue widget_values[] = {
  { IWD_FIELD_WIDGET_TEXT, "IWD_FIELD_WIDGET_TEXT", "text" },
  { IWD_FIELD_WIDGET_COMBO, "IWD_FIELD_WIDGET_COMBO", "combo" },
  { IWD_FIELD_WIDGET_CHECK, "IWD_FIELD_WIDGET_CHECK", "check" },
  { 0, NULL, NULL },
};

static const GFlagsValue methods_values[] = {
  { IWD_ROBOT_METHODS_ALL, "IWD_ROBOT_METHODS_ALL", "all" },
  { IWD_ROBOT_METHODS_COMMISSIONS, "IWD_ROBOT_METHODS_COMMISSIONS", "commissions" },
  { IWD_ROBOT_METHODS_EMISSIONS, "IWD_ROBOT_METHODS_EMISSIONS", "emissions" },
  { IWD_ROBOT_METHODS_IMPAYES, "IWD_ROBOT_METHODS_IMPAYES", "impayes" },
  { IWD_ROBOT_METHODS_MESSAGES, "IWD_ROBOT_METHODS_MESSAGES", "messages" },
  { IWD_ROBOT_METHODS_SINISTRES, "IWD_ROBOT_METHODS_SINISTRES", "sinistres" },
  { 0, NULL, NULL },
};

/* Substrings that mark a secret field once the text is folded and
 * stripped of everything but letters and digits ("Mot de passe" gives
 * "motdepasse", "Code secret" gives "codesecret"). */
static const char * const secret_substrings[] = {
  "password", "passwd", "pwd", "motdepasse", "mdp", "secret",
};

G_DEFINE_BOXED_TYPE (IwdFieldChoice, iwd_field_choice,
                     iwd_field_choice_copy, iwd_field_choice_free)

G_DEFINE_FINAL_TYPE (IwdField, iwd_field, G_TYPE_OBJECT)

static IwdRobotMethods
method_for_letter (gunichar letter)
{
  switch (g_unichar_toupper (letter))
    {
    case 'O': return IWD_ROBOT_METHODS_ALL;
    case 'R': return IWD_ROBOT_METHODS_COMMISSIONS;
    case 'E': return IWD_ROBOT_METHODS_EMISSIONS;
    case 'I': return IWD_ROBOT_METHODS_IMPAYES;
    case 'M': return IWD_ROBOT_METHODS_MESSAGES;
    case 'S': return IWD_ROBOT_METHODS_SINISTRES;
    default: return IWD_ROBOT_METHODS_NONE;
    }
}

static IwdFieldWidget
widget_for_objet (const char *objet,
                  gboolean   *out_unknown)
{
  *out_unknown = FALSE;

  if (objet != NULL && g_ascii_strcasecmp (objet, "TextBox") == 0)
    return IWD_FIELD_WIDGET_TEXT;
  if (objet != NULL && g_ascii_strcasecmp (objet, "ComboBox") == 0)
    return IWD_FIELD_WIDGET_COMBO;
  if (objet != NULL && g_ascii_strcasecmp (objet, "CheckBox") == 0)
    return IWD_FIELD_WIDGET_CHECK;

  *out_unknown = TRUE;
  return IWD_FIELD_WIDGET_TEXT;
}

/* Folds @text and keeps only its letters and digits. */
static char *
fold_to_alphanumerics (const char *text)
{
  g_autofree char *folded = iwd_text_fold_for_search (text);
  GString *kept = g_string_sized_new (strlen (folded));

  for (const char *p = folded; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        g_string_append_unichar (kept, c);
    }

  return g_string_free (kept, FALSE);
}

/* Splits @text into folded words at every character that is not a letter
 * or digit, and between a lower-case letter and an upper-case one, so
 * "txtWebPin" and "Code PIN" both contain the word "pin". */
static char **
split_folded_words (const char *text)
{
  GString *spaced = g_string_sized_new (strlen (text) * 2);
  g_autofree char *folded = NULL;
  gunichar previous = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c) && g_unichar_islower (previous))
        g_string_append_c (spaced, ' ');
      if (g_unichar_isalnum (c))
        g_string_append_unichar (spaced, c);
      else
        g_string_append_c (spaced, ' ');
      previous = c;
    }

  folded = iwd_text_fold_for_search (spaced->str);
  g_string_free (spaced, TRUE);
  return g_strsplit (folded, " ", -1);
}

static gboolean
text_looks_secret (const char *text)
{
  g_autofree char *squeezed = NULL;
  g_auto(GStrv) words = NULL;

  if (text == NULL)
    return FALSE;

  squeezed = fold_to_alphanumerics (text);
  for (gsize i = 0; i < G_N_ELEMENTS (secret_substrings); i++)
    if (strstr (squeezed, secret_substrings[i]) != NULL)
      return TRUE;

  words = split_folded_words (text);
  return g_strv_contains ((const char * const *) words, "pin");
}

static void
iwd_field_constructed (GObject *object)
{
  IwdField *self = IWD_FIELD (object);

  G_OBJECT_CLASS (iwd_field_parent_class)->constructed (object);

  if (self->nom == NULL)
    self->nom = g_strdup ("");
  if (self->json_key == NULL)
    self->json_key = g_strdup ("");
  if (self->choices == NULL)
    self->choices = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_field_choice_free);

  self->widget = widget_for_objet (self->objet, &self->objet_unknown);

  /* NOTE: an empty or unreadable `Commun` is undocumented. Asking for the
   * field under every method is safer than leaving a login out. */
  self->methods = iwd_robot_methods_from_letters (self->commun, NULL);
  if (self->methods == IWD_ROBOT_METHODS_NONE)
    self->methods = IWD_ROBOT_METHODS_ALL;
}

static void
iwd_field_finalize (GObject *object)
{
  IwdField *self = IWD_FIELD (object);

  g_clear_pointer (&self->nom, g_free);
  g_clear_pointer (&self->objet, g_free);
  g_clear_pointer (&self->description, g_free);
  g_clear_pointer (&self->json_key, g_free);
  g_clear_pointer (&self->commun, g_free);
  g_clear_pointer (&self->type_letter, g_free);
  g_clear_pointer (&self->option, g_free);
  g_clear_pointer (&self->choices, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_field_parent_class)->finalize (object);
}

static void
iwd_field_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  IwdField *self = IWD_FIELD (object);

  switch (prop_id)
    {
    case PROP_NOM: g_value_set_string (value, self->nom); break;
    case PROP_OBJET: g_value_set_string (value, self->objet); break;
    case PROP_DESCRIPTION: g_value_set_string (value, self->description); break;
    case PROP_JSON_KEY: g_value_set_string (value, self->json_key); break;
    case PROP_COMMUN: g_value_set_string (value, self->commun); break;
    case PROP_TYPE_LETTER: g_value_set_string (value, self->type_letter); break;
    case PROP_MAX_LENGTH: g_value_set_uint (value, self->max_length); break;
    case PROP_REQUIRED: g_value_set_boolean (value, self->required); break;
    case PROP_OPTION: g_value_set_string (value, self->option); break;
    case PROP_CHOICES: g_value_set_boxed (value, self->choices); break;
    case PROP_WIDGET: g_value_set_enum (value, self->widget); break;
    case PROP_OBJET_UNKNOWN: g_value_set_boolean (value, self->objet_unknown); break;
    case PROP_METHODS: g_value_set_flags (value, self->methods); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_field_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  IwdField *self = IWD_FIELD (object);

  switch (prop_id)
    {
    case PROP_NOM: self->nom = g_value_dup_string (value); break;
    case PROP_OBJET: self->objet = g_value_dup_string (value); break;
    case PROP_DESCRIPTION: self->description = g_value_dup_string (value); break;
    case PROP_JSON_KEY: self->json_key = g_value_dup_string (value); break;
    case PROP_COMMUN: self->commun = g_value_dup_string (value); break;
    case PROP_TYPE_LETTER: self->type_letter = g_value_dup_string (value); break;
    case PROP_MAX_LENGTH: self->max_length = g_value_get_uint (value); break;
    case PROP_REQUIRED: self->required = g_value_get_boolean (value); break;
    case PROP_OPTION: self->option = g_value_dup_string (value); break;
    case PROP_CHOICES: self->choices = g_value_dup_boxed (value); break;
    default: G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static GParamSpec *
construct_string (const char *name)
{
  return g_param_spec_string (name, NULL, NULL, NULL,
                              G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

static void
iwd_field_class_init (IwdFieldClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  GParamFlags derived = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->constructed = iwd_field_constructed;
  object_class->finalize = iwd_field_finalize;
  object_class->get_property = iwd_field_get_property;
  object_class->set_property = iwd_field_set_property;

  properties[PROP_NOM] = construct_string ("nom");
  properties[PROP_OBJET] = construct_string ("objet");
  properties[PROP_DESCRIPTION] = construct_string ("description");
  properties[PROP_JSON_KEY] = construct_string ("json-key");
  properties[PROP_COMMUN] = construct_string ("commun");
  properties[PROP_TYPE_LETTER] = construct_string ("type-letter");
  properties[PROP_MAX_LENGTH] =
    g_param_spec_uint ("max-length", NULL, NULL, 0, G_MAXUINT, 0, construct);
  properties[PROP_REQUIRED] =
    g_param_spec_boolean ("required", NULL, NULL, FALSE, construct);
  properties[PROP_OPTION] = construct_string ("option");
  properties[PROP_CHOICES] =
    g_param_spec_boxed ("choices", NULL, NULL, G_TYPE_PTR_ARRAY, construct);
  properties[PROP_WIDGET] =
    g_param_spec_enum ("widget", NULL, NULL, IWD_TYPE_FIELD_WIDGET,
                       IWD_FIELD_WIDGET_TEXT, derived);
  properties[PROP_OBJET_UNKNOWN] =
    g_param_spec_boolean ("objet-unknown", NULL, NULL, FALSE, derived);
  properties[PROP_METHODS] =
    g_param_spec_flags ("methods", NULL, NULL, IWD_TYPE_ROBOT_METHODS,
                        IWD_ROBOT_METHODS_NONE, derived);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_field_init (IwdField *self)
{
}

GType
iwd_field_widget_get_type (void)
{
  static GType type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_enum_register_static ("IwdFieldWidget", widget_values));

  return type;
}

GType
iwd_robot_methods_get_type (void)
{
  static GType type = 0;

  if (g_once_init_enter (&type))
    g_once_init_leave (&type, g_flags_register_static ("IwdRobotMethods", methods_values));

  return type;
}

/**
 * iwd_robot_methods_from_letters:
 * @letters: (nullable): the letters of a `Commun` value, such as "O" or "RI"
 * @out_has_unknown: (out) (optional): whether a letter was not one of
 *   O, R, E, I, M and S
 *
 * Converts the letters of a `Commun` value to methods, ignoring case,
 * spaces and commas between letters.
 *
 * Returns: the methods, %IWD_ROBOT_METHODS_NONE if @letters has none
 */
IwdRobotMethods
iwd_robot_methods_from_letters (const char *letters,
                                gboolean   *out_has_unknown)
{
  IwdRobotMethods methods = IWD_ROBOT_METHODS_NONE;
  gboolean has_unknown = FALSE;

  for (const char *p = letters; p != NULL && *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      IwdRobotMethods method = method_for_letter (c);

      if (method == IWD_ROBOT_METHODS_NONE && !g_unichar_isspace (c) && c != ',')
        has_unknown = TRUE;
      methods |= method;
    }

  if (out_has_unknown != NULL)
    *out_has_unknown = has_unknown;

  return methods;
}

/**
 * iwd_field_choice_new:
 * @label: the text shown
 * @value: the value posted
 *
 * Creates a choice of a `ComboBox` field.
 *
 * Returns: (transfer full): a new #IwdFieldChoice
 */
IwdFieldChoice *
iwd_field_choice_new (const char *label,
                      const char *value)
{
  IwdFieldChoice *self = g_new0 (IwdFieldChoice, 1);

  self->label = g_strdup (label);
  self->value = g_strdup (value);
  return self;
}

/**
 * iwd_field_choice_copy:
 * @self: a #IwdFieldChoice
 *
 * Copies a choice.
 *
 * Returns: (transfer full): a new #IwdFieldChoice
 */
IwdFieldChoice *
iwd_field_choice_copy (const IwdFieldChoice *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return iwd_field_choice_new (self->label, self->value);
}

/**
 * iwd_field_choice_free:
 * @self: (nullable): a #IwdFieldChoice
 *
 * Frees a choice.
 */
void
iwd_field_choice_free (IwdFieldChoice *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self->value);
  g_free (self);
}

/**
 * iwd_field_get_nom:
 * @self: a #IwdField
 *
 * Gets the field's identifier on the insurer's portal (`Nom`).
 *
 * Returns: (transfer none): the identifier
 */
const char *
iwd_field_get_nom (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->nom;
}

/**
 * iwd_field_get_objet:
 * @self: a #IwdField
 *
 * Gets the widget name as the API sent it (`Objet`).
 *
 * Returns: (transfer none) (nullable): the raw `Objet`
 */
const char *
iwd_field_get_objet (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->objet;
}

/**
 * iwd_field_get_widget:
 * @self: a #IwdField
 *
 * Gets the widget to build. An unknown `Objet` gives a text entry.
 *
 * Returns: the widget kind
 */
IwdFieldWidget
iwd_field_get_widget (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), IWD_FIELD_WIDGET_TEXT);

  return self->widget;
}

/**
 * iwd_field_get_objet_unknown:
 * @self: a #IwdField
 *
 * Gets whether `Objet` was missing or not one of `TextBox`, `ComboBox`
 * and `CheckBox`, in which case the field is shown as a text entry.
 *
 * Returns: %TRUE if the `Objet` was unknown
 */
gboolean
iwd_field_get_objet_unknown (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), FALSE);

  return self->objet_unknown;
}

/**
 * iwd_field_get_description:
 * @self: a #IwdField
 *
 * Gets the label as the insurer's portal shows it, to show as is.
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
iwd_field_get_description (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->description;
}

/**
 * iwd_field_get_json_key:
 * @self: a #IwdField
 *
 * Gets the key under which the field's value is posted (`JSon`).
 *
 * Returns: (transfer none): the key
 */
const char *
iwd_field_get_json_key (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->json_key;
}

/**
 * iwd_field_get_commun:
 * @self: a #IwdField
 *
 * Gets the `Commun` letters as the API sent them.
 *
 * Returns: (transfer none) (nullable): the raw `Commun`
 */
const char *
iwd_field_get_commun (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->commun;
}

/**
 * iwd_field_get_methods:
 * @self: a #IwdField
 *
 * Gets the robot methods that need the field, read from `Commun`. A
 * `Commun` with no known letter gives %IWD_ROBOT_METHODS_ALL.
 *
 * Returns: the methods
 */
IwdRobotMethods
iwd_field_get_methods (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), IWD_ROBOT_METHODS_NONE);

  return self->methods;
}

/**
 * iwd_field_get_type_letter:
 * @self: a #IwdField
 *
 * Gets the `Type` letter. Only "C" (characters) is documented.
 *
 * Returns: (transfer none) (nullable): the type letter
 */
const char *
iwd_field_get_type_letter (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->type_letter;
}

/**
 * iwd_field_get_max_length:
 * @self: a #IwdField
 *
 * Gets the maximum length of the value in characters (`Taille`).
 *
 * Returns: the maximum length, 0 for no limit
 */
guint
iwd_field_get_max_length (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), 0);

  return self->max_length;
}

/**
 * iwd_field_get_required:
 * @self: a #IwdField
 *
 * Gets whether the insurer needs the field to log in (`Obligatoire`).
 *
 * Returns: %TRUE if the field is required
 */
gboolean
iwd_field_get_required (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), FALSE);

  return self->required;
}

/**
 * iwd_field_get_option:
 * @self: a #IwdField
 *
 * Gets the option added to the API's URL when this field applies.
 *
 * Returns: (transfer none) (nullable): the option
 */
const char *
iwd_field_get_option (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->option;
}

/**
 * iwd_field_get_choices:
 * @self: a #IwdField
 *
 * Gets the choices of a `ComboBox` field, in the API's order.
 *
 * Returns: (transfer none) (element-type IwdFieldChoice): the choices,
 *   empty for other widgets
 */
GPtrArray *
iwd_field_get_choices (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), NULL);

  return self->choices;
}

/**
 * iwd_field_is_secret:
 * @self: a #IwdField
 *
 * Finds whether the field contains a secret, whose value is masked,
 * never logged and stored only in the keyring.
 *
 * Returns: %TRUE if the field is secret
 */
gboolean
iwd_field_is_secret (IwdField *self)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), FALSE);

  /* The API marks no field as secret, so this one rule decides. A field
   * is secret when its Nom, JSon or Description, folded and reduced to
   * letters and digits, contains "password", "passwd", "pwd",
   * "motdepasse", "mdp" or "secret" (so also "Mot de passe", "Code
   * secret" and "txtWebPwd"), or has "pin" as a whole word ("Code PIN",
   * "txtWebPin", but not "Pinel"), or when its Type letter is "P".
   * NOTE: the Type letter "P" is a guess, since only "C" is documented. */
  if (self->type_letter != NULL && g_ascii_strcasecmp (self->type_letter, "P") == 0)
    return TRUE;

  return text_looks_secret (self->nom)
         || text_looks_secret (self->json_key)
         || text_looks_secret (self->description);
}

/**
 * iwd_field_applies_to:
 * @self: a #IwdField
 * @chosen: the robot methods chosen for a profile
 *
 * Finds whether the form must ask for this field, which is the case when
 * its `Commun` has O or the letter of one of the @chosen methods.
 *
 * Returns: %TRUE if the field applies
 */
gboolean
iwd_field_applies_to (IwdField        *self,
                      IwdRobotMethods  chosen)
{
  g_return_val_if_fail (IWD_IS_FIELD (self), FALSE);

  return (self->methods & IWD_ROBOT_METHODS_ALL) != 0
         || (self->methods & chosen) != 0;
}
