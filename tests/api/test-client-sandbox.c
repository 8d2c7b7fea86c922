/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Every IwdClient call against the in-process sandbox, asserting what the
 * parsers made of each reply. The sandbox and the client share the test's
 * main context. */

#include <string.h>

#include "iwd-api-error.h"
#include "iwd-check-reply.h"
#include "iwd-client.h"
#include "iwd-company.h"
#include "iwd-field.h"
#include "iwd-profile.h"
#include "iwd-robot-error.h"
#include "iwd-sandbox.h"
#include "iwd-test-objects.h"

#define TEST_TIMEOUT_SECONDS 30
#define ROBOT_DELAY_MS 150
#define CONTRACTS_PER_PROFILE 5
#define COMMISSIONS_PER_PROFILE 40

typedef struct {
  IwdSandbox   *sandbox;
  SoupSession  *session;
  IwdClient    *client;
  GAsyncResult *result;
  guint         watchdog;
  goffset       progress_current;
  goffset       progress_total;
  guint         progress_calls;
  GCancellable *cancel_on_progress;
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

  g_assert_null (f->result);
  f->result = g_object_ref (result);
}

static void
on_progress (goffset  current,
             goffset  total,
             gpointer data)
{
  Fixture *f = data;

  g_assert_cmpint (current, >=, f->progress_current);
  f->progress_current = current;
  f->progress_total = total;
  f->progress_calls++;

  if (f->cancel_on_progress != NULL)
    g_cancellable_cancel (f->cancel_on_progress);
}

/* Runs the main context until the pending call finishes, and hands its
 * result to the caller. */
static GAsyncResult *
take_result (Fixture *f)
{
  while (f->result == NULL)
    g_main_context_iteration (NULL, TRUE);

  return g_steal_pointer (&f->result);
}

static void
wait_ms (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * G_TIME_SPAN_MILLISECOND;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static void
start_sandbox (Fixture    *f,
               const char *fixtures_dir)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;

  f->watchdog = g_timeout_add_seconds (TEST_TIMEOUT_SECONDS, on_watchdog, NULL);
  f->sandbox = iwd_sandbox_new (42);
  iwd_sandbox_add_account (f->sandbox, "broker", "secret");
  iwd_sandbox_set_robot_delay (f->sandbox, ROBOT_DELAY_MS);
  iwd_sandbox_set_sizes (f->sandbox, CONTRACTS_PER_PROFILE, COMMISSIONS_PER_PROFILE);

  if (fixtures_dir != NULL)
    {
      iwd_sandbox_set_fixtures_dir (f->sandbox, fixtures_dir, &error);
      g_assert_no_error (error);
    }

  iwd_sandbox_start (f->sandbox, 0, &error);
  g_assert_no_error (error);

  url = iwd_sandbox_dup_base_url (f->sandbox);
  f->session = soup_session_new ();
  f->client = iwd_client_new_for_server (f->session, url, &error);
  g_assert_no_error (error);

  iwd_client_set_credentials (f->client, "broker", "secret");
  iwd_client_set_retry_policy (f->client, 2, 10, 100);
}

static void
fixture_set_up (Fixture       *f,
                gconstpointer  data)
{
  start_sandbox (f, NULL);
}

static void
fixture_set_up_with_files (Fixture       *f,
                           gconstpointer  data)
{
  start_sandbox (f, TEST_DATA_DIR "/api");
}

static void
fixture_tear_down (Fixture       *f,
                   gconstpointer  data)
{
  g_assert_null (f->result);
  iwd_test_assert_finalized_soon (g_steal_pointer (&f->client));
  g_clear_object (&f->session);

  iwd_sandbox_stop (f->sandbox);
  g_clear_object (&f->sandbox);
  g_source_remove (f->watchdog);
}

/* Synchronous wrappers, so that each test reads as a sequence of calls. */

static GPtrArray *
list_companies (Fixture  *f,
                GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_list_companies_async (f->client, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_list_companies_finish (f->client, result, error);
}

static GPtrArray *
get_fields (Fixture    *f,
            const char *company,
            GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_get_fields_async (f->client, company, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_get_fields_finish (f->client, result, error);
}

static IwdCheckReply *
check_credentials (Fixture            *f,
                   JsonObject         *values,
                   const char * const *options,
                   GError            **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_check_credentials_async (f->client, "ALLIANZ", values, options, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_check_credentials_finish (f->client, result, error);
}

static GPtrArray *
list_profiles (Fixture  *f,
               GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_list_profiles_async (f->client, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_list_profiles_finish (f->client, result, error);
}

static JsonObject *
new_allianz_values (const char *password)
{
  JsonObject *values = json_object_new ();

  json_object_set_string_member (values, "Login", "jdupont");
  json_object_set_string_member (values, "Password", password);
  json_object_set_string_member (values, "Marche", "P");

  return values;
}

static gboolean
save_profile (Fixture    *f,
              const char *company,
              const char *profile_id,
              const char *password,
              GError    **error)
{
  g_autoptr(JsonObject) values = new_allianz_values (password);
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_save_profile_async (f->client, company, profile_id, values, NULL, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_save_profile_finish (f->client, result, error);
}

static gboolean
delete_profile (Fixture    *f,
                const char *profile_id,
                GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_delete_profile_async (f->client, profile_id, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_delete_profile_finish (f->client, result, error);
}

static GPtrArray *
list_errors (Fixture  *f,
             GError  **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_list_errors_async (f->client, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_list_errors_finish (f->client, result, error);
}

static gboolean
create_portfolio (Fixture    *f,
                  const char *portfolio_id,
                  GError    **error)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(GAsyncResult) result = NULL;

  options->documents = TRUE;
  iwd_client_create_portfolio_async (f->client, portfolio_id, options, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_create_portfolio_finish (f->client, result, error);
}

static gboolean
create_portfolio_profile (Fixture    *f,
                          const char *portfolio_id,
                          const char *profile_id,
                          GError    **error)
{
  g_autoptr(JsonObject) values = new_allianz_values ("secret1");
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_create_portfolio_profile_async (f->client, portfolio_id, "ALLIANZ", profile_id,
                                             values, NULL, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_create_portfolio_profile_finish (f->client, result, error);
}

static GPtrArray *
list_portfolio_profiles (Fixture    *f,
                         const char *portfolio_id,
                         GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_list_portfolio_profiles_async (f->client, portfolio_id, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_list_portfolio_profiles_finish (f->client, result, error);
}

static IwdTable *
get_contracts (Fixture    *f,
               const char *portfolio_id,
               GError    **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_get_contracts_async (f->client, portfolio_id, on_progress, f, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_get_contracts_finish (f->client, result, error);
}

static IwdTable *
get_commissions (Fixture              *f,
                 const char           *portfolio_id,
                 const char           *profile_id,
                 IwdCommissionsFormat  format,
                 GError              **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_get_commissions_async (f->client, portfolio_id, profile_id, format,
                                    on_progress, f, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_get_commissions_finish (f->client, result, error);
}

static IwdCompany *
find_company (GPtrArray  *companies,
              const char *name)
{
  for (guint i = 0; i < companies->len; i++)
    {
      IwdCompany *company = g_ptr_array_index (companies, i);

      if (g_strcmp0 (iwd_company_get_name (company), name) == 0)
        return company;
    }

  return NULL;
}

static IwdProfile *
find_profile (GPtrArray  *profiles,
              const char *profile_id)
{
  for (guint i = 0; i < profiles->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (profiles, i);

      if (g_strcmp0 (iwd_profile_get_id (profile), profile_id) == 0)
        return profile;
    }

  return NULL;
}

static gboolean
profile_has_task (IwdProfile *profile,
                  const char *label)
{
  GPtrArray *tasks = iwd_profile_get_tasks (profile);

  for (guint i = 0; i < tasks->len; i++)
    {
      IwdProfileTask *task = g_ptr_array_index (tasks, i);

      if (g_strcmp0 (task->label, label) == 0)
        return TRUE;
    }

  return FALSE;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));

  return column;
}

static gint64
sum_column (IwdTable   *table,
            const char *key)
{
  gint64 total = 0;

  g_assert_true (iwd_table_sum_column (table, find_column (table, key), &total));

  return total;
}

/* Reads a number in ten-thousandths, whether the parser typed its column
 * as INTEGER (whole rates such as "12,00") or DECIMAL. */
static gint64
get_scaled (IwdTable *table,
            guint     row,
            guint     column)
{
  gint64 value = iwd_table_get_int64 (table, row, column);

  if (iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_INTEGER)
    return value * 10000;

  return value;
}

/* Computes a commission as the sandbox does: in cents, rounding half away
 * from zero. Amounts are in ten-thousandths of a euro, and rates in
 * ten-thousandths of a percent. */
static gint64
expected_commission (gint64 premium,
                     gint64 rate)
{
  gint64 product = (premium / 100) * (rate / 10000);
  gint64 cents = (product + (product < 0 ? -50 : 50)) / 100;

  return cents * 100;
}

static void
test_companies (Fixture       *f,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) companies = list_companies (f, &error);
  IwdCompany *macif;

  g_assert_no_error (error);
  g_assert_cmpuint (companies->len, ==, 21);

  macif = find_company (companies, "MACIF");
  g_assert_nonnull (macif);
  g_assert_cmpstr (iwd_company_get_label (macif), ==, "Macif Prévoyance");
}

static void
test_fields (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) fields = get_fields (f, "ALLIANZ", &error);
  IwdField *login;
  IwdField *password;
  IwdField *market;
  IwdField *closed;

  g_assert_no_error (error);
  g_assert_cmpuint (fields->len, ==, 4);

  login = g_ptr_array_index (fields, 0);
  password = g_ptr_array_index (fields, 1);
  market = g_ptr_array_index (fields, 2);
  closed = g_ptr_array_index (fields, 3);

  g_assert_cmpstr (iwd_field_get_json_key (login), ==, "Login");
  g_assert_false (iwd_field_is_secret (login));
  g_assert_cmpstr (iwd_field_get_json_key (password), ==, "Password");
  g_assert_true (iwd_field_is_secret (password));
  g_assert_cmpint (iwd_field_get_widget (market), ==, IWD_FIELD_WIDGET_COMBO);
  g_assert_cmpuint (iwd_field_get_choices (market)->len, ==, 2);
  g_assert_cmpint (iwd_field_get_widget (closed), ==, IWD_FIELD_WIDGET_CHECK);
  g_assert_cmpstr (iwd_field_get_option (closed), ==, "clos");
}

static void
test_check_ok (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = new_allianz_values ("secret1");
  g_autoptr(IwdCheckReply) reply = check_credentials (f, values, NULL, &error);

  g_assert_no_error (error);
  g_assert_true (iwd_check_reply_get_is_ok (reply));
}

static void
test_check_refused (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = json_object_new ();
  g_autoptr(IwdCheckReply) reply = NULL;

  json_object_set_string_member (values, "Password", "wrong");
  json_object_set_string_member (values, "Marche", "X");

  reply = check_credentials (f, values, NULL, &error);

  g_assert_no_error (error);
  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Login"), ==, "Champ obligatoire");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Password"), ==, "Mot de passe incorrect");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Marche"), ==, "Valeur absente de la liste");
}

static void
test_check_option (Fixture       *f,
                   gconstpointer  data)
{
  const char * const options[] = { "clos", NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) values = new_allianz_values ("secret1");
  g_autoptr(IwdCheckReply) without = NULL;
  g_autoptr(IwdCheckReply) with = NULL;

  json_object_set_boolean_member (values, "Clos", TRUE);

  without = check_credentials (f, values, NULL, &error);
  g_assert_no_error (error);
  with = check_credentials (f, values, options, &error);
  g_assert_no_error (error);

  g_assert_false (iwd_check_reply_get_is_ok (without));
  g_assert_nonnull (iwd_check_reply_lookup_message (without, "Clos"));
  g_assert_true (iwd_check_reply_get_is_ok (with));
}

static void
test_profile_save (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  IwdProfile *profile;

  g_assert_true (save_profile (f, "ALLIANZ", "AZ-01", "secret1", &error));
  g_assert_no_error (error);

  profiles = list_profiles (f, &error);
  g_assert_no_error (error);
  profile = find_profile (profiles, "AZ-01");

  g_assert_nonnull (profile);
  g_assert_cmpstr (iwd_profile_get_company (profile), ==, "allianz");
  g_assert_cmpint (iwd_profile_get_robot_error (profile), ==, 0);
  g_assert_true (profile_has_task (profile, "Commissions"));
}

static void
test_profile_force_task (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  gboolean forced;

  g_assert_true (save_profile (f, "ALLIANZ", "AZ 02", "secret1", &error));

  iwd_client_force_task_async (f->client, "AZ 02", "Sinistres", NULL, on_done, f);
  result = take_result (f);
  forced = iwd_client_force_task_finish (f->client, result, &error);

  g_assert_no_error (error);
  g_assert_true (forced);

  profiles = list_profiles (f, &error);
  g_assert_no_error (error);
  g_assert_true (profile_has_task (find_profile (profiles, "AZ 02"), "Sinistres"));
}

static gboolean
set_start_date (Fixture    *f,
                const char *profile_id,
                GError    **error)
{
  g_autoptr(GDate) date = g_date_new_dmy (5, G_DATE_MARCH, 2024);
  g_autoptr(GAsyncResult) result = NULL;

  iwd_client_set_start_date_async (f->client, profile_id, date, NULL, on_done, f);
  result = take_result (f);

  return iwd_client_set_start_date_finish (f->client, result, error);
}

static void
test_profile_start_date (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) missing_error = NULL;

  g_assert_true (save_profile (f, "ALLIANZ", "AZ03", "secret1", &error));

  g_assert_true (set_start_date (f, "AZ03", &error));
  g_assert_no_error (error);

  g_assert_false (set_start_date (f, "NOPE", &missing_error));
  g_assert_error (missing_error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
}

static void
test_profile_delete (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) again_error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  g_assert_true (save_profile (f, "ALLIANZ", "AZ04", "secret1", &error));

  g_assert_true (delete_profile (f, "AZ04", &error));
  g_assert_no_error (error);

  profiles = list_profiles (f, &error);
  g_assert_no_error (error);
  g_assert_null (find_profile (profiles, "AZ04"));

  g_assert_false (delete_profile (f, "AZ04", &again_error));
  g_assert_error (again_error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
}

static void
test_robot_errors (Fixture       *f,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  IwdRobotError *robot_error;

  g_assert_true (save_profile (f, "ALLIANZ", "AZ05", "wrong", &error));
  g_assert_no_error (error);

  errors = list_errors (f, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (errors->len, ==, 1);

  robot_error = g_ptr_array_index (errors, 0);
  g_assert_cmpint (iwd_robot_error_get_code (robot_error), ==, 8);
  g_assert_cmpstr (iwd_robot_error_get_profile_id (robot_error), ==, "AZ05");

  profiles = list_profiles (f, &error);
  g_assert_no_error (error);
  g_assert_cmpint (iwd_profile_get_robot_error (find_profile (profiles, "AZ05")), ==, 8);
}

static void
test_portfolio_lifecycle (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GError) deleted_error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) both = NULL;
  g_autoptr(GPtrArray) one = NULL;
  g_autoptr(GPtrArray) none = NULL;

  g_assert_true (create_portfolio (f, "PTF1", &error));
  g_assert_true (create_portfolio_profile (f, "PTF1", "AZ1", &error));
  g_assert_true (save_profile (f, "AXA", "AX1", "secret1", &error));

  iwd_client_add_portfolio_profile_async (f->client, "PTF1", "AX1", NULL, on_done, f);
  result = take_result (f);
  g_assert_true (iwd_client_add_portfolio_profile_finish (f->client, result, &error));
  g_clear_object (&result);
  g_assert_no_error (error);

  both = list_portfolio_profiles (f, "PTF1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (both->len, ==, 2);
  g_assert_nonnull (find_profile (both, "AZ1"));
  g_assert_nonnull (find_profile (both, "AX1"));

  iwd_client_remove_portfolio_profile_async (f->client, "PTF1", "AX1", NULL, on_done, f);
  result = take_result (f);
  g_assert_true (iwd_client_remove_portfolio_profile_finish (f->client, result, &error));
  g_clear_object (&result);

  one = list_portfolio_profiles (f, "PTF1", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (one->len, ==, 1);

  iwd_client_delete_portfolio_async (f->client, "PTF1", NULL, on_done, f);
  result = take_result (f);
  g_assert_true (iwd_client_delete_portfolio_finish (f->client, result, &error));

  none = list_portfolio_profiles (f, "PTF1", &deleted_error);
  g_assert_null (none);
  g_assert_error (deleted_error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND);
}

static void
test_contracts_before_delay (Fixture       *f,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) early = NULL;

  g_assert_true (create_portfolio (f, "PTF2", &error));
  g_assert_true (create_portfolio_profile (f, "PTF2", "AZ2", &error));

  early = get_contracts (f, "PTF2", &error);

  /* TODO: the sandbox writes "[[]" for a portfolio without data yet;
   * drop this branch once it writes "[]". */
  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY))
    {
      g_test_incomplete ("the sandbox sends invalid JSON for an empty portfolio");
      return;
    }

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (early), ==, 0);
}

static void
test_contracts_after_delay (Fixture       *f,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) ready = NULL;
  guint premium;

  g_assert_true (create_portfolio (f, "PTF2", &error));
  g_assert_true (create_portfolio_profile (f, "PTF2", "AZ2", &error));
  wait_ms (ROBOT_DELAY_MS + 50);

  ready = get_contracts (f, "PTF2", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (ready), ==, CONTRACTS_PER_PROFILE);
  g_assert_cmpuint (f->progress_calls, >, 0);
  g_assert_cmpint (f->progress_current, >, 0);

  premium = find_column (ready, "police.prime");
  g_assert_cmpint (iwd_table_get_column_kind (ready, premium), ==, IWD_TABLE_KIND_MONEY);
}

/* Both formats carry the same lines, so their sums must be equal to the
 * ten-thousandth, and each commission must be its premium times its rate. */
static void
test_commissions_formats (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) tsv = NULL;
  g_autoptr(IwdTable) json = NULL;
  guint premium, rate, commission;

  g_assert_true (create_portfolio (f, "PTF3", &error));
  g_assert_true (create_portfolio_profile (f, "PTF3", "AZ3", &error));
  wait_ms (ROBOT_DELAY_MS + 50);

  tsv = get_commissions (f, "PTF3", "AZ3", IWD_COMMISSIONS_FORMAT_TSV, &error);
  g_assert_no_error (error);
  json = get_commissions (f, "PTF3", "AZ3", IWD_COMMISSIONS_FORMAT_JSON, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (iwd_table_get_n_rows (tsv), >, 0);
  g_assert_cmpuint (iwd_table_get_n_rows (tsv), ==, iwd_table_get_n_rows (json));
  g_assert_cmpint (sum_column (tsv, "Prime TTC"), ==, sum_column (json, "Prime TTC"));
  g_assert_cmpint (sum_column (tsv, "Commission"), ==, sum_column (json, "Commission"));

  premium = find_column (tsv, "Prime TTC");
  rate = find_column (tsv, "Taux");
  commission = find_column (tsv, "Commission");

  for (guint row = 0; row < iwd_table_get_n_rows (tsv); row++)
    g_assert_cmpint (iwd_table_get_int64 (tsv, row, commission), ==,
                     expected_commission (iwd_table_get_int64 (tsv, row, premium),
                                          get_scaled (tsv, row, rate)));
}

static void
test_logo_not_modified (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GBytes) logo = NULL;
  g_autoptr(GBytes) again = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *content_type = NULL;
  gboolean not_modified = TRUE;

  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_LOGO, "ALLIANZ", NULL, NULL,
                                NULL, on_done, f);
  result = take_result (f);
  logo = iwd_client_fetch_asset_finish (f->client, result, &not_modified, &etag, NULL,
                                        &content_type, &error);
  g_clear_object (&result);

  g_assert_no_error (error);
  g_assert_false (not_modified);
  g_assert_cmpuint (g_bytes_get_size (logo), >, 8);
  g_assert_cmpint (memcmp (g_bytes_get_data (logo, NULL), "\x89PNG", 4), ==, 0);
  g_assert_cmpstr (content_type, ==, "image/png");
  g_assert_nonnull (etag);

  iwd_client_fetch_asset_async (f->client, IWD_ROUTE_LOGO, "ALLIANZ", etag, NULL,
                                NULL, on_done, f);
  result = take_result (f);
  again = iwd_client_fetch_asset_finish (f->client, result, &not_modified, NULL, NULL,
                                         NULL, &error);

  g_assert_no_error (error);
  g_assert_null (again);
  g_assert_true (not_modified);
}

static void
test_wrong_password (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  iwd_client_set_credentials (f->client, "broker", "not-the-password");

  profiles = list_profiles (f, &error);

  g_assert_null (profiles);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED);
}

static void
test_cancel_before (Fixture       *f,
                    gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GPtrArray) companies = NULL;

  g_cancellable_cancel (cancellable);
  iwd_client_list_companies_async (f->client, cancellable, on_done, f);
  result = take_result (f);
  companies = iwd_client_list_companies_finish (f->client, result, &error);

  g_assert_null (companies);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static void
test_cancel_during_read (Fixture       *f,
                         gconstpointer  data)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(IwdTable) contracts = NULL;

  g_assert_true (create_portfolio (f, "PTF4", &error));
  g_assert_true (create_portfolio_profile (f, "PTF4", "AZ4", &error));
  wait_ms (ROBOT_DELAY_MS + 50);

  /* The first progress report comes while the body is still being read. */
  f->cancel_on_progress = cancellable;
  iwd_client_get_contracts_async (f->client, "PTF4", on_progress, f, cancellable, on_done, f);
  result = take_result (f);
  contracts = iwd_client_get_contracts_finish (f->client, result, &error);
  f->cancel_on_progress = NULL;

  g_assert_null (contracts);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_cmpuint (f->progress_calls, ==, 1);
}

static void
test_errors_invalid_json (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) errors = list_errors (f, &error);

  g_assert_null (errors);
  g_assert_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY);
  g_assert_true (g_str_has_prefix (error->message, "Invalid reply to GET Erreurs: "));
}

/* The fixture statement is Windows-1252 with decimal commas and day-first
 * dates, as insurers send them. */
static void
test_commissions_fixture_tsv (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = get_commissions (f, "FIX", "P1", IWD_COMMISSIONS_FORMAT_TSV, &error);
  guint premium, commission, name;

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 3);

  premium = find_column (table, "Prime");
  commission = find_column (table, "Commission");
  name = find_column (table, "Assuré");

  g_assert_cmpint (iwd_table_get_int64 (table, 0, premium), ==, 12000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, premium), ==, -3000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, commission), ==, 89900);
  g_assert_cmpint (sum_column (table, "Prime"), ==, 9899000);
  g_assert_cmpint (sum_column (table, "Commission"), ==, 989900);
  g_assert_cmpstr (iwd_table_get_text (table, 2, name), ==, "Hélène Dupré");
}

static void
test_commissions_fixture_json (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = get_commissions (f, "FIX", "P1", IWD_COMMISSIONS_FORMAT_JSON, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (sum_column (table, "Prime"), ==, 9899000);
  g_assert_cmpint (sum_column (table, "Commission"), ==, 989900);
}

static void
test_contracts_fixture (Fixture       *f,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = get_contracts (f, "FIX", &error);

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 2);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "police.prime")), ==, 176547100);
  g_assert_cmpint (sum_column (table, "police.prime"), ==, 176547100 + 3);
  g_assert_cmpint (f->progress_total, ==, f->progress_current);
}

static void
add_test (const char *path,
          void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up, test, fixture_tear_down);
}

static void
add_test_with_files (const char *path,
                     void      (*test) (Fixture *, gconstpointer))
{
  g_test_add (path, Fixture, NULL, fixture_set_up_with_files, test, fixture_tear_down);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  add_test ("/sandbox/companies", test_companies);
  add_test ("/sandbox/fields", test_fields);
  add_test ("/sandbox/check/ok", test_check_ok);
  add_test ("/sandbox/check/refused", test_check_refused);
  add_test ("/sandbox/check/option", test_check_option);
  add_test ("/sandbox/profile/save", test_profile_save);
  add_test ("/sandbox/profile/force-task", test_profile_force_task);
  add_test ("/sandbox/profile/start-date", test_profile_start_date);
  add_test ("/sandbox/profile/delete", test_profile_delete);
  add_test ("/sandbox/robot-errors", test_robot_errors);
  add_test ("/sandbox/portfolio/lifecycle", test_portfolio_lifecycle);
  add_test ("/sandbox/contracts/before-delay", test_contracts_before_delay);
  add_test ("/sandbox/contracts/after-delay", test_contracts_after_delay);
  add_test ("/sandbox/commissions/formats", test_commissions_formats);
  add_test ("/sandbox/logo/not-modified", test_logo_not_modified);
  add_test ("/sandbox/wrong-password", test_wrong_password);
  add_test ("/sandbox/cancel/before", test_cancel_before);
  add_test ("/sandbox/cancel/during-read", test_cancel_during_read);
  add_test_with_files ("/sandbox/files/errors-invalid-json", test_errors_invalid_json);
  add_test_with_files ("/sandbox/files/commissions-tsv", test_commissions_fixture_tsv);
  add_test_with_files ("/sandbox/files/commissions-json", test_commissions_fixture_json);
  add_test_with_files ("/sandbox/files/contracts", test_contracts_fixture);

  return g_test_run ();
}
