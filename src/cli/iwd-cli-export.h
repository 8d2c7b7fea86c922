/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-cli-error.h"
#include "iwd-export.h"

G_BEGIN_DECLS

gboolean    iwd_cli_export_get_format (const char       *name,
                                       const char       *output,
                                       IwdExportFormat  *out_format,
                                       GError          **error);

IwdCliExit  iwd_cli_export_write      (IwdTable         *table,
                                       const char       *output,
                                       IwdExportFormat   format);

int         iwd_cli_export_main       (GStrv            *args);

G_END_DECLS
