/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-parse-companies.h"
#include "iwd-parse-error.h"
#include "iwd-text.h"

#define LABEL_SEPARATOR " - "

/* Characters that never appear in a company line, but do in the HTML or
 * JSON error pages that a server may send with status 200. */
#define IMPLAUSIBLE_CHARACTERS "<>{}"

/* Cuts @line at the first ';' or tab, since the columns after the name
 * are not documented, and removes trailing spaces in place. Leading
 * spaces stay, so that " - Label" still shows its missing name. */
static char *
keep_first_column (char *line)
{
  line[strcspn (line, ";\t")] = '\0';

  return g_strchomp (line);
}

static gboolean
check_plausible (const char  *line,
                 guint        line_number,
                 GError     **error)
{
  const char *bad = strpbrk (line, IMPLAUSIBLE_CHARACTERS);

  if (bad == NULL)
    return TRUE;

  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
               "line %u: unexpected character '%c' in the company list",
               line_number, *bad);
  return FALSE;
}

/* Makes a company of "CODE - Label" or of a bare "CODE". */
static IwdCompany *
company_from_line (char *line)
{
  char *separator = strstr (line, LABEL_SEPARATOR);
  const char *label = NULL;

  if (separator != NULL)
    {
      *separator = '\0';
      label = g_strstrip (separator + strlen (LABEL_SEPARATOR));
    }

  return iwd_company_new (g_strstrip (line), label != NULL && *label != '\0' ? label : NULL);
}

/* Adds @company unless a company of the same name, ignoring case, came
 * before it in the list. */
static void
add_unless_duplicate (GPtrArray  *companies,
                      GHashTable *seen_names,
                      IwdCompany *company)
{
  char *folded_name = g_utf8_casefold (iwd_company_get_name (company), -1);

  if (g_hash_table_contains (seen_names, folded_name))
    {
      g_debug ("parse: company list: duplicate of '%s' dropped",
               iwd_company_get_name (company));
      g_free (folded_name);
      g_object_unref (company);
      return;
    }

  g_hash_table_add (seen_names, folded_name);
  g_ptr_array_add (companies, company);
}

static GPtrArray *
companies_from_lines (char    **lines,
                      GError  **error)
{
  g_autoptr(GPtrArray) companies = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) seen_names = g_hash_table_new_full (g_str_hash, g_str_equal,
                                                            g_free, NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = keep_first_column (lines[i]);
      IwdCompany *company;

      if (*line == '\0')
        continue;

      if (!check_plausible (line, i + 1, error))
        return NULL;

      company = company_from_line (line);
      if (*iwd_company_get_name (company) == '\0')
        {
          g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
                       "line %u: the company name is missing", i + 1);
          g_object_unref (company);
          return NULL;
        }

      add_unless_duplicate (companies, seen_names, company);
    }

  return g_steal_pointer (&companies);
}

/**
 * iwd_parse_company_list:
 * @data: the body of the company list
 * @error: return location for a #GError
 *
 * Reads the plain-text company list, one company per line, as "CODE" or
 * "CODE - Label". The text may be UTF-8, with or without a byte-order
 * mark, or Windows-1252, with any line ends. Blank lines are skipped,
 * names and labels trimmed, columns after a ';' or a tab dropped, and a
 * name that comes again (ignoring case) is kept only the first time.
 * Companies keep the order of the list.
 *
 * Fails with %IWD_PARSE_ERROR_EMPTY when no company is listed, with
 * %IWD_PARSE_ERROR_SYNTAX naming the line when one contains '<', '>',
 * '{' or '}' (an HTML or JSON page in place of the list), and with
 * %IWD_PARSE_ERROR_ENCODING as iwd_text_to_utf8() does.
 *
 * Returns: (transfer full) (element-type IwdCompany): the companies, or
 *   %NULL
 */
GPtrArray *
iwd_parse_company_list (GBytes  *data,
                        GError **error)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(GPtrArray) companies = NULL;
  gsize length = 0;
  gsize size = 0;
  const char *bytes = data != NULL ? g_bytes_get_data (data, &size) : NULL;

  text = iwd_text_to_utf8 (bytes, size, &length, error);
  if (text == NULL)
    return NULL;

  lines = iwd_text_split_lines (text, length);
  companies = companies_from_lines (lines, error);
  if (companies == NULL)
    return NULL;

  if (companies->len == 0)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY,
                           "the company list is empty");
      return NULL;
    }

  return g_steal_pointer (&companies);
}
