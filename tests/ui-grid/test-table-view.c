/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>

#include "iwd-column-sorter.h"
#include "iwd-table-builder.h"
#include "iwd-table-view.h"
#include "iwd-test-objects.h"

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)

static IwdTable *
build_table (void)
{
  static const char * const keys[] = { "Nom", "Montant", "Date" };
  static const char * const cells[] = {
    "Martin",  "17654.71", "1965-09-26",
    "Bernard", "-300",     NULL,
    "Dupont",  "0.5",      "2022-02-24",
  };
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  for (guint column = 0; column < G_N_ELEMENTS (keys); column++)
    iwd_table_builder_ensure_column (builder, keys[column]);

  for (guint cell = 0; cell < G_N_ELEMENTS (cells); cell++)
    {
      const char *text = cells[cell];

      iwd_table_builder_set_cell (builder, cell % 3, text, text ? strlen (text) : 0, &error);
      g_assert_no_error (error);
      if (cell % 3 == 2)
        iwd_table_builder_end_row (builder);
    }

  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);
  return table;
}

static void
collect_label_texts (GtkWidget *widget,
                     GPtrArray *texts)
{
  if (GTK_IS_LABEL (widget))
    g_ptr_array_add (texts, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_label_texts (child, texts);
}

static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  collect_label_texts (widget, texts);
  return g_ptr_array_find_with_equal_func (texts, text, g_str_equal, NULL);
}

/* Runs the main loop until the widget shows the text, or for 30
 * seconds at most. */
static gboolean
wait_for_text (GtkWidget  *widget,
               const char *text)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!shows_text (widget, text))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

typedef gboolean (*WidgetTest) (GtkWidget     *widget,
                                gconstpointer  data);

static GtkWidget *
find_widget (GtkWidget     *widget,
             WidgetTest     test,
             gconstpointer  data)
{
  if (test (widget, data))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, test, data);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
has_type (GtkWidget     *widget,
          gconstpointer  data)
{
  return G_TYPE_CHECK_INSTANCE_TYPE (widget, GPOINTER_TO_SIZE (data));
}

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  return find_widget (widget, has_type, GSIZE_TO_POINTER (type));
}

static gboolean
is_menu_button_labelled (GtkWidget     *widget,
                         gconstpointer  data)
{
  return GTK_IS_MENU_BUTTON (widget)
         && g_strcmp0 (gtk_menu_button_get_label (GTK_MENU_BUTTON (widget)), data) == 0;
}

/* Runs the main loop until the model is sorted as expected, or for 30
 * seconds at most, since the view sorts in a worker thread. */
static gboolean
wait_for_sort (IwdTableModel *model,
               guint          expected_column,
               GtkSortType    expected_sort_type)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;
  guint column;
  GtkSortType sort_type;

  while (!iwd_table_model_get_sort_column (model, &column, &sort_type)
         || column != expected_column
         || sort_type != expected_sort_type)
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      g_main_context_iteration (NULL, FALSE);
    }

  return TRUE;
}

typedef struct {
  IwdTable     *table;
  GtkWindow    *window;
  IwdTableView *view;
} ViewFixture;

static void
view_fixture_set_up (ViewFixture   *fixture,
                     gconstpointer  data)
{
  fixture->table = build_table ();
  fixture->view = IWD_TABLE_VIEW (iwd_table_view_new ());
  g_object_ref_sink (fixture->view);
  iwd_table_view_set_table (fixture->view, fixture->table);

  fixture->window = GTK_WINDOW (gtk_window_new ());
  gtk_window_set_default_size (fixture->window, 800, 400);
  gtk_window_set_child (fixture->window, GTK_WIDGET (fixture->view));
  gtk_window_present (fixture->window);
}

static void
view_fixture_tear_down (ViewFixture   *fixture,
                        gconstpointer  data)
{
  gtk_window_destroy (fixture->window);
  g_assert_finalize_object (fixture->view);
  iwd_test_assert_finalized_soon (fixture->table);
}

static void
test_columns (ViewFixture   *fixture,
              gconstpointer  data)
{
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  GListModel *columns = gtk_column_view_get_columns (column_view);
  g_autoptr(GtkColumnViewColumn) first = NULL;
  g_autoptr(GtkColumnViewColumn) third = NULL;

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, 3);

  first = g_list_model_get_item (columns, 0);
  third = g_list_model_get_item (columns, 2);
  g_assert_cmpstr (gtk_column_view_column_get_title (first), ==, "Nom");
  g_assert_cmpstr (gtk_column_view_column_get_title (third), ==, "Date");
  g_assert_true (gtk_column_view_column_get_resizable (first));
  g_assert_true (IWD_IS_COLUMN_SORTER (gtk_column_view_column_get_sorter (third)));
}

static void
test_cells_formatted (ViewFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);

  g_assert_true (wait_for_text (view, "17\u202F654,71\u00A0€"));
  g_assert_true (wait_for_text (view, "-300,00\u00A0€"));
  g_assert_true (wait_for_text (view, "0,50\u00A0€"));
  g_assert_true (wait_for_text (view, "26/09/1965"));
  g_assert_true (wait_for_text (view, "Bernard"));
  g_assert_true (wait_for_text (view, "3 of 3 rows"));
}

static void
test_sort_by_header (ViewFixture   *fixture,
                     gconstpointer  data)
{
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  IwdTableModel *model = iwd_table_view_get_model (fixture->view);
  g_autoptr(GtkColumnViewColumn) amounts = NULL;

  amounts = g_list_model_get_item (gtk_column_view_get_columns (column_view), 1);
  gtk_column_view_sort_by_column (column_view, amounts, GTK_SORT_DESCENDING);

  g_assert_true (wait_for_sort (model, 1, GTK_SORT_DESCENDING));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 0);
  g_assert_cmpuint (iwd_table_model_get_row (model, 2), ==, 1);

  gtk_column_view_sort_by_column (column_view, amounts, GTK_SORT_ASCENDING);
  g_assert_true (wait_for_sort (model, 1, GTK_SORT_ASCENDING));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 1);
  g_assert_true (wait_for_text (GTK_WIDGET (fixture->view), "-300,00\u00A0€"));

  gtk_column_view_sort_by_column (column_view, NULL, GTK_SORT_ASCENDING);
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
}

/* Returns "label action target" for an item of a section of a menu. */
static char *
describe_menu_item (GMenuModel *menu,
                    int         section,
                    int         item)
{
  g_autoptr(GMenuModel) items = g_menu_model_get_item_link (menu, section, G_MENU_LINK_SECTION);
  g_autofree char *label = NULL;
  g_autofree char *action = NULL;
  g_autofree char *target = NULL;

  g_assert_nonnull (items);
  g_assert_cmpint (item, <, g_menu_model_get_n_items (items));
  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_LABEL, "s", &label));
  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_ACTION, "s", &action));
  g_assert_true (g_menu_model_get_item_attribute (items, item, G_MENU_ATTRIBUTE_TARGET, "s", &target));

  return g_strdup_printf ("%s %s %s", label, action, target);
}

static void
assert_menu_item (GMenuModel *menu,
                  int         section,
                  int         item,
                  const char *expected)
{
  g_autofree char *described = describe_menu_item (menu, section, item);

  g_assert_cmpstr (described, ==, expected);
}

static void
assert_sort_properties (IwdTableView *view,
                        const char   *expected_key,
                        const char   *expected_order)
{
  g_autofree char *key = NULL;
  g_autofree char *order = NULL;

  g_object_get (view, "sort-key", &key, "sort-order", &order, NULL);
  g_assert_cmpstr (key, ==, expected_key);
  g_assert_cmpstr (order, ==, expected_order);
}

/* The Sort menu lists the two directions, then the load order and each
 * column, and sorts the grid as a click on a title would, so that
 * the keyboard can sort it too. */
static void
test_sort_menu (ViewFixture   *fixture,
                gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_widget (view, is_menu_button_labelled, "Sort"));
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  IwdTableModel *model = iwd_table_view_get_model (fixture->view);
  g_autoptr(GtkColumnViewColumn) names = NULL;
  GMenuModel *menu;

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (button)));
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  g_assert_nonnull (menu);
  assert_menu_item (menu, 0, 0, "Ascending table-view.sort-order ascending");
  assert_menu_item (menu, 0, 1, "Descending table-view.sort-order descending");
  assert_menu_item (menu, 1, 0, "Load Order table-view.sort-by ");
  assert_menu_item (menu, 1, 1, "Nom table-view.sort-by Nom");
  assert_menu_item (menu, 1, 3, "Date table-view.sort-by Date");
  assert_sort_properties (fixture->view, "", "ascending");
  gtk_menu_button_popdown (button);

  /* The menu lists the visible columns only, when it opens next. */
  names = g_list_model_get_item (gtk_column_view_get_columns (column_view), 0);
  gtk_column_view_column_set_visible (names, FALSE);
  gtk_menu_button_popup (button);
  menu = gtk_menu_button_get_menu_model (button);
  assert_menu_item (menu, 1, 1, "Montant table-view.sort-by Montant");
  gtk_menu_button_popdown (button);
  gtk_column_view_column_set_visible (names, TRUE);

  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-by", "s", "Montant"));
  g_assert_true (wait_for_sort (model, 1, GTK_SORT_ASCENDING));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 1);
  assert_sort_properties (fixture->view, "Montant", "ascending");

  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-order", "s", "descending"));
  g_assert_true (wait_for_sort (model, 1, GTK_SORT_DESCENDING));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 0);
  assert_sort_properties (fixture->view, "Montant", "descending");

  /* A click on a title shows in the menu. */
  gtk_column_view_sort_by_column (column_view, names, GTK_SORT_ASCENDING);
  g_assert_true (wait_for_sort (model, 0, GTK_SORT_ASCENDING));
  assert_sort_properties (fixture->view, "Nom", "ascending");

  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-by", "s", ""));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 0);
  assert_sort_properties (fixture->view, "", "ascending");

  /* In load order, Descending shows the last row loaded first, and the
   * next column chosen keeps the direction. */
  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-order", "s", "descending"));
  g_assert_false (iwd_table_model_get_sort_column (model, NULL, NULL));
  g_assert_cmpuint (iwd_table_model_get_row (model, 0), ==, 2);
  g_assert_cmpuint (iwd_table_model_get_row (model, 2), ==, 0);
  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-by", "s", "Nom"));
  g_assert_true (wait_for_sort (model, 0, GTK_SORT_DESCENDING));
  g_assert_cmpuint (iwd_table_model_get_row (model, 2), ==, 1);

  /* A key that names no column keeps the order. */
  g_assert_true (gtk_widget_activate_action (view, "table-view.sort-by", "s", "Nowhere"));
  assert_sort_properties (fixture->view, "Nom", "descending");
  g_assert_true (wait_for_sort (model, 0, GTK_SORT_DESCENDING));
}

static gboolean
focus_is_in (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

static void
focus_grid (GtkWidget *column_view)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_TIMEOUT_US;

  while (!gtk_widget_grab_focus (column_view) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, FALSE);
  g_assert_true (focus_is_in (column_view));
}

/* Tab leaves the grid at once rather than stopping at each row, and
 * Shift+Tab goes back to the toolbar. */
static void
test_tab_leaves_grid (ViewFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *column_view = GTK_WIDGET (iwd_table_view_get_column_view (fixture->view));
  GtkWidget *export_button = find_widget (GTK_WIDGET (fixture->view), is_menu_button_labelled, "Export…");

  focus_grid (column_view);
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_FORWARD);
  g_assert_false (focus_is_in (column_view));

  focus_grid (column_view);
  gtk_widget_child_focus (GTK_WIDGET (fixture->window), GTK_DIR_TAB_BACKWARD);
  g_assert_true (focus_is_in (export_button));
}

static void
test_search_entry (ViewFixture   *fixture,
                   gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *entry = find_descendant (view, GTK_TYPE_SEARCH_ENTRY);

  g_assert_nonnull (entry);
  gtk_editable_set_text (GTK_EDITABLE (entry), "DUP");

  g_assert_true (wait_for_text (view, "1 of 3 rows"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (iwd_table_view_get_model (fixture->view))), ==, 1);
}

static void
test_search_one_column (ViewFixture   *fixture,
                        gconstpointer  data)
{
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkWidget *entry = find_descendant (view, GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *dropdown = find_descendant (view, GTK_TYPE_DROP_DOWN);
  IwdTableModel *model = iwd_table_view_get_model (fixture->view);
  GListModel *choices = gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown));

  g_assert_cmpuint (g_list_model_get_n_items (choices), ==, 4);
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 0), ==, "All columns");
  g_assert_cmpstr (gtk_string_list_get_string (GTK_STRING_LIST (choices), 2), ==, "Montant");

  gtk_editable_set_text (GTK_EDITABLE (entry), "9");
  g_assert_true (wait_for_text (view, "1 of 3 rows"));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 2);
  g_assert_true (wait_for_text (view, "0 of 3 rows"));
  g_assert_cmpstr (iwd_table_model_get_column_filter (model, 1), ==, "9");
  g_assert_null (iwd_table_model_get_search (model));

  gtk_drop_down_set_selected (GTK_DROP_DOWN (dropdown), 0);
  g_assert_true (wait_for_text (view, "1 of 3 rows"));
  g_assert_null (iwd_table_model_get_column_filter (model, 1));
}

static void
test_search_shortcut (ViewFixture   *fixture,
                      gconstpointer  data)
{
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  GtkWidget *column_view = GTK_WIDGET (iwd_table_view_get_column_view (fixture->view));
  GtkWidget *focus;

  g_assert_true (gtk_widget_grab_focus (column_view));
  focus = gtk_window_get_focus (fixture->window);
  g_assert_false (focus == entry || gtk_widget_is_ancestor (focus, entry));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (fixture->view), "table-view.search", NULL));

  focus = gtk_window_get_focus (fixture->window);
  g_assert_nonnull (focus);
  g_assert_true (focus == entry || gtk_widget_is_ancestor (focus, entry));
}

static void
test_replace_table (ViewFixture   *fixture,
                    gconstpointer  data)
{
  static const char * const keys[] = { "Ville" };
  static const char * const cells[] = { "NICE", "LYON" };
  GtkWidget *view = GTK_WIDGET (fixture->view);
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  GtkWidget *dropdown = find_descendant (view, GTK_TYPE_DROP_DOWN);
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) towns = NULL;
  g_autoptr(GError) error = NULL;

  iwd_table_builder_ensure_column (builder, keys[0]);
  for (guint row = 0; row < G_N_ELEMENTS (cells); row++)
    {
      iwd_table_builder_set_cell (builder, 0, cells[row], strlen (cells[row]), &error);
      g_assert_no_error (error);
      iwd_table_builder_end_row (builder);
    }
  towns = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);

  iwd_table_view_set_table (fixture->view, towns);

  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, 2);
  g_assert_true (iwd_table_model_get_table (iwd_table_view_get_model (fixture->view)) == towns);
  g_assert_true (wait_for_text (view, "LYON"));
  g_assert_true (wait_for_text (view, "2 of 2 rows"));
}

/* A new table of the same kind, such as contracts fetched again, keeps
 * the sort and the search that the broker chose. */
static void
test_refresh_keeps_sort (ViewFixture   *fixture,
                         gconstpointer  data)
{
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  GtkWidget *entry = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_SEARCH_ENTRY);
  g_autoptr(GtkColumnViewColumn) amounts = NULL;
  g_autoptr(IwdTable) again = build_table ();
  IwdTableModel *model;

  amounts = g_list_model_get_item (gtk_column_view_get_columns (column_view), 1);
  gtk_column_view_sort_by_column (column_view, amounts, GTK_SORT_DESCENDING);
  g_assert_true (wait_for_sort (iwd_table_view_get_model (fixture->view), 1, GTK_SORT_DESCENDING));
  gtk_editable_set_text (GTK_EDITABLE (entry), "e");

  iwd_table_view_set_table (fixture->view, again);
  model = iwd_table_view_get_model (fixture->view);

  g_assert_true (iwd_table_model_get_table (model) == again);
  g_assert_true (wait_for_sort (model, 1, GTK_SORT_DESCENDING));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "e");
  /* The entry reports a change after a short delay. */
  g_assert_true (wait_for_text (GTK_WIDGET (fixture->view), "1 of 3 rows"));
  g_assert_cmpstr (iwd_table_model_get_search (model), ==, "e");
}

static void
test_finalize (void)
{
  g_autoptr(IwdTable) table = build_table ();
  GtkWidget *view = iwd_table_view_new ();
  IwdTableModel *model;

  g_object_ref_sink (view);
  iwd_table_view_set_table (IWD_TABLE_VIEW (view), table);
  model = g_object_ref (iwd_table_view_get_model (IWD_TABLE_VIEW (view)));

  g_assert_finalize_object (view);
  iwd_test_assert_finalized_soon (model);
}

int
main (int   argc,
      char *argv[])
{
  /* The untranslated strings are the expected ones. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add ("/table-view/columns", ViewFixture, NULL,
              view_fixture_set_up, test_columns, view_fixture_tear_down);
  g_test_add ("/table-view/cells-formatted", ViewFixture, NULL,
              view_fixture_set_up, test_cells_formatted, view_fixture_tear_down);
  g_test_add ("/table-view/sort-by-header", ViewFixture, NULL,
              view_fixture_set_up, test_sort_by_header, view_fixture_tear_down);
  g_test_add ("/table-view/sort-menu", ViewFixture, NULL,
              view_fixture_set_up, test_sort_menu, view_fixture_tear_down);
  g_test_add ("/table-view/tab-leaves-grid", ViewFixture, NULL,
              view_fixture_set_up, test_tab_leaves_grid, view_fixture_tear_down);
  g_test_add ("/table-view/search-entry", ViewFixture, NULL,
              view_fixture_set_up, test_search_entry, view_fixture_tear_down);
  g_test_add ("/table-view/search-one-column", ViewFixture, NULL,
              view_fixture_set_up, test_search_one_column, view_fixture_tear_down);
  g_test_add ("/table-view/search-shortcut", ViewFixture, NULL,
              view_fixture_set_up, test_search_shortcut, view_fixture_tear_down);
  g_test_add ("/table-view/replace-table", ViewFixture, NULL,
              view_fixture_set_up, test_replace_table, view_fixture_tear_down);
  g_test_add ("/table-view/refresh-keeps-sort", ViewFixture, NULL,
              view_fixture_set_up, test_refresh_keeps_sort, view_fixture_tear_down);
  g_test_add_func ("/table-view/finalize", test_finalize);

  return g_test_run ();
}
