/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IWD_TYPE_APPLICATION (iwd_application_get_type ())
G_DECLARE_FINAL_TYPE (IwdApplication, iwd_application, IWD, APPLICATION, AdwApplication)

IwdApplication *iwd_application_new (void);

G_END_DECLS
