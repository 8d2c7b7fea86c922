/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "iwd-company-card.h"

static GtkLabel *
find_label (GtkWidget *card,
            guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (card);
  guint labels = 0;

  /* The card's children come in template order: the logo, the name,
   * then the label. */
  for (; child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_LABEL (child) && labels++ == index)
        break;
    }

  g_assert_true (GTK_IS_LABEL (child));

  return GTK_LABEL (child);
}

static void
test_card_name_and_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("CARDIF", "Crédit Prévoyance");
  GtkWidget *card = g_object_ref_sink (iwd_company_card_new ());

  iwd_company_card_set_company (IWD_COMPANY_CARD (card), company);

  g_assert_cmpstr (gtk_label_get_text (find_label (card, 0)), ==, "CARDIF");
  g_assert_cmpstr (gtk_label_get_text (find_label (card, 1)), ==, "Crédit Prévoyance");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (card, 1))));

  g_assert_finalize_object (card);
}

static void
test_card_without_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("harmonie", NULL);
  GtkWidget *card = g_object_ref_sink (iwd_company_card_new ());

  iwd_company_card_set_company (IWD_COMPANY_CARD (card), company);

  g_assert_cmpstr (gtk_label_get_text (find_label (card, 0)), ==, "harmonie");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (card, 1))));

  g_assert_finalize_object (card);
}

static void
test_card_logo_follows_company (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("UTWIN", NULL);
  GtkWidget *card = g_object_ref_sink (iwd_company_card_new ());
  IwdCompanyLogo *logo = iwd_company_card_get_logo (IWD_COMPANY_CARD (card));

  iwd_company_card_set_company (IWD_COMPANY_CARD (card), company);
  g_assert_true (iwd_company_logo_get_company (logo) == company);

  /* Without a cache nothing loads, and the placeholder is drawn. */
  g_assert_cmpint (iwd_company_logo_get_state (logo), ==, IWD_COMPANY_LOGO_STATE_PLACEHOLDER);

  iwd_company_card_set_company (IWD_COMPANY_CARD (card), NULL);
  g_assert_null (iwd_company_logo_get_company (logo));

  g_assert_finalize_object (card);
}

static void
test_card_company_released (void)
{
  IwdCompany *company = iwd_company_new ("UTWIN", "Emprunteur");
  GtkWidget *card = g_object_ref_sink (iwd_company_card_new ());

  iwd_company_card_set_company (IWD_COMPANY_CARD (card), company);
  g_assert_finalize_object (card);

  g_assert_finalize_object (company);
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

  g_test_add_func ("/company-card/name-and-label", test_card_name_and_label);
  g_test_add_func ("/company-card/without-label", test_card_without_label);
  g_test_add_func ("/company-card/logo-follows-company", test_card_logo_follows_company);
  g_test_add_func ("/company-card/company-released", test_card_company_released);

  return g_test_run ();
}
