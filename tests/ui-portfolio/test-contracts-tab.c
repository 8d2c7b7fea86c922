/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-contracts-tab.h"
#include "portfolio-fixture.h"

/* The contracts tab alone in a stack with another page, as in the
 * portfolio view, so that switching pages maps the tab again. */
typedef struct {
  PortfolioFixture  portfolio;
  GtkWidget        *window;
  GtkStack         *stack;
  IwdContractsTab  *tab;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, TEST_DATA_DIR "/ui-portfolio/commissions", 0);
  portfolio_save_profile (&fixture->portfolio, "ALLIANZ", "AZ1");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");

  fixture->tab = IWD_CONTRACTS_TAB (iwd_contracts_tab_new (fixture->portfolio.client,
                                                           fixture->portfolio.account_state,
                                                           "PTF1"));
  fixture->stack = GTK_STACK (gtk_stack_new ());
  gtk_stack_add_named (fixture->stack, GTK_WIDGET (fixture->tab), "contracts");
  gtk_stack_add_named (fixture->stack, gtk_label_new ("Profiles"), "profiles");

  fixture->window = portfolio_show_in_window (GTK_WIDGET (fixture->stack));
  portfolio_spin (100);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->window));
  portfolio_fixture_tear_down (&fixture->portfolio);
}

static gboolean
contracts_loaded (gpointer data)
{
  IwdContractsTabState state = iwd_contracts_tab_get_state (data);

  return state != IWD_CONTRACTS_TAB_STATE_IDLE && state != IWD_CONTRACTS_TAB_STATE_LOADING;
}

static guint
count_contracts (IwdContractsTab *tab)
{
  IwdTableModel *model = iwd_table_view_get_model (iwd_contracts_tab_get_table_view (tab));

  return iwd_table_get_n_rows (iwd_table_model_get_table (model));
}

/* The broker adds a profile in another tab, then comes back to the
 * contracts, which showed "no profiles" until then. */
static void
test_contracts_tab_profile_added (Fixture       *fixture,
                                  gconstpointer  data)
{
  iwd_contracts_tab_reload (fixture->tab);
  portfolio_wait_until (contracts_loaded, fixture->tab);
  g_assert_cmpint (iwd_contracts_tab_get_state (fixture->tab), ==,
                   IWD_CONTRACTS_TAB_STATE_NO_PROFILES);

  gtk_stack_set_visible_child_name (fixture->stack, "profiles");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ1");
  gtk_stack_set_visible_child_name (fixture->stack, "contracts");
  portfolio_wait_until (contracts_loaded, fixture->tab);

  g_assert_cmpint (iwd_contracts_tab_get_state (fixture->tab), ==, IWD_CONTRACTS_TAB_STATE_TABLE);
  g_assert_cmpuint (count_contracts (fixture->tab), ==, 7);
}

/* Coming back with still no profile fetches nothing. */
static void
test_contracts_tab_still_no_profiles (Fixture       *fixture,
                                      gconstpointer  data)
{
  iwd_contracts_tab_reload (fixture->tab);
  portfolio_wait_until (contracts_loaded, fixture->tab);

  gtk_stack_set_visible_child_name (fixture->stack, "profiles");
  gtk_stack_set_visible_child_name (fixture->stack, "contracts");

  g_assert_cmpint (iwd_contracts_tab_get_state (fixture->tab), ==,
                   IWD_CONTRACTS_TAB_STATE_NO_PROFILES);
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

  g_test_add ("/ui/portfolio/contracts-tab/profile-added", Fixture, NULL,
              fixture_set_up, test_contracts_tab_profile_added, fixture_tear_down);
  g_test_add ("/ui/portfolio/contracts-tab/still-no-profiles", Fixture, NULL,
              fixture_set_up, test_contracts_tab_still_no_profiles, fixture_tear_down);

  return g_test_run ();
}
