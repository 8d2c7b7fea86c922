/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For memmem(). */
#define _GNU_SOURCE

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <string.h>

#include "iwd-load-progress.h"
#include "iwd-portfolio-view.h"
#include "iwd-profile-creator.h"
#include "iwd-profile.h"
#include "portfolio-fixture.h"

/* The sandbox's robot delay in the tests that watch the collecting state,
 * and the poll interval that checks on it meanwhile. */
#define ROBOT_DELAY_MS 400
#define POLL_INTERVAL_MS 100

/* The commission fixtures' totals, in ten-thousandths of a euro: AZ1's
 * three lines add up to 173,4500 € and AX1's two to 1 000,2501 €. */
#define AZ1_TOTAL 1734500
#define AX1_TOTAL 10002501

typedef struct {
  PortfolioFixture  portfolio;
  GtkWidget        *window;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, TEST_DATA_DIR "/ui-portfolio/commissions",
                            GPOINTER_TO_UINT (data));

  /* The first window takes long to show under Xvfb, and the in-process
   * sandbox replies to nothing meanwhile, so it is shown before any load. */
  fixture->window = portfolio_show_in_window (NULL);
  portfolio_spin (100);
}

/* The sandbox's generated robot, which changes contracts between two
 * fetches, in place of the fixture files. */
static void
generated_set_up (Fixture       *fixture,
                  gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, NULL, GPOINTER_TO_UINT (data));
  fixture->window = portfolio_show_in_window (NULL);
  portfolio_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  portfolio_fixture_tear_down (&fixture->portfolio);
}

/* PTF1 with the ALLIANZ profile AZ1 in it and the AXA profile AX1 in
 * the account only. */
static void
create_portfolio (Fixture *fixture)
{
  portfolio_save_profile (&fixture->portfolio, "ALLIANZ", "AZ1");
  portfolio_save_profile (&fixture->portfolio, "AXA", "AX1");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ1");
}

static IwdPortfolioView *
open_view (Fixture *fixture)
{
  GtkWidget *view = iwd_portfolio_view_new (fixture->portfolio.client,
                                            fixture->portfolio.account_state, "PTF1");

  iwd_portfolio_view_set_poll_interval (IWD_PORTFOLIO_VIEW (view), POLL_INTERVAL_MS);
  gtk_window_set_child (GTK_WINDOW (fixture->window), view);

  return IWD_PORTFOLIO_VIEW (view);
}

static guint
count_contracts (IwdContractsTab *tab)
{
  IwdTableModel *model = iwd_table_view_get_model (iwd_contracts_tab_get_table_view (tab));

  return iwd_table_get_n_rows (iwd_table_model_get_table (model));
}

static gboolean
contracts_loaded (gpointer data)
{
  return iwd_contracts_tab_get_state (data) != IWD_CONTRACTS_TAB_STATE_LOADING;
}

static gboolean
contracts_shown (gpointer data)
{
  return iwd_contracts_tab_get_state (data) == IWD_CONTRACTS_TAB_STATE_TABLE;
}

static gboolean
commissions_loaded (gpointer data)
{
  return iwd_commissions_tab_get_state (data) != IWD_COMMISSIONS_TAB_STATE_LOADING;
}

static gboolean
profiles_loaded (gpointer data)
{
  return iwd_portfolio_profiles_tab_get_state (data) != IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING;
}

static void
test_contracts_after_delay (Fixture       *fixture,
                            gconstpointer  data)
{
  IwdPortfolioView *view;
  IwdContractsTab *tab;

  create_portfolio (fixture);
  view = open_view (fixture);
  tab = iwd_portfolio_view_get_contracts_tab (view);

  portfolio_wait_until (contracts_loaded, tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_COLLECTING);
  g_assert_cmpstr (iwd_contracts_tab_get_message (tab), ==,
                   "The robot is still collecting this portfolio’s contracts. "
                   "IWDesk checks again every 1 minute.");
  g_assert_nonnull (iwd_contracts_tab_get_last_checked (tab));
  g_assert_null (iwd_portfolio_view_get_last_toast (view));

  portfolio_wait_until (contracts_shown, tab);
  g_assert_cmpuint (count_contracts (tab), ==, 7);
  g_assert_null (iwd_contracts_tab_get_message (tab));
  g_assert_cmpstr (iwd_portfolio_view_get_last_toast (view), ==,
                   "The robot has collected 7 contracts for portfolio PTF1.");
}

/* The view shows a toast when the robot's commission lines arrive, as
 * it does for contracts. The tab's own tests cover when it emits the
 * signal. */
static void
test_commissions_ready_toast (Fixture       *fixture,
                              gconstpointer  data)
{
  IwdPortfolioView *view;

  create_portfolio (fixture);
  view = open_view (fixture);

  g_signal_emit_by_name (iwd_portfolio_view_get_commissions_tab (view), "commissions-ready", 3);
  g_assert_cmpstr (iwd_portfolio_view_get_last_toast (view), ==,
                   "The robot has collected 3 commission lines for portfolio PTF1.");
}

static gboolean
contracts_not_waiting_for_profiles (gpointer data)
{
  IwdContractsTabState state = iwd_contracts_tab_get_state (data);

  return state == IWD_CONTRACTS_TAB_STATE_TABLE || state == IWD_CONTRACTS_TAB_STATE_COLLECTING;
}

/* A profile added in the Profiles tab gets the Contracts tab out of its
 * "no profiles" page without the broker leaving the tab. */
static void
test_contracts_see_added_profile (Fixture       *fixture,
                                  gconstpointer  data)
{
  IwdPortfolioView *view;
  IwdContractsTab *contracts;
  IwdPortfolioProfilesTab *profiles;

  portfolio_save_profile (&fixture->portfolio, "AXA", "AX1");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  view = open_view (fixture);
  contracts = iwd_portfolio_view_get_contracts_tab (view);
  profiles = iwd_portfolio_view_get_profiles_tab (view);

  portfolio_wait_until (contracts_loaded, contracts);
  g_assert_cmpint (iwd_contracts_tab_get_state (contracts), ==, IWD_CONTRACTS_TAB_STATE_NO_PROFILES);
  portfolio_wait_until (profiles_loaded, profiles);

  iwd_portfolio_profiles_tab_add_profile (profiles, "AX1");
  portfolio_wait_until (contracts_not_waiting_for_profiles, contracts);
}

static void
test_contracts_no_profiles (Fixture       *fixture,
                            gconstpointer  data)
{
  IwdContractsTab *tab;

  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  tab = iwd_portfolio_view_get_contracts_tab (open_view (fixture));

  portfolio_wait_until (contracts_loaded, tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_NO_PROFILES);
}

static void
test_contracts_error (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Martin", 12);
  g_autoptr(GError) error = NULL;
  IwdContractsTab *tab;

  /* The account state has PTF1, but the robot does not. */
  iwd_account_state_add_portfolio (fixture->portfolio.account_state, "PTF1", options, &error);
  g_assert_no_error (error);
  tab = iwd_portfolio_view_get_contracts_tab (open_view (fixture));

  portfolio_wait_until (contracts_loaded, tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_ERROR);
  g_assert_nonnull (iwd_contracts_tab_get_message (tab));
}

static void
test_cancel_first_load (Fixture       *fixture,
                        gconstpointer  data)
{
  IwdContractsTab *tab;

  create_portfolio (fixture);
  tab = IWD_CONTRACTS_TAB (iwd_contracts_tab_new (fixture->portfolio.client,
                                                  fixture->portfolio.account_state, "PTF1"));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (tab));

  iwd_contracts_tab_reload (tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_LOADING);
  iwd_contracts_tab_cancel (tab);
  portfolio_wait_until (contracts_loaded, tab);

  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_IDLE);
  g_assert_null (iwd_contracts_tab_get_message (tab));
}

static void
test_cancel_keeps_table (Fixture       *fixture,
                         gconstpointer  data)
{
  IwdContractsTab *tab;

  create_portfolio (fixture);
  tab = IWD_CONTRACTS_TAB (iwd_contracts_tab_new (fixture->portfolio.client,
                                                  fixture->portfolio.account_state, "PTF1"));
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (tab));
  iwd_contracts_tab_reload (tab);
  portfolio_wait_until (contracts_loaded, tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_TABLE);

  iwd_contracts_tab_reload (tab);
  iwd_contracts_tab_cancel (tab);
  portfolio_wait_until (contracts_loaded, tab);

  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_TABLE);
  g_assert_cmpuint (count_contracts (tab), ==, 7);
  g_assert_null (iwd_contracts_tab_get_message (tab));
}

static IwdCommissionsTab *
open_commissions (Fixture *fixture)
{
  const char * const profiles[] = { "AZ1", "AX1", NULL };
  GtkWidget *tab = iwd_commissions_tab_new (fixture->portfolio.client, "PTF1");

  portfolio_add_profile (&fixture->portfolio, "PTF1", "AXA", "AX1");
  iwd_commissions_tab_set_profiles (IWD_COMMISSIONS_TAB (tab), profiles);
  gtk_window_set_child (GTK_WINDOW (fixture->window), tab);

  return IWD_COMMISSIONS_TAB (tab);
}

static void
test_commissions_one_profile (Fixture       *fixture,
                              gconstpointer  data)
{
  IwdCommissionsTab *tab;
  gint64 total = 0;

  create_portfolio (fixture);
  tab = open_commissions (fixture);
  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_IDLE);

  iwd_commissions_tab_load (tab, "AZ1");
  portfolio_wait_until (commissions_loaded, tab);

  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, 3);
  g_assert_true (iwd_commissions_tab_get_total (tab, &total));
  g_assert_cmpint (total, ==, AZ1_TOTAL);
  g_assert_cmpstr (iwd_commissions_tab_get_summary (tab), ==,
                   "3 commission lines, total commission 173,45" "\xC2\xA0" "€");
}

static void
test_commissions_all_profiles (Fixture       *fixture,
                               gconstpointer  data)
{
  IwdCommissionsTab *tab;
  gint64 total = 0;

  create_portfolio (fixture);
  tab = open_commissions (fixture);

  iwd_commissions_tab_load (tab, NULL);
  portfolio_wait_until (commissions_loaded, tab);

  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_TABLE);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, 5);
  g_assert_true (iwd_commissions_tab_get_total (tab, &total));
  g_assert_cmpint (total, ==, AZ1_TOTAL + AX1_TOTAL);
}

static void
test_commissions_cancel (Fixture       *fixture,
                         gconstpointer  data)
{
  IwdCommissionsTab *tab;

  create_portfolio (fixture);
  tab = open_commissions (fixture);

  iwd_commissions_tab_load (tab, "AZ1");
  iwd_commissions_tab_cancel (tab);
  portfolio_wait_until (commissions_loaded, tab);

  g_assert_cmpint (iwd_commissions_tab_get_state (tab), ==, IWD_COMMISSIONS_TAB_STATE_IDLE);
  g_assert_null (iwd_commissions_tab_get_error_message (tab));
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (tab), ==, 0);
}

static gboolean
has_two_profiles (gpointer data)
{
  return g_strv_length ((GStrv) iwd_portfolio_profiles_tab_get_profile_ids (data)) == 2;
}

static gboolean
has_one_profile (gpointer data)
{
  return profiles_loaded (data)
         && g_strv_length ((GStrv) iwd_portfolio_profiles_tab_get_profile_ids (data)) == 1;
}

static void
test_profiles_add_and_remove (Fixture       *fixture,
                              gconstpointer  data)
{
  IwdPortfolioView *view;
  IwdPortfolioProfilesTab *tab;
  g_auto(GStrv) linked = NULL;
  g_autoptr(GPtrArray) on_robot = NULL;
  g_autoptr(GError) error = NULL;

  create_portfolio (fixture);
  view = open_view (fixture);
  tab = iwd_portfolio_view_get_profiles_tab (view);
  portfolio_wait_until (profiles_loaded, tab);
  g_assert_cmpint (iwd_portfolio_profiles_tab_get_state (tab), ==, IWD_PORTFOLIO_PROFILES_TAB_STATE_LIST);
  g_assert_cmpstrv (iwd_portfolio_profiles_tab_get_profile_ids (tab), ((const char * const[]) { "AZ1", NULL }));
  g_assert_cmpstrv (iwd_portfolio_profiles_tab_get_available_ids (tab), ((const char * const[]) { "AX1", NULL }));

  iwd_portfolio_profiles_tab_add_profile (tab, "AX1");
  portfolio_wait_until (has_two_profiles, tab);
  g_assert_cmpstr (iwd_portfolio_view_get_last_toast (view), ==, "Profile AX1 was added to the portfolio.");
  linked = iwd_account_state_list_portfolio_profiles (fixture->portfolio.account_state, "PTF1");
  g_assert_true (g_strv_contains ((const char * const *) linked, "AX1"));
  g_assert_cmpuint (g_strv_length ((GStrv) iwd_portfolio_profiles_tab_get_available_ids (tab)), ==, 0);

  iwd_portfolio_profiles_tab_remove_profile (tab, "AZ1");
  portfolio_wait_until (has_one_profile, tab);
  g_assert_cmpstr (iwd_portfolio_view_get_last_toast (view), ==, "Profile AZ1 was removed from the portfolio.");
  g_clear_pointer (&linked, g_strfreev);
  linked = iwd_account_state_list_portfolio_profiles (fixture->portfolio.account_state, "PTF1");
  g_assert_cmpstrv (linked, ((const char * const[]) { "AX1", NULL }));
  on_robot = portfolio_list_profiles (&fixture->portfolio, "PTF1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (on_robot->len, ==, 1);
  g_assert_cmpstr (iwd_profile_get_id (g_ptr_array_index (on_robot, 0)), ==, "AX1");
}

static gboolean
editor_shows_form (gpointer data)
{
  return iwd_profile_editor_get_state (data) != IWD_PROFILE_EDITOR_STATE_LOADING;
}

static gboolean
window_closed (gpointer data)
{
  return *(GtkWidget **) data == NULL;
}

static void
keep_saved_profile (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  g_free (*(char **) user_data);
  *(char **) user_data = g_variant_dup_string (parameter, NULL);
}

static void
test_profiles_create_here (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(IwdSecretStore) secrets = iwd_secret_store_new (NULL);
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) saved = g_simple_action_new ("saved", G_VARIANT_TYPE_STRING);
  g_autofree char *saved_profile = NULL;
  IwdPortfolioProfilesTab *tab;
  GtkWidget *creator;
  IwdProfileEditor *editor;

  g_signal_connect (saved, "activate", G_CALLBACK (keep_saved_profile), &saved_profile);
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (saved));
  gtk_widget_insert_action_group (fixture->window, "profile", G_ACTION_GROUP (group));
  create_portfolio (fixture);
  tab = iwd_portfolio_view_get_profiles_tab (open_view (fixture));
  g_assert_null (iwd_portfolio_profiles_tab_open_creator (tab));

  iwd_portfolio_profiles_tab_set_secret_store (tab, secrets);
  creator = iwd_portfolio_profiles_tab_open_creator (tab);
  g_assert_nonnull (creator);
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (creator)) == GTK_WINDOW (fixture->window));
  g_assert_null (iwd_profile_creator_get_editor (IWD_PROFILE_CREATOR (creator)));

  iwd_profile_creator_choose_company (IWD_PROFILE_CREATOR (creator), "ALLIANZ", "Allianz");
  editor = iwd_profile_creator_get_editor (IWD_PROFILE_CREATOR (creator));
  g_assert_nonnull (editor);
  portfolio_wait_until (editor_shows_form, editor);
  g_assert_cmpint (iwd_profile_editor_get_state (editor), ==, IWD_PROFILE_EDITOR_STATE_FORM);

  /* A saved profile reaches the window's Profiles tab through an action. */
  g_signal_emit_by_name (creator, "saved", "AZ9");
  g_assert_cmpstr (saved_profile, ==, "AZ9");

  g_object_add_weak_pointer (G_OBJECT (creator), (gpointer *) &creator);
  gtk_window_close (GTK_WINDOW (creator));
  portfolio_wait_until (window_closed, &creator);
}

/* A view closed while its loads run must go at once, and the loads'
 * callbacks must find nothing to update. */
static void
test_view_finalized_while_loading (Fixture       *fixture,
                                   gconstpointer  data)
{
  GtkWidget *view;

  create_portfolio (fixture);
  view = g_object_ref_sink (iwd_portfolio_view_new (fixture->portfolio.client,
                                                    fixture->portfolio.account_state, "PTF1"));
  iwd_commissions_tab_load (iwd_portfolio_view_get_commissions_tab (IWD_PORTFOLIO_VIEW (view)), NULL);

  g_assert_finalize_object (view);
  portfolio_spin (200);
}

/* Saves the window as a PNG file, named after LANGUAGE, into the folder
 * IWD_PORTFOLIO_SCREENSHOT_DIR names, for a person to look at. Without
 * it, the test only checks the values. */
static void
save_screenshot (Fixture    *fixture,
                 const char *name)
{
  const char *dir = g_getenv ("IWD_PORTFOLIO_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file_name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GdkPaintable) paintable = NULL;
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkSnapshot *snapshot;
  int width = gtk_widget_get_width (fixture->window);
  int height = gtk_widget_get_height (fixture->window);

  if (dir == NULL)
    return;

  /* Under Xvfb the stacks' crossfades took over 400 ms, so the wait is generous. */
  portfolio_spin (1500);
  file_name = g_strdup_printf ("%s-%s.png", name, language != NULL && *language != '\0' ? language : "en");
  path = g_build_filename (dir, file_name, NULL);

  paintable = gtk_widget_paintable_new (fixture->window);
  snapshot = gtk_snapshot_new ();
  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (fixture->window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static IwdPortfolioView *
open_view_with_history (Fixture *fixture)
{
  g_autofree char *path = g_build_filename (fixture->portfolio.data_dir, "history.sqlite3", NULL);
  g_autoptr(IwdHistoryStore) store = iwd_history_store_new (path);
  GtkWidget *view = iwd_portfolio_view_new_with_history (fixture->portfolio.client,
                                                         fixture->portfolio.account_state,
                                                         store, "PTF1");

  gtk_window_set_child (GTK_WINDOW (fixture->window), view);

  return IWD_PORTFOLIO_VIEW (view);
}

static gboolean
copy_settled (gpointer data)
{
  IwdPortfolioData *contracts = iwd_portfolio_view_get_contracts_data (data);

  return !iwd_portfolio_data_get_loading (contracts)
         && g_strcmp0 (iwd_portfolio_view_get_contracts_page (data), "loading") != 0;
}

static guint
count_copy_rows (IwdPortfolioView *view)
{
  IwdTableModel *model = iwd_table_view_get_model (iwd_portfolio_view_get_copy_view (view));
  IwdTable *table = model != NULL ? iwd_table_model_get_table (model) : NULL;

  return table != NULL ? iwd_table_get_n_rows (table) : 0;
}

/* What the view shows when the stored copy first reaches it. */
typedef struct {
  gboolean  seen;
  gboolean  loading;
  char     *page;
  guint     n_rows;
} FirstTable;

static void
first_table_cb (IwdPortfolioData *contracts,
                GParamSpec       *pspec,
                gpointer          user_data)
{
  FirstTable *first = user_data;
  IwdPortfolioView *view = g_object_get_data (G_OBJECT (contracts), "view");

  if (first->seen)
    return;

  first->seen = TRUE;
  first->loading = iwd_portfolio_data_get_loading (contracts);
  first->page = g_strdup (iwd_portfolio_view_get_contracts_page (view));
  first->n_rows = count_copy_rows (view);
}

static void
test_reopen_from_copy (Fixture       *fixture,
                       gconstpointer  data)
{
  FirstTable first = { 0 };
  IwdPortfolioView *view;
  IwdPortfolioData *contracts;

  create_portfolio (fixture);
  portfolio_wait_until (copy_settled, open_view_with_history (fixture));
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);

  view = open_view_with_history (fixture);
  contracts = iwd_portfolio_view_get_contracts_data (view);
  g_object_set_data (G_OBJECT (contracts), "view", view);
  g_signal_connect (contracts, "notify::table", G_CALLBACK (first_table_cb), &first);
  portfolio_wait_until (copy_settled, view);

  g_assert_true (first.seen);
  g_assert_true (first.loading);
  g_assert_cmpstr (first.page, ==, "copy");
  g_assert_cmpuint (first.n_rows, ==, 7);
  g_free (first.page);
}

static void
test_offline_copy (Fixture       *fixture,
                   gconstpointer  data)
{
  /* The banner's sentence, in the language of the screenshots. */
  g_auto(GStrv) offline_words = g_strsplit (_("Offline: showing the copy of %s"), "%s", 2);
  IwdPortfolioView *view;
  const char *message;

  create_portfolio (fixture);
  portfolio_wait_until (copy_settled, open_view_with_history (fixture));
  gtk_window_set_child (GTK_WINDOW (fixture->window), NULL);
  iwd_sandbox_stop (fixture->portfolio.sandbox);

  view = open_view_with_history (fixture);
  portfolio_wait_until (copy_settled, view);

  message = iwd_freshness_banner_get_message (iwd_portfolio_view_get_freshness_banner (view));
  g_assert_true (iwd_portfolio_data_get_offline (iwd_portfolio_view_get_contracts_data (view)));
  g_assert_true (g_str_has_prefix (message, offline_words[0]));
  g_assert_cmpstr (iwd_portfolio_view_get_contracts_page (view), ==, "copy");
  g_assert_cmpuint (count_copy_rows (view), ==, 7);
  save_screenshot (fixture, "portfolio-offline");
}

static gboolean
file_contains (const char *path,
               const char *text)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return FALSE;

  return memmem (contents, length, text, strlen (text)) != NULL;
}

/* Searches the database and its write-ahead log and shared memory. */
static gboolean
database_contains (Fixture    *fixture,
                   const char *text)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *name = g_strconcat ("history.sqlite3", suffixes[i], NULL);
      g_autofree char *path = g_build_filename (fixture->portfolio.data_dir, name, NULL);

      if (file_contains (path, text))
        return TRUE;
    }

  return FALSE;
}

static gboolean
copy_kept (gpointer data)
{
  GPtrArray *fetches = iwd_history_view_get_fetches (iwd_portfolio_view_get_history_view (data));

  return copy_settled (data) && fetches != NULL && fetches->len == 1
         && g_strcmp0 (iwd_portfolio_view_get_contracts_page (data), "copy") == 0;
}

/* The contracts that the robot delivers while the contracts tab polls
 * are kept too, and the stored copy takes over the tab. */
static void
test_collected_contracts_kept (Fixture       *fixture,
                               gconstpointer  data)
{
  IwdPortfolioView *view;

  create_portfolio (fixture);
  view = open_view_with_history (fixture);
  iwd_portfolio_view_set_poll_interval (view, POLL_INTERVAL_MS);
  portfolio_wait_until (contracts_shown, iwd_portfolio_view_get_contracts_tab (view));
  portfolio_wait_until (copy_kept, view);

  g_assert_cmpstr (iwd_portfolio_view_get_contracts_page (view), ==, "copy");
  g_assert_cmpuint (count_copy_rows (view), ==, 7);
  g_assert_cmpuint (iwd_history_view_get_fetches (iwd_portfolio_view_get_history_view (view))->len, ==, 1);
  g_assert_true (database_contains (fixture, "PTF1"));
}

static gboolean
differences_shown (gpointer data)
{
  IwdHistoryView *history = iwd_portfolio_view_get_history_view (data);
  GPtrArray *fetches = iwd_history_view_get_fetches (history);

  return copy_settled (data) && fetches != NULL && fetches->len == 2
         && g_strcmp0 (iwd_history_view_get_page (history), "loading") != 0;
}

/* The generated robot changes some contracts between two fetches. */
static void
test_history_differences (Fixture       *fixture,
                          gconstpointer  data)
{
  IwdPortfolioView *view;
  IwdHistoryView *history;

  create_portfolio (fixture);
  view = open_view_with_history (fixture);
  portfolio_wait_until (copy_settled, view);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "portfolio.refresh", NULL));
  portfolio_wait_until (differences_shown, view);

  history = iwd_portfolio_view_get_history_view (view);
  g_assert_cmpstr (iwd_history_view_get_page (history), ==, "differences");
  g_assert_cmpuint (iwd_table_get_n_rows (iwd_history_view_get_differences (history)), >, 0);

  iwd_portfolio_view_show_tab (view, "history");
  save_screenshot (fixture, "portfolio-history");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *windows = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (windows); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (windows, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
message_dialog_shown (gpointer data)
{
  return find_message_dialog () != NULL;
}

static gboolean
toast_shown (gpointer data)
{
  return iwd_portfolio_view_get_last_toast (data) != NULL;
}

static gboolean
history_page_is (IwdPortfolioView *view,
                 const char       *page)
{
  return g_strcmp0 (iwd_history_view_get_page (iwd_portfolio_view_get_history_view (view)), page) == 0;
}

static gboolean
history_single (gpointer data)
{
  return history_page_is (data, "single");
}

static gboolean
history_empty (gpointer data)
{
  return history_page_is (data, "no-fetch");
}

static gboolean
commissions_shown (gpointer data)
{
  IwdCommissionsTab *tab = iwd_portfolio_view_get_commissions_tab (data);
  IwdPortfolioData *copy = iwd_commissions_tab_get_copy (tab, "AZ1");

  return iwd_commissions_tab_get_state (tab) == IWD_COMMISSIONS_TAB_STATE_TABLE
         && copy != NULL && !iwd_portfolio_data_get_loading (copy);
}

static gboolean
contracts_page_is_live (gpointer data)
{
  return g_strcmp0 (iwd_portfolio_view_get_contracts_page (data), "live") == 0;
}

/* Forgetting leaves nothing of the portfolio in the database, in the
 * copies kept in memory, or on any tab that showed them. */
static void
test_forget_copies (Fixture       *fixture,
                    gconstpointer  data)
{
  AdwMessageDialog *dialog;
  IwdPortfolioView *view;
  IwdPortfolioData *contracts;
  IwdCommissionsTab *commissions;
  IwdHistoryView *history;

  create_portfolio (fixture);
  view = open_view_with_history (fixture);
  contracts = iwd_portfolio_view_get_contracts_data (view);
  commissions = iwd_portfolio_view_get_commissions_tab (view);
  portfolio_wait_until (copy_settled, view);
  portfolio_wait_until (history_single, view);
  iwd_commissions_tab_load (commissions, "AZ1");
  portfolio_wait_until (commissions_shown, view);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (commissions), ==, 3);
  g_assert_cmpuint (count_copy_rows (view), ==, 7);
  g_assert_true (database_contains (fixture, "PTF1"));

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (view), "portfolio.forget", NULL));
  portfolio_wait_until (message_dialog_shown, NULL);
  dialog = find_message_dialog ();
  /* The dialog's buttons close it; a response emitted by hand does not. */
  adw_message_dialog_response (dialog, "forget");
  gtk_window_destroy (GTK_WINDOW (dialog));
  portfolio_wait_until (toast_shown, view);
  portfolio_wait_until (history_empty, view);

  portfolio_wait_until (contracts_page_is_live, view);
  history = iwd_portfolio_view_get_history_view (view);

  g_assert_cmpstr (iwd_portfolio_view_get_last_toast (view), ==,
                   "The copies kept on this computer were removed.");
  g_assert_false (database_contains (fixture, "PTF1"));
  g_assert_null (iwd_portfolio_data_get_table (contracts));
  g_assert_null (iwd_portfolio_data_get_fetched_at (contracts));
  g_assert_null (iwd_freshness_banner_get_message (iwd_portfolio_view_get_freshness_banner (view)));
  g_assert_cmpuint (count_copy_rows (view), ==, 0);
  g_assert_cmpstr (iwd_history_view_get_page (history), ==, "no-fetch");
  g_assert_null (iwd_history_view_get_differences (history));
  g_assert_null (iwd_commissions_tab_get_copy (commissions, "AZ1"));
  g_assert_null (iwd_commissions_tab_get_history_view (commissions));
  g_assert_cmpint (iwd_commissions_tab_get_state (commissions), ==, IWD_COMMISSIONS_TAB_STATE_IDLE);
  g_assert_cmpuint (iwd_commissions_tab_get_n_rows (commissions), ==, 0);
  g_assert_null (iwd_freshness_banner_get_message (iwd_commissions_tab_get_freshness_banner (commissions)));
}

static void
keep_result_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

static gboolean
has_result (gpointer data)
{
  return *(GAsyncResult **) data != NULL;
}

/* Saves AZ-BAD with a password the sandbox's insurer refuses, so that
 * the robot lists a login error for it and collects nothing. */
static void
save_refused_profile (Fixture *fixture)
{
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "wrong");
  json_object_set_string_member (values, "Marche", "P");
  iwd_client_save_profile_async (fixture->portfolio.client, "ALLIANZ", "AZ-BAD", values, NULL, NULL,
                                 keep_result_cb, &result);
  portfolio_wait_until (has_result, &result);
  g_assert_true (iwd_client_save_profile_finish (fixture->portfolio.client, result, &error));
  g_assert_no_error (error);
}

static const char *
get_collecting_description (IwdContractsTab *tab)
{
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (tab));
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      for (GtkWidget *page = gtk_widget_get_first_child (child);
           page != NULL;
           page = gtk_widget_get_next_sibling (page))
        {
          if (ADW_IS_STATUS_PAGE (page) && gtk_widget_get_visible (page)
              && g_str_has_prefix (adw_status_page_get_description (ADW_STATUS_PAGE (page)) ?: "",
                                   "The robot is still collecting"))
            return adw_status_page_get_description (ADW_STATUS_PAGE (page));
        }
    }

  return NULL;
}

static gboolean
explains_refused_profile (gpointer data)
{
  const char *description = get_collecting_description (data);

  return description != NULL && strstr (description, "The robot cannot work on profile AZ-BAD: ") != NULL;
}

/* A portfolio whose only profile the insurer refuses stays collecting,
 * and the reason shows under the waiting message. */
static void
test_contracts_explain_refused_profile (Fixture       *fixture,
                                        gconstpointer  data)
{
  IwdContractsTab *tab;
  const char *description;

  save_refused_profile (fixture);
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ-BAD");
  tab = iwd_portfolio_view_get_contracts_tab (open_view (fixture));

  portfolio_wait_until (explains_refused_profile, tab);
  description = get_collecting_description (tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (tab), ==, IWD_CONTRACTS_TAB_STATE_COLLECTING);
  g_assert_true (g_str_has_prefix (description, "The robot is still collecting this portfolio’s contracts."));
  g_assert_true (g_str_has_suffix (description, "It collects nothing for this profile until its "
                                                "credentials are updated on the Profiles page."));
}

int
main (int   argc,
      char *argv[])
{
  gconstpointer collecting = GUINT_TO_POINTER (ROBOT_DELAY_MS);
  gconstpointer at_once = GUINT_TO_POINTER (0);
  const char *locale_dir = g_getenv ("IWD_PORTFOLIO_LOCALEDIR");

  /* For French screenshots: LC_ALL=C.UTF-8, LANGUAGE=fr, and this folder
   * with fr/LC_MESSAGES. */
  if (locale_dir != NULL)
    {
      setlocale (LC_ALL, "");
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add ("/ui/portfolio/view/contracts-after-delay", Fixture, collecting,
              fixture_set_up, test_contracts_after_delay, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/contracts-explain-refused-profile", Fixture, at_once,
              generated_set_up, test_contracts_explain_refused_profile, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/commissions-ready-toast", Fixture, NULL,
              fixture_set_up, test_commissions_ready_toast, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/contracts-see-added-profile", Fixture, NULL,
              fixture_set_up, test_contracts_see_added_profile, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/contracts-no-profiles", Fixture, at_once,
              fixture_set_up, test_contracts_no_profiles, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/contracts-error", Fixture, at_once,
              fixture_set_up, test_contracts_error, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/cancel-first-load", Fixture, at_once,
              fixture_set_up, test_cancel_first_load, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/cancel-keeps-table", Fixture, at_once,
              fixture_set_up, test_cancel_keeps_table, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/commissions-one-profile", Fixture, at_once,
              fixture_set_up, test_commissions_one_profile, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/commissions-all-profiles", Fixture, at_once,
              fixture_set_up, test_commissions_all_profiles, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/commissions-cancel", Fixture, at_once,
              fixture_set_up, test_commissions_cancel, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/profiles-add-remove", Fixture, at_once,
              fixture_set_up, test_profiles_add_and_remove, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/profiles-create-here", Fixture, at_once,
              fixture_set_up, test_profiles_create_here, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/finalized-while-loading", Fixture, at_once,
              fixture_set_up, test_view_finalized_while_loading, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/reopen-from-copy", Fixture, at_once,
              fixture_set_up, test_reopen_from_copy, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/offline-copy", Fixture, at_once,
              fixture_set_up, test_offline_copy, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/collected-contracts-kept", Fixture, collecting,
              fixture_set_up, test_collected_contracts_kept, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/history-differences", Fixture, at_once,
              generated_set_up, test_history_differences, fixture_tear_down);
  g_test_add ("/ui/portfolio/view/forget-copies", Fixture, at_once,
              fixture_set_up, test_forget_copies, fixture_tear_down);

  return g_test_run ();
}
