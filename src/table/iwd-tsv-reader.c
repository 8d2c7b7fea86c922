/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Reads the lines of a commission statement into a table builder: the
 * header's columns, then each row, cell by cell, where the lines lie.
 * Lines and cells are never copied into strings of their own.
 */

#include "iwd-tsv-reader.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iwd-commissions-tsv.h"
#include "iwd-parse-error.h"
#include "iwd-table-schema.h"
#include "iwd-text.h"
#include "iwd-text-scan.h"

#define MAX_VALUE_IN_MESSAGE 40


void
iwd_tsv_reader_clear (IwdTsvReader *reader)
{
  g_clear_object (&reader->builder);
  g_clear_pointer (&reader->bad_lines, g_ptr_array_unref);
  g_clear_pointer (&reader->amount_keys, g_ptr_array_unref);
  if (reader->decoded != NULL)
    g_string_free (g_steal_pointer (&reader->decoded), TRUE);
  g_clear_pointer (&reader->failure, iwd_tsv_bad_line_free);
}

/* Finds the next cell of the line that ends at @line_end, trimmed of
 * ASCII spaces. Returns the position after the cell's tab, or NULL after
 * the last cell.
 * TODO: a cell quoted in the CSV manner keeps its quotes, and a tab
 * inside the quotes still splits it. */
static const char *
next_cell (const char  *start,
           const char  *line_end,
           const char **out_cell,
           gsize       *out_length)
{
  const char *tab = memchr (start, '\t', line_end - start);
  const char *end = tab != NULL ? tab : line_end;

  while (start < end && g_ascii_isspace (*start))
    start++;
  while (end > start && g_ascii_isspace (end[-1]))
    end--;

  *out_cell = start;
  *out_length = end - start;
  return tab != NULL ? tab + 1 : NULL;
}

static gboolean
is_blank (const char *line,
          const char *line_end)
{
  while (line < line_end && g_ascii_isspace (*line))
    line++;

  return line == line_end;
}

/* Makes a header unique by adding " 2", " 3"... to its repeats. */
static char *
make_unique_key (GHashTable *used,
                 const char *name)
{
  char *key = g_strdup (name);

  for (guint n = 2; g_hash_table_contains (used, key); n++)
    {
      g_free (key);
      key = g_strdup_printf ("%s %u", name, n);
    }

  g_hash_table_add (used, key);
  return g_strdup (key);
}

static void
note_amount_column (IwdTsvReader  *reader,
                    const char *key)
{
  if (reader->amount_keys == NULL)
    return;

  g_ptr_array_add (reader->amount_keys,
                   iwd_table_schema_looks_like_amount (key) ? g_strdup (key) : NULL);
}

static const char *
describe_kind (IwdTableKind kind)
{
  switch (kind)
    {
    case IWD_TABLE_KIND_MONEY:
      return "an amount";
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      return "a valid date";
    case IWD_TABLE_KIND_INTEGER:
      return "a whole number";
    case IWD_TABLE_KIND_DECIMAL:
      return "a number";
    case IWD_TABLE_KIND_BOOLEAN:
      return "true or false";
    case IWD_TABLE_KIND_TEXT:
    default:
      return "text";
    }
}

/* Names the column and the value, cut to MAX_VALUE_IN_MESSAGE characters
 * since a cell can be as long as the whole statement. The caller adds
 * the line. */
static void
set_bad_value_error (GError       **error,
                     const char    *key,
                     const char    *cell,
                     gsize          length,
                     IwdTableKind   expected)
{
  g_autofree char *value = g_strndup (cell, length);
  g_autofree char *start = NULL;
  gboolean cut = g_utf8_strlen (value, -1) > MAX_VALUE_IN_MESSAGE;

  if (cut)
    start = g_utf8_substring (value, 0, MAX_VALUE_IN_MESSAGE);

  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
               "column “%s” contains “%s%s”, which is not %s", key,
               cut ? start : value, cut ? "…" : "", describe_kind (expected));
}

/* The lenient reader checks amounts line by line, because the builder
 * rejects a value that is not a number in an amount column only when the
 * table is built, and then names no line. */
static gboolean
check_amount (IwdTsvReader   *reader,
              guint        column,
              const char  *cell,
              gsize        length,
              GError     **error)
{
  g_autofree char *text = NULL;
  const char *key;
  gboolean whole;
  gint64 value;

  if (reader->amount_keys == NULL || length == 0)
    return TRUE;

  key = g_ptr_array_index (reader->amount_keys, column);
  if (key == NULL || iwd_text_scan_plain_decimal (cell, length, &value, &whole))
    return TRUE;

  text = g_strndup (cell, length);
  if (iwd_text_parse_decimal (text, &value, NULL))
    return TRUE;

  set_bad_value_error (error, key, cell, length, IWD_TABLE_KIND_MONEY);
  return FALSE;
}

static void
add_header_column (IwdTsvReader  *reader,
                   GHashTable *used,
                   const char *cell,
                   gsize       length)
{
  g_autofree char *name = NULL;
  g_autofree char *key = NULL;
  g_autofree char *label = NULL;
  guint column;

  if (length > 0)
    name = g_strndup (cell, length);
  else
    name = g_strdup_printf ("Column %u", reader->n_columns + 1);

  key = make_unique_key (used, name);
  column = iwd_table_builder_ensure_column (reader->builder, key);
  reader->n_columns++;
  note_amount_column (reader, key);
  if (length > 0)
    return;

  /* Translators: the heading of a column whose header cell is empty */
  label = g_strdup_printf (_("Column %u"), column + 1);
  iwd_table_builder_set_column_label (reader->builder, column, label);
}

void
iwd_tsv_reader_read_header (IwdTsvReader  *reader,
                            const char *line,
                            const char *line_end)
{
  g_autoptr(GHashTable) used = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  const char *rest = line;

  while (rest != NULL)
    {
      const char *cell;
      gsize length;

      rest = next_cell (rest, line_end, &cell, &length);
      add_header_column (reader, used, cell, length);
    }
}

/* Describes a cell whose value does not fit its column, for a message
 * in the user's language. */
static void
note_bad_value (IwdTsvReader *reader,
                guint         column,
                const char   *cell,
                gsize         length,
                IwdTableKind  expected)
{
  g_clear_pointer (&reader->failure, iwd_tsv_bad_line_free);
  reader->failure = g_new0 (IwdTsvBadLine, 1);
  reader->failure->kind = IWD_TSV_BAD_LINE_VALUE;
  reader->failure->column = g_strdup (iwd_table_builder_get_column_key (reader->builder, column));
  reader->failure->value = g_strndup (cell, length);
  reader->failure->expected = expected;
}

static void
note_extra_cell (IwdTsvReader *reader,
                 guint         column)
{
  g_clear_pointer (&reader->failure, iwd_tsv_bad_line_free);
  reader->failure = g_new0 (IwdTsvBadLine, 1);
  reader->failure->kind = IWD_TSV_BAD_LINE_EXTRA_CELL;
  reader->failure->cell = column + 1;
  reader->failure->n_columns = reader->n_columns;
}

static gboolean
read_cell (IwdTsvReader  *reader,
           guint          column,
           const char    *cell,
           gsize          length,
           GError       **error)
{
  g_autoptr(GError) cell_error = NULL;

  if (!check_amount (reader, column, cell, length, error))
    {
      note_bad_value (reader, column, cell, length, IWD_TABLE_KIND_MONEY);
      return FALSE;
    }

  if (!iwd_table_builder_set_cell (reader->builder, column, cell, length, &cell_error))
    {
      IwdTableKind expected = iwd_table_builder_get_column_kind (reader->builder, column);
      const char *key = iwd_table_builder_get_column_key (reader->builder, column);

      /* The builder names its row, which the reader words as a line. */
      note_bad_value (reader, column, cell, length, expected);
      if (expected == IWD_TABLE_KIND_TEXT)
        g_propagate_error (error, g_steal_pointer (&cell_error));
      else
        set_bad_value_error (error, key, cell, length, expected);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_row (IwdTsvReader   *reader,
          const char  *line,
          const char  *line_end,
          guint        line_number,
          GError     **error)
{
  const char *rest = line;

  for (guint column = 0; rest != NULL; column++)
    {
      const char *cell;
      gsize length;

      rest = next_cell (rest, line_end, &cell, &length);
      if (column < reader->n_columns)
        {
          if (!read_cell (reader, column, cell, length, error))
            {
              g_prefix_error (error, "line %u: ", line_number);
              return FALSE;
            }
        }
      else if (length > 0)
        {
          note_extra_cell (reader, column);
          g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                       "line %u: cell %u has a value, but the header has only %u columns",
                       line_number, column + 1, reader->n_columns);
          return FALSE;
        }
    }

  iwd_table_builder_end_row (reader->builder);
  return TRUE;
}

/* Empties the cells that a rejected line set, so that the next line
 * overwrites them. The row itself was never ended.
 * NOTE: the values of the rejected line's valid cells still narrowed
 * the kinds that their columns may take. */
static void
discard_row (IwdTsvReader *reader)
{
  for (guint column = 0; column < reader->n_columns; column++)
    iwd_table_builder_set_cell (reader->builder, column, NULL, 0, NULL);
}

static void
keep_bad_line (IwdTsvReader *reader,
               GError    *error)
{
  IwdTsvBadLine *bad_line = g_steal_pointer (&reader->failure);
  g_autofree char *prefix = g_strdup_printf ("line %u: ", reader->n_lines);
  const char *reason = error->message;

  if (bad_line == NULL)
    {
      bad_line = g_new0 (IwdTsvBadLine, 1);
      bad_line->kind = IWD_TSV_BAD_LINE_OTHER;
    }

  /* The line number has its own field. */
  if (g_str_has_prefix (reason, prefix))
    reason += strlen (prefix);

  bad_line->line = reader->n_lines;
  bad_line->reason = g_strdup (reason);
  g_ptr_array_add (reader->bad_lines, bad_line);
}

static gboolean
read_row_leniently (IwdTsvReader   *reader,
                    const char  *line,
                    const char  *line_end,
                    GError     **error)
{
  g_autoptr(GError) row_error = NULL;

  if (read_row (reader, line, line_end, reader->n_lines, &row_error))
    return TRUE;

  if (reader->bad_lines == NULL)
    {
      g_propagate_error (error, g_steal_pointer (&row_error));
      return FALSE;
    }

  keep_bad_line (reader, row_error);
  discard_row (reader);
  return TRUE;
}

/* The first non-blank line is the header, and every later one a row. */
static gboolean
read_line (IwdTsvReader   *reader,
           const char  *line,
           const char  *line_end,
           GError     **error)
{
  reader->n_lines++;

  if (is_blank (line, line_end))
    return TRUE;

  if (reader->has_header)
    return read_row_leniently (reader, line, line_end, error);

  iwd_tsv_reader_read_header (reader, line, line_end);
  reader->has_header = TRUE;
  return TRUE;
}

/* Finds where the block that starts at @start ends: just after the last
 * LF within IWD_TSV_BLOCK_SIZE bytes, or after the first LF beyond them when a
 * line is longer than a block. A CRLF is never cut in two. */
static gsize
find_block_end (const char *utf8,
                gsize       start,
                gsize       length)
{
  gsize end = MIN (start + IWD_TSV_BLOCK_SIZE, length);
  const char *newline;

  if (end == length)
    return length;

  for (gsize i = end; i > start; i--)
    {
      if (utf8[i - 1] == '\n')
        return i;
    }

  newline = memchr (utf8 + end, '\n', length - end);
  return newline != NULL ? (gsize) (newline - utf8) + 1 : length;
}

/* Reads the lines of [@line, @end), where @end is an LF or the end of
 * the text. A CR before @end ends a line too, as in iwd_text_split_lines(),
 * and a CR just before the LF belongs to the same line end. */
static gboolean
read_lines_up_to (IwdTsvReader   *reader,
                  const char  *line,
                  const char  *end,
                  GError     **error)
{
  const char *cr;

  while ((cr = memchr (line, '\r', end - line)) != NULL && cr + 1 < end)
    {
      if (!read_line (reader, line, cr, error))
        return FALSE;
      line = cr + 1;
    }

  return read_line (reader, line, cr != NULL ? cr : end, error);
}

/* Reads every line of a block. The empty text after a final line end
 * is not a line. */
static gboolean
read_block (IwdTsvReader   *reader,
            const char  *block,
            gsize        length,
            GError     **error)
{
  const char *line = block;
  const char *block_end = block + length;

  while (line < block_end)
    {
      const char *newline = memchr (line, '\n', block_end - line);
      const char *end = newline != NULL ? newline : block_end;

      if (!read_lines_up_to (reader, line, end, error))
        return FALSE;

      line = end + 1;
    }

  return TRUE;
}

static gboolean
read_decoded_block (IwdTsvReader   *reader,
                    const char  *block,
                    gsize        length,
                    GError     **error)
{
  if (reader->decoded == NULL)
    return read_block (reader, block, length, error);

  g_string_truncate (reader->decoded, 0);
  iwd_text_append_windows_1252 (reader->decoded, block, length);
  return read_block (reader, reader->decoded->str, reader->decoded->len, error);
}

gboolean
iwd_tsv_reader_read_text (IwdTsvReader     *reader,
                          const char    *text,
                          gsize          length,
                          GCancellable  *cancellable,
                          GError       **error)
{
  gsize start = 0;

  while (start < length)
    {
      gsize end = find_block_end (text, start, length);

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;

      if (!read_decoded_block (reader, text + start, end - start, error))
        return FALSE;

      start = end;
    }

  return TRUE;
}

