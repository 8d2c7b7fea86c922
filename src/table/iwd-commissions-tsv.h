/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdTsvBadLineKind:
 * @IWD_TSV_BAD_LINE_VALUE: a cell's value does not fit its column
 * @IWD_TSV_BAD_LINE_EXTRA_CELL: a cell after the header's last column
 *   has a value
 * @IWD_TSV_BAD_LINE_OTHER: another reason, given only in @reason
 *
 * Why a statement line was left out.
 */
typedef enum {
  IWD_TSV_BAD_LINE_VALUE,
  IWD_TSV_BAD_LINE_EXTRA_CELL,
  IWD_TSV_BAD_LINE_OTHER,
} IwdTsvBadLineKind;

/**
 * IwdTsvBadLine:
 * @line: the line's number in the statement, from 1, blank lines counted
 * @reason: why the line was left out, in English, for the log or a list
 * @kind: the kind of reason, for a message in the user's language
 * @column: with %IWD_TSV_BAD_LINE_VALUE, the column's key
 * @value: with %IWD_TSV_BAD_LINE_VALUE, the cell's text
 * @expected: with %IWD_TSV_BAD_LINE_VALUE, the kind of values the column
 *   takes
 * @cell: with %IWD_TSV_BAD_LINE_EXTRA_CELL, the cell's number, from 1
 * @n_columns: with %IWD_TSV_BAD_LINE_EXTRA_CELL, the header's columns
 *
 * A line of a commission statement that
 * iwd_parse_commissions_tsv_lenient() could not read.
 */
typedef struct {
  guint              line;
  char              *reason;
  IwdTsvBadLineKind  kind;
  char              *column;
  char              *value;
  IwdTableKind       expected;
  guint              cell;
  guint              n_columns;
} IwdTsvBadLine;

IwdTable *iwd_parse_commissions_tsv (GBytes        *data,
                                     GCancellable  *cancellable,
                                     GError       **error);
IwdTable *iwd_parse_commissions_tsv_lenient (GBytes        *data,
                                             GCancellable  *cancellable,
                                             GPtrArray    **out_bad_lines,
                                             GError       **error);

void      iwd_tsv_bad_line_free             (IwdTsvBadLine *bad_line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdTsvBadLine, iwd_tsv_bad_line_free)

G_END_DECLS
