/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-view-private.h"

#include <glib/gi18n.h>

#include "iwd-column-sorter.h"
#include "iwd-table-row.h"

/* The order of a grid's rows. A click on a column title sorts the
 * column view, and the Sort menu does the same from the keyboard, since
 * GTK 4.8 column titles cannot take the focus. Both end in the column
 * view's sorter, whose changes sort the #IwdTableModel in a worker
 * thread and update the view's "sort-key" and "sort-order" properties,
 * which the menu's radio items show. */

#define SORT_ORDER_ASCENDING "ascending"
#define SORT_ORDER_DESCENDING "descending"

/* Finds which column sorter the column view's sorter consults first, and
 * in which direction. GTK 4.8 has no getter for this:
 * gtk_column_view_sorter_get_primary_sort_column() came in GTK 4.10. The
 * column view's sorter calls the primary column's sorter first, inverts
 * its result for a descending sort, and stops at the first sorter that
 * finds the rows different. Column sorters never find two rows equal,
 * so comparing two rows shows which one was called, and the sign of the
 * result gives the direction. */
static gboolean
find_sort_column (IwdTableView *self,
                  guint        *out_column,
                  GtkSortType  *out_sort_type)
{
  IwdTable *table = iwd_table_model_get_table (self->model);
  g_autoptr(IwdTableRow) first = NULL;
  g_autoptr(IwdTableRow) second = NULL;
  g_autofree guint64 *n_compares = g_new (guint64, MAX (self->sorters->len, 1));
  GtkOrdering ordering;

  /* Fewer than two rows have only one order. */
  if (iwd_table_get_n_rows (table) < 2)
    return FALSE;

  first = iwd_table_row_new (table, 0);
  second = iwd_table_row_new (table, 1);
  for (guint i = 0; i < self->sorters->len; i++)
    n_compares[i] = iwd_column_sorter_get_n_compares (g_ptr_array_index (self->sorters, i));

  ordering = gtk_sorter_compare (gtk_column_view_get_sorter (self->column_view), first, second);

  for (guint i = 0; i < self->sorters->len; i++)
    {
      GtkSorter *sorter = g_ptr_array_index (self->sorters, i);

      if (iwd_column_sorter_get_n_compares (IWD_COLUMN_SORTER (sorter)) == n_compares[i])
        continue;

      *out_column = iwd_column_sorter_get_column (IWD_COLUMN_SORTER (sorter));
      *out_sort_type = gtk_sorter_compare (sorter, first, second) == ordering
                       ? GTK_SORT_ASCENDING : GTK_SORT_DESCENDING;
      return TRUE;
    }

  return FALSE;
}

/* Stores the current order of the rows, and notifies the properties that
 * the menu's radio items show. */
static void
note_sort (IwdTableView *self,
           const char   *key,
           GtkSortType   sort_type)
{
  if (g_strcmp0 (self->sort_key, key) != 0)
    {
      g_free (self->sort_key);
      self->sort_key = g_strdup (key);
      g_object_notify (G_OBJECT (self), "sort-key");
    }

  if (self->sort_type != sort_type)
    {
      self->sort_type = sort_type;
      g_object_notify (G_OBJECT (self), "sort-order");
    }
}

static void
on_sorted (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!iwd_table_model_sort_finish (IWD_TABLE_MODEL (source_object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("grid: sorting the table failed: %s", error->message);
}

/* Sorts in a worker thread, because the first sort of a text column of a
 * million distinct values takes about a second. A newer choice cancels
 * the sort still running. */
static void
on_sorter_changed (GtkSorter       *sorter,
                   GtkSorterChange  change,
                   IwdTableView    *self)
{
  guint column;
  GtkSortType sort_type;

  if (self->model == NULL)
    return;

  g_cancellable_cancel (self->sort_cancellable);
  g_clear_object (&self->sort_cancellable);

  if (!find_sort_column (self, &column, &sort_type))
    {
      iwd_table_model_set_load_order (self->model, self->sort_type);
      note_sort (self, "", self->sort_type);
      return;
    }

  note_sort (self, iwd_table_get_column_key (iwd_table_model_get_table (self->model), column), sort_type);
  self->sort_cancellable = g_cancellable_new ();
  iwd_table_model_sort_async (self->model, column, sort_type, self->sort_cancellable,
                              on_sorted, NULL);
}

static GtkColumnViewColumn *
find_view_column (IwdTableView *self,
                  guint         column)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (columns, i);

      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view_column), IWD_TABLE_VIEW_COLUMN_DATA)) == column)
        return view_column;
    }

  return NULL;
}

/**
 * iwd_table_view_sort_by_key:
 * @self: a grid
 * @key: (nullable): the key of the column to sort by, or %NULL or "" for
 *   the load order, reversed for %GTK_SORT_DESCENDING
 * @sort_type: the direction
 *
 * Sorts the grid as a click on a column title would. A key that names no
 * column of the table shown is ignored: the grid keeps its order.
 */
void
iwd_table_view_sort_by_key (IwdTableView *self,
                            const char   *key,
                            GtkSortType   sort_type)
{
  GtkColumnViewColumn *view_column = NULL;
  guint column;

  if (key == NULL || *key == '\0')
    {
      gtk_column_view_sort_by_column (self->column_view, NULL, sort_type);
      note_sort (self, "", sort_type);
      if (self->model != NULL)
        iwd_table_model_set_load_order (self->model, sort_type);
      return;
    }

  if (self->model != NULL
      && iwd_table_find_column (iwd_table_model_get_table (self->model), key, &column))
    view_column = find_view_column (self, column);

  if (view_column == NULL)
    {
      g_debug ("grid: no column “%s” to sort by", key);
      return;
    }

  gtk_column_view_sort_by_column (self->column_view, view_column, sort_type);
}

/**
 * iwd_table_view_get_sort_order:
 * @self: a grid
 *
 * Returns: "ascending" or "descending", the value of the "sort-order"
 *   property and the target of the menu's direction items
 */
const char *
iwd_table_view_get_sort_order (IwdTableView *self)
{
  return self->sort_type == GTK_SORT_DESCENDING ? SORT_ORDER_DESCENDING : SORT_ORDER_ASCENDING;
}

/**
 * iwd_table_view_set_sort_order:
 * @self: a grid
 * @order: "ascending" or "descending"
 *
 * Sorts the grid's sort column in the direction named, or, in load
 * order, shows the last row loaded first for "descending". The next
 * column chosen keeps the direction.
 */
void
iwd_table_view_set_sort_order (IwdTableView *self,
                               const char   *order)
{
  GtkSortType sort_type = g_strcmp0 (order, SORT_ORDER_DESCENDING) == 0
                          ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;

  if (self->sort_key != NULL && *self->sort_key != '\0')
    {
      iwd_table_view_sort_by_key (self, self->sort_key, sort_type);
      return;
    }

  note_sort (self, "", sort_type);
  if (self->model != NULL)
    iwd_table_model_set_load_order (self->model, sort_type);
}

static GMenuItem *
new_sort_item (const char *label,
               const char *action,
               const char *target)
{
  GMenuItem *item = g_menu_item_new (label, NULL);

  g_menu_item_set_action_and_target_value (item, action, g_variant_new_string (target));
  return item;
}

/* Lists the two directions, then the load order and each visible
 * column in their shown order: the directions come first, above a list
 * that may need scrolling. */
static void
fill_sort_menu (IwdTableView *self)
{
  GListModel *view_columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) columns = g_menu_new ();
  g_autoptr(GMenu) directions = g_menu_new ();
  g_autoptr(GMenuItem) load_order = new_sort_item (_("Load Order"), "table-view.sort-by", "");
  g_autoptr(GMenuItem) ascending = new_sort_item (_("Ascending"), "table-view.sort-order",
                                                  SORT_ORDER_ASCENDING);
  g_autoptr(GMenuItem) descending = new_sort_item (_("Descending"), "table-view.sort-order",
                                                   SORT_ORDER_DESCENDING);

  if (self->model == NULL)
    return;

  g_menu_append_item (columns, load_order);
  for (guint i = 0; i < g_list_model_get_n_items (view_columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) view_column = g_list_model_get_item (view_columns, i);
      guint column = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (view_column), IWD_TABLE_VIEW_COLUMN_DATA));
      g_autoptr(GMenuItem) item = NULL;

      if (!gtk_column_view_column_get_visible (view_column))
        continue;

      item = new_sort_item (gtk_column_view_column_get_title (view_column), "table-view.sort-by",
                            iwd_table_get_column_key (iwd_table_model_get_table (self->model), column));
      g_menu_append_item (columns, item);
    }

  g_menu_append_item (directions, ascending);
  g_menu_append_item (directions, descending);
  g_menu_append_section (menu, NULL, G_MENU_MODEL (directions));
  g_menu_append_section (menu, NULL, G_MENU_MODEL (columns));
  gtk_menu_button_set_menu_model (self->sort_button, G_MENU_MODEL (menu));
}

/* Fills the menu as it opens, so that it follows the column chooser
 * and the columns moved by a drag. */
static void
on_sort_menu_opening (GtkMenuButton *button,
                      gpointer       user_data)
{
  fill_sort_menu (IWD_TABLE_VIEW (user_data));
}

/**
 * iwd_table_view_watch_sort:
 * @self: a grid
 *
 * Sorts the model whenever the column view's sorter changes, and fills
 * the Sort menu each time it opens.
 */
void
iwd_table_view_watch_sort (IwdTableView *self)
{
  self->sort_key = g_strdup ("");
  self->sort_type = GTK_SORT_ASCENDING;
  g_signal_connect_object (gtk_column_view_get_sorter (self->column_view), "changed",
                           G_CALLBACK (on_sorter_changed), self, 0);
  gtk_menu_button_set_create_popup_func (self->sort_button, on_sort_menu_opening, self, NULL);
}
