/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>

#include "iwd-cell-format.h"
#include "iwd-column-chooser.h"
#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-local-file-view.h"
#include "iwd-row-details.h"
#include "iwd-summary-panel.h"
#include "iwd-table-builder.h"
#include "iwd-table-view.h"

#define WAIT_TIMEOUT_US (30 * G_USEC_PER_SEC)

#define STATEMENT \
  "Police\tCompagnie\tDate\tPrime TTC\tCommission\n" \
  "P1\tAXA\t05/01/2023\t1 000,10\t100,01\n" \
  "P2\tApril\t31/01/2023\t200,00\t-20,00\n" \
  "P3\tAXA\t02/02/2023\t0,05\t0,0001\n"

/* One contract with every key the API documents. */
#define CONTRACTS \
  "[{\"erreur\": 0, \"client\": {\"typeclient\": 1, \"prenom\": \"Anne\"," \
  " \"codepostal\": \"06000\", \"ville\": \"NICE\", \"pays\": \"France\"," \
  " \"date_naissance\": \"1970-03-02T00:00:00\", \"regime\": \"\", \"activite\": \"\"," \
  " \"nb_salaries\": 0, \"naf\": \"\"}," \
  " \"police\": {\"numero_police_cie\": \"9001\", \"libelle\": \"Santé\"," \
  " \"branche\": \"Santé\", \"produit\": \"SANTE PLUS\"," \
  " \"date_souscription\": \"2020-01-01T00:00:00\", \"date_anniversaire\": \"2021-01-01T00:00:00\"," \
  " \"mode_paiement\": \"\", \"paie_direct_cie\": 1, \"renouvellement\": 1, \"prime\": 812.5," \
  " \"primean\": 812.5, \"cp\": 15, \"taxes\": 10.25, \"tauxcomcie\": 12.5," \
  " \"commission\": 101.5625, \"coman\": 101.5625}}]"

typedef struct {
  GtkWidget    *window;
  IwdTableView *view;
  IwdTable     *table;
} PanelFixture;

static IwdTable *
parse_statement (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_parse_commissions_tsv (data, NULL, &error);

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

static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_descendant (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkCheckButton *
find_check (GtkWidget  *widget,
            const char *label)
{
  if (GTK_IS_CHECK_BUTTON (widget)
      && g_strcmp0 (gtk_check_button_get_label (GTK_CHECK_BUTTON (widget)), label) == 0)
    return GTK_CHECK_BUTTON (widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkCheckButton *found = find_check (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkColumnViewColumn *
get_view_column (IwdTableView *view,
                 guint         position)
{
  GListModel *columns = gtk_column_view_get_columns (iwd_table_view_get_column_view (view));
  GtkColumnViewColumn *column = g_list_model_get_item (columns, position);

  g_object_unref (column);
  return column;
}

static char *
dup_hidden_columns (const char *kind)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GVariant) all = g_settings_get_value (settings, "hidden-columns");
  g_autoptr(GVariant) hidden = g_variant_lookup_value (all, kind, NULL);

  return hidden != NULL ? g_variant_print (hidden, FALSE) : g_strdup ("none");
}

static void
reset_hidden_columns (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);

  g_settings_reset (settings, "hidden-columns");
}

static IwdTable *
parse_contracts (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static (CONTRACTS, strlen (CONTRACTS));
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_parse_contracts (data, NULL, &error);

  g_assert_no_error (error);
  return table;
}

static GtkColumnViewColumn *
find_view_column (IwdTableView *view,
                  const char   *key)
{
  GListModel *columns = gtk_column_view_get_columns (iwd_table_view_get_column_view (view));

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (g_strcmp0 (g_object_get_data (G_OBJECT (column), IWD_COLUMN_CHOOSER_KEY_DATA), key) == 0)
        return column;
    }

  return NULL;
}

static void
panel_fixture_set_up (PanelFixture  *fixture,
                      gconstpointer  user_data)
{
  reset_hidden_columns ();
  fixture->table = parse_statement (STATEMENT);
  fixture->view = IWD_TABLE_VIEW (iwd_table_view_new ());
  iwd_table_view_set_table (fixture->view, fixture->table);

  fixture->window = gtk_window_new ();
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 900, 500);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->view));
  gtk_window_present (GTK_WINDOW (fixture->window));
}

static void
panel_fixture_tear_down (PanelFixture  *fixture,
                         gconstpointer  user_data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->table);
}

static char *
format_totals (gint64 premium,
               gint64 commission)
{
  g_autofree char *premium_text = iwd_cell_format_money (premium);
  g_autofree char *commission_text = iwd_cell_format_money (commission);

  return g_strdup_printf ("Prime TTC: %s   Commission: %s", premium_text, commission_text);
}

static void
test_totals_all_rows (PanelFixture  *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *expected = format_totals (12001500, 800101);

  g_assert_true (shows_text (GTK_WIDGET (fixture->view), expected));
  g_assert_true (shows_text (GTK_WIDGET (fixture->view), "3 of 3 rows"));
}

static void
test_totals_after_filter (PanelFixture  *fixture,
                          gconstpointer  user_data)
{
  IwdTableModel *model = iwd_table_view_get_model (fixture->view);
  g_autofree char *expected = format_totals (10001500, 1000101);

  iwd_table_model_set_search (model, "axa");

  g_assert_true (shows_text (GTK_WIDGET (fixture->view), expected));
  g_assert_true (shows_text (GTK_WIDGET (fixture->view), "2 of 3 rows"));
}

static void
test_table_kind (PanelFixture  *fixture,
                 gconstpointer  user_data)
{
  g_autoptr(IwdTable) names = parse_statement ("Nom\tVille\nMartin\tNice\n");

  g_assert_cmpstr (iwd_table_view_get_table_kind (fixture->view), ==, "commissions");
  iwd_table_view_set_table (fixture->view, names);
  g_assert_cmpstr (iwd_table_view_get_table_kind (fixture->view), ==, "other");
}

static void
test_chooser_hides_column (PanelFixture  *fixture,
                           gconstpointer  user_data)
{
  GtkWidget *chooser = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_COLUMN_CHOOSER);
  GtkCheckButton *check = find_check (chooser, "Prime TTC");
  g_autofree char *hidden = NULL;
  g_autofree char *hidden_after_showing = NULL;

  g_assert_nonnull (check);
  g_assert_true (gtk_check_button_get_active (check));

  gtk_check_button_set_active (check, FALSE);
  g_assert_false (gtk_column_view_column_get_visible (get_view_column (fixture->view, 3)));
  hidden = dup_hidden_columns ("commissions");
  g_assert_cmpstr (hidden, ==, "['Prime TTC']");

  gtk_check_button_set_active (check, TRUE);
  g_assert_true (gtk_column_view_column_get_visible (get_view_column (fixture->view, 3)));
  hidden_after_showing = dup_hidden_columns ("commissions");
  g_assert_cmpstr (hidden_after_showing, ==, "[]");
}

/* The arrow keys move between the checks of the open chooser, without
 * hiding or showing the columns they pass: the list's Down and Up keys
 * move its cursor. Space or Enter toggles the focused column. */
static void
test_chooser_arrow_keys (PanelFixture  *fixture,
                         gconstpointer  user_data)
{
  GtkWidget *chooser = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_COLUMN_CHOOSER);
  GtkMenuButton *button = GTK_MENU_BUTTON (find_descendant (chooser, GTK_TYPE_MENU_BUTTON));
  GtkColumnViewColumn *first = get_view_column (fixture->view, 0);
  GtkCheckButton *check = find_check (chooser, gtk_column_view_column_get_title (first));
  GtkWidget *row = gtk_widget_get_parent (GTK_WIDGET (check));
  GtkWidget *list = gtk_widget_get_parent (row);
  GtkRoot *root;

  gtk_menu_button_popup (button);
  g_assert_true (gtk_widget_grab_focus (row));
  root = gtk_widget_get_root (row);

  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, 1, FALSE, FALSE);
  g_assert_true (GTK_IS_LIST_BOX_ROW (gtk_root_get_focus (root)));
  g_assert_true (gtk_root_get_focus (root) != row);
  g_signal_emit_by_name (list, "move-cursor", GTK_MOVEMENT_DISPLAY_LINES, -1, FALSE, FALSE);
  g_assert_true (gtk_root_get_focus (root) == row);

  for (guint column = 0; column < 4; column++)
    g_assert_true (gtk_column_view_column_get_visible (get_view_column (fixture->view, column)));

  g_assert_true (gtk_widget_activate (row));
  g_assert_false (gtk_check_button_get_active (check));
  g_assert_false (gtk_column_view_column_get_visible (first));

  /* Space, the list's toggle key, shows it again. */
  g_signal_emit_by_name (list, "toggle-cursor-row");
  g_assert_true (gtk_check_button_get_active (check));
  g_assert_true (gtk_column_view_column_get_visible (first));
}

static void
test_chooser_remembers (PanelFixture  *fixture,
                        gconstpointer  user_data)
{
  GtkWidget *chooser = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_COLUMN_CHOOSER);
  g_autoptr(IwdTable) other_statement = parse_statement ("Compagnie\tPrime TTC\nAXA\t1,00\n");
  g_autoptr(IwdTable) names = parse_statement ("Prime TTC\tVille\nMartin\tNice\n");
  g_autofree char *other_kind = NULL;

  gtk_check_button_set_active (find_check (chooser, "Prime TTC"), FALSE);

  iwd_table_view_set_table (fixture->view, other_statement);
  g_assert_false (gtk_column_view_column_get_visible (get_view_column (fixture->view, 1)));
  g_assert_false (gtk_check_button_get_active (find_check (chooser, "Prime TTC")));

  iwd_table_view_set_table (fixture->view, names);
  g_assert_true (gtk_column_view_column_get_visible (get_view_column (fixture->view, 0)));
  other_kind = dup_hidden_columns ("other");
  g_assert_cmpstr (other_kind, ==, "none");
}

/* The robot's error code and the client type stay in the chooser, off,
 * until the user turns them on, and that choice is then remembered. */
static void
test_chooser_default_hidden (PanelFixture  *fixture,
                             gconstpointer  user_data)
{
  GtkWidget *chooser = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_COLUMN_CHOOSER);
  g_autoptr(IwdTable) contracts = parse_contracts ();
  GtkCheckButton *error_check;
  g_autofree char *hidden = NULL;

  iwd_table_view_set_table (fixture->view, contracts);
  error_check = find_check (chooser, "Error code");

  g_assert_false (gtk_column_view_column_get_visible (find_view_column (fixture->view, "erreur")));
  g_assert_false (gtk_column_view_column_get_visible (find_view_column (fixture->view, "client.typeclient")));
  g_assert_true (gtk_column_view_column_get_visible (find_view_column (fixture->view, "police.prime")));
  g_assert_nonnull (error_check);
  g_assert_false (gtk_check_button_get_active (error_check));

  gtk_check_button_set_active (error_check, TRUE);
  g_assert_true (gtk_column_view_column_get_visible (find_view_column (fixture->view, "erreur")));
  hidden = dup_hidden_columns ("contracts");
  g_assert_cmpstr (hidden, ==, "['client.typeclient']");
}

/* Every documented contract key gets a label, never its dotted key. */
static void
test_contract_headers (PanelFixture  *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(IwdTable) contracts = parse_contracts ();
  GListModel *columns;

  iwd_table_view_set_table (fixture->view, contracts);
  columns = gtk_column_view_get_columns (iwd_table_view_get_column_view (fixture->view));

  g_assert_cmpuint (g_list_model_get_n_items (columns), ==, iwd_table_get_n_columns (contracts));
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      g_assert_null (strchr (gtk_column_view_column_get_title (column), '.'));
    }
  g_assert_cmpstr (gtk_column_view_column_get_title (find_view_column (fixture->view, "police.cp")), ==,
                   "Policy fee");
}

static void select_row (PanelFixture *fixture,
                        guint         position);

/* A statement's empty trailing column, with no header, gets no grid
 * column, no place in the column drop-down and no field in the details.
 * A headerless column with values stays. */
static void
test_blank_column_skipped (PanelFixture  *fixture,
                           gconstpointer  user_data)
{
  g_autoptr(IwdTable) trailing = parse_statement ("Police\tPrime TTC\t\nP1\t1,00\t\nP2\t2,00\t\n");
  g_autoptr(IwdTable) filled = parse_statement ("Police\t\nP1\tx\n");
  GtkColumnView *column_view = iwd_table_view_get_column_view (fixture->view);
  GtkWidget *details = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_ROW_DETAILS);
  GtkWidget *dropdown;

  iwd_table_view_set_table (fixture->view, trailing);
  dropdown = find_descendant (GTK_WIDGET (fixture->view), GTK_TYPE_DROP_DOWN);

  g_assert_cmpuint (iwd_table_get_n_columns (trailing), ==, 3);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 2);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_drop_down_get_model (GTK_DROP_DOWN (dropdown))), ==, 3);
  select_row (fixture, 0);
  g_assert_true (shows_text (details, "Prime TTC"));
  g_assert_false (shows_text (details, "Column 3"));

  iwd_table_view_set_table (fixture->view, filled);
  g_assert_cmpuint (g_list_model_get_n_items (gtk_column_view_get_columns (column_view)), ==, 2);
}

static void
select_row (PanelFixture *fixture,
            guint         position)
{
  GtkSelectionModel *selection = gtk_column_view_get_model (iwd_table_view_get_column_view (fixture->view));

  gtk_selection_model_select_item (selection, position, TRUE);
}

static void
test_details_every_field (PanelFixture  *fixture,
                          gconstpointer  user_data)
{
  GtkWidget *details = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_ROW_DETAILS);
  g_autofree char *premium = iwd_cell_format_money (2000000);
  g_autofree char *commission = iwd_cell_format_money (-200000);

  g_assert_false (shows_text (details, "April"));
  select_row (fixture, 1);

  g_assert_true (shows_text (details, "Police"));
  g_assert_true (shows_text (details, "P2"));
  g_assert_true (shows_text (details, "Compagnie"));
  g_assert_true (shows_text (details, "April"));
  g_assert_true (shows_text (details, "Date"));
  g_assert_true (shows_text (details, "31/01/2023"));
  g_assert_true (shows_text (details, "Prime TTC"));
  g_assert_true (shows_text (details, premium));
  g_assert_true (shows_text (details, "Commission"));
  g_assert_true (shows_text (details, commission));

  gtk_selection_model_unselect_item (gtk_column_view_get_model (iwd_table_view_get_column_view (fixture->view)), 1);
  g_assert_false (shows_text (details, "April"));
}

static void
test_details_json_pretty (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  const char *members = "[{\"nom\":\"Martin\",\"age\":40}]";
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pretty = NULL;
  g_autofree char *plain = NULL;

  iwd_table_builder_ensure_column (builder, "membres");
  iwd_table_builder_set_cell (builder, 0, members, strlen (members), &error);
  g_assert_no_error (error);
  iwd_table_builder_end_row (builder);
  iwd_table_builder_set_cell (builder, 0, "[pas du JSON", 12, &error);
  g_assert_no_error (error);
  iwd_table_builder_end_row (builder);
  table = iwd_table_builder_build (builder, &error);
  g_assert_no_error (error);

  pretty = iwd_row_details_format_cell (table, 0, 0);
  g_assert_cmpstr (pretty, ==, "[\n  {\n    \"nom\" : \"Martin\",\n    \"age\" : 40\n  }\n]");
  plain = iwd_row_details_format_cell (table, 1, 0);
  g_assert_cmpstr (plain, ==, "[pas du JSON");
}

static void
test_summary_toggle (PanelFixture  *fixture,
                     gconstpointer  user_data)
{
  GtkWidget *toggle = find_button (GTK_WIDGET (fixture->view), "Summary");
  GtkWidget *summary = find_descendant (GTK_WIDGET (fixture->view), IWD_TYPE_SUMMARY_PANEL);
  GtkWidget *stack = gtk_widget_get_parent (summary);
  g_autofree char *axa_premium = iwd_cell_format_money (10001500);
  g_autofree char *january_premium = iwd_cell_format_money (12001000);

  g_assert_true (gtk_widget_get_visible (toggle));
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (toggle), TRUE);

  g_assert_cmpstr (gtk_stack_get_visible_child_name (GTK_STACK (stack)), ==, "summary");
  g_assert_true (shows_text (summary, "AXA"));
  g_assert_true (shows_text (summary, axa_premium));
  g_assert_true (shows_text (summary, "January 2023"));
  g_assert_true (shows_text (summary, january_premium));

  iwd_table_model_set_search (iwd_table_view_get_model (fixture->view), "april");
  g_assert_false (shows_text (summary, "AXA"));
  g_assert_true (shows_text (summary, "April"));
}

static void
test_summary_hidden_for_other (PanelFixture  *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(IwdTable) names = parse_statement ("Nom\tVille\nMartin\tNice\n");
  GtkWidget *toggle = find_button (GTK_WIDGET (fixture->view), "Summary");

  iwd_table_view_set_table (fixture->view, names);
  g_assert_false (gtk_widget_get_visible (toggle));
}

static void
test_widgets_finalize (void)
{
  g_autoptr(IwdTable) table = parse_statement (STATEMENT);
  GtkWidget *details = g_object_ref_sink (iwd_row_details_new ());
  GtkWidget *summary = g_object_ref_sink (iwd_summary_panel_new ());
  GtkWidget *chooser = g_object_ref_sink (iwd_column_chooser_new ());
  GtkWidget *local_view = g_object_ref_sink (iwd_local_file_view_new ());
  static const guint rows[] = { 0, 1, 2 };

  iwd_row_details_set_row (IWD_ROW_DETAILS (details), table, 1);
  iwd_summary_panel_set_rows (IWD_SUMMARY_PANEL (summary), table, rows, 3);

  g_assert_finalize_object (details);
  g_assert_finalize_object (summary);
  g_assert_finalize_object (chooser);
  g_assert_finalize_object (local_view);
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

  g_test_add ("/grid-panels/totals/all-rows", PanelFixture, NULL,
              panel_fixture_set_up, test_totals_all_rows, panel_fixture_tear_down);
  g_test_add ("/grid-panels/totals/after-filter", PanelFixture, NULL,
              panel_fixture_set_up, test_totals_after_filter, panel_fixture_tear_down);
  g_test_add ("/grid-panels/table-kind", PanelFixture, NULL,
              panel_fixture_set_up, test_table_kind, panel_fixture_tear_down);
  g_test_add ("/grid-panels/chooser/hides-column", PanelFixture, NULL,
              panel_fixture_set_up, test_chooser_hides_column, panel_fixture_tear_down);
  g_test_add ("/grid-panels/chooser/arrow-keys", PanelFixture, NULL,
              panel_fixture_set_up, test_chooser_arrow_keys, panel_fixture_tear_down);
  g_test_add ("/grid-panels/chooser/remembers", PanelFixture, NULL,
              panel_fixture_set_up, test_chooser_remembers, panel_fixture_tear_down);
  g_test_add ("/grid-panels/chooser/default-hidden", PanelFixture, NULL,
              panel_fixture_set_up, test_chooser_default_hidden, panel_fixture_tear_down);
  g_test_add ("/grid-panels/headers/contracts", PanelFixture, NULL,
              panel_fixture_set_up, test_contract_headers, panel_fixture_tear_down);
  g_test_add ("/grid-panels/blank-column", PanelFixture, NULL,
              panel_fixture_set_up, test_blank_column_skipped, panel_fixture_tear_down);
  g_test_add ("/grid-panels/details/every-field", PanelFixture, NULL,
              panel_fixture_set_up, test_details_every_field, panel_fixture_tear_down);
  g_test_add_func ("/grid-panels/details/json-pretty", test_details_json_pretty);
  g_test_add ("/grid-panels/summary/toggle", PanelFixture, NULL,
              panel_fixture_set_up, test_summary_toggle, panel_fixture_tear_down);
  g_test_add ("/grid-panels/summary/hidden-for-other", PanelFixture, NULL,
              panel_fixture_set_up, test_summary_hidden_for_other, panel_fixture_tear_down);
  g_test_add_func ("/grid-panels/widgets-finalize", test_widgets_finalize);

  return g_test_run ();
}
