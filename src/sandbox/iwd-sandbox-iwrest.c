/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The IWRest service: the company list, each company's credential schema
 * and the credential check. */

#include "iwd-sandbox-private.h"
#include "iwd-sandbox-companies.h"

#define COMPANY_LIST_TYPE "text/plain; charset=windows-1252"
#define JSON_TYPE "application/json; charset=utf-8"
#define CHECK_TYPE "text/plain; charset=utf-8"

static const IwdSandboxCompany *
lookup_company_or_reply (IwdSandboxRequest *request)
{
  const char *name = iwd_sandbox_request_get_value (request, "compagnie");
  const IwdSandboxCompany *company = iwd_sandbox_company_lookup (name);

  if (company == NULL)
    iwd_sandbox_request_reply_text (request, SOUP_STATUS_NOT_FOUND, "Compagnie inconnue");

  return company;
}

static void
list_companies (IwdSandboxRequest *request)
{
  gsize length = 0;
  char *list = NULL;
  g_autoptr(GBytes) body = NULL;

  if (iwd_sandbox_request_serve_fixture (request, COMPANY_LIST_TYPE))
    return;

  list = iwd_sandbox_companies_dup_list (&length);
  body = g_bytes_new_take (list, length);
  iwd_sandbox_request_reply (request, SOUP_STATUS_OK, COMPANY_LIST_TYPE, body);
}

static void
send_schema (IwdSandboxRequest *request)
{
  const IwdSandboxCompany *company;
  g_autoptr(JsonNode) schema = NULL;

  if (iwd_sandbox_request_serve_fixture (request, JSON_TYPE))
    return;

  company = lookup_company_or_reply (request);
  if (company == NULL)
    return;

  schema = iwd_sandbox_company_build_schema (company);
  iwd_sandbox_request_reply_json (request, schema);
}

static void
check_credentials (IwdSandboxRequest *request)
{
  const IwdSandboxCompany *company;
  g_autoptr(JsonNode) body = NULL;
  g_autofree char *reply = NULL;

  if (iwd_sandbox_request_serve_fixture (request, CHECK_TYPE))
    return;

  company = lookup_company_or_reply (request);
  if (company == NULL)
    return;

  body = iwd_sandbox_request_parse_body (request);
  if (body == NULL)
    return;

  reply = iwd_sandbox_company_check (company, json_node_get_object (body),
                                     iwd_sandbox_request_get_value (request, "option"));
  iwd_sandbox_request_reply_text (request, SOUP_STATUS_OK, reply);
}

/**
 * iwd_sandbox_iwrest_handle:
 * @request: a request to the IWRest service, authorised
 *
 * Replies to a call of the IWRest service.
 */
void
iwd_sandbox_iwrest_handle (IwdSandboxRequest *request)
{
  switch (request->route)
    {
    case IWD_ROUTE_COMPANY_LIST:
      list_companies (request);
      break;

    case IWD_ROUTE_COMPANY_SCHEMA:
      send_schema (request);
      break;

    case IWD_ROUTE_COMPANY_CHECK:
      check_credentials (request);
      break;

    default:
      iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND);
      break;
    }
}
