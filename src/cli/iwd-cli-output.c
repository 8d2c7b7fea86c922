/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iwd-cli-output.h"
#include "iwd-text.h"

/* Besides RFC 4180's comma, quote and line ends, a ';' is quoted because
 * spreadsheets in French locales split on it, and edge spaces are quoted
 * so that no importer trims them. */
static gboolean
csv_needs_quotes (const char *value)
{
  gsize length = strlen (value);

  if (strpbrk (value, ",;\"\r\n") != NULL)
    return TRUE;

  return length > 0 && (value[0] == ' ' || value[length - 1] == ' ');
}

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
 * iwd_cli_format_scaled:
 * @scaled: a decimal in ten-thousandths (%IWD_DECIMAL_SCALE)
 * @min_decimals: how many decimals to keep even when they are zeros, at
 *   most 4
 *
 * Writes a decimal exactly, with a '.' and no thousands separator. Zeros
 * after the last significant decimal are dropped down to @min_decimals,
 * so 12000000 gives "1200" with 0, "1200.00" with 2 and "1200.0000"
 * with 4. No floating point is involved.
 *
 * Returns: (transfer full): the decimal text
 */
char *
iwd_cli_format_scaled (gint64 scaled,
                       guint  min_decimals)
{
  /* Negating in unsigned arithmetic keeps G_MININT64 exact. */
  guint64 magnitude = scaled < 0 ? (guint64) 0 - (guint64) scaled : (guint64) scaled;
  const char *sign = scaled < 0 ? "-" : "";
  guint64 whole = magnitude / IWD_DECIMAL_SCALE;
  guint fraction = magnitude % IWD_DECIMAL_SCALE;
  char digits[8];
  int n_decimals = 4;

  g_snprintf (digits, sizeof digits, "%04u", fraction);

  while (n_decimals > (int) MIN (min_decimals, 4) && digits[n_decimals - 1] == '0')
    n_decimals--;

  if (n_decimals == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%.*s", sign, whole, n_decimals, digits);
}

/**
 * iwd_cli_csv_append_field:
 * @out: the text to append to
 * @value: (nullable): the field, %NULL for an empty cell
 *
 * Appends one CSV field, between double quotes with inner quotes doubled
 * when the value needs them (RFC 4180). An empty cell and %NULL both give
 * an empty field.
 */
void
iwd_cli_csv_append_field (GString    *out,
                          const char *value)
{
  if (value == NULL)
    return;

  if (!csv_needs_quotes (value))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');

      g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');
}

/**
 * iwd_cli_csv_append_row:
 * @out: the text to append to
 * @values: (array length=n_values): the fields, each nullable
 * @n_values: the number of fields
 *
 * Appends a CSV record, its fields separated by commas. The record ends
 * with "\n" rather than RFC 4180's "\r\n", because Unix tools such as
 * cut and awk would keep the "\r" in the last field.
 */
void
iwd_cli_csv_append_row (GString            *out,
                        const char * const *values,
                        gsize               n_values)
{
  for (gsize i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (out, ',');

      iwd_cli_csv_append_field (out, values[i]);
    }

  g_string_append_c (out, '\n');
}

/**
 * iwd_cli_json_append_string:
 * @out: the text to append to
 * @value: a UTF-8 string
 *
 * Appends @value as a JSON string literal (RFC 8259): quotes, backslashes
 * and control characters are escaped, other characters are kept as UTF-8.
 */
void
iwd_cli_json_append_string (GString    *out,
                            const char *value)
{
  g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }

  g_string_append_c (out, '"');
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
