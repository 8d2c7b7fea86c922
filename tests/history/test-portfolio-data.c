/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdPortfolioData against the in-process sandbox: the stored copy is
 * shown before the network's reply, each reply is saved, a stopped
 * sandbox leaves the copy on screen, and forget and purge remove
 * fetches. */

#include <glib/gstdio.h>

#include "history-test-store.h"
#include "history-test-table.h"
#include "iwd-api-error.h"
#include "iwd-history-diff.h"
#include "iwd-portfolio-data.h"
#include "iwd-sandbox.h"

#define TEST_TIMEOUT_SECONDS 60
#define CONTRACTS_PER_PROFILE 20
#define COMMISSIONS_PER_PROFILE 10
#define SCHEMA_ID "com.example.IWDesk"

typedef struct {
  IwdSandbox      *sandbox;
  SoupSession     *session;
  IwdClient       *client;
  IwdHistoryStore *store;
  GAsyncResult    *result;
  GString         *events;
  guint            watchdog;
  char            *dir;
} Fixture;

static gboolean
on_watchdog (gpointer data)
{
  g_error ("test did not finish within %d s", TEST_TIMEOUT_SECONDS);

  return G_SOURCE_REMOVE;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Fixture *f = data;

  f->result = g_object_ref (result);
}

static GAsyncResult *
take_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (&f->result);
}

/* Records each signal with the number of rows it carries, and whether
 * the load was still running. */
static void
on_copy_loaded (IwdPortfolioData *data,
                IwdTable         *table,
                Fixture          *f)
{
  g_string_append_printf (f->events, "copy:%u:%s ", iwd_table_get_n_rows (table),
                          iwd_portfolio_data_get_loading (data) ? "loading" : "idle");
}

static void
on_updated (IwdPortfolioData *data,
            IwdTable         *table,
            Fixture          *f)
{
  g_string_append_printf (f->events, "updated:%u:%s ", iwd_table_get_n_rows (table),
                          iwd_portfolio_data_get_loading (data) ? "loading" : "idle");
}

static IwdPortfolioData *
new_data (Fixture        *f,
          IwdHistoryKind  kind)
{
  const char *profile_id = kind == IWD_HISTORY_KIND_COMMISSIONS ? "AZ1" : NULL;
  IwdPortfolioData *data;

  data = iwd_portfolio_data_new (f->client, f->store, "PTF1", kind, profile_id);
  g_signal_connect (data, "copy-loaded", G_CALLBACK (on_copy_loaded), f);
  g_signal_connect (data, "updated", G_CALLBACK (on_updated), f);

  return data;
}

static gboolean
load (Fixture           *f,
      IwdPortfolioData  *data,
      GError           **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  g_string_truncate (f->events, 0);
  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, on_done, f);
  result = take_result (f);

  return iwd_portfolio_data_load_finish (data, result, error);
}

static void
load_once (Fixture        *f,
           IwdHistoryKind  kind)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, kind);
  g_autoptr(GError) error = NULL;

  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
}

static GPtrArray *
list_fetches (Fixture          *f,
              IwdPortfolioData *data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GPtrArray *fetches;

  iwd_portfolio_data_list_fetches_async (data, NULL, on_done, f);
  result = take_result (f);
  fetches = iwd_portfolio_data_list_fetches_finish (data, result, &error);
  g_assert_no_error (error);

  return fetches;
}

static gboolean
forget (Fixture          *f,
        IwdPortfolioData *data,
        GError          **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_portfolio_data_forget_async (data, NULL, on_done, f);
  result = take_result (f);

  return iwd_portfolio_data_forget_finish (data, result, error);
}

static JsonObject *
new_allianz_values (void)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "secret1");
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

static void
create_empty_portfolio (Fixture    *f,
                        const char *portfolio_id)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (f->client, portfolio_id, options, NULL, on_done, f);
  created = take_result (f);
  g_assert_true (iwd_client_create_portfolio_finish (f->client, created, &error));
  g_assert_no_error (error);
}

static void
create_portfolio_with_profile (Fixture *f)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(JsonObject) values = new_allianz_values ();
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) joined = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (f->client, "PTF1", options, NULL, on_done, f);
  created = take_result (f);
  g_assert_true (iwd_client_create_portfolio_finish (f->client, created, &error));
  g_assert_no_error (error);

  iwd_client_create_portfolio_profile_async (f->client, "PTF1", "ALLIANZ", "AZ1", values,
                                             NULL, NULL, on_done, f);
  joined = take_result (f);
  g_assert_true (iwd_client_create_portfolio_profile_finish (f->client, joined, &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  g_autofree char *path = NULL;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  f->events = g_string_new (NULL);
  f->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_add_account (f->sandbox, "broker", "secret");
  iwd_sandbox_set_robot_delay (f->sandbox, 0);
  iwd_sandbox_set_sizes (f->sandbox, CONTRACTS_PER_PROFILE, COMMISSIONS_PER_PROFILE);
  iwd_sandbox_start (f->sandbox, 0, &error);
  g_assert_no_error (error);

  url = iwd_sandbox_dup_base_url (f->sandbox);
  f->session = soup_session_new ();
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_retry_policy (f->client, 0, 0, 0);

  f->dir = g_dir_make_tmp ("iwd-portfolio-data-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (f->dir, "history.sqlite3", NULL);
  f->store = iwd_history_store_new (path);

  create_portfolio_with_profile (f);
}

static void
stop_sandbox (Fixture *f)
{
  if (f->sandbox != NULL)
    iwd_sandbox_stop (f->sandbox);
  g_clear_object (&f->sandbox);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm" };

  /* The store's worker threads may still hold it for an instant. */
  g_clear_object (&f->store);
  g_clear_object (&f->client);
  g_clear_object (&f->session);
  stop_sandbox (f);
  g_source_remove (f->watchdog);
  g_string_free (f->events, TRUE);

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (f->dir, names[i], NULL);

      g_unlink (path);
    }
  g_rmdir (f->dir);
  g_free (f->dir);
}

static guint
count_rows_of_change (IwdTable   *diff,
                      const char *change)
{
  guint column = history_test_table_column (diff, IWD_HISTORY_DIFF_CHANGE);
  guint count = 0;

  for (guint row = 0; row < iwd_table_get_n_rows (diff); row++)
    count += g_str_equal (iwd_table_get_text (diff, row, column), change) ? 1 : 0;

  return count;
}

static void
test_data_first_open (Fixture       *f,
                      gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;
  IwdHistoryFetch *fetch;

  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);

  g_assert_cmpstr (f->events->str, ==, "updated:20:loading ");
  g_assert_cmpuint (iwd_table_get_n_rows (iwd_portfolio_data_get_table (data)), ==,
                    CONTRACTS_PER_PROFILE);
  g_assert_nonnull (iwd_portfolio_data_get_fetched_at (data));
  g_assert_false (iwd_portfolio_data_get_offline (data));
  g_assert_false (iwd_portfolio_data_get_loading (data));
  g_assert_cmpuint (fetches->len, ==, 1);
  fetch = g_ptr_array_index (fetches, 0);
  g_assert_cmpuint (fetch->row_count, ==, CONTRACTS_PER_PROFILE);
  g_assert_cmpstr (fetch->call, ==, iwd_route_get_name (IWD_ROUTE_PORTFOLIO_CONTRACTS));
  g_assert_finalize_object (g_steal_pointer (&data));
}

/* A second opening shows the stored copy while the load still runs,
 * then the reply, which the robot has changed. */
static void
test_data_second_open (Fixture       *f,
                       gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  load_once (f, IWD_HISTORY_KIND_CONTRACTS);
  data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);

  g_assert_cmpstr (f->events->str, ==, "copy:20:loading updated:20:loading ");
  g_assert_false (iwd_portfolio_data_get_offline (data));
  g_assert_cmpuint (fetches->len, ==, 2);
}

/* A portfolio without profiles has no contract: the reply is shown but
 * not kept. */
static void
test_data_empty_reply (Fixture       *f,
                       gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  create_empty_portfolio (f, "PTF2");
  data = iwd_portfolio_data_new (f->client, f->store, "PTF2", IWD_HISTORY_KIND_CONTRACTS, NULL);
  g_signal_connect (data, "updated", G_CALLBACK (on_updated), f);

  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);

  g_assert_cmpstr (f->events->str, ==, "updated:0:loading ");
  g_assert_cmpuint (iwd_table_get_n_rows (iwd_portfolio_data_get_table (data)), ==, 0);
  g_assert_cmpuint (fetches->len, ==, 0);
}

static void
test_data_offline (Fixture       *f,
                   gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = NULL;
  g_autoptr(IwdTable) stored = NULL;
  g_autoptr(GError) error = NULL;

  load_once (f, IWD_HISTORY_KIND_CONTRACTS);
  stored = history_test_store_latest (f->store, "PTF1", &error);
  g_assert_no_error (error);
  stop_sandbox (f);

  data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_assert_true (load (f, data, &error));

  g_assert_no_error (error);
  g_assert_cmpstr (f->events->str, ==, "copy:20:loading ");
  g_assert_true (iwd_portfolio_data_get_offline (data));
  g_assert_false (iwd_portfolio_data_get_loading (data));
  g_assert_nonnull (iwd_portfolio_data_get_fetched_at (data));
  history_test_table_assert_equal (stored, iwd_portfolio_data_get_table (data));
}

static void
test_data_offline_no_copy (Fixture       *f,
                           gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = NULL;
  g_autoptr(GError) error = NULL;

  stop_sandbox (f);
  data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);

  g_assert_false (load (f, data, &error));
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK);
  g_assert_cmpstr (f->events->str, ==, "");
  g_assert_null (iwd_portfolio_data_get_table (data));
  g_assert_false (iwd_portfolio_data_get_offline (data));
}

/* The robot adds one contract, cancels one and raises one premium
 * between two fetches, and the raise changes five amounts. */
static void
test_data_compare (Fixture       *f,
                   gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IwdTable) diff = NULL;
  g_autoptr(GError) error = NULL;
  IwdHistoryFetch *newest, *previous;

  g_assert_true (load (f, data, &error));
  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);
  g_assert_cmpuint (fetches->len, ==, 2);
  newest = g_ptr_array_index (fetches, 0);
  previous = g_ptr_array_index (fetches, 1);

  iwd_portfolio_data_compare_async (data, newest->id, previous->id, NULL, on_done, f);
  result = take_result (f);
  diff = iwd_portfolio_data_compare_finish (data, result, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (count_rows_of_change (diff, "New"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (diff, "Gone"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (diff, "Changed"), ==, 5);
  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 7);
}

static void
test_data_compare_commissions (Fixture       *f,
                               gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_COMMISSIONS);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IwdTable) diff = NULL;
  g_autoptr(GError) error = NULL;
  IwdHistoryFetch *fetch;

  g_assert_true (load (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);
  g_assert_cmpuint (fetches->len, ==, 1);
  fetch = g_ptr_array_index (fetches, 0);

  iwd_portfolio_data_compare_async (data, fetch->id, fetch->id, NULL, on_done, f);
  result = take_result (f);
  diff = iwd_portfolio_data_compare_finish (data, result, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (fetch->row_count, ==, COMMISSIONS_PER_PROFILE);
  g_assert_cmpstr (fetch->profile_id, ==, "AZ1");
  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 0);
}

static void
test_data_forget (Fixture       *f,
                  gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(IwdPortfolioData) commissions = new_data (f, IWD_HISTORY_KIND_COMMISSIONS);
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GPtrArray) commission_fetches = NULL;
  g_autoptr(IwdTable) latest = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (load (f, data, &error));
  g_assert_true (load (f, commissions, &error));
  g_assert_no_error (error);

  g_assert_true (forget (f, data, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);
  commission_fetches = list_fetches (f, commissions);
  latest = history_test_store_latest (f->store, "PTF1", &error);

  g_assert_cmpuint (fetches->len, ==, 0);
  g_assert_cmpuint (commission_fetches->len, ==, 0);
  g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_NOT_FOUND);
  g_assert_null (iwd_portfolio_data_get_table (data));
  g_assert_null (iwd_portfolio_data_get_fetched_at (data));
}

/* A forget during a load cancels it, so its reply is not saved after. */
static void
test_data_forget_while_loading (Fixture       *f,
                                gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GAsyncResult) loaded = NULL;
  g_autoptr(GAsyncResult) forgotten = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) load_error = NULL;
  g_autoptr(GError) error = NULL;

  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, on_done, f);
  iwd_portfolio_data_forget_async (data, NULL, on_done, f);
  loaded = take_result (f);
  forgotten = take_result (f);

  g_assert_false (iwd_portfolio_data_load_finish (data, loaded, &load_error));
  g_assert_error (load_error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_true (iwd_portfolio_data_forget_finish (data, forgotten, &error));
  g_assert_no_error (error);
  fetches = list_fetches (f, data);
  g_assert_cmpuint (fetches->len, ==, 0);
  g_assert_cmpstr (f->events->str, ==, "");
}

static guint
purge (Fixture *f,
       GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;
  guint removed = 0;

  iwd_portfolio_data_purge_async (f->store, NULL, NULL, on_done, f);
  result = take_result (f);
  iwd_portfolio_data_purge_finish (result, &removed, error);

  return removed;
}

/* With the default of 1,095 days, a fetch of four years ago goes and one
 * of two years ago stays. A retention of one day removes that one too. */
static void
test_data_purge (Fixture       *f,
                 gconstpointer  unused)
{
  g_autoptr(GSettings) settings = g_settings_new (SCHEMA_ID);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) four_years_ago = g_date_time_add_years (now, -4);
  g_autoptr(GDateTime) two_years_ago = g_date_time_add_years (now, -2);
  g_autoptr(IwdTable) table = history_test_table_contracts (3, 100);
  g_autoptr(GPtrArray) remaining = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "retention-days");
  history_test_store_save (f->store, "PTF1", table, four_years_ago, &error);
  history_test_store_save (f->store, "PTF1", table, two_years_ago, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (purge (f, &error), ==, 1);
  g_assert_no_error (error);
  remaining = history_test_store_list (f->store, "PTF1", &error);
  g_assert_cmpuint (remaining->len, ==, 1);

  g_settings_set_uint (settings, "retention-days", 1);
  g_assert_cmpuint (purge (f, &error), ==, 1);
  g_assert_no_error (error);
  g_settings_reset (settings, "retention-days");
}

static void
on_progress (goffset  current_bytes,
             goffset  total_bytes,
             gpointer user_data)
{
  goffset *received = user_data;

  *received = current_bytes;
}

static void
test_data_progress (Fixture       *f,
                    gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  goffset received = 0;

  iwd_portfolio_data_load_async (data, on_progress, &received, NULL, on_done, f);
  result = take_result (f);

  g_assert_true (iwd_portfolio_data_load_finish (data, result, &error));
  g_assert_no_error (error);
  g_assert_cmpint (received, >, 0);
}

/* A load cancelled before it starts saves nothing and ends its loading
 * state. */
static void
test_data_cancelled (Fixture       *f,
                     gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  iwd_portfolio_data_load_async (data, NULL, NULL, cancellable, on_done, f);
  result = take_result (f);

  g_assert_false (iwd_portfolio_data_load_finish (data, result, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_false (iwd_portfolio_data_get_loading (data));
  g_assert_false (iwd_portfolio_data_get_offline (data));
  fetches = list_fetches (f, data);
  g_assert_cmpuint (fetches->len, ==, 0);
}

static void
test_data_load_twice (Fixture       *f,
                      gconstpointer  unused)
{
  g_autoptr(IwdPortfolioData) data = new_data (f, IWD_HISTORY_KIND_CONTRACTS);
  g_autoptr(GAsyncResult) first = NULL;
  g_autoptr(GAsyncResult) second = NULL;
  g_autoptr(GError) first_error = NULL;
  g_autoptr(GError) error = NULL;

  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, on_done, f);
  iwd_portfolio_data_load_async (data, NULL, NULL, NULL, on_done, f);
  second = take_result (f);
  first = take_result (f);

  g_assert_false (iwd_portfolio_data_load_finish (data, second, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PENDING);
  g_assert_true (iwd_portfolio_data_load_finish (data, first, &first_error));
  g_assert_no_error (first_error);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/history/data/first-open", test_data_first_open);
  ADD_TEST ("/history/data/second-open", test_data_second_open);
  ADD_TEST ("/history/data/empty-reply", test_data_empty_reply);
  ADD_TEST ("/history/data/offline", test_data_offline);
  ADD_TEST ("/history/data/offline-no-copy", test_data_offline_no_copy);
  ADD_TEST ("/history/data/compare", test_data_compare);
  ADD_TEST ("/history/data/compare-commissions", test_data_compare_commissions);
  ADD_TEST ("/history/data/forget", test_data_forget);
  ADD_TEST ("/history/data/forget-while-loading", test_data_forget_while_loading);
  ADD_TEST ("/history/data/purge", test_data_purge);
  ADD_TEST ("/history/data/progress", test_data_progress);
  ADD_TEST ("/history/data/cancelled", test_data_cancelled);
  ADD_TEST ("/history/data/load-twice", test_data_load_twice);

  return g_test_run ();
}
