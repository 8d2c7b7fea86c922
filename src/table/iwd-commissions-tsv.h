/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdTsvBadLine:
 * @line: the line's number in the statement, from 1, blank lines counted
 * @reason: why the line was left out, in English, for the log or a list
 *
 * A line of a commission statement that
 * iwd_parse_commissions_tsv_lenient() could not read.
 */
typedef struct {
  guint  line;
  char  *reason;
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
