/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdSummaryGroup:
 * @IWD_SUMMARY_GROUP_COMPANY: one row per company, or per profile when
 *   the table has no company column
 * @IWD_SUMMARY_GROUP_MONTH: one row per month of the first date column
 *
 * How a commissions summary groups the rows of a statement.
 */
typedef enum {
  IWD_SUMMARY_GROUP_COMPANY,
  IWD_SUMMARY_GROUP_MONTH,
} IwdSummaryGroup;

gboolean  iwd_commissions_summary_find_group_column (IwdTable         *table,
                                                     IwdSummaryGroup   group,
                                                     guint            *out_column);
gboolean  iwd_commissions_summary_applies           (IwdTable         *table);
gboolean  iwd_commissions_summary_has_company       (IwdTable         *table);
IwdTable *iwd_commissions_summary_build             (IwdTable         *table,
                                                     const guint      *rows,
                                                     guint             n_rows,
                                                     IwdSummaryGroup   group,
                                                     GError          **error);

G_END_DECLS
