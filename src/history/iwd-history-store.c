/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-history-store.h"

#include <string.h>

#include "iwd-history-database.h"
#include "iwd-history-queries.h"

#define SECONDS_PER_DAY 86400

/**
 * IwdHistoryStore:
 *
 * The offline copy and history of one account's contracts and commission
 * statements: every fetch that IWDesk saves, in one SQLite database per
 * account, so that a broker can open the last copy without a network and
 * compare it with the one before.
 *
 * Every operation runs in a #GTask thread. The store keeps one connection,
 * opened by the first operation, and runs one operation at a time on it.
 */

typedef struct {
  char           *portfolio_id;   /* owned */
  char           *profile_id;     /* owned; nullable */
  IwdHistoryKind  kind;
  char           *call;           /* owned */
  gint64          fetched_at;
  IwdTable       *table;          /* owned */
  gint64          fetch_id;
  guint           retention_days;
} Request;

typedef struct {
  IwdTable        *table;         /* owned */
  IwdHistoryFetch *fetch;         /* owned */
} LatestResult;

struct _IwdHistoryStore
{
  GObject  parent_instance;

  char    *path;                  /* owned */
  GMutex   lock;                  /* guards db */
  sqlite3 *db;                    /* owned; NULL until the first operation */
};

G_DEFINE_FINAL_TYPE (IwdHistoryStore, iwd_history_store, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
request_free (gpointer data)
{
  Request *request = data;

  g_free (request->portfolio_id);
  g_free (request->profile_id);
  g_free (request->call);
  g_clear_object (&request->table);
  g_free (request);
}

static void
latest_result_free (gpointer data)
{
  LatestResult *result = data;

  g_clear_object (&result->table);
  g_clear_pointer (&result->fetch, iwd_history_fetch_free);
  g_free (result);
}

static Request *
request_new (const char     *portfolio_id,
             IwdHistoryKind  kind,
             const char     *profile_id)
{
  Request *request = g_new0 (Request, 1);

  request->portfolio_id = g_strdup (portfolio_id);
  request->kind = kind;
  request->profile_id = g_strdup (profile_id);

  return request;
}

/* Keeps the path of a call and drops its query, which may carry a
 * profile's options or, from a careless caller, credentials. */
static char *
strip_query (const char *call)
{
  const char *query = strchr (call, '?');

  return query != NULL ? g_strndup (call, query - call) : g_strdup (call);
}

static GTask *
start_task (IwdHistoryStore     *self,
            gpointer             source_tag,
            Request             *request,
            GCancellable        *cancellable,
            GAsyncReadyCallback  callback,
            gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, request_free);

  return task;
}

/* Locks the connection for one operation, opening it first if needed.
 * Returns NULL with @error set, and the lock released, on failure. */
static sqlite3 *
lock_database (IwdHistoryStore  *self,
               GCancellable     *cancellable,
               GError          **error)
{
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  g_mutex_lock (&self->lock);
  if (self->db == NULL)
    self->db = iwd_history_database_open (self->path, error);

  if (self->db == NULL)
    {
      g_mutex_unlock (&self->lock);
      return NULL;
    }

  iwd_history_database_watch_cancel (self->db, cancellable);
  return self->db;
}

static void
unlock_database (IwdHistoryStore *self)
{
  iwd_history_database_watch_cancel (self->db, NULL);
  g_mutex_unlock (&self->lock);
}

static IwdTable *
load_latest (sqlite3          *db,
             Request          *request,
             IwdHistoryFetch **out_fetch,
             GError          **error)
{
  g_autoptr(GPtrArray) fetches = NULL;
  IwdHistoryFetch *newest;

  fetches = iwd_history_queries_list_fetches (db, request->portfolio_id, request->kind,
                                              request->profile_id, 1, error);
  if (fetches == NULL)
    return NULL;

  if (fetches->len == 0)
    {
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND,
                   "no %s stored for portfolio “%s”",
                   iwd_history_kind_to_string (request->kind), request->portfolio_id);
      return NULL;
    }

  newest = g_ptr_array_index (fetches, 0);
  *out_fetch = iwd_history_fetch_copy (newest);
  return iwd_history_queries_load_table (db, newest->id, error);
}

static void
save_fetch_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  Request *request = task_data;
  IwdHistoryFetch fetch = {
    0, request->portfolio_id, request->profile_id, request->kind,
    request->call, request->fetched_at, 0,
  };
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  gint64 fetch_id = 0;

  if (db != NULL)
    {
      fetch_id = iwd_history_queries_insert_fetch (db, &fetch, request->table, &error);
      unlock_database (self);
    }

  if (fetch_id == 0)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, fetch_id);
}

static void
list_fetches_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  Request *request = task_data;
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  GPtrArray *fetches = NULL;

  if (db != NULL)
    {
      fetches = iwd_history_queries_list_fetches (db, request->portfolio_id, request->kind,
                                                  request->profile_id, -1, &error);
      unlock_database (self);
    }

  if (fetches == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fetches, (GDestroyNotify) g_ptr_array_unref);
}

static void
load_fetch_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  Request *request = task_data;
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  IwdTable *table = NULL;

  if (db != NULL)
    {
      table = iwd_history_queries_load_table (db, request->fetch_id, &error);
      unlock_database (self);
    }

  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

static void
load_latest_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  LatestResult *result = g_new0 (LatestResult, 1);

  if (db != NULL)
    {
      result->table = load_latest (db, task_data, &result->fetch, &error);
      unlock_database (self);
    }

  if (result->table == NULL)
    {
      latest_result_free (result);
      g_task_return_error (task, error);
    }
  else
    g_task_return_pointer (task, result, latest_result_free);
}

static void
purge_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  Request *request = task_data;
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;
  gint64 cutoff = now - (gint64) request->retention_days * SECONDS_PER_DAY;
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  gboolean done = FALSE;
  guint removed = 0;

  if (db != NULL)
    {
      done = iwd_history_queries_delete_before (db, cutoff, &removed, &error);
      unlock_database (self);
    }

  if (!done)
    {
      g_task_return_error (task, error);
      return;
    }

  g_info ("history: purged fetches older than %u days: %u removed",
          request->retention_days, removed);
  g_task_return_int (task, removed);
}

static void
forget_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  IwdHistoryStore *self = source_object;
  Request *request = task_data;
  GError *error = NULL;
  sqlite3 *db = lock_database (self, cancellable, &error);
  gboolean done = FALSE;
  guint removed = 0;

  if (db != NULL)
    {
      done = iwd_history_queries_forget_portfolio (db, request->portfolio_id, &removed, &error);
      unlock_database (self);
    }

  if (!done)
    {
      g_task_return_error (task, error);
      return;
    }

  g_info ("history: forgot portfolio %s: %u fetches removed", request->portfolio_id, removed);
  g_task_return_boolean (task, TRUE);
}

static void
iwd_history_store_finalize (GObject *object)
{
  IwdHistoryStore *self = IWD_HISTORY_STORE (object);

  g_clear_pointer (&self->db, sqlite3_close);
  g_mutex_clear (&self->lock);
  g_clear_pointer (&self->path, g_free);

  G_OBJECT_CLASS (iwd_history_store_parent_class)->finalize (object);
}

static void
iwd_history_store_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IwdHistoryStore *self = IWD_HISTORY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_history_store_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IwdHistoryStore *self = IWD_HISTORY_STORE (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_history_store_class_init (IwdHistoryStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_history_store_finalize;
  object_class->get_property = iwd_history_store_get_property;
  object_class->set_property = iwd_history_store_set_property;

  /**
   * IwdHistoryStore:path:
   *
   * The database file: the account's data folder and `history.sqlite3`.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_history_store_init (IwdHistoryStore *self)
{
  g_mutex_init (&self->lock);
}

/**
 * iwd_history_store_new:
 * @path: the database file: the account's data folder and
 *   `history.sqlite3`
 *
 * Creates a store for the database at @path. Nothing touches the disk
 * until the first operation, which creates the file (mode 0600) and its
 * folders (mode 0700) if needed.
 *
 * TODO: #IwdAccountState exposes only its state file's path, so callers
 * take the account's folder from it with g_path_get_dirname().
 *
 * Returns: (transfer full): a new store
 */
IwdHistoryStore *
iwd_history_store_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (IWD_TYPE_HISTORY_STORE, "path", path, NULL);
}

/**
 * iwd_history_store_get_path:
 * @self: a store
 *
 * Returns: the database file's path
 */
const char *
iwd_history_store_get_path (IwdHistoryStore *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_STORE (self), NULL);

  return self->path;
}

/**
 * iwd_history_store_save_fetch_async:
 * @self: a store
 * @portfolio_id: the portfolio fetched
 * @profile_id: (nullable): the profile, for commissions; %NULL for a
 *   portfolio's contracts
 * @kind: contracts or commissions
 * @call: the route name or URL path of the request; a query after `?` is
 *   dropped
 * @fetched_at: (nullable): when the reply arrived, or %NULL for now
 * @table: the parsed reply
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the fetch is stored
 * @user_data: data for @callback
 *
 * Stores a fetch and its table in one transaction, so that a crash keeps
 * either all of it or nothing.
 */
void
iwd_history_store_save_fetch_async (IwdHistoryStore     *self,
                                    const char          *portfolio_id,
                                    const char          *profile_id,
                                    IwdHistoryKind       kind,
                                    const char          *call,
                                    GDateTime           *fetched_at,
                                    IwdTable            *table,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));
  g_return_if_fail (portfolio_id != NULL);
  g_return_if_fail (call != NULL);
  g_return_if_fail (IWD_IS_TABLE (table));

  request = request_new (portfolio_id, kind, profile_id);
  request->call = strip_query (call);
  request->table = g_object_ref (table);
  request->fetched_at = fetched_at != NULL ? g_date_time_to_unix (fetched_at)
                                           : g_get_real_time () / G_USEC_PER_SEC;

  task = start_task (self, iwd_history_store_save_fetch_async, request,
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, save_fetch_thread);
}

/**
 * iwd_history_store_save_fetch_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: the new fetch's id, or 0 with @error set
 */
gint64
iwd_history_store_save_fetch_finish (IwdHistoryStore  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  gssize fetch_id;

  g_return_val_if_fail (g_task_is_valid (result, self), 0);

  fetch_id = g_task_propagate_int (G_TASK (result), error);
  return fetch_id > 0 ? fetch_id : 0;
}

/**
 * iwd_history_store_list_fetches_async:
 * @self: a store
 * @portfolio_id: a portfolio
 * @kind: contracts or commissions
 * @profile_id: (nullable): a profile, or %NULL for the fetches saved
 *   without one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Lists the stored fetches of a portfolio, without their tables.
 */
void
iwd_history_store_list_fetches_async (IwdHistoryStore     *self,
                                      const char          *portfolio_id,
                                      IwdHistoryKind       kind,
                                      const char          *profile_id,
                                      GCancellable        *cancellable,
                                      GAsyncReadyCallback  callback,
                                      gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));
  g_return_if_fail (portfolio_id != NULL);

  task = start_task (self, iwd_history_store_list_fetches_async,
                     request_new (portfolio_id, kind, profile_id),
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, list_fetches_thread);
}

/**
 * iwd_history_store_list_fetches_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IwdHistoryFetch): the fetches,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
iwd_history_store_list_fetches_finish (IwdHistoryStore  *self,
                                       GAsyncResult     *result,
                                       GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_history_store_load_fetch_async:
 * @self: a store
 * @fetch_id: an id from iwd_history_store_list_fetches_finish()
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the table
 * @user_data: data for @callback
 *
 * Reads a stored fetch's table.
 */
void
iwd_history_store_load_fetch_async (IwdHistoryStore     *self,
                                    gint64               fetch_id,
                                    GCancellable        *cancellable,
                                    GAsyncReadyCallback  callback,
                                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));

  request = g_new0 (Request, 1);
  request->fetch_id = fetch_id;
  task = start_task (self, iwd_history_store_load_fetch_async, request,
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, load_fetch_thread);
}

/**
 * iwd_history_store_load_fetch_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the table, or %NULL with @error set,
 *   %IWD_HISTORY_ERROR_NOT_FOUND if no fetch has the id
 */
IwdTable *
iwd_history_store_load_fetch_finish (IwdHistoryStore  *self,
                                     GAsyncResult     *result,
                                     GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_history_store_load_latest_async:
 * @self: a store
 * @portfolio_id: a portfolio
 * @kind: contracts or commissions
 * @profile_id: (nullable): a profile, or %NULL for the fetches saved
 *   without one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the table
 * @user_data: data for @callback
 *
 * Reads the newest stored fetch of a portfolio: the offline copy.
 *
 * TODO: the whole table is decoded before @callback runs, which takes
 * 0.1 to 0.2 s for 100,000 contracts (see bench/README.md). Much larger
 * statements would need their first rows decoded first.
 */
void
iwd_history_store_load_latest_async (IwdHistoryStore     *self,
                                     const char          *portfolio_id,
                                     IwdHistoryKind       kind,
                                     const char          *profile_id,
                                     GCancellable        *cancellable,
                                     GAsyncReadyCallback  callback,
                                     gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));
  g_return_if_fail (portfolio_id != NULL);

  task = start_task (self, iwd_history_store_load_latest_async,
                     request_new (portfolio_id, kind, profile_id),
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, load_latest_thread);
}

/**
 * iwd_history_store_load_latest_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @out_fetch: (out) (optional) (transfer full): the fetch's metadata,
 *   such as its date
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the newest fetch's table, or %NULL with
 *   @error set, %IWD_HISTORY_ERROR_NOT_FOUND if none is stored
 */
IwdTable *
iwd_history_store_load_latest_finish (IwdHistoryStore   *self,
                                      GAsyncResult      *result,
                                      IwdHistoryFetch  **out_fetch,
                                      GError           **error)
{
  LatestResult *latest;
  IwdTable *table;

  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  latest = g_task_propagate_pointer (G_TASK (result), error);
  if (latest == NULL)
    return NULL;

  table = g_steal_pointer (&latest->table);
  if (out_fetch != NULL)
    *out_fetch = g_steal_pointer (&latest->fetch);
  latest_result_free (latest);

  return table;
}

/**
 * iwd_history_store_purge_older_than_async:
 * @self: a store
 * @retention_days: the `retention-days` setting; fetches older than this
 *   many days are deleted, even a portfolio's only one
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes the fetches of every portfolio that are older than the
 * retention period. Their pages are zeroed and reused, but the file does
 * not shrink until iwd_history_store_forget_portfolio_async() runs its
 * VACUUM.
 */
void
iwd_history_store_purge_older_than_async (IwdHistoryStore     *self,
                                          guint                retention_days,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Request *request;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));

  request = g_new0 (Request, 1);
  request->retention_days = retention_days;
  task = start_task (self, iwd_history_store_purge_older_than_async, request,
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, purge_thread);
}

/**
 * iwd_history_store_purge_older_than_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @out_removed: (out) (optional): how many fetches were deleted
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
iwd_history_store_purge_older_than_finish (IwdHistoryStore  *self,
                                           GAsyncResult     *result,
                                           guint            *out_removed,
                                           GError          **error)
{
  gssize removed;

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (removed < 0)
    return FALSE;

  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}

/**
 * iwd_history_store_forget_portfolio_async:
 * @self: a store
 * @portfolio_id: the portfolio to forget
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes every fetch of a portfolio, then rewrites the database file and
 * empties its write-ahead log, so that none of the portfolio's data stays
 * on disk. Any other stored fetch is kept.
 */
void
iwd_history_store_forget_portfolio_async (IwdHistoryStore     *self,
                                          const char          *portfolio_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (IWD_IS_HISTORY_STORE (self));
  g_return_if_fail (portfolio_id != NULL);

  task = start_task (self, iwd_history_store_forget_portfolio_async,
                     request_new (portfolio_id, IWD_HISTORY_KIND_CONTRACTS, NULL),
                     cancellable, callback, user_data);
  g_task_run_in_thread (task, forget_thread);
}

/**
 * iwd_history_store_forget_portfolio_finish:
 * @self: a store
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once nothing of the portfolio is left
 */
gboolean
iwd_history_store_forget_portfolio_finish (IwdHistoryStore  *self,
                                           GAsyncResult     *result,
                                           GError          **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
