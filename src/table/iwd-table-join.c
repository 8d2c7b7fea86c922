/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Joins the rows of the tables that a statement read in parts gave, one
 * part per thread. Each part settled its columns' kinds on its own, so
 * the join first checks that they agree as one reader of the whole
 * statement would have found. Otherwise it declines, and the caller
 * reads the statement again in one part.
 *
 * Columns are joined one at a time, and each part's column is freed once
 * copied, so the cells never exist twice.
 */

#include "iwd-table-column.h"
#include "iwd-table-join.h"
#include "iwd-table-private.h"

static gboolean
has_values (IwdTableColumn *column)
{
  for (guint row = 0; row < column->n_cells; row++)
    {
      if (!iwd_table_column_is_null (column, row))
        return TRUE;
    }

  return FALSE;
}

/* A day without a time and a day with one are both seconds, and one
 * reader would have made the whole column DATETIME. */
static gboolean
merge_kinds (IwdTableKind  kind,
             IwdTableKind  other,
             IwdTableKind *out_kind)
{
  gboolean dates = (kind == IWD_TABLE_KIND_DATE || kind == IWD_TABLE_KIND_DATETIME)
                   && (other == IWD_TABLE_KIND_DATE || other == IWD_TABLE_KIND_DATETIME);

  if (kind == other)
    *out_kind = kind;
  else if (dates)
    *out_kind = IWD_TABLE_KIND_DATETIME;
  else
    return FALSE;

  return TRUE;
}

/* Finds the joined kind of a column. A part's column without values fits
 * any kind, because its reader had no value to settle the kind with.
 * Returns FALSE when the parts disagree or the texts would not fit in
 * one arena. */
static gboolean
choose_kind (IwdTableColumn **parts,
             guint            n_parts,
             IwdTableKind    *out_kind)
{
  gboolean any_values = FALSE;
  gsize arena_length = 0;

  *out_kind = parts[0]->kind;

  for (guint i = 0; i < n_parts; i++)
    {
      arena_length += parts[i]->arena_length;
      if (!has_values (parts[i]))
        continue;

      if (any_values && !merge_kinds (*out_kind, parts[i]->kind, out_kind))
        return FALSE;

      if (!any_values)
        *out_kind = parts[i]->kind;
      any_values = TRUE;
    }

  return arena_length < G_MAXUINT32;
}

static gboolean
have_same_keys (IwdTable **tables,
                guint      n_tables)
{
  guint n_columns = iwd_table_get_n_columns (tables[0]);

  for (guint i = 1; i < n_tables; i++)
    {
      if (iwd_table_get_n_columns (tables[i]) != n_columns)
        return FALSE;

      for (guint column = 0; column < n_columns; column++)
        {
          if (g_strcmp0 (iwd_table_get_column_key (tables[i], column),
                         iwd_table_get_column_key (tables[0], column)) != 0)
            return FALSE;
        }
    }

  return TRUE;
}

static gboolean
choose_kinds (IwdTable     **tables,
              guint          n_tables,
              IwdTableKind  *kinds)
{
  guint n_columns = iwd_table_get_n_columns (tables[0]);
  g_autofree IwdTableColumn **parts = g_new (IwdTableColumn *, n_tables);

  for (guint column = 0; column < n_columns; column++)
    {
      for (guint i = 0; i < n_tables; i++)
        parts[i] = iwd_table_peek_column (tables[i], column);

      if (!choose_kind (parts, n_tables, &kinds[column]))
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_table_join_rows:
 * @tables: (array length=n_tables): tables of the same columns, in row
 *   order, at least one
 * @n_tables: the number of tables
 *
 * Joins the rows of @tables into one table, as if one reader had read
 * them all. On success, @tables are left without rows.
 *
 * Returns: (transfer full) (nullable): the joined table, or %NULL, with
 *   @tables untouched, when their keys differ, when a column's kinds
 *   disagree (a date column in one table and text in another), or when
 *   a column's text would exceed 4 GiB
 */
IwdTable *
iwd_table_join_rows (IwdTable **tables,
                     guint      n_tables)
{
  guint n_columns = iwd_table_get_n_columns (tables[0]);
  g_autofree IwdTableKind *kinds = g_new (IwdTableKind, MAX (n_columns, 1));
  g_autofree GPtrArray **stolen = NULL;
  g_autofree IwdTableColumn **parts = NULL;
  GPtrArray *joined;
  guint n_rows = 0;

  g_return_val_if_fail (n_tables > 0, NULL);

  if (!have_same_keys (tables, n_tables) || !choose_kinds (tables, n_tables, kinds))
    return NULL;

  stolen = g_new (GPtrArray *, n_tables);
  for (guint i = 0; i < n_tables; i++)
    {
      n_rows += iwd_table_get_n_rows (tables[i]);
      stolen[i] = iwd_table_steal_columns (tables[i]);
    }

  joined = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);
  parts = g_new (IwdTableColumn *, n_tables);
  for (guint column = 0; column < n_columns; column++)
    {
      for (guint i = 0; i < n_tables; i++)
        parts[i] = g_steal_pointer (&g_ptr_array_index (stolen[i], column));

      g_ptr_array_add (joined, iwd_table_column_join (parts, n_tables, kinds[column]));
    }

  for (guint i = 0; i < n_tables; i++)
    g_ptr_array_unref (stolen[i]);

  return iwd_table_new_for_columns (joined, n_rows);
}
