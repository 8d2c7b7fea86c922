/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-table.h"

G_BEGIN_DECLS

#define IWD_TYPE_SUMMARY_PANEL (iwd_summary_panel_get_type ())

G_DECLARE_FINAL_TYPE (IwdSummaryPanel, iwd_summary_panel, IWD, SUMMARY_PANEL, GtkWidget)

GtkWidget *iwd_summary_panel_new      (void);
void       iwd_summary_panel_set_rows (IwdSummaryPanel *self,
                                       IwdTable        *table,
                                       const guint     *rows,
                                       guint            n_rows);

G_END_DECLS
