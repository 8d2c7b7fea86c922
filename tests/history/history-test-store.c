/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Synchronous wrappers of the store's calls for the tests: each runs the
 * thread-default main context until its callback has run. Fetches are
 * of a portfolio's contracts, without a profile. */

#include "history-test-store.h"

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  GAsyncResult **out_result = data;

  *out_result = g_object_ref (result);
}

static GAsyncResult *
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *result;
}

gint64
history_test_store_save (IwdHistoryStore *store,
                         const char      *portfolio_id,
                         IwdTable        *table,
                         GDateTime       *fetched_at,
                         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *call = g_strdup_printf ("Robot/PTF/%s/Contrats", portfolio_id);

  iwd_history_store_save_fetch_async (store, portfolio_id, NULL, IWD_HISTORY_KIND_CONTRACTS,
                                      call, fetched_at, table, NULL, on_done, &result);

  return iwd_history_store_save_fetch_finish (store, wait_for (&result), error);
}

gint64
history_test_store_save_full (IwdHistoryStore *store,
                              const char      *portfolio_id,
                              const char      *profile_id,
                              IwdHistoryKind   kind,
                              const char      *call,
                              IwdTable        *table,
                              GCancellable    *cancellable,
                              GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_history_store_save_fetch_async (store, portfolio_id, profile_id, kind, call, NULL, table,
                                      cancellable, on_done, &result);

  return iwd_history_store_save_fetch_finish (store, wait_for (&result), error);
}

GPtrArray *
history_test_store_list_for (IwdHistoryStore *store,
                             const char      *portfolio_id,
                             IwdHistoryKind   kind,
                             const char      *profile_id,
                             GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_history_store_list_fetches_async (store, portfolio_id, kind, profile_id,
                                        NULL, on_done, &result);

  return iwd_history_store_list_fetches_finish (store, wait_for (&result), error);
}

GPtrArray *
history_test_store_list (IwdHistoryStore *store,
                         const char      *portfolio_id,
                         GError         **error)
{
  return history_test_store_list_for (store, portfolio_id, IWD_HISTORY_KIND_CONTRACTS, NULL, error);
}

IwdTable *
history_test_store_load (IwdHistoryStore *store,
                         gint64           fetch_id,
                         GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_history_store_load_fetch_async (store, fetch_id, NULL, on_done, &result);

  return iwd_history_store_load_fetch_finish (store, wait_for (&result), error);
}

IwdTable *
history_test_store_latest (IwdHistoryStore *store,
                           const char      *portfolio_id,
                           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_history_store_load_latest_async (store, portfolio_id, IWD_HISTORY_KIND_CONTRACTS, NULL,
                                       NULL, on_done, &result);

  return iwd_history_store_load_latest_finish (store, wait_for (&result), NULL, error);
}

guint
history_test_store_purge (IwdHistoryStore *store,
                          guint            retention_days,
                          GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint removed = 0;

  iwd_history_store_purge_older_than_async (store, retention_days, NULL, on_done, &result);
  iwd_history_store_purge_older_than_finish (store, wait_for (&result), &removed, error);

  return removed;
}

gboolean
history_test_store_forget (IwdHistoryStore *store,
                           const char      *portfolio_id,
                           GError         **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_history_store_forget_portfolio_async (store, portfolio_id, NULL, on_done, &result);

  return iwd_history_store_forget_portfolio_finish (store, wait_for (&result), error);
}
