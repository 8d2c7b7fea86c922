/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The steps that the JSON parsers of this folder share: decoding the
 * body, reading it with json-glib and checking the shape of the root and
 * of each item, with errors that name where the reply broke. */

#include <stdio.h>
#include <string.h>

#include "iwd-parse-error.h"
#include "iwd-parse-json.h"
#include "iwd-text.h"

/* Replaces each token that json-glib quotes, as "AXA" or `x', by an
 * ellipsis, unless it is one character: a string value of the reply may
 * be a client's name, and callers log this message. A single character,
 * such as `<', shows support what the reply held without naming anyone. */
static char *
dup_without_tokens (const char *detail)
{
  GString *kept = g_string_new (NULL);
  const char *p = detail;

  while (*p != '\0')
    {
      char close = *p == '"' ? '"' : *p == '`' ? '\'' : '\0';
      const char *end = close != '\0' ? strchr (p + 1, close) : NULL;

      if (end == NULL)
        {
          g_string_append_c (kept, *p++);
          continue;
        }

      g_string_append_c (kept, *p);
      if (g_utf8_strlen (p + 1, end - p - 1) == 1)
        g_string_append_len (kept, p + 1, end - p - 1);
      else
        g_string_append (kept, "…");
      g_string_append_c (kept, *end);
      p = end + 1;
    }

  return g_string_free (kept, FALSE);
}

/* Rewrites json-glib's "<data>:2:25: Parse error: unexpected ..." as
 * "line 2, column 25: unexpected ...". The detail names no token of the
 * body longer than one character. */
static void
set_syntax_error (const GError  *json_error,
                  GError       **error)
{
  unsigned int line = 0;
  unsigned int column = 0;
  int detail_offset = 0;

  /* The quoted token may contain a lone surrogate decoded as bytes that
   * are not UTF-8, and GTK rejects such a message. */
  if (sscanf (json_error->message, "<data>:%u:%u: Parse error: %n",
              &line, &column, &detail_offset) == 2 && detail_offset > 0)
    {
      g_autofree char *valid = g_utf8_make_valid (json_error->message + detail_offset, -1);
      g_autofree char *detail = dup_without_tokens (valid);

      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                   "line %u, column %u: %s", line, column, detail);
    }
  else
    g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                         "the reply is not valid JSON");
}

/* Names the kind of @node as JSON does: object, array, string... */
static const char *
describe_node (JsonNode *node)
{
  GType type;

  if (JSON_NODE_HOLDS_OBJECT (node))
    return "object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "array";
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";

  type = json_node_get_value_type (node);
  if (type == G_TYPE_STRING)
    return "string";
  if (type == G_TYPE_BOOLEAN)
    return "boolean";
  return "number";
}

/* json-glib 1.6 reads nested arrays and objects by recursion without a
 * limit: 200,000 "[" overflowed the 8 MiB stack of a fuzz target built
 * with AddressSanitizer. The replies and the state file nest a few levels. */
#define MAX_NESTING_DEPTH 64

static gboolean
node_is_utf8 (JsonNode *node)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          if (!g_utf8_validate (name, -1, NULL) || !node_is_utf8 (member))
            return FALSE;
        }
      return TRUE;
    }

  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          if (!node_is_utf8 (json_array_get_element (array, i)))
            return FALSE;
        }
      return TRUE;
    }

  return json_node_get_value_type (node) != G_TYPE_STRING
         || g_utf8_validate (json_node_get_string (node), -1, NULL);
}

static JsonNode *
load_root (GBytes  *data,
           GError **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) json_error = NULL;
  g_autofree char *text = NULL;
  gsize length = 0;
  gsize size = 0;
  const char *bytes = data != NULL ? g_bytes_get_data (data, &size) : NULL;

  text = iwd_text_to_utf8 (bytes, size, &length, error);
  if (text == NULL)
    return NULL;

  if (!iwd_parse_json_check_nesting (text, length, error))
    return NULL;

  if (!json_parser_load_from_data (parser, text, (gssize) length, &json_error))
    {
      set_syntax_error (json_error, error);
      return NULL;
    }

  if (json_parser_get_root (parser) != NULL
      && !iwd_parse_json_check_utf8 (json_parser_get_root (parser), error))
    return NULL;

  return json_parser_steal_root (parser);
}

/**
 * iwd_parse_json_array:
 * @data: (nullable): a reply body
 * @error: return location for a #GError
 *
 * Reads a body whose root must be a JSON array. A UTF-8 byte-order mark
 * and Windows-1252 bytes are decoded first, as iwd_text_to_utf8() does.
 *
 * Fails with %IWD_PARSE_ERROR_EMPTY for an empty or blank body,
 * %IWD_PARSE_ERROR_SYNTAX (naming the line and column) for invalid JSON
 * and %IWD_PARSE_ERROR_SHAPE for another root.
 *
 * Returns: (transfer full): the root array, or %NULL
 */
JsonArray *
iwd_parse_json_array (GBytes  *data,
                      GError **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autoptr(JsonNode) root = load_root (data, &local_error);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* json-glib reads an empty or blank body without error, as a NULL root. */
  if (root == NULL)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY,
                           "the reply is empty");
      return NULL;
    }

  if (!JSON_NODE_HOLDS_ARRAY (root))
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                   "the root is a JSON %s, expected an array",
                   describe_node (root));
      return NULL;
    }

  return json_array_ref (json_node_get_array (root));
}

/**
 * iwd_parse_json_item_object:
 * @array: the root array
 * @index: the item's index, from 0
 * @error: return location for a #GError
 *
 * Gets one item of @array, which must be an object. Errors count items
 * from 1, as a person reading the reply does.
 *
 * Returns: (transfer none): the item, or %NULL
 */
JsonObject *
iwd_parse_json_item_object (JsonArray  *array,
                            guint       index,
                            GError    **error)
{
  JsonNode *node = json_array_get_element (array, index);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                   "item %u: a JSON %s, expected an object",
                   index + 1, describe_node (node));
      return NULL;
    }

  return json_node_get_object (node);
}

/**
 * iwd_parse_json_require:
 * @object: an item of the root array
 * @key: a member that the item must have
 * @index: the item's index, from 0
 * @error: return location for a #GError
 *
 * Checks that @object has @key with a value other than null.
 *
 * Returns: %FALSE, with %IWD_PARSE_ERROR_SHAPE, if @key is missing
 */
gboolean
iwd_parse_json_require (JsonObject  *object,
                        const char  *key,
                        guint        index,
                        GError     **error)
{
  JsonNode *node = json_object_get_member (object, key);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                   "item %u: key '%s' is missing", index + 1, key);
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_parse_json_check_utf8:
 * @root: a node that json-glib parsed
 * @error: return location for a #GError
 *
 * Checks that every string and member name under @root is valid UTF-8.
 * json-glib 1.6 checks its input, but decodes the escape of a lone UTF-16
 * surrogate, such as `\ud800`, into bytes that are not UTF-8, which GTK
 * would reject and json-glib would write back as invalid JSON.
 *
 * Returns: %FALSE, with %IWD_PARSE_ERROR_ENCODING, if a string is not
 *   valid UTF-8
 */
gboolean
iwd_parse_json_check_utf8 (JsonNode  *root,
                           GError   **error)
{
  g_return_val_if_fail (root != NULL, FALSE);

  if (node_is_utf8 (root))
    return TRUE;

  g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING,
                       "a JSON string escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF), "
                       "which is not valid UTF-8");
  return FALSE;
}

/**
 * iwd_parse_json_check_nesting:
 * @text: JSON text
 * @length: its length in bytes
 * @error: return location for a #GError
 *
 * Checks that arrays and objects nest at most 64 levels deep, before
 * json-glib reads @text. It reads only brackets outside strings, so it
 * accepts invalid JSON that json-glib then rejects.
 *
 * Returns: %FALSE, with %IWD_PARSE_ERROR_SHAPE, if @text nests deeper
 */
gboolean
iwd_parse_json_check_nesting (const char  *text,
                              gsize        length,
                              GError     **error)
{
  gboolean in_string = FALSE;
  guint depth = 0;

  for (gsize i = 0; i < length; i++)
    {
      if (in_string && text[i] == '\\')
        i++;
      else if (text[i] == '"')
        in_string = !in_string;
      else if (!in_string && (text[i] == '[' || text[i] == '{'))
        depth++;
      else if (!in_string && (text[i] == ']' || text[i] == '}') && depth > 0)
        depth--;

      if (depth > MAX_NESTING_DEPTH)
        {
          g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                       "arrays and objects nest more than %d levels deep", MAX_NESTING_DEPTH);
          return FALSE;
        }
    }

  return TRUE;
}
