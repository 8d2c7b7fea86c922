/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-manager.h"

G_BEGIN_DECLS

#define IWD_TYPE_SIGN_IN_PAGE (iwd_sign_in_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdSignInPage, iwd_sign_in_page, IWD, SIGN_IN_PAGE, GtkWidget)

GtkWidget         *iwd_sign_in_page_new               (void);

IwdAccountManager *iwd_sign_in_page_get_manager       (IwdSignInPage      *self);
void               iwd_sign_in_page_set_manager       (IwdSignInPage      *self,
                                                       IwdAccountManager  *manager);

gboolean           iwd_sign_in_page_get_busy          (IwdSignInPage      *self);
const char        *iwd_sign_in_page_get_error_message (IwdSignInPage      *self);

void               iwd_sign_in_page_reset             (IwdSignInPage      *self);
void               iwd_sign_in_page_focus_form        (IwdSignInPage      *self);
void               iwd_sign_in_page_prefill           (IwdSignInPage      *self,
                                                       const IwdAccountId *id,
                                                       const char         *message);
void               iwd_sign_in_page_show_error        (IwdSignInPage      *self,
                                                       const char         *message);
void               iwd_sign_in_page_cancel            (IwdSignInPage      *self);

G_END_DECLS
