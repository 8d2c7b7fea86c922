/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-stream.h"

/* A body written in chunks as the client reads them: the next chunk is
 * generated only once the previous one has gone out, and the message body
 * does not accumulate, so a million lines never sit in memory at once. */
typedef struct {
  IwdSandboxFillFunc  fill;
  gpointer            state;
  GDestroyNotify      state_free;
  char               *charset; /* NULL for UTF-8 */
  gboolean            more;
} Stream;

static void
stream_free (gpointer data,
             GClosure *closure)
{
  Stream *stream = data;

  if (stream->state_free != NULL)
    g_clear_pointer (&stream->state, stream->state_free);
  g_free (stream->charset);
  g_free (stream);
}

static GBytes *
encode_chunk (Stream  *stream,
              GString *chunk)
{
  g_autoptr(GError) error = NULL;
  gsize length = 0;
  char *bytes;

  if (stream->charset == NULL)
    return g_bytes_new (chunk->str, chunk->len);

  bytes = g_convert (chunk->str, chunk->len, stream->charset, "UTF-8", NULL, &length, &error);
  if (bytes == NULL)
    {
      /* Generated text only uses characters of the target charset, so this
       * is a bug in the generator; send what can be sent. */
      g_critical ("sandbox: cannot encode a chunk in %s: %s", stream->charset, error->message);
      return g_bytes_new (chunk->str, chunk->len);
    }

  return g_bytes_new_take (bytes, length);
}

static void
append_next_chunk (Stream            *stream,
                   SoupServerMessage *message)
{
  SoupMessageBody *body = soup_server_message_get_response_body (message);
  g_autoptr(GString) chunk = g_string_new (NULL);
  g_autoptr(GBytes) bytes = NULL;

  /* A generator may skip every line of a chunk. An empty chunk would end
   * the body, so this loops until there is text or nothing left. */
  do
    stream->more = stream->fill (stream->state, chunk);
  while (chunk->len == 0 && stream->more);

  if (chunk->len > 0)
    {
      bytes = encode_chunk (stream, chunk);
      soup_message_body_append_bytes (body, bytes);
    }

  if (!stream->more)
    soup_message_body_complete (body);
}

static void
on_wrote_chunk (SoupServerMessage *message,
                Stream            *stream)
{
  if (stream->more)
    append_next_chunk (stream, message);
}

/**
 * iwd_sandbox_stream_start:
 * @message: the message to reply to
 * @content_type: the reply's Content-Type
 * @charset: (nullable): the charset to encode the generated UTF-8 text
 *   in, such as "WINDOWS-1252", or %NULL to send UTF-8
 * @fill: generates each chunk
 * @state: (transfer full): the state passed to @fill
 * @state_free: (nullable): frees @state once the message is done
 *
 * Replies 200 with a chunked body that @fill generates piece by piece.
 */
void
iwd_sandbox_stream_start (SoupServerMessage  *message,
                          const char         *content_type,
                          const char         *charset,
                          IwdSandboxFillFunc  fill,
                          gpointer            state,
                          GDestroyNotify      state_free)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (message);
  Stream *stream = g_new0 (Stream, 1);

  stream->fill = fill;
  stream->state = state;
  stream->state_free = state_free;
  stream->charset = g_strdup (charset);

  soup_server_message_set_status (message, SOUP_STATUS_OK, NULL);
  soup_message_headers_set_encoding (headers, SOUP_ENCODING_CHUNKED);
  soup_message_headers_replace (headers, "Content-Type", content_type);
  soup_message_body_set_accumulate (soup_server_message_get_response_body (message), FALSE);

  g_signal_connect_data (message, "wrote-chunk", G_CALLBACK (on_wrote_chunk),
                         stream, stream_free, 0);
  append_next_chunk (stream, message);
}
