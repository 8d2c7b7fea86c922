/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The sandbox's fault mode: per route, a failure served in place of the
 * normal reply, for a number of requests or for all of them, so that the
 * client's handling of each failure can be tested call by call. */

#include "config.h"

#include "iwd-sandbox-faults.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iwd-sandbox-stream.h"

#define HUGE_CHUNK_SIZE (1024 * 1024)

/* A fault and how many more requests get it; 0 means every request. */
typedef struct {
  IwdSandboxFault fault;
  guint           remaining;
} FaultEntry;

/* Index IWD_N_ROUTES is the entry for every route, used when the route's
 * own entry is IWD_SANDBOX_FAULT_NONE. */
struct _IwdSandboxFaults
{
  FaultEntry entries[IWD_N_ROUTES + 1];
};

/* Streams an empty JSON array padded with spaces to
 * IWD_SANDBOX_HUGE_BODY_SIZE bytes, so that only a size limit rejects it. */
typedef struct {
  gsize sent;
} HugeBody;

static const char *const fault_names[IWD_SANDBOX_N_FAULTS] = {
  [IWD_SANDBOX_FAULT_NONE] = "none",
  [IWD_SANDBOX_FAULT_UNAUTHORIZED] = "401",
  [IWD_SANDBOX_FAULT_FORBIDDEN] = "403",
  [IWD_SANDBOX_FAULT_NOT_FOUND] = "404",
  [IWD_SANDBOX_FAULT_SERVER_ERROR] = "500",
  [IWD_SANDBOX_FAULT_UNAVAILABLE] = "503",
  [IWD_SANDBOX_FAULT_STALL] = "stall",
  [IWD_SANDBOX_FAULT_RESET] = "reset",
  [IWD_SANDBOX_FAULT_TRUNCATED] = "truncated",
  [IWD_SANDBOX_FAULT_INVALID_JSON] = "invalid-json",
  [IWD_SANDBOX_FAULT_HTML_PAGE] = "html",
  [IWD_SANDBOX_FAULT_WRONG_TYPE] = "wrong-type",
  [IWD_SANDBOX_FAULT_HUGE_BODY] = "huge",
};

/* Route names contain spaces, so the option also accepts a hyphen for
 * each space: "profile-list" is "profile list". */
static gboolean
route_name_equal (const char *option_name,
                  const char *route_name)
{
  for (; *option_name != '\0' && *route_name != '\0'; option_name++, route_name++)
    {
      gboolean both_separators = (*option_name == '-' || *option_name == ' ') && *route_name == ' ';

      if (!both_separators && g_ascii_tolower (*option_name) != g_ascii_tolower (*route_name))
        return FALSE;
    }

  return *option_name == '\0' && *route_name == '\0';
}

static gboolean
parse_route (const char *name,
             IwdRoute   *out_route)
{
  if (g_ascii_strcasecmp (name, "all") == 0)
    {
      *out_route = IWD_N_ROUTES;
      return TRUE;
    }

  for (IwdRoute route = 0; route < IWD_N_ROUTES; route++)
    {
      if (route_name_equal (name, iwd_route_get_name (route)))
        {
          *out_route = route;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
parse_fault (const char      *name,
             IwdSandboxFault *out_fault)
{
  for (IwdSandboxFault fault = 0; fault < IWD_SANDBOX_N_FAULTS; fault++)
    {
      if (g_ascii_strcasecmp (name, fault_names[fault]) == 0)
        {
          *out_fault = fault;
          return TRUE;
        }
    }

  return FALSE;
}

static void
reply_status (SoupServerMessage *message,
              guint              status)
{
  static const char body[] = "Erreur simulée par le bac à sable";

  soup_server_message_set_status (message, status, NULL);
  soup_server_message_set_response (message, "text/plain; charset=utf-8",
                                    SOUP_MEMORY_STATIC, body, strlen (body));
}

static void
reply_unauthorized (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  reply_status (message, SOUP_STATUS_UNAUTHORIZED);
  soup_message_headers_replace (headers, "WWW-Authenticate", "Basic realm=\"ImportWeb\"");
}

static void
reply_unavailable (SoupServerMessage *message)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);

  reply_status (message, SOUP_STATUS_SERVICE_UNAVAILABLE);
  soup_message_headers_replace (headers, "Retry-After", "1");
}

static void
reply_body (SoupServerMessage *message,
            const char        *content_type,
            const char        *body)
{
  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_server_message_set_response (message, content_type, SOUP_MEMORY_STATIC,
                                    body, strlen (body));
}

/* The message is never unpaused: the sandbox's connection stays open
 * until the client gives up or the sandbox stops. */
static void
stall (SoupServerMessage *message)
{
  soup_server_message_pause (message);
}

/* Takes the connection from libsoup, which has written nothing yet, and
 * writes a reply that promises 4096 bytes but sends 40 before closing. */
static void
reset_connection (SoupServerMessage *message)
{
  static const char partial_reply[] =
    "HTTP/1.1 200 OK\r\n"
    "Content-Type: application/json\r\n"
    "Content-Length: 4096\r\n"
    "\r\n"
    "[{\"Compagnie\": \"AXA\", \"Libelle\": \"Comm";
  g_autoptr(GIOStream) connection = soup_server_message_steal_connection (message);
  g_autoptr(GError) error = NULL;
  GOutputStream *output = g_io_stream_get_output_stream (connection);

  if (!g_output_stream_write_all (output, partial_reply, strlen (partial_reply), NULL, NULL, &error)
      || !g_io_stream_close (connection, NULL, &error))
    g_info ("sandbox: fault reset: %s", error->message);
}

static gboolean
fill_huge_body (gpointer  state,
                GString  *chunk)
{
  HugeBody *body = state;
  gsize size = MIN (HUGE_CHUNK_SIZE, IWD_SANDBOX_HUGE_BODY_SIZE - body->sent);
  gboolean last = body->sent + size == IWD_SANDBOX_HUGE_BODY_SIZE;

  g_string_set_size (chunk, size);
  memset (chunk->str, ' ', size);

  if (body->sent == 0)
    chunk->str[0] = '[';
  if (last)
    chunk->str[size - 1] = ']';

  body->sent += size;

  return !last;
}

static void
stream_huge_body (SoupServerMessage *message)
{
  iwd_sandbox_stream_start (message, "application/json", NULL,
                            fill_huge_body, g_new0 (HugeBody, 1), g_free);
}

/**
 * iwd_sandbox_fault_get_name:
 * @fault: a fault
 *
 * Returns: the name of @fault in the `--fault` option, such as "503"
 */
const char *
iwd_sandbox_fault_get_name (IwdSandboxFault fault)
{
  g_return_val_if_fail (fault < IWD_SANDBOX_N_FAULTS, NULL);

  return fault_names[fault];
}

/**
 * iwd_sandbox_fault_dup_help:
 *
 * Describes the `--fault` option's values, for `iwdesk-sandbox --help`.
 *
 * Returns: (transfer full): translated text naming each fault and route
 */
char *
iwd_sandbox_fault_dup_help (void)
{
  g_autoptr(GString) routes = g_string_new ("all");

  for (IwdRoute route = 0; route < IWD_N_ROUTES; route++)
    {
      g_autofree char *name = g_strdelimit (g_strdup (iwd_route_get_name (route)), " ", '-');

      g_string_append_printf (routes, ", %s", name);
    }

  /* Translators: the first %s is a list of route names and the second a
   * list of fault names; both are literal values, keep them as they are. */
  return g_strdup_printf (_("--fault ROUTE=FAULT[:COUNT] makes the next COUNT requests of "
                            "ROUTE fail (every request when COUNT is 0 or missing). "
                            "Routes: %s.\nFaults: %s (the HTTP status; 503 comes with "
                            "Retry-After: 1), stall (never replies), reset (closes the "
                            "connection in the middle of the body), truncated (a complete "
                            "reply with its JSON cut), invalid-json, html (a 200 HTML "
                            "page), wrong-type (the normal body as "
                            "application/octet-stream), huge (100 MB of JSON, streamed), "
                            "none (clears the fault)."),
                          routes->str,
                          "401, 403, 404, 500, 503");
}

/**
 * iwd_sandbox_fault_parse_option:
 * @text: a value of `--fault`, as "profile-list=503:2"
 * @out_route: (out): the route, or %IWD_N_ROUTES for "all"
 * @out_fault: (out): the fault
 * @out_count: (out): how many requests fail, 0 for all of them
 * @error: return location for a %G_OPTION_ERROR_BAD_VALUE
 *
 * Parses ROUTE=FAULT[:COUNT], where ROUTE is a route's name with hyphens
 * or spaces, or "all".
 *
 * Returns: %TRUE if @text is valid
 */
gboolean
iwd_sandbox_fault_parse_option (const char       *text,
                                IwdRoute         *out_route,
                                IwdSandboxFault  *out_fault,
                                guint            *out_count,
                                GError          **error)
{
  g_auto(GStrv) route_and_fault = g_strsplit (text, "=", 2);
  g_auto(GStrv) fault_and_count = NULL;
  guint64 count = 0;

  if (g_strv_length (route_and_fault) != 2 || !parse_route (route_and_fault[0], out_route))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid --fault “%s”: unknown route; see --help for the route names"), text);
      return FALSE;
    }

  fault_and_count = g_strsplit (route_and_fault[1], ":", 2);

  if (fault_and_count[0] == NULL || !parse_fault (fault_and_count[0], out_fault)
      || (fault_and_count[1] != NULL
          && !g_ascii_string_to_unsigned (fault_and_count[1], 10, 0, G_MAXUINT, &count, NULL)))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Invalid --fault “%s”: write ROUTE=FAULT or ROUTE=FAULT:COUNT "
                     "with a fault named in --help"), text);
      return FALSE;
    }

  *out_count = count;

  return TRUE;
}

/**
 * iwd_sandbox_faults_new:
 *
 * Returns: (transfer full): a table of faults where every route replies
 *   normally
 */
IwdSandboxFaults *
iwd_sandbox_faults_new (void)
{
  return g_new0 (IwdSandboxFaults, 1);
}

/**
 * iwd_sandbox_faults_free:
 * @faults: (transfer full): a table of faults
 *
 * Frees @faults.
 */
void
iwd_sandbox_faults_free (IwdSandboxFaults *faults)
{
  g_free (faults);
}

/**
 * iwd_sandbox_faults_set:
 * @faults: a table of faults
 * @route: a route, or %IWD_N_ROUTES for every route without its own fault
 * @fault: the fault, or %IWD_SANDBOX_FAULT_NONE to clear it
 * @count: how many requests get it, 0 for all of them
 *
 * Sets the fault of @route.
 */
void
iwd_sandbox_faults_set (IwdSandboxFaults *faults,
                        IwdRoute          route,
                        IwdSandboxFault   fault,
                        guint             count)
{
  g_return_if_fail (route <= IWD_N_ROUTES);
  g_return_if_fail (fault < IWD_SANDBOX_N_FAULTS);

  faults->entries[route].fault = fault;
  faults->entries[route].remaining = count;
}

/**
 * iwd_sandbox_faults_take:
 * @faults: a table of faults
 * @route: the route of a request
 *
 * Finds the fault of a request to @route and counts the request against
 * it, so that a fault set for N requests ends after the Nth.
 *
 * Returns: the fault to serve, or %IWD_SANDBOX_FAULT_NONE
 */
IwdSandboxFault
iwd_sandbox_faults_take (IwdSandboxFaults *faults,
                         IwdRoute          route)
{
  FaultEntry *entry = &faults->entries[route];
  IwdSandboxFault fault;

  if (entry->fault == IWD_SANDBOX_FAULT_NONE)
    entry = &faults->entries[IWD_N_ROUTES];

  fault = entry->fault;

  if (entry->remaining > 0 && --entry->remaining == 0)
    entry->fault = IWD_SANDBOX_FAULT_NONE;

  return fault;
}

/**
 * iwd_sandbox_fault_reply:
 * @request: a request that matched a route
 * @fault: the fault to serve
 *
 * Replies to @request with @fault in place of the route's handler.
 *
 * Returns: %TRUE if the reply is done, %FALSE if the handler must still
 *   reply (no fault, or a fault that alters the normal reply)
 */
gboolean
iwd_sandbox_fault_reply (IwdSandboxRequest *request,
                         IwdSandboxFault    fault)
{
  SoupServerMessage *message = request->message;

  if (fault == IWD_SANDBOX_FAULT_NONE || fault == IWD_SANDBOX_FAULT_WRONG_TYPE)
    return FALSE;

  g_info ("sandbox: fault %s on the %s", fault_names[fault], iwd_route_get_name (request->route));

  switch (fault)
    {
    case IWD_SANDBOX_FAULT_UNAUTHORIZED:
      reply_unauthorized (message);
      break;
    case IWD_SANDBOX_FAULT_FORBIDDEN:
      reply_status (message, SOUP_STATUS_FORBIDDEN);
      break;
    case IWD_SANDBOX_FAULT_NOT_FOUND:
      reply_status (message, SOUP_STATUS_NOT_FOUND);
      break;
    case IWD_SANDBOX_FAULT_SERVER_ERROR:
      reply_status (message, SOUP_STATUS_INTERNAL_SERVER_ERROR);
      break;
    case IWD_SANDBOX_FAULT_UNAVAILABLE:
      reply_unavailable (message);
      break;
    case IWD_SANDBOX_FAULT_STALL:
      stall (message);
      break;
    case IWD_SANDBOX_FAULT_RESET:
      reset_connection (message);
      break;
    case IWD_SANDBOX_FAULT_TRUNCATED:
      reply_body (message, "application/json", "[{\"Compagnie\": \"AXA\", \"Libelle\": \"Comm");
      break;
    case IWD_SANDBOX_FAULT_INVALID_JSON:
      reply_body (message, "application/json", "{'Compagnie': AXA,, }");
      break;
    case IWD_SANDBOX_FAULT_HTML_PAGE:
      reply_body (message, "text/html; charset=utf-8",
                  "<!DOCTYPE html><html><head><title>Maintenance</title></head>"
                  "<body><h1>Service en maintenance</h1></body></html>");
      break;
    case IWD_SANDBOX_FAULT_HUGE_BODY:
      stream_huge_body (message);
      break;
    case IWD_SANDBOX_FAULT_NONE:
    case IWD_SANDBOX_FAULT_WRONG_TYPE:
    case IWD_SANDBOX_N_FAULTS:
    default:
      g_assert_not_reached ();
    }

  return TRUE;
}

/**
 * iwd_sandbox_fault_alter_reply:
 * @request: a request that its handler has replied to
 * @fault: the fault to serve
 *
 * Changes the handler's reply for the faults that keep its body.
 */
void
iwd_sandbox_fault_alter_reply (IwdSandboxRequest *request,
                               IwdSandboxFault    fault)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (request->message);

  if (fault != IWD_SANDBOX_FAULT_WRONG_TYPE)
    return;

  g_info ("sandbox: fault %s on the %s", fault_names[fault], iwd_route_get_name (request->route));
  soup_message_headers_replace (headers, "Content-Type", "application/octet-stream");
}
