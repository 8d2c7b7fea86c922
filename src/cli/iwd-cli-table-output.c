/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-cli-command.h"
#include "iwd-cli-output.h"
#include "iwd-cli-table-output.h"
#include "iwd-export-rows.h"
#include "iwd-export-values.h"
#include "iwd-parse-error.h"

/* Output is written in pieces of about this size. */
#define WRITE_CHUNK_SIZE (64 * 1024)

static gboolean
write_csv (IwdTable *table)
{
  g_autoptr(GString) out = g_string_new (NULL);
  guint n_rows = iwd_table_get_n_rows (table);

  iwd_export_append_csv_header (out, table, NULL, 0, IWD_EXPORT_FORMAT_CSV);

  for (guint row = 0; row < n_rows; row++)
    {
      iwd_export_append_csv_row (out, table, row, NULL, 0, IWD_EXPORT_FORMAT_CSV);

      if (!iwd_cli_write_stdout (out, WRITE_CHUNK_SIZE))
        return FALSE;
    }

  return iwd_cli_write_stdout (out, 0);
}

static gboolean
write_json (IwdTable *table)
{
  g_autoptr(GString) out = g_string_new ("[");
  guint n_rows = iwd_table_get_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    {
      g_string_append (out, row == 0 ? "\n  " : ",\n  ");
      iwd_export_append_json_row (out, table, row, NULL, 0);

      if (!iwd_cli_write_stdout (out, WRITE_CHUNK_SIZE))
        return FALSE;
    }

  g_string_append (out, n_rows > 0 ? "\n]\n" : "]\n");

  return iwd_cli_write_stdout (out, 0);
}

/* The text layout needs every cell to size its columns, so the whole
 * table sits in memory as text once. */
static gboolean
write_text (IwdTable *table)
{
  guint n_columns = iwd_table_get_n_columns (table);
  g_autofree const char **labels = g_new0 (const char *, n_columns + 1);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GString) out = NULL;
  g_autofree char *text = NULL;

  for (guint column = 0; column < n_columns; column++)
    labels[column] = iwd_table_get_column_label (table, column);

  for (guint row = 0; row < iwd_table_get_n_rows (table); row++)
    {
      GStrv cells = g_new0 (char *, n_columns + 1);

      for (guint column = 0; column < n_columns; column++)
        cells[column] = iwd_table_dup_cell_string (table, row, column);

      g_ptr_array_add (rows, cells);
    }

  text = iwd_cli_format_text_table (labels, n_columns, rows);
  out = g_string_new (text);
  return iwd_cli_write_stdout (out, 0);
}

static gboolean
sum_money_column (IwdTable  *table,
                  guint      column,
                  gint64    *out_total,
                  GError   **error)
{
  if (iwd_table_sum_column (table, column, out_total))
    return TRUE;

  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
               "the total of column '%s' is too large to be computed",
               iwd_table_get_column_key (table, column));
  return FALSE;
}

static void
append_total (GString    *out,
              const char *key,
              gint64      total,
              gboolean    as_json,
              gboolean    first)
{
  /* Amounts keep their cents even when they are zeros: "989.90". */
  g_autofree char *amount = iwd_export_format_scaled (total, 2, '.');

  if (!as_json)
    {
      g_string_append_printf (out, "%s: %s\n", key, amount);
      return;
    }

  g_string_append (out, first ? "  " : ",\n  ");
  iwd_export_json_append_string (out, key);
  g_string_append_printf (out, ": %s", amount);
}

/**
 * iwd_cli_table_append_totals:
 * @out: the text to append to
 * @table: a table
 * @as_json: %TRUE for one JSON object, %FALSE for "Key: total" lines
 * @out_n_totals: (out) (optional): the number of amount columns found
 * @error: return location for an #IWD_PARSE_ERROR
 *
 * Appends the exact total of each amount (%IWD_TABLE_KIND_MONEY) column,
 * with at least two decimals, so that a broker can reconcile it with the
 * insurer's statement.
 *
 * Returns: %TRUE, or %FALSE if a total does not fit a #gint64
 */
gboolean
iwd_cli_table_append_totals (GString   *out,
                             IwdTable  *table,
                             gboolean   as_json,
                             guint     *out_n_totals,
                             GError   **error)
{
  guint n_totals = 0;

  if (as_json)
    g_string_append (out, "{\n");

  for (guint i = 0; i < iwd_table_get_n_columns (table); i++)
    {
      gint64 total = 0;

      if (iwd_table_get_column_kind (table, i) != IWD_TABLE_KIND_MONEY)
        continue;

      if (!sum_money_column (table, i, &total, error))
        return FALSE;

      append_total (out, iwd_table_get_column_key (table, i), total, as_json, n_totals == 0);
      n_totals++;
    }

  if (as_json)
    g_string_append (out, n_totals > 0 ? "\n}\n" : "}\n");

  if (out_n_totals != NULL)
    *out_n_totals = n_totals;

  return TRUE;
}

/**
 * iwd_cli_table_print:
 * @table: a table
 * @format: the output format
 *
 * Prints every row of a table on standard output, written the same way
 * in every locale: as aligned text under the column labels, as CSV under
 * the column keys, or as a JSON array of objects. Amounts have a '.' and
 * no thousands separator, and dates are ISO 8601.
 *
 * Returns: %FALSE if standard output could not be written, with errno set
 */
gboolean
iwd_cli_table_print (IwdTable     *table,
                     IwdCliFormat  format)
{
  switch (format)
    {
    case IWD_CLI_FORMAT_TEXT:
      return write_text (table);
    case IWD_CLI_FORMAT_JSON:
      return write_json (table);
    case IWD_CLI_FORMAT_CSV:
    default:
      return write_csv (table);
    }
}
