/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Making table columns of a given kind. The history rebuilds tables with
 * the table folder's column storage rather than with an IwdTableBuilder,
 * because the builder infers kinds from text. It would turn a DECIMAL
 * column of whole numbers into INTEGER, or a column of all-digit policy
 * numbers into numbers.
 */

#include "iwd-history-columns.h"

#include <glib/gi18n.h>

#include "iwd-table-private.h"
#include "iwd-table-schema.h"

/**
 * iwd_history_columns_get_custom_label:
 * @table: a table
 * @column: a column index
 *
 * Finds whether a column shows a label of its creator's, such as "Column
 * 3", rather than the label that its key alone gives: the translated
 * label of a documented key, or the key itself.
 *
 * Returns: (nullable): the custom label, or %NULL if the key gives the
 *   label
 */
const char *
iwd_history_columns_get_custom_label (IwdTable *table,
                                      guint     column)
{
  const char *key = iwd_table_get_column_key (table, column);
  const char *label = iwd_table_get_column_label (table, column);
  const char *label_msgid = NULL;
  IwdTableKind kind;

  iwd_table_schema_lookup (key, &label_msgid, &kind);

  if (label_msgid != NULL && g_str_equal (label, _(label_msgid)))
    return NULL;
  if (label_msgid == NULL && g_str_equal (label, key))
    return NULL;

  return label;
}

/**
 * iwd_history_columns_new:
 * @key: the column's key
 * @kind: the kind of its values
 * @custom_label: (nullable): a label to show in place of the key's own
 *
 * Creates an empty column, labelled like the columns of the parsers.
 *
 * Returns: (transfer full): the column
 */
IwdTableColumn *
iwd_history_columns_new (const char   *key,
                         IwdTableKind  kind,
                         const char   *custom_label)
{
  IwdTableColumn *column = iwd_table_column_new (key, kind);
  IwdTableKind schema_kind;

  iwd_table_schema_lookup (key, &column->label_msgid, &schema_kind);
  column->custom_label = g_strdup (custom_label);

  return column;
}

/**
 * iwd_history_columns_new_like:
 * @table: a table
 * @column: a column index
 *
 * Returns: (transfer full): an empty column with the key, kind and label
 *   of @table's column
 */
IwdTableColumn *
iwd_history_columns_new_like (IwdTable *table,
                              guint     column)
{
  return iwd_history_columns_new (iwd_table_get_column_key (table, column),
                                  iwd_table_get_column_kind (table, column),
                                  iwd_history_columns_get_custom_label (table, column));
}

/**
 * iwd_history_columns_finish_table:
 * @columns: (transfer full) (element-type IwdTableColumn): the columns,
 *   each of @n_rows cells
 * @n_rows: the number of rows
 *
 * Gives back the columns' spare memory and makes a table of them.
 *
 * Returns: (transfer full): the table
 */
IwdTable *
iwd_history_columns_finish_table (GPtrArray *columns,
                                  guint      n_rows)
{
  for (guint i = 0; i < columns->len; i++)
    iwd_table_column_compact (g_ptr_array_index (columns, i));

  return iwd_table_new_for_columns (columns, n_rows);
}
