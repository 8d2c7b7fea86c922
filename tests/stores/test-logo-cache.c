/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdLogoCache against the in-process sandbox, whose site serves a PNG
 * logo with an ETag for most companies, a 404 for HARMONIE and a corrupt
 * PNG for MACIF. The sandbox runs on the test's main context, so one loop
 * drives the server, the client and the cache. Requests are counted with
 * the SoupSession's request-queued signal. A request counts as in flight
 * until its message's got-headers or finished signal, whichever comes
 * first. The session unqueues a message only when the client drops its
 * body stream, after the cache may have sent the next request, so this
 * shorter span is the one that can show the cache's limit. */

#include <math.h>
#include <string.h>

#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>

#include "iwd-api-error.h"
#include "iwd-logo-cache.h"
#include "iwd-logo-entry.h"
#include "iwd-logo-placeholder.h"
#include "iwd-sandbox.h"

#define TEST_TIMEOUT_SECONDS 30

#define LOGO_DATA_DIR TEST_DATA_DIR "/stores/logos"

/* Companies of the sandbox that have a valid logo. */
static const char * const companies_with_logo[] = {
  "ALLIANZ", "AXA", "GENERALI", "MMA", "MAAF", "GROUPAMA",
  "SWISSLIFE", "APRIL", "SPVIE", "MALAKOFF", "CARDIF", "UTWIN",
};

typedef struct {
  IwdSandbox   *sandbox;
  SoupSession  *session;
  IwdClient    *client;
  char         *root;
  char         *directory;
  IwdLogoCache *cache;
  guint         watchdog;

  guint         n_requests;
  guint         n_in_flight;
  guint         max_in_flight;
  guint         last_status;
  char         *last_if_none_match;

  GPtrArray    *changed;
  guint         n_messages;
  char         *last_message;

  /* Called from request-queued, while the first fetch is being sent. */
  void        (*on_request) (gpointer fixture);
} Fixture;

typedef struct {
  gboolean  done;
  GBytes   *bytes;
  GError   *error;
} Load;

static gboolean
on_watchdog (gpointer data)
{
  g_error ("test did not finish within %d s", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
on_message_done (SoupMessage *message,
                 gpointer     data)
{
  Fixture *f = data;

  if (g_object_get_data (G_OBJECT (message), "test-done") != NULL)
    return;

  g_object_set_data (G_OBJECT (message), "test-done", GINT_TO_POINTER (TRUE));
  f->n_in_flight--;
}

static void
on_request_queued (SoupSession *session,
                   SoupMessage *message,
                   gpointer     data)
{
  Fixture *f = data;
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  g_signal_connect (message, "got-headers", G_CALLBACK (on_message_done), f);
  g_signal_connect (message, "finished", G_CALLBACK (on_message_done), f);

  f->n_requests++;
  f->n_in_flight++;
  f->max_in_flight = MAX (f->max_in_flight, f->n_in_flight);

  g_free (f->last_if_none_match);
  f->last_if_none_match = g_strdup (soup_message_headers_get_one (headers, "If-None-Match"));

  if (f->on_request != NULL)
    f->on_request (f);
}

static void
on_request_unqueued (SoupSession *session,
                     SoupMessage *message,
                     gpointer     data)
{
  Fixture *f = data;

  f->last_status = soup_message_get_status (message);
}

static void
on_logo_changed (IwdLogoCache *cache,
                 const char   *company,
                 gpointer      data)
{
  Fixture *f = data;

  g_ptr_array_add (f->changed, g_strdup (company));
}

static void
on_log_message (const char     *domain,
                GLogLevelFlags  level,
                const char     *message,
                gpointer        data)
{
  Fixture *f = data;

  /* The sandbox logs its own lines in the same domain. */
  if (!g_str_has_prefix (message, "logos: "))
    return;

  f->n_messages++;
  g_free (f->last_message);
  f->last_message = g_strdup (message);
}

static IwdLogoCache *
make_cache (Fixture *f)
{
  IwdLogoCache *cache = iwd_logo_cache_new (f->client, f->directory);

  g_signal_connect (cache, "logo-changed", G_CALLBACK (on_logo_changed), f);

  return cache;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);

  f->sandbox = iwd_sandbox_new (1);
  iwd_sandbox_start (f->sandbox, 0, &error);
  g_assert_no_error (error);
  base_url = iwd_sandbox_dup_base_url (f->sandbox);

  f->session = soup_session_new ();
  g_signal_connect (f->session, "request-queued", G_CALLBACK (on_request_queued), f);
  g_signal_connect (f->session, "request-unqueued", G_CALLBACK (on_request_unqueued), f);

  f->client = iwd_client_new_for_server (f->session, base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_retry_policy (f->client, 0, 10, 10);

  f->root = g_dir_make_tmp ("iwdesk-logos-XXXXXX", &error);
  g_assert_no_error (error);
  f->directory = g_build_filename (f->root, "logos", NULL);

  f->changed = g_ptr_array_new_with_free_func (g_free);
  f->cache = make_cache (f);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_assert_cmpint (g_unlink (child), ==, 0);
    }

  g_assert_cmpint (g_rmdir (path), ==, 0);
}

/* Drops the fixture's reference and waits until the cache is finalized,
 * which happens once its last background fetch has finished. */
static void
finalize_cache (Fixture *f)
{
  IwdLogoCache *cache = g_steal_pointer (&f->cache);

  g_object_add_weak_pointer (G_OBJECT (cache), (gpointer *) &cache);
  g_object_unref (cache);

  while (cache != NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  if (f->cache != NULL)
    finalize_cache (f);

  iwd_sandbox_stop (f->sandbox);
  g_assert_finalize_object (f->client);
  g_clear_object (&f->session);
  g_clear_object (&f->sandbox);

  remove_tree (f->root);
  g_clear_pointer (&f->root, g_free);
  g_clear_pointer (&f->directory, g_free);
  g_clear_pointer (&f->changed, g_ptr_array_unref);
  g_clear_pointer (&f->last_if_none_match, g_free);
  g_clear_pointer (&f->last_message, g_free);
  g_source_remove (f->watchdog);
}

static void
on_loaded (GObject      *source,
           GAsyncResult *result,
           gpointer      data)
{
  Load *load = data;

  load->bytes = iwd_logo_cache_load_finish (IWD_LOGO_CACHE (source), result, &load->error);
  load->done = TRUE;
}

static void
start_load (Fixture      *f,
            const char   *company,
            GCancellable *cancellable,
            Load         *load)
{
  iwd_logo_cache_load_async (f->cache, company, cancellable, on_loaded, load);
}

static void
wait_for_load (Load *load)
{
  while (!load->done)
    g_main_context_iteration (NULL, TRUE);
}

static void
clear_load (Load *load)
{
  g_clear_pointer (&load->bytes, g_bytes_unref);
  g_clear_error (&load->error);
  load->done = FALSE;
}

static GBytes *
load_logo (Fixture     *f,
           const char  *company,
           GError     **error)
{
  Load load = { 0 };

  start_load (f, company, NULL, &load);
  wait_for_load (&load);

  if (load.error != NULL)
    g_propagate_error (error, load.error);

  return load.bytes;
}

static void
wait_until_idle (Fixture *f)
{
  while (f->n_in_flight > 0)
    g_main_context_iteration (NULL, TRUE);
}

static char *
build_cache_path (Fixture    *f,
                  const char *basename)
{
  return g_build_filename (f->directory, basename, NULL);
}

static GBytes *
read_cache_file (Fixture    *f,
                 const char *basename)
{
  g_autofree char *path = build_cache_path (f, basename);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  return g_bytes_new_take (contents, length);
}

static gboolean
cache_file_exists (Fixture    *f,
                   const char *basename)
{
  g_autofree char *path = build_cache_path (f, basename);

  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static void
copy_fixture (Fixture    *f,
              const char *fixture,
              const char *basename)
{
  g_autofree char *source = g_build_filename (LOGO_DATA_DIR, fixture, NULL);
  g_autofree char *target = build_cache_path (f, basename);
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (target, contents, length, &error);
  g_assert_no_error (error);
}

static GDateTime *
read_fetched_at (Fixture    *f,
                 const char *company)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdLogoEntry) entry = iwd_logo_entry_read (f->directory, company, &error);

  g_assert_no_error (error);

  return g_date_time_ref (entry->fetched_at);
}

/* A valid PNG that differs from every logo of the sandbox. */
static GBytes *
make_other_png (void)
{
  g_autoptr(GdkPixbuf) pixbuf = gdk_pixbuf_new (GDK_COLORSPACE_RGB, FALSE, 8, 4, 4);
  g_autoptr(GError) error = NULL;
  char *buffer = NULL;
  gsize length = 0;

  gdk_pixbuf_fill (pixbuf, 0x12345600);
  gdk_pixbuf_save_to_buffer (pixbuf, &buffer, &length, "png", &error, NULL);
  g_assert_no_error (error);

  return g_bytes_new_take (buffer, length);
}

/* Stores an entry as an earlier run would have left it. */
static void
write_entry (Fixture    *f,
             const char *company,
             GBytes     *image,
             const char *etag,
             GTimeSpan   age)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) fetched_at = g_date_time_add (now, -age);
  g_autoptr(IwdLogoEntry) entry = iwd_logo_entry_new (image, etag, NULL, fetched_at);
  g_autoptr(GError) error = NULL;

  iwd_logo_entry_write (entry, f->directory, company, TRUE, &error);
  g_assert_no_error (error);
}

static void
test_miss (Fixture       *f,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load_logo (f, "ALLIANZ", &error);
  g_autoptr(GBytes) on_disk = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (bytes);
  g_assert_cmpmem (g_bytes_get_data (bytes, NULL), 8, "\x89PNG\r\n\x1a\n", 8);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_null (f->last_if_none_match);

  on_disk = read_cache_file (f, "ALLIANZ.png");
  g_assert_true (g_bytes_equal (on_disk, bytes));
  g_assert_true (cache_file_exists (f, "ALLIANZ.ini"));
}

static void
test_hit (Fixture       *f,
          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = load_logo (f, "ALLIANZ", &error);
  g_autoptr(GBytes) again = NULL;
  g_autoptr(GBytes) next_run = NULL;

  g_assert_no_error (error);
  again = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (again, first));

  finalize_cache (f);
  f->cache = make_cache (f);
  next_run = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (next_run, first));

  g_assert_cmpuint (f->n_requests, ==, 1);
}

static void
test_revalidate_not_modified (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = load_logo (f, "ALLIANZ", &error);
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;

  g_assert_no_error (error);
  before = read_fetched_at (f, "ALLIANZ");

  iwd_logo_cache_set_max_age (f->cache, 0);
  stale = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stale, first));

  finalize_cache (f);
  g_assert_cmpuint (f->n_requests, ==, 2);
  g_assert_nonnull (f->last_if_none_match);
  g_assert_cmpuint (f->last_status, ==, SOUP_STATUS_NOT_MODIFIED);
  g_assert_cmpuint (f->changed->len, ==, 0);

  after = read_fetched_at (f, "ALLIANZ");
  g_assert_cmpint (g_date_time_compare (after, before), >, 0);
}

static void
test_revalidate_changed (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GBytes) old_image = make_other_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GBytes) fresh = NULL;

  write_entry (f, "ALLIANZ", old_image, "\"old\"", 2 * G_TIME_SPAN_DAY);

  stale = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stale, old_image));

  while (f->changed->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "ALLIANZ");
  g_assert_cmpstr (f->last_if_none_match, ==, "\"old\"");
  g_assert_cmpuint (f->last_status, ==, SOUP_STATUS_OK);

  fresh = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_false (g_bytes_equal (fresh, old_image));
  g_assert_cmpuint (f->n_requests, ==, 1);
}

static void
test_fresh_for_a_day (Fixture       *f,
                      gconstpointer  data)
{
  g_autoptr(GBytes) image = make_other_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) recent = NULL;
  g_autoptr(GBytes) old = NULL;

  write_entry (f, "AXA", image, "\"axa\"", G_TIME_SPAN_DAY - G_TIME_SPAN_HOUR);
  write_entry (f, "MMA", image, "\"mma\"", G_TIME_SPAN_DAY + G_TIME_SPAN_HOUR);

  recent = load_logo (f, "AXA", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (f->n_requests, ==, 0);

  old = load_logo (f, "MMA", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (old, image));

  finalize_cache (f);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpstr (f->last_if_none_match, ==, "\"mma\"");
}

static void
test_not_found (Fixture       *f,
                gconstpointer  data)
{
  guint handler = g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, on_log_message, f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = load_logo (f, "HARMONIE", &error);
  g_autoptr(GBytes) again = NULL;

  g_assert_null (first);
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_NOT_FOUND);
  g_clear_error (&error);

  again = load_logo (f, "HARMONIE", &error);
  g_assert_null (again);
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_NOT_FOUND);
  g_log_remove_handler (G_LOG_DOMAIN, handler);

  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpuint (f->n_messages, ==, 1);
  g_assert_true (g_str_has_prefix (f->last_message, "logos: no logo for HARMONIE: "));
  g_assert_false (cache_file_exists (f, "HARMONIE.png"));
}

static void
test_not_found_removes_copy (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) image = make_other_png ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) stale = NULL;
  g_autoptr(GBytes) after = NULL;

  guint handler = g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, on_log_message, f);

  write_entry (f, "HARMONIE", image, "\"gone\"", 2 * G_TIME_SPAN_DAY);

  stale = load_logo (f, "HARMONIE", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (stale, image));

  while (f->changed->len == 0)
    g_main_context_iteration (NULL, TRUE);
  g_log_remove_handler (G_LOG_DOMAIN, handler);
  g_assert_cmpuint (f->n_messages, ==, 1);
  g_assert_true (g_str_has_prefix (f->last_message, "logos: no logo for HARMONIE: "));
  g_assert_cmpstr (g_ptr_array_index (f->changed, 0), ==, "HARMONIE");
  g_assert_false (cache_file_exists (f, "HARMONIE.png"));
  g_assert_false (cache_file_exists (f, "HARMONIE.ini"));

  after = load_logo (f, "HARMONIE", &error);
  g_assert_null (after);
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_NOT_FOUND);
}

static void
test_invalid_image (Fixture       *f,
                    gconstpointer  data)
{
  guint handler = g_log_set_handler (G_LOG_DOMAIN, G_LOG_LEVEL_MESSAGE, on_log_message, f);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = load_logo (f, "MACIF", &error);
  g_autoptr(GBytes) again = NULL;

  g_assert_null (first);
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE);
  g_clear_error (&error);
  g_assert_false (cache_file_exists (f, "MACIF.png"));
  g_assert_false (cache_file_exists (f, "MACIF.ini"));

  again = load_logo (f, "MACIF", &error);
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE);
  g_log_remove_handler (G_LOG_DOMAIN, handler);

  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_cmpuint (f->n_messages, ==, 1);
  g_assert_true (g_str_has_prefix (f->last_message, "logos: no logo for MACIF: "));
}

static void
test_offline_start (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) online = load_logo (f, "ALLIANZ", &error);
  g_autoptr(GBytes) offline = NULL;
  g_autoptr(GBytes) missing = NULL;

  g_assert_no_error (error);
  finalize_cache (f);
  iwd_sandbox_stop (f->sandbox);

  f->cache = make_cache (f);
  iwd_logo_cache_set_max_age (f->cache, 0);
  offline = load_logo (f, "ALLIANZ", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (offline, online));

  missing = load_logo (f, "AXA", &error);
  g_assert_null (missing);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);

  finalize_cache (f);
  g_assert_cmpuint (f->n_requests, ==, 3);
  g_assert_true (cache_file_exists (f, "ALLIANZ.png"));
  g_assert_cmpuint (f->changed->len, ==, 0);
}

static void
test_max_fetches (Fixture       *f,
                  gconstpointer  data)
{
  Load loads[G_N_ELEMENTS (companies_with_logo)] = { { 0 } };

  iwd_logo_cache_set_max_fetches (f->cache, 3);
  g_assert_cmpuint (iwd_logo_cache_get_max_fetches (f->cache), ==, 3);

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    start_load (f, companies_with_logo[i], NULL, &loads[i]);

  for (guint i = 0; i < G_N_ELEMENTS (loads); i++)
    {
      wait_for_load (&loads[i]);
      g_assert_no_error (loads[i].error);
      g_assert_nonnull (loads[i].bytes);
      clear_load (&loads[i]);
    }

  g_test_message ("at most %u requests were in flight at once", f->max_in_flight);
  g_assert_cmpuint (f->n_requests, ==, G_N_ELEMENTS (companies_with_logo));
  g_assert_cmpuint (f->max_in_flight, <=, 3);
  g_assert_cmpuint (f->max_in_flight, >=, 1);
}

static void
test_shared_fetch (Fixture       *f,
                   gconstpointer  data)
{
  Load first = { 0 };
  Load second = { 0 };

  start_load (f, "GENERALI", NULL, &first);
  start_load (f, "GENERALI", NULL, &second);
  wait_for_load (&first);
  wait_for_load (&second);

  g_assert_no_error (first.error);
  g_assert_no_error (second.error);
  g_assert_true (g_bytes_equal (first.bytes, second.bytes));
  g_assert_cmpuint (f->n_requests, ==, 1);

  clear_load (&first);
  clear_load (&second);
}

typedef struct {
  Fixture      *fixture;
  Load          joined;
  GCancellable *joined_cancellable;
} JoinData;

static JoinData *join_data;

/* Runs while the first load's request is being sent, so the second load
 * certainly joins that fetch instead of finding the logo on disk. */
static void
join_running_fetch (gpointer data)
{
  Fixture *f = data;

  f->on_request = NULL;
  start_load (f, "AXA", join_data->joined_cancellable, &join_data->joined);
}

static void
test_cancel_one_waiter (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  JoinData join = { f, { 0 }, NULL };
  Load first = { 0 };

  join_data = &join;
  f->on_request = join_running_fetch;
  start_load (f, "AXA", cancellable, &first);
  while (f->n_requests == 0)
    g_main_context_iteration (NULL, TRUE);

  g_cancellable_cancel (cancellable);
  wait_for_load (&first);
  wait_for_load (&join.joined);

  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_no_error (join.joined.error);
  g_assert_nonnull (join.joined.bytes);
  g_assert_cmpuint (f->n_requests, ==, 1);
  g_assert_true (cache_file_exists (f, "AXA.png"));

  clear_load (&first);
  clear_load (&join.joined);
  join_data = NULL;
}

static void
test_cancel_every_waiter (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GCancellable) joined_cancellable = g_cancellable_new ();
  JoinData join = { f, { 0 }, joined_cancellable };
  Load first = { 0 };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) later = NULL;

  join_data = &join;
  f->on_request = join_running_fetch;
  start_load (f, "AXA", cancellable, &first);
  while (f->n_requests == 0)
    g_main_context_iteration (NULL, TRUE);

  g_cancellable_cancel (cancellable);
  g_cancellable_cancel (joined_cancellable);
  wait_for_load (&first);
  wait_for_load (&join.joined);
  wait_until_idle (f);

  g_assert_error (first.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_error (join.joined.error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (cache_file_exists (f, "AXA.png"));

  later = load_logo (f, "AXA", &error);
  g_assert_no_error (error);
  g_assert_nonnull (later);
  g_assert_cmpuint (f->n_requests, ==, 2);

  clear_load (&first);
  clear_load (&join.joined);
  join_data = NULL;
}

static void
test_corrupt_files (Fixture       *f,
                    gconstpointer  data)
{
  static const struct { const char *fixture; const char *basename; } cases[] = {
    { "sidecar-garbage.ini", "ALLIANZ.ini" },
    { "sidecar-no-checksum.ini", "ALLIANZ.ini" },
    { "image-truncated.png", "ALLIANZ.png" },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) first = load_logo (f, "ALLIANZ", &error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GBytes) reloaded = NULL;

      copy_fixture (f, cases[i].fixture, cases[i].basename);
      reloaded = load_logo (f, "ALLIANZ", &error);

      g_assert_no_error (error);
      g_assert_true (g_bytes_equal (reloaded, first));
      g_assert_cmpuint (f->n_requests, ==, i + 2);
    }
}

static void
test_file_names (Fixture       *f,
                 gconstpointer  data)
{
  static const struct { const char *company; const char *escaped; } cases[] = {
    { "ALLIANZ", "ALLIANZ" },
    { "ag2r_la-mondiale", "ag2r_la-mondiale" },
    { "../x", "%2E%2E%2Fx" },
    { "a b", "a%20b" },
    { "100%", "100%25" },
    { "Équité", "%C3%89quit%C3%A9" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *escaped = iwd_logo_entry_escape_name (cases[i].company);

      g_assert_cmpstr (escaped, ==, cases[i].escaped);
    }
}

static void
test_file_names_stay_inside (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GBytes) image = make_other_png ();
  g_autofree char *outside = g_build_filename (f->root, "x.png", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) loaded = NULL;

  write_entry (f, "../x", image, NULL, 0);

  g_assert_true (cache_file_exists (f, "%2E%2E%2Fx.png"));
  g_assert_false (g_file_test (outside, G_FILE_TEST_EXISTS));

  loaded = load_logo (f, "../x", &error);
  g_assert_no_error (error);
  g_assert_true (g_bytes_equal (loaded, image));
  g_assert_cmpuint (f->n_requests, ==, 0);
}

static void
test_validate_image (void)
{
  g_autoptr(GBytes) png = make_other_png ();
  g_autoptr(GBytes) garbage = g_bytes_new_static ("not an image", 12);
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);
  g_autoptr(GBytes) huge = g_bytes_new_take (g_malloc0 (IWD_LOGO_MAX_IMAGE_SIZE + 1),
                                             IWD_LOGO_MAX_IMAGE_SIZE + 1);
  g_autoptr(GError) error = NULL;

  g_assert_true (iwd_logo_entry_validate_image (png, &error));
  g_assert_no_error (error);

  g_assert_false (iwd_logo_entry_validate_image (garbage, &error));
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE);
  g_clear_error (&error);

  g_assert_false (iwd_logo_entry_validate_image (empty, &error));
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE);
  g_clear_error (&error);

  g_assert_false (iwd_logo_entry_validate_image (huge, &error));
  g_assert_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE);
}

static void
test_finalize (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = load_logo (f, "ALLIANZ", &error);

  g_assert_no_error (error);
  g_assert_finalize_object (g_steal_pointer (&f->cache));
}

static void
test_placeholder_initials (void)
{
  static const struct { const char *name; const char *label; const char *initials; } cases[] = {
    { "MALAKOFF", NULL, "MA" },
    { "MALAKOFF", "Malakoff Humanis", "MH" },
    { "harmonie", NULL, "HA" },
    { "harmonie", "  ", "HA" },
    { "EQUITE", "Équité", "É" },
    { "EQUITE", "E\xcc\x81quite\xcc\x81", "É" },
    { "AG2R", "AG2R La Mondiale", "AL" },
    { "ABEILLE", "Abeille Assurances (ex-Aviva)", "AA" },
    { "_x", NULL, "X" },
    { "--", NULL, "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *initials = iwd_logo_placeholder_initials (cases[i].name, cases[i].label);

      g_assert_cmpstr (initials, ==, cases[i].initials);
    }
}

static double
linear_channel (double value)
{
  return value <= 0.03928 ? value / 12.92 : pow ((value + 0.055) / 1.055, 2.4);
}

/* WCAG 2 contrast ratio between white and the colour. */
static double
contrast_with_white (double red,
                     double green,
                     double blue)
{
  double luminance = 0.2126 * linear_channel (red) +
                     0.7152 * linear_channel (green) +
                     0.0722 * linear_channel (blue);

  return 1.05 / (luminance + 0.05);
}

static void
test_placeholder_color (void)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  double red, green, blue;
  double red_again, green_again, blue_again;

  iwd_logo_placeholder_color ("ALLIANZ", &red, &green, &blue);
  iwd_logo_placeholder_color ("ALLIANZ", &red_again, &green_again, &blue_again);
  g_assert_cmpfloat (red, ==, red_again);
  g_assert_cmpfloat (green, ==, green_again);
  g_assert_cmpfloat (blue, ==, blue_again);

  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("COMPANY%u", i);

      iwd_logo_placeholder_color (name, &red, &green, &blue);
      g_assert_cmpfloat (contrast_with_white (red, green, blue), >=, 3.0);
      g_hash_table_add (seen, g_strdup_printf ("%.3f %.3f %.3f", red, green, blue));
    }

  g_assert_cmpuint (g_hash_table_size (seen), >=, 6);
  g_assert_cmpuint (g_hash_table_size (seen), <=, 8);
}

static void
add_fixture_test (const char *path,
                  void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_fixture_test ("/logo-cache/miss", test_miss);
  add_fixture_test ("/logo-cache/hit", test_hit);
  add_fixture_test ("/logo-cache/revalidate/not-modified", test_revalidate_not_modified);
  add_fixture_test ("/logo-cache/revalidate/changed", test_revalidate_changed);
  add_fixture_test ("/logo-cache/max-age/one-day", test_fresh_for_a_day);
  add_fixture_test ("/logo-cache/not-found", test_not_found);
  add_fixture_test ("/logo-cache/not-found/removes-copy", test_not_found_removes_copy);
  add_fixture_test ("/logo-cache/invalid-image", test_invalid_image);
  add_fixture_test ("/logo-cache/offline-start", test_offline_start);
  add_fixture_test ("/logo-cache/max-fetches", test_max_fetches);
  add_fixture_test ("/logo-cache/shared-fetch", test_shared_fetch);
  add_fixture_test ("/logo-cache/cancel/one-waiter", test_cancel_one_waiter);
  add_fixture_test ("/logo-cache/cancel/every-waiter", test_cancel_every_waiter);
  add_fixture_test ("/logo-cache/corrupt-files", test_corrupt_files);
  add_fixture_test ("/logo-cache/file-names/escaped", test_file_names);
  add_fixture_test ("/logo-cache/file-names/stay-inside", test_file_names_stay_inside);
  add_fixture_test ("/logo-cache/finalize", test_finalize);
  g_test_add_func ("/logo-entry/validate-image", test_validate_image);
  g_test_add_func ("/logo-placeholder/initials", test_placeholder_initials);
  g_test_add_func ("/logo-placeholder/color", test_placeholder_color);

  return g_test_run ();
}
