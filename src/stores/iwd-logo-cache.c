/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Company logos from the site, kept on disk between runs.
 *
 * A load first reads the company's files in a worker thread. A copy on
 * disk is returned at once. When it was fetched more than max-age ago, a
 * conditional GET revalidates it in the background, and "logo-changed" is
 * emitted so the page redraws if the site sent a different image. Because
 * the copy is returned before any request, a start without network shows
 * every logo already cached, whatever its age. Without a copy, the load
 * waits for a fetch that all loads of the same company share.
 *
 * Fetches wait in a FIFO queue so that at most max-fetches requests are in
 * flight. A 404 or a reply that does not decode is remembered for the
 * session, logged once, and not requested again until the next run.
 *
 * TODO: files of companies that left the company list stay in the
 * directory, because nothing prunes it by age or by total size. */

#include "iwd-logo-cache.h"

#include "iwd-api-error.h"
#include "iwd-logo-entry.h"

#define MAX_MAX_FETCHES 64

typedef enum {
  FETCH_QUEUED,
  FETCH_SENDING,
  FETCH_STORING,
} FetchState;

/* One request for a company's logo, shared by every load that waits
 * for it. Owned by the cache's fetches table until it finishes. */
typedef struct {
  IwdLogoCache *cache;        /* owned, so the cache outlives its fetches */
  char         *company;
  FetchState    state;
  gboolean      background;   /* started by a revalidation, not by a load */
  gboolean      abandoned;    /* cancelled and out of the table, not freed */
  IwdLogoEntry *cached;       /* owned, nullable: the copy on disk */
  IwdLogoEntry *received;     /* owned, nullable: the image the site sent */
  GCancellable *cancellable;  /* owned: cancels the request itself */
  GPtrArray    *waiters;      /* owned, of Waiter */
} Fetch;

/* A load waiting for a fetch, with the source that notices when the
 * caller cancels it. */
typedef struct {
  GTask   *task;              /* owned */
  Fetch   *fetch;             /* unowned: the fetch owns its waiters */
  GSource *cancel_source;     /* owned, nullable */
} Waiter;

/* Arguments of a read or write in a worker thread. */
typedef struct {
  char         *directory;
  char         *company;
  IwdLogoEntry *entry;        /* unowned, nullable: the Fetch owns it */
  gboolean      with_image;
} DiskJob;

struct _IwdLogoCache {
  GObject     parent_instance;

  IwdClient  *client;         /* owned */
  char       *directory;      /* owned */
  guint       max_fetches;
  GTimeSpan   max_age;

  GHashTable *fetches;        /* company → owned Fetch */
  GQueue      queue;          /* of Fetch owned by @fetches, not yet sent */
  guint       n_sending;
  GHashTable *failures;       /* company → owned GError, for the session */
};

G_DEFINE_FINAL_TYPE (IwdLogoCache, iwd_logo_cache, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_DIRECTORY,
  PROP_MAX_FETCHES,
  PROP_MAX_AGE,
  N_PROPS
};

enum {
  LOGO_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static gboolean on_waiter_cancelled (GCancellable *cancellable, gpointer data);
static void on_asset_fetched (GObject *source, GAsyncResult *result, gpointer data);
static void on_entry_stored (GObject *source, GAsyncResult *result, gpointer data);

static void
waiter_free (Waiter *waiter)
{
  if (waiter->cancel_source != NULL)
    g_source_destroy (waiter->cancel_source);

  g_clear_pointer (&waiter->cancel_source, g_source_unref);
  g_clear_object (&waiter->task);
  g_free (waiter);
}

static Fetch *
fetch_new (IwdLogoCache *self,
           const char   *company,
           IwdLogoEntry *cached)
{
  Fetch *fetch = g_new0 (Fetch, 1);

  fetch->cache = g_object_ref (self);
  fetch->company = g_strdup (company);
  fetch->state = FETCH_QUEUED;
  fetch->cached = cached;
  fetch->cancellable = g_cancellable_new ();
  fetch->waiters = g_ptr_array_new_with_free_func ((GDestroyNotify) waiter_free);

  return fetch;
}

static void
fetch_free (Fetch *fetch)
{
  g_clear_pointer (&fetch->waiters, g_ptr_array_unref);
  g_clear_object (&fetch->cancellable);
  g_clear_pointer (&fetch->received, iwd_logo_entry_free);
  g_clear_pointer (&fetch->cached, iwd_logo_entry_free);
  g_clear_pointer (&fetch->company, g_free);
  g_clear_object (&fetch->cache);
  g_free (fetch);
}

static DiskJob *
disk_job_new (IwdLogoCache *self,
              const char   *company,
              IwdLogoEntry *entry,
              gboolean      with_image)
{
  DiskJob *job = g_new0 (DiskJob, 1);

  job->directory = g_strdup (self->directory);
  job->company = g_strdup (company);
  job->entry = entry;
  job->with_image = with_image;

  return job;
}

static void
disk_job_free (DiskJob *job)
{
  g_free (job->directory);
  g_free (job->company);
  g_free (job);
}

static gboolean
entry_is_fresh (IwdLogoCache       *self,
                const IwdLogoEntry *entry)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  GTimeSpan age = g_date_time_difference (now, entry->fetched_at);

  /* A fetch time in the future means the clock was changed, so the copy
   * is revalidated. */
  return age >= 0 && age < self->max_age;
}

/* Failures that no retry within the session can fix are logged here, once,
 * because the page loads the logo again on every redraw. */
static void
remember_failure (IwdLogoCache *self,
                  const char   *company,
                  const GError *error)
{
  if (g_hash_table_contains (self->failures, company))
    return;

  g_message ("logos: no logo for %s: %s", company, error->message);
  g_hash_table_insert (self->failures, g_strdup (company), g_error_copy (error));
}

static void
return_bytes_or_error (GTask        *task,
                       GBytes       *bytes,
                       const GError *error)
{
  if (bytes != NULL)
    g_task_return_pointer (task, g_bytes_ref (bytes), (GDestroyNotify) g_bytes_unref);
  else
    g_task_return_error (task, g_error_copy (error));
}

/* Gives the outcome to every waiter and drops the fetch. */
static void
finish_fetch (IwdLogoCache *self,
              Fetch        *fetch,
              GBytes       *bytes,
              const GError *error)
{
  for (guint i = 0; i < fetch->waiters->len; i++)
    {
      Waiter *waiter = g_ptr_array_index (fetch->waiters, i);

      return_bytes_or_error (waiter->task, bytes, error);
    }

  g_hash_table_remove (self->fetches, fetch->company);
}

static void
send_fetch (IwdLogoCache *self,
            Fetch        *fetch)
{
  const char *etag = fetch->cached != NULL ? fetch->cached->etag : NULL;
  const char *last_modified = fetch->cached != NULL ? fetch->cached->last_modified : NULL;

  fetch->state = FETCH_SENDING;
  self->n_sending++;

  iwd_client_fetch_asset_async (self->client, IWD_ROUTE_LOGO, fetch->company,
                                etag, last_modified, fetch->cancellable,
                                on_asset_fetched, fetch);
}

static void
send_queued_fetches (IwdLogoCache *self)
{
  while (self->n_sending < self->max_fetches && !g_queue_is_empty (&self->queue))
    send_fetch (self, g_queue_pop_head (&self->queue));
}

static void
enqueue_fetch (IwdLogoCache *self,
               Fetch        *fetch)
{
  g_hash_table_insert (self->fetches, fetch->company, fetch);
  g_queue_push_tail (&self->queue, fetch);

  send_queued_fetches (self);
}

/* Stops a fetch that no load waits for any more. A revalidation goes on,
 * because it was never started for a waiter, and so does a fetch that is
 * already writing to disk. */
static void
drop_fetch_if_abandoned (IwdLogoCache *self,
                         Fetch        *fetch)
{
  if (fetch->waiters->len > 0 || fetch->background)
    return;

  /* Out of the table at once, so that a new load starts a new fetch
   * instead of joining this cancelled one. */
  if (fetch->state == FETCH_SENDING)
    {
      fetch->abandoned = TRUE;
      g_hash_table_steal (self->fetches, fetch->company);
      g_cancellable_cancel (fetch->cancellable);
    }
  else if (fetch->state == FETCH_QUEUED)
    {
      g_queue_remove (&self->queue, fetch);
      g_hash_table_remove (self->fetches, fetch->company);
    }
}

/* The job's task has no source object, because its worker thread may drop
 * the last reference to it and the cache must be finalized on its own
 * thread. The callback reaches the cache through @user_data. */
static void
start_disk_job (DiskJob             *job,
                GTaskThreadFunc      thread_func,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (NULL, NULL, callback, user_data);

  g_task_set_source_tag (task, thread_func);
  g_task_set_task_data (task, job, (GDestroyNotify) disk_job_free);
  g_task_run_in_thread (task, thread_func);
}

static void
read_entry_in_thread (GTask        *task,
                      gpointer      source,
                      gpointer      data,
                      GCancellable *cancellable)
{
  DiskJob *job = data;
  GError *error = NULL;
  IwdLogoEntry *entry = iwd_logo_entry_read (job->directory, job->company, &error);

  if (entry == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, entry, (GDestroyNotify) iwd_logo_entry_free);
}

static void
store_entry_in_thread (GTask        *task,
                       gpointer      source,
                       gpointer      data,
                       GCancellable *cancellable)
{
  DiskJob *job = data;
  GError *error = NULL;

  if (job->with_image && !iwd_logo_entry_validate_image (job->entry->image, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  if (!iwd_logo_entry_write (job->entry, job->directory, job->company,
                             job->with_image, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
store_entry (IwdLogoCache *self,
             Fetch        *fetch,
             IwdLogoEntry *entry,
             gboolean      with_image)
{
  DiskJob *job = disk_job_new (self, fetch->company, entry, with_image);

  fetch->state = FETCH_STORING;
  start_disk_job (job, store_entry_in_thread, on_entry_stored, fetch);
}

static void
add_waiter (Fetch *fetch,
            GTask *task)
{
  Waiter *waiter = g_new0 (Waiter, 1);
  GCancellable *cancellable = g_task_get_cancellable (task);

  waiter->task = g_object_ref (task);
  waiter->fetch = fetch;

  if (cancellable != NULL)
    {
      waiter->cancel_source = g_cancellable_source_new (cancellable);
      g_source_set_callback (waiter->cancel_source, G_SOURCE_FUNC (on_waiter_cancelled),
                             waiter, NULL);
      g_source_attach (waiter->cancel_source, g_task_get_context (task));
    }

  g_ptr_array_add (fetch->waiters, waiter);
}

/* Starts a conditional GET for a stale copy, unless one is running or the
 * site already failed for this company in this session. */
static void
revalidate_entry (IwdLogoCache *self,
                  const char   *company,
                  IwdLogoEntry *entry)
{
  Fetch *fetch;

  if (g_hash_table_contains (self->fetches, company) ||
      g_hash_table_contains (self->failures, company))
    {
      iwd_logo_entry_free (entry);
      return;
    }

  fetch = fetch_new (self, company, entry);
  fetch->background = TRUE;
  enqueue_fetch (self, fetch);
}

static void
serve_cached_entry (IwdLogoCache *self,
                    GTask        *task,
                    IwdLogoEntry *entry)
{
  const char *company = g_task_get_task_data (task);

  g_task_return_pointer (task, g_bytes_ref (entry->image), (GDestroyNotify) g_bytes_unref);

  if (entry_is_fresh (self, entry))
    iwd_logo_entry_free (entry);
  else
    revalidate_entry (self, company, entry);
}

static void
serve_miss (IwdLogoCache *self,
            GTask        *task)
{
  const char *company = g_task_get_task_data (task);
  const GError *failure = g_hash_table_lookup (self->failures, company);
  Fetch *fetch;

  if (failure != NULL)
    {
      g_task_return_error (task, g_error_copy (failure));
      return;
    }

  fetch = g_hash_table_lookup (self->fetches, company);
  if (fetch != NULL)
    {
      add_waiter (fetch, task);
      return;
    }

  fetch = fetch_new (self, company, NULL);
  add_waiter (fetch, task);
  enqueue_fetch (self, fetch);
}

/* A 404 also deletes any copy on disk, because the site removed the logo. */
static void
handle_not_found (IwdLogoCache *self,
                  Fetch        *fetch,
                  const GError *error)
{
  g_autoptr(GError) failure = NULL;
  g_autofree char *company = g_strdup (fetch->company);
  gboolean had_copy = fetch->cached != NULL;

  failure = g_error_new (IWD_LOGO_ERROR, IWD_LOGO_ERROR_NOT_FOUND, "%s", error->message);
  remember_failure (self, company, failure);

  /* Two unlink() calls, too small to need the worker thread. */
  if (had_copy)
    iwd_logo_entry_delete (self->directory, company);

  finish_fetch (self, fetch, NULL, failure);

  if (had_copy)
    g_signal_emit (self, signals[LOGO_CHANGED], 0, company);
}

static void
handle_fetch_error (IwdLogoCache *self,
                    Fetch        *fetch,
                    const GError *error)
{
  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND))
    {
      handle_not_found (self, fetch, error);
      return;
    }

  /* Offline, a revalidation keeps the copy that its load already got. */
  if (fetch->cached != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_info ("logos: cannot revalidate the logo of %s, keeping the cached copy: %s",
              fetch->company, error->message);
      finish_fetch (self, fetch, fetch->cached->image, NULL);
      return;
    }

  finish_fetch (self, fetch, NULL, error);
}

static void
handle_not_modified (IwdLogoCache *self,
                     Fetch        *fetch,
                     const char   *etag,
                     const char   *last_modified)
{
  IwdLogoEntry *cached = fetch->cached;

  if (cached == NULL)
    {
      g_autoptr(GError) error = g_error_new (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
                                             "logo of %s: 304 reply to a request without validators",
                                             fetch->company);
      finish_fetch (self, fetch, NULL, error);
      return;
    }

  g_clear_pointer (&cached->fetched_at, g_date_time_unref);
  cached->fetched_at = g_date_time_new_now_utc ();

  /* A 304 may carry updated validators. Absent ones stay as they were. */
  if (etag != NULL)
    {
      g_free (cached->etag);
      cached->etag = g_strdup (etag);
    }

  if (last_modified != NULL)
    {
      g_free (cached->last_modified);
      cached->last_modified = g_strdup (last_modified);
    }

  store_entry (self, fetch, cached, FALSE);
}

static void
handle_new_image (IwdLogoCache *self,
                  Fetch        *fetch,
                  GBytes       *image,
                  const char   *etag,
                  const char   *last_modified)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  fetch->received = iwd_logo_entry_new (image, etag, last_modified, now);
  store_entry (self, fetch, fetch->received, TRUE);
}

/* The site sent an image that does not decode, so any older copy is kept
 * and returned. */
static void
handle_invalid_image (IwdLogoCache *self,
                      Fetch        *fetch,
                      const GError *error)
{
  GBytes *previous_image = fetch->cached != NULL ? fetch->cached->image : NULL;

  remember_failure (self, fetch->company, error);
  finish_fetch (self, fetch, previous_image, error);
}

static gboolean
on_waiter_cancelled (GCancellable *cancellable,
                     gpointer      data)
{
  Waiter *waiter = data;
  Fetch *fetch = waiter->fetch;
  g_autoptr(IwdLogoCache) self = g_object_ref (fetch->cache);

  g_task_return_new_error (waiter->task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           "logo of %s: operation was cancelled", fetch->company);
  g_ptr_array_remove (fetch->waiters, waiter);

  drop_fetch_if_abandoned (self, fetch);

  return G_SOURCE_REMOVE;
}

static void
on_entry_read (GObject      *source,
               GAsyncResult *result,
               gpointer      data)
{
  g_autoptr(GTask) task = data;
  IwdLogoCache *self = g_task_get_source_object (task);
  const char *company = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  IwdLogoEntry *entry;

  entry = g_task_propagate_pointer (G_TASK (result), &error);
  if (entry == NULL && !g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    g_info ("logos: ignoring the cached copy of %s: %s", company, error->message);

  if (g_task_return_error_if_cancelled (task))
    {
      g_clear_pointer (&entry, iwd_logo_entry_free);
      return;
    }

  if (entry != NULL)
    serve_cached_entry (self, task, entry);
  else
    serve_miss (self, task);
}

static void
on_asset_fetched (GObject      *source,
                  GAsyncResult *result,
                  gpointer      data)
{
  Fetch *fetch = data;
  g_autoptr(IwdLogoCache) self = g_object_ref (fetch->cache);
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;

  image = iwd_client_fetch_asset_finish (IWD_CLIENT (source), result, NULL,
                                         &etag, &last_modified, NULL, &error);

  self->n_sending--;
  send_queued_fetches (self);

  if (fetch->abandoned)
    fetch_free (fetch);
  else if (error != NULL)
    handle_fetch_error (self, fetch, error);
  else if (image == NULL)
    handle_not_modified (self, fetch, etag, last_modified);
  else
    handle_new_image (self, fetch, image, etag, last_modified);
}

static void
on_entry_stored (GObject      *source,
                 GAsyncResult *result,
                 gpointer      data)
{
  Fetch *fetch = data;
  g_autoptr(IwdLogoCache) self = g_object_ref (fetch->cache);
  g_autoptr(GError) error = NULL;
  g_autofree char *company = g_strdup (fetch->company);
  IwdLogoEntry *entry = fetch->received != NULL ? fetch->received : fetch->cached;
  gboolean changed;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE))
    {
      handle_invalid_image (self, fetch, error);
      return;
    }

  /* The image is valid, so the page can show it even if the disk is full. */
  if (error != NULL)
    g_message ("logos: cannot store the logo of %s in %s: %s",
               company, self->directory, error->message);

  changed = fetch->received != NULL && fetch->cached != NULL &&
            !g_bytes_equal (fetch->received->image, fetch->cached->image);

  finish_fetch (self, fetch, entry->image, NULL);

  if (changed)
    g_signal_emit (self, signals[LOGO_CHANGED], 0, company);
}

static void
iwd_logo_cache_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IwdLogoCache *self = IWD_LOGO_CACHE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_DIRECTORY:
      g_value_set_string (value, self->directory);
      break;

    case PROP_MAX_FETCHES:
      g_value_set_uint (value, self->max_fetches);
      break;

    case PROP_MAX_AGE:
      g_value_set_int64 (value, self->max_age);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_logo_cache_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IwdLogoCache *self = IWD_LOGO_CACHE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      break;

    case PROP_DIRECTORY:
      self->directory = g_value_dup_string (value);
      break;

    case PROP_MAX_FETCHES:
      iwd_logo_cache_set_max_fetches (self, g_value_get_uint (value));
      break;

    case PROP_MAX_AGE:
      iwd_logo_cache_set_max_age (self, g_value_get_int64 (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_logo_cache_dispose (GObject *object)
{
  IwdLogoCache *self = IWD_LOGO_CACHE (object);

  g_clear_object (&self->client);

  G_OBJECT_CLASS (iwd_logo_cache_parent_class)->dispose (object);
}

static void
iwd_logo_cache_finalize (GObject *object)
{
  IwdLogoCache *self = IWD_LOGO_CACHE (object);

  /* Each fetch owns a reference, so none is left by now. */
  g_assert (g_queue_is_empty (&self->queue));

  g_clear_pointer (&self->fetches, g_hash_table_unref);
  g_clear_pointer (&self->failures, g_hash_table_unref);
  g_clear_pointer (&self->directory, g_free);

  G_OBJECT_CLASS (iwd_logo_cache_parent_class)->finalize (object);
}

static void
iwd_logo_cache_class_init (IwdLogoCacheClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = iwd_logo_cache_get_property;
  object_class->set_property = iwd_logo_cache_set_property;
  object_class->dispose = iwd_logo_cache_dispose;
  object_class->finalize = iwd_logo_cache_finalize;

  /**
   * IwdLogoCache:client:
   *
   * The client that fetches logos from the site.
   */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IWD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdLogoCache:directory:
   *
   * The directory of the cached files, created at the first write.
   */
  properties[PROP_DIRECTORY] =
    g_param_spec_string ("directory", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdLogoCache:max-fetches:
   *
   * The maximum number of logo requests in flight at once.
   */
  properties[PROP_MAX_FETCHES] =
    g_param_spec_uint ("max-fetches", NULL, NULL,
                       1, MAX_MAX_FETCHES, IWD_LOGO_CACHE_DEFAULT_MAX_FETCHES,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdLogoCache:max-age:
   *
   * How long after its fetch a cached logo is used without revalidation,
   * in microseconds. Zero revalidates every copy on its next load.
   */
  properties[PROP_MAX_AGE] =
    g_param_spec_int64 ("max-age", NULL, NULL,
                        0, G_MAXINT64, IWD_LOGO_CACHE_DEFAULT_MAX_AGE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdLogoCache::logo-changed:
   * @self: the cache
   * @company: the company whose logo changed
   *
   * Emitted when a revalidation finds that a company's logo, already
   * returned from disk, was replaced or removed on the site. Loading it
   * again gives the new image or the error.
   */
  signals[LOGO_CHANGED] =
    g_signal_new ("logo-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_STRING);
}

static void
iwd_logo_cache_init (IwdLogoCache *self)
{
  self->max_fetches = IWD_LOGO_CACHE_DEFAULT_MAX_FETCHES;
  self->max_age = IWD_LOGO_CACHE_DEFAULT_MAX_AGE;
  self->fetches = g_hash_table_new_full (g_str_hash, g_str_equal,
                                         NULL, (GDestroyNotify) fetch_free);
  self->failures = g_hash_table_new_full (g_str_hash, g_str_equal,
                                          g_free, (GDestroyNotify) g_error_free);
  g_queue_init (&self->queue);
}

/**
 * iwd_logo_cache_new:
 * @client: the client that fetches logos
 * @directory: where cached logos are kept, such as the result of
 *   iwd_logo_cache_dup_default_directory()
 *
 * Creates a logo cache. The directory is created when the first logo is
 * stored.
 *
 * Returns: (transfer full): a new cache
 */
IwdLogoCache *
iwd_logo_cache_new (IwdClient  *client,
                    const char *directory)
{
  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (directory != NULL, NULL);

  return g_object_new (IWD_TYPE_LOGO_CACHE,
                       "client", client,
                       "directory", directory,
                       NULL);
}

/**
 * iwd_logo_cache_dup_default_directory:
 *
 * Returns: (transfer full): the application's logo directory, under the
 *   user's XDG cache directory
 */
char *
iwd_logo_cache_dup_default_directory (void)
{
  return g_build_filename (g_get_user_cache_dir (), "iwdesk", "logos", NULL);
}

/**
 * iwd_logo_cache_get_directory:
 * @self: a cache
 *
 * Returns: the directory of the cached files
 */
const char *
iwd_logo_cache_get_directory (IwdLogoCache *self)
{
  g_return_val_if_fail (IWD_IS_LOGO_CACHE (self), NULL);

  return self->directory;
}

/**
 * iwd_logo_cache_get_max_fetches:
 * @self: a cache
 *
 * Returns: the maximum number of logo requests in flight at once
 */
guint
iwd_logo_cache_get_max_fetches (IwdLogoCache *self)
{
  g_return_val_if_fail (IWD_IS_LOGO_CACHE (self), 0);

  return self->max_fetches;
}

/**
 * iwd_logo_cache_set_max_fetches:
 * @self: a cache
 * @max_fetches: the maximum number of requests in flight, from 1 to 64
 *
 * Sets how many logos are fetched at once. The others wait in a queue.
 * Requests already in flight are not cancelled by a lower limit.
 */
void
iwd_logo_cache_set_max_fetches (IwdLogoCache *self,
                                guint         max_fetches)
{
  g_return_if_fail (IWD_IS_LOGO_CACHE (self));
  g_return_if_fail (max_fetches >= 1 && max_fetches <= MAX_MAX_FETCHES);

  if (self->max_fetches == max_fetches)
    return;

  self->max_fetches = max_fetches;
  send_queued_fetches (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_FETCHES]);
}

/**
 * iwd_logo_cache_get_max_age:
 * @self: a cache
 *
 * Returns: how long a cached logo is used without revalidation, in µs
 */
GTimeSpan
iwd_logo_cache_get_max_age (IwdLogoCache *self)
{
  g_return_val_if_fail (IWD_IS_LOGO_CACHE (self), 0);

  return self->max_age;
}

/**
 * iwd_logo_cache_set_max_age:
 * @self: a cache
 * @max_age: a duration in microseconds, 0 or more
 *
 * Sets how long after its fetch a cached logo is returned without asking
 * the site. An older copy is still returned at once, and revalidated in
 * the background.
 */
void
iwd_logo_cache_set_max_age (IwdLogoCache *self,
                            GTimeSpan     max_age)
{
  g_return_if_fail (IWD_IS_LOGO_CACHE (self));
  g_return_if_fail (max_age >= 0);

  if (self->max_age == max_age)
    return;

  self->max_age = max_age;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MAX_AGE]);
}

/**
 * iwd_logo_cache_load_async:
 * @self: a cache
 * @company: the company's name, as in the company list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the logo is loaded
 * @user_data: data for @callback
 *
 * Loads a company's logo: from disk when a copy is there, whatever its
 * age, otherwise from the site. Cancelling one load leaves the fetch
 * running for other loads of the same company.
 */
void
iwd_logo_cache_load_async (IwdLogoCache        *self,
                           const char          *company,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Fetch *fetch;
  DiskJob *job;

  g_return_if_fail (IWD_IS_LOGO_CACHE (self));
  g_return_if_fail (company != NULL && *company != '\0');
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_logo_cache_load_async);
  g_task_set_task_data (task, g_strdup (company), g_free);

  if (g_task_return_error_if_cancelled (task))
    return;

  /* A fetch started by a miss means there is no copy on disk to read. */
  fetch = g_hash_table_lookup (self->fetches, company);
  if (fetch != NULL && !fetch->background)
    {
      add_waiter (fetch, task);
      return;
    }

  job = disk_job_new (self, company, NULL, FALSE);
  start_disk_job (job, read_entry_in_thread, on_entry_read, g_steal_pointer (&task));
}

/**
 * iwd_logo_cache_load_finish:
 * @self: a cache
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Finishes a load. Besides %IWD_LOGO_ERROR, a failed fetch without a
 * cached copy gives its %IWD_API_ERROR, and a cancelled load gives
 * %G_IO_ERROR_CANCELLED.
 *
 * Returns: (transfer full) (nullable): the bytes of an image file that
 *   decodes, or %NULL with @error set
 */
GBytes *
iwd_logo_cache_load_finish (IwdLogoCache  *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  g_return_val_if_fail (IWD_IS_LOGO_CACHE (self), NULL);
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_logo_cache_load_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
