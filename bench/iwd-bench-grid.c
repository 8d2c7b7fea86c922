/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Measures the grid on the two large inputs brokers open: a commission
 * statement of 1,000,000 lines in Windows-1252 and 100,000 contracts in
 * the API's JSON shape. Unless --statement and --contracts name files,
 * the sandbox's own generator draws them from a fixed seed.
 *
 * For each input it times loading the file in a worker thread, as
 * IwdLocalFileView does, and the main loop's longest stall meanwhile.
 * It then times creating the model, the first sorts by an amount and by
 * a text column, preparing the search, and filtering by a word. Each
 * step prints its wall-clock and CPU time and the peak resident size
 * (VmHWM) since the input's first step. Where jq and python3 are
 * installed, it runs `jq length` on the contracts and Python's csv
 * reader on the statement, and prints the ratios of time and memory. It
 * asserts nothing, because the figures depend on the machine.
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <fcntl.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-memory.h"
#include "iwd-sandbox-feeds.h"
#include "iwd-table-model.h"

#define N_STATEMENT_LINES 1000000
#define N_CONTRACTS 100000
#define N_STATEMENT_CONTRACTS 20000
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

/* When a step started, by the clock and in CPU time. */
typedef struct {
  gint64 wall_start;
  double cpu_start;
} Step;

/* Another tool's run on the same input. */
typedef struct {
  double seconds;
  gint64 peak_kib;
} Measure;

static gint64 baseline_kib = 0;
static gboolean keep_inputs = FALSE;
static char *statement_path = NULL;
static char *contracts_path = NULL;

static const GOptionEntry options[] = {
  { "statement", 0, 0, G_OPTION_ARG_FILENAME, &statement_path,
    "Read this commission statement instead of generating one", "FILE" },
  { "contracts", 0, 0, G_OPTION_ARG_FILENAME, &contracts_path,
    "Read this contracts JSON file instead of generating one", "FILE" },
  { "keep", 0, 0, G_OPTION_ARG_NONE, &keep_inputs,
    "Keep the generated files, to profile a load or read them", NULL },
  { NULL },
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
 * (Linux 4.0 and later), so that each input's peak is its own. The
 * resident size at that moment is the baseline that growth counts from. */
static void
reset_peak (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  if (clear_refs != NULL)
    {
      fputs ("5", clear_refs);
      fclose (clear_refs);
    }

  baseline_kib = read_status_kib ("VmHWM:");
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* The CPU time of every thread of the process, which other programs on
 * a busy machine do not inflate as they inflate the wall-clock time. */
static double
cpu_seconds (void)
{
  struct timespec now = { 0 };

  clock_gettime (CLOCK_PROCESS_CPUTIME_ID, &now);
  return now.tv_sec + now.tv_nsec / 1e9;
}

static Step
start_step (void)
{
  return (Step) { g_get_monotonic_time (), cpu_seconds () };
}

static double
print_step (const char *label,
            Step        step,
            const char *extra)
{
  double seconds = seconds_since (step.wall_start);
  gint64 peak_kib = read_status_kib ("VmHWM:");

  printf ("  %-34s %7.3f s  cpu %7.3f s  peak %6.1f MiB (+%.1f)%s\n", label, seconds,
          cpu_seconds () - step.cpu_start, peak_kib / 1024.0, (peak_kib - baseline_kib) / 1024.0,
          extra != NULL ? extra : "");
  return seconds;
}

static void
write_file (const char *path,
            GString    *contents)
{
  g_autoptr(GError) error = NULL;

  if (!g_file_set_contents (path, contents->str, contents->len, &error))
    g_error ("bench: writing %s failed: %s", path, error->message);
}

/* The data source of a portfolio with one profile, as the sandbox
 * serves it. The reference day is fixed, so each run draws the same. */
static void
init_source (IwdSandboxDataSource *source)
{
  source->seed = SEED;
  source->portfolio_id = g_strdup ("BENCH");
  source->profile_id = g_strdup ("1");
  source->company = g_strdup ("Allianz");
  g_date_clear (&source->reference, 1);
  g_date_set_dmy (&source->reference, 30, G_DATE_NOVEMBER, 2026);
  source->months = 12;
  g_date_clear (&source->start_after, 1);
}

/* Writes the sandbox's statement in Windows-1252, as it serves it. */
static void
generate_statement (const char *path)
{
  g_autoptr(GString) utf8 = g_string_sized_new (80 * (gsize) N_STATEMENT_LINES);
  g_autoptr(GError) error = NULL;
  g_autofree char *windows_1252 = NULL;
  IwdSandboxDataSource source = { 0 };
  gsize length = 0;

  init_source (&source);
  iwd_sandbox_feeds_write_commissions (&source, N_STATEMENT_CONTRACTS, N_STATEMENT_LINES, utf8);
  iwd_sandbox_data_source_clear (&source);

  windows_1252 = g_convert (utf8->str, utf8->len, "WINDOWS-1252", "UTF-8", NULL, &length, &error);
  if (windows_1252 == NULL)
    g_error ("bench: converting the statement failed: %s", error->message);

  g_string_truncate (utf8, 0);
  g_string_append_len (utf8, windows_1252, length);
  write_file (path, utf8);
}

static void
generate_contracts (const char *path)
{
  g_autoptr(GString) out = g_string_sized_new (600 * (gsize) N_CONTRACTS);
  IwdSandboxDataSource source = { 0 };

  init_source (&source);
  iwd_sandbox_feeds_write_contracts (&source, N_CONTRACTS, out);
  iwd_sandbox_data_source_clear (&source);
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
           double     *out_seconds,
           gint64     *out_growth_kib)
{
  Load load = { path, parse, NULL, g_main_loop_new (NULL, FALSE), 0, 0 };
  g_autoptr(GTask) task = g_task_new (NULL, NULL, on_load_done, &load);
  g_autofree char *stall = NULL;
  Step step = start_step ();
  guint tick_id;

  load.last_tick = step.wall_start;
  tick_id = g_timeout_add (TICK_MS, on_tick, &load);
  g_task_set_task_data (task, &load, NULL);
  g_task_run_in_thread (task, run_load_job);
  g_main_loop_run (load.loop);

  g_source_remove (tick_id);
  g_main_loop_unref (load.loop);

  stall = g_strdup_printf (", main loop stall %.1f ms", load.max_stall_us / 1000.0);
  *out_seconds = print_step ("load in a worker thread:", step, stall);
  *out_growth_kib = read_status_kib ("VmHWM:") - baseline_kib;
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
  Step step = start_step ();
  gboolean done = FALSE;

  iwd_table_model_prepare_search_async (model, NULL, on_search_prepared, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  print_step ("search prepared (worker thread):", step, NULL);
}

static void
time_sort (IwdTableModel *model,
           const char    *key,
           const char    *label)
{
  IwdTable *table = iwd_table_model_get_table (model);
  Step step;
  guint column;

  if (!iwd_table_find_column (table, key, &column))
    g_error ("bench: the table has no column %s", key);

  step = start_step ();
  iwd_table_model_sort (model, column, GTK_SORT_DESCENDING);
  print_step (label, step, NULL);
}

static void
time_search (IwdTableModel *model,
             const char    *text,
             const char    *label)
{
  Step step = start_step ();
  g_autofree char *rows = NULL;

  iwd_table_model_set_search (model, text);
  rows = g_strdup_printf (", %u rows", g_list_model_get_n_items (G_LIST_MODEL (model)));
  print_step (label, step, rows);
}

static void
run_model_steps (IwdTable   *table,
                 const char *amount_key,
                 const char *text_key,
                 const char *word)
{
  g_autoptr(IwdTableModel) model = NULL;
  g_autofree char *search_label = g_strdup_printf ("filter by \"%s\":", word);
  Step step = start_step ();

  model = iwd_table_model_new (table);
  print_step ("model created:", step, NULL);

  /* The first sorts build their columns' indexes, as a click on a
   * header does before the search is prepared. */
  time_sort (model, amount_key, "sort by an amount, first time:");
  time_sort (model, text_key, "sort by a text column, first time:");
  time_prepare_search (model);
  time_sort (model, amount_key, "sort by an amount, again:");
  time_search (model, word, search_label);
  time_search (model, NULL, "filter cleared:");
}

/* Runs a command and measures its time and peak resident size, which
 * wait4() reports for that child alone. The child is forked, not spawned
 * with a shared address space, because the kernel counts the resident
 * size that the child had before exec() in its peak. Forked while this
 * process is small, the child starts from a few MiB. */
static Measure
measure_command (const char * const *argv)
{
  Measure measure = { -1.0, -1 };
  gint64 start = g_get_monotonic_time ();
  struct rusage usage = { 0 };
  int status = 0;
  pid_t pid;

  if (g_find_program_in_path (argv[0]) == NULL)
    return measure;

  fflush (stdout);
  pid = fork ();
  if (pid == 0)
    {
      int null_fd = open ("/dev/null", O_WRONLY);

      dup2 (null_fd, STDOUT_FILENO);
      dup2 (null_fd, STDERR_FILENO);
      execvp (argv[0], (char **) argv);
      _exit (127);
    }

  if (pid < 0 || wait4 (pid, &status, 0, &usage) != pid
      || !WIFEXITED (status) || WEXITSTATUS (status) != 0)
    return measure;

  measure.seconds = seconds_since (start);
  measure.peak_kib = usage.ru_maxrss;
  return measure;
}

/* Prints the other tool's time and peak memory, and our load's time and
 * memory growth (the input's mapping included) as fractions of them. */
static void
compare_with (Measure     other,
              const char *label,
              double      our_seconds,
              gint64      our_growth_kib)
{
  if (other.seconds <= 0 || other.peak_kib <= 0)
    {
      printf ("  %-34s not installed or failed\n", label);
      return;
    }

  printf ("  %-34s %7.3f s  peak %6.1f MiB   IWDesk load / this: time %.2f, memory %.2f\n",
          label, other.seconds, other.peak_kib / 1024.0, our_seconds / other.seconds,
          (double) our_growth_kib / other.peak_kib);
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
bench_statement (const char *path,
                 Measure     python)
{
  g_autoptr(IwdTable) table = NULL;
  gint64 growth_kib;
  double seconds;

  reset_peak ();
  print_input (path);
  table = time_load (path, (ParseFunc) iwd_parse_commissions_tsv, &seconds, &growth_kib);
  printf ("  %u rows, %u columns\n", iwd_table_get_n_rows (table), iwd_table_get_n_columns (table));
  run_model_steps (table, "Prime TTC", "Assuré", "noel");
  compare_with (python, "python3 csv.reader, cp1252:", seconds, growth_kib);
}

static void
bench_contracts (const char *path,
                 Measure     jq)
{
  g_autoptr(IwdTable) table = NULL;
  gint64 growth_kib;
  double seconds;

  reset_peak ();
  print_input (path);
  table = time_load (path, iwd_parse_contracts, &seconds, &growth_kib);
  printf ("  %u rows, %u columns\n", iwd_table_get_n_rows (table), iwd_table_get_n_columns (table));
  run_model_steps (table, "police.prime", "client.ville", "nice");
  compare_with (jq, "jq length:", seconds, growth_kib);
}

/* Runs the other tools first, while this process is small. */
static void
measure_other_tools (Measure *out_python,
                     Measure *out_jq)
{
  const char *python_argv[] = {
    "python3", "-c",
    "import csv, sys\n"
    "with open(sys.argv[1], encoding='cp1252', newline='') as f:\n"
    "    print(sum(1 for _ in csv.reader(f, delimiter='\\t')))\n",
    statement_path, NULL,
  };
  const char *jq_argv[] = { "jq", "length", contracts_path, NULL };

  *out_python = measure_command (python_argv);
  *out_jq = measure_command (jq_argv);
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
  Measure python;
  Measure jq;
  gboolean generated;

  iwd_memory_init ();
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
  measure_other_tools (&python, &jq);
  bench_statement (statement_path, python);
  bench_contracts (contracts_path, jq);

  /* Only the files this run generated are removed. */
  if (directory != NULL && keep_inputs)
    printf ("inputs kept in %s\n", directory);
  else if (directory != NULL)
    {
      g_autofree char *statement = g_build_filename (directory, "statement.tsv", NULL);
      g_autofree char *contracts = g_build_filename (directory, "contracts.json", NULL);

      g_unlink (statement);
      g_unlink (contracts);
      g_rmdir (directory);
    }

  return 0;
}
