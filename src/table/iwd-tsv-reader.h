/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-commissions-tsv.h"
#include "iwd-table-builder.h"

G_BEGIN_DECLS

/* The text is read one block at a time: a Windows-1252 block is decoded
 * into a buffer that the next block reuses, so the whole statement never
 * exists twice, and UTF-8 is read in place. A block of 1 MiB holds
 * roughly ten thousand lines of 100 bytes, and the cancellable is checked
 * before each block. */
#define IWD_TSV_BLOCK_SIZE (1024 * 1024)

/* The state of a statement's reader, or of the reader of one part of it.
 * The reader of a part starts with the header read and @n_lines set to
 * the lines before the part, so that it names lines as a reader of the
 * whole statement would. */
typedef struct {
  IwdTableBuilder *builder;      /* owned */
  guint            n_columns;
  gboolean         has_header;
  guint            n_lines;      /* lines read so far, blank ones too */
  GPtrArray       *bad_lines;    /* owned; of IwdTsvBadLine, NULL unless lenient */
  GPtrArray       *amount_keys;  /* owned; per column, its key if it names an
                                  * amount or else NULL; lenient only */
  GString         *decoded;      /* owned; the block decoded from
                                  * Windows-1252, or NULL for UTF-8 */
  IwdTsvBadLine   *failure;      /* owned; what the last rejected row
                                  * had wrong, or NULL */
} IwdTsvReader;

void     iwd_tsv_reader_clear       (IwdTsvReader     *reader);
void     iwd_tsv_reader_read_header (IwdTsvReader     *reader,
                                     const char    *line,
                                     const char    *line_end);
gboolean iwd_tsv_reader_read_text   (IwdTsvReader     *reader,
                                     const char    *text,
                                     gsize          length,
                                     GCancellable  *cancellable,
                                     GError       **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IwdTsvReader, iwd_tsv_reader_clear)

G_END_DECLS
