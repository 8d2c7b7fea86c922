/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The public site: company logos and help pages, without authorization.
 * Which companies lack a logo or a page is set in iwd-sandbox-companies.c. */

#include "iwd-sandbox-private.h"

#include <string.h>

#include "iwd-sandbox-companies.h"
#include "iwd-sandbox-png.h"

#define LOGO_SIZE 64
#define HTML_TYPE "text/html; charset=utf-8"

/* Logos never change in the sandbox, so one fixed date validates them. */
#define LOGO_LAST_MODIFIED "Mon, 02 Jan 2023 08:00:00 GMT"

static const IwdSandboxCompany *
lookup_company_or_reply (IwdSandboxRequest *request)
{
  const char *name = iwd_sandbox_request_get_value (request, "compagnie");
  const IwdSandboxCompany *company = iwd_sandbox_company_lookup (name);

  if (company == NULL)
    iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND);

  return company;
}

static GBytes *
make_logo (const IwdSandboxCompany *company)
{
  guint32 colour = iwd_sandbox_company_get_colour (company);

  if (iwd_sandbox_company_get_logo (company) == IWD_SANDBOX_LOGO_CORRUPT)
    return iwd_sandbox_png_make_corrupt (colour);

  return iwd_sandbox_png_make_logo (colour, LOGO_SIZE);
}

/* Whether the client's cached copy, named by its validators, is current. */
static gboolean
cached_copy_is_current (SoupMessageHeaders *request_headers,
                        const char         *etag)
{
  const char *if_none_match = soup_message_headers_get_one (request_headers, "If-None-Match");
  const char *if_modified_since = soup_message_headers_get_one (request_headers, "If-Modified-Since");

  if (if_none_match != NULL)
    return g_strcmp0 (if_none_match, "*") == 0 || strstr (if_none_match, etag) != NULL;

  return g_strcmp0 (if_modified_since, LOGO_LAST_MODIFIED) == 0;
}

static void
send_logo (IwdSandboxRequest *request)
{
  SoupMessageHeaders *request_headers = soup_server_message_get_request_headers (request->message);
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  const IwdSandboxCompany *company;
  g_autoptr(GBytes) logo = NULL;
  g_autofree char *etag = NULL;

  if (iwd_sandbox_request_serve_fixture (request, "image/png"))
    return;

  company = lookup_company_or_reply (request);
  if (company == NULL)
    return;

  if (iwd_sandbox_company_get_logo (company) == IWD_SANDBOX_LOGO_NONE)
    {
      iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND);
      return;
    }

  logo = make_logo (company);
  etag = g_strdup_printf ("\"%08x\"", g_bytes_hash (logo));
  soup_message_headers_replace (headers, "ETag", etag);
  soup_message_headers_replace (headers, "Last-Modified", LOGO_LAST_MODIFIED);

  if (cached_copy_is_current (request_headers, etag))
    iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_MODIFIED);
  else
    iwd_sandbox_request_reply (request, SOUP_STATUS_OK, "image/png", logo);
}

static GBytes *
make_help_page (const IwdSandboxCompany *company)
{
  g_autofree char *label = g_markup_escape_text (iwd_sandbox_company_get_label (company), -1);
  char *page = g_strdup_printf (
    "<!DOCTYPE html>\n"
    "<html lang=\"fr\">\n"
    "<head><meta charset=\"utf-8\"><title>Aide %s</title></head>\n"
    "<body>\n"
    "<h1>Connexion à l'extranet %s</h1>\n"
    "<p>Saisissez l'identifiant et le mot de passe de votre accès courtier, "
    "tels que vous les utilisez sur le portail de la compagnie.</p>\n"
    "<ul>\n"
    "<li>Le mot de passe est sensible aux majuscules et aux minuscules.</li>\n"
    "<li>Après trois essais refusés, la compagnie bloque l'accès : "
    "contactez alors votre inspecteur.</li>\n"
    "</ul>\n"
    "</body>\n"
    "</html>\n",
    label, label);

  return g_bytes_new_take (page, strlen (page));
}

static void
send_help_page (IwdSandboxRequest *request,
                gboolean           old_extension)
{
  const IwdSandboxCompany *company;
  IwdSandboxHelp help;
  g_autoptr(GBytes) page = NULL;

  if (iwd_sandbox_request_serve_fixture (request, HTML_TYPE))
    return;

  company = lookup_company_or_reply (request);
  if (company == NULL)
    return;

  help = iwd_sandbox_company_get_help (company);
  if (help == IWD_SANDBOX_HELP_NONE || (help == IWD_SANDBOX_HELP_HTM && !old_extension))
    {
      iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND);
      return;
    }

  page = make_help_page (company);
  iwd_sandbox_request_reply (request, SOUP_STATUS_OK, HTML_TYPE, page);
}

/**
 * iwd_sandbox_site_handle:
 * @request: a request to the public site
 *
 * Replies to a request for a logo or a help page.
 */
void
iwd_sandbox_site_handle (IwdSandboxRequest *request)
{
  switch (request->route)
    {
    case IWD_ROUTE_LOGO:
      send_logo (request);
      break;

    case IWD_ROUTE_HELP_PAGE:
      send_help_page (request, FALSE);
      break;

    case IWD_ROUTE_HELP_PAGE_OLD:
      send_help_page (request, TRUE);
      break;

    default:
      iwd_sandbox_request_reply_empty (request, SOUP_STATUS_NOT_FOUND);
      break;
    }
}
