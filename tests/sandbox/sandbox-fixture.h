/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "iwd-sandbox.h"

G_BEGIN_DECLS

/* A sandbox started on a free port and a raw SoupSession pointed at it,
 * both on the test's main context. Tests use the session directly, not
 * the API client, so that they check the wire format itself. */
typedef struct {
  IwdSandbox  *sandbox;
  SoupSession *session;
  char        *base_url;
} SandboxFixture;

typedef struct {
  guint               status;
  GBytes             *body;
  SoupMessageHeaders *headers;
} SandboxReply;

void          sandbox_fixture_set_up    (SandboxFixture *fixture,
                                         gconstpointer   data);
void          sandbox_fixture_tear_down (SandboxFixture *fixture,
                                         gconstpointer   data);

SandboxReply *sandbox_send              (SandboxFixture *fixture,
                                         const char     *method,
                                         const char     *path,
                                         const char     *credentials,
                                         const char     *body);
SandboxReply *sandbox_send_message      (SandboxFixture *fixture,
                                         SoupMessage    *message,
                                         const char     *credentials);
SandboxReply *sandbox_send_to           (SoupSession    *session,
                                         const char     *url);
void          sandbox_reply_free        (SandboxReply   *reply);
char         *sandbox_reply_dup_text    (SandboxReply   *reply);
JsonNode     *sandbox_reply_parse_json  (SandboxReply   *reply);

void          sandbox_wait              (guint           milliseconds);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (SandboxReply, sandbox_reply_free)

#define DEMO "demo:demo"

G_END_DECLS
