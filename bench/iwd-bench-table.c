/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Measures the table parsers on generated statements: 1,000,000 lines of
 * commission TSV and 100,000 contracts of JSON, built in memory from a
 * fixed seed. Prints sizes, times and resident memory, and asserts
 * nothing about them, because they depend on the machine. Output goes
 * through printf() rather than g_print(), which would turn the accented
 * UTF-8 headers into "?" under the C locale that meson runs it in.
 */

#include <stdio.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"

#define N_COMMISSION_LINES 1000000
#define N_CONTRACTS 100000
#define SEED 20230131

static const char * const first_names[] = {
  "Hélène", "Joël", "Françoise", "Élodie", "Jérôme", "Anaïs", "François",
  "Cécile", "Loïc", "Gaëlle", "Stéphane", "Noémie", "Benoît", "Chloé",
};
static const char * const last_names[] = {
  "DUPRÉ", "LEFÈVRE", "NOËL", "MARTIN", "BERNARD", "GIRAUD", "FAURÉ",
  "ROUSSEAU", "LÉGER", "MÉNARD", "CHÂTELAIN", "BESSON", "PÉRIER", "ROCHÉ",
};
static const char * const towns[] = {
  "PLAN DE LA TOUR", "NICE", "LYON", "SAINT-ÉTIENNE", "BÉZIERS", "ORLÉANS",
  "AIX-EN-PROVENCE", "MONTBÉLIARD", "CHÂLONS-EN-CHAMPAGNE", "BREST",
};
static const char * const products[] = {
  "PREVINDI", "SANTE PLUS", "EMPRUNTEUR ÉLITE", "AUTO CONFORT", "MRH",
};

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static gsize
get_resident_bytes (void)
{
  g_autofree char *statm = NULL;
  g_auto(GStrv) fields = NULL;

  if (!g_file_get_contents ("/proc/self/statm", &statm, NULL, NULL))
    return 0;

  fields = g_strsplit (statm, " ", 3);
  if (fields[0] == NULL || fields[1] == NULL)
    return 0;

  return g_ascii_strtoull (fields[1], NULL, 10) * sysconf (_SC_PAGESIZE);
}

/* Reads the peak resident size (VmHWM) from /proc/self/status. */
static gsize
get_peak_resident_bytes (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;

  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return 0;

  return g_ascii_strtoull (line + strlen ("VmHWM:"), NULL, 10) * 1024;
}

/* Writing 5 to clear_refs resets VmHWM (Linux 4.0 and later), so that each
 * case reports its own peak. */
static void
reset_peak_resident (void)
{
  FILE *clear_refs = fopen ("/proc/self/clear_refs", "w");

  if (clear_refs == NULL)
    return;

  fputs ("5", clear_refs);
  fclose (clear_refs);
}

static const char *
describe_kind (IwdTableKind kind)
{
  const char *names[] = { "text", "integer", "decimal", "money", "date", "datetime", "boolean" };

  return kind < G_N_ELEMENTS (names) ? names[kind] : "?";
}

static void
print_columns (IwdTable *table)
{
  printf ("  columns:         ");
  for (guint i = 0; i < iwd_table_get_n_columns (table); i++)
    printf (" %s (%s)", iwd_table_get_column_key (table, i),
             describe_kind (iwd_table_get_column_kind (table, i)));
  printf ("\n");
}

/* Hands freed heap pages back to the kernel, so that the resident size
 * after a parse shows what the table keeps and not the parse's garbage. */
static void
trim_heap (void)
{
#ifdef __GLIBC__
  malloc_trim (0);
#endif
}

static void
append_commission_line (GString *text,
                        GRand   *rand,
                        guint    index)
{
  gint32 premium_cents = g_rand_int_range (rand, -50000, 500000);
  gint32 commission_cents = premium_cents / 10;

  g_string_append_printf (text,
                          "P-%07u\t%02d/%02d/2023\t%s%d\xC2\xA0%03d,%02d\t%s%d,%02d\t%s %s\t%s\t%s\r\n",
                          index, g_rand_int_range (rand, 1, 29), g_rand_int_range (rand, 1, 13),
                          premium_cents < 0 ? "-" : "", ABS (premium_cents) / 100000,
                          ABS (premium_cents) / 100 % 1000, ABS (premium_cents) % 100,
                          commission_cents < 0 ? "-" : "", ABS (commission_cents) / 100,
                          ABS (commission_cents) % 100,
                          PICK (rand, first_names), PICK (rand, last_names),
                          PICK (rand, towns), PICK (rand, products));
}

static GBytes *
generate_commissions_tsv (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *text = g_string_sized_new (N_COMMISSION_LINES * 96);

  g_string_append (text, "Police\tDate\tPrime TTC\tCom\tAssuré\tVille\tProduit\r\n");
  for (guint i = 0; i < N_COMMISSION_LINES; i++)
    append_commission_line (text, rand, i);

  return g_string_free_to_bytes (text);
}

static void
append_contract (GString *text,
                 GRand   *rand,
                 guint    index)
{
  g_string_append_printf (text,
    "%s{\"erreur\":0,\"client\":{\"typeclient\":%d,\"prenom\":\"%s\",\"codepostal\":\"%05d\","
    "\"ville\":\"%s\",\"pays\":\"France\",\"date_naissance\":\"19%02d-%02d-%02dT00:00:00\","
    "\"regime\":\"\",\"activite\":\"CHEF D ENTREPRISE\",\"nb_salaries\":%d,\"naf\":\"\"},"
    "\"police\":{\"numero_police_cie\":\"%08u\",\"libelle\":\"%s\",\"branche\":\"Prévoyance\","
    "\"produit\":\"%s\",\"date_souscription\":\"20%02d-%02d-01T00:00:00\","
    "\"date_anniversaire\":\"2024-%02d-01T00:00:00\",\"mode_paiement\":\"Mensuel\","
    "\"paie_direct_cie\":%d,\"renouvellement\":1,\"prime\":%d.%04d,\"primean\":0,\"cp\":0,"
    "\"taxes\":0.0000,\"tauxcomcie\":%d.5,\"commission\":%d.%04d,\"coman\":0}}",
    index == 0 ? "" : ",\n", g_rand_int_range (rand, 0, 2), PICK (rand, first_names),
    g_rand_int_range (rand, 1000, 96000), PICK (rand, towns),
    g_rand_int_range (rand, 40, 100), g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
    g_rand_int_range (rand, 0, 50), index, PICK (rand, products), PICK (rand, products),
    g_rand_int_range (rand, 0, 24), g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 13),
    g_rand_int_range (rand, 0, 2), g_rand_int_range (rand, 0, 30000), g_rand_int_range (rand, 0, 10000),
    g_rand_int_range (rand, 5, 25), g_rand_int_range (rand, 0, 3000), g_rand_int_range (rand, 0, 10000));
}

static GBytes *
generate_contracts_json (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (SEED);
  GString *text = g_string_sized_new (N_CONTRACTS * 720);

  g_string_append_c (text, '[');
  for (guint i = 0; i < N_CONTRACTS; i++)
    append_contract (text, rand, i);
  g_string_append (text, "]\n");

  return g_string_free_to_bytes (text);
}

typedef IwdTable *(*ParseFunc) (GBytes *data, GCancellable *cancellable, GError **error);

static void
print_figures (const char *name,
               gsize       n_bytes,
               guint       n_rows,
               double      seconds,
               gsize       resident_before,
               gsize       resident_after,
               gsize       resident_peak,
               gsize       table_bytes)
{
  gssize resident_growth = (gssize) resident_after - (gssize) resident_before;

  printf ("%s\n", name);
  printf ("  input:            %" G_GSIZE_FORMAT " bytes, %u rows\n", n_bytes, n_rows);
  printf ("  parse:            %.2f s, %.0f rows/s\n", seconds, n_rows / seconds);
  printf ("  resident before:  %.1f MiB\n", resident_before / 1048576.0);
  printf ("  resident after:   %.1f MiB (table kept, input freed)\n", resident_after / 1048576.0);
  printf ("  resident peak:    %.1f MiB (input, parse and table)\n", resident_peak / 1048576.0);
  printf ("  resident growth:  %.1f bytes per row\n", (double) resident_growth / n_rows);
  printf ("  table cells:      %.1f bytes per row (iwd_table_get_memory_size)\n",
           (double) table_bytes / n_rows);
}

/* Generates one input, parses it, frees the input and reports. */
static IwdTable *
run_case (const char *name,
          GBytes     *(*generate) (void),
          ParseFunc   parse)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) data = NULL;
  gsize resident_before;
  gsize resident_peak;
  gsize n_bytes;
  gint64 start;
  double seconds;
  IwdTable *table;

  trim_heap ();
  reset_peak_resident ();
  resident_before = get_resident_bytes ();

  data = generate ();
  n_bytes = g_bytes_get_size (data);

  start = g_get_monotonic_time ();
  table = parse (data, NULL, &error);
  seconds = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
  if (table == NULL)
    g_error ("bench: parsing %s failed: %s", name, error->message);

  resident_peak = get_peak_resident_bytes ();
  g_clear_pointer (&data, g_bytes_unref);
  trim_heap ();

  print_figures (name, n_bytes, iwd_table_get_n_rows (table), seconds,
                 resident_before, get_resident_bytes (), resident_peak,
                 iwd_table_get_memory_size (table));
  print_columns (table);
  return table;
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IwdTable) commissions = NULL;
  g_autoptr(IwdTable) contracts = NULL;

  commissions = run_case ("commissions TSV", generate_commissions_tsv, iwd_parse_commissions_tsv);
  contracts = run_case ("contracts JSON", generate_contracts_json, iwd_parse_contracts);

  return 0;
}
