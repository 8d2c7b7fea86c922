/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-intern-table.h"
#include "iwd-table.h"

G_BEGIN_DECLS

/*
 * IwdTableColumn:
 *
 * The storage of one column, private to the table folder. Cells of every
 * kind but TEXT are one gint64 each. TEXT cells are a 32-bit offset into
 * one arena of NUL-terminated strings. A repeated value (a town, a
 * product) is stored once, unless most of the column's values are
 * distinct. A bitmap marks the empty cells.
 */
typedef struct {
  char         *key;            /* owned */
  const char   *label_msgid;    /* static, untranslated; NULL if unknown */
  char         *custom_label;   /* owned; NULL if none */
  IwdTableKind  kind;

  guint         n_cells;
  guint         n_allocated;
  gint64       *numbers;        /* owned; NULL for TEXT */
  guint32      *offsets;        /* owned; NULL unless TEXT */
  guint8       *nulls;          /* owned; one bit per cell, set if empty */

  char         *arena;          /* owned; starts with "" for empty cells */
  gsize         arena_length;
  gsize         arena_allocated;
  IwdInternTable *interned;     /* owned; NULL once dropped */
} IwdTableColumn;

IwdTableColumn *iwd_table_column_new          (const char      *key,
                                               IwdTableKind     kind);
void            iwd_table_column_free         (IwdTableColumn  *column);

void            iwd_table_column_append_null  (IwdTableColumn  *column);
void            iwd_table_column_set_null     (IwdTableColumn  *column,
                                               guint            row);
void            iwd_table_column_set_int64    (IwdTableColumn  *column,
                                               guint            row,
                                               gint64           value);
gboolean        iwd_table_column_set_text     (IwdTableColumn  *column,
                                               guint            row,
                                               const char      *text,
                                               gsize            length,
                                               GError         **error);

gboolean        iwd_table_column_is_null      (IwdTableColumn  *column,
                                               guint            row);
gint64          iwd_table_column_get_int64    (IwdTableColumn  *column,
                                               guint            row);
const char     *iwd_table_column_get_text     (IwdTableColumn  *column,
                                               guint            row);

void            iwd_table_column_compact      (IwdTableColumn  *column);
IwdTableColumn *iwd_table_column_join         (IwdTableColumn **parts,
                                               guint            n_parts,
                                               IwdTableKind     kind);
gsize           iwd_table_column_memory_size  (IwdTableColumn  *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdTableColumn, iwd_table_column_free)

G_END_DECLS
