/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-fuzz.h"
#include "iwd-text.h"

static void
parse_line (const char *line)
{
  g_autofree char *folded = NULL;
  gint64 number;
  gboolean has_time;

  iwd_text_parse_decimal (line, &number, NULL);
  iwd_text_parse_integer (line, &number, NULL);
  iwd_text_parse_datetime (line, &number, &has_time, NULL);
  folded = iwd_text_fold_for_search (line);
}

/* Decodes the input as a reply body is decoded, from UTF-8 or
 * Windows-1252, and splits it into lines. Each line is then parsed as a
 * decimal, an integer and a date, and folded for search, as the table
 * parsers do with each cell. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autofree char *utf8 = NULL;
  g_auto(GStrv) lines = NULL;
  gsize length;

  iwd_fuzz_init ();

  utf8 = iwd_text_to_utf8 ((const char *) data, size, &length, NULL);
  if (utf8 == NULL)
    return 0;

  g_assert_true (g_utf8_validate_len (utf8, length, NULL));

  lines = iwd_text_split_lines (utf8, length);
  for (gsize i = 0; lines[i] != NULL; i++)
    parse_line (lines[i]);

  return 0;
}
