/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table-column.h"
#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable  *iwd_table_new_for_columns (GPtrArray *columns,
                                      guint      n_rows);
GPtrArray *iwd_table_steal_columns   (IwdTable  *self);
IwdTableColumn *iwd_table_peek_column (IwdTable  *self,
                                       guint      column);

G_END_DECLS
