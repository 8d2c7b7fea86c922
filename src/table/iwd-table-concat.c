/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-concat.h"

#include <string.h>

#include "iwd-parse-error.h"
#include "iwd-table-column.h"
#include "iwd-table-private.h"
#include "iwd-table-schema.h"
#include "iwd-text.h"

#define NO_SOURCE G_MAXUINT

/* One column of the result: the key, the kind its values share, and
 * its index in each input table, or NO_SOURCE where a table lacks it. */
typedef struct {
  const char   *key;       /* owned by the first input table that has it */
  IwdTableKind  kind;
  gboolean      typed;     /* a table with values in the column set the kind */
  guint        *sources;   /* owned; one per input table */
} MergedColumn;

static void
merged_column_clear (gpointer data)
{
  MergedColumn *merged = data;

  g_free (merged->sources);
}

static gboolean
has_values (IwdTable *table,
            guint     column)
{
  for (guint row = 0; row < iwd_table_get_n_rows (table); row++)
    {
      if (!iwd_table_is_null (table, row, column))
        return TRUE;
    }

  return FALSE;
}

/* Finds a kind that stores the values of both kinds without loss, or
 * falls back to TEXT. */
static IwdTableKind
merge_kinds (IwdTableKind a,
             IwdTableKind b)
{
  IwdTableKind low = MIN (a, b);
  IwdTableKind high = MAX (a, b);

  if (low == high)
    return low;
  if (low == IWD_TABLE_KIND_INTEGER
      && (high == IWD_TABLE_KIND_DECIMAL || high == IWD_TABLE_KIND_MONEY))
    return high;
  if (low == IWD_TABLE_KIND_DECIMAL && high == IWD_TABLE_KIND_MONEY)
    return IWD_TABLE_KIND_MONEY;
  if (low == IWD_TABLE_KIND_DATE && high == IWD_TABLE_KIND_DATETIME)
    return IWD_TABLE_KIND_DATETIME;
  if (low == IWD_TABLE_KIND_INTEGER && high == IWD_TABLE_KIND_BOOLEAN)
    return IWD_TABLE_KIND_INTEGER;

  return IWD_TABLE_KIND_TEXT;
}

static MergedColumn *
ensure_merged (GArray     *merged,
               GHashTable *index_by_key,
               const char *key,
               guint       n_tables)
{
  gpointer found;
  MergedColumn fresh = { key, IWD_TABLE_KIND_TEXT, FALSE, NULL };

  if (g_hash_table_lookup_extended (index_by_key, key, NULL, &found))
    return &g_array_index (merged, MergedColumn, GPOINTER_TO_UINT (found));

  fresh.sources = g_new (guint, n_tables);
  for (guint i = 0; i < n_tables; i++)
    fresh.sources[i] = NO_SOURCE;

  g_hash_table_insert (index_by_key, (gpointer) key, GUINT_TO_POINTER (merged->len));
  g_array_append_val (merged, fresh);
  return &g_array_index (merged, MergedColumn, merged->len - 1);
}

/* Lists the union of the tables' columns by key, in the order they first
 * appear. A column that is empty in a table does not vote on the kind,
 * because the builder gives an empty column the kind TEXT. */
static GArray *
merge_columns (IwdTable * const *tables,
               guint             n_tables)
{
  GArray *merged = g_array_new (FALSE, FALSE, sizeof (MergedColumn));
  g_autoptr(GHashTable) index_by_key = g_hash_table_new (g_str_hash, g_str_equal);

  g_array_set_clear_func (merged, merged_column_clear);
  for (guint t = 0; t < n_tables; t++)
    {
      for (guint column = 0; column < iwd_table_get_n_columns (tables[t]); column++)
        {
          const char *key = iwd_table_get_column_key (tables[t], column);
          IwdTableKind kind = iwd_table_get_column_kind (tables[t], column);
          MergedColumn *entry = ensure_merged (merged, index_by_key, key, n_tables);

          entry->sources[t] = column;
          if (!has_values (tables[t], column))
            continue;

          entry->kind = entry->typed ? merge_kinds (entry->kind, kind) : kind;
          entry->typed = TRUE;
        }
    }

  return merged;
}

static IwdTableKind
get_fallback_kind (MergedColumn     *entry,
                   IwdTable * const *tables,
                   guint             n_tables)
{
  for (guint t = 0; t < n_tables; t++)
    {
      if (entry->sources[t] != NO_SOURCE)
        return iwd_table_get_column_kind (tables[t], entry->sources[t]);
    }

  return IWD_TABLE_KIND_TEXT;
}

/* Keeps a documented key's label untranslated, so that it follows the
 * language at display, and copies any other heading as the table has it. */
static void
copy_label (IwdTableColumn *output,
            IwdTable       *table,
            guint           column)
{
  const char *msgid = NULL;
  IwdTableKind kind;
  const char *label;

  if (iwd_table_schema_lookup (output->key, &msgid, &kind) && msgid != NULL)
    {
      output->label_msgid = msgid;
      return;
    }

  label = iwd_table_get_column_label (table, column);
  if (!g_str_equal (label, output->key))
    output->custom_label = g_strdup (label);
}

/* Converts a number to the unit of the merged kind: whole numbers become
 * ten-thousandths in a DECIMAL or MONEY column. */
static gboolean
convert_number (IwdTableKind   from,
                IwdTableKind   to,
                gint64         value,
                gint64        *out_value,
                const char    *key,
                GError       **error)
{
  gboolean scaled = (from == IWD_TABLE_KIND_INTEGER || from == IWD_TABLE_KIND_BOOLEAN)
                    && (to == IWD_TABLE_KIND_DECIMAL || to == IWD_TABLE_KIND_MONEY);

  if (!scaled)
    {
      *out_value = value;
      return TRUE;
    }

  if (value > G_MAXINT64 / IWD_DECIMAL_SCALE || value < G_MININT64 / IWD_DECIMAL_SCALE)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
                   "the value %" G_GINT64_FORMAT " of column “%s” is too large for a decimal number",
                   value, key);
      return FALSE;
    }

  *out_value = value * IWD_DECIMAL_SCALE;
  return TRUE;
}

static gboolean
append_cell (IwdTableColumn  *output,
             IwdTable        *table,
             guint            row,
             guint            column,
             GError         **error)
{
  IwdTableKind from = iwd_table_get_column_kind (table, column);
  guint out_row = output->n_cells;
  g_autofree char *text = NULL;
  gint64 value;

  iwd_table_column_append_null (output);
  if (iwd_table_is_null (table, row, column))
    return TRUE;

  if (output->kind != IWD_TABLE_KIND_TEXT)
    {
      if (!convert_number (from, output->kind, iwd_table_get_int64 (table, row, column),
                           &value, output->key, error))
        return FALSE;
      iwd_table_column_set_int64 (output, out_row, value);
      return TRUE;
    }

  if (from == IWD_TABLE_KIND_TEXT)
    text = g_strdup (iwd_table_get_text (table, row, column));
  else
    text = iwd_table_dup_cell_string (table, row, column);
  return iwd_table_column_set_text (output, out_row, text, strlen (text), error);
}

static gboolean
fill_column (IwdTableColumn    *output,
             MergedColumn      *entry,
             IwdTable * const  *tables,
             guint              n_tables,
             GError           **error)
{
  for (guint t = 0; t < n_tables; t++)
    {
      guint n_rows = iwd_table_get_n_rows (tables[t]);

      for (guint row = 0; row < n_rows; row++)
        {
          if (entry->sources[t] == NO_SOURCE)
            iwd_table_column_append_null (output);
          else if (!append_cell (output, tables[t], row, entry->sources[t], error))
            return FALSE;
        }
    }

  return TRUE;
}

static IwdTableColumn *
build_source_column (IwdTable * const   *tables,
                     guint               n_tables,
                     const char         *source_key,
                     const char         *source_label,
                     const char * const *source_names,
                     GError            **error)
{
  g_autoptr(IwdTableColumn) output = iwd_table_column_new (source_key, IWD_TABLE_KIND_TEXT);

  output->custom_label = g_strdup (source_label);
  for (guint t = 0; t < n_tables; t++)
    {
      for (guint row = 0; row < iwd_table_get_n_rows (tables[t]); row++)
        {
          iwd_table_column_append_null (output);
          if (!iwd_table_column_set_text (output, output->n_cells - 1, source_names[t],
                                          strlen (source_names[t]), error))
            return NULL;
        }
    }

  return g_steal_pointer (&output);
}

static IwdTableColumn *
build_column (MergedColumn      *entry,
              IwdTable * const  *tables,
              guint              n_tables,
              GError           **error)
{
  IwdTableKind kind = entry->typed ? entry->kind : get_fallback_kind (entry, tables, n_tables);
  g_autoptr(IwdTableColumn) output = iwd_table_column_new (entry->key, kind);

  for (guint t = 0; t < n_tables; t++)
    {
      if (entry->sources[t] == NO_SOURCE)
        continue;

      copy_label (output, tables[t], entry->sources[t]);
      break;
    }

  if (!fill_column (output, entry, tables, n_tables, error))
    return NULL;

  return g_steal_pointer (&output);
}

static gboolean
check_source_key (IwdTable * const  *tables,
                  guint              n_tables,
                  const char        *source_key,
                  GError           **error)
{
  guint column;

  for (guint t = 0; source_key != NULL && t < n_tables; t++)
    {
      if (iwd_table_find_column (tables[t], source_key, &column))
        {
          g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                       "table %u already has a column “%s”, the key chosen for the source names",
                       t + 1, source_key);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
count_rows (IwdTable * const  *tables,
            guint              n_tables,
            guint             *out_n_rows,
            GError           **error)
{
  guint64 n_rows = 0;

  for (guint t = 0; t < n_tables; t++)
    n_rows += iwd_table_get_n_rows (tables[t]);

  if (n_rows > G_MAXUINT)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
                   "the tables have %" G_GUINT64_FORMAT " rows together, more than the maximum of %u",
                   n_rows, G_MAXUINT);
      return FALSE;
    }

  *out_n_rows = n_rows;
  return TRUE;
}

/**
 * iwd_table_concat:
 * @tables: (array length=n_tables): the tables to put one after another
 * @n_tables: the number of tables
 * @source_key: (nullable): the key of a first column that names each
 *   row's table, or %NULL for none
 * @source_label: (nullable): that column's heading, already translated;
 *   required with @source_key
 * @source_names: (nullable) (array length=n_tables): the name written in
 *   that column for the rows of each table; required with @source_key
 * @error: return location for a #GError
 *
 * Puts the rows of @tables one after another in a new table, in order.
 * Columns are matched by key. A column that a table lacks is empty in
 * that table's rows. The columns keep the order in which they first
 * appear. When tables give one key different kinds, the result takes a
 * kind that stores both: whole numbers become DECIMAL or MONEY (in
 * ten-thousandths), dates become DATETIME, and any other pair becomes
 * TEXT, written as iwd_table_dup_cell_string() writes the cells.
 *
 * Returns: (transfer full): the new table, or %NULL with @error set:
 *   %IWD_PARSE_ERROR_SHAPE when a table already has a column
 *   @source_key, %IWD_PARSE_ERROR_VALUE when the rows or a column's text
 *   exceed a table's limits, or a whole number is too large to become
 *   decimal
 */
IwdTable *
iwd_table_concat (IwdTable * const   *tables,
                  guint               n_tables,
                  const char         *source_key,
                  const char         *source_label,
                  const char * const *source_names,
                  GError            **error)
{
  g_autoptr(GPtrArray) columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);
  g_autoptr(GArray) merged = NULL;
  guint n_rows;

  g_return_val_if_fail (tables != NULL || n_tables == 0, NULL);
  g_return_val_if_fail (source_key == NULL || source_label != NULL, NULL);
  g_return_val_if_fail (source_key == NULL || source_names != NULL || n_tables == 0, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!check_source_key (tables, n_tables, source_key, error)
      || !count_rows (tables, n_tables, &n_rows, error))
    return NULL;

  if (source_key != NULL)
    {
      IwdTableColumn *source = build_source_column (tables, n_tables, source_key,
                                                    source_label, source_names, error);
      if (source == NULL)
        return NULL;
      g_ptr_array_add (columns, source);
    }

  merged = merge_columns (tables, n_tables);
  for (guint i = 0; i < merged->len; i++)
    {
      IwdTableColumn *output = build_column (&g_array_index (merged, MergedColumn, i),
                                             tables, n_tables, error);
      if (output == NULL)
        return NULL;
      g_ptr_array_add (columns, output);
    }

  for (guint i = 0; i < columns->len; i++)
    iwd_table_column_compact (g_ptr_array_index (columns, i));

  return iwd_table_new_for_columns (g_steal_pointer (&columns), n_rows);
}
