/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-commissions-tab.h"
#include "iwd-commissions-tsv.h"
#include "iwd-portfolio-view.h"
#include "iwd-routes.h"
#include "portfolio-fixture.h"

/* The statement of AZ1 in tests/data/ui-portfolio/commissions has three
 * lines. The earlier fetch built by hand has its first line only. */
#define AZ1_LINES 3
#define EARLIER_LINES 1

/* AX1's statement there has two lines. The commissions of both, exactly:
 * 123,4500 + 37,5012 + 12,4988 and 1000,2500 + 0,0001. */
#define AX1_LINES 2
#define BOTH_COMMISSIONS G_GINT64_CONSTANT (11737001)

typedef struct {
  PortfolioFixture   portfolio;
  GtkWidget         *window;
  IwdHistoryStore   *store;
} Fixture;

/* How long the sandbox's robot takes to collect a profile in the polling
 * tests, and how often the tab checks meanwhile. */
#define ROBOT_DELAY_MS 1500
#define POLL_INTERVAL_MS 200

/* With @data set, the sandbox generates the statements, empty until its
 * robot has worked for ROBOT_DELAY_MS, in place of the fixture files. */
static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = NULL;

  if (data != NULL)
    portfolio_fixture_set_up (&fixture->portfolio, NULL, ROBOT_DELAY_MS);
  else
    portfolio_fixture_set_up (&fixture->portfolio, TEST_DATA_DIR "/ui-portfolio/commissions", 0);
  path = g_build_filename (fixture->portfolio.data_dir, "history.sqlite3", NULL);
  fixture->store = iwd_history_store_new (path);

  /* Shown before any load: the in-process sandbox replies to nothing
   * while the first window takes its time under Xvfb. */
  fixture->window = portfolio_show_in_window (NULL);
  portfolio_spin (100);

  portfolio_save_profile (&fixture->portfolio, "ALLIANZ", "AZ1");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ1");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  g_clear_object (&fixture->store);
  portfolio_fixture_tear_down (&fixture->portfolio);
}

/* Opens a new tab on the store and loads AZ1 in it. */
static IwdCommissionsTab *
open_tab (Fixture *fixture)
{
  const char * const profile_ids[] = { "AZ1", NULL };
  GtkWidget *tab = iwd_commissions_tab_new (fixture->portfolio.client, "PTF1");

  iwd_commissions_tab_set_history_store (IWD_COMMISSIONS_TAB (tab), fixture->store);
  iwd_commissions_tab_set_profiles (IWD_COMMISSIONS_TAB (tab), profile_ids);
  gtk_window_set_child (GTK_WINDOW (fixture->window), tab);
  iwd_commissions_tab_load (IWD_COMMISSIONS_TAB (tab), "AZ1");

  return IWD_COMMISSIONS_TAB (tab);
}

static void
add_second_profile (Fixture *fixture)
{
  portfolio_save_profile (&fixture->portfolio, "AXA", "AX1");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "AXA", "AX1");
}

/* Opens a tab that lists AX1 before AZ1, with @n_profiles of them, and
 * loads all of them. */
static IwdCommissionsTab *
open_tab_all (Fixture *fixture,
              guint    n_profiles)
{
  const char *profile_ids[] = { "AX1", "AZ1", NULL };
  GtkWidget *tab = iwd_commissions_tab_new (fixture->portfolio.client, "PTF1");

  profile_ids[n_profiles] = NULL;
  iwd_commissions_tab_set_history_store (IWD_COMMISSIONS_TAB (tab), fixture->store);
  iwd_commissions_tab_set_profiles (IWD_COMMISSIONS_TAB (tab), profile_ids);
  gtk_window_set_child (GTK_WINDOW (fixture->window), tab);
  iwd_commissions_tab_load (IWD_COMMISSIONS_TAB (tab), NULL);

  return IWD_COMMISSIONS_TAB (tab);
}

static gboolean
profile_settled (IwdCommissionsTab *tab,
                 const char        *profile_id)
{
  IwdPortfolioData *copy = iwd_commissions_tab_get_copy (tab, profile_id);

  return copy != NULL && !iwd_portfolio_data_get_loading (copy);
}

static gboolean
ax1_settled (gpointer data)
{
  return profile_settled (data, "AX1")
         && iwd_commissions_tab_get_state (data) != IWD_COMMISSIONS_TAB_STATE_LOADING;
}

static gboolean
all_settled (gpointer data)
{
  return profile_settled (data, "AX1") && profile_settled (data, "AZ1")
         && iwd_commissions_tab_get_state (data) != IWD_COMMISSIONS_TAB_STATE_LOADING;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

static gboolean
copy_settled (gpointer data)
{
  IwdPortfolioData *copy = iwd_commissions_tab_get_copy (data, "AZ1");

  return !iwd_portfolio_data_get_loading (copy)
         && iwd_commissions_tab_get_state (data) != IWD_COMMISSIONS_TAB_STATE_LOADING;
}

static void
close_tab (Fixture *fixture)
{
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

/* Keeps a statement of AZ1's first line as if fetched a day ago. */
static void
store_earlier_fetch (Fixture *fixture)
{
  static const char statement[] =
    "N\xb0 police\tDate d'effet\tAssur\xe9\tProduit\tPrime TTC\tTaux\tCommission\t\r\n"
    "A100\t01/02/2026\tDupont Jean\tAuto\t1234,50\t10,00\t123,4500\t\r\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (statement, sizeof statement - 1);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) yesterday = g_date_time_add_days (now, -1);
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  table = iwd_parse_commissions_tsv (bytes, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, EARLIER_LINES);

  iwd_history_store_save_fetch_async (fixture->store, "PTF1", "AZ1", IWD_HISTORY_KIND_COMMISSIONS,
                                      iwd_route_get_name (IWD_ROUTE_PORTFOLIO_COMMISSIONS),
                                      yesterday, table, NULL, keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);
  g_assert_cmpint (iwd_history_store_save_fetch_finish (fixture->store, result, &error), >, 0);
  g_assert_no_error (error);
}

/* What the tab shows when the stored copy first reaches it. */
typedef struct {
  gboolean                seen;
  gboolean                loading;
  IwdCommissionsTabState  state;
  guint                   n_rows;
} FirstCopy;

static void
first_copy_cb (IwdPortfolioData *copy,
               GParamSpec       *pspec,
               gpointer          user_data)
{
  FirstCopy *first = user_data;
  IwdCommissionsTab *tab = g_object_get_data (G_OBJECT (copy), "tab");

  if (first->seen)
    return;

  first->seen = TRUE;
  first->loading = iwd_portfolio_data_get_loading (copy);
  first->state = iwd_commissions_tab_get_state (tab);
  first->n_rows = iwd_commissions_tab_get_n_rows (tab);
}

static void
test_reopen (Fixture       *fixture,
             gconstpointer  data)
{
  FirstCopy first = { 0 };
  IwdCommissionsTab *tab;
  IwdPortfolioData *copy;

  portfolio_wait_until (copy_settled, open_tab (fixture));
  close_tab (fixture);

  tab = open_tab (fixture);
  copy = iwd_commissions_tab_get_copy (tab, "AZ1");
  g_object_set_data (G_OBJECT (copy), "tab", tab);
  g_signal_connect (copy, "notify::table", G_CALLBACK (first_copy_cb), &first);
  portfolio_wait_until (copy_settled, tab);

  g_assert_true (first.seen);
  g_assert_true (first.loading);
  g_assert_cmpint (first.state, ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
  g_assert_cmpuint (first.n_rows, ==, AZ1_LINES);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, AZ1_LINES);
}

static void
test_offline (Fixture       *fixture,
              gconstpointer  data)
{
  g_auto(GStrv) offline_words = g_strsplit (_("Offline: showing the copy of %s"), "%s", 2);
  IwdCommissionsTab *tab;
  const char *message;

  portfolio_wait_until (copy_settled, open_tab (fixture));
  close_tab (fixture);
  iwd_sandbox_stop (fixture->portfolio.sandbox);

  tab = open_tab (fixture);
  portfolio_wait_until (copy_settled, tab);

  message = iwd_freshness_banner_get_message (iwd_commissions_tab_get_freshness_banner (tab));
  g_assert_true (iwd_portfolio_data_get_offline (iwd_commissions_tab_get_copy (tab, "AZ1")));
  g_assert_nonnull (message);
  g_assert_true (g_str_has_prefix (message, offline_words[0]));
  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, AZ1_LINES);
}

static gboolean
new_lines_listed (gpointer data)
{
  IwdHistoryView *history = iwd_commissions_tab_get_history_view (data);
  GPtrArray *fetches = iwd_history_view_get_fetches (history);

  return copy_settled (data) && fetches != NULL && fetches->len == 2
         && g_strcmp0 (iwd_history_view_get_page (history), "loading") != 0;
}

/* The sandbox's statements never change, so the earlier fetch is built
 * by hand, and the fetch from the sandbox adds two lines to it. */
static void
test_new_lines (Fixture       *fixture,
                gconstpointer  data)
{
  IwdCommissionsTab *tab;
  IwdHistoryView *history;

  store_earlier_fetch (fixture);
  tab = open_tab (fixture);
  portfolio_wait_until (new_lines_listed, tab);
  iwd_commissions_tab_show_new_lines (tab, TRUE);

  history = iwd_commissions_tab_get_history_view (tab);
  g_assert_cmpstr (iwd_commissions_tab_get_page (tab), ==, "new-lines");
  g_assert_cmpstr (iwd_history_view_get_page (history), ==, "differences");
  g_assert_cmpuint (iwd_table_get_n_rows (iwd_history_view_get_differences (history)), ==,
                    AZ1_LINES - EARLIER_LINES);
}

/* The portfolio view hands its history store to the commissions tab. */
static void
test_view_store (Fixture       *fixture,
                 gconstpointer  data)
{
  GtkWidget *view = iwd_portfolio_view_new_with_history (fixture->portfolio.client,
                                                         fixture->portfolio.account_state,
                                                         fixture->store, "PTF1");
  IwdCommissionsTab *tab = iwd_portfolio_view_get_commissions_tab (IWD_PORTFOLIO_VIEW (view));
  IwdPortfolioData *copy;

  gtk_window_set_child (GTK_WINDOW (fixture->window), view);
  iwd_commissions_tab_load (tab, "AZ1");
  portfolio_wait_until (copy_settled, tab);

  copy = iwd_commissions_tab_get_copy (tab, "AZ1");
  g_assert_true (iwd_portfolio_data_get_store (copy) == fixture->store);
  g_assert_nonnull (iwd_portfolio_data_get_fetched_at (copy));
  g_assert_nonnull (iwd_commissions_tab_get_history_view (tab));
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, AZ1_LINES);
}

/* Both statements in one grid, AX1's lines first, with the profile of
 * each line in the first column and one exact total. */
static void
test_all_one_grid (Fixture       *fixture,
                   gconstpointer  data)
{
  IwdCommissionsTab *tab;
  IwdTableModel *model;
  IwdTable *table;
  gint64 total = 0;

  add_second_profile (fixture);
  tab = open_tab_all (fixture, 2);
  portfolio_wait_until (all_settled, tab);

  model = iwd_table_view_get_model (iwd_commissions_tab_get_table_view (tab));
  table = iwd_table_model_get_table (model);
  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, AX1_LINES + AZ1_LINES);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, AX1_LINES + AZ1_LINES);
  g_assert_cmpstr (iwd_table_get_column_label (table, 0), ==, C_("column heading", "Profile"));
  g_assert_cmpstr (iwd_table_get_text (table, 0, 0), ==, "AX1");
  g_assert_cmpstr (iwd_table_get_text (table, AX1_LINES, 0), ==, "AZ1");
  g_assert_true (iwd_table_model_sum_column (model, find_column (table, "Commission"), &total));
  g_assert_cmpint (total, ==, BOTH_COMMISSIONS);
}

/* With AZ1 stored a day ago and AX1 just fetched, the offline banner of
 * all profiles shows AZ1's copy, although AX1 is listed first. */
static void
test_all_oldest_banner (Fixture       *fixture,
                        gconstpointer  data)
{
  IwdCommissionsTab *tab;
  IwdFreshnessBanner *banner;

  store_earlier_fetch (fixture);
  add_second_profile (fixture);
  portfolio_wait_until (ax1_settled, open_tab_all (fixture, 1));
  close_tab (fixture);
  iwd_sandbox_stop (fixture->portfolio.sandbox);

  tab = open_tab_all (fixture, 2);
  portfolio_wait_until (all_settled, tab);

  banner = iwd_commissions_tab_get_freshness_banner (tab);
  g_assert_true (iwd_freshness_banner_get_data (banner) == iwd_commissions_tab_get_copy (tab, "AZ1"));
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, AX1_LINES + EARLIER_LINES);
}

/* What the tab went through while the robot collected. */
typedef struct {
  gboolean seen_collecting;
  guint    n_ready;
  guint    n_lines;
} Collect;

static void
state_changed_cb (IwdCommissionsTab *tab,
                  GParamSpec        *pspec,
                  Collect           *collect)
{
  if (iwd_commissions_tab_get_state (tab) == IWD_COMMISSIONS_TAB_STATE_COLLECTING)
    collect->seen_collecting = TRUE;
}

static void
commissions_ready_cb (IwdCommissionsTab *tab,
                      guint              n_lines,
                      Collect           *collect)
{
  collect->n_ready++;
  collect->n_lines = n_lines;
}

static gboolean
has_ready (gpointer data)
{
  return ((Collect *) data)->n_ready > 0;
}

/* Loads AZ1 in a new tab that polls every POLL_INTERVAL_MS, with or
 * without the history store, and waits until lines arrive. */
static IwdCommissionsTab *
collect_az1 (Fixture *fixture,
             gboolean with_store,
             Collect *collect)
{
  const char * const profile_ids[] = { "AZ1", NULL };
  IwdCommissionsTab *tab = IWD_COMMISSIONS_TAB (iwd_commissions_tab_new (fixture->portfolio.client, "PTF1"));

  if (with_store)
    iwd_commissions_tab_set_history_store (tab, fixture->store);
  iwd_commissions_tab_set_poll_interval (tab, POLL_INTERVAL_MS);
  iwd_commissions_tab_set_profiles (tab, profile_ids);
  g_signal_connect (tab, "notify::state", G_CALLBACK (state_changed_cb), collect);
  g_signal_connect (tab, "commissions-ready", G_CALLBACK (commissions_ready_cb), collect);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (tab));

  iwd_commissions_tab_load (tab, "AZ1");
  portfolio_wait_until (has_ready, collect);
  return tab;
}

static void
test_poll_network (Fixture       *fixture,
                   gconstpointer  data)
{
  Collect collect = { 0 };
  IwdCommissionsTab *tab = collect_az1 (fixture, FALSE, &collect);

  g_assert_true (collect.seen_collecting);
  g_assert_cmpuint (collect.n_ready, ==, 1);
  g_assert_cmpuint (collect.n_lines, >, 0);
  g_assert_cmpuint (collect.n_lines, ==, iwd_commissions_tab_get_n_rows (tab));
  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
}

static void
test_poll_store (Fixture       *fixture,
                 gconstpointer  data)
{
  Collect collect = { 0 };
  IwdCommissionsTab *tab = collect_az1 (fixture, TRUE, &collect);

  portfolio_wait_until (copy_settled, tab);
  g_assert_true (collect.seen_collecting);
  g_assert_cmpuint (collect.n_ready, ==, 1);
  g_assert_cmpuint (collect.n_lines, >, 0);
  g_assert_cmpuint (collect.n_lines, ==, iwd_commissions_tab_get_n_rows (tab));
  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/portfolio/commissions/reopen", Fixture, NULL,
              fixture_set_up, test_reopen, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/offline", Fixture, NULL,
              fixture_set_up, test_offline, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/new-lines", Fixture, NULL,
              fixture_set_up, test_new_lines, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/view-store", Fixture, NULL,
              fixture_set_up, test_view_store, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/all-one-grid", Fixture, NULL,
              fixture_set_up, test_all_one_grid, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/all-oldest-banner", Fixture, NULL,
              fixture_set_up, test_all_oldest_banner, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/poll-network", Fixture, "generated",
              fixture_set_up, test_poll_network, fixture_tear_down);
  g_test_add ("/ui/portfolio/commissions/poll-store", Fixture, "generated",
              fixture_set_up, test_poll_store, fixture_tear_down);

  return g_test_run ();
}
