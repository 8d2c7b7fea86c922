/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-row.h"

/**
 * IwdTableRow:
 *
 * One row of an #IwdTable, as an item of an #IwdTableModel. The model
 * creates a row item each time a list view asks for one and keeps none,
 * so a million rows cost no objects until they are shown.
 */
struct _IwdTableRow
{
  GObject   parent_instance;

  IwdTable *table;   /* owned */
  guint     index;
};

G_DEFINE_FINAL_TYPE (IwdTableRow, iwd_table_row, G_TYPE_OBJECT)

static void
iwd_table_row_dispose (GObject *object)
{
  IwdTableRow *self = IWD_TABLE_ROW (object);

  g_clear_object (&self->table);

  G_OBJECT_CLASS (iwd_table_row_parent_class)->dispose (object);
}

static void
iwd_table_row_class_init (IwdTableRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_table_row_dispose;
}

static void
iwd_table_row_init (IwdTableRow *self)
{
}

/**
 * iwd_table_row_new:
 * @table: a table
 * @index: a row index of @table, in load order
 *
 * Returns: (transfer full): a new row item
 */
IwdTableRow *
iwd_table_row_new (IwdTable *table,
                   guint     index)
{
  IwdTableRow *self;

  g_return_val_if_fail (IWD_IS_TABLE (table), NULL);
  g_return_val_if_fail (index < iwd_table_get_n_rows (table), NULL);

  self = g_object_new (IWD_TYPE_TABLE_ROW, NULL);
  self->table = g_object_ref (table);
  self->index = index;
  return self;
}

/**
 * iwd_table_row_get_table:
 * @self: a row item
 *
 * Returns: (transfer none): the row's table
 */
IwdTable *
iwd_table_row_get_table (IwdTableRow *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_ROW (self), NULL);

  return self->table;
}

/**
 * iwd_table_row_get_index:
 * @self: a row item
 *
 * Returns: the row's index in its table, in load order
 */
guint
iwd_table_row_get_index (IwdTableRow *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_ROW (self), 0);

  return self->index;
}
