/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-table.h"

G_BEGIN_DECLS

typedef struct _IwdExportXlsx IwdExportXlsx;

IwdExportXlsx *iwd_export_xlsx_open      (const char     *path,
                                          IwdTable       *table,
                                          const guint    *columns,
                                          guint           n_columns,
                                          guint           n_rows,
                                          GError        **error);
gboolean       iwd_export_xlsx_write_row (IwdExportXlsx  *self,
                                          guint           row,
                                          GError        **error);
gboolean       iwd_export_xlsx_close     (IwdExportXlsx  *self,
                                          GError        **error);
void           iwd_export_xlsx_free      (IwdExportXlsx  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdExportXlsx, iwd_export_xlsx_free)

G_END_DECLS
