/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The simulated robot's output: a portfolio's contracts and a profile's
 * commission lines. A profile produces data once the robot delay has run
 * from the time it joined the portfolio, and never while its login fails.
 * Bodies are streamed chunk by chunk, so their size does not bound memory.
 *
 * The robot keeps finding changes: the nth request of a portfolio's
 * contracts that returns data applies n - 1 generations of changes (see
 * IwdSandboxChanges) to each profile's contracts, so that a client has
 * history to compare. Commission lines do not change. */

#include "iwd-sandbox-feeds.h"

#include "iwd-sandbox-data.h"
#include "iwd-sandbox-private.h"
#include "iwd-sandbox-stream.h"

#define CONTRACTS_PER_CHUNK 200
#define COMMISSIONS_PER_CHUNK 1000

/* A sign, the 19 digits of a gint64, a separator, two decimals and a NUL. */
#define CENTS_TEXT_SIZE 24

#define DEFAULT_MONTHS 12
#define COMMISSION_STREAM 1
#define CONTRACT_REQUESTS_KEY "iwd-sandbox-contract-requests"

/* The commission columns, in the order of the TSV header; the JSON rows
 * use the same names as keys. */
static const char * const commission_columns[] = {
  "N° police", "Date d'effet", "Assuré", "Produit", "Prime TTC", "Taux", "Commission",
};

typedef struct {
  GArray *sources;      /* IwdSandboxDataSource, one per ready profile */
  GArray *changes;      /* IwdSandboxChanges, one per source */
  guint   per_profile;
  guint   next_source;
  guint   next_index;
  guint   written;
  guint   chunks;
} ContractsFeed;

typedef struct {
  IwdSandboxDataSource  source;
  GArray               *contracts; /* IwdSandboxContract the lines refer to */
  GRand                *rand;
  gboolean              json;
  guint                 total;
  guint                 next;
  guint                 written;
} CommissionsFeed;

static void
clear_source (gpointer data)
{
  iwd_sandbox_data_source_clear (data);
}

static void
clear_contract (gpointer data)
{
  iwd_sandbox_contract_clear (data);
}

static void
clear_changes (gpointer data)
{
  iwd_sandbox_changes_clear (data);
}

static void
contracts_feed_free (gpointer data)
{
  ContractsFeed *feed = data;

  g_array_unref (feed->sources);
  g_array_unref (feed->changes);
  g_free (feed);
}

static void
commissions_feed_free (gpointer data)
{
  CommissionsFeed *feed = data;

  iwd_sandbox_data_source_clear (&feed->source);
  g_array_unref (feed->contracts);
  g_clear_pointer (&feed->rand, g_rand_free);
  g_free (feed);
}

/* Whether the simulated robot has finished with @member's profile. */
static gboolean
member_has_data (IwdSandboxRequest       *request,
                 const IwdSandboxMember  *member,
                 const IwdSandboxProfile *profile)
{
  gint64 delay = (gint64) iwd_sandbox_get_robot_delay (request->sandbox) * G_TIME_SPAN_MILLISECOND;

  if (profile == NULL || profile->login_error)
    return FALSE;

  return g_get_monotonic_time () >= member->joined_at + delay;
}

static void
init_source (IwdSandboxDataSource      *source,
             IwdSandboxRequest         *request,
             const IwdSandboxPortfolio *portfolio,
             const IwdSandboxProfile   *profile)
{
  source->seed = iwd_sandbox_get_seed (request->sandbox);
  source->portfolio_id = g_strdup (portfolio->id);
  source->profile_id = g_strdup (profile->id);
  source->company = g_strdup (profile->company);
  source->reference = *iwd_sandbox_get_reference_date (request->sandbox);
  source->months = portfolio->months > 0 ? portfolio->months : DEFAULT_MONTHS;
  source->start_after = profile->start_after;

  /* TODO: the portfolio's four flags (isGED, isAdherents, isParcs,
   * isFonds) add no keys to the contracts yet. The real robot adds data
   * for each, in a shape the API document does not show. */
}

/* Counts the requests of @portfolio's contracts that return data, in
 * the account, since the sandbox started.
 * NOTE: a portfolio deleted and created again with the same id keeps
 * its count. */
static guint
count_contract_request (IwdSandboxRequest         *request,
                        const IwdSandboxPortfolio *portfolio)
{
  GHashTable *counts = g_object_get_data (G_OBJECT (request->account), CONTRACT_REQUESTS_KEY);
  guint count;

  if (counts == NULL)
    {
      counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      g_object_set_data_full (G_OBJECT (request->account), CONTRACT_REQUESTS_KEY,
                              counts, (GDestroyNotify) g_hash_table_unref);
    }

  count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, portfolio->id)) + 1;
  g_hash_table_insert (counts, g_strdup (portfolio->id), GUINT_TO_POINTER (count));

  return count;
}

/* Writes the contract of @index of the current source, unless a change
 * cancelled it. */
static void
append_contract (ContractsFeed *feed,
                 guint          index,
                 GString       *chunk)
{
  IwdSandboxDataSource *source = &g_array_index (feed->sources, IwdSandboxDataSource,
                                                 feed->next_source);
  IwdSandboxChanges *changes = &g_array_index (feed->changes, IwdSandboxChanges,
                                               feed->next_source);
  gboolean original = index < changes->n_original;
  IwdSandboxContract contract;

  if (original && changes->cancelled[index])
    return;

  iwd_sandbox_contract_generate (&contract, source, index);
  if (original)
    iwd_sandbox_contract_raise_premium (&contract, changes->raises[index]);

  if (feed->written++ > 0)
    g_string_append_c (chunk, ',');
  iwd_sandbox_contract_append_json (&contract, chunk);
  iwd_sandbox_contract_clear (&contract);
}

static gboolean
fill_contracts (gpointer  data,
                GString  *chunk)
{
  ContractsFeed *feed = data;

  if (feed->chunks++ == 0)
    g_string_append_c (chunk, '[');

  for (guint n = 0; n < CONTRACTS_PER_CHUNK && feed->next_source < feed->sources->len; n++)
    {
      IwdSandboxChanges *changes = &g_array_index (feed->changes, IwdSandboxChanges,
                                                   feed->next_source);

      append_contract (feed, feed->next_index, chunk);

      if (++feed->next_index == changes->n_original + changes->generations)
        {
          feed->next_index = 0;
          feed->next_source++;
        }
    }

  if (feed->next_source < feed->sources->len)
    return TRUE;

  g_string_append_c (chunk, ']');

  return FALSE;
}

static void
append_tsv_line (GString *chunk,
                 const char * const *cells,
                 guint    n_cells)
{
  for (guint i = 0; i < n_cells; i++)
    {
      g_string_append (chunk, cells[i]);
      g_string_append_c (chunk, '\t');
    }
}

static void
append_json_line (GString            *chunk,
                  const char * const *cells,
                  guint               n_cells)
{
  g_string_append_c (chunk, '{');
  for (guint i = 0; i < n_cells; i++)
    {
      gboolean amount = i >= 4;

      if (i > 0)
        g_string_append_c (chunk, ',');
      iwd_sandbox_append_json_string (chunk, commission_columns[i]);
      g_string_append_c (chunk, ':');
      if (amount)
        g_string_append (chunk, cells[i]);
      else
        iwd_sandbox_append_json_string (chunk, cells[i]);
    }
  g_string_append_c (chunk, '}');
}

/* Formats as iwd_sandbox_append_amount() does with two decimals, but in
 * a buffer on the stack. Each line used to make about twenty allocations,
 * and the slow unwinding of build-aux/sanitize made 100,000 lines take
 * over a minute. */
static void
format_cents (char   buffer[CENTS_TEXT_SIZE],
              gint64 cents,
              char   separator)
{
  guint64 magnitude = cents < 0 ? (guint64) -cents : (guint64) cents;

  g_snprintf (buffer, CENTS_TEXT_SIZE, "%s%" G_GUINT64_FORMAT "%c%02u", cents < 0 ? "-" : "",
              magnitude / 100, separator, (guint) (magnitude % 100));
}

/* Rounds half away from zero, as statements do. */
static gint64
percent_of_cents (gint64 cents,
                  guint  percent)
{
  gint64 product = cents * percent;

  return (product + (product < 0 ? -50 : 50)) / 100;
}

/* Draws one commission line and appends it, unless the robot's start date
 * excludes it. Every draw happens before that test, so a start date never
 * changes the lines that remain. */
static void
append_commission (CommissionsFeed *feed,
                   GString         *chunk)
{
  guint index = g_rand_int_range (feed->rand, 0, feed->contracts->len);
  const IwdSandboxContract *contract = &g_array_index (feed->contracts, IwdSandboxContract, index);
  guint days_back = g_rand_int_range (feed->rand, 0, feed->source.months * 365 / 12);
  gboolean refund = g_rand_int_range (feed->rand, 0, 25) == 0;
  gint64 cents = MAX (contract->premium / 100 / 12, 1) * (refund ? -1 : 1);
  char separator = feed->json ? '.' : ',';
  char premium[CENTS_TEXT_SIZE];
  char rate[CENTS_TEXT_SIZE];
  char commission[CENTS_TEXT_SIZE];
  char date_text[11];
  GDate date = feed->source.reference;
  const char *cells[G_N_ELEMENTS (commission_columns)];

  g_date_subtract_days (&date, days_back);
  if (g_date_valid (&feed->source.start_after) && g_date_compare (&date, &feed->source.start_after) <= 0)
    return;

  format_cents (premium, cents, separator);
  format_cents (rate, contract->rate_percent * 100, separator);
  format_cents (commission, percent_of_cents (cents, contract->rate_percent), separator);
  /* g_date_strftime() converts through the locale's encoding, with
   * allocations, for a format that has no text in it. */
  g_snprintf (date_text, sizeof date_text, "%02u/%02u/%04u", g_date_get_day (&date),
              (guint) g_date_get_month (&date), g_date_get_year (&date));
  cells[0] = contract->number;
  cells[1] = date_text;
  cells[2] = contract->name;
  cells[3] = contract->product;
  cells[4] = premium;
  cells[5] = rate;
  cells[6] = commission;

  if (feed->json)
    {
      if (feed->written > 0)
        g_string_append_c (chunk, ',');
      append_json_line (chunk, cells, G_N_ELEMENTS (cells));
    }
  else
    {
      g_string_append (chunk, "\r\n");
      append_tsv_line (chunk, cells, G_N_ELEMENTS (cells));
    }

  feed->written++;
}

static void
append_commissions_start (CommissionsFeed *feed,
                          GString         *chunk)
{
  if (feed->json)
    g_string_append_c (chunk, '[');
  else
    append_tsv_line (chunk, commission_columns, G_N_ELEMENTS (commission_columns));
}

static gboolean
fill_commissions (gpointer  data,
                  GString  *chunk)
{
  CommissionsFeed *feed = data;
  guint end = MIN (feed->next + COMMISSIONS_PER_CHUNK, feed->total);

  if (feed->next == 0)
    append_commissions_start (feed, chunk);

  for (; feed->next < end; feed->next++)
    append_commission (feed, chunk);

  if (feed->next < feed->total)
    return TRUE;

  if (feed->json)
    g_string_append_c (chunk, ']');

  return FALSE;
}

static GArray *
generate_contracts (const IwdSandboxDataSource *source,
                    guint                       count)
{
  GArray *contracts = g_array_sized_new (FALSE, TRUE, sizeof (IwdSandboxContract), count);

  g_array_set_clear_func (contracts, clear_contract);
  g_array_set_size (contracts, count);
  for (guint i = 0; i < count; i++)
    iwd_sandbox_contract_generate (&g_array_index (contracts, IwdSandboxContract, i), source, i);

  return contracts;
}

/**
 * iwd_sandbox_feeds_send_contracts:
 * @request: a contracts request
 * @portfolio: the requested portfolio
 *
 * Streams the contracts of every profile of @portfolio that the robot has
 * finished with, or `[]` while there is none. From the second request
 * that returns data, each request applies one more generation of changes
 * to each profile's contracts: one new, one cancelled, one premium raised
 * by 5 %.
 */
void
iwd_sandbox_feeds_send_contracts (IwdSandboxRequest   *request,
                                  IwdSandboxPortfolio *portfolio)
{
  ContractsFeed *feed = g_new0 (ContractsFeed, 1);
  guint generations = 0;

  feed->sources = g_array_new (FALSE, TRUE, sizeof (IwdSandboxDataSource));
  g_array_set_clear_func (feed->sources, clear_source);
  feed->changes = g_array_new (FALSE, TRUE, sizeof (IwdSandboxChanges));
  g_array_set_clear_func (feed->changes, clear_changes);
  feed->per_profile = iwd_sandbox_get_contract_count (request->sandbox);

  for (guint i = 0; i < portfolio->members->len && feed->per_profile > 0; i++)
    {
      IwdSandboxMember *member = g_ptr_array_index (portfolio->members, i);
      IwdSandboxProfile *profile = iwd_sandbox_account_lookup_profile (request->account,
                                                                       member->profile_id);
      IwdSandboxDataSource source = { 0 };

      if (!member_has_data (request, member, profile))
        continue;

      init_source (&source, request, portfolio, profile);
      g_array_append_val (feed->sources, source);
    }

  if (feed->sources->len > 0)
    generations = count_contract_request (request, portfolio) - 1;

  for (guint i = 0; i < feed->sources->len; i++)
    {
      IwdSandboxChanges changes;

      iwd_sandbox_changes_init (&changes, &g_array_index (feed->sources, IwdSandboxDataSource, i),
                                feed->per_profile, generations);
      g_array_append_val (feed->changes, changes);
    }

  iwd_sandbox_stream_start (request->message, "application/json; charset=utf-8", NULL,
                            fill_contracts, feed, contracts_feed_free);
}

/**
 * iwd_sandbox_feeds_send_commissions:
 * @request: a commissions request
 * @portfolio: the requested portfolio
 * @member: the requested profile's membership of @portfolio
 * @json: %TRUE for JSON rows, %FALSE for the Windows-1252 TSV statement
 *
 * Streams the profile's commission lines: the header alone (or `[]`)
 * until the robot has finished with the profile. The TSV has CRLF line
 * ends, decimal commas, dd/mm/yyyy dates, an empty last column and no
 * line end after the last line, like insurers' statements.
 */
void
iwd_sandbox_feeds_send_commissions (IwdSandboxRequest   *request,
                                    IwdSandboxPortfolio *portfolio,
                                    IwdSandboxMember    *member,
                                    gboolean             json)
{
  IwdSandboxProfile *profile = iwd_sandbox_account_lookup_profile (request->account,
                                                                   member->profile_id);
  CommissionsFeed *feed = g_new0 (CommissionsFeed, 1);
  guint contract_count = iwd_sandbox_get_contract_count (request->sandbox);

  feed->json = json;
  feed->contracts = g_array_new (FALSE, TRUE, sizeof (IwdSandboxContract));
  if (member_has_data (request, member, profile) && contract_count > 0)
    {
      init_source (&feed->source, request, portfolio, profile);
      g_clear_pointer (&feed->contracts, g_array_unref);
      feed->contracts = generate_contracts (&feed->source, contract_count);
      feed->rand = iwd_sandbox_data_source_new_rand (&feed->source, COMMISSION_STREAM, 0);
      feed->total = iwd_sandbox_get_commission_count (request->sandbox);
    }

  iwd_sandbox_stream_start (request->message,
                            json ? "application/json; charset=utf-8" : IWD_SANDBOX_FEEDS_TSV_TYPE,
                            json ? NULL : "WINDOWS-1252",
                            fill_commissions, feed, commissions_feed_free);
}

/**
 * iwd_sandbox_feeds_write_commissions:
 * @source: what the lines are drawn from
 * @n_contracts: how many contracts the lines refer to
 * @n_lines: how many commission lines to draw
 * @out: where to append the statement, in UTF-8
 *
 * Writes the TSV statement that a commissions request for @source would
 * stream, header included, so that the benchmarks measure the very
 * files the sandbox serves. The server converts it to Windows-1252.
 */
void
iwd_sandbox_feeds_write_commissions (const IwdSandboxDataSource *source,
                                     guint                       n_contracts,
                                     guint                       n_lines,
                                     GString                    *out)
{
  CommissionsFeed feed = { { 0 } };

  g_return_if_fail (n_contracts > 0);

  iwd_sandbox_data_source_copy (&feed.source, source);
  feed.contracts = generate_contracts (&feed.source, n_contracts);
  feed.rand = iwd_sandbox_data_source_new_rand (&feed.source, COMMISSION_STREAM, 0);
  feed.total = n_lines;

  while (fill_commissions (&feed, out))
    ;

  iwd_sandbox_data_source_clear (&feed.source);
  g_array_unref (feed.contracts);
  g_rand_free (feed.rand);
}

/**
 * iwd_sandbox_feeds_write_contracts:
 * @source: what the contracts are drawn from
 * @n_contracts: how many contracts to write
 * @out: where to append the JSON array
 *
 * Writes the contracts that a contracts request for @source would
 * stream before the robot changes any of them.
 */
void
iwd_sandbox_feeds_write_contracts (const IwdSandboxDataSource *source,
                                   guint                       n_contracts,
                                   GString                    *out)
{
  g_string_append_c (out, '[');
  for (guint index = 0; index < n_contracts; index++)
    {
      IwdSandboxContract contract;

      iwd_sandbox_contract_generate (&contract, source, index);
      if (index > 0)
        g_string_append (out, ",\n");
      iwd_sandbox_contract_append_json (&contract, out);
      iwd_sandbox_contract_clear (&contract);
    }
  g_string_append_c (out, ']');
}
