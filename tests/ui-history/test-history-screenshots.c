/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the history view under the freshness banner to PNG files, which
 * checks that each state draws without a warning. The files go to a
 * temporary folder that is removed, or, when IWDESK_SCREENSHOT_DIR is
 * set, to that folder for a reviewer to look at. IWDESK_LOCALEDIR and
 * LANGUAGE=fr give the French texts. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "history-fixture.h"
#include "iwd-freshness-banner.h"
#include "iwd-history-view.h"

/* Longer than the stack's transitions (200 ms by default in GTK 4.8). */
#define SETTLE_MS 600
#define WINDOW_WIDTH 1100
#define WINDOW_HEIGHT 560

typedef struct {
  HistoryFixture  base;
  char           *directory;   /* owned */
  gboolean        keep_files;
} ScreenshotFixture;

static void
screenshot_set_up (ScreenshotFixture *fixture,
                   gconstpointer      unused)
{
  const char *kept_directory = g_getenv ("IWDESK_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;

  history_fixture_set_up (&fixture->base, unused);

  fixture->keep_files = kept_directory != NULL;
  if (fixture->keep_files)
    fixture->directory = g_strdup (kept_directory);
  else
    fixture->directory = g_dir_make_tmp ("iwd-history-screenshots-XXXXXX", &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (fixture->directory, 0700), ==, 0);
}

static void
screenshot_tear_down (ScreenshotFixture *fixture,
                      gconstpointer      unused)
{
  if (!fixture->keep_files)
    g_rmdir (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);

  history_fixture_tear_down (&fixture->base, unused);
}

static gboolean
view_is_settled (gpointer user_data)
{
  return g_strcmp0 (iwd_history_view_get_page (user_data), "loading") != 0;
}

/* Shows the banner above the history view, as the portfolio view does. */
static GtkWidget *
show_page (IwdPortfolioData *data,
           IwdHistoryView  **out_view)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *banner = iwd_freshness_banner_new ();
  GtkWidget *view = iwd_history_view_new (data);

  iwd_freshness_banner_set_data (IWD_FRESHNESS_BANNER (banner), data);
  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), banner);
  gtk_box_append (GTK_BOX (box), view);
  history_fixture_add_to_window (box, WINDOW_WIDTH, WINDOW_HEIGHT);

  g_assert_true (history_fixture_wait_until (view_is_settled, view));
  *out_view = IWD_HISTORY_VIEW (view);
  return box;
}

static void
save_png (GtkWidget  *widget,
          const char *path)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  g_autoptr(GtkSnapshot) snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));

  gdk_paintable_snapshot (paintable, snapshot, gtk_widget_get_width (widget),
                          gtk_widget_get_height (widget));
  node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
  g_assert_nonnull (node);
  texture = gsk_renderer_render_texture (renderer, node, NULL);

  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
save_screenshot (ScreenshotFixture *fixture,
                 GtkWidget         *page,
                 const char        *name)
{
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name,
                                                language != NULL ? language : "C");
  g_autofree char *path = g_build_filename (fixture->directory, file_name, NULL);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (page));
  GStatBuf status;

  history_fixture_spin (SETTLE_MS);
  save_png (window, path);

  g_assert_cmpint (g_stat (path, &status), ==, 0);
  g_assert_cmpint (status.st_size, >, 0);

  if (fixture->keep_files)
    g_test_message ("saved %s", path);
  else
    g_remove (path);
}

static void
test_screenshot_differences (ScreenshotFixture *fixture,
                             gconstpointer      unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (&fixture->base,
                                                               IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;
  GtkWidget *page;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  page = show_page (data, &view);

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "differences");
  save_screenshot (fixture, page, "history-differences");
  history_fixture_finalize_in_window (page);
}

static void
test_screenshot_single_offline (ScreenshotFixture *fixture,
                                gconstpointer      unused)
{
  g_autoptr(IwdPortfolioData) first = history_fixture_new_data (&fixture->base,
                                                                IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (&fixture->base,
                                                               IWD_HISTORY_KIND_CONTRACTS);
  IwdHistoryView *view;
  GtkWidget *page;

  history_fixture_load (first, TRUE);
  history_fixture_stop_sandbox (&fixture->base);
  history_fixture_load (data, TRUE);
  page = show_page (data, &view);

  g_assert_true (iwd_portfolio_data_get_offline (data));
  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "single");
  save_screenshot (fixture, page, "history-offline");
  history_fixture_finalize_in_window (page);
}

static void
test_screenshot_commissions (ScreenshotFixture *fixture,
                             gconstpointer      unused)
{
  g_autoptr(IwdPortfolioData) data = history_fixture_new_data (&fixture->base,
                                                               IWD_HISTORY_KIND_COMMISSIONS);
  IwdHistoryView *view;
  GtkWidget *page;

  history_fixture_load (data, TRUE);
  history_fixture_load (data, TRUE);
  page = show_page (data, &view);

  g_assert_cmpstr (iwd_history_view_get_page (view), ==, "no-difference");
  save_screenshot (fixture, page, "history-commissions");
  history_fixture_finalize_in_window (page);
}

#define ADD_TEST(path, func) \
  g_test_add (path, ScreenshotFixture, NULL, screenshot_set_up, func, screenshot_tear_down)

int
main (int    argc,
      char **argv)
{
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  if (!history_fixture_init_gtk (&argc, &argv))
    return 0;

  ADD_TEST ("/ui/history-screenshot/differences", test_screenshot_differences);
  ADD_TEST ("/ui/history-screenshot/offline", test_screenshot_single_offline);
  ADD_TEST ("/ui/history-screenshot/commissions", test_screenshot_commissions);

  return g_test_run ();
}
