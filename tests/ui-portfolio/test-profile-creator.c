/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-profile-creator.h"
#include "iwd-secret-store.h"
#include "portfolio-fixture.h"

typedef struct {
  PortfolioFixture  portfolio;
  IwdSecretStore   *secrets;
  GtkWidget        *creator;
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  portfolio_fixture_set_up (&fixture->portfolio, NULL, 0);
  portfolio_create (&fixture->portfolio, "PTF1", "Cabinet Martin");

  /* These tests only list companies, so no secret is ever stored. */
  fixture->secrets = iwd_secret_store_new (NULL);
  fixture->creator = iwd_profile_creator_new (fixture->portfolio.client,
                                              fixture->portfolio.account_state,
                                              fixture->secrets, "PTF1");
  gtk_window_present (GTK_WINDOW (fixture->creator));
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  gtk_window_destroy (GTK_WINDOW (fixture->creator));
  g_clear_object (&fixture->secrets);
  portfolio_fixture_tear_down (&fixture->portfolio);
}

static void
collect_row_titles (GtkWidget *widget,
                    GPtrArray *titles)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (ADW_IS_ACTION_ROW (child))
        g_ptr_array_add (titles, g_strdup (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (child))));
      else
        collect_row_titles (child, titles);
    }
}

static GPtrArray *
list_row_titles (GtkWidget *creator)
{
  GPtrArray *titles = g_ptr_array_new_with_free_func (g_free);

  collect_row_titles (creator, titles);

  return titles;
}

static gboolean
has_rows (gpointer data)
{
  g_autoptr(GPtrArray) titles = list_row_titles (data);

  return titles->len > 0;
}

/* The broker looks for a company by its title, so the rows follow the
 * alphabet whatever order the API lists the companies in. */
static void
test_creator_companies_sorted (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(GPtrArray) titles = NULL;

  portfolio_wait_until (has_rows, fixture->creator);
  titles = list_row_titles (fixture->creator);

  g_assert_cmpuint (titles->len, >, 1);
  for (guint i = 1; i < titles->len; i++)
    {
      g_autofree char *previous = g_utf8_casefold (titles->pdata[i - 1], -1);
      g_autofree char *current = g_utf8_casefold (titles->pdata[i], -1);

      g_assert_cmpint (g_utf8_collate (previous, current), <=, 0);
    }
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

  g_test_add ("/ui/portfolio/creator/companies-sorted", Fixture, NULL,
              fixture_set_up, test_creator_companies_sorted, fixture_tear_down);

  return g_test_run ();
}
