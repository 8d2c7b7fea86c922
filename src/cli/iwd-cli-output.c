/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-cli-output.h"

static gsize
display_width (const char *text)
{
  gsize width = 0;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_iszerowidth (c))
        continue;

      width += g_unichar_iswide (c) ? 2 : 1;
    }

  return width;
}

/* A cell of a terminal table stays on one line. */
static char *
dup_single_line (const char *value)
{
  char *line = g_strdup (value != NULL ? value : "");

  for (char *p = line; *p != '\0'; p++)
    {
      if ((guchar) *p < 0x20)
        *p = ' ';
    }

  return line;
}

static void
append_padded (GString    *out,
               const char *cell,
               gsize       width,
               gboolean    last)
{
  g_string_append (out, cell);

  if (last)
    return;

  for (gsize i = display_width (cell); i < width + 2; i++)
    g_string_append_c (out, ' ');
}

static void
append_table_line (GString            *out,
                   const char * const *cells,
                   const gsize        *widths,
                   gsize               n_columns)
{
  for (gsize i = 0; i < n_columns; i++)
    {
      g_autofree char *cell = dup_single_line (cells[i]);

      append_padded (out, cell, widths[i], i + 1 == n_columns);
    }

  g_string_append_c (out, '\n');
}

static void
append_rule (GString     *out,
             const gsize *widths,
             gsize        n_columns)
{
  for (gsize i = 0; i < n_columns; i++)
    {
      for (gsize j = 0; j < widths[i]; j++)
        g_string_append_c (out, '-');

      if (i + 1 < n_columns)
        g_string_append (out, "  ");
    }

  g_string_append_c (out, '\n');
}

static void
widen_to_cells (gsize              *widths,
                const char * const *cells,
                gsize               n_columns)
{
  for (gsize i = 0; i < n_columns; i++)
    {
      g_autofree char *cell = dup_single_line (cells[i]);

      widths[i] = MAX (widths[i], display_width (cell));
    }
}

/**
 * iwd_cli_format_from_string:
 * @name: "text", "csv" or "json"
 * @out_format: (out): the format named
 *
 * Looks up an output format by the name given to `--format`.
 *
 * Returns: %TRUE if @name is a known format
 */
gboolean
iwd_cli_format_from_string (const char   *name,
                            IwdCliFormat *out_format)
{
  static const char * const names[] = { "text", "csv", "json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      if (g_strcmp0 (name, names[i]) == 0)
        {
          *out_format = (IwdCliFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * iwd_cli_format_text_table:
 * @headers: (array length=n_columns): the column titles
 * @n_columns: the number of columns
 * @rows: (element-type GStrv): rows of @n_columns cells each, a %NULL
 *   cell being empty
 *
 * Lays out a table for a terminal, with a rule under the titles. Each
 * column is as wide as its widest cell on screen, where wide characters
 * count twice, and two spaces separate the columns. Control characters
 * in cells are shown as spaces, so that each row stays on one line.
 *
 * Returns: (transfer full): the table, each line ending with "\n"
 */
char *
iwd_cli_format_text_table (const char * const *headers,
                           gsize               n_columns,
                           GPtrArray          *rows)
{
  g_autofree gsize *widths = g_new0 (gsize, n_columns);
  GString *out = g_string_new (NULL);

  widen_to_cells (widths, headers, n_columns);
  for (guint i = 0; i < rows->len; i++)
    widen_to_cells (widths, g_ptr_array_index (rows, i), n_columns);

  append_table_line (out, headers, widths, n_columns);
  append_rule (out, widths, n_columns);
  for (guint i = 0; i < rows->len; i++)
    append_table_line (out, g_ptr_array_index (rows, i), widths, n_columns);

  return g_string_free (out, FALSE);
}
