/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-history-fetch.h"

G_DEFINE_BOXED_TYPE (IwdHistoryFetch, iwd_history_fetch,
                     iwd_history_fetch_copy, iwd_history_fetch_free)

/**
 * iwd_history_fetch_copy:
 * @fetch: a fetch record
 *
 * Returns: (transfer full): a deep copy of @fetch
 */
IwdHistoryFetch *
iwd_history_fetch_copy (const IwdHistoryFetch *fetch)
{
  IwdHistoryFetch *copy = g_new (IwdHistoryFetch, 1);

  *copy = *fetch;
  copy->portfolio_id = g_strdup (fetch->portfolio_id);
  copy->profile_id = g_strdup (fetch->profile_id);
  copy->call = g_strdup (fetch->call);

  return copy;
}

void
iwd_history_fetch_free (IwdHistoryFetch *fetch)
{
  if (fetch == NULL)
    return;

  g_free (fetch->portfolio_id);
  g_free (fetch->profile_id);
  g_free (fetch->call);
  g_free (fetch);
}

/**
 * iwd_history_kind_to_string:
 * @kind: a fetch kind
 *
 * Returns: the kind as the database stores it: `contracts` or
 *   `commissions`
 */
const char *
iwd_history_kind_to_string (IwdHistoryKind kind)
{
  return kind == IWD_HISTORY_KIND_COMMISSIONS ? "commissions" : "contracts";
}
