/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-company.h"
#include "iwd-company-logo.h"
#include "iwd-logo-cache.h"

G_BEGIN_DECLS

#define IWD_TYPE_COMPANY_CARD (iwd_company_card_get_type ())
G_DECLARE_FINAL_TYPE (IwdCompanyCard, iwd_company_card, IWD, COMPANY_CARD, GtkWidget)

GtkWidget      *iwd_company_card_new            (void);

IwdCompany     *iwd_company_card_get_company    (IwdCompanyCard *self);
void            iwd_company_card_set_company    (IwdCompanyCard *self,
                                                 IwdCompany     *company);

IwdLogoCache   *iwd_company_card_get_logo_cache (IwdCompanyCard *self);
void            iwd_company_card_set_logo_cache (IwdCompanyCard *self,
                                                 IwdLogoCache   *cache);

IwdCompanyLogo *iwd_company_card_get_logo       (IwdCompanyCard *self);

G_END_DECLS
