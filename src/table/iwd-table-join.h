/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *iwd_table_join_rows (IwdTable **tables,
                               guint      n_tables);

G_END_DECLS
