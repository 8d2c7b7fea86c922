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

IwdTable *iwd_history_diff_contracts   (IwdTable *previous,
                                        IwdTable *current);
IwdTable *iwd_history_diff_commissions (IwdTable *previous,
                                        IwdTable *current);

G_END_DECLS
