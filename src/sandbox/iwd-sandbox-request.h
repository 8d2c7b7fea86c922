/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "iwd-routes.h"
#include "iwd-sandbox.h"
#include "iwd-sandbox-account.h"

G_BEGIN_DECLS

/**
 * IwdSandboxRequest:
 * @sandbox: the sandbox serving the request
 * @message: the message to reply to
 * @route: the route the request matched
 * @values: the unescaped path values, in template order
 * @query: (nullable): the decoded query parameters
 * @account: (nullable): the authorised account, %NULL on the public site
 *
 * One request, as the sandbox's handlers see it.
 */
typedef struct {
  IwdSandbox        *sandbox;
  SoupServerMessage *message;
  IwdRoute           route;
  GStrv              values;
  GHashTable        *query;
  IwdSandboxAccount *account;
} IwdSandboxRequest;

const char *iwd_sandbox_request_get_value   (IwdSandboxRequest *request,
                                             const char        *name);
JsonNode   *iwd_sandbox_request_parse_body  (IwdSandboxRequest *request);

void        iwd_sandbox_request_reply       (IwdSandboxRequest *request,
                                             guint              status,
                                             const char        *content_type,
                                             GBytes            *body);
void        iwd_sandbox_request_reply_text  (IwdSandboxRequest *request,
                                             guint              status,
                                             const char        *text);
void        iwd_sandbox_request_reply_json  (IwdSandboxRequest *request,
                                             JsonNode          *root);
void        iwd_sandbox_request_reply_empty (IwdSandboxRequest *request,
                                             guint              status);

gboolean    iwd_sandbox_request_serve_fixture (IwdSandboxRequest *request,
                                             const char        *content_type);

G_END_DECLS
