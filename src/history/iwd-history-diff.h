/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

/* The columns of the table that iwd_history_diff_contracts() returns. */
#define IWD_HISTORY_DIFF_CHANGE     "change"
#define IWD_HISTORY_DIFF_POLICY     "police.numero_police_cie"
#define IWD_HISTORY_DIFF_CLIENT     "client"
#define IWD_HISTORY_DIFF_TOWN       "client.ville"
#define IWD_HISTORY_DIFF_FIELD      "field"
#define IWD_HISTORY_DIFF_OLD_VALUE  "old_value"
#define IWD_HISTORY_DIFF_NEW_VALUE  "new_value"

/**
 * IwdHistoryValueFormatter:
 * @kind: the kind of a column that is not %IWD_TABLE_KIND_TEXT
 * @value: a value of that column, as iwd_table_get_int64() returns it
 *
 * Writes an old or new value of a comparison as its readers expect it,
 * such as the grid's iwd_cell_format_number().
 *
 * Returns: (transfer full): the text
 */
typedef char *(*IwdHistoryValueFormatter) (IwdTableKind kind,
                                           gint64       value);

IwdTable *iwd_history_diff_contracts   (IwdTable *previous,
                                        IwdTable *current);
IwdTable *iwd_history_diff_contracts_formatted (IwdTable                 *previous,
                                                IwdTable                 *current,
                                                IwdHistoryValueFormatter  format_value);
IwdTable *iwd_history_diff_commissions (IwdTable *previous,
                                        IwdTable *current);

G_END_DECLS
