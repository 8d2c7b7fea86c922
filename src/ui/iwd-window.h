/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-account-manager.h"
#include "iwd-client.h"
#include "iwd-companies-page.h"
#include "iwd-error-monitor.h"
#include "iwd-errors-page.h"
#include "iwd-portfolios-page.h"
#include "iwd-profiles-page.h"
#include "iwd-sign-in-page.h"

G_BEGIN_DECLS

#define IWD_TYPE_WINDOW (iwd_window_get_type ())
G_DECLARE_FINAL_TYPE (IwdWindow, iwd_window, IWD, WINDOW, AdwApplicationWindow)

IwdWindow         *iwd_window_new                (GtkApplication     *application,
                                                  IwdAccountManager  *manager);

IwdAccountManager *iwd_window_get_manager        (IwdWindow          *self);
IwdAccount        *iwd_window_get_account        (IwdWindow          *self);
IwdClient         *iwd_window_get_client         (IwdWindow          *self);
IwdAccountState   *iwd_window_get_account_state  (IwdWindow          *self);
const char        *iwd_window_get_page           (IwdWindow          *self);
IwdCompaniesPage  *iwd_window_get_companies_page (IwdWindow          *self);
IwdSignInPage     *iwd_window_get_sign_in_page   (IwdWindow          *self);
IwdPortfoliosPage *iwd_window_get_portfolios_page (IwdWindow         *self);
IwdProfilesPage   *iwd_window_get_profiles_page  (IwdWindow          *self);
IwdErrorsPage     *iwd_window_get_errors_page    (IwdWindow          *self);
const char        *iwd_window_get_tab            (IwdWindow          *self);
IwdErrorMonitor   *iwd_window_get_error_monitor  (IwdWindow          *self);
GtkWindow         *iwd_window_get_editor_window  (IwdWindow          *self);

void               iwd_window_set_account        (IwdWindow          *self,
                                                  IwdAccount         *account);
void               iwd_window_sign_in_last       (IwdWindow          *self);
void               iwd_window_switch_account     (IwdWindow          *self,
                                                  const IwdAccountId *id);

void               iwd_window_add_toast          (IwdWindow          *self,
                                                  AdwToast           *toast);

void               iwd_window_open_local_file    (IwdWindow          *self,
                                                  GFile              *file);

G_END_DECLS
