/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-api-error.h"
#include "iwd-portfolios-page.h"
#include "portfolio-fixture.h"

typedef struct {
  PortfolioFixture   portfolio;
  GtkWidget         *window;
  IwdPortfoliosPage *page;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, NULL, 0);
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

static void
open_page (Fixture *fixture)
{
  fixture->page = IWD_PORTFOLIOS_PAGE (iwd_portfolios_page_new ());
  iwd_portfolios_page_set_account_state (fixture->page, fixture->portfolio.account_state);
  iwd_portfolios_page_set_client (fixture->page, fixture->portfolio.client);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

static gboolean
has_no_portfolio (gpointer data)
{
  return iwd_portfolios_page_get_n_portfolios (data) == 0;
}

static gboolean
shows_view (gpointer data)
{
  return g_strcmp0 (iwd_portfolios_page_get_visible_name (data), "view") == 0;
}

static void
test_list_empty (Fixture       *fixture,
                 gconstpointer  data)
{
  open_page (fixture);

  g_assert_cmpuint (iwd_portfolios_page_get_n_portfolios (fixture->page), ==, 0);
  g_assert_cmpstr (iwd_portfolios_page_get_visible_name (fixture->page), ==, "list");
}

static void
test_list_two (Fixture       *fixture,
               gconstpointer  data)
{
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_create (&fixture->portfolio, "PTF2", "Cabinet Durand");
  open_page (fixture);

  g_assert_cmpuint (iwd_portfolios_page_get_n_portfolios (fixture->page), ==, 2);
}

static void
test_create_opens_view (Fixture       *fixture,
                        gconstpointer  data)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Martin", 6);
  IwdPortfolioForm *form;
  IwdPortfolioView *view;

  open_page (fixture);
  form = iwd_portfolios_page_show_form (fixture->page);
  g_assert_cmpstr (iwd_portfolios_page_get_visible_name (fixture->page), ==, "form");

  iwd_portfolio_form_set_portfolio_id (form, "PTF1");
  iwd_portfolio_form_set_options (form, options);
  iwd_portfolio_form_submit (form);
  portfolio_wait_until (shows_view, fixture->page);

  view = iwd_portfolios_page_get_view (fixture->page);
  g_assert_cmpstr (iwd_portfolio_view_get_portfolio_id (view), ==, "PTF1");
  g_assert_nonnull (iwd_account_state_get_portfolio_options (fixture->portfolio.account_state, "PTF1"));
  g_assert_cmpstr (iwd_portfolios_page_get_last_toast (fixture->page), ==,
                   "Portfolio PTF1 was created. Add its profiles now.");

  gtk_widget_activate_action (GTK_WIDGET (view), "portfolios.back", NULL);
  g_assert_cmpstr (iwd_portfolios_page_get_visible_name (fixture->page), ==, "list");
  g_assert_cmpuint (iwd_portfolios_page_get_n_portfolios (fixture->page), ==, 1);
}

static void
test_delete_confirmed (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_auto(GStrv) portfolios = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  portfolio_save_profile (&fixture->portfolio, "ALLIANZ", "AZ1");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ1");
  open_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolios.delete", "s", "PTF1");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Delete Portfolio PTF1?");
  adw_message_dialog_response (dialog, "delete");
  portfolio_wait_until (has_no_portfolio, fixture->page);

  portfolios = iwd_account_state_list_portfolios (fixture->portfolio.account_state);
  g_assert_cmpuint (g_strv_length (portfolios), ==, 0);
  g_assert_null (iwd_account_state_get_profile (fixture->portfolio.account_state, "AZ1"));
  g_assert_cmpstr (iwd_portfolios_page_get_last_toast (fixture->page), ==,
                   "Portfolio PTF1 was deleted, with its profiles and files.");

  profiles = portfolio_list_profiles (&fixture->portfolio, "PTF1", &error);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
  g_assert_null (profiles);
}

static void
test_delete_cancelled (Fixture       *fixture,
                       gconstpointer  data)
{
  AdwMessageDialog *dialog;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  open_page (fixture);

  gtk_widget_activate_action (GTK_WIDGET (fixture->page), "portfolios.delete", "s", "PTF1");
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "cancel");
  portfolio_spin (200);

  g_assert_cmpuint (iwd_portfolios_page_get_n_portfolios (fixture->page), ==, 1);
  g_assert_nonnull (iwd_account_state_get_portfolio_options (fixture->portfolio.account_state, "PTF1"));
  profiles = portfolio_list_profiles (&fixture->portfolio, "PTF1", &error);
  g_assert_no_error (error);
}

static void
test_page_finalized (Fixture       *fixture,
                     gconstpointer  data)
{
  GtkWidget *page = g_object_ref_sink (iwd_portfolios_page_new ());

  iwd_portfolios_page_set_account_state (IWD_PORTFOLIOS_PAGE (page), fixture->portfolio.account_state);
  iwd_portfolios_page_set_client (IWD_PORTFOLIOS_PAGE (page), fixture->portfolio.client);
  iwd_portfolios_page_show_form (IWD_PORTFOLIOS_PAGE (page));

  g_assert_finalize_object (page);
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

  g_test_add ("/ui/portfolio/page/list-empty", Fixture, NULL,
              fixture_set_up, test_list_empty, fixture_tear_down);
  g_test_add ("/ui/portfolio/page/list-two", Fixture, NULL,
              fixture_set_up, test_list_two, fixture_tear_down);
  g_test_add ("/ui/portfolio/page/create-opens-view", Fixture, NULL,
              fixture_set_up, test_create_opens_view, fixture_tear_down);
  g_test_add ("/ui/portfolio/page/delete-confirmed", Fixture, NULL,
              fixture_set_up, test_delete_confirmed, fixture_tear_down);
  g_test_add ("/ui/portfolio/page/delete-cancelled", Fixture, NULL,
              fixture_set_up, test_delete_cancelled, fixture_tear_down);
  g_test_add ("/ui/portfolio/page/finalized", Fixture, NULL,
              fixture_set_up, test_page_finalized, fixture_tear_down);

  return g_test_run ();
}
