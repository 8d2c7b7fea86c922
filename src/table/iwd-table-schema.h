/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

gboolean iwd_table_schema_lookup            (const char    *key,
                                             const char   **out_label_msgid,
                                             IwdTableKind  *out_kind);
gboolean iwd_table_schema_looks_like_amount (const char    *key);

G_END_DECLS
