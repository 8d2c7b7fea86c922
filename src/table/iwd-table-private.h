/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *iwd_table_new_for_columns (GPtrArray *columns,
                                     guint      n_rows);

G_END_DECLS
