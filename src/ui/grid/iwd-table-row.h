/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

#define IWD_TYPE_TABLE_ROW (iwd_table_row_get_type ())

G_DECLARE_FINAL_TYPE (IwdTableRow, iwd_table_row, IWD, TABLE_ROW, GObject)

IwdTableRow *iwd_table_row_new       (IwdTable    *table,
                                      guint        index);
IwdTable    *iwd_table_row_get_table (IwdTableRow *self);
guint        iwd_table_row_get_index (IwdTableRow *self);

G_END_DECLS
