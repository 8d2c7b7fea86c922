/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define IWD_TYPE_COMPANY (iwd_company_get_type ())

G_DECLARE_FINAL_TYPE (IwdCompany, iwd_company, IWD, COMPANY, GObject)

IwdCompany *iwd_company_new            (const char *name,
                                        const char *label);
const char *iwd_company_get_name       (IwdCompany *self);
const char *iwd_company_get_label      (IwdCompany *self);
const char *iwd_company_get_search_key (IwdCompany *self);

G_END_DECLS
