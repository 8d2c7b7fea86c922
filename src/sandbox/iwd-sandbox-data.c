/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-data.h"

#include <string.h>

typedef struct {
  const char *postcode;
  const char *town;
} Town;

/* A line of business, its products, and the ranges its premiums fall in
 * (whole euros) with the broker's commission rate in percent. */
typedef struct {
  const char *branch;
  const char *products[3];
  gboolean    for_companies;
  guint       min_premium;
  guint       max_premium;
  guint       tax_permille;
  guint       min_rate;
  guint       max_rate;
} Branch;

typedef struct {
  const char *name_prefix;
  const char *name_suffix;
  const char *naf;
  const char *activity;
} Trade;

static const char * const first_names[] = {
  "Élodie", "Jérôme", "Hélène", "François", "Céline", "Gaëlle", "Benoît", "Zoé",
  "Loïc", "Anaïs", "Noël", "Thérèse", "Raphaël", "Maëlle", "Stéphane", "Agnès",
  "Clément", "Inès", "Aurélien", "Léa", "Pierre", "Marie", "Joël", "Séverine",
};

static const char * const last_names[] = {
  "LEFÈVRE", "DUPRÉ", "BÉNARD", "LEMAÎTRE", "GARNIER", "ROUSSEAU", "FAURE", "MERCIER",
  "BOYER", "GÉRARD", "THÉRON", "CRÉPIN", "HÉBERT", "PÉREZ", "NOËL", "ÉVRARD",
  "MOREAU", "LAGARDÈRE", "CHÂTELAIN", "DELAUNAY", "FRANÇOIS", "BRUNEAU",
};

static const Town towns[] = {
  { "83120", "PLAN DE LA TOUR" }, { "69003", "LYON" }, { "13008", "MARSEILLE" },
  { "31000", "TOULOUSE" }, { "33000", "BORDEAUX" }, { "44000", "NANTES" },
  { "59000", "LILLE" }, { "35000", "RENNES" }, { "67000", "STRASBOURG" },
  { "34000", "MONTPELLIER" }, { "06000", "NICE" }, { "74000", "ANNECY" },
  { "38000", "GRENOBLE" }, { "21000", "DIJON" }, { "29200", "BREST" },
  { "45000", "ORLÉANS" }, { "42000", "SAINT-ÉTIENNE" }, { "13100", "AIX-EN-PROVENCE" },
  { "14000", "CAEN" }, { "72000", "LE MANS" }, { "30000", "NÎMES" },
  { "34500", "BÉZIERS" }, { "24000", "PÉRIGUEUX" }, { "27000", "ÉVREUX" },
  { "63000", "CLERMONT-FERRAND" }, { "17000", "LA ROCHELLE" }, { "16000", "ANGOULÊME" },
};

static const char * const activities[] = {
  "CHEF D ENTREPRISE", "ARTISAN", "CADRE", "EMPLOYÉ", "PROFESSION LIBÉRALE",
  "RETRAITÉ", "COMMERÇANT", "AGRICULTEUR", "FONCTIONNAIRE", "ENSEIGNANT",
};

static const Trade trades[] = {
  { "BOULANGERIE ", "", "1071C", "BOULANGERIE ET BOULANGERIE-PÂTISSERIE" },
  { "GARAGE ", "", "4520A", "ENTRETIEN ET RÉPARATION DE VÉHICULES" },
  { "CABINET MÉDICAL ", "", "8621Z", "ACTIVITÉ DES MÉDECINS GÉNÉRALISTES" },
  { "CABINET ", " EXPERTISE", "6920Z", "ACTIVITÉS COMPTABLES" },
  { "ÉLECTRICITÉ ", " SARL", "4321A", "TRAVAUX D'INSTALLATION ÉLECTRIQUE" },
  { "RESTAURANT CHEZ ", "", "5610A", "RESTAURATION TRADITIONNELLE" },
  { "TRANSPORTS ", " ET FILS", "4941A", "TRANSPORTS ROUTIERS DE FRET" },
};

static const Branch branches[] = {
  { "Auto", { "AUTO CONFORT", "AUTO TOUS RISQUES", "AUTO TIERS PLUS" },
    FALSE, 300, 1500, 180, 8, 15 },
  { "Habitation", { "MRH PROPRIÉTAIRE", "HABITATION LOCATAIRE", NULL },
    FALSE, 150, 700, 90, 10, 20 },
  { "Santé", { "SANTÉ FAMILLE", "COMPLÉMENTAIRE SÉNIOR", "SANTÉ TNS" },
    FALSE, 600, 3000, 133, 10, 20 },
  { "Prévoyance", { "PRÉVOYANCE TNS", "OBSÈQUES SÉRÉNITÉ", NULL },
    FALSE, 300, 2500, 90, 15, 35 },
  { "Emprunteur", { "PREVINDI", "EMPRUNTEUR SÉRÉNITÉ", NULL },
    FALSE, 100, 20000, 90, 10, 30 },
  { "Multirisque professionnelle", { "MRP ARTISANS", "MRP COMMERCES", NULL },
    TRUE, 800, 6000, 90, 12, 18 },
  { "Flotte", { "FLOTTE AUTOMOBILE", "FLOTTE UTILITAIRES", NULL },
    TRUE, 5000, 60000, 180, 5, 10 },
  { "Santé collective", { "SANTÉ COLLECTIVE ENTREPRISE", NULL, NULL },
    TRUE, 2000, 30000, 133, 5, 12 },
};

static const char * const payments[] = { "", "Mensuel", "Trimestriel", "Annuel" };

/* The stream of iwd_sandbox_data_source_new_rand() that draws the
 * changes between fetches; 0 is contracts and 1 commission lines. */
#define CHANGES_STREAM 2

/* A premium raise, in percent of the premium before it. */
#define RAISE_PERCENT 5

#define PICK(rand, array) ((array)[g_rand_int_range ((rand), 0, G_N_ELEMENTS (array))])

static void
random_date (GRand *rand,
             GDate *date,
             guint  first_year,
             guint  last_year)
{
  GDateYear year = g_rand_int_range (rand, first_year, last_year + 1);
  GDateMonth month = g_rand_int_range (rand, 1, 13);
  GDateDay day = g_rand_int_range (rand, 1, g_date_get_days_in_month (month, year) + 1);

  g_date_clear (date, 1);
  g_date_set_dmy (date, day, month, year);
}

static const Branch *
pick_branch (GRand    *rand,
             gboolean  company_client)
{
  const Branch *branch;

  do
    branch = &PICK (rand, branches);
  while (branch->for_companies != company_client);

  return branch;
}

static const char *
pick_product (GRand        *rand,
              const Branch *branch)
{
  guint count = 0;

  while (count < G_N_ELEMENTS (branch->products) && branch->products[count] != NULL)
    count++;

  return branch->products[g_rand_int_range (rand, 0, count)];
}

static void
generate_individual (IwdSandboxContract *contract,
                     GRand              *rand)
{
  const char *last_name = PICK (rand, last_names);

  contract->first_name = PICK (rand, first_names);
  contract->name = g_strdup_printf ("%s %s", last_name, contract->first_name);
  contract->activity = PICK (rand, activities);
  contract->naf = "";
  contract->employees = 0;
  random_date (rand, &contract->birth, 1940, 2000);
}

static void
generate_company (IwdSandboxContract *contract,
                  GRand              *rand)
{
  const Trade *trade = &PICK (rand, trades);
  const char *last_name = PICK (rand, last_names);

  contract->first_name = "";
  contract->name = g_strconcat (trade->name_prefix, last_name, trade->name_suffix, NULL);
  contract->activity = trade->activity;
  contract->naf = trade->naf;
  contract->employees = g_rand_int_range (rand, 1, 250);
  g_date_clear (&contract->birth, 1);
  random_date (rand, &contract->birth, 1960, 2020);
}

/* Amounts are drawn in whole cents and stored in ten-thousandths, so that
 * four-decimal output always ends in 00, as insurers' data does. */
static void
generate_amounts (IwdSandboxContract *contract,
                  const Branch       *branch,
                  GRand              *rand)
{
  gint64 cents = g_rand_int_range (rand, branch->min_premium * 100, branch->max_premium * 100);

  contract->premium = cents * 100;
  contract->taxes = (cents * branch->tax_permille / 1000) * 100;
  contract->rate_percent = g_rand_int_range (rand, branch->min_rate, branch->max_rate + 1);
  contract->commission = cents * contract->rate_percent;
}

static void
generate_policy (IwdSandboxContract         *contract,
                 const IwdSandboxDataSource *source,
                 GRand                      *rand)
{
  const Branch *branch = pick_branch (rand, contract->company_client);
  g_autofree char *prefix = g_ascii_strup (source->company != NULL ? source->company : "IWD", 3);

  contract->number = g_strdup_printf ("%s%08u", prefix, g_rand_int_range (rand, 0, 100000000));
  contract->branch = branch->branch;
  contract->product = pick_product (rand, branch);
  contract->payment = PICK (rand, payments);
  contract->paid_to_company = g_rand_int_range (rand, 0, 4) == 0;
  contract->renewal = g_rand_int_range (rand, 0, 10) != 0;

  random_date (rand, &contract->subscription, 2005, g_date_get_year (&source->reference) - 1);
  g_date_clear (&contract->anniversary, 1);
  g_date_set_dmy (&contract->anniversary, 1, g_date_get_month (&contract->subscription),
                  g_date_get_year (&source->reference));

  generate_amounts (contract, branch, rand);
}

/* Draws an original contract that is not cancelled, other than @except:
 * the drawn index, or the next one that qualifies. */
static guint
pick_remaining (const IwdSandboxChanges *changes,
                GRand                   *rand,
                guint                    except)
{
  guint start = g_rand_int_range (rand, 0, changes->n_original);

  for (guint step = 0; step < changes->n_original; step++)
    {
      guint index = (start + step) % changes->n_original;

      if (!changes->cancelled[index] && index != except)
        return index;
    }

  return G_MAXUINT;
}

static guint
count_remaining (const IwdSandboxChanges *changes)
{
  guint remaining = 0;

  for (guint i = 0; i < changes->n_original; i++)
    remaining += changes->cancelled[i] ? 0 : 1;

  return remaining;
}

static void
apply_generation (IwdSandboxChanges          *changes,
                  const IwdSandboxDataSource *source,
                  guint                       generation)
{
  g_autoptr(GRand) rand = iwd_sandbox_data_source_new_rand (source, CHANGES_STREAM, generation);
  guint cancelled = G_MAXUINT;
  guint raised;

  if (count_remaining (changes) > 1)
    {
      cancelled = pick_remaining (changes, rand, G_MAXUINT);
      changes->cancelled[cancelled] = TRUE;
    }

  raised = pick_remaining (changes, rand, cancelled);
  if (raised != G_MAXUINT)
    changes->raises[raised]++;
}

static gint64
raise_cents (gint64 cents)
{
  return (cents * (100 + RAISE_PERCENT) + 50) / 100;
}

static void
append_iso_date (GString     *out,
                 const GDate *date)
{
  g_string_append_printf (out, "\"%04u-%02u-%02uT00:00:00\"",
                          g_date_get_year (date), g_date_get_month (date), g_date_get_day (date));
}

static void
append_member_string (GString    *out,
                      const char *key,
                      const char *value)
{
  g_string_append_printf (out, "\"%s\":", key);
  iwd_sandbox_append_json_string (out, value);
  g_string_append_c (out, ',');
}

static void
append_member_amount (GString    *out,
                      const char *key,
                      gint64      scaled)
{
  g_string_append_printf (out, "\"%s\":", key);
  iwd_sandbox_append_amount (out, scaled, 4, '.');
  g_string_append_c (out, ',');
}

static void
append_client_json (const IwdSandboxContract *contract,
                    GString                  *out)
{
  g_string_append_printf (out, "\"client\":{\"typeclient\":%d,", contract->company_client ? 1 : 0);
  append_member_string (out, "prenom", contract->first_name);
  append_member_string (out, "codepostal", contract->postcode);
  append_member_string (out, "ville", contract->town);
  append_member_string (out, "pays", "France");
  g_string_append (out, "\"date_naissance\":");
  append_iso_date (out, &contract->birth);
  g_string_append_c (out, ',');
  append_member_string (out, "regime", contract->company_client ? "" : "Général");
  append_member_string (out, "activite", contract->activity);
  g_string_append_printf (out, "\"nb_salaries\":%u,\"naf\":", contract->employees);
  iwd_sandbox_append_json_string (out, contract->naf);
  g_string_append_c (out, '}');
}

static void
append_police_json (const IwdSandboxContract *contract,
                    GString                  *out)
{
  g_string_append (out, "\"police\":{");
  append_member_string (out, "numero_police_cie", contract->number);
  append_member_string (out, "libelle", contract->branch);
  append_member_string (out, "branche", contract->branch);
  append_member_string (out, "produit", contract->product);
  g_string_append (out, "\"date_souscription\":");
  append_iso_date (out, &contract->subscription);
  g_string_append (out, ",\"date_anniversaire\":");
  append_iso_date (out, &contract->anniversary);
  g_string_append_c (out, ',');
  append_member_string (out, "mode_paiement", contract->payment);
  g_string_append_printf (out, "\"paie_direct_cie\":%d,\"renouvellement\":%d,",
                          contract->paid_to_company ? 1 : 0, contract->renewal ? 1 : 0);
  append_member_amount (out, "prime", contract->premium);
  append_member_amount (out, "primean", contract->premium);
  g_string_append (out, "\"cp\":0,");
  append_member_amount (out, "taxes", contract->taxes);
  g_string_append_printf (out, "\"tauxcomcie\":%u,", contract->rate_percent);
  append_member_amount (out, "commission", contract->commission);
  g_string_append (out, "\"coman\":");
  iwd_sandbox_append_amount (out, contract->commission, 4, '.');
  g_string_append_c (out, '}');
}

/**
 * iwd_sandbox_hash_text:
 * @text: (nullable): UTF-8 text
 *
 * Hashes @text with djb2, written out here rather than taken from
 * g_str_hash(), so that seeds and colours derived from names can never
 * change with a GLib release.
 *
 * Returns: the hash, 0 for %NULL
 */
guint32
iwd_sandbox_hash_text (const char *text)
{
  guint32 hash = 5381;

  if (text == NULL)
    return 0;

  for (const char *p = text; *p != '\0'; p++)
    hash = hash * 33 + (guchar) *p;

  return hash;
}

void
iwd_sandbox_data_source_clear (IwdSandboxDataSource *source)
{
  g_clear_pointer (&source->portfolio_id, g_free);
  g_clear_pointer (&source->profile_id, g_free);
  g_clear_pointer (&source->company, g_free);
}

/**
 * iwd_sandbox_data_source_copy:
 * @dest: an uninitialised source
 * @source: the source to copy
 *
 * Copies @source into @dest, duplicating its strings.
 */
void
iwd_sandbox_data_source_copy (IwdSandboxDataSource       *dest,
                              const IwdSandboxDataSource *source)
{
  *dest = *source;
  dest->portfolio_id = g_strdup (source->portfolio_id);
  dest->profile_id = g_strdup (source->profile_id);
  dest->company = g_strdup (source->company);
}

/**
 * iwd_sandbox_data_source_new_rand:
 * @source: a data source
 * @stream: which kind of data is drawn (contracts, commission lines...)
 * @index: the item's index within that kind
 *
 * Creates a generator seeded from the sandbox's seed, the portfolio and
 * profile ids, @stream and @index, so that an item can be drawn again
 * alone and still come out the same.
 *
 * Returns: (transfer full): a new generator
 */
GRand *
iwd_sandbox_data_source_new_rand (const IwdSandboxDataSource *source,
                                  guint32                     stream,
                                  guint32                     index)
{
  const guint32 seeds[] = {
    (guint32) source->seed,
    (guint32) (source->seed >> 32),
    iwd_sandbox_hash_text (source->portfolio_id),
    iwd_sandbox_hash_text (source->profile_id),
    stream,
    index,
  };

  return g_rand_new_with_seed_array (seeds, G_N_ELEMENTS (seeds));
}

/**
 * iwd_sandbox_contract_generate:
 * @contract: (out caller-allocates): the contract to fill
 * @source: what the data depends on
 * @index: the contract's index within the profile
 *
 * Draws one contract: an individual's about four times in five, otherwise
 * a firm's (with a NAF code and a staff count). Clear it with
 * iwd_sandbox_contract_clear().
 */
void
iwd_sandbox_contract_generate (IwdSandboxContract         *contract,
                               const IwdSandboxDataSource *source,
                               guint                       index)
{
  g_autoptr(GRand) rand = iwd_sandbox_data_source_new_rand (source, 0, index);
  const Town *town = &PICK (rand, towns);

  memset (contract, 0, sizeof *contract);
  contract->company_client = g_rand_int_range (rand, 0, 5) == 0;
  contract->postcode = town->postcode;
  contract->town = town->town;

  if (contract->company_client)
    generate_company (contract, rand);
  else
    generate_individual (contract, rand);

  generate_policy (contract, source, rand);
}

void
iwd_sandbox_contract_clear (IwdSandboxContract *contract)
{
  g_clear_pointer (&contract->name, g_free);
  g_clear_pointer (&contract->number, g_free);
}

/**
 * iwd_sandbox_contract_append_json:
 * @contract: a contract
 * @out: where to append
 *
 * Writes @contract as one object of the contracts reply, in the API's
 * documented shape and key order. Amounts are written by hand with four
 * decimals, because a double would print 17654.709999999999.
 */
void
iwd_sandbox_contract_append_json (const IwdSandboxContract *contract,
                                  GString                  *out)
{
  g_string_append (out, "{\"erreur\":0,");
  append_client_json (contract, out);
  g_string_append_c (out, ',');
  append_police_json (contract, out);
  g_string_append_c (out, '}');
}

/**
 * iwd_sandbox_changes_init:
 * @changes: (out caller-allocates): the changes to fill
 * @source: the profile's data source, whose seed draws the changes
 * @n_original: the profile's contract count before any change
 * @generations: how many generations of changes to apply; 0 for none
 *
 * Works out which contracts the first @generations generations cancel
 * and raise. Clear it with iwd_sandbox_changes_clear().
 */
void
iwd_sandbox_changes_init (IwdSandboxChanges          *changes,
                          const IwdSandboxDataSource *source,
                          guint                       n_original,
                          guint                       generations)
{
  changes->n_original = n_original;
  changes->generations = generations;
  changes->cancelled = g_new0 (gboolean, MAX (n_original, 1));
  changes->raises = g_new0 (guint, MAX (n_original, 1));

  for (guint generation = 1; generation <= generations && n_original > 0; generation++)
    apply_generation (changes, source, generation);
}

void
iwd_sandbox_changes_clear (IwdSandboxChanges *changes)
{
  g_clear_pointer (&changes->cancelled, g_free);
  g_clear_pointer (&changes->raises, g_free);
}

/**
 * iwd_sandbox_contract_raise_premium:
 * @contract: a generated contract
 * @raises: how many times to raise its premium by 5 %
 *
 * Raises the premium, rounded to the cent each time, and recomputes the
 * taxes in the same proportion and the commission at the same rate.
 */
void
iwd_sandbox_contract_raise_premium (IwdSandboxContract *contract,
                                    guint               raises)
{
  gint64 cents = contract->premium / 100;
  gint64 tax_cents = contract->taxes / 100;

  for (guint i = 0; i < raises; i++)
    {
      gint64 raised = raise_cents (cents);

      tax_cents = cents > 0 ? (tax_cents * raised + cents / 2) / cents : tax_cents;
      cents = raised;
    }

  contract->premium = cents * 100;
  contract->taxes = tax_cents * 100;
  contract->commission = cents * contract->rate_percent;
}

/**
 * iwd_sandbox_append_amount:
 * @out: where to append
 * @scaled: an amount in ten-thousandths
 * @decimals: how many decimals to write, from 0 to 4; dropped digits are
 *   truncated, so callers round first when they need to
 * @separator: the decimal separator, '.' for JSON or ',' for French text
 *
 * Writes an exact decimal amount without going through a double.
 */
void
iwd_sandbox_append_amount (GString *out,
                           gint64   scaled,
                           guint    decimals,
                           char     separator)
{
  guint64 magnitude = scaled < 0 ? (guint64) -scaled : (guint64) scaled;
  guint64 fraction = magnitude % 10000;
  guint divisor = 1;

  for (guint i = decimals; i < 4; i++)
    divisor *= 10;

  if (scaled < 0)
    g_string_append_c (out, '-');

  g_string_append_printf (out, "%" G_GUINT64_FORMAT, magnitude / 10000);
  if (decimals > 0)
    g_string_append_printf (out, "%c%0*" G_GUINT64_FORMAT, separator, (int) decimals,
                            fraction / divisor);
}

/**
 * iwd_sandbox_append_json_string:
 * @out: where to append
 * @text: (nullable): UTF-8 text; %NULL is written as an empty string
 *
 * Writes @text as a quoted JSON string, escaping quotes, backslashes and
 * control characters.
 */
void
iwd_sandbox_append_json_string (GString    *out,
                                const char *text)
{
  g_string_append_c (out, '"');

  for (const char *p = text != NULL ? text : ""; *p != '\0'; p++)
    {
      if (*p == '"' || *p == '\\')
        g_string_append_printf (out, "\\%c", *p);
      else if ((guchar) *p < 0x20)
        g_string_append_printf (out, "\\u%04x", (guchar) *p);
      else
        g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');
}
