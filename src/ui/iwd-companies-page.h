/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-client.h"
#include "iwd-company.h"
#include "iwd-company-page.h"
#include "iwd-logo-cache.h"

G_BEGIN_DECLS

/**
 * IwdCompaniesPageState:
 * @IWD_COMPANIES_PAGE_STATE_LOADING: the list is being fetched, or no
 *   client is set yet
 * @IWD_COMPANIES_PAGE_STATE_LIST: the companies are shown
 * @IWD_COMPANIES_PAGE_STATE_EMPTY: the server sent a list with no company
 * @IWD_COMPANIES_PAGE_STATE_ERROR: the last load failed; the page shows
 *   why and a Retry button
 * @IWD_COMPANIES_PAGE_STATE_NO_MATCH: companies were loaded, but none
 *   matches the search text
 *
 * What the companies page shows.
 */
typedef enum {
  IWD_COMPANIES_PAGE_STATE_LOADING,
  IWD_COMPANIES_PAGE_STATE_LIST,
  IWD_COMPANIES_PAGE_STATE_EMPTY,
  IWD_COMPANIES_PAGE_STATE_ERROR,
  IWD_COMPANIES_PAGE_STATE_NO_MATCH,
} IwdCompaniesPageState;

#define IWD_TYPE_COMPANIES_PAGE (iwd_companies_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdCompaniesPage, iwd_companies_page, IWD, COMPANIES_PAGE, GtkWidget)

GtkWidget             *iwd_companies_page_new        (void);

IwdClient             *iwd_companies_page_get_client (IwdCompaniesPage *self);
void                   iwd_companies_page_set_client (IwdCompaniesPage *self,
                                                      IwdClient        *client);

IwdCompaniesPageState  iwd_companies_page_get_state  (IwdCompaniesPage *self);
GListModel            *iwd_companies_page_get_model  (IwdCompaniesPage *self);
const char            *iwd_companies_page_get_error_message (IwdCompaniesPage *self);

void                   iwd_companies_page_reload     (IwdCompaniesPage *self);

IwdLogoCache          *iwd_companies_page_get_logo_cache   (IwdCompaniesPage *self);

const char            *iwd_companies_page_get_search_text  (IwdCompaniesPage *self);
void                   iwd_companies_page_set_search_text  (IwdCompaniesPage *self,
                                                            const char       *text);

gboolean               iwd_companies_page_show_company     (IwdCompaniesPage *self,
                                                            const char       *name);
void                   iwd_companies_page_show_gallery     (IwdCompaniesPage *self);
IwdCompanyPage        *iwd_companies_page_get_company_page (IwdCompaniesPage *self);

G_END_DECLS
