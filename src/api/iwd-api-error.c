/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <gio/gio.h>
#include <libsoup/soup.h>

#include "iwd-api-error.h"

G_DEFINE_QUARK (iwd-api-error-quark, iwd_api_error)

static IwdApiError
code_for_status (guint status)
{
  switch (status)
    {
    case SOUP_STATUS_UNAUTHORIZED:
      return IWD_API_ERROR_UNAUTHORIZED;
    case SOUP_STATUS_FORBIDDEN:
      return IWD_API_ERROR_FORBIDDEN;
    case SOUP_STATUS_NOT_FOUND:
      return IWD_API_ERROR_NOT_FOUND;
    case SOUP_STATUS_REQUEST_TIMEOUT:
    case SOUP_STATUS_GATEWAY_TIMEOUT:
      return IWD_API_ERROR_TIMEOUT;
    default:
      return IWD_API_ERROR_SERVER;
    }
}

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;

  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  address = g_inet_address_new_from_string (host);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/**
 * iwd_api_error_from_status:
 * @status: the HTTP status of a reply
 * @call_name: the call, as "GET Profils", for the message
 * @reason: (nullable): the reply's reason phrase
 * @error: return location for an #IWD_API_ERROR
 *
 * Maps an HTTP status to an #IwdApiError: 401, 403 and 404 to their own
 * codes, 408 and 504 to %IWD_API_ERROR_TIMEOUT, and every other status
 * outside 2xx to %IWD_API_ERROR_SERVER.
 *
 * Returns: %TRUE for a 2xx status, else %FALSE with @error set
 */
gboolean
iwd_api_error_from_status (guint        status,
                           const char  *call_name,
                           const char  *reason,
                           GError     **error)
{
  IwdApiError code;

  if (SOUP_STATUS_IS_SUCCESSFUL (status))
    return TRUE;

  if (reason == NULL || *reason == '\0')
    reason = soup_status_get_phrase (status);

  code = code_for_status (status);

  if (code == IWD_API_ERROR_UNAUTHORIZED)
    g_set_error (error, IWD_API_ERROR, code,
                 "%s failed: wrong HappyAssur login or password (HTTP %u)",
                 call_name, status);
  else
    g_set_error (error, IWD_API_ERROR, code,
                 "%s failed: HTTP %u %s", call_name, status, reason);

  return FALSE;
}

/**
 * iwd_api_error_from_transport:
 * @transport: an error from libsoup or GIO while sending or reading
 * @call_name: the call, as "GET Profils", for the message
 * @error: return location for the mapped error
 *
 * Maps a transport failure (name resolution, refused connection, TLS) to
 * %IWD_API_ERROR_NETWORK, a session timeout to %IWD_API_ERROR_TIMEOUT, and
 * a reply that libsoup could not decode to %IWD_API_ERROR_INVALID_REPLY,
 * keeping the underlying message. The message of an untrusted TLS
 * certificate states that the certificate is not trusted. A cancellation stays
 * %G_IO_ERROR_CANCELLED.
 */
void
iwd_api_error_from_transport (const GError  *transport,
                              const char    *call_name,
                              GError       **error)
{
  IwdApiError code = IWD_API_ERROR_NETWORK;

  if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (transport));
      return;
    }

  if (g_error_matches (transport, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_PARSING)
      || g_error_matches (transport, SOUP_SESSION_ERROR, SOUP_SESSION_ERROR_ENCODING))
    code = IWD_API_ERROR_INVALID_REPLY;
  else if (g_error_matches (transport, G_IO_ERROR, G_IO_ERROR_TIMED_OUT))
    code = IWD_API_ERROR_TIMEOUT;

  /* libsoup 3.2's message is "Unacceptable TLS certificate", which does
   * not tell a user that the server's identity could not be verified. */
  if (g_error_matches (transport, G_TLS_ERROR, G_TLS_ERROR_BAD_CERTIFICATE))
    {
      g_set_error (error, IWD_API_ERROR, code,
                   "%s failed: the server's TLS certificate is not trusted (%s)",
                   call_name, transport->message);
      return;
    }

  g_set_error (error, IWD_API_ERROR, code,
               "%s failed: %s", call_name, transport->message);
}

/**
 * iwd_api_error_from_parse:
 * @parse_error: the parser's error, whose message gives the position
 * @call_name: the call, as "GET Erreurs", for the message
 * @error: return location for the mapped error
 *
 * Maps a parser failure to %IWD_API_ERROR_INVALID_REPLY, as "Invalid reply
 * to GET Erreurs: …". A cancellation stays %G_IO_ERROR_CANCELLED.
 */
void
iwd_api_error_from_parse (const GError  *parse_error,
                          const char    *call_name,
                          GError       **error)
{
  if (g_error_matches (parse_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_propagate_error (error, g_error_copy (parse_error));
      return;
    }

  g_set_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
               "Invalid reply to %s: %s", call_name, parse_error->message);
}

/**
 * iwd_api_check_url:
 * @url: a base URL from the settings
 * @error: return location for a #GError
 *
 * Checks that credentials sent to @url travel encrypted: https:// is
 * accepted everywhere, http:// only for a loopback host (127.0.0.0/8, ::1
 * or localhost). Fails with %IWD_API_ERROR_INSECURE_URL for plain http to
 * another host, and with a #G_URI_ERROR for a URL that cannot be parsed or
 * has another scheme. No connection is made.
 *
 * Returns: %TRUE if @url may be used
 */
gboolean
iwd_api_check_url (const char  *url,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;
  const char *host;

  uri = g_uri_parse (url, G_URI_FLAGS_NONE, error);
  if (uri == NULL)
    return FALSE;

  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);

  if (host == NULL || *host == '\0')
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_HOST,
                   "URL %s has no host", url);
      return FALSE;
    }

  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return TRUE;

  if (g_ascii_strcasecmp (scheme, "http") != 0)
    {
      g_set_error (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME,
                   "URL %s must start with https://", url);
      return FALSE;
    }

  if (is_loopback_host (host))
    return TRUE;

  g_set_error (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL,
               "URL %s sends the password unencrypted: use https:// "
               "(plain http:// is accepted only for loopback addresses)", url);
  return FALSE;
}
