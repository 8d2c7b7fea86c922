/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-client.h"
#include "iwd-companies-page.h"

G_BEGIN_DECLS

#define IWD_TYPE_WINDOW (iwd_window_get_type ())
G_DECLARE_FINAL_TYPE (IwdWindow, iwd_window, IWD, WINDOW, AdwApplicationWindow)

IwdWindow        *iwd_window_new                (GtkApplication *application,
                                                 IwdClient      *client);

IwdClient        *iwd_window_get_client         (IwdWindow      *self);
IwdCompaniesPage *iwd_window_get_companies_page (IwdWindow      *self);

void              iwd_window_add_toast          (IwdWindow      *self,
                                                 AdwToast       *toast);

G_END_DECLS
