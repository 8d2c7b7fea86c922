/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The history against the sandbox's robot, in process: a second fetch of
 * a portfolio's contracts differs from the first by exactly one
 * generation of the robot's changes, and the last fetch reopens from the
 * store once the sandbox has stopped. */

#include <glib/gstdio.h>

#include "history-test-store.h"
#include "history-test-table.h"
#include "iwd-client.h"
#include "iwd-history-diff.h"
#include "iwd-sandbox.h"

#define TEST_TIMEOUT_SECONDS 60
#define CONTRACTS_PER_PROFILE 20
#define COMMISSIONS_PER_PROFILE 10
#define RAISE_PERCENT 5

typedef struct {
  IwdSandbox   *sandbox;
  SoupSession  *session;
  IwdClient    *client;
  GAsyncResult *result;
  guint         watchdog;
  char         *dir;
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
create_portfolio_with_profile (Fixture    *f,
                               const char *portfolio_id)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(JsonObject) values = new_allianz_values ();
  g_autoptr(GAsyncResult) created = NULL;
  g_autoptr(GAsyncResult) joined = NULL;
  g_autoptr(GError) error = NULL;

  iwd_client_create_portfolio_async (f->client, portfolio_id, options, NULL, on_done, f);
  created = take_result (f);
  g_assert_true (iwd_client_create_portfolio_finish (f->client, created, &error));
  g_assert_no_error (error);

  iwd_client_create_portfolio_profile_async (f->client, portfolio_id, "ALLIANZ", "AZ1", values,
                                             NULL, NULL, on_done, f);
  joined = take_result (f);
  g_assert_true (iwd_client_create_portfolio_profile_finish (f->client, joined, &error));
  g_assert_no_error (error);
}

static IwdTable *
get_contracts (Fixture    *f,
               const char *portfolio_id)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  iwd_client_get_contracts_async (f->client, portfolio_id, NULL, NULL, NULL, on_done, f);
  result = take_result (f);
  table = iwd_client_get_contracts_finish (f->client, result, &error);
  g_assert_no_error (error);

  return table;
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
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

  f->dir = g_dir_make_tmp ("iwd-history-sandbox-XXXXXX", &error);
  g_assert_no_error (error);
}

static void
stop_sandbox (Fixture *f)
{
  g_clear_object (&f->client);
  g_clear_object (&f->session);

  if (f->sandbox != NULL)
    iwd_sandbox_stop (f->sandbox);
  g_clear_object (&f->sandbox);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  const char *names[] = { "history.sqlite3", "history.sqlite3-wal", "history.sqlite3-shm" };

  stop_sandbox (f);
  g_source_remove (f->watchdog);

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

static guint
find_row_of_change (IwdTable   *diff,
                    const char *change)
{
  guint column = history_test_table_column (diff, IWD_HISTORY_DIFF_CHANGE);

  for (guint row = 0; row < iwd_table_get_n_rows (diff); row++)
    if (g_str_equal (iwd_table_get_text (diff, row, column), change))
      return row;

  g_assert_not_reached ();
}

static gboolean
has_policy (IwdTable   *contracts,
            const char *number)
{
  guint column = history_test_table_column (contracts, "police.numero_police_cie");

  for (guint row = 0; row < iwd_table_get_n_rows (contracts); row++)
    if (g_str_equal (iwd_table_get_text (contracts, row, column), number))
      return TRUE;

  return FALSE;
}

static gint64
get_premium (IwdTable   *contracts,
             const char *number)
{
  guint number_column = history_test_table_column (contracts, "police.numero_police_cie");
  guint premium_column = history_test_table_column (contracts, "police.prime");

  for (guint row = 0; row < iwd_table_get_n_rows (contracts); row++)
    if (g_str_equal (iwd_table_get_text (contracts, row, number_column), number))
      return iwd_table_get_int64 (contracts, row, premium_column);

  g_assert_not_reached ();
}

/* The robot raises a premium by 5 %, rounded to the cent. */
static gint64
raise_premium (gint64 premium)
{
  gint64 cents = premium / 100;

  return (cents * (100 + RAISE_PERCENT) + 50) / 100 * 100;
}

static void
test_sandbox_first_fetch_unchanged (Fixture       *f,
                                    gconstpointer  data)
{
  g_autoptr(IwdTable) first = NULL;

  create_portfolio_with_profile (f, "PTF1");
  first = get_contracts (f, "PTF1");

  g_assert_cmpuint (iwd_table_get_n_rows (first), ==, CONTRACTS_PER_PROFILE);
}

static void
test_sandbox_new_and_gone (Fixture       *f,
                           gconstpointer  data)
{
  g_autoptr(IwdTable) first = NULL;
  g_autoptr(IwdTable) second = NULL;
  g_autoptr(IwdTable) diff = NULL;
  guint policy;
  const char *added, *cancelled;

  create_portfolio_with_profile (f, "PTF1");
  first = get_contracts (f, "PTF1");
  second = get_contracts (f, "PTF1");
  diff = iwd_history_diff_contracts (first, second);
  policy = history_test_table_column (diff, IWD_HISTORY_DIFF_POLICY);

  g_assert_cmpuint (iwd_table_get_n_rows (second), ==, CONTRACTS_PER_PROFILE);
  g_assert_cmpuint (count_rows_of_change (diff, "New"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (diff, "Gone"), ==, 1);

  added = iwd_table_get_text (diff, find_row_of_change (diff, "New"), policy);
  cancelled = iwd_table_get_text (diff, find_row_of_change (diff, "Gone"), policy);
  g_assert_false (has_policy (first, added));
  g_assert_true (has_policy (second, added));
  g_assert_true (has_policy (first, cancelled));
  g_assert_false (has_policy (second, cancelled));
}

/* The raised contract changes in its premium and in the amounts that
 * follow from it, and in nothing else. */
static void
test_sandbox_premium_raised (Fixture       *f,
                             gconstpointer  data)
{
  const char *expected_fields[] = {
    "Premium", "Annual premium", "Taxes", "Commission", "Annual commission",
  };
  g_autoptr(IwdTable) first = NULL;
  g_autoptr(IwdTable) second = NULL;
  g_autoptr(IwdTable) diff = NULL;
  guint policy, field;
  guint row;
  const char *raised;

  create_portfolio_with_profile (f, "PTF1");
  first = get_contracts (f, "PTF1");
  second = get_contracts (f, "PTF1");
  diff = iwd_history_diff_contracts (first, second);
  policy = history_test_table_column (diff, IWD_HISTORY_DIFF_POLICY);
  field = history_test_table_column (diff, IWD_HISTORY_DIFF_FIELD);

  g_assert_cmpuint (count_rows_of_change (diff, "Changed"), ==, G_N_ELEMENTS (expected_fields));
  row = find_row_of_change (diff, "Changed");
  raised = iwd_table_get_text (diff, row, policy);

  for (guint i = 0; i < G_N_ELEMENTS (expected_fields); i++)
    {
      g_assert_cmpstr (iwd_table_get_text (diff, row + i, policy), ==, raised);
      g_assert_cmpstr (iwd_table_get_text (diff, row + i, field), ==, expected_fields[i]);
    }

  g_assert_cmpint (get_premium (second, raised), ==, raise_premium (get_premium (first, raised)));
}

/* Each request adds one generation, so the third fetch differs from the
 * second as the second from the first. */
static void
test_sandbox_third_fetch (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(IwdTable) first = NULL;
  g_autoptr(IwdTable) second = NULL;
  g_autoptr(IwdTable) third = NULL;
  g_autoptr(IwdTable) diff = NULL;
  g_autoptr(IwdTable) since_first = NULL;

  create_portfolio_with_profile (f, "PTF1");
  first = get_contracts (f, "PTF1");
  second = get_contracts (f, "PTF1");
  third = get_contracts (f, "PTF1");
  diff = iwd_history_diff_contracts (second, third);
  since_first = iwd_history_diff_contracts (first, third);

  g_assert_cmpuint (count_rows_of_change (diff, "New"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (diff, "Gone"), ==, 1);
  g_assert_cmpuint (count_rows_of_change (since_first, "New"), ==, 2);
  g_assert_cmpuint (count_rows_of_change (since_first, "Gone"), ==, 2);
}

static void
test_sandbox_offline (Fixture       *f,
                      gconstpointer  data)
{
  g_autofree char *path = g_build_filename (f->dir, "history.sqlite3", NULL);
  g_autoptr(IwdHistoryStore) store = iwd_history_store_new (path);
  g_autoptr(IwdHistoryStore) reopened = NULL;
  g_autoptr(IwdTable) fetched = NULL;
  g_autoptr(IwdTable) offline = NULL;
  g_autoptr(GError) error = NULL;

  create_portfolio_with_profile (f, "PTF1");
  fetched = get_contracts (f, "PTF1");
  history_test_store_save (store, "PTF1", fetched, NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  stop_sandbox (f);
  reopened = iwd_history_store_new (path);
  offline = history_test_store_latest (reopened, "PTF1", &error);

  g_assert_no_error (error);
  history_test_table_assert_equal (fetched, offline);
}

#define ADD_TEST(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  ADD_TEST ("/history/sandbox/first-fetch-unchanged", test_sandbox_first_fetch_unchanged);
  ADD_TEST ("/history/sandbox/new-and-gone", test_sandbox_new_and_gone);
  ADD_TEST ("/history/sandbox/premium-raised", test_sandbox_premium_raised);
  ADD_TEST ("/history/sandbox/third-fetch", test_sandbox_third_fetch);
  ADD_TEST ("/history/sandbox/offline", test_sandbox_offline);

  return g_test_run ();
}
