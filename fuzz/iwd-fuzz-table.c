/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-fuzz-table.h"

static gboolean
is_summable (IwdTableKind kind)
{
  return kind == IWD_TABLE_KIND_INTEGER
         || kind == IWD_TABLE_KIND_DECIMAL
         || kind == IWD_TABLE_KIND_MONEY;
}

static void
read_column (IwdTable *table,
             guint     column)
{
  gint64 total;

  g_assert_nonnull (iwd_table_get_column_key (table, column));

  for (guint row = 0; row < iwd_table_get_n_rows (table); row++)
    {
      g_autofree char *cell = iwd_table_dup_cell_string (table, row, column);

      g_assert_true (g_utf8_validate (cell, -1, NULL));
    }

  if (is_summable (iwd_table_get_column_kind (table, column)))
    iwd_table_sum_column (table, column, &total);
}

/**
 * iwd_fuzz_read_table:
 * @table: a table that a parser built
 *
 * Reads every cell and sums every numeric column, so that a table built
 * with inconsistent column lengths or kinds fails under the sanitizers.
 * Every cell must render as valid UTF-8, as the grid shows it.
 */
void
iwd_fuzz_read_table (IwdTable *table)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    read_column (table, column);

  iwd_table_get_memory_size (table);
}
