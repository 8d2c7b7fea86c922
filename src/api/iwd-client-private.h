/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-client.h"

G_BEGIN_DECLS

struct _IwdClient
{
  GObject      parent_instance;

  SoupSession *session;          /* owned */
  char        *base_urls[3];     /* owned, indexed by IwdService, end in '/' */
  char        *login;            /* owned, nullable */
  char        *authorization;    /* owned, nullable, wiped when freed */

  guint        timeout_ms;       /* 0: no timeout */
  guint        max_retries;
  guint        base_delay_ms;
  guint        max_delay_ms;
  gsize        max_reply_size;   /* bytes, for every reply but the tables */
  gsize        max_table_size;   /* bytes, for contracts and commissions */
};

/* Parses a reply body. Each parser of src/parse and src/table gets a
 * wrapper of this shape in iwd-client-parsers.c. */
typedef gpointer (*IwdReplyParser) (GBytes        *body,
                                    GCancellable  *cancellable,
                                    GError       **error);

/**
 * IwdReply:
 * @status: the HTTP status
 * @body: (nullable): the whole body, %NULL after a 304
 * @value: (nullable): what the parser made of @body
 * @etag: (nullable): the ETag header
 * @last_modified: (nullable): the Last-Modified header
 * @content_type: (nullable): the media type, without parameters
 *
 * The outcome of one call, as the request path passes it to the _finish
 * functions.
 */
typedef struct {
  guint           status;
  GBytes         *body;
  gpointer        value;
  GDestroyNotify  value_free;
  char           *etag;
  char           *last_modified;
  char           *content_type;
} IwdReply;

void      iwd_reply_free        (IwdReply *reply);
gpointer  iwd_reply_steal_value (IwdReply *reply);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdReply, iwd_reply_free)

typedef struct _IwdRequest IwdRequest;

IwdRequest *iwd_request_new            (IwdRoute               route,
                                        const char * const    *values);
void        iwd_request_free           (IwdRequest            *request);
void        iwd_request_set_json_body  (IwdRequest            *request,
                                        JsonNode              *body);
void        iwd_request_set_json_object (IwdRequest           *request,
                                        JsonObject            *object);
void        iwd_request_set_parser     (IwdRequest            *request,
                                        IwdReplyParser         parser,
                                        GDestroyNotify         value_free,
                                        gboolean               in_thread);
void        iwd_request_set_progress   (IwdRequest            *request,
                                        GFileProgressCallback  callback,
                                        gpointer               data);
void        iwd_request_set_validators (IwdRequest            *request,
                                        const char            *etag,
                                        const char            *last_modified);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdRequest, iwd_request_free)

void      iwd_client_send_request      (IwdClient             *self,
                                        IwdRequest            *request,
                                        gpointer               source_tag,
                                        GCancellable          *cancellable,
                                        GAsyncReadyCallback    callback,
                                        gpointer               user_data);
IwdReply *iwd_client_propagate_reply   (IwdClient             *self,
                                        GAsyncResult          *result,
                                        gpointer               source_tag,
                                        GError               **error);
gpointer  iwd_client_propagate_value   (IwdClient             *self,
                                        GAsyncResult          *result,
                                        gpointer               source_tag,
                                        GError               **error);
gboolean  iwd_client_propagate_success (IwdClient             *self,
                                        GAsyncResult          *result,
                                        gpointer               source_tag,
                                        GError               **error);

char     *iwd_client_join_options      (const char * const    *options);
char     *iwd_client_build_url         (IwdClient             *self,
                                        IwdRoute               route,
                                        const char            *path);

G_END_DECLS
