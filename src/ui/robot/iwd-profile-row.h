/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-profile-item.h"

G_BEGIN_DECLS

#define IWD_TYPE_PROFILE_ROW (iwd_profile_row_get_type ())
G_DECLARE_FINAL_TYPE (IwdProfileRow, iwd_profile_row, IWD, PROFILE_ROW, AdwExpanderRow)

GtkWidget      *iwd_profile_row_new      (IwdProfileItem *item);
IwdProfileItem *iwd_profile_row_get_item (IwdProfileRow  *self);

G_END_DECLS
