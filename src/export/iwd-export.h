/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdExportFormat:
 * @IWD_EXPORT_FORMAT_CSV_FR: CSV for Excel in a French locale: ';'
 *   separators, decimal commas, dd/mm/yyyy dates, CRLF line ends, a
 *   UTF-8 byte-order mark and the translated column labels as header
 * @IWD_EXPORT_FORMAT_CSV: RFC 4180 CSV for programs: ',' separators,
 *   decimal points, ISO 8601 dates, LF line ends and the column keys as
 *   header
 * @IWD_EXPORT_FORMAT_XLSX: an Excel workbook with typed cells
 * @IWD_EXPORT_FORMAT_JSON: a JSON array of objects keyed by column key
 *
 * The file formats that a table can be exported to.
 */
typedef enum {
  IWD_EXPORT_FORMAT_CSV_FR,
  IWD_EXPORT_FORMAT_CSV,
  IWD_EXPORT_FORMAT_XLSX,
  IWD_EXPORT_FORMAT_JSON,
} IwdExportFormat;

gboolean    iwd_export_format_from_string   (const char            *name,
                                             IwdExportFormat       *out_format);
const char *iwd_export_format_get_extension (IwdExportFormat        format);

gboolean    iwd_export_table                (IwdTable              *table,
                                             const guint           *rows,
                                             guint                  n_rows,
                                             const guint           *columns,
                                             guint                  n_columns,
                                             IwdExportFormat        format,
                                             GFile                 *destination,
                                             GCancellable          *cancellable,
                                             GError               **error);

void        iwd_export_table_async          (IwdTable              *table,
                                             const guint           *rows,
                                             guint                  n_rows,
                                             const guint           *columns,
                                             guint                  n_columns,
                                             IwdExportFormat        format,
                                             GFile                 *destination,
                                             GFileProgressCallback  progress_callback,
                                             gpointer               progress_data,
                                             GCancellable          *cancellable,
                                             GAsyncReadyCallback    callback,
                                             gpointer               user_data);
gboolean    iwd_export_table_finish         (GAsyncResult          *result,
                                             GError               **error);

G_END_DECLS
