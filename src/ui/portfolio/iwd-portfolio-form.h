/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-profile-editor.h"

G_BEGIN_DECLS

/* How far back a new portfolio's robot looks, in months, until the
 * broker chooses. */
#define IWD_PORTFOLIO_FORM_DEFAULT_MONTHS 12

#define IWD_TYPE_PORTFOLIO_FORM (iwd_portfolio_form_get_type ())
G_DECLARE_FINAL_TYPE (IwdPortfolioForm, iwd_portfolio_form, IWD, PORTFOLIO_FORM, GtkWidget)

GtkWidget           *iwd_portfolio_form_new               (IwdClient           *client,
                                                           IwdAccountState     *state);
void                 iwd_portfolio_form_set_error_formatter (IwdPortfolioForm  *self,
                                                           IwdErrorFormatter    formatter);

void                 iwd_portfolio_form_set_portfolio_id  (IwdPortfolioForm    *self,
                                                           const char          *portfolio_id);
const char          *iwd_portfolio_form_get_portfolio_id  (IwdPortfolioForm    *self);
void                 iwd_portfolio_form_set_options       (IwdPortfolioForm    *self,
                                                           const IwdPortfolioOptions *options);
IwdPortfolioOptions *iwd_portfolio_form_dup_options       (IwdPortfolioForm    *self);
void                 iwd_portfolio_form_clear             (IwdPortfolioForm    *self);

void                 iwd_portfolio_form_submit            (IwdPortfolioForm    *self);
gboolean             iwd_portfolio_form_get_busy          (IwdPortfolioForm    *self);
const char          *iwd_portfolio_form_get_id_problem    (IwdPortfolioForm    *self);
const char          *iwd_portfolio_form_get_label_problem (IwdPortfolioForm    *self);
const char          *iwd_portfolio_form_get_error_message (IwdPortfolioForm    *self);

G_END_DECLS
