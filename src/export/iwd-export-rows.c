/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-export-rows.h"
#include "iwd-export-values.h"

/* With columns == NULL every column is written, in table order. */
static guint
count_columns (IwdTable    *table,
               const guint *columns,
               guint        n_columns)
{
  return columns != NULL ? n_columns : iwd_table_get_n_columns (table);
}

static guint
column_at (const guint *columns,
           guint        position)
{
  return columns != NULL ? columns[position] : position;
}

static char *
format_french_time (IwdTable     *table,
                    guint         row,
                    guint         column,
                    IwdTableKind  kind)
{
  IwdExportTime time;

  /* A day outside GDate's range keeps its ISO form rather than vanishing. */
  if (!iwd_export_split_time (iwd_table_get_int64 (table, row, column), &time))
    return iwd_table_dup_cell_string (table, row, column);

  if (kind == IWD_TABLE_KIND_DATE)
    return g_strdup_printf ("%02u/%02u/%04u",
                            g_date_get_day (&time.date), g_date_get_month (&time.date),
                            g_date_get_year (&time.date));

  return g_strdup_printf ("%02u/%02u/%04u %02u:%02u:%02u",
                          g_date_get_day (&time.date), g_date_get_month (&time.date),
                          g_date_get_year (&time.date), time.hour, time.minute, time.second);
}

/* Cells for a French Excel: decimal commas, amounts with their cents,
 * day-first dates and translated booleans. */
static char *
dup_french_cell (IwdTable *table,
                 guint     row,
                 guint     column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  gint64 value;

  if (iwd_table_is_null (table, row, column))
    return NULL;

  /* TODO: Excel reads text that starts with '=', '+', '-' or '@' as a
   * formula, and escaping it would change the exported value. */
  if (kind == IWD_TABLE_KIND_TEXT)
    return g_strdup (iwd_table_get_text (table, row, column));

  value = iwd_table_get_int64 (table, row, column);

  switch (kind)
    {
    case IWD_TABLE_KIND_MONEY:
      return iwd_export_format_scaled (value, 2, ',');
    case IWD_TABLE_KIND_DECIMAL:
      return iwd_export_format_scaled (value, 0, ',');
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      return format_french_time (table, row, column, kind);
    case IWD_TABLE_KIND_BOOLEAN:
      if (value != 0)
        /* Translators: a true cell of a yes/no column in an exported file. */
        return g_strdup (C_("boolean cell", "Yes"));

      /* Translators: a false cell of a yes/no column in an exported file. */
      return g_strdup (C_("boolean cell", "No"));
    case IWD_TABLE_KIND_INTEGER:
    case IWD_TABLE_KIND_TEXT:
    default:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    }
}

static void
append_json_value (GString  *out,
                   IwdTable *table,
                   guint     row,
                   guint     column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  g_autofree char *text = NULL;

  if (iwd_table_is_null (table, row, column))
    {
      g_string_append (out, "null");
      return;
    }

  switch (kind)
    {
    case IWD_TABLE_KIND_TEXT:
      iwd_export_json_append_string (out, iwd_table_get_text (table, row, column));
      break;
    case IWD_TABLE_KIND_INTEGER:
      g_string_append_printf (out, "%" G_GINT64_FORMAT,
                              iwd_table_get_int64 (table, row, column));
      break;
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_MONEY:
      text = iwd_export_format_scaled (iwd_table_get_int64 (table, row, column), 0, '.');
      g_string_append (out, text);
      break;
    case IWD_TABLE_KIND_BOOLEAN:
      g_string_append (out, iwd_table_get_int64 (table, row, column) ? "true" : "false");
      break;
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
    default:
      text = iwd_table_dup_cell_string (table, row, column);
      iwd_export_json_append_string (out, text);
      break;
    }
}

/**
 * iwd_export_append_csv_header:
 * @out: the text to append to
 * @table: a table
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all of them
 * @n_columns: the length of @columns, ignored when it is %NULL
 * @format: %IWD_EXPORT_FORMAT_CSV_FR or %IWD_EXPORT_FORMAT_CSV
 *
 * Appends the CSV header record: the translated column labels for a
 * French Excel, the column keys for plain CSV.
 */
void
iwd_export_append_csv_header (GString         *out,
                              IwdTable        *table,
                              const guint     *columns,
                              guint            n_columns,
                              IwdExportFormat  format)
{
  gboolean french = format == IWD_EXPORT_FORMAT_CSV_FR;
  guint n_written = count_columns (table, columns, n_columns);
  g_autofree const char **titles = g_new0 (const char *, n_written + 1);

  for (guint i = 0; i < n_written; i++)
    {
      guint column = column_at (columns, i);

      titles[i] = french ? iwd_table_get_column_label (table, column)
                         : iwd_table_get_column_key (table, column);
    }

  iwd_export_csv_append_record (out, titles, n_written,
                                french ? ';' : ',', french ? "\r\n" : "\n");
}

/**
 * iwd_export_append_csv_row:
 * @out: the text to append to
 * @table: a table
 * @row: a row index
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all of them
 * @n_columns: the length of @columns, ignored when it is %NULL
 * @format: %IWD_EXPORT_FORMAT_CSV_FR or %IWD_EXPORT_FORMAT_CSV
 *
 * Appends one CSV record. For a French Excel, amounts keep at least two
 * decimals after a comma ("1200,00"), other decimals keep their
 * significant digits ("0,5"), dates read "31/01/2023" and booleans are
 * the translated "Yes" and "No". Plain CSV writes each cell as
 * iwd_table_dup_cell_string() does, whatever the locale.
 */
void
iwd_export_append_csv_row (GString         *out,
                           IwdTable        *table,
                           guint            row,
                           const guint     *columns,
                           guint            n_columns,
                           IwdExportFormat  format)
{
  gboolean french = format == IWD_EXPORT_FORMAT_CSV_FR;
  guint n_written = count_columns (table, columns, n_columns);
  g_autofree char **cells = g_new0 (char *, n_written);

  for (guint i = 0; i < n_written; i++)
    {
      guint column = column_at (columns, i);

      cells[i] = french ? dup_french_cell (table, row, column)
                        : iwd_table_dup_cell_string (table, row, column);
    }

  iwd_export_csv_append_record (out, (const char * const *) cells, n_written,
                                french ? ';' : ',', french ? "\r\n" : "\n");

  /* An empty cell is NULL, so the array is not a GStrv. */
  for (guint i = 0; i < n_written; i++)
    g_free (cells[i]);
}

/**
 * iwd_export_append_json_row:
 * @out: the text to append to
 * @table: a table
 * @row: a row index
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all of them
 * @n_columns: the length of @columns, ignored when it is %NULL
 *
 * Appends one row as a JSON object keyed by column key, on one line and
 * without a separator after it. Values are typed: text and dates are
 * strings, integers, decimals and amounts are numbers, booleans are
 * `true` or `false`, and an empty cell is `null`. Decimals are written
 * from their ten-thousandths, exact and without trailing zeros, never
 * through a double: 1200.00 gives `1200`, -300.50 gives `-300.5`.
 */
void
iwd_export_append_json_row (GString     *out,
                            IwdTable    *table,
                            guint        row,
                            const guint *columns,
                            guint        n_columns)
{
  guint n_written = count_columns (table, columns, n_columns);

  g_string_append_c (out, '{');

  for (guint i = 0; i < n_written; i++)
    {
      guint column = column_at (columns, i);

      if (i > 0)
        g_string_append (out, ", ");

      iwd_export_json_append_string (out, iwd_table_get_column_key (table, column));
      g_string_append (out, ": ");
      append_json_value (out, table, row, column);
    }

  g_string_append_c (out, '}');
}
