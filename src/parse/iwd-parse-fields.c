/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-json-value.h"
#include "iwd-parse-error.h"
#include "iwd-parse-fields.h"
#include "iwd-parse-json.h"

/* The members of one schema item, as read before building the field. */
typedef struct {
  char *nom;
  char *objet;
  char *description;
  char *json_key;
  char *commun;
  char *type_letter;
  gint64 max_length;
  gboolean required;
  char *option;
  char *choice_list;
} IwdFieldMembers;

static void
field_members_clear (IwdFieldMembers *members)
{
  g_clear_pointer (&members->nom, g_free);
  g_clear_pointer (&members->objet, g_free);
  g_clear_pointer (&members->description, g_free);
  g_clear_pointer (&members->json_key, g_free);
  g_clear_pointer (&members->commun, g_free);
  g_clear_pointer (&members->type_letter, g_free);
  g_clear_pointer (&members->option, g_free);
  g_clear_pointer (&members->choice_list, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IwdFieldMembers, field_members_clear)

static gboolean
read_strings (JsonObject       *object,
              IwdFieldMembers  *members,
              GError          **error)
{
  return iwd_json_member_get_string (object, "Nom", &members->nom, error)
         && iwd_json_member_get_string (object, "Objet", &members->objet, error)
         && iwd_json_member_get_string (object, "Description", &members->description, error)
         && iwd_json_member_get_string (object, "JSon", &members->json_key, error)
         && iwd_json_member_get_string (object, "Commun", &members->commun, error)
         && iwd_json_member_get_string (object, "Type", &members->type_letter, error)
         && iwd_json_member_get_string (object, "Option", &members->option, error)
         && iwd_json_member_get_string (object, "ListeValeur", &members->choice_list, error);
}

static gboolean
read_members (JsonObject       *object,
              guint             index,
              IwdFieldMembers  *members,
              GError          **error)
{
  if (!iwd_parse_json_require (object, "Nom", index, error)
      || !iwd_parse_json_require (object, "JSon", index, error))
    return FALSE;

  if (!read_strings (object, members, error)
      || !iwd_json_member_get_int64 (object, "Taille", &members->max_length, error)
      || !iwd_json_member_get_boolean (object, "Obligatoire", &members->required, error))
    {
      g_prefix_error (error, "item %u: ", index + 1);
      return FALSE;
    }

  if (members->max_length < 0 || members->max_length > G_MAXUINT)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                   "item %u: key 'Taille' is out of range", index + 1);
      return FALSE;
    }

  return TRUE;
}

static void
log_irregularities (IwdField *field,
                    guint     index,
                    gboolean  irregular_choices)
{
  gboolean unknown_letter = FALSE;

  if (iwd_field_get_objet_unknown (field))
    g_message ("parse: field schema: item %u (%s): unknown Objet '%s', shown as a text entry",
               index + 1, iwd_field_get_nom (field),
               iwd_field_get_objet (field) != NULL ? iwd_field_get_objet (field) : "");

  if (irregular_choices)
    g_message ("parse: field schema: item %u (%s): ListeValeur has a label without a value",
               index + 1, iwd_field_get_nom (field));

  iwd_robot_methods_from_letters (iwd_field_get_commun (field), &unknown_letter);
  if (unknown_letter)
    g_message ("parse: field schema: item %u (%s): unknown letter in Commun '%s'",
               index + 1, iwd_field_get_nom (field), iwd_field_get_commun (field));
}

static IwdField *
field_from_object (JsonObject  *object,
                   guint        index,
                   GError     **error)
{
  g_auto(IwdFieldMembers) members = { 0 };
  g_autoptr(GPtrArray) choices = NULL;
  gboolean irregular_choices = FALSE;
  IwdField *field;

  if (!read_members (object, index, &members, error))
    return NULL;

  choices = iwd_parse_choice_list (members.choice_list, &irregular_choices);
  field = g_object_new (IWD_TYPE_FIELD,
                        "nom", members.nom,
                        "objet", members.objet,
                        "description", members.description,
                        "json-key", members.json_key,
                        "commun", members.commun,
                        "type-letter", members.type_letter,
                        "max-length", (guint) members.max_length,
                        "required", members.required,
                        "option", members.option,
                        "choices", choices,
                        NULL);

  log_irregularities (field, index, irregular_choices);
  return field;
}

/**
 * iwd_parse_choice_list:
 * @list: (nullable): a `ListeValeur`, such as "IARD,1,Collective,2"
 * @out_irregular: (out) (optional): whether the list had an odd count
 *
 * Splits a flattened list of label and value pairs. Items are trimmed,
 * and a trailing comma is ignored. When the count is odd, the last
 * label has no value, so it is posted as its own value.
 *
 * Returns: (transfer full) (element-type IwdFieldChoice): the choices
 */
GPtrArray *
iwd_parse_choice_list (const char *list,
                       gboolean   *out_irregular)
{
  GPtrArray *choices = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_field_choice_free);
  g_auto(GStrv) items = g_strsplit (list != NULL ? list : "", ",", -1);
  guint count = g_strv_length (items);

  for (guint i = 0; i < count; i++)
    g_strstrip (items[i]);

  if (count > 0 && *items[count - 1] == '\0')
    count--;

  for (guint i = 0; i + 1 < count; i += 2)
    g_ptr_array_add (choices, iwd_field_choice_new (items[i], items[i + 1]));

  if (count % 2 == 1)
    g_ptr_array_add (choices, iwd_field_choice_new (items[count - 1], items[count - 1]));

  if (out_irregular != NULL)
    *out_irregular = count % 2 == 1;

  return choices;
}

/**
 * iwd_parse_field_schema:
 * @data: the body of a company's `OPTIONS` reply
 * @error: return location for a #GError
 *
 * Reads a credential schema: a JSON array with one object per field.
 * `Taille` and `Obligatoire` may come as strings ("20", "true", "O",
 * "N") or numbers, unknown keys are ignored and an unknown `Objet` gives
 * a text entry. The fields keep the order of the reply, and an empty
 * array gives an empty list.
 *
 * Fails with %IWD_PARSE_ERROR_SHAPE, naming the item (from 1), when an
 * item is not an object, lacks `Nom` or `JSon`, or has a member of a
 * type that cannot stand for its value. Fails as iwd_parse_json_array()
 * does on an empty body and invalid JSON.
 *
 * Returns: (transfer full) (element-type IwdField): the fields, or %NULL
 */
GPtrArray *
iwd_parse_field_schema (GBytes  *data,
                        GError **error)
{
  g_autoptr(JsonArray) array = iwd_parse_json_array (data, error);
  g_autoptr(GPtrArray) fields = NULL;

  if (array == NULL)
    return NULL;

  fields = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = iwd_parse_json_item_object (array, i, error);
      IwdField *field = object != NULL ? field_from_object (object, i, error) : NULL;

      if (field == NULL)
        return NULL;

      g_ptr_array_add (fields, field);
    }

  return g_steal_pointer (&fields);
}
