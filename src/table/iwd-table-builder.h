/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

#define IWD_TYPE_TABLE_BUILDER (iwd_table_builder_get_type ())

G_DECLARE_FINAL_TYPE (IwdTableBuilder, iwd_table_builder, IWD, TABLE_BUILDER, GObject)

IwdTableBuilder *iwd_table_builder_new              (void);

guint            iwd_table_builder_ensure_column    (IwdTableBuilder  *self,
                                                     const char       *key);
void             iwd_table_builder_set_column_label (IwdTableBuilder  *self,
                                                     guint             column,
                                                     const char       *label);
guint            iwd_table_builder_get_n_rows       (IwdTableBuilder  *self);
const char      *iwd_table_builder_get_column_key   (IwdTableBuilder  *self,
                                                     guint             column);
IwdTableKind     iwd_table_builder_get_column_kind  (IwdTableBuilder  *self,
                                                     guint             column);

gboolean         iwd_table_builder_set_cell         (IwdTableBuilder  *self,
                                                     guint             column,
                                                     const char       *text,
                                                     gsize             length,
                                                     GError          **error);
void             iwd_table_builder_end_row          (IwdTableBuilder  *self);

IwdTable        *iwd_table_builder_build            (IwdTableBuilder  *self,
                                                     GError          **error);

G_END_DECLS
