/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-client.h"
#include "iwd-logo-cache.h"
#include "iwd-sandbox.h"

G_BEGIN_DECLS

/* A sandbox on loopback with the demo account, a client signed in to it,
 * and a logo cache in a temporary folder. */
typedef struct {
  IwdSandbox   *sandbox;
  SoupSession  *session;
  IwdClient    *client;
  IwdLogoCache *logo_cache;
  char         *cache_dir;
} CompanyFixture;

typedef gboolean (*CompanyTestPredicate) (gpointer data);

void      company_fixture_set_up    (CompanyFixture *fixture,
                                     gconstpointer   user_data);
void      company_fixture_tear_down (CompanyFixture *fixture,
                                     gconstpointer   user_data);

gboolean  company_test_wait_until   (CompanyTestPredicate predicate,
                                     gpointer             data);
void      company_test_spin         (guint                milliseconds);
GtkWidget *company_test_find_widget (GtkWidget           *widget,
                                     GType                type,
                                     guint                index);
GtkWidget *company_test_add_to_window (GtkWidget         *widget);
void      company_test_finalize_in_window (GtkWidget     *widget);
gboolean  company_test_init         (int                 *argc,
                                     char              ***argv);
int       company_test_run          (void);

G_END_DECLS
