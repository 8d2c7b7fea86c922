/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _IwdInternTable IwdInternTable;

IwdInternTable *iwd_intern_table_new    (void);
void            iwd_intern_table_free   (IwdInternTable *table);

gboolean        iwd_intern_table_lookup (IwdInternTable *table,
                                         const char     *arena,
                                         const char     *text,
                                         gsize           length,
                                         guint32        *out_offset);
void            iwd_intern_table_insert (IwdInternTable *table,
                                         const char     *text,
                                         gsize           length,
                                         guint32         offset);
guint           iwd_intern_table_size   (IwdInternTable *table);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdInternTable, iwd_intern_table_free)

G_END_DECLS
