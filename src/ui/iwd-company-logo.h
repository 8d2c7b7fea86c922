/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-company.h"
#include "iwd-logo-cache.h"

G_BEGIN_DECLS

/**
 * IwdCompanyLogoState:
 * @IWD_COMPANY_LOGO_STATE_LOADING: the logo is being loaded, and the
 *   placeholder is drawn meanwhile
 * @IWD_COMPANY_LOGO_STATE_IMAGE: the company's logo is drawn
 * @IWD_COMPANY_LOGO_STATE_PLACEHOLDER: the company has no usable logo, or
 *   no company or cache is set, so the placeholder is drawn
 *
 * What a company logo widget draws.
 */
typedef enum {
  IWD_COMPANY_LOGO_STATE_LOADING,
  IWD_COMPANY_LOGO_STATE_IMAGE,
  IWD_COMPANY_LOGO_STATE_PLACEHOLDER,
} IwdCompanyLogoState;

#define IWD_TYPE_COMPANY_LOGO (iwd_company_logo_get_type ())
G_DECLARE_FINAL_TYPE (IwdCompanyLogo, iwd_company_logo, IWD, COMPANY_LOGO, GtkWidget)

GtkWidget           *iwd_company_logo_new            (void);

IwdCompany          *iwd_company_logo_get_company    (IwdCompanyLogo *self);
void                 iwd_company_logo_set_company    (IwdCompanyLogo *self,
                                                      IwdCompany     *company);

IwdLogoCache        *iwd_company_logo_get_cache      (IwdCompanyLogo *self);
void                 iwd_company_logo_set_cache      (IwdCompanyLogo *self,
                                                      IwdLogoCache   *cache);

int                  iwd_company_logo_get_pixel_size (IwdCompanyLogo *self);
void                 iwd_company_logo_set_pixel_size (IwdCompanyLogo *self,
                                                      int             pixel_size);

IwdCompanyLogoState  iwd_company_logo_get_state      (IwdCompanyLogo *self);

G_END_DECLS
