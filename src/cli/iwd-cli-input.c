/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iwd-cli-input.h"
#include "iwd-bad-line-message.h"
#include "iwd-commissions-json.h"
#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-parse-error.h"

#include <glib/gi18n.h>

/* How much of a JSON file is searched for the nested objects that mark
 * contracts. The first contract of the API's documented shape is far
 * shorter than this. */
#define DETECT_PREFIX_LENGTH (64 * 1024)

/* How many bad lines an error names before it counts the rest. */
#define MAX_BAD_LINES_NAMED 5

static gsize
skip_bom_and_spaces (const char *text,
                     gsize       length)
{
  gsize offset = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    offset = 3;

  while (offset < length && g_ascii_isspace (text[offset]))
    offset++;

  return offset;
}

static gboolean
has_nested_contract_object (const char *text,
                            gsize       length)
{
  g_autoptr(GRegex) regex = NULL;
  g_autoptr(GMatchInfo) match = NULL;

  /* A key inside a JSON string would be escaped as \"police\", so it
   * cannot match here. */
  regex = g_regex_new ("\"(police|client)\"\\s*:\\s*\\{", G_REGEX_RAW, 0, NULL);
  g_assert (regex != NULL);

  return g_regex_match_full (regex, text, MIN (length, DETECT_PREFIX_LENGTH),
                             0, 0, &match, NULL);
}

/**
 * iwd_cli_detect_input_kind:
 * @data: the file's bytes
 *
 * Detects the kind of a local file from its first bytes. A file that
 * starts with '[' or '{', after an optional UTF-8 byte-order mark and
 * spaces, is JSON, so that a JSON object gets the JSON parser's error
 * rather than being read as a one-column TSV. It is contracts when an object has a nested `police` or `client`
 * object within the first 64 KiB, and commissions otherwise. Any other
 * file is read as TSV, whose parser reports what does not fit.
 *
 * Returns: the kind of @data
 */
IwdCliInputKind
iwd_cli_detect_input_kind (GBytes *data)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (data, &length);
  gsize start = skip_bom_and_spaces (text, length);

  if (start >= length || (text[start] != '[' && text[start] != '{'))
    return IWD_CLI_INPUT_COMMISSIONS_TSV;

  if (has_nested_contract_object (text + start, length - start))
    return IWD_CLI_INPUT_CONTRACTS_JSON;

  return IWD_CLI_INPUT_COMMISSIONS_JSON;
}

/* Reads a statement as the window does, so that both name the same
 * lines in the user's language, but fails when any line is bad: a
 * script must not total a statement with lines left out. */
static IwdTable *
read_statement (GBytes  *data,
                GError **error)
{
  g_autoptr(GPtrArray) bad_lines = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_tsv_lenient (data, NULL, &bad_lines, error);
  g_autoptr(GString) message = NULL;

  if (table == NULL || bad_lines->len == 0)
    return g_steal_pointer (&table);

  message = g_string_new (NULL);
  for (guint i = 0; i < MIN (bad_lines->len, MAX_BAD_LINES_NAMED); i++)
    {
      g_autofree char *line = iwd_bad_line_dup_message (g_ptr_array_index (bad_lines, i));

      g_string_append_printf (message, "%s%s", i > 0 ? "; " : "", line);
    }

  if (bad_lines->len > MAX_BAD_LINES_NAMED)
    {
      guint n_more = bad_lines->len - MAX_BAD_LINES_NAMED;

      g_string_append (message, "; ");
      /* Translators: after the first lines of a statement that cannot be
       * read, %u is how many more there are */
      g_string_append_printf (message, ngettext ("and %u more line", "and %u more lines", n_more), n_more);
    }

  g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE, message->str);
  return NULL;
}

/**
 * iwd_cli_read_table:
 * @path: a local file of a kind that iwd_cli_detect_input_kind() detects
 * @error: return location for a #GFileError or an #IWD_PARSE_ERROR
 *
 * Reads a contracts or commissions file into a table. The file is mapped
 * rather than copied, because statements can hold a million rows.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
IwdTable *
iwd_cli_read_table (const char  *path,
                    GError     **error)
{
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) data = NULL;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_ISDIR, _("'%s' is a folder, not a file"), path);
      return NULL;
    }

  file = g_mapped_file_new (path, FALSE, error);
  if (file == NULL)
    return NULL;

  data = g_mapped_file_get_bytes (file);

  switch (iwd_cli_detect_input_kind (data))
    {
    case IWD_CLI_INPUT_CONTRACTS_JSON:
      return iwd_parse_contracts (data, NULL, error);
    case IWD_CLI_INPUT_COMMISSIONS_JSON:
      return iwd_parse_commissions_json (data, NULL, error);
    case IWD_CLI_INPUT_COMMISSIONS_TSV:
    default:
      return read_statement (data, error);
    }
}
