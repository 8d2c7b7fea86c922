/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-export.h"

G_BEGIN_DECLS

void  iwd_export_append_csv_header (GString         *out,
                                    IwdTable        *table,
                                    const guint     *columns,
                                    guint            n_columns,
                                    IwdExportFormat  format);
void  iwd_export_append_csv_row    (GString         *out,
                                    IwdTable        *table,
                                    guint            row,
                                    const guint     *columns,
                                    guint            n_columns,
                                    IwdExportFormat  format);

void  iwd_export_append_json_row   (GString         *out,
                                    IwdTable        *table,
                                    guint            row,
                                    const guint     *columns,
                                    guint            n_columns);

G_END_DECLS
