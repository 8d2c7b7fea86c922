/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Measures the grid on the two large inputs brokers open: a commission
 * statement of 1,000,000 lines in Windows-1252 and 100,000 contracts in
 * the API's JSON shape, generated from a fixed seed unless --statement
 * and --contracts name files. For each input it times loading the file
 * in a worker thread, as IwdLocalFileView does, and measures the main
 * loop's longest stall meanwhile. It then times creating the model,
 * preparing the search, sorting by an amount and by a text column, and
 * filtering by a word.
 * After each step it prints the peak resident size (VmHWM) since the
 * input's first step. Where jq and
 * python3 are installed, it times `jq length` on the contracts and
 * Python's csv reader on the statement, and prints the ratios. It
 * asserts nothing, because the figures depend on the machine.
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>

#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-table-model.h"

#define N_STATEMENT_LINES 1000000
#define N_CONTRACTS 100000
#define SEED 20261204
#define TICK_MS 10

typedef IwdTable *(*ParseFunc) (GBytes *data, GCancellable *cancellable, GError **error);

/* A load in a worker thread, and the main loop's lateness meanwhile. */
typedef struct {
  const char *path;
  ParseFunc   parse;
  IwdTable   *table;        /* owned once loaded */
  GMainLoop  *loop;         /* owned */
  gint64      last_tick;
  gint64      max_stall_us;
} Load;

static char *statement_path = NULL;
static char *contracts_path = NULL;

static const GOptionEntry options[] = {
  { "statement", 0, 0, G_OPTION_ARG_FILENAME, &statement_path,
    "Read this commission statement instead of generating one", "FILE" },
  { "contracts", 0, 0, G_OPTION_ARG_FILENAME, &contracts_path,
    "Read this contracts JSON file instead of generating one", "FILE" },
  { NULL },
};

/* Windows-1252 bytes: é is E9, è E8, ë EB, É C9, ç E7, â E2. */
static const char * const insured_names[] = {
  "DUPR\xc9 L\xe9on", "LEF\xc8VRE Ang\xe8le", "NO\xcbL No\xe9mie", "MARTIN Fran\xe7ois",
  "BERNARD Jos\xe9", "GIRAUD Ma\xeblle", "CH\xc2TELAIN Val\xe9rie", "BESSON Andr\xe9",
};
static const char * const companies[] = {
  "AXA", "April", "Swiss Life", "Generali", "Allianz", "SPVIE", "Malakoff Humanis",
};
static const char * const towns[] = {
  "PLAN DE LA TOUR", "NICE", "LYON", "SAINT-\xc9TIENNE", "B\xc9ZIERS", "ORL\xc9\x41NS", "BREST",
};

static gint64
read_status_kib (const char *field)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;

  line = strstr (status, field);
  if (line == NULL)
    return -1;

  return g_ascii_strtoll (line + strlen (field), NULL, 10);
}

/* Writing 5 to clear_refs resets VmHWM to the current resident size
 * (Linux 4.0 and later), so that each input's peak is its own. */
static void
reset_peak (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  if (clear_refs == NULL)
    return;

  fputs ("5", clear_refs);
  fclose (clear_refs);
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static void
print_step (const char *label,
            double      seconds,
            const char *extra)
{
  printf ("  %-36s %8.3f s   peak %6.1f MiB%s\n", label, seconds,
          read_status_kib ("VmHWM:") / 1024.0, extra != NULL ? extra : "");
}

static void
append_amount (GString *out,
               gint64   cents)
{
  g_string_append_printf (out, "%s%" G_GINT64_FORMAT ",%02d", cents < 0 ? "-" : "",
                          ABS (cents) / 100, (int) (ABS (cents) % 100));
}

static void
append_statement_line (GString *out,
                       GRand   *rand,
                       guint    index)
{
  gint64 premium = g_rand_int_range (rand, -50000, 500000);

  g_string_append_printf (out, "P-%07u\t%s\t%s %u\t%s\t%02d/%02d/2023\t", index,
                          companies[g_rand_int_range (rand, 0, G_N_ELEMENTS (companies))],
                          insured_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (insured_names))],
                          g_rand_int_range (rand, 0, 1000),
                          towns[g_rand_int_range (rand, 0, G_N_ELEMENTS (towns))],
                          g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13));
  append_amount (out, premium);
  g_string_append_c (out, '\t');
  append_amount (out, premium / 10);
  g_string_append (out, "\r\n");
}

static void
write_file (const char *path,
            GString    *contents)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents->str, contents->len, &error))
    g_error ("bench: writing %s failed: %s", path, error->message);
}

static void
generate_statement (const char *path)
{
  g_autoptr(GString) out = g_string_sized_new (90 * (gsize) N_STATEMENT_LINES);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  g_string_append (out, "Police\tCompagnie\tAssur\xe9\tVille\tDate\tPrime TTC\tCommission\r\n");
  for (guint index = 0; index < N_STATEMENT_LINES; index++)
    append_statement_line (out, rand, index);

  write_file (path, out);
}

static void
append_contract (GString *out,
                 GRand   *rand,
                 guint    index)
{
  gint32 premium = g_rand_int_range (rand, 1000, 5000000);
  g_autofree char *insured = g_convert (insured_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (insured_names))],
                                        -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
  g_autofree char *town = g_convert (towns[g_rand_int_range (rand, 0, G_N_ELEMENTS (towns))],
                                     -1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);

  g_string_append_printf (out,
                          "%s{\"erreur\":0,\"client\":{\"typeclient\":0,\"prenom\":\"%s\",\"codepostal\":\"%05d\","
                          "\"ville\":\"%s\",\"pays\":\"France\",\"date_naissance\":\"19%02d-%02d-%02dT00:00:00\","
                          "\"activite\":\"SALARIE\",\"nb_salaries\":0},"
                          "\"police\":{\"numero_police_cie\":\"C%07u\",\"libelle\":\"Sant\\u00e9\",\"branche\":\"Sant\\u00e9\","
                          "\"produit\":\"SANTE PLUS\",\"date_souscription\":\"20%02d-%02d-01T00:00:00\","
                          "\"mode_paiement\":\"Mensuel\",\"prime\":%d.%02d00,\"tauxcomcie\":12.5,"
                          "\"commission\":%d.%02d00,\"cie\":\"%s\"}}",
                          index == 0 ? "" : ",\n", insured, g_rand_int_range (rand, 1000, 95999), town,
                          g_rand_int_range (rand, 40, 99), g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                          index, g_rand_int_range (rand, 10, 24), g_rand_int_range (rand, 1, 13),
                          premium / 100, premium % 100, premium / 800, (premium / 8) % 100,
                          companies[g_rand_int_range (rand, 0, G_N_ELEMENTS (companies))]);
}

static void
generate_contracts (const char *path)
{
  g_autoptr(GString) out = g_string_sized_new (600 * (gsize) N_CONTRACTS);
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);

  g_string_append (out, "[\n");
  for (guint index = 0; index < N_CONTRACTS; index++)
    append_contract (out, rand, index);
  g_string_append (out, "\n]\n");

  write_file (path, out);
}

static void
run_load_job (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  Load *load = task_data;
  g_autoptr(GMappedFile) mapped = NULL;
  g_autoptr(GBytes) data = NULL;
  GError *error = NULL;
  IwdTable *table;

  mapped = g_mapped_file_new (load->path, FALSE, &error);
  if (mapped == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  data = g_mapped_file_get_bytes (mapped);
  table = load->parse (data, cancellable, &error);
  if (table == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, table, g_object_unref);
}

static void
on_load_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  Load *load = user_data;
  g_autoptr(GError) error = NULL;

  load->table = g_task_propagate_pointer (G_TASK (result), &error);
  if (load->table == NULL)
    g_error ("bench: loading %s failed: %s", load->path, error->message);

  g_main_loop_quit (load->loop);
}

/* Records how late each tick comes: the main loop was busy meanwhile. */
static gboolean
on_tick (gpointer user_data)
{
  Load *load = user_data;
  gint64 now = g_get_monotonic_time ();
  gint64 stall = now - load->last_tick - TICK_MS * 1000;

  load->max_stall_us = MAX (load->max_stall_us, stall);
  load->last_tick = now;
  return G_SOURCE_CONTINUE;
}

static IwdTable *
time_load (const char *path,
           ParseFunc   parse,
           double     *out_seconds)
{
  Load load = { path, parse, NULL, g_main_loop_new (NULL, FALSE), 0, 0 };
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_load_done, &load);
  g_autofree char *stall = NULL;
  gint64 start = g_get_monotonic_time ();
  guint tick_id;

  load.last_tick = start;
  tick_id = g_timeout_add (TICK_MS, on_tick, &load);
  g_task_set_task_data (task, &load, NULL);
  g_task_run_in_thread (task, run_load_job);
  g_main_loop_run (load.loop);

  *out_seconds = seconds_since (start);
  g_source_remove (tick_id);
  g_main_loop_unref (load.loop);

  stall = g_strdup_printf (", longest main loop stall %.1f ms", load.max_stall_us / 1000.0);
  print_step ("load in a worker thread:", *out_seconds, stall);
  return load.table;
}

static void
on_search_prepared (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  gboolean *done = user_data;

  if (!iwd_table_model_prepare_search_finish (IWD_TABLE_MODEL (source_object), result, &error))
    g_error ("bench: preparing the search failed: %s", error->message);

  *done = TRUE;
}

static void
time_prepare_search (IwdTableModel *model)
{
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;

  iwd_table_model_prepare_search_async (model, NULL, on_search_prepared, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  print_step ("search prepared (worker thread):", seconds_since (start), NULL);
}

static void
time_sort (IwdTableModel *model,
           const char    *key,
           const char    *label)
{
  IwdTable *table = iwd_table_model_get_table (model);
  gint64 start;
  guint column;

  if (!iwd_table_find_column (table, key, &column))
    g_error ("bench: the table has no column %s", key);

  start = g_get_monotonic_time ();
  iwd_table_model_sort (model, column, GTK_SORT_DESCENDING);
  print_step (label, seconds_since (start), NULL);
}

static void
time_search (IwdTableModel *model,
             const char    *text,
             const char    *label)
{
  gint64 start = g_get_monotonic_time ();
  g_autofree char *rows = NULL;

  iwd_table_model_set_search (model, text);
  rows = g_strdup_printf (", %u rows", g_list_model_get_n_items (G_LIST_MODEL (model)));
  print_step (label, seconds_since (start), rows);
}

static void
run_model_steps (IwdTable   *table,
                 const char *amount_key,
                 const char *text_key,
                 const char *word)
{
  g_autoptr(IwdTableModel) model = NULL;
  g_autofree char *search_label = g_strdup_printf ("filter by \"%s\":", word);
  gint64 start = g_get_monotonic_time ();

  model = iwd_table_model_new (table);
  print_step ("model created:", seconds_since (start), NULL);

  /* The first sorts build their columns' indexes, as a click on a
   * header does before the search is prepared. */
  time_sort (model, amount_key, "sort by an amount, first time:");
  time_sort (model, text_key, "sort by a text column, first time:");
  time_prepare_search (model);
  time_sort (model, amount_key, "sort by an amount, again:");
  time_search (model, word, search_label);
  time_search (model, NULL, "filter cleared:");
}

/* Times a command's run, or returns a negative time if it failed. */
static double
time_command (const char * const *argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;
  gint64 start = g_get_monotonic_time ();
  int status = 0;

  if (!g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                     NULL, NULL, &output, NULL, &status, &error)
      || !g_spawn_check_wait_status (status, NULL))
    return -1.0;

  return seconds_since (start);
}

static void
compare_with (const char * const *argv,
              const char         *label,
              double              our_seconds)
{
  double seconds;

  if (g_find_program_in_path (argv[0]) == NULL)
    {
      printf ("  %-36s not installed\n", label);
      return;
    }

  seconds = time_command (argv);
  if (seconds < 0)
    {
      printf ("  %-36s failed\n", label);
      return;
    }

  printf ("  %-36s %8.3f s   IWDesk load / this = %.2f\n", label, seconds, our_seconds / seconds);
}

static void
print_input (const char *path)
{
  GStatBuf status = { 0 };

  g_stat (path, &status);
  printf ("%s, %.1f MB, peak reset to %.1f MiB\n", path, status.st_size / 1e6,
          read_status_kib ("VmHWM:") / 1024.0);
}

static void
bench_statement (const char *path)
{
  const char *python_argv[] = {
    "python3", "-c",
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='cp1252', newline='') as f:\n"
    "    print(sum(1 for _ in csv.reader(f, delimiter='\\t')))\n",
    path, NULL,
  };
  g_autoptr(IwdTable) table = NULL;
  double seconds;

  reset_peak ();
  print_input (path);
  table = time_load (path, (ParseFunc) iwd_parse_commissions_tsv, &seconds);
  printf ("  %u rows, %u columns\n", iwd_table_get_n_rows (table), iwd_table_get_n_columns (table));
  run_model_steps (table, "Prime TTC", "Assuré", "lyon");
  compare_with (python_argv, "python3 csv.reader, cp1252:", seconds);
}

static void
bench_contracts (const char *path)
{
  const char *jq_argv[] = { "jq", "length", path, NULL };
  g_autoptr(IwdTable) table = NULL;
  double seconds;

  reset_peak ();
  print_input (path);
  table = time_load (path, iwd_parse_contracts, &seconds);
  printf ("  %u rows, %u columns\n", iwd_table_get_n_rows (table), iwd_table_get_n_columns (table));
  run_model_steps (table, "police.prime", "client.ville", "nice");
  compare_with (jq_argv, "jq length:", seconds);
}

static void
generate_inputs (const char *directory)
{
  gint64 start = g_get_monotonic_time ();

  if (statement_path == NULL)
    {
      statement_path = g_build_filename (directory, "statement.tsv", NULL);
      generate_statement (statement_path);
    }

  if (contracts_path == NULL)
    {
      contracts_path = g_build_filename (directory, "contracts.json", NULL);
      generate_contracts (contracts_path);
    }

  printf ("inputs ready in %.1f s\n", seconds_since (start));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GOptionContext) context = g_option_context_new ("- measure the grid on large files");
  g_autoptr(GError) error = NULL;
  g_autofree char *directory = NULL;
  gboolean generated;

  setlocale (LC_ALL, "");
  g_option_context_add_main_entries (context, options, NULL);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return 2;
    }

  generated = statement_path == NULL || contracts_path == NULL;
  if (generated)
    {
      directory = g_dir_make_tmp ("iwd-bench-grid-XXXXXX", &error);
      if (directory == NULL)
        g_error ("bench: creating a temporary folder failed: %s", error->message);
      generate_inputs (directory);
    }

  printf ("LC_COLLATE=%s, peak at start %.1f MiB\n", setlocale (LC_COLLATE, NULL),
          read_status_kib ("VmHWM:") / 1024.0);
  bench_statement (statement_path);
  bench_contracts (contracts_path);

  /* Only the files this run generated are removed. */
  if (directory != NULL)
    {
      g_autofree char *statement = g_build_filename (directory, "statement.tsv", NULL);
      g_autofree char *contracts = g_build_filename (directory, "contracts.json", NULL);

      g_unlink (statement);
      g_unlink (contracts);
      g_rmdir (directory);
    }

  return 0;
}
