/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * IwdCliFormat:
 * @IWD_CLI_FORMAT_TEXT: aligned columns for a terminal
 * @IWD_CLI_FORMAT_CSV: comma-separated values with RFC 4180 quoting
 * @IWD_CLI_FORMAT_JSON: a JSON array of objects keyed by column key
 *
 * The output formats of the command-line tool.
 */
typedef enum {
  IWD_CLI_FORMAT_TEXT,
  IWD_CLI_FORMAT_CSV,
  IWD_CLI_FORMAT_JSON,
} IwdCliFormat;

gboolean iwd_cli_format_from_string   (const char          *name,
                                       IwdCliFormat        *out_format);

char    *iwd_cli_format_text_table    (const char * const  *headers,
                                       gsize                n_columns,
                                       GPtrArray           *rows);

G_END_DECLS
