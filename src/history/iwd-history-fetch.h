/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdHistoryKind:
 * @IWD_HISTORY_KIND_CONTRACTS: a portfolio's contracts
 * @IWD_HISTORY_KIND_COMMISSIONS: a profile's commission lines
 *
 * What a stored fetch contains.
 */
typedef enum {
  IWD_HISTORY_KIND_CONTRACTS,
  IWD_HISTORY_KIND_COMMISSIONS,
} IwdHistoryKind;

/**
 * IwdHistoryFetch:
 * @id: the fetch's id in the store
 * @portfolio_id: the portfolio it was fetched for
 * @profile_id: (nullable): the profile, or %NULL for a whole portfolio
 * @kind: contracts or commissions
 * @call: the route name or URL path it came from, without credentials
 * @fetched_at: when it was fetched, in Unix seconds
 * @row_count: the number of rows of its table
 *
 * One stored fetch, as iwd_history_store_list_fetches_finish() lists
 * them, without its table.
 */
typedef struct {
  gint64          id;
  char           *portfolio_id;
  char           *profile_id;
  IwdHistoryKind  kind;
  char           *call;
  gint64          fetched_at;
  guint           row_count;
} IwdHistoryFetch;

#define IWD_TYPE_HISTORY_FETCH (iwd_history_fetch_get_type ())

GType            iwd_history_fetch_get_type (void) G_GNUC_CONST;
IwdHistoryFetch *iwd_history_fetch_copy     (const IwdHistoryFetch *fetch);
void             iwd_history_fetch_free     (IwdHistoryFetch       *fetch);

const char      *iwd_history_kind_to_string (IwdHistoryKind         kind);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdHistoryFetch, iwd_history_fetch_free)

G_END_DECLS
