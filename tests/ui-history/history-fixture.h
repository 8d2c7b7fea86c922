/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-portfolio-data.h"
#include "iwd-sandbox.h"

G_BEGIN_DECLS

#define HISTORY_FIXTURE_CONTRACTS 20
#define HISTORY_FIXTURE_COMMISSIONS 10

typedef struct {
  IwdSandbox      *sandbox;
  SoupSession     *session;
  IwdClient       *client;
  IwdHistoryStore *store;
  char            *dir;
  guint            watchdog;
} HistoryFixture;

gboolean          history_fixture_init_gtk  (int            *argc,
                                             char         ***argv);
void              history_fixture_set_up    (HistoryFixture *fixture,
                                             gconstpointer   unused);
void              history_fixture_tear_down (HistoryFixture *fixture,
                                             gconstpointer   unused);
void              history_fixture_stop_sandbox (HistoryFixture *fixture);

IwdPortfolioData *history_fixture_new_data  (HistoryFixture *fixture,
                                             IwdHistoryKind  kind);
void              history_fixture_load      (IwdPortfolioData *data,
                                             gboolean          expect_success);
gboolean          history_fixture_wait_until (gboolean       (*done) (gpointer),
                                             gpointer          data);
void              history_fixture_spin      (guint            milliseconds);
GtkWidget        *history_fixture_add_to_window (GtkWidget    *widget,
                                             int               width,
                                             int               height);
void              history_fixture_finalize_in_window (GtkWidget *widget);

G_END_DECLS
