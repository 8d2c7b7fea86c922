/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-tsv.h"
#include "iwd-commissions-tsv-private.h"


#include "iwd-parse-error.h"
#include "iwd-text.h"
#include "iwd-tsv-parts.h"
#include "iwd-tsv-reader.h"

/* Reads a large statement in parts, one per processor, or @n_parts
 * parts when it is not 0. Returns FALSE when the statement must be read
 * in one part, and otherwise the table or a cancellation. */
static gboolean
read_in_parts (IwdTsvReader  *reader,
               const char    *text,
               gsize          length,
               gboolean       windows_1252,
               guint          n_parts,
               GCancellable  *cancellable,
               IwdTable     **out_table,
               GError       **error)
{
  gboolean declined = TRUE;

  if (n_parts == 0)
    n_parts = iwd_tsv_count_parts (length);

  if (n_parts > 1)
    *out_table = iwd_tsv_read_in_parts (text, length, windows_1252, reader->bad_lines != NULL,
                                        n_parts, cancellable, &declined, error);

  return !declined;
}

static IwdTable *read_statement (IwdTsvReader  *reader,
                                 GBytes        *data,
                                 guint          n_parts,
                                 GCancellable  *cancellable,
                                 GError       **error);

/* The builder settles an amount column only at the end, so its error
 * names a table row. A lenient read of the same statement finds the
 * file line at fault, which the error then names instead. This costs a
 * second read, of a statement that fails anyway. */
static void
name_bad_line (GBytes  *data,
               GError **error)
{
  g_auto(IwdTsvReader) lenient = { NULL, 0, FALSE, 0, NULL, NULL, NULL, NULL };
  g_autoptr(IwdTable) table = NULL;
  IwdTsvBadLine *bad_line;

  if (!g_error_matches (*error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE))
    return;

  lenient.bad_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_tsv_bad_line_free);
  lenient.amount_keys = g_ptr_array_new_with_free_func (g_free);
  table = read_statement (&lenient, data, 1, NULL, NULL);
  if (table == NULL || lenient.bad_lines->len == 0)
    return;

  bad_line = g_ptr_array_index (lenient.bad_lines, 0);
  g_clear_error (error);
  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE, "line %u: %s",
               bad_line->line, bad_line->reason);
}

static IwdTable *
read_statement (IwdTsvReader  *reader,
                GBytes        *data,
                guint          n_parts,
                GCancellable  *cancellable,
                GError       **error)
{
  g_autoptr(GError) build_error = NULL;
  IwdTable *table = NULL;
  const char *text;
  gboolean windows_1252;
  gsize length;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  text = iwd_text_sniff (g_bytes_get_data (data, NULL), g_bytes_get_size (data),
                         &length, &windows_1252, error);
  if (text == NULL)
    return NULL;

  if (read_in_parts (reader, text, length, windows_1252, n_parts, cancellable, &table, error))
    return table;

  if (windows_1252)
    reader->decoded = g_string_sized_new (IWD_TSV_BLOCK_SIZE + IWD_TSV_BLOCK_SIZE / 2);

  reader->builder = iwd_table_builder_new ();
  if (!iwd_tsv_reader_read_text (reader, text, length, cancellable, error))
    return NULL;

  if (!reader->has_header)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY,
                           "the statement is empty, without even a header row");
      return NULL;
    }

  table = iwd_table_builder_build (reader->builder, &build_error);
  if (table == NULL && reader->bad_lines == NULL)
    name_bad_line (data, &build_error);

  if (build_error != NULL)
    g_propagate_error (error, g_steal_pointer (&build_error));
  return table;
}

/**
 * iwd_parse_commissions_tsv:
 * @data: a commission statement as tab-separated text
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a commission statement as insurers write them: UTF-8 (with or
 * without a byte-order mark) or Windows-1252, CRLF or LF line ends,
 * blank lines, decimal commas and no-break-space thousands, dates as
 * `dd/mm/yyyy`, and a last line without a line end.
 *
 * The first non-blank line names the columns. An empty header becomes
 * "Column N" and a repeated one gets " 2", " 3"... A row shorter than
 * the header leaves its last cells empty, and a longer row may only add
 * empty cells. Column kinds are inferred as #IwdTableBuilder does.
 *
 * The cancellable is checked every few thousand lines, so this can run
 * in a #GTask thread.
 *
 * Returns: (transfer full): the table, or %NULL with @error set: in
 *   %IWD_PARSE_ERROR naming the line, or %G_IO_ERROR_CANCELLED
 */
IwdTable *
iwd_parse_commissions_tsv (GBytes        *data,
                           GCancellable  *cancellable,
                           GError       **error)
{
  g_auto(IwdTsvReader) reader = { NULL, 0, FALSE, 0, NULL, NULL, NULL, NULL };

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return read_statement (&reader, data, 0, cancellable, error);
}

/**
 * iwd_parse_commissions_tsv_lenient:
 * @data: a commission statement as tab-separated text
 * @cancellable: (nullable): a #GCancellable
 * @out_bad_lines: (out) (transfer full) (element-type IwdTsvBadLine):
 *   return location for the lines that were left out
 * @error: return location for a #GError
 *
 * Reads a commission statement as iwd_parse_commissions_tsv() does, but
 * leaves out each row that cannot be read, instead of failing on the
 * first one, and lists it in @out_bad_lines with its line number and
 * the reason. A value that is not a number in a column named like an
 * amount is such a reason. Only an empty statement, a text that cannot
 * be decoded or a cancellation still fail the whole read.
 *
 * Returns: (transfer full): the table of the rows that were read, or
 *   %NULL with @error set
 */
IwdTable *
iwd_parse_commissions_tsv_lenient (GBytes        *data,
                                   GCancellable  *cancellable,
                                   GPtrArray    **out_bad_lines,
                                   GError       **error)
{
  g_auto(IwdTsvReader) reader = { NULL, 0, FALSE, 0, NULL, NULL, NULL, NULL };
  IwdTable *table;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);
  g_return_val_if_fail (out_bad_lines != NULL, NULL);

  reader.bad_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_tsv_bad_line_free);
  reader.amount_keys = g_ptr_array_new_with_free_func (g_free);

  table = read_statement (&reader, data, 0, cancellable, error);
  if (table != NULL)
    *out_bad_lines = g_steal_pointer (&reader.bad_lines);
  return table;
}

/**
 * iwd_tsv_bad_line_free:
 * @bad_line: (transfer full): a line left out by
 *   iwd_parse_commissions_tsv_lenient()
 *
 * Frees a bad line and its reason.
 */
void
iwd_tsv_bad_line_free (IwdTsvBadLine *bad_line)
{
  if (bad_line == NULL)
    return;

  g_free (bad_line->reason);
  g_free (bad_line->column);
  g_free (bad_line->value);
  g_free (bad_line);
}

/**
 * iwd_parse_commissions_tsv_in_parts:
 * @data: a commission statement as tab-separated text
 * @n_parts: how many parts to read it in, whatever its size
 * @out_bad_lines: (out) (optional) (transfer full) (element-type IwdTsvBadLine):
 *   return location for the lines left out, to read leniently, or %NULL
 * @error: return location for a #GError
 *
 * Reads a statement as iwd_parse_commissions_tsv() or, with
 * @out_bad_lines, as iwd_parse_commissions_tsv_lenient() does, in
 * @n_parts parts even when it is small, so that tests can compare the
 * result with one part's.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
IwdTable *
iwd_parse_commissions_tsv_in_parts (GBytes     *data,
                                    guint       n_parts,
                                    GPtrArray **out_bad_lines,
                                    GError    **error)
{
  g_auto(IwdTsvReader) reader = { NULL, 0, FALSE, 0, NULL, NULL, NULL, NULL };
  IwdTable *table;

  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (n_parts > 0, NULL);

  if (out_bad_lines != NULL)
    {
      reader.bad_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_tsv_bad_line_free);
      reader.amount_keys = g_ptr_array_new_with_free_func (g_free);
    }

  table = read_statement (&reader, data, n_parts, NULL, error);
  if (table != NULL && out_bad_lines != NULL)
    *out_bad_lines = g_steal_pointer (&reader.bad_lines);
  return table;
}
