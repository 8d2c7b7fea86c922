/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Measures the grid's model on a generated table of 1,000,000 commission
 * rows: creating the model, preparing the search in a worker thread as
 * the view does, sorting by a text column and by an amount column (the
 * first sort computes the column's keys, the second reuses them), and
 * search passes. Prints times and resident memory, and asserts nothing
 * about them, because they depend on the machine.
 */

#include <locale.h>
#include <stdio.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "iwd-table-builder.h"
#include "iwd-table-model.h"

#define N_ROWS 1000000
#define SEED 20261204

enum {
  COLUMN_POLICY,
  COLUMN_INSURED,
  COLUMN_TOWN,
  COLUMN_PREMIUM,
  COLUMN_DATE,
  N_COLUMNS,
};

static const char * const column_keys[N_COLUMNS] = {
  "Police", "Assuré", "Ville", "Prime TTC", "Date",
};
static const char * const last_names[] = {
  "DUPRÉ", "LEFÈVRE", "NOËL", "MARTIN", "BERNARD", "GIRAUD", "FAURÉ",
  "ROUSSEAU", "LÉGER", "MÉNARD", "CHÂTELAIN", "BESSON", "PÉRIER", "ROCHÉ",
};
static const char * const towns[] = {
  "PLAN DE LA TOUR", "NICE", "LYON", "SAINT-ÉTIENNE", "BÉZIERS", "ORLÉANS",
  "AIX-EN-PROVENCE", "MONTBÉLIARD", "CHÂLONS-EN-CHAMPAGNE", "BREST",
};

static gsize
read_resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;

  fields = g_strsplit (statm, " ", 3);
  if (g_strv_length (fields) < 2)
    return 0;

  return g_ascii_strtoull (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE);
}

static void
set_cell (IwdTableBuilder *builder,
          guint            column,
          const char      *text)
{
  g_autoptr(GError) error = NULL;

  if (!iwd_table_builder_set_cell (builder, column, text, strlen (text), &error))
    g_error ("bench: setting a cell failed: %s", error->message);
}

static void
append_row (IwdTableBuilder *builder,
            GRand           *rand,
            guint            index)
{
  gint32 cents = g_rand_int_range (rand, -50000, 500000);
  char text[64];

  g_snprintf (text, sizeof text, "P-%07u", index);
  set_cell (builder, COLUMN_POLICY, text);
  g_snprintf (text, sizeof text, "%s %u", last_names[g_rand_int_range (rand, 0, G_N_ELEMENTS (last_names))],
              g_rand_int_range (rand, 0, 1000));
  set_cell (builder, COLUMN_INSURED, text);
  set_cell (builder, COLUMN_TOWN, towns[g_rand_int_range (rand, 0, G_N_ELEMENTS (towns))]);
  g_snprintf (text, sizeof text, "%s%d.%02d", cents < 0 ? "-" : "", ABS (cents) / 100, ABS (cents) % 100);
  set_cell (builder, COLUMN_PREMIUM, text);
  g_snprintf (text, sizeof text, "2023-%02d-%02d",
              g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29));
  set_cell (builder, COLUMN_DATE, text);
  iwd_table_builder_end_row (builder);
}

static IwdTable *
generate_table (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  for (guint column = 0; column < N_COLUMNS; column++)
    iwd_table_builder_ensure_column (builder, column_keys[column]);

  for (guint index = 0; index < N_ROWS; index++)
    append_row (builder, rand, index);

  table = iwd_table_builder_build (builder, &error);
  if (table == NULL)
    g_error ("bench: building the table failed: %s", error->message);

  return table;
}

static double
seconds_since (gint64 start)
{
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

/* Hands freed heap pages back to the kernel first, so that the figure
 * shows what the model keeps, not the garbage of computing it. */
static void
print_resident (const char *label)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
  printf ("  %-34s %.1f MiB\n", label, read_resident_bytes () / 1048576.0);
}

static void
time_sort (IwdTableModel *model,
           guint          column,
           GtkSortType    sort_type,
           const char    *label)
{
  gint64 start = g_get_monotonic_time ();

  iwd_table_model_sort (model, column, sort_type);
  printf ("  %-34s %.3f s\n", label, seconds_since (start));
}

static void
time_search (IwdTableModel *model,
             const char    *text,
             const char    *label)
{
  gint64 start = g_get_monotonic_time ();

  iwd_table_model_set_search (model, text);
  printf ("  %-34s %.3f s, %u rows\n", label, seconds_since (start),
          g_list_model_get_n_items (G_LIST_MODEL (model)));
}

static void
run_sorts (IwdTableModel *model)
{
  time_sort (model, COLUMN_INSURED, GTK_SORT_ASCENDING, "sort by insured, first:");
  time_sort (model, COLUMN_INSURED, GTK_SORT_DESCENDING, "sort by insured, again:");
  time_sort (model, COLUMN_POLICY, GTK_SORT_ASCENDING, "sort by policy (distinct), first:");
  time_sort (model, COLUMN_POLICY, GTK_SORT_DESCENDING, "sort by policy (distinct), again:");
  time_sort (model, COLUMN_PREMIUM, GTK_SORT_ASCENDING, "sort by premium, first:");
  time_sort (model, COLUMN_PREMIUM, GTK_SORT_DESCENDING, "sort by premium, again:");
  time_sort (model, COLUMN_DATE, GTK_SORT_ASCENDING, "sort by date, first:");
  print_resident ("resident after sorts:");
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

/* Times the worker thread that the view starts when it shows a table. */
static void
time_prepare_search (IwdTableModel *model)
{
  gint64 start = g_get_monotonic_time ();
  gboolean done = FALSE;

  iwd_table_model_prepare_search_async (model, NULL, on_search_prepared, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);

  printf ("  %-34s %.3f s\n", "search prepared (worker thread):", seconds_since (start));
}

static void
run_searches (IwdTableModel *model)
{
  time_search (model, "dupre", "search \"dupre\":");
  time_search (model, "lyon", "search \"lyon\":");
  time_search (model, "l", "search \"l\":");
  time_search (model, "ly", "search \"ly\", narrowing:");
  time_search (model, "1 234,5", "search \"1 234,5\" (amounts too):");
  time_search (model, NULL, "search cleared:");
  print_resident ("resident after searches:");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(IwdTableModel) model = NULL;
  gint64 start;

  setlocale (LC_ALL, "");
  printf ("grid model, %u rows, LC_COLLATE=%s\n", N_ROWS, setlocale (LC_COLLATE, NULL));
  print_resident ("resident at start:");

  start = g_get_monotonic_time ();
  table = generate_table ();
  printf ("  %-34s %.3f s\n", "table generated:", seconds_since (start));
  print_resident ("resident with the table:");

  start = g_get_monotonic_time ();
  model = iwd_table_model_new (table);
  printf ("  %-34s %.6f s\n", "model created:", seconds_since (start));
  print_resident ("resident with the model:");

  time_prepare_search (model);
  run_sorts (model);
  run_searches (model);
  return 0;
}
