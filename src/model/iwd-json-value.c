/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Readers of JSON members that the API sends with loose types: numbers
 * as strings, booleans as "O"/"N" or 0/1, ids as numbers. Each reader
 * leaves its output alone when the member is missing or null, so the
 * caller presets the default, and fails with %IWD_PARSE_ERROR_SHAPE when
 * the member has a type that cannot stand for the expected one. The
 * error names the key, and callers prefix it with the item index. */

#include "iwd-json-value.h"
#include "iwd-parse-error.h"
#include "iwd-text.h"

static JsonNode *
get_present_member (JsonObject *object,
                    const char *key)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  return node;
}

static gboolean
set_wrong_type (const char  *key,
                const char  *expected,
                GError     **error)
{
  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
               "key '%s' is not %s", key, expected);
  return FALSE;
}

static gboolean
string_to_boolean (const char *text,
                   gboolean   *out_value)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));
  const char * const true_words[] = { "true", "o", "oui", "y", "yes", "1" };
  const char * const false_words[] = { "false", "n", "non", "no", "0" };

  for (gsize i = 0; i < G_N_ELEMENTS (true_words); i++)
    if (g_ascii_strcasecmp (trimmed, true_words[i]) == 0)
      {
        *out_value = TRUE;
        return TRUE;
      }

  for (gsize i = 0; i < G_N_ELEMENTS (false_words); i++)
    if (g_ascii_strcasecmp (trimmed, false_words[i]) == 0)
      {
        *out_value = FALSE;
        return TRUE;
      }

  return FALSE;
}

/**
 * iwd_json_member_get_string:
 * @object: a JSON object
 * @key: the member's name
 * @out_value: (out) (transfer full): the member as a string, unchanged
 *   when the member is missing or null
 * @error: return location for a #GError
 *
 * Reads a string member. A whole number is accepted and written in
 * decimal, because the API sends some ids as numbers.
 *
 * Returns: %FALSE if the member is another type
 */
gboolean
iwd_json_member_get_string (JsonObject  *object,
                            const char  *key,
                            char       **out_value,
                            GError     **error)
{
  JsonNode *node = get_present_member (object, key);

  if (node == NULL)
    return TRUE;

  if (json_node_get_value_type (node) == G_TYPE_STRING)
    {
      g_free (*out_value);
      *out_value = g_strdup (json_node_get_string (node));
      return TRUE;
    }

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      g_free (*out_value);
      *out_value = g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));
      return TRUE;
    }

  return set_wrong_type (key, "a string", error);
}

/**
 * iwd_json_member_get_int64:
 * @object: a JSON object
 * @key: the member's name
 * @out_value: (out): the member's value, unchanged when the member is
 *   missing or null
 * @error: return location for a #GError
 *
 * Reads a whole number, sent as a JSON number or as a string that
 * iwd_text_parse_integer() reads ("20", " 8 ").
 *
 * Returns: %FALSE if the member is not a whole number
 */
gboolean
iwd_json_member_get_int64 (JsonObject  *object,
                           const char  *key,
                           gint64      *out_value,
                           GError     **error)
{
  JsonNode *node = get_present_member (object, key);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (node == NULL)
    return TRUE;

  /* TODO: json-glib 1.6 reads an integer past G_MAXINT64, such as
   * 99999999999999999999, as -1 without an error, so such a value is
   * taken for -1 here. */
  if (type == G_TYPE_INT64)
    {
      *out_value = json_node_get_int (node);
      return TRUE;
    }

  if (type == G_TYPE_STRING
      && iwd_text_parse_integer (json_node_get_string (node), out_value, NULL))
    return TRUE;

  return set_wrong_type (key, "a whole number", error);
}

/**
 * iwd_json_member_get_boolean:
 * @object: a JSON object
 * @key: the member's name
 * @out_value: (out): the member's value, unchanged when the member is
 *   missing or null
 * @error: return location for a #GError
 *
 * Reads a boolean, sent as true/false, as the numbers 0 and 1, or as one
 * of the strings "true", "false", "O", "N", "oui", "non", "yes", "no",
 * "1" and "0" in any case.
 *
 * Returns: %FALSE if the member cannot be read as a boolean
 */
gboolean
iwd_json_member_get_boolean (JsonObject  *object,
                             const char  *key,
                             gboolean    *out_value,
                             GError     **error)
{
  JsonNode *node = get_present_member (object, key);
  GType type = node != NULL ? json_node_get_value_type (node) : G_TYPE_INVALID;

  if (node == NULL)
    return TRUE;

  if (type == G_TYPE_BOOLEAN)
    {
      *out_value = json_node_get_boolean (node);
      return TRUE;
    }

  if (type == G_TYPE_INT64 && (json_node_get_int (node) == 0 || json_node_get_int (node) == 1))
    {
      *out_value = json_node_get_int (node) == 1;
      return TRUE;
    }

  if (type == G_TYPE_STRING && string_to_boolean (json_node_get_string (node), out_value))
    return TRUE;

  return set_wrong_type (key, "a boolean", error);
}
