/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include <json-glib/json-glib.h>

#include "iwd-parse-check-reply.h"
#include "iwd-parse-error.h"
#include "iwd-parse-json.h"
#include "iwd-text.h"

/* Unwraps a reply sent as a JSON string, such as "\"General=Ok\"". */
static char *
unquote_json_string (const char  *text,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) json_error = NULL;
  JsonNode *root;

  if (!iwd_parse_json_check_nesting (text, strlen (text), error))
    return NULL;

  if (!json_parser_load_from_data (parser, text, -1, &json_error)
      || (root = json_parser_get_root (parser)) == NULL
      || json_node_get_value_type (root) != G_TYPE_STRING)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                           "the reply starts with '\"' but is not a JSON string");
      return NULL;
    }

  if (!iwd_parse_json_check_utf8 (root, error))
    return NULL;

  return g_strdup (json_node_get_string (root));
}

/* Decodes and trims the body, unwrapping a JSON string. */
static char *
body_to_text (GBytes  *data,
              GError **error)
{
  gsize size = 0;
  const char *bytes = data != NULL ? g_bytes_get_data (data, &size) : NULL;
  g_autofree char *text = iwd_text_to_utf8 (bytes, size, NULL, error);

  if (text == NULL)
    return NULL;

  g_strstrip (text);
  if (*text == '"')
    return unquote_json_string (text, error);

  return g_steal_pointer (&text);
}

static const char *
describe_json_node (JsonNode *node)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_OBJECT:
      return "a JSON object";
    case JSON_NODE_ARRAY:
      return "a JSON array";
    case JSON_NODE_NULL:
      return "JSON null";
    case JSON_NODE_VALUE:
    default:
      return "a JSON number or boolean";
    }
}

/* Rejects a body that is JSON other than a string, or that starts like a
 * JSON object or array but does not parse, as a cut reply does. Such a
 * body is not the insurer's verdict, so reading its text as messages
 * would show a refusal that never happened. */
static gboolean
check_not_other_json (const char  *text,
                      GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  gboolean starts_as_json = *text == '{' || *text == '[';
  JsonNode *root;

  if (starts_as_json && !iwd_parse_json_check_nesting (text, strlen (text), error))
    return FALSE;

  if (!json_parser_load_from_data (parser, text, -1, NULL)
      || (root = json_parser_get_root (parser)) == NULL)
    {
      if (!starts_as_json)
        return TRUE;

      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                   "the reply starts with '%c' but is not valid JSON (cut or malformed), "
                   "expected Key=message lines", *text);
      return FALSE;
    }

  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
               "the reply is %s, expected Key=message lines or a JSON string",
               describe_json_node (root));
  return FALSE;
}

/* Reads "Key=message", where a line without '=' or with an empty key is
 * a message about the whole form. */
static IwdCheckMessage *
message_from_line (char *line)
{
  char *equals = strchr (line, '=');
  const char *key = IWD_CHECK_GENERAL_KEY;

  if (equals != NULL)
    {
      *equals = '\0';
      g_strstrip (line);
      if (*line != '\0')
        key = line;
      line = equals + 1;
    }

  return iwd_check_message_new (key, g_strstrip (line));
}

static GPtrArray *
messages_from_text (const char *text)
{
  GPtrArray *messages = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_check_message_free);
  g_auto(GStrv) lines = iwd_text_split_lines (text, strlen (text));

  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*g_strstrip (lines[i]) == '\0')
        continue;

      g_ptr_array_add (messages, message_from_line (lines[i]));
    }

  return messages;
}

/**
 * iwd_parse_check_reply:
 * @data: the body of a credential check reply
 * @error: return location for a #GError
 *
 * Reads the reply to a credential check: `Key=message` lines, as plain
 * text or as one JSON string ("\"General=Ok\""). A line without '=' is a
 * message about the whole form, and blank lines are skipped. Whether the
 * check succeeded is iwd_check_reply_get_is_ok().
 *
 * Fails with %IWD_PARSE_ERROR_EMPTY on an empty or blank body, and with
 * %IWD_PARSE_ERROR_SHAPE on JSON that is not a string. Fails with
 * %IWD_PARSE_ERROR_SYNTAX on an HTML page, an invalid JSON string, or a
 * body that starts like a JSON object or array but does not parse. These
 * bodies are not the insurer's verdict, so they must not read as a
 * refusal.
 *
 * TODO: a plain-text reply cut after a complete line looks like a whole
 * one, so it parses as the lines that arrived.
 *
 * Returns: (transfer full): the reply, or %NULL
 */
IwdCheckReply *
iwd_parse_check_reply (GBytes  *data,
                       GError **error)
{
  g_autofree char *text = body_to_text (data, error);
  g_autoptr(GPtrArray) messages = NULL;

  if (text == NULL)
    return NULL;

  if (*text == '<')
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                           "line 1: the reply is HTML, expected Key=message lines");
      return NULL;
    }

  if (!check_not_other_json (text, error))
    return NULL;

  messages = messages_from_text (text);
  if (messages->len == 0)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY,
                           "the check reply is empty");
      return NULL;
    }

  return iwd_check_reply_new (messages);
}
