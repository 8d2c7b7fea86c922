/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *iwd_error_dup_user_message (const GError *error);
const char *iwd_error_get_icon_name    (const GError *error);

G_END_DECLS
