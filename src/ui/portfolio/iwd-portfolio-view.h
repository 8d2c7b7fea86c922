/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-commissions-tab.h"
#include "iwd-contracts-tab.h"
#include "iwd-portfolio-profiles-tab.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_PORTFOLIO_VIEW (iwd_portfolio_view_get_type ())
G_DECLARE_FINAL_TYPE (IwdPortfolioView, iwd_portfolio_view, IWD, PORTFOLIO_VIEW, GtkWidget)

GtkWidget               *iwd_portfolio_view_new                 (IwdClient         *client,
                                                                 IwdAccountState   *state,
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

G_END_DECLS
