/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Tables built by hand for the history tests, through the same builder
 * as the parsers, so that kinds come out as they do from real replies. */

#include "history-test-table.h"

#include <string.h>

#include "iwd-table-builder.h"

/**
 * history_test_table_new:
 * @keys: (array zero-terminated=1): the column keys
 * @cells: (array): @n_rows rows of one cell per key, row by row; %NULL
 *   or "" for an empty cell
 * @n_rows: the number of rows
 *
 * Returns: (transfer full): the table; the test fails if the builder
 *   rejects a cell
 */
IwdTable *
history_test_table_new (const char * const *keys,
                        const char * const *cells,
                        guint               n_rows)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  guint n_keys = g_strv_length ((char **) keys);
  IwdTable *table;

  for (guint i = 0; i < n_keys; i++)
    iwd_table_builder_ensure_column (builder, keys[i]);

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint i = 0; i < n_keys; i++)
        {
          const char *cell = cells[row * n_keys + i];

          iwd_table_builder_set_cell (builder, i, cell, cell != NULL ? strlen (cell) : 0, &error);
          g_assert_no_error (error);
        }
      iwd_table_builder_end_row (builder);
    }

  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);

  return table;
}

/**
 * history_test_table_contracts:
 * @n_rows: how many contracts
 * @first_number: the policy number of the first; the next ones follow
 *
 * Builds contracts with the API's main keys, whose values follow from
 * the policy number, so that two calls agree on every shared number.
 *
 * Returns: (transfer full): the table
 */
IwdTable *
history_test_table_contracts (guint n_rows,
                              guint first_number)
{
  static const char * const keys[] = {
    "police.numero_police_cie", "client.prenom", "client.ville", "police.prime",
    "police.tauxcomcie", "police.mode_paiement", NULL,
  };
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  for (guint row = 0; row < n_rows; row++)
    {
      guint number = first_number + row;

      g_ptr_array_add (cells, g_strdup_printf ("POL%06u", number));
      g_ptr_array_add (cells, g_strdup (number % 2 ? "Hélène" : "Joël"));
      g_ptr_array_add (cells, g_strdup (number % 3 ? "ORLÉANS" : "NÎMES"));
      g_ptr_array_add (cells, g_strdup_printf ("%u.%02u", 100 + number % 900, number % 100));
      g_ptr_array_add (cells, g_strdup_printf ("%u", 5 + number % 20));
      g_ptr_array_add (cells, g_strdup (number % 4 ? "Mensuel" : "Annuel"));
    }

  return history_test_table_new (keys, (const char * const *) cells->pdata, n_rows);
}

/**
 * history_test_table_column:
 * @table: a table
 * @key: a column key
 *
 * Returns: the column's index; the test fails if it is missing
 */
guint
history_test_table_column (IwdTable   *table,
                           const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));

  return column;
}

static void
assert_cells_equal (IwdTable *expected,
                    IwdTable *actual,
                    guint     row,
                    guint     column)
{
  gboolean expected_null = iwd_table_is_null (expected, row, column);

  g_assert_cmpint (iwd_table_is_null (actual, row, column), ==, expected_null);
  if (expected_null)
    return;

  if (iwd_table_get_column_kind (expected, column) == IWD_TABLE_KIND_TEXT)
    g_assert_cmpstr (iwd_table_get_text (actual, row, column), ==,
                     iwd_table_get_text (expected, row, column));
  else
    g_assert_cmpint (iwd_table_get_int64 (actual, row, column), ==,
                     iwd_table_get_int64 (expected, row, column));
}

/**
 * history_test_table_assert_equal:
 * @expected: a table
 * @actual: the table to check
 *
 * Fails the test unless both tables have the same columns (key, label and
 * kind, in order) and the same cells.
 */
void
history_test_table_assert_equal (IwdTable *expected,
                                 IwdTable *actual)
{
  guint n_columns = iwd_table_get_n_columns (expected);
  guint n_rows = iwd_table_get_n_rows (expected);

  g_assert_cmpuint (iwd_table_get_n_columns (actual), ==, n_columns);
  g_assert_cmpuint (iwd_table_get_n_rows (actual), ==, n_rows);

  for (guint column = 0; column < n_columns; column++)
    {
      g_assert_cmpstr (iwd_table_get_column_key (actual, column), ==,
                       iwd_table_get_column_key (expected, column));
      g_assert_cmpstr (iwd_table_get_column_label (actual, column), ==,
                       iwd_table_get_column_label (expected, column));
      g_assert_cmpint (iwd_table_get_column_kind (actual, column), ==,
                       iwd_table_get_column_kind (expected, column));

      for (guint row = 0; row < n_rows; row++)
        assert_cells_equal (expected, actual, row, column);
    }
}
