/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table.h"

#include <glib/gi18n.h>

#include "iwd-table-column.h"
#include "iwd-table-private.h"
#include "iwd-text.h"

/**
 * IwdTable:
 *
 * A read-only table of contract or commission rows, stored by column so
 * that a million rows stay small: one #gint64 per number, amount or date,
 * one offset per text cell, and one bit per cell for empty cells.
 *
 * Tables come from the parsers (iwd_parse_contracts(),
 * iwd_parse_commissions_tsv(), iwd_parse_commissions_json()) or from an
 * #IwdTableBuilder, and never change afterwards, so any thread may read
 * one.
 */
struct _IwdTable
{
  GObject    parent_instance;

  GPtrArray *columns;   /* owned; of IwdTableColumn */
  guint      n_rows;
};

G_DEFINE_FINAL_TYPE (IwdTable, iwd_table, G_TYPE_OBJECT)

static IwdTableColumn *
get_column (IwdTable *self,
            guint     column)
{
  g_assert (column < self->columns->len);

  return g_ptr_array_index (self->columns, column);
}

static char *
format_scaled (gint64 value)
{
  guint64 magnitude = value < 0 ? -(guint64) value : (guint64) value;
  guint64 units = magnitude / IWD_DECIMAL_SCALE;
  guint fraction = magnitude % IWD_DECIMAL_SCALE;
  const char *sign = value < 0 ? "-" : "";
  int n_digits = 4;

  if (fraction == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, units);

  while (fraction % 10 == 0)
    {
      fraction /= 10;
      n_digits--;
    }

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%0*u",
                          sign, units, n_digits, fraction);
}

static char *
format_seconds (gint64      seconds,
                const char *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (seconds);

  if (datetime == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  return g_date_time_format (datetime, format);
}

static char *
format_number (IwdTableKind kind,
               gint64       value)
{
  switch (kind)
    {
    case IWD_TABLE_KIND_INTEGER:
      return g_strdup_printf ("%" G_GINT64_FORMAT, value);
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_MONEY:
      return format_scaled (value);
    case IWD_TABLE_KIND_DATE:
      return format_seconds (value, "%Y-%m-%d");
    case IWD_TABLE_KIND_DATETIME:
      return format_seconds (value, "%Y-%m-%dT%H:%M:%S");
    case IWD_TABLE_KIND_BOOLEAN:
      return g_strdup (value ? "true" : "false");
    case IWD_TABLE_KIND_TEXT:
    default:
      g_assert_not_reached ();
    }
}

static gboolean
is_summable (IwdTableKind kind)
{
  return kind == IWD_TABLE_KIND_INTEGER
         || kind == IWD_TABLE_KIND_DECIMAL
         || kind == IWD_TABLE_KIND_MONEY;
}

static void
iwd_table_finalize (GObject *object)
{
  IwdTable *self = IWD_TABLE (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_table_parent_class)->finalize (object);
}

static void
iwd_table_class_init (IwdTableClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_table_finalize;
}

static void
iwd_table_init (IwdTable *self)
{
}

/* Takes ownership of @columns, which must each contain @n_rows cells. */
IwdTable *
iwd_table_new_for_columns (GPtrArray *columns,
                           guint      n_rows)
{
  IwdTable *self = g_object_new (IWD_TYPE_TABLE, NULL);

  for (guint i = 0; i < columns->len; i++)
    g_assert (((IwdTableColumn *) g_ptr_array_index (columns, i))->n_cells == n_rows);

  self->columns = columns;
  self->n_rows = n_rows;
  return self;
}

/* Gives a column's storage, for iwd_table_join_rows(). */
IwdTableColumn *
iwd_table_peek_column (IwdTable *self,
                       guint     column)
{
  return get_column (self, column);
}

/* Hands the columns over to the caller and leaves the table without
 * rows, for iwd_table_join_rows(), which frees each column once it has
 * copied it. */
GPtrArray *
iwd_table_steal_columns (IwdTable *self)
{
  GPtrArray *columns = g_steal_pointer (&self->columns);

  self->columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);
  self->n_rows = 0;
  return columns;
}

/**
 * iwd_table_get_n_rows:
 * @self: a table
 *
 * Returns: the number of rows
 */
guint
iwd_table_get_n_rows (IwdTable *self)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), 0);

  return self->n_rows;
}

/**
 * iwd_table_get_n_columns:
 * @self: a table
 *
 * Returns: the number of columns
 */
guint
iwd_table_get_n_columns (IwdTable *self)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), 0);

  return self->columns->len;
}

/**
 * iwd_table_find_column:
 * @self: a table
 * @key: a column key, such as `police.prime` or a TSV header
 * @out_column: (out) (optional): the column's index
 *
 * Looks a column up by its key, comparing keys exactly.
 *
 * Returns: %TRUE if the table has a column with this key
 */
gboolean
iwd_table_find_column (IwdTable   *self,
                       const char *key,
                       guint      *out_column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < self->columns->len; i++)
    {
      if (g_str_equal (get_column (self, i)->key, key))
        {
          if (out_column != NULL)
            *out_column = i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * iwd_table_get_column_key:
 * @self: a table
 * @column: a column index
 *
 * Returns: the column's key: a dotted JSON path such as `client.ville`,
 *   or a TSV header
 */
const char *
iwd_table_get_column_key (IwdTable *self,
                          guint     column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return get_column (self, column)->key;
}

/**
 * iwd_table_get_column_label:
 * @self: a table
 * @column: a column index
 *
 * Gets the column's heading for display: a translated label for the
 * keys the API documents, or else the key itself.
 *
 * Returns: the column's label
 */
const char *
iwd_table_get_column_label (IwdTable *self,
                            guint     column)
{
  IwdTableColumn *stored;

  g_return_val_if_fail (IWD_IS_TABLE (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  stored = get_column (self, column);
  if (stored->custom_label != NULL)
    return stored->custom_label;
  if (stored->label_msgid != NULL)
    return _(stored->label_msgid);
  return stored->key;
}

/**
 * iwd_table_get_column_kind:
 * @self: a table
 * @column: a column index
 *
 * Returns: the type of the column's values
 */
IwdTableKind
iwd_table_get_column_kind (IwdTable *self,
                           guint     column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), IWD_TABLE_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, IWD_TABLE_KIND_TEXT);

  return get_column (self, column)->kind;
}

/**
 * iwd_table_is_null:
 * @self: a table
 * @row: a row index
 * @column: a column index
 *
 * Returns: %TRUE if the cell is empty: missing, JSON `null` or an empty
 *   string in the input
 */
gboolean
iwd_table_is_null (IwdTable *self,
                   guint     row,
                   guint     column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), TRUE);
  g_return_val_if_fail (row < self->n_rows, TRUE);
  g_return_val_if_fail (column < self->columns->len, TRUE);

  return iwd_table_column_is_null (get_column (self, column), row);
}

/**
 * iwd_table_get_text:
 * @self: a table
 * @row: a row index
 * @column: the index of a %IWD_TABLE_KIND_TEXT column
 *
 * Returns: (nullable): the cell's text, or %NULL if the cell is empty
 */
const char *
iwd_table_get_text (IwdTable *self,
                    guint     row,
                    guint     column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);
  g_return_val_if_fail (get_column (self, column)->kind == IWD_TABLE_KIND_TEXT, NULL);

  return iwd_table_column_get_text (get_column (self, column), row);
}

/**
 * iwd_table_get_int64:
 * @self: a table
 * @row: a row index
 * @column: the index of a column of any kind but %IWD_TABLE_KIND_TEXT
 *
 * Gets a cell's stored number: the integer, the amount or decimal in
 * ten-thousandths, the Unix seconds of a date, or 0 or 1.
 *
 * Returns: the cell's value, or 0 if the cell is empty
 */
gint64
iwd_table_get_int64 (IwdTable *self,
                     guint     row,
                     guint     column)
{
  g_return_val_if_fail (IWD_IS_TABLE (self), 0);
  g_return_val_if_fail (row < self->n_rows, 0);
  g_return_val_if_fail (column < self->columns->len, 0);
  g_return_val_if_fail (get_column (self, column)->kind != IWD_TABLE_KIND_TEXT, 0);

  return iwd_table_column_get_int64 (get_column (self, column), row);
}

/**
 * iwd_table_dup_cell_string:
 * @self: a table
 * @row: a row index
 * @column: a column index
 *
 * Renders a cell the same way in every locale, for the command line and
 * tests: decimals with a `.` and no trailing zeros (`1200`, `89.9`),
 * dates as `2023-01-31`, date-times as `2023-01-31T07:40:13`, booleans as
 * `true` or `false`. The grid formats cells for French readers itself.
 *
 * Returns: (transfer full): the cell as text, or an empty string if the
 *   cell is empty
 */
char *
iwd_table_dup_cell_string (IwdTable *self,
                           guint     row,
                           guint     column)
{
  IwdTableColumn *stored;

  g_return_val_if_fail (IWD_IS_TABLE (self), NULL);
  g_return_val_if_fail (row < self->n_rows, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  stored = get_column (self, column);
  if (iwd_table_column_is_null (stored, row))
    return g_strdup ("");

  if (stored->kind == IWD_TABLE_KIND_TEXT)
    return g_strdup (iwd_table_column_get_text (stored, row));

  return format_number (stored->kind, iwd_table_column_get_int64 (stored, row));
}

/**
 * iwd_table_sum_column:
 * @self: a table
 * @column: the index of an INTEGER, DECIMAL or MONEY column
 * @out_total: (out): the exact sum of the column's non-empty cells, in the
 *   column's unit (ten-thousandths for DECIMAL and MONEY)
 *
 * Adds up a column in integers, so that the total is exact.
 *
 * Returns: %TRUE, or %FALSE if the total does not fit a #gint64
 */
gboolean
iwd_table_sum_column (IwdTable *self,
                      guint     column,
                      gint64   *out_total)
{
  IwdTableColumn *stored;
  gint64 total = 0;

  g_return_val_if_fail (IWD_IS_TABLE (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);
  g_return_val_if_fail (out_total != NULL, FALSE);

  stored = get_column (self, column);
  g_return_val_if_fail (is_summable (stored->kind), FALSE);

  for (guint row = 0; row < self->n_rows; row++)
    {
      gint64 value = stored->numbers[row];

      if ((value > 0 && total > G_MAXINT64 - value)
          || (value < 0 && total < G_MININT64 - value))
        return FALSE;

      total += value;
    }

  *out_total = total;
  return TRUE;
}

/**
 * iwd_table_get_memory_size:
 * @self: a table
 *
 * Counts the heap bytes that the table's cells use, without the
 * allocator's own overhead.
 *
 * Returns: a size in bytes
 */
gsize
iwd_table_get_memory_size (IwdTable *self)
{
  gsize size = sizeof (IwdTable);

  g_return_val_if_fail (IWD_IS_TABLE (self), 0);

  for (guint i = 0; i < self->columns->len; i++)
    size += iwd_table_column_memory_size (get_column (self, i));

  return size;
}
