/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-sandbox.h"

G_BEGIN_DECLS

#define PORTFOLIO_LOGIN "broker"
#define PORTFOLIO_PASSWORD "s3cret"

/* A sandbox on a free loopback port with one account, a client signed in
 * to it, and the account's state in a fresh temporary folder. */
typedef struct {
  IwdSandbox      *sandbox;
  SoupSession     *session;
  IwdClient       *client;
  char            *base_url;
  char            *data_dir;
  IwdAccountState *account_state;
} PortfolioFixture;

void       portfolio_fixture_set_up      (PortfolioFixture *fixture,
                                          const char       *fixtures_dir,
                                          guint             robot_delay_ms);
void       portfolio_fixture_tear_down   (PortfolioFixture *fixture);

void       portfolio_save_profile        (PortfolioFixture *fixture,
                                          const char       *company,
                                          const char       *profile_id);
void       portfolio_create              (PortfolioFixture *fixture,
                                          const char       *portfolio_id,
                                          const char       *label);
void       portfolio_add_profile         (PortfolioFixture *fixture,
                                          const char       *portfolio_id,
                                          const char       *company,
                                          const char       *profile_id);
GPtrArray *portfolio_list_profiles       (PortfolioFixture *fixture,
                                          const char       *portfolio_id,
                                          GError          **error);

GtkWidget *portfolio_show_in_window      (GtkWidget        *child);
void       portfolio_wait_until          (gboolean        (*done) (gpointer data),
                                          gpointer          data);
void       portfolio_spin                (guint             milliseconds);

G_END_DECLS
