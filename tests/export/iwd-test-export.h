/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *iwd_test_export_sample_table (void);
IwdTable *iwd_test_export_large_table  (guint        n_rows);

char     *iwd_test_export_make_dir     (void);
void      iwd_test_export_remove_dir   (const char  *path);
guint     iwd_test_export_count_files  (const char  *path);

gboolean  iwd_test_export_run          (IwdTable    *table,
                                        const guint *rows,
                                        guint        n_rows,
                                        const guint *columns,
                                        guint        n_columns,
                                        const char  *format_name,
                                        const char  *path,
                                        GError     **error);

G_END_DECLS
