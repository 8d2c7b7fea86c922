/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The fault matrix: every IwdClient call against every fault of the
 * sandbox, and against a closed port, checking the typed error of each
 * (call, fault) pair and that no call hangs. Assertions are non-fatal,
 * so one run lists every broken pair, and the totals end the output. */

#include <gio/gio.h>
#include <string.h>

#include "iwd-api-error.h"
#include "iwd-client.h"
#include "iwd-sandbox.h"
#include "iwd-sandbox-faults.h"

/* The client's timeout, in seconds, and the bound on one call: a GET
 * that stalls takes two timeouts, as it is retried once. */
#define CLIENT_TIMEOUT_S 1
#define CALL_BOUND_MS 4000

/* The bound on one call of the huge column, where three calls at once
 * each read the client's 64 MB limit from a sandbox on the same thread.
 * That took about 1.1 s in a debug build and 5 to 6.6 s under
 * build-aux/sanitize, on a loaded 2-core machine. It only has to tell a
 * finished call from a hung one. */
#define HUGE_CALL_BOUND_MS 20000
#define BATCH_WATCHDOG_S 30
#define SUCCESS (-1)

/* Columns past the sandbox's faults: the client's server URL points at a
 * closed port, or a GET's first request gets a 503 or no reply at all. */
#define FAULT_REFUSED IWD_SANDBOX_N_FAULTS
#define FAULT_503_ONCE (IWD_SANDBOX_N_FAULTS + 1)
#define FAULT_STALL_ONCE (IWD_SANDBOX_N_FAULTS + 2)
#define N_COLUMNS (IWD_SANDBOX_N_FAULTS + 3)

typedef struct _Fixture Fixture;

typedef void     (*CallStart)  (Fixture             *f,
                                GAsyncReadyCallback  callback,
                                gpointer             data);
typedef gboolean (*CallFinish) (IwdClient           *client,
                                GAsyncResult        *result,
                                GError             **error);

/* What the client makes of a 2xx body. A TSV statement's first line
 * names its columns, whatever they are, so it cannot tell a cut JSON
 * body from a valid one. The credential check's reply is the company's
 * message, as free text or as a JSON string, and one that starts like
 * JSON must be valid JSON, so that a cut reply is never read as a
 * verdict. */
typedef enum {
  BODY_IGNORED,
  BODY_PARSED,
  BODY_FREE_TEXT,
  BODY_ASSET,
} BodyKind;

typedef struct {
  const char *name;
  IwdRoute    route;
  BodyKind    body;
  CallStart   start;
  CallFinish  finish;
} Call;

typedef struct {
  const Call *call;
  Fixture    *fixture;
  gint64      started_us;
  gint64      elapsed_ms;
  GError     *error;
  gboolean    done;
} CallRun;

struct _Fixture {
  IwdSandbox  *sandbox;
  SoupSession *session;
  IwdClient   *client;
  guint        pending;
};

static guint pairs_passed;
static guint pairs_failed;

/* Call starters and finishers, one per public _async function */

static JsonObject *
new_allianz_values (void)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", "secret1");
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

static gboolean
finish_array (GPtrArray *array)
{
  if (array == NULL)
    return FALSE;

  g_ptr_array_unref (array);
  return TRUE;
}

static gboolean
finish_object (gpointer object)
{
  if (object == NULL)
    return FALSE;

  g_object_unref (object);
  return TRUE;
}

static void
start_list_companies (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_list_companies_async (f->client, NULL, callback, data);
}

static gboolean
finish_list_companies (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_array (iwd_client_list_companies_finish (client, result, error));
}

static void
start_get_fields (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_get_fields_async (f->client, "ALLIANZ", NULL, callback, data);
}

static gboolean
finish_get_fields (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_array (iwd_client_get_fields_finish (client, result, error));
}

static void
start_check_credentials (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(JsonObject) values = new_allianz_values ();

  iwd_client_check_credentials_async (f->client, "ALLIANZ", values, NULL, NULL, callback, data);
}

static gboolean
finish_check_credentials (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_object (iwd_client_check_credentials_finish (client, result, error));
}

static void
start_list_profiles (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_list_profiles_async (f->client, NULL, callback, data);
}

static gboolean
finish_list_profiles (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_array (iwd_client_list_profiles_finish (client, result, error));
}

static void
start_save_profile (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(JsonObject) values = new_allianz_values ();

  iwd_client_save_profile_async (f->client, "ALLIANZ", "AZ1", values, NULL, NULL, callback, data);
}

static void
start_force_task (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_force_task_async (f->client, "AZ1", "Commissions", NULL, callback, data);
}

static void
start_set_start_date (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(GDate) date = g_date_new_dmy (1, G_DATE_JANUARY, 2024);

  iwd_client_set_start_date_async (f->client, "AZ1", date, NULL, callback, data);
}

static void
start_list_errors (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_list_errors_async (f->client, NULL, callback, data);
}

static gboolean
finish_list_errors (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_array (iwd_client_list_errors_finish (client, result, error));
}

static void
start_create_portfolio (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);

  iwd_client_create_portfolio_async (f->client, "PTF1", options, NULL, callback, data);
}

static void
start_add_portfolio_profile (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_add_portfolio_profile_async (f->client, "PTF1", "AZ1", NULL, callback, data);
}

static void
start_create_portfolio_profile (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  g_autoptr(JsonObject) values = new_allianz_values ();

  iwd_client_create_portfolio_profile_async (f->client, "PTF1", "ALLIANZ", "AZ2", values, NULL,
                                             NULL, callback, data);
}

static void
start_list_portfolio_profiles (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_list_portfolio_profiles_async (f->client, "PTF1", NULL, callback, data);
}

static gboolean
finish_list_portfolio_profiles (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_array (iwd_client_list_portfolio_profiles_finish (client, result, error));
}

static void
start_get_contracts (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_get_contracts_async (f->client, "PTF1", NULL, NULL, NULL, callback, data);
}

static gboolean
finish_get_contracts (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_object (iwd_client_get_contracts_finish (client, result, error));
}

static void
start_get_commissions_tsv (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_get_commissions_async (f->client, "PTF1", "AZ1", IWD_COMMISSIONS_FORMAT_TSV,
                                    NULL, NULL, NULL, callback, data);
}

static void
start_get_commissions_json (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_get_commissions_async (f->client, "PTF1", "AZ1", IWD_COMMISSIONS_FORMAT_JSON,
                                    NULL, NULL, NULL, callback, data);
}

static gboolean
finish_get_commissions (IwdClient *client, GAsyncResult *result, GError **error)
{
  return finish_object (iwd_client_get_commissions_finish (client, result, error));
}

static void
start_remove_portfolio_profile (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_remove_portfolio_profile_async (f->client, "PTF1", "AZ2", NULL, callback, data);
}

static void
start_delete_portfolio (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_delete_portfolio_async (f->client, "PTF1", NULL, callback, data);
}

static void
start_delete_profile (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_delete_profile_async (f->client, "AZ1", NULL, callback, data);
}

static void
start_fetch_logo (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_LOGO, "ALLIANZ", NULL, NULL, NULL,
                                callback, data);
}

static void
start_fetch_help_page (Fixture *f, GAsyncReadyCallback callback, gpointer data)
{
  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_HELP_PAGE, "ALLIANZ", NULL, NULL, NULL,
                                callback, data);
}

static gboolean
finish_fetch_asset (IwdClient *client, GAsyncResult *result, GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gboolean not_modified = FALSE;

  bytes = iwd_client_fetch_asset_finish (client, result, &not_modified, NULL, NULL, NULL, error);

  return bytes != NULL;
}

/* The calls in an order that succeeds when run one after the other
 * against a fresh sandbox, each building on the state of the ones before. */
static const Call calls[] = {
  { "list companies", IWD_ROUTE_COMPANY_LIST, BODY_PARSED, start_list_companies, finish_list_companies },
  { "get fields", IWD_ROUTE_COMPANY_SCHEMA, BODY_PARSED, start_get_fields, finish_get_fields },
  { "check credentials", IWD_ROUTE_COMPANY_CHECK, BODY_PARSED, start_check_credentials,
    finish_check_credentials },
  { "save profile", IWD_ROUTE_PROFILE_SAVE, BODY_IGNORED, start_save_profile,
    iwd_client_save_profile_finish },
  { "list profiles", IWD_ROUTE_PROFILE_LIST, BODY_PARSED, start_list_profiles, finish_list_profiles },
  { "force task", IWD_ROUTE_PROFILE_FORCE_TASK, BODY_IGNORED, start_force_task,
    iwd_client_force_task_finish },
  { "set start date", IWD_ROUTE_PROFILE_START_DATE, BODY_IGNORED, start_set_start_date,
    iwd_client_set_start_date_finish },
  { "list errors", IWD_ROUTE_ERROR_LIST, BODY_PARSED, start_list_errors, finish_list_errors },
  { "create portfolio", IWD_ROUTE_PORTFOLIO_CREATE, BODY_IGNORED, start_create_portfolio,
    iwd_client_create_portfolio_finish },
  { "add portfolio profile", IWD_ROUTE_PORTFOLIO_ADD_PROFILE, BODY_IGNORED, start_add_portfolio_profile,
    iwd_client_add_portfolio_profile_finish },
  { "create portfolio profile", IWD_ROUTE_PORTFOLIO_CREATE_PROFILE, BODY_IGNORED,
    start_create_portfolio_profile, iwd_client_create_portfolio_profile_finish },
  { "list portfolio profiles", IWD_ROUTE_PORTFOLIO_PROFILE_LIST, BODY_PARSED,
    start_list_portfolio_profiles, finish_list_portfolio_profiles },
  { "get contracts", IWD_ROUTE_PORTFOLIO_CONTRACTS, BODY_PARSED, start_get_contracts,
    finish_get_contracts },
  { "get commissions tsv", IWD_ROUTE_PORTFOLIO_COMMISSIONS, BODY_FREE_TEXT, start_get_commissions_tsv,
    finish_get_commissions },
  { "get commissions json", IWD_ROUTE_PORTFOLIO_COMMISSIONS, BODY_PARSED, start_get_commissions_json,
    finish_get_commissions },
  { "remove portfolio profile", IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE, BODY_IGNORED,
    start_remove_portfolio_profile, iwd_client_remove_portfolio_profile_finish },
  { "delete profile", IWD_ROUTE_PROFILE_DELETE, BODY_IGNORED, start_delete_profile,
    iwd_client_delete_profile_finish },
  { "delete portfolio", IWD_ROUTE_PORTFOLIO_DELETE, BODY_IGNORED, start_delete_portfolio,
    iwd_client_delete_portfolio_finish },
  { "fetch logo", IWD_ROUTE_LOGO, BODY_ASSET, start_fetch_logo, finish_fetch_asset },
  { "fetch help page", IWD_ROUTE_HELP_PAGE, BODY_ASSET, start_fetch_help_page, finish_fetch_asset },
};

/* Expected outcomes */

static gboolean
is_data_call (const Call *call)
{
  return call->route == IWD_ROUTE_PORTFOLIO_CONTRACTS
         || call->route == IWD_ROUTE_PORTFOLIO_COMMISSIONS;
}

static gboolean
is_site_call (const Call *call)
{
  return iwd_route_get_service (call->route) == IWD_SERVICE_SITE;
}

/* The GET calls whose normal reply needs no portfolio, so that they
 * succeed on a fresh sandbox. */
static gboolean
is_stateless_get (const Call *call)
{
  switch (call->route)
    {
    case IWD_ROUTE_COMPANY_LIST:
    case IWD_ROUTE_PROFILE_LIST:
    case IWD_ROUTE_ERROR_LIST:
    case IWD_ROUTE_LOGO:
    case IWD_ROUTE_HELP_PAGE:
      return TRUE;
    default:
      return FALSE;
    }
}

/* A broken JSON body fails only the calls that parse their body strictly. */
static int
expect_for_body (const Call *call)
{
  return call->body == BODY_PARSED ? IWD_API_ERROR_INVALID_REPLY : SUCCESS;
}

/* Returns the IwdApiError code that @call must fail with under @fault, or
 * SUCCESS. A 503 stays a server error once the single retry got one too,
 * but a GET whose first request alone fails succeeds on its retry. */
static int
expect_code (const Call *call,
             guint       fault)
{
  switch (fault)
    {
    case IWD_SANDBOX_FAULT_UNAUTHORIZED:
      return IWD_API_ERROR_UNAUTHORIZED;
    case IWD_SANDBOX_FAULT_FORBIDDEN:
      return IWD_API_ERROR_FORBIDDEN;
    case IWD_SANDBOX_FAULT_NOT_FOUND:
      return IWD_API_ERROR_NOT_FOUND;
    case IWD_SANDBOX_FAULT_SERVER_ERROR:
    case IWD_SANDBOX_FAULT_UNAVAILABLE:
      return IWD_API_ERROR_SERVER;
    case IWD_SANDBOX_FAULT_STALL:
      return IWD_API_ERROR_TIMEOUT;
    case IWD_SANDBOX_FAULT_RESET:
    case FAULT_REFUSED:
      return IWD_API_ERROR_NETWORK;
    case IWD_SANDBOX_FAULT_TRUNCATED:
    case IWD_SANDBOX_FAULT_INVALID_JSON:
      return expect_for_body (call);
    case IWD_SANDBOX_FAULT_HTML_PAGE:
      return is_site_call (call) ? SUCCESS : IWD_API_ERROR_INVALID_REPLY;
    case IWD_SANDBOX_FAULT_HUGE_BODY:
      return IWD_API_ERROR_INVALID_REPLY;
    case IWD_SANDBOX_FAULT_NONE:
    case IWD_SANDBOX_FAULT_WRONG_TYPE:
    case FAULT_503_ONCE:
    case FAULT_STALL_ONCE:
    default:
      return SUCCESS;
    }
}

/* The run of one batch of calls */

static gboolean
on_watchdog (gpointer data)
{
  g_error ("a batch of calls did not finish within %d s", BATCH_WATCHDOG_S);

  return G_SOURCE_REMOVE;
}

static void
on_call_done (GObject      *source,
              GAsyncResult *result,
              gpointer      data)
{
  CallRun *run = data;

  run->elapsed_ms = (g_get_monotonic_time () - run->started_us) / 1000;
  run->call->finish (IWD_CLIENT (source), result, &run->error);
  run->done = TRUE;
  run->fixture->pending--;
}

static void
start_call (Fixture *f,
            CallRun *run)
{
  run->fixture = f;
  run->started_us = g_get_monotonic_time ();
  f->pending++;
  run->call->start (f, on_call_done, run);
}

static void
wait_for_calls (Fixture *f)
{
  guint watchdog = g_timeout_add_seconds (BATCH_WATCHDOG_S, on_watchdog, NULL);

  while (f->pending > 0)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (watchdog);
}

/* The 100 MB body only goes to the two calls that fetch tables, and a
 * retried fault to the GET calls that need no portfolio. */
static gboolean
is_in_column (const Call *call,
              guint       fault)
{
  if (fault == IWD_SANDBOX_FAULT_HUGE_BODY)
    return is_data_call (call);

  if (fault == FAULT_503_ONCE || fault == FAULT_STALL_ONCE)
    return is_stateless_get (call);

  return TRUE;
}

/* Faults replace the handlers' replies, so the sandbox's state does not
 * matter and the calls can run side by side, which keeps the stalls to
 * one timeout in all. The normal replies need the calls in order. */
static void
run_calls (Fixture *f,
           CallRun *runs,
           guint    fault)
{
  gboolean in_order = fault == IWD_SANDBOX_FAULT_NONE || fault == IWD_SANDBOX_FAULT_WRONG_TYPE;

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      runs[i].call = &calls[i];
      if (!is_in_column (&calls[i], fault))
        continue;

      start_call (f, &runs[i]);
      if (in_order)
        wait_for_calls (f);
    }

  wait_for_calls (f);
}

/* Fixture */

static char *
dup_closed_port_url (void)
{
  g_autoptr(GSocketListener) listener = g_socket_listener_new ();
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) address = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;
  g_autoptr(GError) error = NULL;

  g_socket_listener_add_address (listener, address, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP,
                                 NULL, &bound, &error);
  g_assert_no_error (error);
  g_socket_listener_close (listener);

  return g_strdup_printf ("http://127.0.0.1:%u/",
                          g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound)));
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  guint fault = GPOINTER_TO_UINT (data);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_add_account (f->sandbox, "broker", "secret");
  iwd_sandbox_set_robot_delay (f->sandbox, 0);
  iwd_sandbox_set_sizes (f->sandbox, 5, 20);
  iwd_sandbox_start (f->sandbox, 0, &error);
  g_assert_no_error (error);

  url = fault == FAULT_REFUSED ? dup_closed_port_url () : iwd_sandbox_dup_base_url (f->sandbox);
  f->session = soup_session_new_with_options ("max-conns", 64, "max-conns-per-host", 64, NULL);
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);

  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_timeout (f->client, CLIENT_TIMEOUT_S);
  iwd_client_set_retry_policy (f->client, 1, 10, 10);

  /* The 100 MB body is valid JSON padded with spaces, so only a size
   * limit rejects it; the default table limit is larger, for statements
   * of a million lines. */
  iwd_client_set_max_reply_sizes (f->client, 8 * 1024 * 1024, 64 * 1024 * 1024);
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_clear_object (&f->client);
  g_clear_object (&f->session);
  iwd_sandbox_stop (f->sandbox);
  g_clear_object (&f->sandbox);
}

/* Checks */

static const char *
get_column_name (guint fault)
{
  switch (fault)
    {
    case FAULT_REFUSED:
      return "refused";
    case FAULT_503_ONCE:
      return "503-once";
    case FAULT_STALL_ONCE:
      return "stall-once";
    default:
      return iwd_sandbox_fault_get_name (fault);
    }
}

/* A GET whose first request stalls must have waited for the timeout,
 * which shows that the stall did happen before the retry succeeded. */
static gint64
get_min_elapsed_ms (guint fault)
{
  return fault == FAULT_STALL_ONCE ? CLIENT_TIMEOUT_S * 1000 : 0;
}

static gint64
get_max_elapsed_ms (guint fault)
{
  return fault == IWD_SANDBOX_FAULT_HUGE_BODY ? HUGE_CALL_BOUND_MS : CALL_BOUND_MS;
}

static gboolean
outcome_matches (const CallRun *run,
                 guint          fault,
                 int            expected)
{
  if (run->elapsed_ms > get_max_elapsed_ms (fault) || run->elapsed_ms < get_min_elapsed_ms (fault))
    return FALSE;

  if (expected == SUCCESS)
    return run->error == NULL;

  return g_error_matches (run->error, IWD_API_ERROR, expected);
}

static void
check_run (const CallRun *run,
           guint          fault)
{
  int expected = expect_code (run->call, fault);

  g_test_message ("%s, %s: %s (%" G_GINT64_FORMAT " ms)", run->call->name,
                  get_column_name (fault), run->error != NULL ? run->error->message : "success",
                  run->elapsed_ms);

  if (outcome_matches (run, fault, expected))
    pairs_passed++;
  else
    pairs_failed++;

  g_assert_true (run->done);
  g_assert_cmpint (run->elapsed_ms, <=, get_max_elapsed_ms (fault));
  g_assert_cmpint (run->elapsed_ms, >=, get_min_elapsed_ms (fault));
  if (expected == SUCCESS)
    {
      g_assert_no_error (run->error);
      return;
    }

  g_assert_error (run->error, IWD_API_ERROR, expected);
}

/* A fault for a count of requests must be set on each route, because
 * the entry for every route would count the requests of all routes. */
static void
set_fault_per_route (Fixture         *f,
                     guint            column,
                     IwdSandboxFault  fault,
                     guint            count)
{
  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      if (is_in_column (&calls[i], column))
        iwd_sandbox_set_fault (f->sandbox, calls[i].route, fault, count);
    }
}

static void
set_fault (Fixture *f,
           guint    column)
{
  switch (column)
    {
    case FAULT_REFUSED:
      break;
    case FAULT_503_ONCE:
      set_fault_per_route (f, column, IWD_SANDBOX_FAULT_UNAVAILABLE, 1);
      break;
    case FAULT_STALL_ONCE:
      set_fault_per_route (f, column, IWD_SANDBOX_FAULT_STALL, 1);
      break;
    case IWD_SANDBOX_FAULT_HUGE_BODY:
      set_fault_per_route (f, column, column, 0);
      break;
    default:
      iwd_sandbox_set_fault (f->sandbox, IWD_N_ROUTES, column, 0);
      break;
    }
}

static void
test_fault_column (Fixture       *f,
                   gconstpointer  data)
{
  guint fault = GPOINTER_TO_UINT (data);
  CallRun runs[G_N_ELEMENTS (calls)] = { 0 };

  set_fault (f, fault);
  run_calls (f, runs, fault);

  for (guint i = 0; i < G_N_ELEMENTS (calls); i++)
    {
      if (!is_in_column (runs[i].call, fault))
        continue;

      check_run (&runs[i], fault);
      g_clear_error (&runs[i].error);
    }
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);
  g_test_set_nonfatal_assertions ();

  for (guint fault = 0; fault < N_COLUMNS; fault++)
    {
      g_autofree char *path = g_strdup_printf ("/faults/%s", get_column_name (fault));

      g_test_add (path, Fixture, GUINT_TO_POINTER (fault),
                  fixture_set_up, test_fault_column, fixture_tear_down);
    }

  status = g_test_run ();
  g_print ("# %u passed, %u failed\n", pairs_passed, pairs_failed);

  return status;
}
