/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The data of one portfolio between the ImportWeb client and the history
 * store: a portfolio's contracts, or one profile's commission lines.
 *
 * A load shows the newest stored fetch first, then fetches from the
 * network. A reply is saved as a new fetch and replaces the table. When
 * the network cannot be reached and a copy is shown, the load succeeds
 * and the data is marked offline instead.
 */

#include "config.h"

#include "iwd-portfolio-data.h"

#include "iwd-api-error.h"
#include "iwd-history-diff.h"
#include "iwd-routes.h"

typedef struct {
  GFileProgressCallback  progress_callback;
  gpointer               progress_data;
  GCancellable          *caller_cancellable;  /* owned */
  gulong                 caller_handler;
  IwdTable              *fetched;             /* owned; the network's reply */
  GDateTime             *fetched_at;          /* owned */
} LoadData;

typedef struct {
  gint64    fetch_ids[2];                     /* older first */
  IwdTable *tables[2];                        /* owned */
  guint     n_loaded;
  IwdHistoryValueFormatter format_value;      /* nullable */
} CompareData;

struct _IwdPortfolioData
{
  GObject           parent_instance;

  IwdClient        *client;                   /* owned */
  IwdHistoryStore  *store;                    /* owned */
  char             *portfolio_id;             /* owned */
  char             *profile_id;               /* owned; NULL for contracts */
  IwdHistoryKind    kind;
  IwdHistoryValueFormatter format_value;      /* nullable: for comparisons */

  IwdTable         *table;                    /* owned; NULL until a copy or a reply */
  GDateTime        *fetched_at;               /* owned; when @table was fetched */
  gboolean          offline;
  gboolean          loading;

  GCancellable     *load_cancellable;         /* owned; of the running load */
  GTask            *pending_forget;           /* owned; waits for the load to stop */
};

G_DEFINE_FINAL_TYPE (IwdPortfolioData, iwd_portfolio_data, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_TABLE,
  PROP_FETCHED_AT,
  PROP_OFFLINE,
  PROP_LOADING,
  N_PROPS
};

enum {
  SIGNAL_COPY_LOADED,
  SIGNAL_UPDATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void start_forget (GTask *task);

static void
load_data_free (LoadData *data)
{
  if (data->caller_handler != 0)
    g_cancellable_disconnect (data->caller_cancellable, data->caller_handler);
  g_clear_object (&data->caller_cancellable);
  g_clear_object (&data->fetched);
  g_clear_pointer (&data->fetched_at, g_date_time_unref);
  g_free (data);
}

static void
compare_data_free (CompareData *data)
{
  g_clear_object (&data->tables[0]);
  g_clear_object (&data->tables[1]);
  g_free (data);
}

static void
set_offline (IwdPortfolioData *self,
             gboolean          offline)
{
  if (self->offline == offline)
    return;

  self->offline = offline;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_OFFLINE]);
}

static void
set_loading (IwdPortfolioData *self,
             gboolean          loading)
{
  if (self->loading == loading)
    return;

  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOADING]);
}

/* Notifies fetched-at before table, so that a handler of notify::table
 * reads the date of the new table. */
static void
set_table (IwdPortfolioData *self,
           IwdTable         *table,
           GDateTime        *fetched_at)
{
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  self->fetched_at = fetched_at != NULL ? g_date_time_ref (fetched_at) : NULL;
  g_set_object (&self->table, table);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FETCHED_AT]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TABLE]);
}

static const char *
get_call_name (IwdPortfolioData *self)
{
  if (self->kind == IWD_HISTORY_KIND_COMMISSIONS)
    return iwd_route_get_name (IWD_ROUTE_PORTFOLIO_COMMISSIONS);

  return iwd_route_get_name (IWD_ROUTE_PORTFOLIO_CONTRACTS);
}

static gboolean
is_network_error (const GError *error)
{
  return g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK) ||
         g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT);
}

static void
on_caller_cancelled (GCancellable *caller,
                     gpointer      user_data)
{
  g_cancellable_cancel (G_CANCELLABLE (user_data));
}

/* Every load ends here, so that a forget that waited for it starts. */
static void
end_load (IwdPortfolioData *self,
          GTask            *task,
          GError           *error)
{
  GTask *pending_forget = g_steal_pointer (&self->pending_forget);

  g_clear_object (&self->load_cancellable);
  set_loading (self, FALSE);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);

  if (pending_forget != NULL)
    start_forget (pending_forget);
}

static void contracts_fetched_cb   (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);
static void commissions_fetched_cb (GObject      *source,
                                    GAsyncResult *result,
                                    gpointer      user_data);

static void
fetch_from_network (GTask *task)
{
  IwdPortfolioData *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (self->kind == IWD_HISTORY_KIND_COMMISSIONS)
    iwd_client_get_commissions_async (self->client, self->portfolio_id, self->profile_id,
                                      IWD_COMMISSIONS_FORMAT_TSV,
                                      data->progress_callback, data->progress_data,
                                      self->load_cancellable, commissions_fetched_cb, task);
  else
    iwd_client_get_contracts_async (self->client, self->portfolio_id,
                                    data->progress_callback, data->progress_data,
                                    self->load_cancellable, contracts_fetched_cb, task);
}

/* Ends a failed fetch. After a network failure, a copy on screen stays
 * and the data is marked offline. */
static void
take_fetch_error (GTask  *task,
                  GError *error)
{
  IwdPortfolioData *self = g_task_get_source_object (task);
  g_autofree char *date = NULL;

  if (!is_network_error (error) || self->table == NULL)
    {
      end_load (self, task, error);
      return;
    }

  date = g_date_time_format_iso8601 (self->fetched_at);
  g_message ("history: portfolio %s is offline, showing its copy of %s: %s",
             self->portfolio_id, date, error->message);
  g_error_free (error);

  set_offline (self, TRUE);
  end_load (self, task, NULL);
}

static void
show_reply (GTask *task)
{
  IwdPortfolioData *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  set_table (self, data->fetched, data->fetched_at);
  set_offline (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_UPDATED], 0, self->table);

  end_load (self, task, NULL);
}

static void
fetch_saved_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdPortfolioData *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;

  iwd_history_store_save_fetch_finish (IWD_HISTORY_STORE (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      end_load (self, task, g_steal_pointer (&error));
      return;
    }

  /* The reply is shown even when it cannot be kept. */
  if (error != NULL)
    g_warning ("history: cannot save the %s of portfolio %s: %s",
               iwd_history_kind_to_string (self->kind), self->portfolio_id, error->message);

  show_reply (task);
}

static void
take_fetched_table (GTask    *task,
                    IwdTable *table,
                    GError   *error)
{
  IwdPortfolioData *self = g_task_get_source_object (task);
  LoadData *data = g_task_get_task_data (task);

  if (table == NULL)
    {
      take_fetch_error (task, error);
      return;
    }

  data->fetched = table;
  data->fetched_at = g_date_time_new_now_local ();

  /* The robot sends no row while it is still collecting. Saving that
   * reply would list every row as new in the next comparison. */
  if (iwd_table_get_n_rows (table) == 0)
    {
      show_reply (task);
      return;
    }

  iwd_history_store_save_fetch_async (self->store, self->portfolio_id, self->profile_id,
                                      self->kind, get_call_name (self), data->fetched_at,
                                      table, self->load_cancellable, fetch_saved_cb,
                                      g_object_ref (task));
}

static void
contracts_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  IwdTable *table;

  table = iwd_client_get_contracts_finish (IWD_CLIENT (source), result, &error);
  take_fetched_table (task, table, error);
}

static void
commissions_fetched_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  IwdTable *table;

  table = iwd_client_get_commissions_finish (IWD_CLIENT (source), result, &error);
  take_fetched_table (task, table, error);
}

static void
latest_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  IwdPortfolioData *self = g_task_get_source_object (task);
  g_autoptr(IwdHistoryFetch) fetch = NULL;
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autoptr(GError) error = NULL;

  table = iwd_history_store_load_latest_finish (IWD_HISTORY_STORE (source), result,
                                                &fetch, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      end_load (self, task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }

  /* A copy that cannot be read costs only the instant display. */
  if (error != NULL && !g_error_matches (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND))
    g_warning ("history: cannot read the copy of portfolio %s: %s",
               self->portfolio_id, error->message);

  if (table != NULL)
    {
      fetched_at = g_date_time_new_from_unix_local (fetch->fetched_at);
      set_table (self, table, fetched_at);
      g_signal_emit (self, signals[SIGNAL_COPY_LOADED], 0, table);
    }

  fetch_from_network (task);
}

static void
compare_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  IwdPortfolioData *self = source_object;
  CompareData *data = task_data;
  IwdTable *diff;

  if (self->kind == IWD_HISTORY_KIND_COMMISSIONS)
    diff = iwd_history_diff_commissions (data->tables[0], data->tables[1]);
  else
    diff = iwd_history_diff_contracts_formatted (data->tables[0], data->tables[1],
                                                 data->format_value);

  g_task_return_pointer (task, diff, g_object_unref);
}

static void
compared_fetch_loaded_cb (GObject      *source,
                          GAsyncResult *result,
                          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  CompareData *data = g_task_get_task_data (task);
  GError *error = NULL;
  IwdTable *table;

  table = iwd_history_store_load_fetch_finish (IWD_HISTORY_STORE (source), result, &error);
  if (table == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data->tables[data->n_loaded++] = table;
  if (data->n_loaded < G_N_ELEMENTS (data->tables))
    iwd_history_store_load_fetch_async (IWD_HISTORY_STORE (source),
                                        data->fetch_ids[data->n_loaded],
                                        g_task_get_cancellable (task),
                                        compared_fetch_loaded_cb, g_object_ref (task));
  else
    g_task_run_in_thread (task, compare_thread);
}

static void
fetches_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  GPtrArray *fetches;

  fetches = iwd_history_store_list_fetches_finish (IWD_HISTORY_STORE (source), result, &error);
  if (fetches == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, fetches, (GDestroyNotify) g_ptr_array_unref);
}

static void
portfolio_forgotten_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdPortfolioData *self = g_task_get_source_object (task);
  GError *error = NULL;

  if (!iwd_history_store_forget_portfolio_finish (IWD_HISTORY_STORE (source), result, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  set_table (self, NULL, NULL);
  set_offline (self, FALSE);
  g_task_return_boolean (task, TRUE);
}

static void
start_forget (GTask *task)
{
  IwdPortfolioData *self = g_task_get_source_object (task);

  iwd_history_store_forget_portfolio_async (self->store, self->portfolio_id,
                                            g_task_get_cancellable (task),
                                            portfolio_forgotten_cb, task);
}

static void
purged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;
  guint removed = 0;

  if (!iwd_history_store_purge_older_than_finish (IWD_HISTORY_STORE (source), result,
                                                  &removed, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_int (task, removed);
}

static void
iwd_portfolio_data_dispose (GObject *object)
{
  IwdPortfolioData *self = IWD_PORTFOLIO_DATA (object);

  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
  g_clear_object (&self->table);
  g_clear_pointer (&self->fetched_at, g_date_time_unref);
  g_clear_object (&self->client);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (iwd_portfolio_data_parent_class)->dispose (object);
}

static void
iwd_portfolio_data_finalize (GObject *object)
{
  IwdPortfolioData *self = IWD_PORTFOLIO_DATA (object);

  g_free (self->portfolio_id);
  g_free (self->profile_id);

  G_OBJECT_CLASS (iwd_portfolio_data_parent_class)->finalize (object);
}

static void
iwd_portfolio_data_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IwdPortfolioData *self = IWD_PORTFOLIO_DATA (object);

  switch (prop_id)
    {
    case PROP_TABLE:
      g_value_set_object (value, self->table);
      break;
    case PROP_FETCHED_AT:
      g_value_set_boxed (value, self->fetched_at);
      break;
    case PROP_OFFLINE:
      g_value_set_boolean (value, self->offline);
      break;
    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_portfolio_data_class_init (IwdPortfolioDataClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_portfolio_data_dispose;
  object_class->finalize = iwd_portfolio_data_finalize;
  object_class->get_property = iwd_portfolio_data_get_property;

  /**
   * IwdPortfolioData:table:
   *
   * The table shown: the stored copy, then the network's reply.
   */
  properties[PROP_TABLE] =
    g_param_spec_object ("table", NULL, NULL, IWD_TYPE_TABLE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdPortfolioData:fetched-at:
   *
   * When the table shown was fetched, in local time.
   */
  properties[PROP_FETCHED_AT] =
    g_param_spec_boxed ("fetched-at", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdPortfolioData:offline:
   *
   * Whether the last load could not reach the network and the table is
   * the stored copy.
   */
  properties[PROP_OFFLINE] =
    g_param_spec_boolean ("offline", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdPortfolioData:loading:
   *
   * Whether a load is running.
   */
  properties[PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdPortfolioData::copy-loaded:
   * @self: the data
   * @table: the stored copy
   *
   * Emitted when a load has read the newest stored fetch, before it
   * fetches from the network.
   */
  signals[SIGNAL_COPY_LOADED] =
    g_signal_new ("copy-loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IWD_TYPE_TABLE);

  /**
   * IwdPortfolioData::updated:
   * @self: the data
   * @table: the network's reply
   *
   * Emitted when a reply from the network has replaced the table, after
   * it was saved as a new fetch. A reply without rows is not saved.
   */
  signals[SIGNAL_UPDATED] =
    g_signal_new ("updated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, IWD_TYPE_TABLE);
}

static void
iwd_portfolio_data_init (IwdPortfolioData *self)
{
}

/**
 * iwd_portfolio_data_new:
 * @client: the account's client
 * @store: the account's history store
 * @portfolio_id: a portfolio
 * @kind: the portfolio's contracts, or a profile's commission lines
 * @profile_id: (nullable): the profile for %IWD_HISTORY_KIND_COMMISSIONS,
 *   %NULL for contracts
 *
 * Creates the data of a portfolio. Nothing is read before
 * iwd_portfolio_data_load_async().
 *
 * Returns: (transfer full): new data
 */
IwdPortfolioData *
iwd_portfolio_data_new (IwdClient       *client,
                        IwdHistoryStore *store,
                        const char      *portfolio_id,
                        IwdHistoryKind   kind,
                        const char      *profile_id)
{
  IwdPortfolioData *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_HISTORY_STORE (store), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);
  g_return_val_if_fail ((kind == IWD_HISTORY_KIND_COMMISSIONS) == (profile_id != NULL), NULL);

  self = g_object_new (IWD_TYPE_PORTFOLIO_DATA, NULL);
  self->client = g_object_ref (client);
  self->store = g_object_ref (store);
  self->portfolio_id = g_strdup (portfolio_id);
  self->profile_id = g_strdup (profile_id);
  self->kind = kind;

  return self;
}

/**
 * iwd_portfolio_data_get_portfolio_id:
 * @self: data
 *
 * Returns: the portfolio's id
 */
const char *
iwd_portfolio_data_get_portfolio_id (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), NULL);

  return self->portfolio_id;
}

/**
 * iwd_portfolio_data_get_profile_id:
 * @self: data
 *
 * Returns: (nullable): the profile of commission lines, or %NULL
 */
const char *
iwd_portfolio_data_get_profile_id (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), NULL);

  return self->profile_id;
}

/**
 * iwd_portfolio_data_get_kind:
 * @self: data
 *
 * Returns: contracts or commissions
 */
IwdHistoryKind
iwd_portfolio_data_get_kind (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), IWD_HISTORY_KIND_CONTRACTS);

  return self->kind;
}

/**
 * iwd_portfolio_data_get_store:
 * @self: data
 *
 * Returns: (transfer none): the history store
 */
IwdHistoryStore *
iwd_portfolio_data_get_store (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), NULL);

  return self->store;
}

/**
 * iwd_portfolio_data_get_table:
 * @self: data
 *
 * Returns: (transfer none) (nullable): the table shown, or %NULL before
 *   the first copy or reply
 */
IwdTable *
iwd_portfolio_data_get_table (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), NULL);

  return self->table;
}

/**
 * iwd_portfolio_data_get_fetched_at:
 * @self: data
 *
 * Returns: (transfer none) (nullable): when the table shown was fetched
 */
GDateTime *
iwd_portfolio_data_get_fetched_at (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), NULL);

  return self->fetched_at;
}

/**
 * iwd_portfolio_data_get_offline:
 * @self: data
 *
 * Returns: whether the table is a stored copy because the network could
 *   not be reached
 */
gboolean
iwd_portfolio_data_get_offline (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), FALSE);

  return self->offline;
}

/**
 * iwd_portfolio_data_get_loading:
 * @self: data
 *
 * Returns: whether a load is running
 */
gboolean
iwd_portfolio_data_get_loading (IwdPortfolioData *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (self), FALSE);

  return self->loading;
}

/**
 * iwd_portfolio_data_load_async:
 * @self: data
 * @progress_callback: (nullable): called with the bytes received
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the load is done
 * @user_data: data for @callback
 *
 * Shows the newest stored fetch, if no table is shown yet, and emits
 * #IwdPortfolioData::copy-loaded. Then fetches from the network, saves
 * the reply unless it has no rows, and emits #IwdPortfolioData::updated.
 *
 * A load while another runs fails with %G_IO_ERROR_PENDING.
 */
void
iwd_portfolio_data_load_async (IwdPortfolioData      *self,
                               GFileProgressCallback  progress_callback,
                               gpointer               progress_data,
                               GCancellable          *cancellable,
                               GAsyncReadyCallback    callback,
                               gpointer               user_data)
{
  GTask *task;
  LoadData *data;

  g_return_if_fail (IWD_IS_PORTFOLIO_DATA (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_portfolio_data_load_async);
  if (self->loading)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_PENDING,
                               "portfolio %s is already loading", self->portfolio_id);
      g_object_unref (task);
      return;
    }

  /* An own cancellable lets iwd_portfolio_data_forget_async() stop the
   * load before its reply is saved again. */
  self->load_cancellable = g_cancellable_new ();
  data = g_new0 (LoadData, 1);
  data->progress_callback = progress_callback;
  data->progress_data = progress_data;
  if (cancellable != NULL)
    {
      data->caller_cancellable = g_object_ref (cancellable);
      data->caller_handler = g_cancellable_connect (cancellable, G_CALLBACK (on_caller_cancelled),
                                                    g_object_ref (self->load_cancellable),
                                                    g_object_unref);
    }
  g_task_set_task_data (task, data, (GDestroyNotify) load_data_free);
  set_loading (self, TRUE);

  if (self->table != NULL)
    fetch_from_network (task);
  else
    iwd_history_store_load_latest_async (self->store, self->portfolio_id, self->kind,
                                         self->profile_id, self->load_cancellable,
                                         latest_loaded_cb, task);
}

/**
 * iwd_portfolio_data_load_finish:
 * @self: data
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Finishes a load. A network failure (%IWD_API_ERROR_NETWORK or
 * %IWD_API_ERROR_TIMEOUT) while a copy is shown is no error: the load
 * returns %TRUE and #IwdPortfolioData:offline is set. Any other failure
 * is returned, and the table shown, if any, stays.
 *
 * Returns: %TRUE if a table is shown and the load did not fail otherwise
 */
gboolean
iwd_portfolio_data_load_finish (IwdPortfolioData  *self,
                                GAsyncResult      *result,
                                GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_portfolio_data_list_fetches_async:
 * @self: data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the list
 * @user_data: data for @callback
 *
 * Lists the stored fetches of the portfolio, and kind and profile.
 */
void
iwd_portfolio_data_list_fetches_async (IwdPortfolioData    *self,
                                       GCancellable        *cancellable,
                                       GAsyncReadyCallback  callback,
                                       gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_PORTFOLIO_DATA (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_portfolio_data_list_fetches_async);
  iwd_history_store_list_fetches_async (self->store, self->portfolio_id, self->kind,
                                        self->profile_id, cancellable, fetches_listed_cb, task);
}

/**
 * iwd_portfolio_data_list_fetches_finish:
 * @self: data
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (element-type IwdHistoryFetch): the fetches,
 *   newest first, or %NULL with @error set
 */
GPtrArray *
iwd_portfolio_data_list_fetches_finish (IwdPortfolioData  *self,
                                        GAsyncResult      *result,
                                        GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_portfolio_data_set_value_formatter:
 * @self: a #IwdPortfolioData of contracts
 * @format_value: (nullable): writes the old and new values of the next
 *   comparisons, or %NULL to write them as iwd_table_dup_cell_string()
 *   does
 *
 * Chooses how iwd_portfolio_data_compare_async() writes the changed
 * values of contracts, which it passes to
 * iwd_history_diff_contracts_formatted(). Commission lines keep their
 * typed columns. @format_value runs in a worker thread.
 */
void
iwd_portfolio_data_set_value_formatter (IwdPortfolioData         *self,
                                        IwdHistoryValueFormatter  format_value)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_DATA (self));

  self->format_value = format_value;
}

/**
 * iwd_portfolio_data_compare_async:
 * @self: data
 * @fetch_a: the id of a stored fetch
 * @fetch_b: the id of another stored fetch
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the differences
 * @user_data: data for @callback
 *
 * Compares two stored fetches, the one saved first as the previous one
 * whatever the order of the arguments: contracts that appeared, vanished
 * or changed, or commission lines that are new.
 */
void
iwd_portfolio_data_compare_async (IwdPortfolioData    *self,
                                  gint64               fetch_a,
                                  gint64               fetch_b,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  GTask *task;
  CompareData *data;

  g_return_if_fail (IWD_IS_PORTFOLIO_DATA (self));

  /* The store's ids grow with each save. */
  data = g_new0 (CompareData, 1);
  data->fetch_ids[0] = MIN (fetch_a, fetch_b);
  data->fetch_ids[1] = MAX (fetch_a, fetch_b);
  data->format_value = self->format_value;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_portfolio_data_compare_async);
  g_task_set_task_data (task, data, (GDestroyNotify) compare_data_free);
  iwd_history_store_load_fetch_async (self->store, data->fetch_ids[0], cancellable,
                                      compared_fetch_loaded_cb, task);
}

/**
 * iwd_portfolio_data_compare_finish:
 * @self: data
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full): the table of differences, with the columns
 *   of iwd_history_diff_contracts() or iwd_history_diff_commissions(),
 *   or %NULL with @error set
 */
IwdTable *
iwd_portfolio_data_compare_finish (IwdPortfolioData  *self,
                                   GAsyncResult      *result,
                                   GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_portfolio_data_forget_async:
 * @self: data
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Removes every local trace of the portfolio: the stored fetches of its
 * contracts and of every profile's commissions, in the database file
 * and its write-ahead log, and the table held in memory. A running load
 * is cancelled first, so that its reply is not saved again.
 *
 * The account's state file keeps the portfolio's entry: removing the
 * portfolio itself is iwd_account_state_remove_portfolio()'s work.
 */
void
iwd_portfolio_data_forget_async (IwdPortfolioData    *self,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_PORTFOLIO_DATA (self));
  g_return_if_fail (self->pending_forget == NULL);

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_portfolio_data_forget_async);

  if (!self->loading)
    {
      start_forget (task);
      return;
    }

  self->pending_forget = task;
  g_cancellable_cancel (self->load_cancellable);
}

/**
 * iwd_portfolio_data_forget_finish:
 * @self: data
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once nothing of the portfolio is stored
 */
gboolean
iwd_portfolio_data_forget_finish (IwdPortfolioData  *self,
                                  GAsyncResult      *result,
                                  GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_portfolio_data_purge_async:
 * @store: an account's history store
 * @settings: (nullable): the application's settings, or %NULL for
 *   those of `APP_ID`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when done
 * @user_data: data for @callback
 *
 * Deletes the fetches older than the `retention-days` setting, of every
 * portfolio of the account. Meant to run once when an account opens.
 */
void
iwd_portfolio_data_purge_async (IwdHistoryStore     *store,
                                GSettings           *settings,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GSettings) own_settings = NULL;
  GTask *task;
  guint retention_days;

  g_return_if_fail (IWD_IS_HISTORY_STORE (store));

  if (settings == NULL)
    settings = own_settings = g_settings_new (APP_ID);
  retention_days = g_settings_get_uint (settings, "retention-days");

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_portfolio_data_purge_async);
  iwd_history_store_purge_older_than_async (store, retention_days, cancellable,
                                            purged_cb, task);
}

/**
 * iwd_portfolio_data_purge_finish:
 * @result: the result passed to the callback
 * @out_removed: (out) (optional): how many fetches were deleted
 * @error: return location for a #GError
 *
 * Returns: %TRUE on success
 */
gboolean
iwd_portfolio_data_purge_finish (GAsyncResult  *result,
                                 guint         *out_removed,
                                 GError       **error)
{
  gssize removed;

  g_return_val_if_fail (G_IS_TASK (result), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_portfolio_data_purge_async,
                        FALSE);

  removed = g_task_propagate_int (G_TASK (result), error);
  if (removed < 0)
    return FALSE;

  if (out_removed != NULL)
    *out_removed = removed;
  return TRUE;
}
