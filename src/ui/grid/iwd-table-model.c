/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-model.h"

#include "iwd-column-index.h"
#include "iwd-table-row.h"
#include "iwd-text.h"

/**
 * IwdTableModel:
 *
 * A #GListModel of the rows of an #IwdTable, in a sort order and through
 * a search, for the grid that shows contracts, commissions and local
 * files.
 *
 * Sorting and searching work on arrays of row indices, never on row
 * objects: the sorted order is a permutation of the rows, and the search
 * keeps the matching rows of that order. Items are #IwdTableRow objects
 * made on each call of g_list_model_get_item(), so the model keeps no
 * object per row.
 */
struct _IwdTableModel
{
  GObject          parent_instance;

  IwdTable        *table;       /* owned */
  guint            n_rows;
  guint            n_columns;
  IwdColumnIndex **indexes;     /* owned; one per column, NULL until used */

  guint32         *order;       /* owned; rows in sorted order, NULL unsorted */
  guint            sort_column;
  GtkSortType      sort_type;

  char            *search;      /* owned; folded search text, NULL for none */
  char           **column_filters; /* owned; folded text per column, or NULL */
  guint            n_column_filters;
  guint32         *matches;     /* owned; rows of the order that match */
  guint            n_matches;
};

/* A sort run in a worker thread. The job borrows the model's index when
 * it is ranked, since sorting then only reads it, or else builds its own,
 * which the model keeps once the sort is done. */
typedef struct {
  IwdTable       *table;          /* owned */
  guint           column;
  GtkSortType     sort_type;
  IwdColumnIndex *ranked_index;   /* borrowed from the model, or NULL */
  IwdColumnIndex *new_index;      /* owned; built when ranked_index is NULL */
  guint32        *order;          /* owned; the sorted rows */
} SortJob;

/* The columns that a search preparation builds in a worker thread, and
 * their new indexes, which the model keeps once the job is done. */
typedef struct {
  IwdTable        *table;      /* owned */
  guint            n_columns;
  gboolean        *columns_to_build; /* owned; per column */
  IwdColumnIndex **indexes;    /* owned; per column, NULL if not built */
} SearchJob;

static void iwd_table_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (IwdTableModel, iwd_table_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      iwd_table_model_list_model_init))

/* Builds a column's index on the calling thread.
 *
 * TODO: a search typed before iwd_table_model_prepare_search_async() is
 * done, or a synchronous sort, blocks its caller for up to about a
 * second on a million rows (bench/iwd-bench-grid.c on a 2-core machine). */
static IwdColumnIndex *
get_index (IwdTableModel *self,
           guint          column)
{
  if (self->indexes[column] == NULL)
    self->indexes[column] = iwd_column_index_new (self->table, column);

  return self->indexes[column];
}

static gboolean
is_filtering (IwdTableModel *self)
{
  return self->search != NULL || self->n_column_filters > 0;
}

static guint
get_n_visible (IwdTableModel *self)
{
  return is_filtering (self) ? self->n_matches : self->n_rows;
}

static guint32
get_ordered_row (IwdTableModel *self,
                 guint          position)
{
  return self->order != NULL ? self->order[position] : position;
}

/* Tells whether a change from @old_text to @new_text keeps only rows that
 * the old text kept: a text that contains the old one, or a first text. */
static gboolean
is_narrowing (const char *old_text,
              const char *new_text)
{
  if (new_text == NULL)
    return old_text == NULL;

  return old_text == NULL || strstr (new_text, old_text) != NULL;
}

/* Gives, for each column, which of its distinct values contain the text:
 * the search for the searchable columns, or the column's own filter.
 * NULL for a column that is not matched. */
static guint8 **
match_columns (IwdTableModel *self,
               gboolean       for_search)
{
  guint8 **column_matches = g_new0 (guint8 *, self->n_columns);
  guint n_matched;

  for (guint column = 0; column < self->n_columns; column++)
    {
      IwdTableKind kind = iwd_table_get_column_kind (self->table, column);
      const char *text = for_search ? self->search : self->column_filters[column];

      if (text == NULL || (for_search && !iwd_column_index_is_searchable (kind)))
        continue;

      column_matches[column] = iwd_column_index_match (get_index (self, column), text, &n_matched);

      /* A search column without a match cannot keep a row, so the rows
       * skip it. A filter column without a match keeps none. */
      if (n_matched == 0 && for_search)
        g_clear_pointer (&column_matches[column], g_free);
    }

  return column_matches;
}

static void
free_column_matches (IwdTableModel  *self,
                     guint8        **column_matches)
{
  for (guint column = 0; column < self->n_columns; column++)
    g_free (column_matches[column]);

  g_free (column_matches);
}

static gboolean
cell_matches (IwdTableModel  *self,
              guint8        **column_matches,
              guint           column,
              guint32         row)
{
  guint32 id = self->indexes[column]->ids[row];

  return id != IWD_COLUMN_INDEX_EMPTY && column_matches[column][id];
}

/* A row is kept if one of its searchable cells contains the search, and
 * each filtered cell contains its column's filter. */
static gboolean
row_matches (IwdTableModel  *self,
             guint8        **search_matches,
             guint8        **filter_matches,
             guint32         row)
{
  gboolean found = self->search == NULL;

  for (guint column = 0; column < self->n_columns && !found; column++)
    found = search_matches[column] != NULL && cell_matches (self, search_matches, column, row);

  if (!found)
    return FALSE;

  for (guint column = 0; column < self->n_columns; column++)
    {
      if (filter_matches[column] != NULL && !cell_matches (self, filter_matches, column, row))
        return FALSE;
    }

  return TRUE;
}

/* Keeps the rows that match the search and the column filters. When
 * @narrow is set, the criteria only got stricter, so only the previous
 * matches can still match, which keeps typing fast. */
static void
filter (IwdTableModel *self,
        gboolean       narrow)
{
  guint n_candidates = narrow ? self->n_matches : self->n_rows;
  guint32 *matching_rows = g_new (guint32, MAX (n_candidates, 1));
  guint8 **search_matches = match_columns (self, TRUE);
  guint8 **filter_matches = match_columns (self, FALSE);
  guint n_matching = 0;

  for (guint i = 0; i < n_candidates; i++)
    {
      guint32 row = narrow ? self->matches[i] : get_ordered_row (self, i);

      if (row_matches (self, search_matches, filter_matches, row))
        matching_rows[n_matching++] = row;
    }

  free_column_matches (self, search_matches);
  free_column_matches (self, filter_matches);
  g_free (self->matches);
  self->matches = matching_rows;
  self->n_matches = n_matching;
}

static void
refilter (IwdTableModel *self)
{
  if (is_filtering (self))
    filter (self, FALSE);
}

/* Applies changed criteria and emits items-changed for the @n_before
 * items shown until now. Set @narrow when the criteria only got stricter. */
static void
apply_criteria (IwdTableModel *self,
                guint          n_before,
                gboolean       narrow)
{
  if (is_filtering (self))
    filter (self, narrow);
  else
    g_clear_pointer (&self->matches, g_free);

  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_before, get_n_visible (self));
}

static gboolean
is_empty_cell (IwdTable *table,
               guint     row,
               guint     column)
{
  const char *text;

  if (iwd_table_is_null (table, row, column))
    return TRUE;

  if (iwd_table_get_column_kind (table, column) != IWD_TABLE_KIND_TEXT)
    return FALSE;

  text = iwd_table_get_text (table, row, column);
  return *text == '\0';
}

/* Compares two non-empty cells. g_utf8_collate() gives the order that
 * the index's collation keys give, without building the index. */
static int
compare_cells (IwdTable *table,
               guint     column,
               guint     row_a,
               guint     row_b)
{
  gint64 value_a;
  gint64 value_b;

  if (iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_TEXT)
    return g_utf8_collate (iwd_table_get_text (table, row_a, column),
                           iwd_table_get_text (table, row_b, column));

  value_a = iwd_table_get_int64 (table, row_a, column);
  value_b = iwd_table_get_int64 (table, row_b, column);
  return (value_a > value_b) - (value_a < value_b);
}

/* Shows the rows in @order, which the model takes. */
static void
apply_order (IwdTableModel *self,
             guint32       *order,
             guint          column,
             GtkSortType    sort_type)
{
  guint n_visible;

  g_free (self->order);
  self->order = order;
  self->sort_column = column;
  self->sort_type = sort_type;
  refilter (self);

  n_visible = get_n_visible (self);
  g_list_model_items_changed (G_LIST_MODEL (self), 0, n_visible, n_visible);
}

/* Keeps an index that a worker thread built: in the empty slot, or as
 * the ranks and folded values that the slot's index lacks. */
static void
keep_index (IwdTableModel  *self,
            guint           column,
            IwdColumnIndex *index)
{
  if (index == NULL)
    return;

  if (self->indexes[column] == NULL)
    self->indexes[column] = index;
  else
    iwd_column_index_adopt (self->indexes[column], index);
}

static void
sort_job_free (SortJob *job)
{
  g_clear_object (&job->table);
  g_clear_pointer (&job->new_index, iwd_column_index_free);
  g_free (job->order);
  g_free (job);
}

static void
run_sort_job (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  SortJob *job = task_data;
  IwdColumnIndex *index = job->ranked_index;

  if (index == NULL)
    index = job->new_index = iwd_column_index_new (job->table, job->column);

  if (g_task_return_error_if_cancelled (task))
    return;

  job->order = g_new (guint32, MAX (iwd_table_get_n_rows (job->table), 1));
  iwd_column_index_sort (index, job->sort_type == GTK_SORT_DESCENDING, job->order);
  g_task_return_boolean (task, TRUE);
}

/* Applies the job's order on the main thread, unless the caller has
 * cancelled the sort meanwhile. */
static void
on_sort_job_done (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  IwdTableModel *self = IWD_TABLE_MODEL (source_object);
  g_autoptr(GTask) task = user_data;
  SortJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (g_task_return_error_if_cancelled (task))
    return;

  keep_index (self, job->column, g_steal_pointer (&job->new_index));
  apply_order (self, g_steal_pointer (&job->order), job->column, job->sort_type);
  g_task_return_boolean (task, TRUE);
}

/* A column that has an index without folded values gets a new one,
 * whose folded values the model's index then adopts. */
static gboolean
needs_search_index (IwdTableModel *self,
                    guint          column)
{
  IwdColumnIndex *index = self->indexes[column];

  if (!iwd_column_index_is_searchable (iwd_table_get_column_kind (self->table, column)))
    return FALSE;

  return index == NULL || index->folded == NULL;
}

static void
search_job_free (SearchJob *job)
{
  for (guint column = 0; column < job->n_columns; column++)
    g_clear_pointer (&job->indexes[column], iwd_column_index_free);

  g_clear_object (&job->table);
  g_free (job->columns_to_build);
  g_free (job->indexes);
  g_free (job);
}

static void
run_search_job (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  SearchJob *job = task_data;

  for (guint column = 0; column < job->n_columns; column++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;

      if (!job->columns_to_build[column])
        continue;

      job->indexes[column] = iwd_column_index_new (job->table, column);
      iwd_column_index_prepare_search (job->indexes[column]);
    }

  g_task_return_boolean (task, TRUE);
}

static void
on_search_job_done (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  IwdTableModel *self = IWD_TABLE_MODEL (source_object);
  g_autoptr(GTask) task = user_data;
  SearchJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      g_task_return_error (task, error);
      return;
    }

  for (guint column = 0; column < job->n_columns; column++)
    keep_index (self, column, g_steal_pointer (&job->indexes[column]));

  g_task_return_boolean (task, TRUE);
}

static char *
fold_search (const char *text)
{
  char *folded;

  if (text == NULL)
    return NULL;

  folded = iwd_text_fold_for_search (text);
  if (*folded == '\0')
    g_clear_pointer (&folded, g_free);

  return folded;
}

static GType
iwd_table_model_get_item_type (GListModel *model)
{
  return IWD_TYPE_TABLE_ROW;
}

static guint
iwd_table_model_get_n_items (GListModel *model)
{
  return get_n_visible (IWD_TABLE_MODEL (model));
}

static gpointer
iwd_table_model_get_item (GListModel *model,
                          guint       position)
{
  IwdTableModel *self = IWD_TABLE_MODEL (model);

  if (position >= get_n_visible (self))
    return NULL;

  return iwd_table_row_new (self->table, iwd_table_model_get_row (self, position));
}

static void
iwd_table_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = iwd_table_model_get_item_type;
  iface->get_n_items = iwd_table_model_get_n_items;
  iface->get_item = iwd_table_model_get_item;
}

static void
iwd_table_model_finalize (GObject *object)
{
  IwdTableModel *self = IWD_TABLE_MODEL (object);

  /* The filters array has a NULL for each unfiltered column, so
   * g_strfreev() would stop at the first one. */
  for (guint column = 0; column < self->n_columns; column++)
    {
      g_clear_pointer (&self->indexes[column], iwd_column_index_free);
      g_clear_pointer (&self->column_filters[column], g_free);
    }

  g_clear_pointer (&self->indexes, g_free);
  g_clear_pointer (&self->order, g_free);
  g_clear_pointer (&self->search, g_free);
  g_clear_pointer (&self->column_filters, g_free);
  g_clear_pointer (&self->matches, g_free);
  g_clear_object (&self->table);

  G_OBJECT_CLASS (iwd_table_model_parent_class)->finalize (object);
}

static void
iwd_table_model_class_init (IwdTableModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_table_model_finalize;
}

static void
iwd_table_model_init (IwdTableModel *self)
{
}

/**
 * iwd_table_model_new:
 * @table: the table to show
 *
 * Creates a model of the table's rows in load order, unfiltered.
 *
 * Returns: (transfer full): a new model
 */
IwdTableModel *
iwd_table_model_new (IwdTable *table)
{
  IwdTableModel *self;

  g_return_val_if_fail (IWD_IS_TABLE (table), NULL);

  self = g_object_new (IWD_TYPE_TABLE_MODEL, NULL);
  self->table = g_object_ref (table);
  self->n_rows = iwd_table_get_n_rows (table);
  self->n_columns = iwd_table_get_n_columns (table);
  self->indexes = g_new0 (IwdColumnIndex *, MAX (self->n_columns, 1));
  self->column_filters = g_new0 (char *, MAX (self->n_columns, 1));
  return self;
}

/**
 * iwd_table_model_get_table:
 * @self: a model
 *
 * Returns: (transfer none): the model's table
 */
IwdTable *
iwd_table_model_get_table (IwdTableModel *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), NULL);

  return self->table;
}

/**
 * iwd_table_model_get_row:
 * @self: a model
 * @position: a position in the model, below its number of items
 *
 * Gets the table row shown at a position, without making an item.
 *
 * Returns: the row's index in the table
 */
guint
iwd_table_model_get_row (IwdTableModel *self,
                         guint          position)
{
  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), 0);
  g_return_val_if_fail (position < get_n_visible (self), 0);

  if (is_filtering (self))
    return self->matches[position];

  return get_ordered_row (self, position);
}

/**
 * iwd_table_model_sort:
 * @self: a model
 * @column: the column to sort by
 * @sort_type: the direction
 *
 * Sorts the rows by one column: text in the collation order of the
 * locale (LC_COLLATE) as it was at the column's first sort, other kinds
 * by value. The sort is stable, so rows of equal values keep their load
 * order, and empty cells come last in both directions. The first sort of
 * a column computes its keys, and later sorts reuse them.
 */
void
iwd_table_model_sort (IwdTableModel *self,
                      guint          column,
                      GtkSortType    sort_type)
{
  guint32 *order;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));
  g_return_if_fail (column < self->n_columns);

  order = g_new (guint32, MAX (self->n_rows, 1));
  iwd_column_index_sort (get_index (self, column), sort_type == GTK_SORT_DESCENDING, order);
  apply_order (self, order, column, sort_type);
}

/**
 * iwd_table_model_sort_async:
 * @self: a model
 * @column: the column to sort by
 * @sort_type: the direction
 * @cancellable: (nullable): a #GCancellable
 * @callback: the function to call when the rows are sorted
 * @user_data: data for @callback
 *
 * Sorts the rows as iwd_table_model_sort() does, but computes the order,
 * and the column's keys on its first sort, in a worker thread. The model
 * shows the new order just before @callback runs, unless @cancellable
 * was cancelled first, which leaves the order as it was.
 */
void
iwd_table_model_sort_async (IwdTableModel       *self,
                            guint                column,
                            GtkSortType          sort_type,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) job_task = NULL;
  GTask *task;
  SortJob *job;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));
  g_return_if_fail (column < self->n_columns);
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_table_model_sort_async);

  job = g_new0 (SortJob, 1);
  job->table = g_object_ref (self->table);
  job->column = column;
  job->sort_type = sort_type;
  if (self->indexes[column] != NULL && iwd_column_index_is_ranked (self->indexes[column]))
    job->ranked_index = self->indexes[column];

  job_task = g_task_new (self, cancellable, on_sort_job_done, task);
  g_task_set_task_data (job_task, job, (GDestroyNotify) sort_job_free);
  g_task_run_in_thread (job_task, run_sort_job);
}

/**
 * iwd_table_model_sort_finish:
 * @self: a model
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the rows are sorted, or %FALSE with
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
iwd_table_model_sort_finish (IwdTableModel  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_table_model_sort_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_table_model_unsort:
 * @self: a model
 *
 * Puts the rows back in load order.
 */
void
iwd_table_model_unsort (IwdTableModel *self)
{
  iwd_table_model_set_load_order (self, GTK_SORT_ASCENDING);
}

/**
 * iwd_table_model_set_load_order:
 * @self: a model
 * @sort_type: %GTK_SORT_DESCENDING for the last row loaded first
 *
 * Puts the rows in load order, or in its reverse, and drops the sort by
 * a column.
 */
void
iwd_table_model_set_load_order (IwdTableModel *self,
                                GtkSortType    sort_type)
{
  guint n_rows;
  guint32 *order;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));

  if (sort_type == GTK_SORT_ASCENDING)
    {
      guint n_visible;

      if (self->order == NULL)
        return;

      g_clear_pointer (&self->order, g_free);
      refilter (self);
      n_visible = get_n_visible (self);
      g_list_model_items_changed (G_LIST_MODEL (self), 0, n_visible, n_visible);
      return;
    }

  n_rows = iwd_table_get_n_rows (self->table);
  order = g_new (guint32, MAX (n_rows, 1));
  for (guint i = 0; i < n_rows; i++)
    order[i] = n_rows - 1 - i;
  apply_order (self, order, G_MAXUINT, GTK_SORT_DESCENDING);
}

/**
 * iwd_table_model_get_sort_column:
 * @self: a model
 * @out_column: (out) (optional): the column the rows are sorted by
 * @out_sort_type: (out) (optional): the direction
 *
 * Returns: %TRUE if the rows are sorted by a column, %FALSE if in load
 *   order or its reverse
 */
gboolean
iwd_table_model_get_sort_column (IwdTableModel *self,
                                 guint         *out_column,
                                 GtkSortType   *out_sort_type)
{
  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), FALSE);

  /* A reversed load order has an order but no sort column. */
  if (self->order == NULL || self->sort_column == G_MAXUINT)
    return FALSE;

  if (out_column != NULL)
    *out_column = self->sort_column;
  if (out_sort_type != NULL)
    *out_sort_type = self->sort_type;
  return TRUE;
}

/**
 * iwd_table_model_compare_rows:
 * @self: a model
 * @column: a column
 * @row_a: a row of the table
 * @row_b: another row of the table
 *
 * Compares two rows by one column in ascending order, as
 * iwd_table_model_sort() orders them: empty cells last, and equal values
 * in load order. It reads the two cells only, and builds no index.
 *
 * Returns: the ordering of @row_a before @row_b
 */
GtkOrdering
iwd_table_model_compare_rows (IwdTableModel *self,
                              guint          column,
                              guint          row_a,
                              guint          row_b)
{
  gboolean empty_a;
  gboolean empty_b;
  int result = 0;

  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), GTK_ORDERING_EQUAL);
  g_return_val_if_fail (column < self->n_columns, GTK_ORDERING_EQUAL);

  empty_a = is_empty_cell (self->table, row_a, column);
  empty_b = is_empty_cell (self->table, row_b, column);

  if (empty_a != empty_b)
    return empty_a ? GTK_ORDERING_LARGER : GTK_ORDERING_SMALLER;

  if (!empty_a)
    result = compare_cells (self->table, column, row_a, row_b);
  if (result == 0)
    result = (row_a > row_b) - (row_a < row_b);

  return gtk_ordering_from_cmpfunc (result);
}

/**
 * iwd_table_model_set_search:
 * @self: a model
 * @text: (nullable): the text to look for, or %NULL or "" for all rows
 *
 * Keeps the rows where the displayed text of a cell contains @text,
 * ignoring case and accents, and spaces in amounts and decimals. Boolean
 * cells are not searched.
 */
void
iwd_table_model_set_search (IwdTableModel *self,
                            const char    *text)
{
  g_autofree char *folded = fold_search (text);
  guint n_before;
  gboolean narrow;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));

  if (g_strcmp0 (folded, self->search) == 0)
    return;

  n_before = get_n_visible (self);
  narrow = is_filtering (self) && is_narrowing (self->search, folded);
  g_free (self->search);
  self->search = g_steal_pointer (&folded);

  apply_criteria (self, n_before, narrow);
}

/**
 * iwd_table_model_get_search:
 * @self: a model
 *
 * Returns: (nullable): the search text, folded, or %NULL for none
 */
const char *
iwd_table_model_get_search (IwdTableModel *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), NULL);

  return self->search;
}

/**
 * iwd_table_model_set_column_filter:
 * @self: a model
 * @column: a column of the table
 * @text: (nullable): the text that the column's cells must contain, or
 *   %NULL or "" to filter nothing on this column
 *
 * Keeps the rows whose cell in @column contains @text as it is displayed,
 * ignoring case and accents, and spaces in amounts and decimals. Filters
 * on several columns and the search all apply together. Unlike the
 * search, a filter also applies to a boolean column.
 */
void
iwd_table_model_set_column_filter (IwdTableModel *self,
                                   guint          column,
                                   const char    *text)
{
  g_autofree char *folded = fold_search (text);
  char **current;
  guint n_before;
  gboolean narrow;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));
  g_return_if_fail (column < self->n_columns);

  current = &self->column_filters[column];
  if (g_strcmp0 (folded, *current) == 0)
    return;

  n_before = get_n_visible (self);
  narrow = is_filtering (self) && is_narrowing (*current, folded);
  self->n_column_filters += (folded != NULL) - (*current != NULL);
  g_free (*current);
  *current = g_steal_pointer (&folded);

  apply_criteria (self, n_before, narrow);
}

/**
 * iwd_table_model_get_column_filter:
 * @self: a model
 * @column: a column of the table
 *
 * Returns: (nullable): the column's filter, folded, or %NULL for none
 */
const char *
iwd_table_model_get_column_filter (IwdTableModel *self,
                                   guint          column)
{
  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), NULL);
  g_return_val_if_fail (column < self->n_columns, NULL);

  return self->column_filters[column];
}

/**
 * iwd_table_model_prepare_search_async:
 * @self: a model
 * @cancellable: (nullable): a #GCancellable
 * @callback: the function to call when the search is prepared
 * @user_data: data for @callback
 *
 * Indexes the searchable columns and folds their values in a worker
 * thread, so that the first search does not block. A search before the
 * preparation is done still works, computing what it needs itself.
 */
void
iwd_table_model_prepare_search_async (IwdTableModel       *self,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) job_task = NULL;
  GTask *task;
  SearchJob *job;

  g_return_if_fail (IWD_IS_TABLE_MODEL (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_table_model_prepare_search_async);

  job = g_new0 (SearchJob, 1);
  job->table = g_object_ref (self->table);
  job->n_columns = self->n_columns;
  job->columns_to_build = g_new0 (gboolean, MAX (self->n_columns, 1));
  job->indexes = g_new0 (IwdColumnIndex *, MAX (self->n_columns, 1));
  for (guint column = 0; column < self->n_columns; column++)
    job->columns_to_build[column] = needs_search_index (self, column);

  job_task = g_task_new (self, cancellable, on_search_job_done, task);
  g_task_set_task_data (job_task, job, (GDestroyNotify) search_job_free);
  g_task_run_in_thread (job_task, run_search_job);
}

/**
 * iwd_table_model_prepare_search_finish:
 * @self: a model
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once the searchable columns are indexed, or %FALSE with
 *   %G_IO_ERROR_CANCELLED
 */
gboolean
iwd_table_model_prepare_search_finish (IwdTableModel  *self,
                                       GAsyncResult   *result,
                                       GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_table_model_prepare_search_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_table_model_sum_column:
 * @self: a model
 * @column: a column of kind MONEY, DECIMAL or INTEGER
 * @out_total: (out): return location for the sum
 *
 * Sums a column's values over the rows the model shows, after the search
 * and the column filters, in exact integer arithmetic. Empty cells count
 * as nothing.
 *
 * Returns: %TRUE, or %FALSE if the sum overflows a #gint64
 */
gboolean
iwd_table_model_sum_column (IwdTableModel *self,
                            guint          column,
                            gint64        *out_total)
{
  guint n_visible;
  gint64 total = 0;

  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), FALSE);
  g_return_val_if_fail (column < self->n_columns, FALSE);
  g_return_val_if_fail (out_total != NULL, FALSE);

  n_visible = get_n_visible (self);
  for (guint position = 0; position < n_visible; position++)
    {
      guint row = is_filtering (self) ? self->matches[position] : position;

      if (iwd_table_is_null (self->table, row, column))
        continue;
      /* GLib has checked addition for unsigned types only. */
      if (__builtin_add_overflow (total, iwd_table_get_int64 (self->table, row, column), &total))
        return FALSE;
    }

  *out_total = total;
  return TRUE;
}

/**
 * iwd_table_model_dup_rows:
 * @self: a model
 * @out_n_rows: (out): return location for the number of rows
 *
 * Copies the table rows the model shows, in the order it shows them, for
 * an export of what the grid shows.
 *
 * Returns: (transfer full) (array length=out_n_rows): the row indices
 */
guint *
iwd_table_model_dup_rows (IwdTableModel *self,
                          guint         *out_n_rows)
{
  guint n_visible;
  guint *rows;

  g_return_val_if_fail (IWD_IS_TABLE_MODEL (self), NULL);
  g_return_val_if_fail (out_n_rows != NULL, NULL);

  n_visible = get_n_visible (self);
  rows = g_new (guint, MAX (n_visible, 1));
  for (guint position = 0; position < n_visible; position++)
    rows[position] = iwd_table_model_get_row (self, position);

  *out_n_rows = n_visible;
  return rows;
}
