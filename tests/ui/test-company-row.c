/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "iwd-company-row.h"

static GtkLabel *
find_label (GtkWidget *row,
            guint      index)
{
  GtkWidget *child = gtk_widget_get_first_child (row);

  /* The row's labels come in template order: the name, then the label. */
  for (guint i = 0; i < index && child != NULL; i++)
    child = gtk_widget_get_next_sibling (child);

  g_assert_true (GTK_IS_LABEL (child));

  return GTK_LABEL (child);
}

static void
test_row_name_and_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("CARDIF", "Crédit Prévoyance");
  GtkWidget *row = g_object_ref_sink (iwd_company_row_new ());

  iwd_company_row_set_company (IWD_COMPANY_ROW (row), company);

  g_assert_cmpstr (gtk_label_get_text (find_label (row, 0)), ==, "CARDIF");
  g_assert_cmpstr (gtk_label_get_text (find_label (row, 1)), ==, "Crédit Prévoyance");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (find_label (row, 1))));

  g_assert_finalize_object (row);
}

static void
test_row_without_label (void)
{
  g_autoptr(IwdCompany) company = iwd_company_new ("harmonie", NULL);
  GtkWidget *row = g_object_ref_sink (iwd_company_row_new ());

  iwd_company_row_set_company (IWD_COMPANY_ROW (row), company);

  g_assert_cmpstr (gtk_label_get_text (find_label (row, 0)), ==, "harmonie");
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (find_label (row, 1))));

  g_assert_finalize_object (row);
}

static void
test_row_company_released (void)
{
  IwdCompany *company = iwd_company_new ("UTWIN", "Emprunteur");
  GtkWidget *row = g_object_ref_sink (iwd_company_row_new ());

  iwd_company_row_set_company (IWD_COMPANY_ROW (row), company);
  g_assert_finalize_object (row);

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

  g_test_add_func ("/company-row/name-and-label", test_row_name_and_label);
  g_test_add_func ("/company-row/without-label", test_row_without_label);
  g_test_add_func ("/company-row/company-released", test_row_company_released);

  return g_test_run ();
}
