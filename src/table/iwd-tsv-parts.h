/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

guint     iwd_tsv_count_parts   (gsize          length);

IwdTable *iwd_tsv_read_in_parts (const char    *text,
                                 gsize          length,
                                 gboolean       windows_1252,
                                 gboolean       lenient,
                                 guint          n_parts,
                                 GCancellable  *cancellable,
                                 gboolean      *out_declined,
                                 GError       **error);

G_END_DECLS
