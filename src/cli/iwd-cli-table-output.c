/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-cli-output.h"
#include "iwd-cli-table-output.h"
#include "iwd-parse-error.h"

static void
append_json_value (GString  *out,
                   IwdTable *table,
                   guint     row,
                   guint     column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  g_autofree char *number = NULL;

  if (iwd_table_is_null (table, row, column))
    {
      g_string_append (out, "null");
      return;
    }

  switch (kind)
    {
    case IWD_TABLE_KIND_TEXT:
      iwd_cli_json_append_string (out, iwd_table_get_text (table, row, column));
      break;
    case IWD_TABLE_KIND_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              iwd_table_get_int64 (table, row, column));
      break;
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_MONEY:
      number = iwd_cli_format_scaled (iwd_table_get_int64 (table, row, column), 0);
      g_string_append (out, number);
      break;
    case IWD_TABLE_KIND_BOOLEAN:
      g_string_append (out, iwd_table_get_int64 (table, row, column) ? "true" : "false");
      break;
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
    default:
      number = iwd_table_dup_cell_string (table, row, column);
      iwd_cli_json_append_string (out, number);
      break;
    }
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
  g_autofree char *amount = iwd_cli_format_scaled (total, 2);

  if (!as_json)
    {
      g_string_append_printf (out, "%s: %s\n", key, amount);
      return;
    }

  g_string_append (out, first ? "  " : ",\n  ");
  iwd_cli_json_append_string (out, key);
  g_string_append_printf (out, ": %s", amount);
}

/**
 * iwd_cli_table_append_csv_header:
 * @out: the text to append to
 * @table: a table
 *
 * Appends the CSV header record: the key of each column.
 */
void
iwd_cli_table_append_csv_header (GString  *out,
                                 IwdTable *table)
{
  guint n_columns = iwd_table_get_n_columns (table);
  g_autofree const char **keys = g_new0 (const char *, n_columns + 1);

  for (guint i = 0; i < n_columns; i++)
    keys[i] = iwd_table_get_column_key (table, i);

  iwd_cli_csv_append_row (out, keys, n_columns);
}

/**
 * iwd_cli_table_append_csv_row:
 * @out: the text to append to
 * @table: a table
 * @row: a row index
 *
 * Appends one CSV record, each cell as iwd_table_dup_cell_string()
 * renders it: decimals with a '.' and ISO dates, whatever the locale.
 */
void
iwd_cli_table_append_csv_row (GString  *out,
                              IwdTable *table,
                              guint     row)
{
  guint n_columns = iwd_table_get_n_columns (table);
  g_auto(GStrv) cells = g_new0 (char *, n_columns + 1);

  for (guint i = 0; i < n_columns; i++)
    cells[i] = iwd_table_dup_cell_string (table, row, i);

  iwd_cli_csv_append_row (out, (const char * const *) cells, n_columns);
}

/**
 * iwd_cli_table_append_json_row:
 * @out: the text to append to
 * @table: a table
 * @row: a row index
 *
 * Appends one row as a JSON object keyed by column key, on one line and
 * without a separator after it. Values are typed: text and dates are
 * strings, integers, decimals and amounts are numbers, booleans are
 * `true` or `false`, and an empty cell is `null`. Decimals are written
 * from their ten-thousandths, exact and without trailing zeros, as in the
 * CSV output: 1200.00 gives `1200`, -300.50 gives `-300.5`.
 */
void
iwd_cli_table_append_json_row (GString  *out,
                               IwdTable *table,
                               guint     row)
{
  guint n_columns = iwd_table_get_n_columns (table);

  g_string_append_c (out, '{');

  for (guint i = 0; i < n_columns; i++)
    {
      if (i > 0)
        g_string_append (out, ", ");

      iwd_cli_json_append_string (out, iwd_table_get_column_key (table, i));
      g_string_append (out, ": ");
      append_json_value (out, table, row, i);
    }

  g_string_append_c (out, '}');
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
