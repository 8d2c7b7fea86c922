/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Renders the gallery and a company's page, with its fields and its help
 * page, to PNG files, which checks that every state draws without a
 * warning. The files go to a temporary folder that is removed, or, when
 * IWDESK_SCREENSHOT_DIR is set, to that folder for a reviewer to look at.
 * IWDESK_LOCALEDIR and LANGUAGE=fr give the French pages. */

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "iwd-companies-page.h"
#include "iwd-screenshot.h"
#include "test-company-fixture.h"

/* Longer than the stacks' transitions (200 ms by default in GTK 4.8). For
 * WebKit to draw a small local page under Xvfb, it is an estimate. */
#define SETTLE_MS 1500

typedef struct {
  CompanyFixture    base;
  char             *directory;
  gboolean          keep_files;
  IwdCompaniesPage *page;
} ScreenshotFixture;

static gboolean
page_is_loaded (gpointer data)
{
  return iwd_companies_page_get_state (data) != IWD_COMPANIES_PAGE_STATE_LOADING;
}

static gboolean
fields_are_loaded (gpointer data)
{
  return iwd_company_page_get_fields_state (data) != IWD_COMPANY_PAGE_FIELDS_STATE_LOADING;
}

static gboolean
help_is_loaded (gpointer data)
{
  return iwd_help_view_get_state (data) != IWD_HELP_VIEW_STATE_LOADING;
}

static void
screenshot_set_up (ScreenshotFixture *fixture,
                   gconstpointer      user_data)
{
  const char *directory = g_getenv ("IWDESK_SCREENSHOT_DIR");
  g_autoptr(GError) error = NULL;

  company_fixture_set_up (&fixture->base, user_data);

  fixture->keep_files = directory != NULL;
  if (directory != NULL)
    fixture->directory = g_strdup (directory);
  else
    fixture->directory = g_dir_make_tmp ("iwdesk-screenshots-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->page = IWD_COMPANIES_PAGE (company_test_add_to_window (iwd_companies_page_new ()));
  iwd_companies_page_set_client (fixture->page, fixture->base.client);
  g_assert_true (company_test_wait_until (page_is_loaded, fixture->page));
}

static void
screenshot_tear_down (ScreenshotFixture *fixture,
                      gconstpointer      user_data)
{
  company_test_finalize_in_window (GTK_WIDGET (fixture->page));

  if (!fixture->keep_files)
    g_rmdir (fixture->directory);
  g_clear_pointer (&fixture->directory, g_free);

  company_fixture_tear_down (&fixture->base, user_data);
}

static void
save_screenshot (ScreenshotFixture *fixture,
                 const char        *name)
{
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name, g_getenv ("LANGUAGE") != NULL ? g_getenv ("LANGUAGE") : "C");
  g_autofree char *path = g_build_filename (fixture->directory, file_name, NULL);
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (fixture->page)));
  g_autoptr(GError) error = NULL;
  GStatBuf status;

  company_test_spin (SETTLE_MS);
  iwd_screenshot_save_png (window, path, &error);

  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &status), ==, 0);
  g_assert_cmpint (status.st_size, >, 0);

  if (fixture->keep_files)
    g_test_message ("saved %s", path);
  else
    g_remove (path);
}

static void
create_profile_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
}

/* The window provides company.create-profile, as the application's does,
 * so the page's button is drawn enabled. */
static void
add_create_profile_action (ScreenshotFixture *fixture)
{
  static const GActionEntry entries[] = {
    { "create-profile", create_profile_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (fixture->page)));

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), NULL);
  gtk_widget_insert_action_group (window, "company", G_ACTION_GROUP (group));
}

static IwdCompanyPage *
open_company (ScreenshotFixture *fixture,
              const char        *name)
{
  IwdCompanyPage *company_page = iwd_companies_page_get_company_page (fixture->page);

  add_create_profile_action (fixture);
  g_assert_true (iwd_companies_page_show_company (fixture->page, name));
  g_assert_true (company_test_wait_until (fields_are_loaded, company_page));

  return company_page;
}

static void
show_help_tab (IwdCompanyPage *company_page)
{
  GtkWidget *view_stack = company_test_find_widget (GTK_WIDGET (company_page), ADW_TYPE_VIEW_STACK, 0);
  IwdHelpView *help_view = iwd_company_page_get_help_view (company_page);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "help");
  g_assert_true (company_test_wait_until (help_is_loaded, help_view));
}

static void
test_screenshot_gallery (ScreenshotFixture *fixture,
                         gconstpointer      user_data)
{
  save_screenshot (fixture, "gallery");

  iwd_companies_page_set_search_text (fixture->page, "prévoyance");
  save_screenshot (fixture, "gallery-search");

  iwd_companies_page_set_search_text (fixture->page, "zzz");
  save_screenshot (fixture, "gallery-no-match");
}

static void
test_screenshot_company (ScreenshotFixture *fixture,
                         gconstpointer      user_data)
{
  IwdCompanyPage *company_page = open_company (fixture, "ALLIANZ");

  g_assert_cmpint (iwd_company_page_get_fields_state (company_page), ==, IWD_COMPANY_PAGE_FIELDS_STATE_LIST);
  save_screenshot (fixture, "company-fields");

  show_help_tab (company_page);
  g_assert_cmpint (iwd_help_view_get_state (iwd_company_page_get_help_view (company_page)), ==,
                   IWD_HELP_VIEW_STATE_PAGE);
  save_screenshot (fixture, "company-help");
}

static void
test_screenshot_no_help (ScreenshotFixture *fixture,
                         gconstpointer      user_data)
{
  IwdCompanyPage *company_page = open_company (fixture, "ENTORIA");

  show_help_tab (company_page);
  g_assert_cmpint (iwd_help_view_get_state (iwd_company_page_get_help_view (company_page)), ==,
                   IWD_HELP_VIEW_STATE_NO_PAGE);
  save_screenshot (fixture, "company-no-help");
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  /* WebKit's own sandbox cannot start in some containers. This is for
   * the tests only, never for the application. */
  g_setenv ("WEBKIT_DISABLE_SANDBOX_THIS_IS_DANGEROUS", "1", TRUE);

  if (localedir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, localedir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  if (!company_test_init (&argc, &argv))
    return 0;

  g_test_add ("/company-screenshot/gallery", ScreenshotFixture, NULL,
              screenshot_set_up, test_screenshot_gallery, screenshot_tear_down);
  g_test_add ("/company-screenshot/company", ScreenshotFixture, NULL,
              screenshot_set_up, test_screenshot_company, screenshot_tear_down);
  g_test_add ("/company-screenshot/no-help", ScreenshotFixture, NULL,
              screenshot_set_up, test_screenshot_no_help, screenshot_tear_down);

  return company_test_run ();
}
