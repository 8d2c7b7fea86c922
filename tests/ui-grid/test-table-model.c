/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "iwd-cell-format.h"
#include "iwd-column-sorter.h"
#include "iwd-commissions-tsv.h"
#include "iwd-table-builder.h"
#include "iwd-table-model.h"
#include "iwd-table-row.h"

/* Builds a table from @n_columns keys and a row-major array of cells,
 * where NULL is an empty cell. The builder chooses each column's kind. */
static IwdTable *
build_table (const char * const *keys,
             guint               n_columns,
             const char * const *cells,
             guint               n_rows)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  for (guint column = 0; column < n_columns; column++)
    iwd_table_builder_ensure_column (builder, keys[column]);

  for (guint row = 0; row < n_rows; row++)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          const char *text = cells[row * n_columns + column];

          iwd_table_builder_set_cell (builder, column, text, text ? strlen (text) : 0, &error);
          g_assert_no_error (error);
        }
      iwd_table_builder_end_row (builder);
    }

  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);
  return table;
}

static IwdTable *
build_people_table (void)
{
  static const char * const keys[] = { "Nom", "Montant", "Date", "Ville" };
  static const char * const cells[] = {
    "Fabre",  "100.00",  "2020-01-02", "NICE",
    "Émile",  "-300.00", NULL,         "SAINT-ÉTIENNE",
    NULL,     "-5.50",   "1965-09-26", "LYON",
    "Duval",  NULL,      "1999-12-31", "Béziers",
    "Eve",    "0",       "2020-01-02", NULL,
  };

  return build_table (keys, 4, cells, 5);
}

static void
assert_rows (IwdTableModel *model,
             const guint   *expected,
             guint          n_expected)
{
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, n_expected);

  for (guint position = 0; position < n_expected; position++)
    g_assert_cmpuint (iwd_table_model_get_row (model, position), ==, expected[position]);
}

static void
test_load_order (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  IwdTableModel *model = iwd_table_model_new (table);
  static const guint expected[] = { 0, 1, 2, 3, 4 };

  assert_rows (model, expected, G_N_ELEMENTS (expected));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
  g_assert_true (g_list_model_get_item_type (G_LIST_MODEL (model)) == IWD_TYPE_TABLE_ROW);

  g_assert_finalize_object (model);
}

static void
test_item (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  IwdTableRow *row;

  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  row = g_list_model_get_item (G_LIST_MODEL (model), 0);

  g_assert_true (iwd_table_row_get_table (row) == table);
  g_assert_cmpuint (iwd_table_row_get_index (row), ==, 3);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (model), 5));

  g_assert_finalize_object (row);
}

static void
test_sort_text_ascii (void)
{
  static const char * const keys[] = { "Nom" };
  static const char * const cells[] = { "Martin", "Bernard", NULL, "Dupont", "" };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, 5);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 1, 3, 0, 2, 4 };
  static const guint descending[] = { 0, 3, 1, 2, 4 };
  guint column;
  GtkSortType sort_type;

  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 0, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
  g_assert_true (iwd_table_model_get_sort_column (model, &column, &sort_type));
  g_assert_cmpuint (column, ==, 0);
  g_assert_cmpint (sort_type, ==, GTK_SORT_DESCENDING);
}

/* É sorts with the E's in French collation, and after Z in C.UTF-8. */
static void
test_sort_text_accents (void)
{
  static const char * const keys[] = { "Nom" };
  static const char * const cells[] = { "Fabre", "Émile", "Duval", "Eve" };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, 4);
  g_autoptr(IwdTableModel) model = NULL;
  static const guint french[] = { 2, 1, 3, 0 };
  g_autofree char *previous = g_strdup (setlocale (LC_COLLATE, NULL));

  if (setlocale (LC_COLLATE, "fr_FR.UTF-8") == NULL)
    {
      model = iwd_table_model_new (table);
      iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
      g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 2);
      g_test_skip ("no fr_FR.UTF-8 locale to check where É sorts");
      return;
    }

  model = iwd_table_model_new (table);
  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  setlocale (LC_COLLATE, previous);

  assert_rows (model, french, G_N_ELEMENTS (french));
}

static void
test_sort_money (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 1, 2, 4, 0, 3 };
  static const guint descending[] = { 0, 4, 2, 1, 3 };

  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_MONEY);

  iwd_table_model_sort (model, 1, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 1, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

static void
test_sort_dates (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 2, 3, 0, 4, 1 };
  static const guint descending[] = { 0, 4, 3, 2, 1 };

  g_assert_cmpint (iwd_table_get_column_kind (table, 2), ==, IWD_TABLE_KIND_DATE);

  iwd_table_model_sort (model, 2, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 2, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

static void
test_sort_stable (void)
{
  static const char * const keys[] = { "Produit", "Police" };
  static const char * const cells[] = {
    "MRH", "P1", "AUTO", "P2", "MRH", "P3", "AUTO", "P4", "MRH", "P5",
  };
  g_autoptr(IwdTable) table = build_table (keys, 2, cells, 5);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 1, 3, 0, 2, 4 };
  static const guint descending[] = { 0, 2, 4, 1, 3 };

  iwd_table_model_sort (model, 1, GTK_SORT_DESCENDING);
  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 0, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

static void
on_sorted (GObject      *source_object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

/* Runs iwd_table_model_sort_async() to its end and returns its result. */
static gboolean
sort_and_wait (IwdTableModel  *model,
               guint           column,
               GtkSortType     sort_type,
               GCancellable   *cancellable,
               GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_table_model_sort_async (model, column, sort_type, cancellable, on_sorted, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return iwd_table_model_sort_finish (model, result, error);
}

static void
test_sort_async (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(GError) error = NULL;
  static const guint ascending[] = { 1, 2, 4, 0, 3 };
  static const guint descending[] = { 0, 4, 2, 1, 3 };
  guint column;
  GtkSortType sort_type;

  g_assert_true (sort_and_wait (model, 1, GTK_SORT_ASCENDING, NULL, &error));
  g_assert_no_error (error);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  g_assert_true (sort_and_wait (model, 1, GTK_SORT_DESCENDING, NULL, &error));
  g_assert_no_error (error);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
  g_assert_true (iwd_table_model_get_sort_column (model, &column, &sort_type));
  g_assert_cmpuint (column, ==, 1);
  g_assert_cmpint (sort_type, ==, GTK_SORT_DESCENDING);
}

/* A text column ranked by a synchronous sort is borrowed by the job. */
static void
test_sort_async_ranked (void)
{
  static const char * const keys[] = { "Nom" };
  static const char * const cells[] = { "Martin", "Bernard", NULL, "Dupont" };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, 4);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(GError) error = NULL;
  static const guint descending[] = { 0, 3, 1, 2 };

  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  g_assert_true (sort_and_wait (model, 0, GTK_SORT_DESCENDING, NULL, &error));

  g_assert_no_error (error);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

static void
test_sort_async_cancelled (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  static const guint load_order[] = { 0, 1, 2, 3, 4 };

  g_cancellable_cancel (cancellable);

  g_assert_false (sort_and_wait (model, 1, GTK_SORT_ASCENDING, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  assert_rows (model, load_order, G_N_ELEMENTS (load_order));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
}

static void
on_search_prepared (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

static gboolean
prepare_search_and_wait (IwdTableModel  *model,
                         GCancellable   *cancellable,
                         GError        **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_table_model_prepare_search_async (model, cancellable, on_search_prepared, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return iwd_table_model_prepare_search_finish (model, result, error);
}

/* The prepared index of the name column then gets its ranks from the
 * sort, and keeps its folded values for the search. */
static void
test_prepare_search (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(GError) error = NULL;
  static const guint emile[] = { 1 };
  static const guint with_e_by_money[] = { 1, 4, 0, 3 };

  g_assert_true (prepare_search_and_wait (model, NULL, &error));
  g_assert_no_error (error);

  iwd_table_model_set_search (model, "emile");
  assert_rows (model, emile, G_N_ELEMENTS (emile));

  g_assert_true (sort_and_wait (model, 0, GTK_SORT_ASCENDING, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (sort_and_wait (model, 1, GTK_SORT_ASCENDING, NULL, &error));
  g_assert_no_error (error);
  iwd_table_model_set_search (model, "e");
  assert_rows (model, with_e_by_money, G_N_ELEMENTS (with_e_by_money));
}

static void
test_prepare_search_cancelled (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  static const guint in_nice[] = { 0 };

  g_cancellable_cancel (cancellable);

  g_assert_false (prepare_search_and_wait (model, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  iwd_table_model_set_search (model, "nice");
  assert_rows (model, in_nice, G_N_ELEMENTS (in_nice));
}

static void
test_unsort (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint expected[] = { 0, 1, 2, 3, 4 };

  iwd_table_model_sort (model, 1, GTK_SORT_ASCENDING);
  iwd_table_model_unsort (model);

  assert_rows (model, expected, G_N_ELEMENTS (expected));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
}

/* The reverse of the load order has no sort column, and a search keeps
 * it. */
static void
test_reversed_load_order (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint reversed[] = { 4, 3, 2, 1, 0 };
  static const guint in_order[] = { 0, 1, 2, 3, 4 };

  iwd_table_model_set_load_order (model, GTK_SORT_DESCENDING);
  assert_rows (model, reversed, G_N_ELEMENTS (reversed));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));

  iwd_table_model_set_load_order (model, GTK_SORT_ASCENDING);
  assert_rows (model, in_order, G_N_ELEMENTS (in_order));
}

static void
test_compare_rows (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);

  g_assert_cmpint (iwd_table_model_compare_rows (model, 1, 1, 0), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 1, 3, 0), ==, GTK_ORDERING_LARGER);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 2, 0, 4), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 2, 4, 0), ==, GTK_ORDERING_LARGER);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 2, 4, 4), ==, GTK_ORDERING_EQUAL);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 0, 3, 4), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpint (iwd_table_model_compare_rows (model, 0, 2, 0), ==, GTK_ORDERING_LARGER);
}

static void
test_search_accents (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint emile[] = { 1 };
  static const guint etienne[] = { 1 };
  static const guint beziers[] = { 3 };

  iwd_table_model_set_search (model, "EMILE");
  assert_rows (model, emile, G_N_ELEMENTS (emile));

  iwd_table_model_set_search (model, "étienne");
  assert_rows (model, etienne, G_N_ELEMENTS (etienne));

  iwd_table_model_set_search (model, "BEZ");
  assert_rows (model, beziers, G_N_ELEMENTS (beziers));
  g_assert_cmpstr (iwd_table_model_get_search (model), ==, "bez");
}

static void
test_search_kinds (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint by_date[] = { 0, 4 };
  static const guint by_amount[] = { 1 };

  iwd_table_model_set_search (model, "02/01/2020");
  assert_rows (model, by_date, G_N_ELEMENTS (by_date));

  iwd_table_model_set_search (model, "-300,00 €");
  assert_rows (model, by_amount, G_N_ELEMENTS (by_amount));
}

/* Booleans are not searched, though a filter applies to them. */
static void
test_search_booleans (void)
{
  static const char * const keys[] = { "Nom", "Actif" };
  static const char * const cells[] = { "Martin", "true", "Dupont", "false" };
  g_autoptr(IwdTable) table = build_table (keys, 2, cells, 2);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint active[] = { 0 };

  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_BOOLEAN);

  iwd_table_model_set_search (model, "yes");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);

  iwd_table_model_set_search (model, NULL);
  iwd_table_model_set_column_filter (model, 1, "yes");
  assert_rows (model, active, G_N_ELEMENTS (active));
}

static void
test_search_narrowing (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint with_e[] = { 0, 1, 3, 4 };
  static const guint with_ev[] = { 4 };
  static const guint all[] = { 0, 1, 2, 3, 4 };

  iwd_table_model_set_search (model, "e");
  assert_rows (model, with_e, G_N_ELEMENTS (with_e));

  iwd_table_model_set_search (model, "ev");
  assert_rows (model, with_ev, G_N_ELEMENTS (with_ev));

  iwd_table_model_set_search (model, "e");
  assert_rows (model, with_e, G_N_ELEMENTS (with_e));

  iwd_table_model_set_search (model, "");
  assert_rows (model, all, G_N_ELEMENTS (all));
  g_assert_null (iwd_table_model_get_search (model));
}

static void
test_search_sorted (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 1, 4, 0, 3 };
  static const guint descending[] = { 0, 4, 1, 3 };

  iwd_table_model_set_search (model, "e");
  iwd_table_model_sort (model, 1, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 1, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));

  iwd_table_model_set_search (model, NULL);
  iwd_table_model_set_search (model, "e");
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

static void
test_column_filter (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint in_lyon[] = { 2 };
  static const guint negative[] = { 1, 2 };
  static const guint all[] = { 0, 1, 2, 3, 4 };

  iwd_table_model_set_column_filter (model, 3, "Lyon");
  assert_rows (model, in_lyon, G_N_ELEMENTS (in_lyon));
  g_assert_cmpstr (iwd_table_model_get_column_filter (model, 3), ==, "lyon");

  iwd_table_model_set_column_filter (model, 3, NULL);
  iwd_table_model_set_column_filter (model, 1, "-");
  assert_rows (model, negative, G_N_ELEMENTS (negative));

  iwd_table_model_set_column_filter (model, 1, "");
  assert_rows (model, all, G_N_ELEMENTS (all));
  g_assert_null (iwd_table_model_get_column_filter (model, 1));
}

/* Numbers sort by value over the whole gint64 range, negative ones
 * first, and equal values keep the load order in both directions. */
static void
test_sort_number_range (void)
{
  static const char * const keys[] = { "Nombre" };
  static const char * const cells[] = {
    "5", "-1", "5", "9223372036854775807", "-9223372036854775807", "65536", "-65536", "5",
  };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, G_N_ELEMENTS (cells));
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint ascending[] = { 4, 6, 1, 0, 2, 7, 5, 3 };
  static const guint descending[] = { 3, 5, 0, 2, 7, 1, 6, 4 };

  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_INTEGER);

  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  assert_rows (model, ascending, G_N_ELEMENTS (ascending));

  iwd_table_model_sort (model, 0, GTK_SORT_DESCENDING);
  assert_rows (model, descending, G_N_ELEMENTS (descending));
}

/* A value may contain the search several times, and the search never
 * matches across two values, although they lie side by side. */
static void
test_search_value_bounds (void)
{
  static const char * const keys[] = { "Code" };
  static const char * const cells[] = { "abcab", "b", "cab", "xyz", "cab" };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, 5);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint expected_ab[] = { 0, 2, 4 };
  static const guint expected_z[] = { 3 };

  iwd_table_model_set_search (model, "ab");
  assert_rows (model, expected_ab, G_N_ELEMENTS (expected_ab));

  iwd_table_model_set_search (model, "bc");
  assert_rows (model, expected_ab, 1);

  iwd_table_model_set_search (model, "bb");
  assert_rows (model, NULL, 0);

  iwd_table_model_set_search (model, "z");
  assert_rows (model, expected_z, G_N_ELEMENTS (expected_z));
}

/* The search needs one matching cell in the row, the filters need all
 * theirs, and empty cells match no filter. */
static void
test_column_filter_with_search (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  static const guint with_e[] = { 0, 1, 3, 4 };
  static const guint with_e_in_nice[] = { 0 };
  static const guint with_e_town_e[] = { 0, 1, 3 };

  iwd_table_model_set_search (model, "e");
  assert_rows (model, with_e, G_N_ELEMENTS (with_e));

  iwd_table_model_set_column_filter (model, 3, "nice");
  assert_rows (model, with_e_in_nice, G_N_ELEMENTS (with_e_in_nice));

  iwd_table_model_set_column_filter (model, 3, "e");
  assert_rows (model, with_e_town_e, G_N_ELEMENTS (with_e_town_e));

  iwd_table_model_set_column_filter (model, 3, NULL);
  assert_rows (model, with_e, G_N_ELEMENTS (with_e));
}

typedef struct {
  guint n_emissions;
  guint position;
  guint removed;
  guint added;
} ItemsChanged;

static void
on_items_changed (GListModel *model,
                  guint       position,
                  guint       removed,
                  guint       added,
                  gpointer    user_data)
{
  ItemsChanged *change = user_data;

  change->n_emissions++;
  change->position = position;
  change->removed = removed;
  change->added = added;
}

static void
test_items_changed (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  ItemsChanged change = { 0 };

  g_signal_connect (model, "items-changed", G_CALLBACK (on_items_changed), &change);

  iwd_table_model_set_search (model, "nice");
  g_assert_cmpuint (change.n_emissions, ==, 1);
  g_assert_cmpuint (change.position, ==, 0);
  g_assert_cmpuint (change.removed, ==, 5);
  g_assert_cmpuint (change.added, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 1);

  iwd_table_model_set_search (model, "NICE");
  g_assert_cmpuint (change.n_emissions, ==, 1);

  iwd_table_model_sort (model, 1, GTK_SORT_ASCENDING);
  g_assert_cmpuint (change.n_emissions, ==, 2);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 1);

  iwd_table_model_set_search (model, NULL);
  g_assert_cmpuint (change.n_emissions, ==, 3);
  g_assert_cmpuint (change.removed, ==, 1);
  g_assert_cmpuint (change.added, ==, 5);
}

static IwdTable *
load_commissions (void)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "ui-grid", "commissions-cp1252.tsv", NULL);
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GBytes) data = NULL;
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  file = g_mapped_file_new (path, FALSE, &error);
  g_assert_no_error (error);
  data = g_mapped_file_get_bytes (file);

  table = iwd_parse_commissions_tsv (data, NULL, &error);
  g_assert_no_error (error);
  return table;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

/* A Windows-1252 statement with French amounts and dates, as brokers
 * receive them, goes through the parser into the model. */
static void
test_commissions_tsv (void)
{
  g_autoptr(IwdTable) table = load_commissions ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  guint premium = find_column (table, "Prime TTC");
  guint date = find_column (table, "Date");
  g_autofree char *largest = NULL;
  static const guint by_premium[] = { 1, 3, 0, 2 };
  static const guint in_saint_etienne[] = { 0 };
  static const guint in_february[] = { 1 };
  static const guint with_1234[] = { 0 };

  g_assert_cmpint (iwd_table_get_column_kind (table, premium), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, date), ==, IWD_TABLE_KIND_DATE);
  largest = iwd_cell_format (table, 2, premium);
  g_assert_cmpstr (largest, ==, "17\u202F654,71\u00A0€");

  iwd_table_model_sort (model, premium, GTK_SORT_ASCENDING);
  assert_rows (model, by_premium, G_N_ELEMENTS (by_premium));

  iwd_table_model_set_search (model, "saint-etienne");
  assert_rows (model, in_saint_etienne, G_N_ELEMENTS (in_saint_etienne));

  iwd_table_model_set_search (model, "/02/2023");
  assert_rows (model, in_february, G_N_ELEMENTS (in_february));

  iwd_table_model_set_search (model, "1 234,5");
  assert_rows (model, with_1234, G_N_ELEMENTS (with_1234));

  iwd_table_model_set_search (model, "1234,50");
  assert_rows (model, with_1234, G_N_ELEMENTS (with_1234));
}

static void
test_empty_table (void)
{
  static const char * const keys[] = { "Nom" };
  g_autoptr(IwdTable) table = build_table (keys, 1, NULL, 0);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);

  iwd_table_model_sort (model, 0, GTK_SORT_ASCENDING);
  iwd_table_model_set_search (model, "x");

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 0);
}

static void
test_column_sorter (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autoptr(IwdTableRow) first = iwd_table_row_new (table, 0);
  g_autoptr(IwdTableRow) second = iwd_table_row_new (table, 1);
  IwdColumnSorter *sorter = iwd_column_sorter_new (model, 1);

  g_assert_cmpuint (iwd_column_sorter_get_column (sorter), ==, 1);
  g_assert_cmpint (gtk_sorter_get_order (GTK_SORTER (sorter)), ==, GTK_SORTER_ORDER_TOTAL);
  g_assert_cmpint (gtk_sorter_compare (GTK_SORTER (sorter), first, second), ==, GTK_ORDERING_LARGER);
  g_assert_cmpint (gtk_sorter_compare (GTK_SORTER (sorter), second, first), ==, GTK_ORDERING_SMALLER);
  g_assert_cmpuint (iwd_column_sorter_get_n_compares (sorter), ==, 2);

  g_assert_finalize_object (sorter);
}

static void
test_row_finalize (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  IwdTableRow *row = iwd_table_row_new (table, 4);

  g_assert_cmpuint (iwd_table_row_get_index (row), ==, 4);

  g_assert_finalize_object (row);
}

static void
test_sum_all_rows (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  gint64 total = 0;

  g_assert_true (iwd_table_model_sum_column (model, 1, &total));
  g_assert_cmpint (total, ==, -2055000);
}

static void
test_sum_filtered_rows (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  gint64 total = 0;

  iwd_table_model_set_search (model, "e");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 4);
  g_assert_true (iwd_table_model_sum_column (model, 1, &total));
  g_assert_cmpint (total, ==, -2000000);

  iwd_table_model_set_column_filter (model, 3, "nice");
  g_assert_true (iwd_table_model_sum_column (model, 1, &total));
  g_assert_cmpint (total, ==, 1000000);
}

static void
test_sum_overflow (void)
{
  static const char * const keys[] = { "Montant" };
  static const char * const cells[] = { "900000000000000", "900000000000000" };
  g_autoptr(IwdTable) table = build_table (keys, 1, cells, 2);
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  gint64 total = 7;

  g_assert_false (iwd_table_model_sum_column (model, 0, &total));
  g_assert_cmpint (total, ==, 7);
}

static void
test_dup_rows_shown (void)
{
  g_autoptr(IwdTable) table = build_people_table ();
  g_autoptr(IwdTableModel) model = iwd_table_model_new (table);
  g_autofree guint *rows = NULL;
  guint n_rows = 0;

  iwd_table_model_sort (model, 1, GTK_SORT_DESCENDING);
  iwd_table_model_set_search (model, "e");
  rows = iwd_table_model_dup_rows (model, &n_rows);

  g_assert_cmpuint (n_rows, ==, 4);
  g_assert_cmpuint (rows[0], ==, 0);
  g_assert_cmpuint (rows[1], ==, 4);
  g_assert_cmpuint (rows[2], ==, 1);
  g_assert_cmpuint (rows[3], ==, 3);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table-model/load-order", test_load_order);
  g_test_add_func ("/table-model/item", test_item);
  g_test_add_func ("/table-model/sort-text-ascii", test_sort_text_ascii);
  g_test_add_func ("/table-model/sort-text-accents", test_sort_text_accents);
  g_test_add_func ("/table-model/sort-money", test_sort_money);
  g_test_add_func ("/table-model/sort-dates", test_sort_dates);
  g_test_add_func ("/table-model/sort-stable", test_sort_stable);
  g_test_add_func ("/table-model/sort-async", test_sort_async);
  g_test_add_func ("/table-model/sort-async-ranked", test_sort_async_ranked);
  g_test_add_func ("/table-model/sort-async-cancelled", test_sort_async_cancelled);
  g_test_add_func ("/table-model/prepare-search", test_prepare_search);
  g_test_add_func ("/table-model/prepare-search-cancelled", test_prepare_search_cancelled);
  g_test_add_func ("/table-model/unsort", test_unsort);
  g_test_add_func ("/table-model/reversed-load-order", test_reversed_load_order);
  g_test_add_func ("/table-model/compare-rows", test_compare_rows);
  g_test_add_func ("/table-model/search-accents", test_search_accents);
  g_test_add_func ("/table-model/search-kinds", test_search_kinds);
  g_test_add_func ("/table-model/search-value-bounds", test_search_value_bounds);
  g_test_add_func ("/table-model/sort-number-range", test_sort_number_range);
  g_test_add_func ("/table-model/search-booleans", test_search_booleans);
  g_test_add_func ("/table-model/search-narrowing", test_search_narrowing);
  g_test_add_func ("/table-model/search-sorted", test_search_sorted);
  g_test_add_func ("/table-model/column-filter", test_column_filter);
  g_test_add_func ("/table-model/column-filter-with-search", test_column_filter_with_search);
  g_test_add_func ("/table-model/items-changed", test_items_changed);
  g_test_add_func ("/table-model/commissions-tsv", test_commissions_tsv);
  g_test_add_func ("/table-model/empty-table", test_empty_table);
  g_test_add_func ("/table-model/column-sorter", test_column_sorter);
  g_test_add_func ("/table-model/row-finalize", test_row_finalize);
  g_test_add_func ("/table-model/sum/all-rows", test_sum_all_rows);
  g_test_add_func ("/table-model/sum/filtered-rows", test_sum_filtered_rows);
  g_test_add_func ("/table-model/sum/overflow", test_sum_overflow);
  g_test_add_func ("/table-model/dup-rows", test_dup_rows_shown);

  return g_test_run ();
}
