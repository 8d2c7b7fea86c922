/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-commissions-tab.h"
#include "iwd-contracts-tab.h"
#include "iwd-freshness-banner.h"
#include "iwd-history-store.h"
#include "iwd-history-view.h"
#include "iwd-portfolio-profiles-tab.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_PORTFOLIO_VIEW (iwd_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (IwdPortfolioView, iwd_portfolio_view, IWD, PORTFOLIO_VIEW, GtkWidget)

GtkWidget               *iwd_portfolio_view_new                 (IwdClient         *client,
                                                                 IwdAccountState   *state,
                                                                 const char        *portfolio_id);
GtkWidget               *iwd_portfolio_view_new_with_history    (IwdClient         *client,
                                                                 IwdAccountState   *state,
                                                                 IwdHistoryStore   *store,
                                                                 const char        *portfolio_id);
void                     iwd_portfolio_view_set_error_formatter (IwdPortfolioView  *self,
                                                                 IwdErrorFormatter  formatter);
void                     iwd_portfolio_view_set_secret_store    (IwdPortfolioView  *self,
                                                                 IwdSecretStore    *secrets);
void                     iwd_portfolio_view_set_poll_interval   (IwdPortfolioView  *self,
                                                                 guint              milliseconds);

const char              *iwd_portfolio_view_get_portfolio_id    (IwdPortfolioView  *self);
void                     iwd_portfolio_view_show_tab            (IwdPortfolioView  *self,
                                                                 const char        *name);
IwdContractsTab         *iwd_portfolio_view_get_contracts_tab   (IwdPortfolioView  *self);
IwdCommissionsTab       *iwd_portfolio_view_get_commissions_tab (IwdPortfolioView  *self);
IwdPortfolioProfilesTab *iwd_portfolio_view_get_profiles_tab    (IwdPortfolioView  *self);
const char              *iwd_portfolio_view_get_last_toast      (IwdPortfolioView  *self);

IwdPortfolioData        *iwd_portfolio_view_get_contracts_data  (IwdPortfolioView  *self);
IwdTableView            *iwd_portfolio_view_get_copy_view       (IwdPortfolioView  *self);
IwdFreshnessBanner      *iwd_portfolio_view_get_freshness_banner (IwdPortfolioView *self);
IwdHistoryView          *iwd_portfolio_view_get_history_view    (IwdPortfolioView  *self);
const char              *iwd_portfolio_view_get_contracts_page  (IwdPortfolioView  *self);

G_END_DECLS
