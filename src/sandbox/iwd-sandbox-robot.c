/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The Robot service: profiles, their tasks, robot errors and portfolios.
 * The portfolios' data (contracts and commissions) are in
 * iwd-sandbox-feeds.c. Error bodies are French, like the real service's. */

#include "iwd-sandbox-private.h"

#include <stdio.h>
#include <string.h>

#include "iwd-sandbox-companies.h"
#include "iwd-sandbox-feeds.h"

#define JSON_TYPE "application/json; charset=utf-8"
#define MAX_ID_LENGTH 15

static const char * const robot_methods[] = {
  "Commissions", "Emissions", "Impayes", "Profil", "Messages", "Sinistres", "MED",
};

static gboolean
check_id_or_reply (IwdSandboxRequest *request,
                   const char        *name)
{
  const char *id = iwd_sandbox_request_get_value (request, name);

  if (id != NULL && *id != '\0' && g_utf8_strlen (id, -1) <= MAX_ID_LENGTH)
    return TRUE;

  iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST,
                                  "Identifiant invalide : 1 à 15 caractères attendus");
  return FALSE;
}

static IwdSandboxProfile *
lookup_profile_or_reply (IwdSandboxRequest *request)
{
  const char *id = iwd_sandbox_request_get_value (request, "id");
  IwdSandboxProfile *profile = iwd_sandbox_account_lookup_profile (request->account, id);

  if (profile == NULL)
    iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Profil inconnu");

  return profile;
}

static IwdSandboxPortfolio *
lookup_portfolio_or_reply (IwdSandboxRequest *request)
{
  const char *id = iwd_sandbox_request_get_value (request, "ptf");
  IwdSandboxPortfolio *portfolio = iwd_sandbox_account_lookup_portfolio (request->account, id);

  if (portfolio == NULL)
    iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Portefeuille inconnu");

  return portfolio;
}

static const char *
find_robot_method (const char *method)
{
  for (guint i = 0; i < G_N_ELEMENTS (robot_methods); i++)
    {
      if (g_ascii_strcasecmp (robot_methods[i], method) == 0)
        return robot_methods[i];
    }

  return NULL;
}

/* Reads a strict yyyy-mm-dd date, as the robot's start date must be. */
static gboolean
parse_iso_date (const char *text,
                GDate      *out_date)
{
  guint year, month, day;
  char end;

  if (text == NULL || strlen (text) != 10 ||
      sscanf (text, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3 ||
      !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_clear (out_date, 1);
  g_date_set_dmy (out_date, day, month, year);

  return TRUE;
}

static void
add_profile_object (JsonBuilder             *builder,
                    const IwdSandboxProfile *profile)
{
  g_autofree char *company = g_ascii_strdown (profile->company, -1);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cie");
  json_builder_add_string_value (builder, company);
  json_builder_set_member_name (builder, "idClient");
  json_builder_add_string_value (builder, profile->id);
  json_builder_set_member_name (builder, "robotErreur");
  json_builder_add_int_value (builder, profile->login_error ? 8 : 0);
  json_builder_set_member_name (builder, "profilsTaches");
  json_builder_begin_array (builder);
  for (guint i = 0; i < profile->tasks->len; i++)
    {
      IwdSandboxTask *task = g_ptr_array_index (profile->tasks, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "libelle");
      json_builder_add_string_value (builder, task->method);
      json_builder_set_member_name (builder, "inactif");
      json_builder_add_boolean_value (builder, task->inactive);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* The real service gives `code` as a number in some entries and as a
 * numeric string in others; every second entry here is a string. */
static void
add_error_object (JsonBuilder                *builder,
                  const IwdSandboxRobotError *error,
                  gboolean                    code_as_text)
{
  g_autofree char *date = g_date_time_format (error->date, "%Y-%m-%dT%H:%M:%S");
  g_autofree char *code = g_strdup_printf ("%u", error->code);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "cie");
  json_builder_add_string_value (builder, error->company);
  json_builder_set_member_name (builder, "id");
  json_builder_add_string_value (builder, error->profile_id);
  json_builder_set_member_name (builder, "date");
  json_builder_add_string_value (builder, date);
  json_builder_set_member_name (builder, "code");
  if (code_as_text)
    json_builder_add_string_value (builder, code);
  else
    json_builder_add_int_value (builder, error->code);
  json_builder_set_member_name (builder, "libelle");
  json_builder_add_string_value (builder, error->label);
  json_builder_end_object (builder);
}

static void
reply_profiles (IwdSandboxRequest *request,
                GPtrArray         *profiles)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < profiles->len; i++)
    add_profile_object (builder, g_ptr_array_index (profiles, i));
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  iwd_sandbox_request_reply_json (request, root);
}

static void
list_profiles (IwdSandboxRequest *request)
{
  if (iwd_sandbox_request_serve_fixture (request, JSON_TYPE))
    return;

  reply_profiles (request, iwd_sandbox_account_get_profiles (request->account));
}

static void
list_errors (IwdSandboxRequest *request)
{
  GPtrArray *errors = iwd_sandbox_account_get_errors (request->account);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  if (iwd_sandbox_request_serve_fixture (request, JSON_TYPE))
    return;

  json_builder_begin_array (builder);
  for (guint i = 0; i < errors->len; i++)
    add_error_object (builder, g_ptr_array_index (errors, i), i % 2 == 1);
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  iwd_sandbox_request_reply_json (request, root);
}

/* Saves the posted profile and returns it, or replies with the reason it
 * was rejected and returns NULL. */
static IwdSandboxProfile *
save_profile (IwdSandboxRequest *request)
{
  const char *name = iwd_sandbox_request_get_value (request, "compagnie");
  const IwdSandboxCompany *company = iwd_sandbox_company_lookup (name);
  g_autoptr(JsonNode) body = NULL;
  JsonObject *values;
  gboolean login_error;

  if (!check_id_or_reply (request, "id"))
    return NULL;

  if (company == NULL)
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Compagnie inconnue");
      return NULL;
    }

  body = iwd_sandbox_request_parse_body (request);
  if (body == NULL)
    return NULL;

  values = json_node_get_object (body);
  login_error = iwd_sandbox_company_has_wrong_password (company, values);
  if (login_error)
    g_info ("sandbox: profile %s of %s will fail to log in",
            iwd_sandbox_request_get_value (request, "id"), name);

  return iwd_sandbox_account_save_profile (request->account, name,
                                           iwd_sandbox_request_get_value (request, "id"),
                                           values,
                                           iwd_sandbox_request_get_value (request, "option"),
                                           login_error);
}

static void
post_profile (IwdSandboxRequest *request)
{
  if (save_profile (request) != NULL)
    iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
force_task (IwdSandboxRequest *request)
{
  IwdSandboxProfile *profile = lookup_profile_or_reply (request);
  const char *requested = iwd_sandbox_request_get_value (request, "methode");
  const char *method = find_robot_method (requested);
  g_autofree char *message = NULL;

  if (profile == NULL)
    return;

  if (method == NULL)
    {
      message = g_strdup_printf ("Méthode inconnue : %s", requested);
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST, message);
      return;
    }

  iwd_sandbox_account_force_task (request->account, profile, method);
  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
set_start_date (IwdSandboxRequest *request)
{
  IwdSandboxProfile *profile = lookup_profile_or_reply (request);
  const char *text = iwd_sandbox_request_get_value (request, "date");
  GDate date;

  if (profile == NULL)
    return;

  if (!parse_iso_date (text, &date))
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST,
                                      "Date invalide : format aaaa-mm-jj attendu");
      return;
    }

  profile->start_after = date;
  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
delete_profile (IwdSandboxRequest *request)
{
  const char *id = iwd_sandbox_request_get_value (request, "id");

  if (!iwd_sandbox_account_delete_profile (request->account, id))
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Profil inconnu");
      return;
    }

  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

/* Reads the optional boolean flag @key into @out_flag; returns FALSE if
 * it is there but not a boolean. */
static gboolean
read_flag (JsonObject *options,
           const char *key,
           gboolean   *out_flag)
{
  JsonNode *node = json_object_get_member (options, key);

  if (node == NULL)
    {
      *out_flag = FALSE;
      return TRUE;
    }

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;

  *out_flag = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
read_portfolio_options (JsonObject          *options,
                        IwdSandboxPortfolio *portfolio)
{
  static const char * const flag_keys[] = { "isGED", "isAdherents", "isParcs", "isFonds" };
  JsonNode *label = json_object_get_member (options, "Libelle");
  JsonNode *months = json_object_get_member (options, "NbMoisQ");

  if (label == NULL || !JSON_NODE_HOLDS_VALUE (label) ||
      json_node_get_value_type (label) != G_TYPE_STRING)
    return FALSE;

  if (months == NULL || !JSON_NODE_HOLDS_VALUE (months) ||
      (json_node_get_value_type (months) != G_TYPE_INT64 &&
       json_node_get_value_type (months) != G_TYPE_DOUBLE) ||
      json_node_get_double (months) < 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (flag_keys); i++)
    {
      if (!read_flag (options, flag_keys[i], &portfolio->flags[i]))
        return FALSE;
    }

  g_free (portfolio->label);
  portfolio->label = g_strdup (json_node_get_string (label));
  portfolio->months = (guint) json_node_get_double (months);

  return TRUE;
}

static void
create_portfolio (IwdSandboxRequest *request)
{
  g_autoptr(JsonNode) body = NULL;
  IwdSandboxPortfolio options = { 0 };
  IwdSandboxPortfolio *portfolio;

  if (!check_id_or_reply (request, "ptf"))
    return;

  body = iwd_sandbox_request_parse_body (request);
  if (body == NULL)
    return;

  /* Read into a scratch record first, so a rejected post changes nothing. */
  if (!read_portfolio_options (json_node_get_object (body), &options))
    {
      g_free (options.label);
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST,
                                      "Options invalides : Libelle (texte) et NbMoisQ (nombre) attendus");
      return;
    }

  portfolio = iwd_sandbox_account_save_portfolio (request->account,
                                                  iwd_sandbox_request_get_value (request, "ptf"));
  g_free (portfolio->label);
  portfolio->label = options.label;
  portfolio->months = options.months;
  memcpy (portfolio->flags, options.flags, sizeof options.flags);

  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
join_portfolio (IwdSandboxPortfolio *portfolio,
                const char          *profile_id)
{
  if (iwd_sandbox_portfolio_find_member (portfolio, profile_id) == NULL)
    g_ptr_array_add (portfolio->members, iwd_sandbox_member_new (profile_id));
}

static void
add_portfolio_profile (IwdSandboxRequest *request)
{
  IwdSandboxPortfolio *portfolio = lookup_portfolio_or_reply (request);
  IwdSandboxProfile *profile;

  if (portfolio == NULL)
    return;

  profile = lookup_profile_or_reply (request);
  if (profile == NULL)
    return;

  join_portfolio (portfolio, profile->id);
  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
create_portfolio_profile (IwdSandboxRequest *request)
{
  IwdSandboxPortfolio *portfolio = lookup_portfolio_or_reply (request);
  IwdSandboxProfile *profile;

  if (portfolio == NULL)
    return;

  profile = save_profile (request);
  if (profile == NULL)
    return;

  join_portfolio (portfolio, profile->id);
  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
list_portfolio_profiles (IwdSandboxRequest *request)
{
  IwdSandboxPortfolio *portfolio;
  g_autoptr(GPtrArray) profiles = g_ptr_array_new ();

  if (iwd_sandbox_request_serve_fixture (request, JSON_TYPE))
    return;

  portfolio = lookup_portfolio_or_reply (request);
  if (portfolio == NULL)
    return;

  for (guint i = 0; i < portfolio->members->len; i++)
    {
      IwdSandboxMember *member = g_ptr_array_index (portfolio->members, i);
      IwdSandboxProfile *profile = iwd_sandbox_account_lookup_profile (request->account,
                                                                       member->profile_id);

      if (profile != NULL)
        g_ptr_array_add (profiles, profile);
    }

  reply_profiles (request, profiles);
}

static void
remove_portfolio_profile (IwdSandboxRequest *request)
{
  IwdSandboxPortfolio *portfolio = lookup_portfolio_or_reply (request);
  IwdSandboxMember *member;

  if (portfolio == NULL)
    return;

  member = iwd_sandbox_portfolio_find_member (portfolio, iwd_sandbox_request_get_value (request, "id"));
  if (member == NULL)
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND,
                                      "Profil absent de ce portefeuille");
      return;
    }

  g_ptr_array_remove (portfolio->members, member);
  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
delete_portfolio (IwdSandboxRequest *request)
{
  const char *id = iwd_sandbox_request_get_value (request, "ptf");

  if (!iwd_sandbox_account_delete_portfolio (request->account, id))
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Portefeuille inconnu");
      return;
    }

  iwd_sandbox_request_reply_empty (request, SOUP_STATUS_OK);
}

static void
send_contracts (IwdSandboxRequest *request)
{
  IwdSandboxPortfolio *portfolio;

  if (iwd_sandbox_request_serve_fixture (request, JSON_TYPE))
    return;

  portfolio = lookup_portfolio_or_reply (request);
  if (portfolio != NULL)
    iwd_sandbox_feeds_send_contracts (request, portfolio);
}

static void
send_commissions (IwdSandboxRequest *request)
{
  const char *format = iwd_sandbox_request_get_value (request, "format");
  gboolean json = g_strcmp0 (format, "json") == 0;
  IwdSandboxPortfolio *portfolio;
  IwdSandboxMember *member;

  if (format != NULL && *format != '\0' && !json && g_strcmp0 (format, "csv") != 0)
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST,
                                      "Format inconnu : csv ou json attendu");
      return;
    }

  if (iwd_sandbox_request_serve_fixture (request, json ? JSON_TYPE : IWD_SANDBOX_FEEDS_TSV_TYPE))
    return;

  portfolio = lookup_portfolio_or_reply (request);
  if (portfolio == NULL)
    return;

  member = iwd_sandbox_portfolio_find_member (portfolio, iwd_sandbox_request_get_value (request, "id"));
  if (member == NULL)
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND,
                                      "Profil absent de ce portefeuille");
      return;
    }

  iwd_sandbox_feeds_send_commissions (request, portfolio, member, json);
}

/**
 * iwd_sandbox_robot_handle:
 * @request: a request to the Robot service, authorised
 *
 * Replies to a call of the Robot service.
 */
void
iwd_sandbox_robot_handle (IwdSandboxRequest *request)
{
  switch (request->route)
    {
    case IWD_ROUTE_PROFILE_LIST: list_profiles (request); break;
    case IWD_ROUTE_PROFILE_SAVE: post_profile (request); break;
    case IWD_ROUTE_PROFILE_FORCE_TASK: force_task (request); break;
    case IWD_ROUTE_PROFILE_START_DATE: set_start_date (request); break;
    case IWD_ROUTE_PROFILE_DELETE: delete_profile (request); break;
    case IWD_ROUTE_ERROR_LIST: list_errors (request); break;
    case IWD_ROUTE_PORTFOLIO_CREATE: create_portfolio (request); break;
    case IWD_ROUTE_PORTFOLIO_ADD_PROFILE: add_portfolio_profile (request); break;
    case IWD_ROUTE_PORTFOLIO_CREATE_PROFILE: create_portfolio_profile (request); break;
    case IWD_ROUTE_PORTFOLIO_PROFILE_LIST: list_portfolio_profiles (request); break;
    case IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE: remove_portfolio_profile (request); break;
    case IWD_ROUTE_PORTFOLIO_DELETE: delete_portfolio (request); break;
    case IWD_ROUTE_PORTFOLIO_CONTRACTS: send_contracts (request); break;
    case IWD_ROUTE_PORTFOLIO_COMMISSIONS: send_commissions (request); break;
    default: iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND); break;
    }
}
