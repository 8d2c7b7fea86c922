/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sandbox's ALLIANZ schema has four fields: a login and a password
 * for all methods, a combo box "Marché" for commissions and unpaid
 * premiums, and an optional check box "Inclure les contrats clos" for
 * claims. */

#include "config.h"

#include "iwd-company-page.h"
#include "iwd-field.h"
#include "test-company-fixture.h"

static gboolean
fields_are_loaded (gpointer data)
{
  return iwd_company_page_get_fields_state (data) != IWD_COMPANY_PAGE_FIELDS_STATE_LOADING;
}

static IwdCompanyPage *
open_company (CompanyFixture *fixture,
              const char     *name,
              const char     *label)
{
  g_autoptr(IwdCompany) company = iwd_company_new (name, label);
  IwdCompanyPage *page = IWD_COMPANY_PAGE (company_test_add_to_window (iwd_company_page_new ()));

  iwd_company_page_set_logo_cache (page, fixture->logo_cache);
  iwd_company_page_set_client (page, fixture->client);
  iwd_company_page_set_company (page, company);
  g_assert_cmpint (iwd_company_page_get_fields_state (page), ==, IWD_COMPANY_PAGE_FIELDS_STATE_LOADING);
  g_assert_true (company_test_wait_until (fields_are_loaded, page));

  return page;
}

static AdwActionRow *
find_row (IwdCompanyPage *page,
          guint           index)
{
  GtkWidget *row = company_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, index);

  g_assert_nonnull (row);

  return ADW_ACTION_ROW (row);
}

static const char *
get_row_suffix (AdwActionRow *row)
{
  GtkWidget *label;
  GtkWidget *suffix = NULL;

  /* The title and subtitle labels come first, then the suffix. */
  for (guint i = 0; (label = company_test_find_widget (GTK_WIDGET (row), GTK_TYPE_LABEL, i)) != NULL; i++)
    suffix = label;

  return gtk_label_get_text (GTK_LABEL (suffix));
}

static void
test_page_fields_list (CompanyFixture *fixture,
                       gconstpointer   user_data)
{
  IwdCompanyPage *page = open_company (fixture, "ALLIANZ", "Allianz IARD");
  GListModel *fields = iwd_company_page_get_fields (page);
  AdwActionRow *row;

  g_assert_cmpint (iwd_company_page_get_fields_state (page), ==, IWD_COMPANY_PAGE_FIELDS_STATE_LIST);
  g_assert_cmpuint (g_list_model_get_n_items (fields), ==, 4);

  row = find_row (page, 1);
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "All methods");
  g_assert_cmpstr (get_row_suffix (row), ==, "Required");

  row = find_row (page, 2);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Marché");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Commissions, Unpaid premiums");
  g_assert_cmpstr (get_row_suffix (row), ==, "Required");

  row = find_row (page, 3);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "Inclure les contrats clos");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==, "Claims");
  g_assert_cmpstr (get_row_suffix (row), ==, "Optional");

  g_assert_null (company_test_find_widget (GTK_WIDGET (page), ADW_TYPE_ACTION_ROW, 4));

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
test_page_field_titles_as_sent (CompanyFixture *fixture,
                                gconstpointer   user_data)
{
  IwdCompanyPage *page = open_company (fixture, "ALLIANZ", NULL);
  GListModel *fields = iwd_company_page_get_fields (page);

  for (guint i = 0; i < g_list_model_get_n_items (fields); i++)
    {
      g_autoptr(IwdField) field = g_list_model_get_item (fields, i);
      AdwActionRow *row = find_row (page, i);
      const char *expected = iwd_field_get_description (field);

      if (expected == NULL || *expected == '\0')
        expected = iwd_field_get_nom (field);

      g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, expected);
    }

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
test_page_header (CompanyFixture *fixture,
                  gconstpointer   user_data)
{
  IwdCompanyPage *page = open_company (fixture, "NEOLIANE", "Néoliane Santé & Prévoyance");
  GtkWidget *name = company_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, 0);
  GtkWidget *label = company_test_find_widget (GTK_WIDGET (page), GTK_TYPE_LABEL, 1);

  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (name)), ==, "NEOLIANE");
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, "Néoliane Santé & Prévoyance");
  g_assert_null (iwd_help_view_get_company (iwd_company_page_get_help_view (page)));

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
test_page_help_loads_on_tab (CompanyFixture *fixture,
                             gconstpointer   user_data)
{
  IwdCompanyPage *page = open_company (fixture, "ENTORIA", NULL);
  IwdHelpView *help_view = iwd_company_page_get_help_view (page);
  GtkWidget *view_stack = company_test_find_widget (GTK_WIDGET (page), ADW_TYPE_VIEW_STACK, 0);
  g_autoptr(IwdCompany) other = iwd_company_new ("AXA", NULL);

  g_assert_cmpint (iwd_help_view_get_state (help_view), ==, IWD_HELP_VIEW_STATE_EMPTY);

  adw_view_stack_set_visible_child_name (ADW_VIEW_STACK (view_stack), "help");
  g_assert_cmpstr (iwd_help_view_get_company (help_view), ==, "ENTORIA");
  g_assert_cmpint (iwd_help_view_get_state (help_view), ==, IWD_HELP_VIEW_STATE_LOADING);

  /* Another company opens on its Fields tab, with no help page loading. */
  iwd_company_page_set_company (page, other);
  g_assert_cmpstr (adw_view_stack_get_visible_child_name (ADW_VIEW_STACK (view_stack)), ==, "fields");
  g_assert_null (iwd_help_view_get_company (help_view));
  g_assert_cmpint (iwd_help_view_get_state (help_view), ==, IWD_HELP_VIEW_STATE_EMPTY);

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
test_page_unknown_company (CompanyFixture *fixture,
                           gconstpointer   user_data)
{
  IwdCompanyPage *page = open_company (fixture, "NOSUCHCOMPANY", NULL);

  g_assert_cmpint (iwd_company_page_get_fields_state (page), ==, IWD_COMPANY_PAGE_FIELDS_STATE_ERROR);
  g_assert_cmpuint (g_list_model_get_n_items (iwd_company_page_get_fields (page)), ==, 0);

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
create_profile_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  char **company = user_data;

  g_free (*company);
  *company = g_variant_dup_string (parameter, NULL);
}

static void
test_page_create_profile (CompanyFixture *fixture,
                          gconstpointer   user_data)
{
  static const GActionEntry entries[] = {
    { "create-profile", create_profile_cb, "s" },
  };
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autofree char *company = NULL;
  IwdCompanyPage *page = open_company (fixture, "AXA", "AXA France");
  GtkWidget *button = NULL;

  g_action_map_add_action_entries (G_ACTION_MAP (group), entries, G_N_ELEMENTS (entries), &company);
  gtk_widget_insert_action_group (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))),
                                  "company", G_ACTION_GROUP (group));

  for (guint i = 0; (button = company_test_find_widget (GTK_WIDGET (page), GTK_TYPE_BUTTON, i)) != NULL; i++)
    {
      if (g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (button)), "company.create-profile") == 0)
        break;
    }

  g_assert_nonnull (button);
  g_assert_true (gtk_widget_get_sensitive (button));
  g_signal_emit_by_name (button, "clicked");

  g_assert_cmpstr (company, ==, "AXA");

  company_test_finalize_in_window (GTK_WIDGET (page));
}

static void
test_page_finalized_while_loading (CompanyFixture *fixture,
                                   gconstpointer   user_data)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("MMA", NULL);
  IwdCompanyPage *page = IWD_COMPANY_PAGE (company_test_add_to_window (iwd_company_page_new ()));

  iwd_company_page_set_client (page, fixture->client);
  iwd_company_page_set_company (page, company);
  company_test_finalize_in_window (GTK_WIDGET (page));

  /* The cancelled fetches still finish, and must find no page. */
  company_test_spin (300);
}

static void
test_methods_in_words (void)
{
  g_autofree char *none = iwd_company_page_describe_methods (IWD_ROBOT_METHODS_NONE);
  g_autofree char *all = iwd_company_page_describe_methods (IWD_ROBOT_METHODS_ALL | IWD_ROBOT_METHODS_SINISTRES);
  g_autofree char *some = iwd_company_page_describe_methods (IWD_ROBOT_METHODS_EMISSIONS | IWD_ROBOT_METHODS_MESSAGES);
  g_autofree char *every_method = iwd_company_page_describe_methods (IWD_ROBOT_METHODS_COMMISSIONS |
                                                             IWD_ROBOT_METHODS_EMISSIONS |
                                                             IWD_ROBOT_METHODS_IMPAYES |
                                                             IWD_ROBOT_METHODS_MESSAGES |
                                                             IWD_ROBOT_METHODS_SINISTRES);

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpstr (all, ==, "All methods");
  g_assert_cmpstr (some, ==, "New business, Messages");
  g_assert_cmpstr (every_method, ==, "Commissions, New business, Unpaid premiums, Messages, Claims");
}

int
main (int   argc,
      char *argv[])
{
  if (!company_test_init (&argc, &argv))
    return 0;

  g_test_add ("/company-page/fields-list", CompanyFixture, NULL,
              company_fixture_set_up, test_page_fields_list, company_fixture_tear_down);
  g_test_add ("/company-page/field-titles-as-sent", CompanyFixture, NULL,
              company_fixture_set_up, test_page_field_titles_as_sent, company_fixture_tear_down);
  g_test_add ("/company-page/header", CompanyFixture, NULL,
              company_fixture_set_up, test_page_header, company_fixture_tear_down);
  g_test_add ("/company-page/help-loads-on-tab", CompanyFixture, NULL,
              company_fixture_set_up, test_page_help_loads_on_tab, company_fixture_tear_down);
  g_test_add ("/company-page/unknown-company", CompanyFixture, NULL,
              company_fixture_set_up, test_page_unknown_company, company_fixture_tear_down);
  g_test_add ("/company-page/create-profile", CompanyFixture, NULL,
              company_fixture_set_up, test_page_create_profile, company_fixture_tear_down);
  g_test_add ("/company-page/finalized-while-loading", CompanyFixture, NULL,
              company_fixture_set_up, test_page_finalized_while_loading, company_fixture_tear_down);
  g_test_add_func ("/company-page/methods-in-words", test_methods_in_words);

  return company_test_run ();
}
