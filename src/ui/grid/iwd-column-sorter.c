/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-column-sorter.h"

#include "iwd-table-row.h"

/**
 * IwdColumnSorter:
 *
 * The sorter of one column of an #IwdTableView, which makes the column's
 * header clickable. It compares #IwdTableRow items as
 * iwd_table_model_compare_rows() does, but the view does not sort with
 * it: the view reads from the column view's sorter which column and
 * direction were chosen and lets the model sort its row indices.
 */
struct _IwdColumnSorter
{
  GtkSorter      parent_instance;

  IwdTableModel *model;        /* owned */
  guint          column;
  guint64        n_compares;
};

G_DEFINE_FINAL_TYPE (IwdColumnSorter, iwd_column_sorter, GTK_TYPE_SORTER)

static GtkOrdering
iwd_column_sorter_compare (GtkSorter *sorter,
                           gpointer   item1,
                           gpointer   item2)
{
  IwdColumnSorter *self = IWD_COLUMN_SORTER (sorter);

  self->n_compares++;

  return iwd_table_model_compare_rows (self->model, self->column,
                                       iwd_table_row_get_index (item1),
                                       iwd_table_row_get_index (item2));
}

/* Ties are broken by load order, so no two rows compare equal. */
static GtkSorterOrder
iwd_column_sorter_get_order (GtkSorter *sorter)
{
  return GTK_SORTER_ORDER_TOTAL;
}

static void
iwd_column_sorter_dispose (GObject *object)
{
  IwdColumnSorter *self = IWD_COLUMN_SORTER (object);

  g_clear_object (&self->model);

  G_OBJECT_CLASS (iwd_column_sorter_parent_class)->dispose (object);
}

static void
iwd_column_sorter_class_init (IwdColumnSorterClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkSorterClass *sorter_class = GTK_SORTER_CLASS (klass);

  object_class->dispose = iwd_column_sorter_dispose;
  sorter_class->compare = iwd_column_sorter_compare;
  sorter_class->get_order = iwd_column_sorter_get_order;
}

static void
iwd_column_sorter_init (IwdColumnSorter *self)
{
}

/**
 * iwd_column_sorter_new:
 * @model: the model whose rows are compared
 * @column: a column of the model's table
 *
 * Returns: (transfer full): a new sorter
 */
IwdColumnSorter *
iwd_column_sorter_new (IwdTableModel *model,
                       guint          column)
{
  IwdColumnSorter *self;

  g_return_val_if_fail (IWD_IS_TABLE_MODEL (model), NULL);

  self = g_object_new (IWD_TYPE_COLUMN_SORTER, NULL);
  self->model = g_object_ref (model);
  self->column = column;
  return self;
}

/**
 * iwd_column_sorter_get_column:
 * @self: a sorter
 *
 * Returns: the column that the sorter compares
 */
guint
iwd_column_sorter_get_column (IwdColumnSorter *self)
{
  g_return_val_if_fail (IWD_IS_COLUMN_SORTER (self), 0);

  return self->column;
}

/**
 * iwd_column_sorter_get_n_compares:
 * @self: a sorter
 *
 * Counts the comparisons made so far, from which the view finds the
 * column that the column view's sorter compares first.
 *
 * Returns: the number of comparisons since the sorter was created
 */
guint64
iwd_column_sorter_get_n_compares (IwdColumnSorter *self)
{
  g_return_val_if_fail (IWD_IS_COLUMN_SORTER (self), 0);

  return self->n_compares;
}
