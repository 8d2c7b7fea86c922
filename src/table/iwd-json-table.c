/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Reads a JSON array of objects into a table with yajl's event parser,
 * so that no tree of the whole reply is ever built: each value goes into
 * its column as soon as it is read. Nested objects become dotted keys
 * ("police.prime"), and an array inside an object is kept as its JSON
 * text in one cell.
 */

#include "iwd-json-table.h"

#include <yajl/yajl_gen.h>
#include <yajl/yajl_parse.h>

#include "iwd-parse-error.h"
#include "iwd-table-builder.h"

#define UTF8_BOM "\xEF\xBB\xBF"

/* How many objects pass between two looks at the cancellable. */
#define ROWS_PER_CANCEL_CHECK 4096

/* Depths of the nesting: 0 outside everything, 1 inside the root array,
 * 2 inside one of its objects, more inside nested objects. */
#define DEPTH_ROOT 1
#define DEPTH_ROW 2

typedef struct {
  IwdTableBuilder *builder;          /* owned */
  GCancellable    *cancellable;      /* unowned */
  GError          *error;            /* owned; set when a callback stops */

  guint            depth;
  guint            n_items;          /* items of the root array started */
  GString         *key;              /* owned; dotted key of the value */
  GArray          *prefix_lengths;   /* owned; guint per open object */

  yajl_gen         embedded;         /* owned; copies an array in a row */
  guint            embedded_depth;
} JsonReader;

static void
json_reader_clear (JsonReader *reader)
{
  g_clear_object (&reader->builder);
  g_clear_error (&reader->error);
  if (reader->key != NULL)
    g_string_free (reader->key, TRUE);
  g_clear_pointer (&reader->prefix_lengths, g_array_unref);
  g_clear_pointer (&reader->embedded, yajl_gen_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (JsonReader, json_reader_clear)

static int
fail_shape (JsonReader *reader,
            const char *problem)
{
  g_set_error (&reader->error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
               "item %u: %s", reader->n_items, problem);
  return 0;
}

/* yajl 2.1 checks only the lengths of UTF-8 sequences, so it passes on
 * overlong forms, and it decodes a lone surrogate escape such as
 * "\udfff" into bytes that are not UTF-8. GTK rejects both. */
static int
check_utf8 (JsonReader          *reader,
            const unsigned char *text,
            size_t               length)
{
  if (g_utf8_validate_len ((const char *) text, length, NULL))
    return 1;

  g_set_error (&reader->error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING,
               "item %u: a string is not valid UTF-8 or contains \\u0000",
               reader->n_items);
  return 0;
}

static int
fail_root (JsonReader *reader)
{
  g_set_error_literal (&reader->error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                       "the root is not an array");
  return 0;
}

/* Rejects a value that is not inside an object of the root array. */
static int
check_value_place (JsonReader *reader)
{
  if (reader->depth == 0)
    return fail_root (reader);
  if (reader->depth == DEPTH_ROOT)
    {
      reader->n_items++;
      return fail_shape (reader, "not an object");
    }
  return 1;
}

static int
set_value (JsonReader *reader,
           const char *text,
           gsize       length)
{
  guint column;

  if (!check_value_place (reader))
    return 0;

  column = iwd_table_builder_ensure_column (reader->builder, reader->key->str);
  return iwd_table_builder_set_cell (reader->builder, column, text, length,
                                     &reader->error);
}

static gboolean
check_cancelled (JsonReader *reader)
{
  guint n_rows = iwd_table_builder_get_n_rows (reader->builder);

  return n_rows % ROWS_PER_CANCEL_CHECK == 0
         && g_cancellable_set_error_if_cancelled (reader->cancellable, &reader->error);
}

/* The embedded array's events go to a JSON writer until it closes. */

/* yajl_gen fails mostly on an array nested deeper than its fixed limit.
 * yajl_parse() reports a callback's 0 as a stop without an error of its
 * own, so the reason goes into the reader. */
static int
embedded_result (JsonReader      *reader,
                 yajl_gen_status  status)
{
  if (status == yajl_gen_status_ok)
    return 1;

  g_set_error (&reader->error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
               status == yajl_max_depth_exceeded
               ? "item %u: an array is nested too deeply to be kept as text"
               : "item %u: an array cannot be kept as text",
               reader->n_items);
  return 0;
}

static int
finish_embedded (JsonReader *reader)
{
  const unsigned char *text;
  size_t length;
  int result;

  yajl_gen_get_buf (reader->embedded, &text, &length);
  result = set_value (reader, (const char *) text, length);
  g_clear_pointer (&reader->embedded, yajl_gen_free);
  return result;
}

static int
start_embedded (JsonReader *reader)
{
  reader->embedded = yajl_gen_alloc (NULL);
  reader->embedded_depth = 1;
  return embedded_result (reader, yajl_gen_array_open (reader->embedded));
}

static int
on_null (void *user_data)
{
  JsonReader *reader = user_data;

  if (reader->embedded != NULL)
    return embedded_result (reader, yajl_gen_null (reader->embedded));
  return set_value (reader, NULL, 0);
}

static int
on_boolean (void *user_data,
            int   value)
{
  JsonReader *reader = user_data;
  const char *text = value ? "true" : "false";

  if (reader->embedded != NULL)
    return embedded_result (reader, yajl_gen_bool (reader->embedded, value));
  return set_value (reader, text, strlen (text));
}

/* Numbers come as their JSON text, so "17654.7100" is never a double.
 * TODO: a number with an exponent ("1.5e3") is rejected in MONEY and
 * DECIMAL columns, because iwd_text_parse_decimal() reads no exponent. */
static int
on_number (void       *user_data,
           const char *text,
           size_t      length)
{
  JsonReader *reader = user_data;

  if (reader->embedded != NULL)
    return embedded_result (reader, yajl_gen_number (reader->embedded, text, length));
  return set_value (reader, text, length);
}

static int
on_string (void                *user_data,
           const unsigned char *text,
           size_t               length)
{
  JsonReader *reader = user_data;

  if (!check_utf8 (reader, text, length))
    return 0;

  if (reader->embedded != NULL)
    return embedded_result (reader, yajl_gen_string (reader->embedded, text, length));
  return set_value (reader, (const char *) text, length);
}

static int
on_start_map (void *user_data)
{
  JsonReader *reader = user_data;
  guint prefix_length = 0;

  if (reader->embedded != NULL)
    {
      reader->embedded_depth++;
      return embedded_result (reader, yajl_gen_map_open (reader->embedded));
    }

  if (reader->depth == 0)
    return fail_root (reader);

  if (reader->depth == DEPTH_ROOT)
    reader->n_items++;
  else
    {
      g_string_append_c (reader->key, '.');
      prefix_length = reader->key->len;
    }

  g_array_append_val (reader->prefix_lengths, prefix_length);
  reader->depth++;
  return 1;
}

/* TODO: a key that contains a dot ("a.b") shares its column with the
 * nested key b of an object a, and the later value wins. */
static int
on_map_key (void                *user_data,
            const unsigned char *key,
            size_t               length)
{
  JsonReader *reader = user_data;
  guint prefix_length;

  if (!check_utf8 (reader, key, length))
    return 0;

  if (reader->embedded != NULL)
    return embedded_result (reader, yajl_gen_string (reader->embedded, key, length));

  prefix_length = g_array_index (reader->prefix_lengths, guint,
                                 reader->prefix_lengths->len - 1);
  g_string_truncate (reader->key, prefix_length);
  g_string_append_len (reader->key, (const char *) key, length);
  return 1;
}

static int
on_end_map (void *user_data)
{
  JsonReader *reader = user_data;

  if (reader->embedded != NULL)
    {
      reader->embedded_depth--;
      return embedded_result (reader, yajl_gen_map_close (reader->embedded));
    }

  g_array_set_size (reader->prefix_lengths, reader->prefix_lengths->len - 1);
  reader->depth--;
  if (reader->depth != DEPTH_ROOT)
    return 1;

  g_string_truncate (reader->key, 0);
  iwd_table_builder_end_row (reader->builder);
  return !check_cancelled (reader);
}

static int
on_start_array (void *user_data)
{
  JsonReader *reader = user_data;

  if (reader->embedded != NULL)
    {
      reader->embedded_depth++;
      return embedded_result (reader, yajl_gen_array_open (reader->embedded));
    }

  if (reader->depth == DEPTH_ROOT)
    {
      reader->n_items++;
      return fail_shape (reader, "an array, not an object");
    }

  if (reader->depth >= DEPTH_ROW)
    return start_embedded (reader);

  reader->depth++;
  return 1;
}

static int
on_end_array (void *user_data)
{
  JsonReader *reader = user_data;

  if (reader->embedded == NULL)
    {
      reader->depth--;
      return 1;
    }

  reader->embedded_depth--;
  if (!embedded_result (reader, yajl_gen_array_close (reader->embedded)))
    return 0;

  return reader->embedded_depth > 0 ? 1 : finish_embedded (reader);
}

static const yajl_callbacks callbacks = {
  .yajl_null = on_null,
  .yajl_boolean = on_boolean,
  .yajl_number = on_number,
  .yajl_string = on_string,
  .yajl_start_map = on_start_map,
  .yajl_map_key = on_map_key,
  .yajl_end_map = on_end_map,
  .yajl_start_array = on_start_array,
  .yajl_end_array = on_end_array,
};

static void
set_syntax_error (GError                **error,
                  yajl_handle             parser,
                  gsize                   offset,
                  const unsigned char    *json,
                  gsize                   length)
{
  unsigned char *message = yajl_get_error (parser, 0, json, length);
  g_autofree char *reason = g_strstrip (g_strdup ((const char *) message));

  yajl_free_error (parser, message);
  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX,
               "invalid JSON at byte %" G_GSIZE_FORMAT ": %s", offset, reason);
}

/* Runs yajl over the whole text and turns its status into a GError. */
static gboolean
run_parser (JsonReader           *reader,
            const unsigned char  *json,
            gsize                 length,
            gsize                 skipped,
            GError              **error)
{
  yajl_handle parser = yajl_alloc (&callbacks, NULL, reader);
  yajl_status status = yajl_parse (parser, json, length);
  gsize offset = skipped + yajl_get_bytes_consumed (parser);

  if (status == yajl_status_ok)
    {
      status = yajl_complete_parse (parser);
      offset = skipped + length;
    }

  if (status == yajl_status_client_canceled)
    g_propagate_error (error, g_steal_pointer (&reader->error));
  else if (status == yajl_status_error)
    set_syntax_error (error, parser, offset, json, length);

  yajl_free (parser);
  return status == yajl_status_ok;
}

static gboolean
is_blank (const char *text,
          gsize       length)
{
  for (gsize i = 0; i < length; i++)
    {
      if (!g_ascii_isspace (text[i]))
        return FALSE;
    }

  return TRUE;
}

/*
 * Parses a JSON array of objects into a table, as described at the top
 * of this file. An empty body and a root that is not an array are
 * errors, while "[]" is an empty table.
 */
IwdTable *
iwd_json_table_parse (GBytes        *data,
                      GCancellable  *cancellable,
                      GError       **error)
{
  gsize length;
  const char *json = g_bytes_get_data (data, &length);
  gsize skipped = length >= 3 && memcmp (json, UTF8_BOM, 3) == 0 ? 3 : 0;
  g_auto(JsonReader) reader = { 0 };

  if (is_blank (json + skipped, length - skipped))
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY,
                           "the reply is empty");
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  reader.builder = iwd_table_builder_new ();
  reader.cancellable = cancellable;
  reader.key = g_string_new (NULL);
  reader.prefix_lengths = g_array_new (FALSE, FALSE, sizeof (guint));

  if (!run_parser (&reader, (const unsigned char *) json + skipped,
                   length - skipped, skipped, error))
    return NULL;

  return iwd_table_builder_build (reader.builder, error);
}
