/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Measures the history store on two fetches of 100,000 contracts, drawn
 * with the sandbox's generator (27 keys, as the API sends them) and
 * parsed with iwd_parse_contracts(). The second fetch has 100
 * generations of the sandbox robot's changes: 100 new contracts, 100
 * cancelled and up to 100 premiums raised. Prints the time to save a
 * fetch, to open the latest one from a new store (opening the database
 * included) until its rows are readable, to load a fetch on an open
 * store, and to compare the two fetches. Asserts nothing about the
 * times, because they depend on the machine.
 */

#include <glib/gstdio.h>
#include <stdio.h>
#include <string.h>

#include "iwd-contracts.h"
#include "iwd-history-diff.h"
#include "iwd-history-store.h"
#include "iwd-sandbox-data.h"

#define N_CONTRACTS 100000
#define N_GENERATIONS 100
#define SEED 20230131

typedef struct {
  GAsyncResult *result;
} Waiter;

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      data)
{
  Waiter *waiter = data;

  waiter->result = g_object_ref (result);
}

static GAsyncResult *
wait_for (Waiter *waiter)
{
  while (waiter->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (&waiter->result);
}

static void
init_source (IwdSandboxDataSource *source)
{
  memset (source, 0, sizeof *source);
  source->seed = SEED;
  source->portfolio_id = g_strdup ("PTF1");
  source->profile_id = g_strdup ("AZ1");
  source->company = g_strdup ("ALLIANZ");
  g_date_clear (&source->reference, 1);
  g_date_set_dmy (&source->reference, 31, G_DATE_DECEMBER, 2026);
  source->months = 12;
  g_date_clear (&source->start_after, 1);
}

static void
append_contract (GString                    *json,
                 const IwdSandboxDataSource *source,
                 const IwdSandboxChanges    *changes,
                 guint                       index)
{
  IwdSandboxContract contract;

  if (index < changes->n_original && changes->cancelled[index])
    return;

  iwd_sandbox_contract_generate (&contract, source, index);
  if (index < changes->n_original)
    iwd_sandbox_contract_raise_premium (&contract, changes->raises[index]);

  if (json->len > 1)
    g_string_append_c (json, ',');
  iwd_sandbox_contract_append_json (&contract, json);
  iwd_sandbox_contract_clear (&contract);
}

/* Draws the contracts as the sandbox would send them after
 * @generations generations of changes, and parses them. */
static IwdTable *
generate_fetch (guint generations)
{
  IwdSandboxDataSource source;
  IwdSandboxChanges changes;
  g_autoptr(GString) json = g_string_new ("[");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  init_source (&source);
  iwd_sandbox_changes_init (&changes, &source, N_CONTRACTS, generations);
  for (guint index = 0; index < N_CONTRACTS + generations; index++)
    append_contract (json, &source, &changes, index);
  g_string_append_c (json, ']');

  bytes = g_bytes_new (json->str, json->len);
  table = iwd_parse_contracts (bytes, NULL, &error);
  g_assert_no_error (error);

  iwd_sandbox_changes_clear (&changes);
  iwd_sandbox_data_source_clear (&source);
  return table;
}

static gint64
save_fetch (IwdHistoryStore *store,
            IwdTable        *table)
{
  Waiter waiter = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  gint64 fetch_id;

  iwd_history_store_save_fetch_async (store, "PTF1", NULL, IWD_HISTORY_KIND_CONTRACTS,
                                      "Robot/PTF/PTF1/Contrats", NULL, table, NULL,
                                      on_done, &waiter);
  result = wait_for (&waiter);
  fetch_id = iwd_history_store_save_fetch_finish (store, result, &error);
  g_assert_no_error (error);

  return fetch_id;
}

static IwdTable *
load_latest (IwdHistoryStore *store)
{
  Waiter waiter = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  iwd_history_store_load_latest_async (store, "PTF1", IWD_HISTORY_KIND_CONTRACTS, NULL, NULL,
                                       on_done, &waiter);
  result = wait_for (&waiter);
  table = iwd_history_store_load_latest_finish (store, result, NULL, &error);
  g_assert_no_error (error);

  return table;
}

static IwdTable *
load_fetch (IwdHistoryStore *store,
            gint64           fetch_id)
{
  Waiter waiter = { NULL };
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  iwd_history_store_load_fetch_async (store, fetch_id, NULL, on_done, &waiter);
  result = wait_for (&waiter);
  table = iwd_history_store_load_fetch_finish (store, result, &error);
  g_assert_no_error (error);

  return table;
}

static gsize
get_file_size (const char *path)
{
  GStatBuf status;

  return g_stat (path, &status) == 0 ? (gsize) status.st_size : 0;
}

static void
remove_database (const char *dir,
                 const char *path)
{
  const char *suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *file = g_strconcat (path, suffixes[i], NULL);

      g_unlink (file);
    }

  g_rmdir (dir);
}

static void
print_seconds (const char *what,
               GTimer     *timer)
{
  printf ("  %-34s %.3f s\n", what, g_timer_elapsed (timer, NULL));
}

static void
bench_store (const char *path,
             IwdTable   *first,
             IwdTable   *second)
{
  g_autoptr(IwdHistoryStore) store = iwd_history_store_new (path);
  g_autoptr(IwdHistoryStore) reopened = NULL;
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(IwdTable) latest = NULL;
  g_autoptr(IwdTable) loaded = NULL;
  guint policy_column = 0;
  gint64 first_id;

  first_id = save_fetch (store, first);
  print_seconds ("save (new database):", timer);
  g_timer_start (timer);
  save_fetch (store, second);
  print_seconds ("save (second fetch):", timer);
  g_clear_object (&store);
  printf ("  %-34s %.1f MiB for two fetches\n", "database file:",
          get_file_size (path) / 1048576.0);

  g_timer_start (timer);
  reopened = iwd_history_store_new (path);
  latest = load_latest (reopened);
  print_seconds ("open latest (new store, to rows):", timer);
  iwd_table_find_column (latest, "police.numero_police_cie", &policy_column);
  printf ("  %-34s %s\n", "first row's policy number:",
          iwd_table_get_text (latest, 0, policy_column));

  g_timer_start (timer);
  loaded = load_fetch (reopened, first_id);
  print_seconds ("load a fetch (open store):", timer);
}

static void
bench_diff (IwdTable *first,
            IwdTable *second)
{
  g_autoptr(GTimer) timer = g_timer_new ();
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (first, second);

  print_seconds ("compare two fetches:", timer);
  printf ("  %-34s %u rows\n", "differences:", iwd_table_get_n_rows (diff));
}

int
main (int    argc,
      char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("iwd-bench-history-XXXXXX", &error);
  g_autofree char *path = NULL;
  g_autoptr(IwdTable) first = NULL;
  g_autoptr(IwdTable) second = NULL;

  g_assert_no_error (error);
  path = g_build_filename (dir, "history.sqlite3", NULL);
  first = generate_fetch (0);
  second = generate_fetch (N_GENERATIONS);

  printf ("history: %u and %u contracts, %u columns\n", iwd_table_get_n_rows (first),
          iwd_table_get_n_rows (second), iwd_table_get_n_columns (first));
  bench_store (path, first, second);
  bench_diff (first, second);

  remove_database (dir, path);
  return 0;
}
