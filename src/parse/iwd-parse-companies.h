/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-company.h"

G_BEGIN_DECLS

GPtrArray *iwd_parse_company_list (GBytes  *data,
                                   GError **error);

G_END_DECLS
