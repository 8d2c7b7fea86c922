/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

/* The id of an empty cell: a NULL cell, or an empty text. */
#define IWD_COLUMN_INDEX_EMPTY G_MAXUINT32

/*
 * IwdColumnIndex:
 *
 * What sorting and searching one column needs, computed once per table
 * and kept by the grid's model. Each row gets the id of its distinct
 * value, so that collation keys and folded search text are computed once
 * per distinct value, not once per row. Number ids are given in
 * ascending order of value, so they are already ranks. Text ids are
 * given in load order, and ranks come from the collation keys.
 */
typedef struct {
  IwdTable     *table;       /* owned */
  guint         column;
  IwdTableKind  kind;
  guint         n_rows;

  guint32      *ids;         /* owned; one per row */
  guint         n_distinct;
  const char  **texts;       /* owned array of the table's strings; TEXT only */
  gint64       *numbers;     /* owned; ascending; other kinds only */

  guint32      *ranks;       /* owned; per text id, NULL until sorted */
  guint         n_ranks;
  char         *folded;      /* owned; folded texts, NUL-separated, NULL until searched */
  gsize        *folded_offsets; /* owned; offset in folded, per id */
  gsize         folded_length; /* bytes in folded, the last NUL included */
} IwdColumnIndex;

IwdColumnIndex *iwd_column_index_new           (IwdTable        *table,
                                                guint            column);
void            iwd_column_index_free          (IwdColumnIndex  *index);

gboolean        iwd_column_index_is_ranked     (IwdColumnIndex  *index);
guint32         iwd_column_index_get_rank      (IwdColumnIndex  *index,
                                                guint            row);
void            iwd_column_index_sort          (IwdColumnIndex  *index,
                                                gboolean         descending,
                                                guint32         *out_rows);

void            iwd_column_index_prepare_search (IwdColumnIndex *index);
void            iwd_column_index_adopt         (IwdColumnIndex  *index,
                                                IwdColumnIndex  *other);

gboolean        iwd_column_index_is_searchable (IwdTableKind     kind);
guint8         *iwd_column_index_match         (IwdColumnIndex  *index,
                                                const char      *folded_needle,
                                                guint           *out_n_matched);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdColumnIndex, iwd_column_index_free)

G_END_DECLS
