/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-table-model.h"

G_BEGIN_DECLS

#define IWD_TYPE_COLUMN_SORTER (iwd_column_sorter_get_type ())

G_DECLARE_FINAL_TYPE (IwdColumnSorter, iwd_column_sorter, IWD, COLUMN_SORTER, GtkSorter)

IwdColumnSorter *iwd_column_sorter_new            (IwdTableModel   *model,
                                                   guint            column);
guint            iwd_column_sorter_get_column     (IwdColumnSorter *self);
guint64          iwd_column_sorter_get_n_compares (IwdColumnSorter *self);

G_END_DECLS
