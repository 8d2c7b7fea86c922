/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The one request path of IwdClient: every call goes through
 * iwd_client_send_request(), which sends, reads, retries, times out,
 * maps errors and parses in the same way. */

#include "config.h"

#include <string.h>

#include "iwd-api-error.h"
#include "iwd-client-private.h"

/* How many times in all a GET that timed out is sent. */
#define MAX_TIMEOUT_ATTEMPTS 2

#define READ_CHUNK_SIZE (64 * 1024)

struct _IwdRequest
{
  IwdRoute               route;
  char                  *path;             /* expanded, relative to the base URL */
  GBytes                *body;             /* nullable */
  const char            *content_type;     /* static, nullable */
  IwdReplyParser         parser;           /* nullable: the reply has no value */
  GDestroyNotify         value_free;
  gboolean               parse_in_thread;
  GFileProgressCallback  progress_callback;
  gpointer               progress_data;
  char                  *etag;             /* nullable */
  char                  *last_modified;    /* nullable */

  /* Set while the call runs */
  char                  *url;
  char                  *call_name;        /* "GET Profils", for logs and errors */
  guint                  attempt;          /* 1 for the first try */
  gint64                 started_us;
  SoupMessage           *message;
  GInputStream          *stream;
  GByteArray            *received;
  goffset                expected_size;    /* -1 when unknown */
  GCancellable          *attempt_cancellable;  /* cancelled with the caller's */
  gulong                 cancelled_handler;
  GSource               *timeout_source;
  gboolean               timed_out;
  GSource               *wait_source;
  GSource               *wait_cancel_source;
  IwdReply              *reply;
};

static void start_attempt  (GTask *task);
static void read_next_chunk (GTask *task);

static void
clear_source (GSource **source)
{
  if (*source == NULL)
    return;

  g_source_destroy (*source);
  g_clear_pointer (source, g_source_unref);
}

static IwdClient *
task_get_client (GTask *task)
{
  return g_task_get_source_object (task);
}

static IwdRequest *
task_get_request (GTask *task)
{
  return g_task_get_task_data (task);
}

static gboolean
is_get (IwdRequest *request)
{
  return g_str_equal (iwd_route_get_method (request->route), "GET");
}

static char *
dup_call_name (IwdRequest *request)
{
  gsize path_length = strcspn (request->path, "?");

  return g_strdup_printf ("%s %.*s", iwd_route_get_method (request->route),
                          (int) path_length, request->path);
}

/* libsoup 3.2 drops the body of a PUT that it resends after a 401
 * challenge, so the credentials go with the first request. A redirect
 * could carry them to another host or to plain http, so an authorized
 * request follows none. */
static void
add_authorization (IwdClient   *self,
                   IwdRequest  *request,
                   SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  if (iwd_route_get_service (request->route) == IWD_SERVICE_SITE)
    return;

  if (self->authorization == NULL)
    return;

  soup_message_headers_replace (headers, "Authorization", self->authorization);
  soup_message_add_flags (message, SOUP_MESSAGE_NO_REDIRECT);
}

static void
add_validators (IwdRequest  *request,
                SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_request_headers (message);

  if (request->etag != NULL)
    soup_message_headers_replace (headers, "If-None-Match", request->etag);

  if (request->last_modified != NULL)
    soup_message_headers_replace (headers, "If-Modified-Since", request->last_modified);
}

static gboolean
has_request_body (const char *method)
{
  return g_str_equal (method, "POST") || g_str_equal (method, "PUT");
}

/* Some servers reject a POST or PUT that has no Content-Length. */
static void
set_empty_body (SoupMessage *message)
{
  g_autoptr(GBytes) empty = g_bytes_new_static ("", 0);

  soup_message_set_request_body_from_bytes (message, NULL, empty);
}

static SoupMessage *
build_message (IwdClient  *self,
               IwdRequest *request)
{
  const char *method = iwd_route_get_method (request->route);
  SoupMessage *message = soup_message_new (method, request->url);

  if (message == NULL)
    return NULL;

  add_authorization (self, request, message);
  add_validators (request, message);

  if (request->body != NULL)
    soup_message_set_request_body_from_bytes (message, request->content_type, request->body);
  else if (has_request_body (method))
    set_empty_body (message);

  return message;
}

static goffset
get_expected_size (SoupMessage *message)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (message);

  if (soup_message_headers_get_encoding (headers) != SOUP_ENCODING_CONTENT_LENGTH)
    return -1;

  /* The length counts the encoded bytes, not the decoded ones we read. */
  if (soup_message_headers_get_one (headers, "Content-Encoding") != NULL)
    return -1;

  return soup_message_headers_get_content_length (headers);
}

static guint
get_backoff_delay (IwdClient *self,
                   guint      attempt)
{
  guint64 delay = self->base_delay_ms;

  for (guint i = 1; i < attempt && delay < self->max_delay_ms; i++)
    delay *= 2;

  return MIN (delay, self->max_delay_ms);
}

/* Retry-After contains either seconds or an HTTP date. */
static gboolean
parse_retry_after (const char *value,
                   guint       max_delay_ms,
                   guint      *out_delay_ms)
{
  g_autoptr(GDateTime) date = NULL;
  g_autoptr(GDateTime) now = NULL;
  guint64 seconds;
  GTimeSpan span;

  if (g_ascii_string_to_unsigned (value, 10, 0, G_MAXUINT32, &seconds, NULL))
    {
      *out_delay_ms = MIN (seconds * 1000, max_delay_ms);
      return TRUE;
    }

  date = soup_date_time_new_from_http_string (value);
  if (date == NULL)
    return FALSE;

  now = g_date_time_new_now_utc ();
  span = g_date_time_difference (date, now) / G_TIME_SPAN_MILLISECOND;
  *out_delay_ms = CLAMP (span, 0, (GTimeSpan) max_delay_ms);

  return TRUE;
}

static guint
get_retry_delay (IwdClient  *self,
                 IwdRequest *request)
{
  SoupMessageHeaders *headers;
  const char *retry_after;
  guint delay_ms;

  if (request->message == NULL)
    return get_backoff_delay (self, request->attempt);

  headers = soup_message_get_response_headers (request->message);
  retry_after = soup_message_headers_get_one (headers, "Retry-After");

  if (retry_after != NULL && parse_retry_after (retry_after, self->max_delay_ms, &delay_ms))
    return delay_ms;

  return get_backoff_delay (self, request->attempt);
}

/* Only a GET may be sent twice without changing anything on the server,
 * and only a 503 or a timeout is worth a second try. A server that let
 * one request stall for the whole timeout gets one more try only, so
 * that the broker waits two timeouts at most before the error and its
 * Retry button. */
static gboolean
may_retry (IwdClient    *self,
           IwdRequest   *request,
           guint         status,
           const GError *error)
{
  if (!is_get (request) || request->attempt > self->max_retries)
    return FALSE;

  if (status == SOUP_STATUS_SERVICE_UNAVAILABLE)
    return TRUE;

  return g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT)
         && request->attempt <= MAX_TIMEOUT_ATTEMPTS - 1;
}

static void
log_call (IwdRequest *request,
          guint       status)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - request->started_us) / 1000;

  g_debug ("api: %s %s -> %u (%u bytes, %" G_GINT64_FORMAT " ms)",
           iwd_route_get_method (request->route), request->path, status,
           request->received != NULL ? request->received->len : 0, elapsed_ms);
}

static void
log_failure (IwdRequest   *request,
             const GError *error)
{
  gint64 elapsed_ms = (g_get_monotonic_time () - request->started_us) / 1000;

  g_debug ("api: %s (after %" G_GINT64_FORMAT " ms)", error->message, elapsed_ms);
}

static void
report_progress (IwdRequest *request)
{
  if (request->progress_callback == NULL)
    return;

  request->progress_callback (request->received->len, request->expected_size,
                              request->progress_data);
}

static void
end_attempt (GTask *task)
{
  IwdRequest *request = task_get_request (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  if (request->cancelled_handler != 0)
    g_cancellable_disconnect (cancellable, request->cancelled_handler);
  request->cancelled_handler = 0;

  clear_source (&request->timeout_source);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->stream);
}

static void
stop_waiting (IwdRequest *request)
{
  clear_source (&request->wait_source);
  clear_source (&request->wait_cancel_source);
}

static IwdReply *
build_reply (IwdRequest *request)
{
  SoupMessageHeaders *headers = soup_message_get_response_headers (request->message);
  IwdReply *reply = g_new0 (IwdReply, 1);

  reply->status = soup_message_get_status (request->message);
  reply->body = g_byte_array_free_to_bytes (g_steal_pointer (&request->received));
  reply->etag = g_strdup (soup_message_headers_get_one (headers, "ETag"));
  reply->last_modified = g_strdup (soup_message_headers_get_one (headers, "Last-Modified"));
  reply->content_type = g_strdup (soup_message_headers_get_content_type (headers, NULL));

  return reply;
}

static gboolean
is_not_modified (IwdRequest *request,
                 guint       status)
{
  if (status != SOUP_STATUS_NOT_MODIFIED)
    return FALSE;

  return request->etag != NULL || request->last_modified != NULL;
}

/* Tables are the replies parsed in a worker thread. */
static gsize
get_max_size (IwdClient  *self,
              IwdRequest *request)
{
  return request->parse_in_thread ? self->max_table_size : self->max_reply_size;
}

/* Only the body of a 2xx reply is used, so an error page of any size
 * keeps its status's error. */
static gboolean
exceeds_max_size (IwdClient  *self,
                  IwdRequest *request,
                  goffset     size)
{
  if (!SOUP_STATUS_IS_SUCCESSFUL (soup_message_get_status (request->message)))
    return FALSE;

  return size >= 0 && (guint64) size > get_max_size (self, request);
}

static void
fail_too_large (GTask *task)
{
  IwdClient *self = task_get_client (task);
  IwdRequest *request = task_get_request (task);
  GError *error;

  end_attempt (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  error = g_error_new (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
                       "Invalid reply to %s: reply too large, over %" G_GSIZE_FORMAT " bytes",
                       request->call_name, get_max_size (self, request));
  log_failure (request, error);
  g_task_return_error (task, error);
}

/* A proxy or a captive portal may send its own HTML page with a 200
 * status. IWRest and Robot send no HTML, so such a reply fails even for
 * calls that do not read their body. Other media types are accepted,
 * because the parsers check the body itself: a valid body sent as
 * application/octet-stream is used. */
static gboolean
check_media_type (IwdRequest  *request,
                  GError     **error)
{
  const char *media_type = request->reply->content_type;

  if (iwd_route_get_service (request->route) == IWD_SERVICE_SITE)
    return TRUE;

  if (media_type == NULL || g_ascii_strcasecmp (media_type, "text/html") != 0)
    return TRUE;

  g_set_error (error, IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
               "Invalid reply to %s: an HTML page in place of data", request->call_name);
  return FALSE;
}

static void
return_reply (GTask *task)
{
  IwdRequest *request = task_get_request (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  g_task_return_pointer (task, g_steal_pointer (&request->reply),
                         (GDestroyNotify) iwd_reply_free);
}

/* Runs on the main thread for small replies, in a worker for tables. */
static void
parse_body (GTask      *task,
            IwdRequest *request)
{
  GCancellable *cancellable = g_task_get_cancellable (task);
  g_autoptr(GError) parse_error = NULL;
  GError *error = NULL;
  gpointer value;

  value = request->parser (request->reply->body, cancellable, &parse_error);

  if (value == NULL)
    {
      if (parse_error == NULL)
        parse_error = g_error_new_literal (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY,
                                           "the parser returned nothing");

      iwd_api_error_from_parse (parse_error, request->call_name, &error);
      g_task_return_error (task, error);
      return;
    }

  request->reply->value = value;
  request->reply->value_free = request->value_free;

  return_reply (task);
}

static void
parse_in_worker (GTask        *task,
                 gpointer      source_object,
                 gpointer      task_data,
                 GCancellable *cancellable)
{
  parse_body (task, task_data);
}

static void
parse_reply (GTask *task)
{
  IwdRequest *request = task_get_request (task);

  if (request->parser == NULL)
    return_reply (task);
  else if (request->parse_in_thread)
    g_task_run_in_thread (task, parse_in_worker);
  else
    parse_body (task, request);
}

/* Callbacks */

static void
on_caller_cancelled (GCancellable *cancellable,
                     gpointer      attempt_cancellable)
{
  g_cancellable_cancel (attempt_cancellable);
}

static gboolean
on_timeout (gpointer data)
{
  IwdRequest *request = data;

  request->timed_out = TRUE;
  g_cancellable_cancel (request->attempt_cancellable);

  return G_SOURCE_REMOVE;
}

static void
restart_timeout (GTask *task)
{
  IwdClient *self = task_get_client (task);
  IwdRequest *request = task_get_request (task);

  clear_source (&request->timeout_source);

  if (self->timeout_ms == 0)
    return;

  request->timeout_source = g_timeout_source_new (self->timeout_ms);
  g_source_set_callback (request->timeout_source, on_timeout, request, NULL);
  g_source_attach (request->timeout_source, g_task_get_context (task));
}

static gboolean
did_wait (gpointer data)
{
  g_autoptr(GTask) task = g_object_ref (data);

  stop_waiting (task_get_request (task));
  start_attempt (g_steal_pointer (&task));

  return G_SOURCE_REMOVE;
}

static gboolean
on_wait_cancelled (GCancellable *cancellable,
                   gpointer      data)
{
  g_autoptr(GTask) task = g_object_ref (data);

  stop_waiting (task_get_request (task));
  g_task_return_error_if_cancelled (task);

  return G_SOURCE_REMOVE;
}

static void
schedule_retry (GTask        *task,
                const GError *reason)
{
  IwdRequest *request = task_get_request (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  guint delay_ms = get_retry_delay (task_get_client (task), request);

  g_info ("api: retrying %s after %u ms (attempt %u): %s",
          request->call_name, delay_ms, request->attempt + 1, reason->message);

  request->wait_source = g_timeout_source_new (delay_ms);
  g_source_set_callback (request->wait_source, did_wait, g_object_ref (task), g_object_unref);
  g_source_attach (request->wait_source, g_task_get_context (task));

  if (cancellable == NULL)
    return;

  request->wait_cancel_source = g_cancellable_source_new (cancellable);
  g_source_set_callback (request->wait_cancel_source, G_SOURCE_FUNC (on_wait_cancelled),
                         g_object_ref (task), g_object_unref);
  g_source_attach (request->wait_cancel_source, g_task_get_context (task));
}

static void
fail_or_retry (GTask  *task,
               guint   status,
               GError *error)
{
  IwdClient *self = task_get_client (task);
  IwdRequest *request = task_get_request (task);

  if (may_retry (self, request, status, error))
    {
      schedule_retry (task, error);
      g_error_free (error);
      return;
    }

  g_task_return_error (task, error);
}

static void
attempt_failed (GTask        *task,
                const GError *transport_error)
{
  IwdClient *self = task_get_client (task);
  IwdRequest *request = task_get_request (task);
  GError *error = NULL;

  end_attempt (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (request->timed_out)
    error = g_error_new (IWD_API_ERROR, IWD_API_ERROR_TIMEOUT,
                         "%s timed out: nothing received for %u ms",
                         request->call_name, self->timeout_ms);
  else
    iwd_api_error_from_transport (transport_error, request->call_name, &error);

  log_failure (request, error);
  fail_or_retry (task, SOUP_STATUS_NONE, error);
}

static void
did_receive (GTask *task)
{
  IwdRequest *request = task_get_request (task);
  guint status = soup_message_get_status (request->message);
  const char *reason = soup_message_get_reason_phrase (request->message);
  GError *error = NULL;

  log_call (request, status);
  end_attempt (task);

  if (g_task_return_error_if_cancelled (task))
    return;

  if (is_not_modified (request, status))
    {
      request->reply = build_reply (request);
      g_clear_pointer (&request->reply->body, g_bytes_unref);
      return_reply (task);
      return;
    }

  if (!iwd_api_error_from_status (status, request->call_name, reason, &error))
    {
      fail_or_retry (task, status, error);
      return;
    }

  request->reply = build_reply (request);
  if (!check_media_type (request, &error))
    {
      log_failure (request, error);
      g_task_return_error (task, error);
      return;
    }

  parse_reply (task);
}

static void
did_read (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdRequest *request = task_get_request (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) chunk = NULL;

  chunk = g_input_stream_read_bytes_finish (G_INPUT_STREAM (object), result, &error);

  if (chunk == NULL)
    {
      attempt_failed (task, error);
      return;
    }

  if (g_bytes_get_size (chunk) == 0)
    {
      did_receive (task);
      return;
    }

  if (exceeds_max_size (task_get_client (task), request,
                        request->received->len + g_bytes_get_size (chunk)))
    {
      fail_too_large (task);
      return;
    }

  g_byte_array_append (request->received, g_bytes_get_data (chunk, NULL),
                       g_bytes_get_size (chunk));
  report_progress (request);
  restart_timeout (task);

  read_next_chunk (g_steal_pointer (&task));
}

static void
read_next_chunk (GTask *task)
{
  IwdRequest *request = task_get_request (task);

  g_input_stream_read_bytes_async (request->stream, READ_CHUNK_SIZE, G_PRIORITY_DEFAULT,
                                   request->attempt_cancellable, did_read, task);
}

static void
did_send (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdRequest *request = task_get_request (task);
  g_autoptr(GError) error = NULL;

  request->stream = soup_session_send_finish (SOUP_SESSION (object), result, &error);

  if (request->stream == NULL)
    {
      attempt_failed (task, error);
      return;
    }

  request->expected_size = get_expected_size (request->message);
  if (exceeds_max_size (task_get_client (task), request, request->expected_size))
    {
      fail_too_large (task);
      return;
    }

  request->received = g_byte_array_new ();
  restart_timeout (task);

  read_next_chunk (g_steal_pointer (&task));
}

static void
start_attempt (GTask *task)
{
  IwdClient *self = task_get_client (task);
  IwdRequest *request = task_get_request (task);
  GCancellable *cancellable = g_task_get_cancellable (task);

  request->attempt++;
  request->started_us = g_get_monotonic_time ();
  request->timed_out = FALSE;
  g_clear_pointer (&request->received, g_byte_array_unref);
  g_clear_object (&request->message);

  request->message = build_message (self, request);
  if (request->message == NULL)
    {
      g_task_return_new_error (task, G_URI_ERROR, G_URI_ERROR_FAILED,
                               "%s failed: invalid URL %s", request->call_name, request->url);
      g_object_unref (task);
      return;
    }

  request->attempt_cancellable = g_cancellable_new ();
  if (cancellable != NULL)
    request->cancelled_handler = g_cancellable_connect (cancellable,
                                                        G_CALLBACK (on_caller_cancelled),
                                                        g_object_ref (request->attempt_cancellable),
                                                        g_object_unref);
  restart_timeout (task);

  soup_session_send_async (self->session, request->message, G_PRIORITY_DEFAULT,
                           request->attempt_cancellable, did_send, task);
}

/* Public functions of the private header */

/**
 * iwd_reply_free:
 * @reply: (transfer full): a reply
 *
 * Frees @reply and its value.
 */
void
iwd_reply_free (IwdReply *reply)
{
  if (reply->value != NULL && reply->value_free != NULL)
    reply->value_free (reply->value);

  g_clear_pointer (&reply->body, g_bytes_unref);
  g_free (reply->etag);
  g_free (reply->last_modified);
  g_free (reply->content_type);
  g_free (reply);
}

/**
 * iwd_reply_steal_value:
 * @reply: a reply
 *
 * Takes the parsed value out of @reply, so that freeing @reply keeps it.
 *
 * Returns: (transfer full) (nullable): the value
 */
gpointer
iwd_reply_steal_value (IwdReply *reply)
{
  return g_steal_pointer (&reply->value);
}

/**
 * iwd_request_new:
 * @route: the call
 * @values: (array zero-terminated=1) (nullable): the values of the route's
 *   placeholders, escaped by iwd_route_expand()
 *
 * Creates a request without a body whose reply has no parsed value.
 *
 * Returns: (transfer full): a new request
 */
IwdRequest *
iwd_request_new (IwdRoute            route,
                 const char * const *values)
{
  IwdRequest *request = g_new0 (IwdRequest, 1);

  request->route = route;
  request->path = iwd_route_expand (route, values);
  request->expected_size = -1;

  return request;
}

/**
 * iwd_request_free:
 * @request: (transfer full): a request that is not running
 *
 * Frees @request.
 */
void
iwd_request_free (IwdRequest *request)
{
  stop_waiting (request);
  clear_source (&request->timeout_source);
  g_clear_object (&request->attempt_cancellable);
  g_clear_object (&request->stream);
  g_clear_object (&request->message);
  g_clear_pointer (&request->received, g_byte_array_unref);
  g_clear_pointer (&request->reply, iwd_reply_free);
  g_clear_pointer (&request->body, g_bytes_unref);
  g_free (request->path);
  g_free (request->url);
  g_free (request->call_name);
  g_free (request->etag);
  g_free (request->last_modified);
  g_free (request);
}

/**
 * iwd_request_set_json_body:
 * @request: a request
 * @body: the JSON to send
 *
 * Sends @body, serialized, as `application/json`.
 */
void
iwd_request_set_json_body (IwdRequest *request,
                           JsonNode   *body)
{
  char *text = json_to_string (body, FALSE);
  gsize length = strlen (text);

  g_clear_pointer (&request->body, g_bytes_unref);
  request->body = g_bytes_new_take (text, length);
  request->content_type = "application/json";
}

/**
 * iwd_request_set_json_object:
 * @request: a request
 * @object: the JSON object to send
 *
 * Sends @object, serialized, as `application/json`.
 */
void
iwd_request_set_json_object (IwdRequest *request,
                             JsonObject *object)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_OBJECT);

  json_node_set_object (node, object);
  iwd_request_set_json_body (request, node);
}

/**
 * iwd_request_set_parser:
 * @request: a request
 * @parser: the parser of the reply body
 * @value_free: frees what @parser returns
 * @in_thread: whether to parse in a worker thread, for large replies
 *
 * Makes the reply's value what @parser returns for the body of a 2xx
 * reply. A parser error fails the call with %IWD_API_ERROR_INVALID_REPLY.
 */
void
iwd_request_set_parser (IwdRequest     *request,
                        IwdReplyParser  parser,
                        GDestroyNotify  value_free,
                        gboolean        in_thread)
{
  request->parser = parser;
  request->value_free = value_free;
  request->parse_in_thread = in_thread;
}

/**
 * iwd_request_set_progress:
 * @request: a request
 * @callback: (nullable): called with the bytes read so far and the
 *   Content-Length, or -1 when the server sent none
 * @data: data for @callback
 *
 * Reports the download's progress on the main thread.
 */
void
iwd_request_set_progress (IwdRequest            *request,
                          GFileProgressCallback  callback,
                          gpointer               data)
{
  request->progress_callback = callback;
  request->progress_data = data;
}

/**
 * iwd_request_set_validators:
 * @request: a request
 * @etag: (nullable): the ETag of a cached copy
 * @last_modified: (nullable): the Last-Modified date of a cached copy
 *
 * Makes the request conditional, so that an unchanged resource gets a 304
 * reply without a body.
 */
void
iwd_request_set_validators (IwdRequest *request,
                            const char *etag,
                            const char *last_modified)
{
  g_free (request->etag);
  request->etag = g_strdup (etag);
  g_free (request->last_modified);
  request->last_modified = g_strdup (last_modified);
}

/**
 * iwd_client_send_request:
 * @self: a client
 * @request: (transfer full): the call to make
 * @source_tag: the public function making the call
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the call has finished
 * @user_data: data for @callback
 *
 * Sends @request and reads its whole reply, retrying a GET after a 503 or
 * a timeout, then maps the status and parses the body. Finish with one of
 * the iwd_client_propagate_*() functions and the same @source_tag.
 */
void
iwd_client_send_request (IwdClient           *self,
                         IwdRequest          *request,
                         gpointer             source_tag,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, source_tag);
  g_task_set_task_data (task, request, (GDestroyNotify) iwd_request_free);

  request->url = iwd_client_build_url (self, request->route, request->path);
  request->call_name = dup_call_name (request);

  start_attempt (g_steal_pointer (&task));
}

/**
 * iwd_client_propagate_reply:
 * @self: a client
 * @result: the result given to the callback
 * @source_tag: the tag given to iwd_client_send_request()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the reply, or %NULL with @error set
 */
IwdReply *
iwd_client_propagate_reply (IwdClient     *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == source_tag, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * iwd_client_propagate_value:
 * @self: a client
 * @result: the result given to the callback
 * @source_tag: the tag given to iwd_client_send_request()
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the parsed value of the reply, or
 *   %NULL with @error set
 */
gpointer
iwd_client_propagate_value (IwdClient     *self,
                            GAsyncResult  *result,
                            gpointer       source_tag,
                            GError       **error)
{
  g_autoptr(IwdReply) reply = iwd_client_propagate_reply (self, result, source_tag, error);

  if (reply == NULL)
    return NULL;

  return iwd_reply_steal_value (reply);
}

/**
 * iwd_client_propagate_success:
 * @self: a client
 * @result: the result given to the callback
 * @source_tag: the tag given to iwd_client_send_request()
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the call got a 2xx reply, else %FALSE with @error set
 */
gboolean
iwd_client_propagate_success (IwdClient     *self,
                              GAsyncResult  *result,
                              gpointer       source_tag,
                              GError       **error)
{
  g_autoptr(IwdReply) reply = iwd_client_propagate_reply (self, result, source_tag, error);

  return reply != NULL;
}
