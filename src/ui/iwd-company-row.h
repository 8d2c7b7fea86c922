/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-company.h"

G_BEGIN_DECLS

#define IWD_TYPE_COMPANY_ROW (iwd_company_row_get_type ())
G_DECLARE_FINAL_TYPE (IwdCompanyRow, iwd_company_row, IWD, COMPANY_ROW, GtkWidget)

GtkWidget  *iwd_company_row_new         (void);

IwdCompany *iwd_company_row_get_company (IwdCompanyRow *self);
void        iwd_company_row_set_company (IwdCompanyRow *self,
                                         IwdCompany    *company);

G_END_DECLS
