/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "iwd-portfolios-page.h"
#include "portfolio-fixture.h"

/* Saves the portfolio pages as PNG files into the folder named by
 * IWD_PORTFOLIO_SCREENSHOT_DIR, for a person to look at. The files are
 * named after LANGUAGE: for French, run with LC_ALL=C.UTF-8, LANGUAGE=fr
 * and IWD_PORTFOLIO_LOCALEDIR set to a folder with fr/LC_MESSAGES. */

typedef struct {
  PortfolioFixture  portfolio;
  GtkWidget        *window;
  IwdPortfoliosPage *page;
} Fixture;

static void
after_paint_cb (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

static gboolean
is_true (gpointer data)
{
  return *(gboolean *) data;
}

static void
wait_for_paint (GtkWidget *window)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);

  gtk_widget_queue_draw (window);
  portfolio_wait_until (is_true, &painted);
  g_signal_handler_disconnect (clock, handler);
}

/* Renders the window with its own renderer, so the file shows what the
 * display would. */
static void
save_png (GtkWidget  *window,
          const char *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name,
                                                language != NULL && *language != '\0' ? language : "en");
  g_autofree char *path = g_build_filename (g_getenv ("IWD_PORTFOLIO_SCREENSHOT_DIR"), file_name, NULL);
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;

  /* Under Xvfb, the first frames are slow and the stacks' crossfades
   * took over 400 ms to end, so the wait is generous. */
  portfolio_spin (1500);
  wait_for_paint (window);

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
  g_test_message ("saved %s", path);
}

/* With a history store, the view shows the stored copy's grid, and the
 * contracts tab only when no copy has rows. */
static gboolean
contracts_shown (gpointer data)
{
  IwdPortfolioView *view = data;

  return g_strcmp0 (iwd_portfolio_view_get_contracts_page (view), "copy") == 0
         || iwd_contracts_tab_get_state (iwd_portfolio_view_get_contracts_tab (view)) == IWD_CONTRACTS_TAB_STATE_TABLE;
}

static gboolean
contracts_collecting (gpointer data)
{
  return iwd_contracts_tab_get_state (data) == IWD_CONTRACTS_TAB_STATE_COLLECTING;
}

static gboolean
commissions_collecting (gpointer data)
{
  return iwd_commissions_tab_get_state (data) == IWD_COMMISSIONS_TAB_STATE_COLLECTING;
}

static gboolean
commissions_shown (gpointer data)
{
  return iwd_commissions_tab_get_state (data) == IWD_COMMISSIONS_TAB_STATE_TABLE;
}

static gboolean
profiles_shown (gpointer data)
{
  return iwd_portfolio_profiles_tab_get_state (data) == IWD_PORTFOLIO_PROFILES_TAB_STATE_LIST;
}

static void
fill_account (Fixture *fixture)
{
  portfolio_save_profile (&fixture->portfolio, "ALLIANZ", "AZ-PARIS");
  portfolio_save_profile (&fixture->portfolio, "AXA", "AX-LYON");
  portfolio_save_profile (&fixture->portfolio, "AXA", "AX-NICE");
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");
  portfolio_create (&fixture->portfolio, "PTF2", "Boulangerie Durand");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "ALLIANZ", "AZ-PARIS");
  portfolio_add_profile (&fixture->portfolio, "PTF1", "AXA", "AX-LYON");
}

static void
open_page (Fixture *fixture)
{
  fixture->window = portfolio_show_in_window (NULL);
  gtk_window_set_default_size (GTK_WINDOW (fixture->window), 1100, 700);
  portfolio_spin (100);

  fixture->page = IWD_PORTFOLIOS_PAGE (iwd_portfolios_page_new ());
  iwd_portfolios_page_set_account_state (fixture->page, fixture->portfolio.account_state);
  iwd_portfolios_page_set_client (fixture->page, fixture->portfolio.client);
  gtk_window_set_child (GTK_WINDOW (fixture->window), GTK_WIDGET (fixture->page));
}

static void
save_list_and_form (Fixture *fixture)
{
  IwdPortfolioForm *form;

  save_png (fixture->window, "portfolio-list");

  form = iwd_portfolios_page_show_form (fixture->page);
  iwd_portfolio_form_set_portfolio_id (form, "PORTFOLIO-16-CHR");
  iwd_portfolio_form_submit (form);
  save_png (fixture->window, "portfolio-form");
}

static void
save_tabs (Fixture *fixture)
{
  IwdPortfolioView *view = iwd_portfolios_page_open_portfolio (fixture->page, "PTF1");

  portfolio_wait_until (contracts_shown, view);
  save_png (fixture->window, "portfolio-contracts");

  iwd_portfolio_view_show_tab (view, "commissions");
  iwd_commissions_tab_load (iwd_portfolio_view_get_commissions_tab (view), NULL);
  portfolio_wait_until (commissions_shown, iwd_portfolio_view_get_commissions_tab (view));
  save_png (fixture->window, "portfolio-commissions");

  iwd_portfolio_view_show_tab (view, "profiles");
  portfolio_wait_until (profiles_shown, iwd_portfolio_view_get_profiles_tab (view));
  save_png (fixture->window, "portfolio-profiles");
}

static void
test_screenshots (void)
{
  Fixture fixture = { 0 };

  if (g_getenv ("IWD_PORTFOLIO_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set IWD_PORTFOLIO_SCREENSHOT_DIR to a folder to save the screenshots");
      return;
    }

  portfolio_fixture_set_up (&fixture.portfolio, TEST_DATA_DIR "/ui-portfolio/screenshots", 0);
  fill_account (&fixture);
  open_page (&fixture);

  save_list_and_form (&fixture);
  save_tabs (&fixture);

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  portfolio_fixture_tear_down (&fixture.portfolio);
}

/* Saves the contracts and commissions tabs while the robot is still
 * collecting. */
static void
test_screenshot_collecting (void)
{
  Fixture fixture = { 0 };
  IwdPortfolioView *view;

  if (g_getenv ("IWD_PORTFOLIO_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set IWD_PORTFOLIO_SCREENSHOT_DIR to a folder to save the screenshots");
      return;
    }

  portfolio_fixture_set_up (&fixture.portfolio, NULL, 60 * 1000);
  fill_account (&fixture);
  open_page (&fixture);

  view = iwd_portfolios_page_open_portfolio (fixture.page, "PTF1");
  portfolio_wait_until (contracts_collecting, iwd_portfolio_view_get_contracts_tab (view));
  save_png (fixture.window, "portfolio-collecting");

  iwd_portfolio_view_show_tab (view, "commissions");
  iwd_commissions_tab_load (iwd_portfolio_view_get_commissions_tab (view), NULL);
  portfolio_wait_until (commissions_collecting, iwd_portfolio_view_get_commissions_tab (view));
  save_png (fixture.window, "portfolio-commissions-collecting");

  gtk_window_destroy (GTK_WINDOW (fixture.window));
  portfolio_fixture_tear_down (&fixture.portfolio);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("IWD_PORTFOLIO_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (locale_dir != NULL)
    {
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

  g_test_add_func ("/ui/portfolio/screenshots", test_screenshots);
  g_test_add_func ("/ui/portfolio/screenshots/collecting", test_screenshot_collecting);

  return g_test_run ();
}
