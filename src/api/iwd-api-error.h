/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_API_ERROR (iwd_api_error_quark ())

/**
 * IwdApiError:
 * @IWD_API_ERROR_NETWORK: the server cannot be reached (DNS, refused,
 *   reset, TLS failure)
 * @IWD_API_ERROR_TIMEOUT: no complete reply within the client's timeout
 * @IWD_API_ERROR_UNAUTHORIZED: HTTP 401, the HappyAssur login or password
 *   is wrong
 * @IWD_API_ERROR_FORBIDDEN: HTTP 403
 * @IWD_API_ERROR_NOT_FOUND: HTTP 404
 * @IWD_API_ERROR_SERVER: HTTP 5xx or another unexpected status
 * @IWD_API_ERROR_INVALID_REPLY: the reply cannot be parsed; the message
 *   names the call and where the reply broke
 * @IWD_API_ERROR_INSECURE_URL: plain http:// to a host that is not
 *   loopback, refused before connecting
 *
 * Errors of the ImportWeb client. Messages are English, for logs; the
 * pages make a translated sentence from the code where they show it.
 * A cancelled call fails with %G_IO_ERROR_CANCELLED, never with these.
 */
typedef enum {
  IWD_API_ERROR_NETWORK,
  IWD_API_ERROR_TIMEOUT,
  IWD_API_ERROR_UNAUTHORIZED,
  IWD_API_ERROR_FORBIDDEN,
  IWD_API_ERROR_NOT_FOUND,
  IWD_API_ERROR_SERVER,
  IWD_API_ERROR_INVALID_REPLY,
  IWD_API_ERROR_INSECURE_URL,
} IwdApiError;

GQuark   iwd_api_error_quark       (void);

gboolean iwd_api_error_from_status (guint        status,
                                    const char  *call_name,
                                    const char  *reason,
                                    GError     **error);

void     iwd_api_error_from_transport (const GError  *transport,
                                       const char    *call_name,
                                       GError       **error);

void     iwd_api_error_from_parse  (const GError  *parse_error,
                                    const char    *call_name,
                                    GError       **error);

gboolean iwd_api_check_url         (const char  *url,
                                    GError     **error);

G_END_DECLS
