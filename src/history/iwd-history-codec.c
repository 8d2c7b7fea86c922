/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The binary form of an IwdTable that the history store keeps in one BLOB
 * per fetch. Every integer is little-endian.
 *
 *   header:  "IWDT", u32 version (1), u32 row count, u32 column count
 *   column:  u8 kind (IwdTableKind), string key, string label,
 *            null bitmap (one bit per row, bit set if empty,
 *            (rows + 7) / 8 bytes), then the cells:
 *            - TEXT: u32 count of distinct values, each value as a
 *              string, then one u32 index into them per row
 *            - other kinds: one i64 per row
 *   string:  u32 byte length, then UTF-8 bytes without a NUL;
 *            a length of 0xFFFFFFFF is "none" (the label only)
 *
 * The label is stored only when the table shows one of the caller's own
 * rather than the translated label of a documented key, so that a stored
 * table follows the language of the session that opens it.

 */

#include "iwd-history-codec.h"

#include <string.h>

#include "iwd-history-columns.h"
#include "iwd-history-error.h"

#define MAGIC "IWDT"
#define MAGIC_LENGTH 4
#define NO_STRING G_MAXUINT32

typedef struct {
  const guint8 *data;
  gsize         size;
  gsize         position;
  gboolean      failed;
} Reader;

static gsize
bitmap_size (guint n_rows)
{
  return (n_rows + 7) / 8;
}

static void
write_u32 (GByteArray *out,
           guint32     value)
{
  guint32 little = GUINT32_TO_LE (value);

  g_byte_array_append (out, (const guint8 *) &little, sizeof little);
}

static void
write_i64 (GByteArray *out,
           gint64      value)
{
  guint64 little = GUINT64_TO_LE ((guint64) value);

  g_byte_array_append (out, (const guint8 *) &little, sizeof little);
}

static void
write_string (GByteArray *out,
              const char *text)
{
  gsize length;

  if (text == NULL)
    {
      write_u32 (out, NO_STRING);
      return;
    }

  length = strlen (text);
  write_u32 (out, length);
  g_byte_array_append (out, (const guint8 *) text, length);
}

static void
write_null_bitmap (GByteArray *out,
                   IwdTable   *table,
                   guint       column)
{
  guint n_rows = iwd_table_get_n_rows (table);
  g_autofree guint8 *bitmap = g_malloc0 (bitmap_size (n_rows));

  for (guint row = 0; row < n_rows; row++)
    if (iwd_table_is_null (table, row, column))
      bitmap[row / 8] |= 1u << (row % 8);

  g_byte_array_append (out, bitmap, bitmap_size (n_rows));
}

static void
write_numbers (GByteArray *out,
               IwdTable   *table,
               guint       column)
{
  guint n_rows = iwd_table_get_n_rows (table);

  for (guint row = 0; row < n_rows; row++)
    write_i64 (out, iwd_table_is_null (table, row, column)
                    ? 0 : iwd_table_get_int64 (table, row, column));
}

/* Writes each distinct value once, then one index per row. */
static void
write_texts (GByteArray *out,
             IwdTable   *table,
             guint       column)
{
  guint n_rows = iwd_table_get_n_rows (table);
  g_autoptr(GHashTable) indexes = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  g_autofree guint32 *row_indexes = g_new0 (guint32, MAX (n_rows, 1));

  for (guint row = 0; row < n_rows; row++)
    {
      const char *text = iwd_table_get_text (table, row, column);
      gpointer index_plus_one;

      if (text == NULL)
        continue;

      index_plus_one = g_hash_table_lookup (indexes, text);
      if (index_plus_one == NULL)
        {
          g_ptr_array_add (values, (gpointer) text);
          index_plus_one = GUINT_TO_POINTER (values->len);
          g_hash_table_insert (indexes, (gpointer) text, index_plus_one);
        }
      row_indexes[row] = GPOINTER_TO_UINT (index_plus_one) - 1;
    }

  write_u32 (out, values->len);
  for (guint i = 0; i < values->len; i++)
    write_string (out, g_ptr_array_index (values, i));
  for (guint row = 0; row < n_rows; row++)
    write_u32 (out, row_indexes[row]);
}

static void
write_column (GByteArray *out,
              IwdTable   *table,
              guint       column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  guint8 kind_byte = kind;

  g_byte_array_append (out, &kind_byte, 1);
  write_string (out, iwd_table_get_column_key (table, column));
  write_string (out, iwd_history_columns_get_custom_label (table, column));
  write_null_bitmap (out, table, column);

  if (kind == IWD_TABLE_KIND_TEXT)
    write_texts (out, table, column);
  else
    write_numbers (out, table, column);
}

static const guint8 *
read_bytes (Reader *reader,
            gsize   length)
{
  const guint8 *start = reader->data + reader->position;

  if (reader->failed || length > reader->size - reader->position)
    {
      reader->failed = TRUE;
      return NULL;
    }

  reader->position += length;
  return start;
}

static guint32
read_u32 (Reader *reader)
{
  const guint8 *bytes = read_bytes (reader, sizeof (guint32));
  guint32 little;

  if (bytes == NULL)
    return 0;

  memcpy (&little, bytes, sizeof little);
  return GUINT32_FROM_LE (little);
}

static gint64
read_i64 (Reader *reader)
{
  const guint8 *bytes = read_bytes (reader, sizeof (guint64));
  guint64 little;

  if (bytes == NULL)
    return 0;

  memcpy (&little, bytes, sizeof little);
  return (gint64) GUINT64_FROM_LE (little);
}

/* Points @out_text into the input, which is not NUL-terminated. */
static gboolean
read_string (Reader      *reader,
             const char **out_text,
             guint32     *out_length)
{
  guint32 length = read_u32 (reader);

  *out_text = NULL;
  *out_length = 0;
  if (length == NO_STRING)
    return TRUE;

  *out_text = (const char *) read_bytes (reader, length);
  *out_length = length;
  return *out_text != NULL;
}

/* Checks that the input still contains @count cells of @cell_size bytes, so
 * that a forged row count fails before the column grows to it. */
static gboolean
has_room_for (Reader *reader,
              guint   count,
              gsize   cell_size)
{
  return (guint64) count * cell_size <= reader->size - reader->position;
}

static gboolean
is_null_in (const guint8 *bitmap,
            guint         row)
{
  return (bitmap[row / 8] >> (row % 8)) & 1;
}

static gboolean
read_numbers (Reader         *reader,
              IwdTableColumn *column,
              const guint8   *bitmap,
              guint           n_rows)
{
  if (!has_room_for (reader, n_rows, sizeof (gint64)))
    return FALSE;

  for (guint row = 0; row < n_rows; row++)
    {
      gint64 value = read_i64 (reader);

      iwd_table_column_append_null (column);
      if (!is_null_in (bitmap, row))
        iwd_table_column_set_int64 (column, row, value);
    }

  return !reader->failed;
}

typedef struct {
  const char *text;
  guint32     length;
} StoredText;

static gboolean
read_text_values (Reader  *reader,
                  GArray  *values)
{
  guint32 n_values = read_u32 (reader);

  /* Each value takes at least its 4-byte length, which bounds a forged
   * count before anything is allocated for it. */
  if (n_values > (reader->size - reader->position) / sizeof (guint32))
    return FALSE;

  for (guint32 i = 0; i < n_values && !reader->failed; i++)
    {
      StoredText value;

      if (!read_string (reader, &value.text, &value.length) || value.text == NULL)
        return FALSE;
      g_array_append_val (values, value);
    }

  return !reader->failed;
}

static gboolean
read_texts (Reader         *reader,
            IwdTableColumn *column,
            const guint8   *bitmap,
            guint           n_rows,
            GError        **error)
{
  g_autoptr(GArray) values = g_array_new (FALSE, FALSE, sizeof (StoredText));

  if (!read_text_values (reader, values) || !has_room_for (reader, n_rows, sizeof (guint32)))
    return FALSE;

  for (guint row = 0; row < n_rows; row++)
    {
      guint32 index = read_u32 (reader);
      StoredText *value;

      iwd_table_column_append_null (column);
      if (is_null_in (bitmap, row))
        continue;
      if (reader->failed || index >= values->len)
        return FALSE;

      value = &g_array_index (values, StoredText, index);
      if (!iwd_table_column_set_text (column, row, value->text, value->length, error))
        return FALSE;
    }

  return !reader->failed;
}

static IwdTableColumn *
read_column (Reader  *reader,
             guint    n_rows,
             GError **error)
{
  const guint8 *kind_byte = read_bytes (reader, 1);
  const char *key, *label;
  guint32 key_length, label_length;
  const guint8 *bitmap;
  g_autofree char *key_copy = NULL;
  g_autofree char *label_copy = NULL;
  g_autoptr(IwdTableColumn) column = NULL;
  gboolean read;

  if (kind_byte == NULL || *kind_byte > IWD_TABLE_KIND_BOOLEAN
      || !read_string (reader, &key, &key_length) || key == NULL
      || !read_string (reader, &label, &label_length))
    return NULL;

  bitmap = read_bytes (reader, bitmap_size (n_rows));
  if (bitmap == NULL)
    return NULL;

  key_copy = g_strndup (key, key_length);
  label_copy = label != NULL ? g_strndup (label, label_length) : NULL;
  column = iwd_history_columns_new (key_copy, *kind_byte, label_copy);
  if (*kind_byte == IWD_TABLE_KIND_TEXT)
    read = read_texts (reader, column, bitmap, n_rows, error);
  else
    read = read_numbers (reader, column, bitmap, n_rows);

  if (!read)
    return NULL;

  return g_steal_pointer (&column);
}

static gboolean
read_header (Reader  *reader,
             guint   *out_n_rows,
             guint   *out_n_columns,
             GError **error)
{
  const guint8 *magic = read_bytes (reader, MAGIC_LENGTH);
  guint32 version = read_u32 (reader);

  *out_n_rows = read_u32 (reader);
  *out_n_columns = read_u32 (reader);

  if (reader->failed || memcmp (magic, MAGIC, MAGIC_LENGTH) != 0)
    {
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT,
                   "stored table has no valid header");
      return FALSE;
    }

  if (version != IWD_HISTORY_CODEC_VERSION)
    {
      g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT,
                   "stored table has format version %u; this build reads version %u",
                   version, IWD_HISTORY_CODEC_VERSION);
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_history_codec_encode:
 * @table: a table
 *
 * Writes @table in the history store's binary format, which keeps each
 * column's kind, every value exactly, and the empty cells.
 *
 * Returns: (transfer full): the encoded table
 */
GBytes *
iwd_history_codec_encode (IwdTable *table)
{
  g_autoptr(GByteArray) out = g_byte_array_new ();
  guint n_columns;

  g_return_val_if_fail (IWD_IS_TABLE (table), NULL);

  n_columns = iwd_table_get_n_columns (table);
  g_byte_array_append (out, (const guint8 *) MAGIC, MAGIC_LENGTH);
  write_u32 (out, IWD_HISTORY_CODEC_VERSION);
  write_u32 (out, iwd_table_get_n_rows (table));
  write_u32 (out, n_columns);

  for (guint column = 0; column < n_columns; column++)
    write_column (out, table, column);

  return g_byte_array_free_to_bytes (g_steal_pointer (&out));
}

/**
 * iwd_history_codec_decode:
 * @data: (array length=size): bytes written by iwd_history_codec_encode()
 * @size: the length of @data
 * @error: return location for a #GError
 *
 * Rebuilds a table from its binary form. @data need not outlive the call.
 *
 * Returns: (transfer full): the table, or %NULL with
 *   %IWD_HISTORY_ERROR_CORRUPT if @data is truncated, malformed or of
 *   another format version
 */
IwdTable *
iwd_history_codec_decode (gconstpointer   data,
                          gsize           size,
                          GError        **error)
{
  Reader reader = { data, size, 0, FALSE };
  g_autoptr(GPtrArray) columns = NULL;
  guint n_rows, n_columns;

  if (!read_header (&reader, &n_rows, &n_columns, error))
    return NULL;

  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);
  for (guint i = 0; i < n_columns; i++)
    {
      g_autoptr(GError) local_error = NULL;
      IwdTableColumn *column = read_column (&reader, n_rows, &local_error);

      if (column == NULL)
        {
          g_set_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT,
                       "stored table is damaged in column %u of %u%s%s", i + 1, n_columns,
                       local_error != NULL ? ": " : "",
                       local_error != NULL ? local_error->message : "");
          return NULL;
        }
      g_ptr_array_add (columns, column);
    }

  return iwd_history_columns_finish_table (g_steal_pointer (&columns), n_rows);
}
