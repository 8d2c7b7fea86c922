/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *iwd_table_concat (IwdTable * const   *tables,
                            guint               n_tables,
                            const char         *source_key,
                            const char         *source_label,
                            const char * const *source_names,
                            GError            **error);

G_END_DECLS
