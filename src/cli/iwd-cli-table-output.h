/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-cli-output.h"
#include "iwd-table.h"

G_BEGIN_DECLS

gboolean  iwd_cli_table_print              (IwdTable     *table,
                                            IwdCliFormat  format);

gboolean  iwd_cli_table_append_totals      (GString   *out,
                                            IwdTable  *table,
                                            gboolean   as_json,
                                            guint     *out_n_totals,
                                            GError   **error);

G_END_DECLS
