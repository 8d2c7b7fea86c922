/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The history view and the freshness banner over fetches stored from the
 * in-process sandbox, whose robot adds one contract, cancels one and
 * raises one premium between two fetches of contracts. */

#include "config.h"

#include <glib/gstdio.h>

#include "history-fixture.h"
#include "iwd-cell-format.h"
#include "iwd-fetch-label.h"
#include "iwd-freshness-banner.h"
#include "iwd-history-diff.h"
#include "iwd-history-view.h"

static gboolean
view_is_settled (gpointer user_data)
{
  return g_strcmp0 (iwd_history_view_get_page (user_data), "loading") != 0;
}

static IwdHistoryView *
show_history (IwdPortfolioData *data)
{
  GtkWidget *view = history_fixture_add_to_window (iwd_history_view_new (data), 900, 500);

  g_assert_true (history_fixture_wait_until (view_is_settled, view));
  return IWD_HISTORY_VIEW (view);
}

static GtkWidget *
find_action_button (GtkWidget  *widget,
                    const char *action_name)
{
  if (GTK_IS_BUTTON (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_action_button (child, action_name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A button follows the enabled state of its action. */
static gboolean
is_action_enabled (GtkWidget  *widget,
                   const char *action_name)
{
  GtkWidget *button = find_action_button (widget, action_name);

  g_assert_nonnull (button);
  return gtk_widget_get_sensitive (button);
}

static gboolean
is_compare_enabled (IwdHistoryView *view)
{
  return is_action_enabled (GTK_WIDGET (view), "history.compare");
}

static guint
count_rows_of_change (IwdTable   *diff,
                      const char *change)
{
  guint column = 0;
  guint count = 0;

  g_assert_true (iwd_table_find_column (diff, IWD_HISTORY_DIFF_CHANGE, &column));
  for (guint row = 0; row < iwd_table_get_n_rows (diff); row++)
    count += g_str_equal (iwd_table_get_text (diff, row, column), change) ? 1 : 0;

  return count;
}

static void
test_view_no_fetch (HistoryFixture *f,
                    gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view = show_history (data);

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "no-fetch");
  g_assert_cmpuint (iwd_history_view_get_fetches (view)->len, ==, 0);
  g_assert_false (is_compare_enabled (view));
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

static GtkWindow *
find_window (const char *title)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (windows, i);

      if (g_strcmp0 (gtk_window_get_title (window), title) == 0)
        return window;
    }

  return NULL;
}

static void
test_view_single_fetch (HistoryFixture *f,
                        gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;

  history_fixture_load (data, TRUE);
  view = show_history (data);

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "single");
  g_assert_cmpuint (iwd_history_view_get_fetches (view)->len, ==, 1);
  g_assert_null (iwd_history_view_get_differences (view));
  /* With nothing to export the action is disabled, so no dialog opens. */
  gtk_widget_activate_action (GTK_WIDGET (view), "history.export", "s", "csv-fr");
  history_fixture_spin (200);
  g_assert_null (find_window ("Export the Table"));
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

/* The last two fetches are compared at once: exactly the robot's three
 * changes, the raised premium as five changed amounts. */
static void
test_view_differences (HistoryFixture *f,
                       gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;
  IwdTable *differences;
  IwdTableModel *model;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  view = show_history (data);
  differences = iwd_history_view_get_differences (view);
  model = iwd_table_view_get_model (iwd_history_view_get_table_view (view));

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "differences");
  g_assert_cmpuint (iwd_table_get_n_rows (differences), ==, 7);
  g_assert_cmpuint (count_rows_of_change (differences, "New"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (differences, "Gone"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (differences, "Changed"), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 7);
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

static guint
find_contract (IwdTable   *table,
               const char *policy)
{
  guint column = 0;

  g_assert_true (iwd_table_find_column (table, IWD_HISTORY_DIFF_POLICY, &column));
  for (guint row = 0; row < iwd_table_get_n_rows (table); row++)
    if (g_strcmp0 (iwd_table_get_text (table, row, column), policy) == 0)
      return row;

  g_assert_not_reached ();
}

static guint
find_column_by_label (IwdTable   *table,
                      const char *label)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    if (g_str_equal (iwd_table_get_column_label (table, column), label))
      return column;

  g_assert_not_reached ();
}

static const char *
get_diff_text (IwdTable   *diff,
               guint       row,
               const char *key)
{
  guint column = 0;

  g_assert_true (iwd_table_find_column (diff, key, &column));
  return iwd_table_get_text (diff, row, column);
}

/* Fails unless the value that row @row of @diff shows for @table's
 * contract is the one the grid formats from @table's cell. */
static void
assert_value_formatted (IwdTable   *diff,
                        guint       row,
                        const char *value_key,
                        IwdTable   *table)
{
  guint contract = find_contract (table, get_diff_text (diff, row, IWD_HISTORY_DIFF_POLICY));
  guint column = find_column_by_label (table, get_diff_text (diff, row, IWD_HISTORY_DIFF_FIELD));
  g_autofree char *expected = iwd_cell_format (table, contract, column);

  g_assert_cmpstr (get_diff_text (diff, row, value_key), ==, expected);
}

/* The old and new values show as the grids show them: amounts in euros
 * with a decimal comma, each from the fetch it comes from. */
static void
test_view_french_values (HistoryFixture *f,
                         gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(IwdTable) previous = NULL;
  IwdTable *current;
  IwdTable *differences;
  IwdHistoryView *view;
  guint n_checked = 0;

  history_fixture_load (data, TRUE);
  previous = g_object_ref (iwd_portfolio_data_get_table (data));
  history_fixture_load (data, TRUE);
  current = iwd_portfolio_data_get_table (data);
  view = show_history (data);
  differences = iwd_history_view_get_differences (view);

  for (guint row = 0; row < iwd_table_get_n_rows (differences); row++)
    {
      const char *change = get_diff_text (differences, row, IWD_HISTORY_DIFF_CHANGE);

      if (!g_str_equal (change, "Gone"))
        assert_value_formatted (differences, row, IWD_HISTORY_DIFF_NEW_VALUE, current);
      if (!g_str_equal (change, "New"))
        assert_value_formatted (differences, row, IWD_HISTORY_DIFF_OLD_VALUE, previous);
      if (g_str_equal (change, "New"))
        g_assert_true (g_str_has_suffix (get_diff_text (differences, row, IWD_HISTORY_DIFF_NEW_VALUE),
                                         IWD_CELL_CURRENCY_SPACE "€"));
      n_checked++;
    }

  g_assert_cmpuint (n_checked, ==, 7);
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out_result = user_data;

  *out_result = g_object_ref (result);
}

/* Writes row @row of @diff as French Excel CSV: ';' between the fields,
 * none of which needs quotes here. */
static char *
dup_csv_line (IwdTable *diff,
              guint     row)
{
  GString *line = g_string_new (NULL);

  for (guint column = 0; column < iwd_table_get_n_columns (diff); column++)
    {
      const char *text = iwd_table_is_null (diff, row, column) ? "" : iwd_table_get_text (diff, row, column);

      g_string_append_printf (line, "%s%s", column > 0 ? ";" : "", text);
    }

  return g_string_free (line, FALSE);
}

static gboolean
export_dialog_shown (gpointer unused)
{
  return find_window ("Export the Table") != NULL;
}

/* The action requests a file through the grid's export dialog. */
static void
test_view_export_action (HistoryFixture *f,
                         gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  view = show_history (data);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "history.export", "s", "csv-fr"));
  g_assert_true (history_fixture_wait_until (export_dialog_shown, NULL));
  gtk_window_destroy (find_window ("Export the Table"));
  history_fixture_spin (100);
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

/* The Export action writes the differences as the grid shows them. */
static void
test_view_export_csv (HistoryFixture *f,
                      gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autofree char *path = g_build_filename (f->dir, "differences.csv", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  IwdHistoryView *view;
  IwdTable *differences;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  view = show_history (data);
  differences = iwd_history_view_get_differences (view);

  iwd_history_view_export_async (view, IWD_EXPORT_FORMAT_CSV_FR, file, NULL, on_exported, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (iwd_history_view_export_finish (view, result, &error));
  g_assert_no_error (error);
  g_assert_true (g_file_get_contents (path, &contents, NULL, &error));
  lines = g_strsplit (contents, "\r\n", -1);

  g_assert_cmpuint (g_strv_length (lines), ==, iwd_table_get_n_rows (differences) + 2);
  g_assert_cmpstr (lines[0], ==, "\xef\xbb\xbf" "Change;Policy number;Client;Town;Field;Previous value;New value");
  for (guint row = 0; row < iwd_table_get_n_rows (differences); row++)
    {
      g_autofree char *expected = dup_csv_line (differences, row);

      g_assert_cmpstr (lines[row + 1], ==, expected);
    }
  g_assert_cmpstr (lines[iwd_table_get_n_rows (differences) + 1], ==, "");
  g_unlink (path);
  /* The result keeps a reference on the view. */
  g_clear_object (&result);
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

/* Comparing the first fetch with the third adds up two generations of
 * the robot's changes. */
static void
test_view_compare_chosen (HistoryFixture *f,
                          gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;
  IwdTable *differences;

  for (guint i = 0; i < 3; i++)
    history_fixture_load (data, TRUE);
  view = show_history (data);

  g_assert_true (iwd_history_view_select_fetches (view, 0, 0));
  g_assert_false (is_compare_enabled (view));
  g_assert_true (iwd_history_view_select_fetches (view, 2, 0));
  g_assert_true (is_compare_enabled (view));
  gtk_widget_activate_action (GTK_WIDGET (view), "history.compare", NULL);
  g_assert_true (history_fixture_wait_until (view_is_settled, view));
  differences = iwd_history_view_get_differences (view);

  g_assert_cmpuint (count_rows_of_change (differences, "New"), ==, 2);
  g_assert_cmpuint (count_rows_of_change (differences, "Gone"), ==, 2);
  g_assert_false (iwd_history_view_select_fetches (view, 3, 0));
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

static gboolean
has_two_fetches (gpointer user_data)
{
  GPtrArray *fetches = iwd_history_view_get_fetches (user_data);

  return view_is_settled (user_data) && fetches != NULL && fetches->len == 2;
}

/* A new fetch saved by the data lists the fetches again. */
static void
test_view_follows_updates (HistoryFixture *f,
                           gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;

  history_fixture_load (data, TRUE);
  view = show_history (data);
  history_fixture_load (data, TRUE);

  g_assert_true (history_fixture_wait_until (has_two_fetches, view));
  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "differences");
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

/* The sandbox sends the same commission lines twice, so nothing is new. */
static void
test_view_commissions_unchanged (HistoryFixture *f,
                                 gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_COMMISSIONS);
  IwdHistoryView *view;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  view = show_history (data);

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "no-difference");
  g_assert_cmpuint (iwd_table_get_n_rows (iwd_history_view_get_differences (view)), ==, 0);
  history_fixture_finalize_in_window (GTK_WIDGET (view));
}

/* Fetches in the same minute show their seconds, and fetches in the same
 * second their number too, so that no two labels of a list are equal. */
static void
test_fetch_labels_distinct (void)
{
  /* 04/12/2026 14:12:00 UTC, with TZ=UTC set in main(). */
  const gint64 minute = 1796393520;
  IwdHistoryFetch fetches[] = {
    { .id = 14, .kind = IWD_HISTORY_KIND_CONTRACTS, .fetched_at = minute + 125, .row_count = 20 },
    { .id = 13, .kind = IWD_HISTORY_KIND_CONTRACTS, .fetched_at = minute + 5, .row_count = 21 },
    { .id = 12, .kind = IWD_HISTORY_KIND_CONTRACTS, .fetched_at = minute + 5, .row_count = 21 },
    { .id = 11, .kind = IWD_HISTORY_KIND_CONTRACTS, .fetched_at = minute, .row_count = 1 },
  };
  g_autoptr(GPtrArray) list = g_ptr_array_new ();
  g_auto(GStrv) labels = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (fetches); i++)
    g_ptr_array_add (list, &fetches[i]);
  labels = iwd_fetch_label_new_list (list);

  g_assert_cmpuint (g_strv_length (labels), ==, 4);
  g_assert_cmpstr (labels[0], ==, "04/12/2026 14:14, 20 contracts");
  g_assert_cmpstr (labels[1], ==, "04/12/2026 14:12:05 (no. 13), 21 contracts");
  g_assert_cmpstr (labels[2], ==, "04/12/2026 14:12:05 (no. 12), 21 contracts");
  g_assert_cmpstr (labels[3], ==, "04/12/2026 14:12:00, 1 contract");
}

/* Appends the date of the data's table, as the banner writes it. */
static char *
expect_message (const char       *prefix,
                IwdPortfolioData *data)
{
  g_autofree char *date = iwd_fetch_label_format_date (iwd_portfolio_data_get_fetched_at (data));

  return g_strconcat (prefix, date, NULL);
}

static void
test_banner_updated (HistoryFixture *f,
                     gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdFreshnessBanner *banner = IWD_FRESHNESS_BANNER (iwd_freshness_banner_new ());
  g_autofree char *expected = NULL;

  history_fixture_add_to_window (GTK_WIDGET (banner), 600, 60);
  iwd_freshness_banner_set_data (banner, data);
  g_assert_null (iwd_freshness_banner_get_message (banner));

  history_fixture_load (data, TRUE);
  expected = expect_message ("Updated ", data);

  g_assert_cmpstr (iwd_freshness_banner_get_message (banner), ==, expected);
  g_assert_false (is_action_enabled (GTK_WIDGET (banner), "banner.retry"));
  history_fixture_finalize_in_window (GTK_WIDGET (banner));
}

static void
on_retry (IwdFreshnessBanner *banner,
          guint              *count)
{
  (*count)++;
}

/* Without the sandbox, the stored copy stays, and the banner shows its
 * date and offers to try again. */
static void
test_banner_offline (HistoryFixture *f,
                     gconstpointer   unused)
{
  g_autoptr(IwdPortfolioData) first = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  IwdFreshnessBanner *banner = IWD_FRESHNESS_BANNER (iwd_freshness_banner_new ());
  g_autofree char *expected = NULL;
  guint retries = 0;

  history_fixture_load (first, TRUE);
  history_fixture_stop_sandbox (f);
  history_fixture_add_to_window (GTK_WIDGET (banner), 600, 60);
  iwd_freshness_banner_set_data (banner, data);
  g_signal_connect (banner, "retry", G_CALLBACK (on_retry), &retries);
  history_fixture_load (data, TRUE);
  expected = expect_message ("Offline: showing the copy of ", data);

  g_assert_true (iwd_portfolio_data_get_offline (data));
  g_assert_cmpstr (iwd_freshness_banner_get_message (banner), ==, expected);
  g_assert_true (is_action_enabled (GTK_WIDGET (banner), "banner.retry"));
  gtk_widget_activate_action (GTK_WIDGET (banner), "banner.retry", NULL);
  g_assert_cmpuint (retries, ==, 1);
  history_fixture_finalize_in_window (GTK_WIDGET (banner));
}

#define ADD_TEST(path, func) \
  g_test_add (path, HistoryFixture, NULL, history_fixture_set_up, func, history_fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  /* The fetch labels are in local time. */
  g_setenv ("TZ", "UTC", TRUE);
  if (!history_fixture_init_gtk (&argc, &argv))
    return 0;

  ADD_TEST ("/ui/history/no-fetch", test_view_no_fetch);
  ADD_TEST ("/ui/history/single-fetch", test_view_single_fetch);
  ADD_TEST ("/ui/history/differences", test_view_differences);
  ADD_TEST ("/ui/history/french-values", test_view_french_values);
  ADD_TEST ("/ui/history/export-csv", test_view_export_csv);
  ADD_TEST ("/ui/history/export-action", test_view_export_action);
  ADD_TEST ("/ui/history/compare-chosen", test_view_compare_chosen);
  ADD_TEST ("/ui/history/follows-updates", test_view_follows_updates);
  ADD_TEST ("/ui/history/commissions-unchanged", test_view_commissions_unchanged);
  g_test_add_func ("/ui/history/fetch-labels-distinct", test_fetch_labels_distinct);
  ADD_TEST ("/ui/banner/updated", test_banner_updated);
  ADD_TEST ("/ui/banner/offline", test_banner_offline);

  return g_test_run ();
}
