/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_EXPORT_ERROR (iwd_export_error_quark ())

/**
 * IwdExportError:
 * @IWD_EXPORT_ERROR_TOO_MANY_ROWS: the rows do not fit one Excel sheet
 * @IWD_EXPORT_ERROR_XLSX: libxlsxwriter rejected a cell or could not
 *   write the workbook
 * @IWD_EXPORT_ERROR_NOT_LOCAL: the destination is not a local file
 *
 * Errors of an export, beside the #GIOError of writing the file.
 */
typedef enum {
  IWD_EXPORT_ERROR_TOO_MANY_ROWS,
  IWD_EXPORT_ERROR_XLSX,
  IWD_EXPORT_ERROR_NOT_LOCAL,
} IwdExportError;

GQuark iwd_export_error_quark (void);

G_END_DECLS
