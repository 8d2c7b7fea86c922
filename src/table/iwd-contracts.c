/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-contracts.h"

#include "iwd-json-table.h"

/**
 * iwd_parse_contracts:
 * @data: the reply of the portfolio's contracts call: a JSON array of
 *   contract objects
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads the contracts of a portfolio into a table, one row per contract,
 * without building a JSON tree, so that a million contracts fit.
 *
 * Nested objects become dotted keys (`client.ville`, `police.prime`).
 * Numbers keep their exact decimal text, numbers sent as strings are
 * read the same way, `null` and `""` are empty cells, and an array inside
 * a contract is kept as its JSON text. Every key becomes a column, even
 * a key that only later contracts carry. The keys the API documents get
 * a label and a fixed kind, and other columns get the kind inferred from
 * their values, as #IwdTableBuilder does.
 *
 * The cancellable is checked every few thousand contracts, so this can
 * run in a #GTask thread.
 *
 * Returns: (transfer full): the table, or %NULL with @error set: in
 *   %IWD_PARSE_ERROR (%IWD_PARSE_ERROR_SYNTAX names the byte offset;
 *   the caller adds which call replied), or %G_IO_ERROR_CANCELLED
 */
IwdTable *
iwd_parse_contracts (GBytes        *data,
                     GCancellable  *cancellable,
                     GError       **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return iwd_json_table_parse (data, cancellable, error);
}
