/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdCliInputKind:
 * @IWD_CLI_INPUT_CONTRACTS_JSON: a portfolio's contracts, a JSON array of
 *   objects with nested `police` and `client` objects
 * @IWD_CLI_INPUT_COMMISSIONS_JSON: a commission statement as a JSON array
 *   of flat objects
 * @IWD_CLI_INPUT_COMMISSIONS_TSV: a commission statement as tab-separated
 *   text with a header row
 *
 * The kinds of local file that `iwdesk-cli read` accepts.
 */
typedef enum {
  IWD_CLI_INPUT_CONTRACTS_JSON,
  IWD_CLI_INPUT_COMMISSIONS_JSON,
  IWD_CLI_INPUT_COMMISSIONS_TSV,
} IwdCliInputKind;

IwdCliInputKind  iwd_cli_detect_input_kind (GBytes      *data);

IwdTable        *iwd_cli_read_table        (const char  *path,
                                            GError     **error);

G_END_DECLS
