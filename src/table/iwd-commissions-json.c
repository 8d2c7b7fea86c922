/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-json.h"

#include "iwd-json-table.h"

/**
 * iwd_parse_commissions_json:
 * @data: a commission statement as a JSON array of flat objects, as the
 *   commissions call returns with `format=json`
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Reads a commission statement into a table, one row per object, without
 * building a JSON tree. The keys vary with the insurer, so every key is a
 * column whose kind is inferred from its values as #IwdTableBuilder does:
 * amounts may come as JSON numbers or as text with decimal commas.
 * Nested objects, if any, become dotted keys as in iwd_parse_contracts().
 *
 * The cancellable is checked every few thousand rows.
 *
 * Returns: (transfer full): the table, or %NULL with @error set: in
 *   %IWD_PARSE_ERROR, or %G_IO_ERROR_CANCELLED
 */
IwdTable *
iwd_parse_commissions_json (GBytes        *data,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable), NULL);

  return iwd_json_table_parse (data, cancellable, error);
}
