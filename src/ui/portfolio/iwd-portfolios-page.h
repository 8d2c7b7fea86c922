/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-portfolio-form.h"
#include "iwd-portfolio-view.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_PORTFOLIOS_PAGE (iwd_portfolios_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdPortfoliosPage, iwd_portfolios_page, IWD, PORTFOLIOS_PAGE, GtkWidget)

GtkWidget        *iwd_portfolios_page_new                 (void);
void              iwd_portfolios_page_set_client          (IwdPortfoliosPage *self,
                                                           IwdClient         *client);
void              iwd_portfolios_page_set_account_state   (IwdPortfoliosPage *self,
                                                           IwdAccountState   *state);
void              iwd_portfolios_page_set_secret_store    (IwdPortfoliosPage *self,
                                                           IwdSecretStore    *secrets);
void              iwd_portfolios_page_set_error_formatter (IwdPortfoliosPage *self,
                                                           IwdErrorFormatter  formatter);
void              iwd_portfolios_page_set_poll_interval   (IwdPortfoliosPage *self,
                                                           guint              milliseconds);

void              iwd_portfolios_page_refresh             (IwdPortfoliosPage *self);
IwdPortfolioForm *iwd_portfolios_page_show_form           (IwdPortfoliosPage *self);
IwdPortfolioView *iwd_portfolios_page_open_portfolio      (IwdPortfoliosPage *self,
                                                           const char        *portfolio_id);
void              iwd_portfolios_page_show_list           (IwdPortfoliosPage *self);
void              iwd_portfolios_page_delete_portfolio    (IwdPortfoliosPage *self,
                                                           const char        *portfolio_id);

const char       *iwd_portfolios_page_get_visible_name    (IwdPortfoliosPage *self);
guint             iwd_portfolios_page_get_n_portfolios    (IwdPortfoliosPage *self);
IwdPortfolioView *iwd_portfolios_page_get_view            (IwdPortfoliosPage *self);
const char       *iwd_portfolios_page_get_last_toast      (IwdPortfoliosPage *self);

G_END_DECLS
