/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-profile-editor.h"

G_BEGIN_DECLS

char *iwd_portfolio_dup_error_message (IwdErrorFormatter  formatter,
                                       const GError      *error);

G_END_DECLS
