/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"
#include "iwd-table-column.h"

G_BEGIN_DECLS

const char     *iwd_history_columns_get_custom_label (IwdTable     *table,
                                                      guint         column);
IwdTableColumn *iwd_history_columns_new             (const char   *key,
                                                      IwdTableKind  kind,
                                                      const char   *custom_label);
IwdTableColumn *iwd_history_columns_new_like        (IwdTable     *table,
                                                      guint         column);
IwdTable       *iwd_history_columns_finish_table    (GPtrArray    *columns,
                                                      guint         n_rows);

G_END_DECLS
