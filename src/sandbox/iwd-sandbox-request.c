/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-request.h"

#include <string.h>

#include "iwd-sandbox-companies.h"
#include "iwd-sandbox-private.h"

/* The fixture file that replaces each read call's reply, named with the
 * route's placeholders. A known `{compagnie}` is spelt as in the company
 * list. `{extension}` is "json" or "tsv", after the requested commissions
 * format. Calls that change state have no fixture. */
static const struct {
  IwdRoute    route;
  const char *pattern;
} fixture_names[] = {
  { IWD_ROUTE_COMPANY_LIST, "companies.txt" },
  { IWD_ROUTE_COMPANY_SCHEMA, "schema-{compagnie}.json" },
  { IWD_ROUTE_COMPANY_CHECK, "check-{compagnie}.txt" },
  { IWD_ROUTE_PROFILE_LIST, "profiles.json" },
  { IWD_ROUTE_ERROR_LIST, "errors.json" },
  { IWD_ROUTE_PORTFOLIO_PROFILE_LIST, "profiles-{ptf}.json" },
  { IWD_ROUTE_PORTFOLIO_CONTRACTS, "contracts-{ptf}.json" },
  { IWD_ROUTE_PORTFOLIO_COMMISSIONS, "commissions-{ptf}-{id}.{extension}" },
  { IWD_ROUTE_LOGO, "logo-{compagnie}.png" },
  { IWD_ROUTE_HELP_PAGE, "help-{compagnie}.html" },
  { IWD_ROUTE_HELP_PAGE_OLD, "help-{compagnie}.htm" },
};

/* Copies the name of the placeholder that starts at @brace, without the
 * `?` that marks an optional one. */
static char *
dup_placeholder_name (const char *brace)
{
  gsize length = strcspn (brace + 1, "?}");

  return g_strndup (brace + 1, length);
}

static const char *
find_path_value (IwdSandboxRequest *request,
                 const char        *path_template,
                 const char        *name)
{
  guint index = 0;

  for (const char *brace = strchr (path_template, '{'); brace != NULL;
       brace = strchr (brace + 1, '{'))
    {
      g_autofree char *placeholder = dup_placeholder_name (brace);

      if (g_strcmp0 (placeholder, name) == 0)
        return request->values != NULL ? request->values[index] : NULL;
      index++;
    }

  return NULL;
}

/* Reads `key={name?}` pairs of the template's query and returns the value
 * the request gave for the pair that carries @name. */
static const char *
find_query_value (IwdSandboxRequest *request,
                  const char        *query_template,
                  const char        *name)
{
  g_auto(GStrv) pairs = g_strsplit (query_template, "&", -1);

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *brace = strchr (pairs[i], '{');
      g_autofree char *placeholder = brace != NULL ? dup_placeholder_name (brace) : NULL;
      g_autofree char *key = g_strndup (pairs[i], strcspn (pairs[i], "="));

      if (g_strcmp0 (placeholder, name) == 0 && request->query != NULL)
        return g_hash_table_lookup (request->query, key);
    }

  return NULL;
}

static const char *
fixture_extension (IwdSandboxRequest *request)
{
  const char *format = iwd_sandbox_request_get_value (request, "format");

  return g_strcmp0 (format, "json") == 0 ? "json" : "tsv";
}

/* Company names match in any case, so a known company's fixture goes by
 * its name as the list spells it. */
static const char *
fixture_company (IwdSandboxRequest *request)
{
  const char *name = iwd_sandbox_request_get_value (request, "compagnie");
  const IwdSandboxCompany *company = iwd_sandbox_company_lookup (name);

  return company != NULL ? iwd_sandbox_company_get_name (company) : name;
}

/* A value may name a fixture file only if it cannot leave the folder. */
static gboolean
is_safe_file_part (const char *value)
{
  return value != NULL && *value != '\0' && *value != '.' &&
         strchr (value, '/') == NULL && strchr (value, '\\') == NULL;
}

static char *
expand_fixture_name (IwdSandboxRequest *request,
                     const char        *pattern)
{
  g_autoptr(GString) name = g_string_new (NULL);

  for (const char *p = pattern; *p != '\0'; p++)
    {
      g_autofree char *placeholder = NULL;
      const char *value;

      if (*p != '{')
        {
          g_string_append_c (name, *p);
          continue;
        }

      placeholder = dup_placeholder_name (p);
      if (g_strcmp0 (placeholder, "extension") == 0)
        value = fixture_extension (request);
      else if (g_strcmp0 (placeholder, "compagnie") == 0)
        value = fixture_company (request);
      else
        value = iwd_sandbox_request_get_value (request, placeholder);

      if (!is_safe_file_part (value))
        return NULL;

      g_string_append (name, value);
      p = strchr (p, '}');
    }

  return g_string_free (g_steal_pointer (&name), FALSE);
}

static char *
dup_fixture_name (IwdSandboxRequest *request)
{
  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    {
      if (fixture_names[i].route == request->route)
        return expand_fixture_name (request, fixture_names[i].pattern);
    }

  return NULL;
}

/**
 * iwd_sandbox_list_fixture_names:
 *
 * Lists the fixture file names that iwd_sandbox_set_fixtures_dir() looks
 * for, with the route's placeholders in braces, for help texts.
 *
 * Returns: (transfer full): the name patterns
 */
GStrv
iwd_sandbox_list_fixture_names (void)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (fixture_names); i++)
    g_strv_builder_add (builder, fixture_names[i].pattern);

  return g_strv_builder_end (builder);
}

/**
 * iwd_sandbox_request_get_value:
 * @request: a request
 * @name: a placeholder name of the route's template, such as "ptf"
 *
 * Finds a value of the request by its placeholder, in the path or in the
 * query, wherever the route table places it.
 *
 * Returns: (nullable): the unescaped value, or %NULL if it was not given
 */
const char *
iwd_sandbox_request_get_value (IwdSandboxRequest *request,
                               const char        *name)
{
  const char *template = iwd_route_get_template (request->route);
  const char *query = strchr (template, '?');
  g_autofree char *path = g_strndup (template, strcspn (template, "?"));
  const char *value = find_path_value (request, path, name);

  if (value == NULL && query != NULL)
    value = find_query_value (request, query + 1, name);

  return value;
}

/**
 * iwd_sandbox_request_parse_body:
 * @request: a request
 *
 * Parses the request's body as a JSON object. On failure it replies 400
 * with the reason, so the handler only has to return.
 *
 * Returns: (transfer full) (nullable): the body's root, an object, or
 *   %NULL if a 400 reply was sent
 */
JsonNode *
iwd_sandbox_request_parse_body (IwdSandboxRequest *request)
{
  SoupMessageBody *body = soup_server_message_get_request_body (request->message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  const char *data = g_bytes_get_data (bytes, &length);

  if (length == 0)
    {
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST, "Corps de requête vide");
      return NULL;
    }

  if (!json_parser_load_from_data (parser, data, length, &error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_debug ("sandbox: %s: body is not a JSON object", iwd_route_get_name (request->route));
      iwd_sandbox_request_reply_text (request, SOUP_STATUS_BAD_REQUEST,
                                      "Corps de requête invalide : objet JSON attendu");
      return NULL;
    }

  return json_node_copy (json_parser_get_root (parser));
}

/**
 * iwd_sandbox_request_reply:
 * @request: a request
 * @status: the HTTP status
 * @content_type: the full Content-Type, parameters included
 * @body: the body
 *
 * Replies with a fixed body.
 */
void
iwd_sandbox_request_reply (IwdSandboxRequest *request,
                           guint              status,
                           const char        *content_type,
                           GBytes            *body)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);
  SoupMessageBody *response = soup_server_message_get_response_body (request->message);

  soup_server_message_set_status (request->message, status, NULL);
  soup_message_headers_replace (headers, "Content-Type", content_type);

  /* An empty file maps to no data at all, which libsoup refuses to
   * append: the reply then has an empty body. */
  if (g_bytes_get_size (body) > 0)
    soup_message_body_append_bytes (response, body);
}

/**
 * iwd_sandbox_request_reply_text:
 * @request: a request
 * @status: the HTTP status
 * @text: UTF-8 text
 *
 * Replies with plain text. The real service replies in French, so the
 * sandbox's error bodies are French too.
 */
void
iwd_sandbox_request_reply_text (IwdSandboxRequest *request,
                                guint              status,
                                const char        *text)
{
  g_autoptr(GBytes) body = g_bytes_new (text, strlen (text));

  iwd_sandbox_request_reply (request, status, "text/plain; charset=utf-8", body);
}

void
iwd_sandbox_request_reply_json (IwdSandboxRequest *request,
                                JsonNode          *root)
{
  gsize length = 0;
  char *text = json_to_string (root, FALSE);
  g_autoptr(GBytes) body = NULL;

  length = strlen (text);
  body = g_bytes_new_take (text, length);
  iwd_sandbox_request_reply (request, SOUP_STATUS_OK, "application/json; charset=utf-8", body);
}

void
iwd_sandbox_request_reply_empty (IwdSandboxRequest *request,
                                 guint              status)
{
  soup_server_message_set_status (request->message, status, NULL);
}

/**
 * iwd_sandbox_request_serve_fixture:
 * @request: a request
 * @content_type: the Content-Type the generated reply would have
 *
 * Replies with the fixture file for this call, verbatim, if the sandbox
 * has a fixtures folder and the file exists there.
 *
 * Returns: %TRUE if a fixture was served
 */
gboolean
iwd_sandbox_request_serve_fixture (IwdSandboxRequest *request,
                                   const char        *content_type)
{
  const char *folder = iwd_sandbox_get_fixtures_dir (request->sandbox);
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GMappedFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) body = NULL;

  if (folder == NULL || (name = dup_fixture_name (request)) == NULL)
    return FALSE;

  path = g_build_filename (folder, name, NULL);
  if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
    return FALSE;

  file = g_mapped_file_new (path, FALSE, &error);
  if (file == NULL)
    {
      g_warning ("sandbox: cannot read fixture %s: %s", path, error->message);
      return FALSE;
    }

  body = g_mapped_file_get_bytes (file);
  iwd_sandbox_request_reply (request, SOUP_STATUS_OK, content_type, body);

  return TRUE;
}
