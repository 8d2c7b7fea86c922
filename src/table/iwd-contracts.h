/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *iwd_parse_contracts (GBytes        *data,
                               GCancellable  *cancellable,
                               GError       **error);

G_END_DECLS
