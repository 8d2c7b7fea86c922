/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-profile-editor.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

/**
 * IwdPortfolioProfilesTabState:
 * @IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING: the lists are being fetched
 * @IWD_PORTFOLIO_PROFILES_TAB_STATE_LIST: the portfolio's profiles are shown
 * @IWD_PORTFOLIO_PROFILES_TAB_STATE_EMPTY: the portfolio has no profile
 * @IWD_PORTFOLIO_PROFILES_TAB_STATE_ERROR: the last load failed
 *
 * What the profiles tab of a portfolio shows.
 */
typedef enum {
  IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING,
  IWD_PORTFOLIO_PROFILES_TAB_STATE_LIST,
  IWD_PORTFOLIO_PROFILES_TAB_STATE_EMPTY,
  IWD_PORTFOLIO_PROFILES_TAB_STATE_ERROR,
} IwdPortfolioProfilesTabState;

#define IWD_TYPE_PORTFOLIO_PROFILES_TAB (iwd_portfolio_profiles_tab_get_type ())
G_DECLARE_FINAL_TYPE (IwdPortfolioProfilesTab, iwd_portfolio_profiles_tab, IWD, PORTFOLIO_PROFILES_TAB, GtkWidget)

GtkWidget                    *iwd_portfolio_profiles_tab_new                 (IwdClient               *client,
                                                                              IwdAccountState         *state,
                                                                              const char              *portfolio_id);
void                          iwd_portfolio_profiles_tab_set_error_formatter (IwdPortfolioProfilesTab *self,
                                                                              IwdErrorFormatter        formatter);
void                          iwd_portfolio_profiles_tab_set_secret_store    (IwdPortfolioProfilesTab *self,
                                                                              IwdSecretStore          *secrets);

void                          iwd_portfolio_profiles_tab_reload              (IwdPortfolioProfilesTab *self);
void                          iwd_portfolio_profiles_tab_add_profile         (IwdPortfolioProfilesTab *self,
                                                                              const char              *profile_id);
void                          iwd_portfolio_profiles_tab_remove_profile      (IwdPortfolioProfilesTab *self,
                                                                              const char              *profile_id);
GtkWidget                    *iwd_portfolio_profiles_tab_open_creator        (IwdPortfolioProfilesTab *self);

IwdPortfolioProfilesTabState  iwd_portfolio_profiles_tab_get_state           (IwdPortfolioProfilesTab *self);
const char * const           *iwd_portfolio_profiles_tab_get_profile_ids     (IwdPortfolioProfilesTab *self);
const char * const           *iwd_portfolio_profiles_tab_get_available_ids   (IwdPortfolioProfilesTab *self);
const char                   *iwd_portfolio_profiles_tab_get_error_message   (IwdPortfolioProfilesTab *self);

G_END_DECLS
