/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-table.h"

G_BEGIN_DECLS

void      iwd_cli_table_append_csv_header  (GString   *out,
                                            IwdTable  *table);
void      iwd_cli_table_append_csv_row     (GString   *out,
                                            IwdTable  *table,
                                            guint      row);

void      iwd_cli_table_append_json_row    (GString   *out,
                                            IwdTable  *table,
                                            guint      row);

gboolean  iwd_cli_table_append_totals      (GString   *out,
                                            IwdTable  *table,
                                            gboolean   as_json,
                                            guint     *out_n_totals,
                                            GError   **error);

G_END_DECLS
