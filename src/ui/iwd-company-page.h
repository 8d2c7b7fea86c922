/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-client.h"
#include "iwd-company.h"
#include "iwd-field.h"
#include "iwd-help-view.h"
#include "iwd-logo-cache.h"

G_BEGIN_DECLS

/**
 * IwdCompanyPageFieldsState:
 * @IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY: no company or no client is set
 * @IWD_COMPANY_PAGE_FIELDS_STATE_LOADING: the credential schema is being
 *   fetched
 * @IWD_COMPANY_PAGE_FIELDS_STATE_LIST: the fields are shown
 * @IWD_COMPANY_PAGE_FIELDS_STATE_ERROR: the fetch failed. The page shows
 *   why and a Retry button
 *
 * What the company page shows of the company's credential fields.
 */
typedef enum {
  IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY,
  IWD_COMPANY_PAGE_FIELDS_STATE_LOADING,
  IWD_COMPANY_PAGE_FIELDS_STATE_LIST,
  IWD_COMPANY_PAGE_FIELDS_STATE_ERROR,
} IwdCompanyPageFieldsState;

#define IWD_TYPE_COMPANY_PAGE (iwd_company_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdCompanyPage, iwd_company_page, IWD, COMPANY_PAGE, GtkWidget)

GtkWidget                 *iwd_company_page_new              (void);

IwdClient                 *iwd_company_page_get_client       (IwdCompanyPage *self);
void                       iwd_company_page_set_client       (IwdCompanyPage *self,
                                                              IwdClient      *client);
IwdLogoCache              *iwd_company_page_get_logo_cache   (IwdCompanyPage *self);
void                       iwd_company_page_set_logo_cache   (IwdCompanyPage *self,
                                                              IwdLogoCache   *cache);
IwdCompany                *iwd_company_page_get_company      (IwdCompanyPage *self);
void                       iwd_company_page_set_company      (IwdCompanyPage *self,
                                                              IwdCompany     *company);

IwdCompanyPageFieldsState  iwd_company_page_get_fields_state (IwdCompanyPage *self);
GListModel                *iwd_company_page_get_fields       (IwdCompanyPage *self);
IwdHelpView               *iwd_company_page_get_help_view    (IwdCompanyPage *self);
void                       iwd_company_page_reload_fields    (IwdCompanyPage *self);

char                      *iwd_company_page_describe_methods (IwdRobotMethods  methods);

G_END_DECLS
