/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-builder.h"

#include "iwd-parse-error.h"
#include "iwd-table-column.h"
#include "iwd-table-private.h"
#include "iwd-table-schema.h"
#include "iwd-text.h"
#include "iwd-text-scan.h"

#define SECONDS_PER_DAY 86400
#define MAX_VALUE_IN_MESSAGE 40

/* Arenas up to this size get a memo of 16 bytes per byte of text. */
#define MAX_MEMO_ARENA (64 * 1024)

#define CANDIDATE(kind) (1u << (kind))
#define ALL_CANDIDATES (CANDIDATE (IWD_TABLE_KIND_BOOLEAN) \
                        | CANDIDATE (IWD_TABLE_KIND_DATE) \
                        | CANDIDATE (IWD_TABLE_KIND_INTEGER) \
                        | CANDIDATE (IWD_TABLE_KIND_DECIMAL))

/**
 * IwdTableBuilder:
 *
 * Builds an #IwdTable row by row and cell by cell, in any column order.
 *
 * The keys the API documents, such as `police.prime`, and keys whose last
 * segment starts with `date_` have a fixed kind, and a value that does not
 * fit it is an error. Other columns are kept as text while rows arrive,
 * along with the kinds that every value so far parses as.
 *
 * iwd_table_builder_build() then gives each of those columns the first
 * kind that all its values fit, in this order: BOOLEAN (only `true` and
 * `false`), DATE (or DATETIME if a value has a time other than midnight),
 * MONEY if the key names an amount (`Prime TTC`, `Com`, `Montant`...),
 * INTEGER, DECIMAL, and TEXT. A number with a leading zero, such as a
 * postal code, keeps the column TEXT.
 *
 * A column whose key names an amount becomes MONEY as soon as one of its
 * values is a number, so another value that is not one, such as `1e5`,
 * is an error rather than a column of text that totals would leave out.
 */

typedef struct {
  IwdTableColumn *storage;       /* owned */
  gboolean        fixed;
  guint           candidates;    /* CANDIDATE() bits; unused when fixed */
  guint           n_values;      /* non-empty cells */
  gboolean        any_time;      /* a date value is not at midnight */
  gboolean        any_decimal;   /* a value parses as a decimal number */
  gboolean        amount_key;    /* the key names an amount */
} BuilderColumn;

/* A converted value by arena offset. */
typedef struct {
  gint64   value;
  gboolean known;
} MemoEntry;

struct _IwdTableBuilder
{
  GObject     parent_instance;

  GPtrArray  *columns;           /* owned; of BuilderColumn */
  GHashTable *index_by_key;      /* owned; key → column index + 1 */
  guint       n_rows;            /* completed rows */
  gboolean    built;
};

G_DEFINE_FINAL_TYPE (IwdTableBuilder, iwd_table_builder, G_TYPE_OBJECT)

static void
builder_column_free (gpointer data)
{
  BuilderColumn *column = data;

  iwd_table_column_free (column->storage);
  g_free (column);
}

static BuilderColumn *
get_column (IwdTableBuilder *self,
            guint            column)
{
  g_assert (column < self->columns->len);

  return g_ptr_array_index (self->columns, column);
}

static const char *
describe_kind (IwdTableKind kind)
{
  switch (kind)
    {
    case IWD_TABLE_KIND_INTEGER:
      return "whole number";
    case IWD_TABLE_KIND_DECIMAL:
      return "decimal number";
    case IWD_TABLE_KIND_MONEY:
      return "amount";
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      return "date";
    case IWD_TABLE_KIND_BOOLEAN:
      return "boolean";
    case IWD_TABLE_KIND_TEXT:
    default:
      return "text";
    }
}

static gboolean
is_midnight (gint64 seconds)
{
  return ((seconds % SECONDS_PER_DAY) + SECONDS_PER_DAY) % SECONDS_PER_DAY == 0;
}

/* "0042" or "-01" is a code, such as a postal code, not a number. */
static gboolean
has_leading_zero (const char *text)
{
  if (*text == '-' || *text == '+')
    text++;

  return text[0] == '0' && g_ascii_isdigit (text[1]);
}

static gboolean
parse_boolean (const char *text,
               gint64     *out_value)
{
  if (g_str_equal (text, "true") || g_str_equal (text, "1"))
    *out_value = 1;
  else if (g_str_equal (text, "false") || g_str_equal (text, "0"))
    *out_value = 0;
  else
    return FALSE;

  return TRUE;
}

static gboolean
parse_as_kind (IwdTableKind  kind,
               const char   *text,
               gint64       *out_value)
{
  gboolean has_time;

  switch (kind)
    {
    case IWD_TABLE_KIND_INTEGER:
      return iwd_text_parse_integer (text, out_value, NULL);
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_MONEY:
      return iwd_text_parse_decimal (text, out_value, NULL);
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      return iwd_text_parse_datetime (text, out_value, &has_time, NULL);
    case IWD_TABLE_KIND_BOOLEAN:
      return parse_boolean (text, out_value);
    case IWD_TABLE_KIND_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/* Reads the plain forms of iwd-text-scan.c without a copy of @text.
 * FALSE means that the full parser must decide. */
static gboolean
scan_plain_kind (IwdTableKind  kind,
                 const char   *text,
                 gsize         length,
                 gint64       *out_value)
{
  gboolean whole;
  gboolean has_time;

  switch (kind)
    {
    case IWD_TABLE_KIND_INTEGER:
      if (!iwd_text_scan_plain_decimal (text, length, out_value, &whole) || !whole)
        return FALSE;
      *out_value /= IWD_DECIMAL_SCALE;
      return TRUE;
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_MONEY:
      return iwd_text_scan_plain_decimal (text, length, out_value, &whole);
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      return iwd_text_scan_plain_date (text, length, out_value, &has_time);
    case IWD_TABLE_KIND_TEXT:
    case IWD_TABLE_KIND_BOOLEAN:
    default:
      return FALSE;
    }
}

/* Names the row, the column and the value, cut to MAX_VALUE_IN_MESSAGE
 * characters, since a cell can be as long as the whole input. */
static void
set_value_error (GError         **error,
                 guint            row,
                 IwdTableColumn  *storage,
                 IwdTableKind     kind,
                 const char      *text)
{
  glong n_chars = g_utf8_strlen (text, -1);
  g_autofree char *shortened = NULL;

  if (n_chars > MAX_VALUE_IN_MESSAGE)
    shortened = g_utf8_substring (text, 0, MAX_VALUE_IN_MESSAGE);

  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
               "row %u, column “%s”: “%s%s” is not a valid %s",
               row + 1, storage->key, shortened != NULL ? shortened : text,
               shortened != NULL ? "…" : "", describe_kind (kind));
}

static void
check_candidate (BuilderColumn *column,
                 IwdTableKind   kind,
                 const char    *text)
{
  gint64 value;

  if (!(column->candidates & CANDIDATE (kind)))
    return;

  if (!parse_as_kind (kind, text, &value))
    column->candidates &= ~CANDIDATE (kind);
  else if (kind == IWD_TABLE_KIND_DATE && !is_midnight (value))
    column->any_time = TRUE;
}

static void
note_decimal (BuilderColumn *column,
              const char    *text)
{
  gint64 value;

  if (column->amount_key && !column->any_decimal)
    column->any_decimal = iwd_text_parse_decimal (text, &value, NULL);
}

/* Reads the plain forms that fill large files at once: a plain number
 * is never a date, and a plain date never a number. Returns FALSE when
 * @text has neither form, and the full parsers must decide. */
static gboolean
narrow_by_plain_form (BuilderColumn *column,
                      const char    *text,
                      gsize          length)
{
  gint64 value;
  gboolean whole;
  gboolean has_time;

  if (iwd_text_scan_plain_decimal (text, length, &value, &whole))
    {
      column->candidates &= ~CANDIDATE (IWD_TABLE_KIND_DATE);
      if (!whole)
        column->candidates &= ~CANDIDATE (IWD_TABLE_KIND_INTEGER);
      column->any_decimal = TRUE;
      return TRUE;
    }

  if (iwd_text_scan_plain_date (text, length, &value, &has_time))
    {
      column->candidates &= ~(CANDIDATE (IWD_TABLE_KIND_INTEGER)
                              | CANDIDATE (IWD_TABLE_KIND_DECIMAL));
      column->any_time = column->any_time || !is_midnight (value);
      return TRUE;
    }

  return FALSE;
}

/* Only JSON's literal booleans make a BOOLEAN column: "1" and "0" alone
 * are more likely counts or codes. A value that starts with a letter is
 * neither a number nor a date, which spares the parsers most text. */
static void
narrow_candidates (BuilderColumn *column,
                   const char    *text,
                   gsize          length)
{
  if ((column->candidates & CANDIDATE (IWD_TABLE_KIND_BOOLEAN))
      && !g_str_equal (text, "true") && !g_str_equal (text, "false"))
    column->candidates &= ~CANDIDATE (IWD_TABLE_KIND_BOOLEAN);

  if (has_leading_zero (text))
    column->candidates &= ~(CANDIDATE (IWD_TABLE_KIND_INTEGER)
                            | CANDIDATE (IWD_TABLE_KIND_DECIMAL));

  if (g_ascii_isalpha (text[0]))
    {
      column->candidates &= CANDIDATE (IWD_TABLE_KIND_BOOLEAN);
      return;
    }

  if (narrow_by_plain_form (column, text, length))
    return;

  check_candidate (column, IWD_TABLE_KIND_DATE, text);
  check_candidate (column, IWD_TABLE_KIND_INTEGER, text);
  check_candidate (column, IWD_TABLE_KIND_DECIMAL, text);
}

/* A value that the arena already contained, a repeated town or date,
 * was checked when it first came, so only new values narrow the kinds. */
static gboolean
set_inferred_cell (BuilderColumn  *column,
                   guint           row,
                   const char     *text,
                   gsize           length,
                   GError        **error)
{
  gsize arena_length = column->storage->arena_length;
  const char *stored_text;

  if (!iwd_table_column_set_text (column->storage, row, text, length, error))
    return FALSE;

  if (column->storage->arena_length == arena_length)
    return TRUE;

  stored_text = iwd_table_column_get_text (column->storage, row);
  if (column->candidates != 0)
    narrow_candidates (column, stored_text, length);
  note_decimal (column, stored_text);

  return TRUE;
}

static gboolean
set_fixed_cell (BuilderColumn  *column,
                guint           row,
                const char     *text,
                gsize           length,
                GError        **error)
{
  IwdTableKind kind = column->storage->kind;
  g_autofree char *copy = NULL;
  gint64 value;

  if (kind == IWD_TABLE_KIND_TEXT)
    return iwd_table_column_set_text (column->storage, row, text, length, error);

  if (scan_plain_kind (kind, text, length, &value))
    {
      column->any_time = column->any_time || (kind == IWD_TABLE_KIND_DATE && !is_midnight (value));
      iwd_table_column_set_int64 (column->storage, row, value);
      return TRUE;
    }

  copy = g_strndup (text, length);
  if (!parse_as_kind (kind, copy, &value))
    {
      set_value_error (error, row, column->storage, kind, copy);
      return FALSE;
    }

  if (kind == IWD_TABLE_KIND_DATE && !is_midnight (value))
    column->any_time = TRUE;

  iwd_table_column_set_int64 (column->storage, row, value);
  return TRUE;
}

/* TODO: a column of dd/mm/yyyy dates with one impossible date, such as
 * 29/02/2023, silently stays TEXT, unlike an amount column. */
static IwdTableKind
choose_kind (BuilderColumn *column)
{
  guint candidates = column->n_values > 0 ? column->candidates : 0;

  if (candidates & CANDIDATE (IWD_TABLE_KIND_BOOLEAN))
    return IWD_TABLE_KIND_BOOLEAN;
  if (candidates & CANDIDATE (IWD_TABLE_KIND_DATE))
    return column->any_time ? IWD_TABLE_KIND_DATETIME : IWD_TABLE_KIND_DATE;
  /* An amount column without values is still an amount column, so that
   * a statement of its header alone totals 0,00 €. */
  if (column->amount_key && (column->n_values == 0 || column->any_decimal))
    return IWD_TABLE_KIND_MONEY;
  if (candidates & CANDIDATE (IWD_TABLE_KIND_INTEGER))
    return IWD_TABLE_KIND_INTEGER;
  if (candidates & CANDIDATE (IWD_TABLE_KIND_DECIMAL))
    return IWD_TABLE_KIND_DECIMAL;

  return IWD_TABLE_KIND_TEXT;
}

/* Converts each distinct text once: an interned column of a million
 * dates contains only a few hundred, and @memo keeps each one's value by
 * its arena offset. @memo is NULL when the arena is too large for it. */
static gboolean
convert_cell (IwdTableColumn  *text_storage,
              guint            row,
              IwdTableKind     kind,
              MemoEntry       *memo,
              gint64          *out_value,
              GError         **error)
{
  const char *text = iwd_table_column_get_text (text_storage, row);
  guint32 offset = text_storage->offsets[row];

  if (memo != NULL && memo[offset].known)
    {
      *out_value = memo[offset].value;
      return TRUE;
    }

  if (!parse_as_kind (kind, text, out_value))
    {
      set_value_error (error, row, text_storage, kind, text);
      return FALSE;
    }

  if (memo != NULL)
    memo[offset] = (MemoEntry) { *out_value, TRUE };
  return TRUE;
}

static IwdTableColumn *
convert_storage (IwdTableColumn  *text_storage,
                 IwdTableKind     kind,
                 GError         **error)
{
  g_autoptr(IwdTableColumn) converted = iwd_table_column_new (text_storage->key, kind);
  g_autofree MemoEntry *memo = NULL;

  converted->custom_label = g_strdup (text_storage->custom_label);
  if (text_storage->arena_length <= MAX_MEMO_ARENA)
    memo = g_new0 (MemoEntry, text_storage->arena_length);

  for (guint row = 0; row < text_storage->n_cells; row++)
    {
      gint64 value;

      iwd_table_column_append_null (converted);
      if (iwd_table_column_is_null (text_storage, row))
        continue;

      if (!convert_cell (text_storage, row, kind, memo, &value, error))
        return NULL;

      iwd_table_column_set_int64 (converted, row, value);
    }

  return g_steal_pointer (&converted);
}

static gboolean
settle_column (BuilderColumn  *column,
               GError        **error)
{
  IwdTableColumn *converted;
  IwdTableKind kind;

  if (column->fixed)
    {
      if (column->storage->kind == IWD_TABLE_KIND_DATE && column->any_time)
        column->storage->kind = IWD_TABLE_KIND_DATETIME;
      return TRUE;
    }

  kind = choose_kind (column);
  if (kind == IWD_TABLE_KIND_TEXT)
    return TRUE;

  converted = convert_storage (column->storage, kind, error);
  if (converted == NULL)
    return FALSE;

  iwd_table_column_free (column->storage);
  column->storage = converted;
  return TRUE;
}

static guint
add_column (IwdTableBuilder *self,
            const char      *key)
{
  BuilderColumn *column = g_new0 (BuilderColumn, 1);
  const char *label_msgid;
  IwdTableKind kind;

  column->fixed = iwd_table_schema_lookup (key, &label_msgid, &kind);
  column->candidates = column->fixed ? 0 : ALL_CANDIDATES;
  column->amount_key = iwd_table_schema_looks_like_amount (key);
  column->storage = iwd_table_column_new (key, column->fixed ? kind : IWD_TABLE_KIND_TEXT);
  column->storage->label_msgid = label_msgid;

  for (guint row = 0; row < self->n_rows; row++)
    iwd_table_column_append_null (column->storage);

  g_ptr_array_add (self->columns, column);
  g_hash_table_insert (self->index_by_key, g_strdup (key),
                       GUINT_TO_POINTER (self->columns->len));
  return self->columns->len - 1;
}

static void
iwd_table_builder_finalize (GObject *object)
{
  IwdTableBuilder *self = IWD_TABLE_BUILDER (object);

  g_clear_pointer (&self->columns, g_ptr_array_unref);
  g_clear_pointer (&self->index_by_key, g_hash_table_unref);

  G_OBJECT_CLASS (iwd_table_builder_parent_class)->finalize (object);
}

static void
iwd_table_builder_class_init (IwdTableBuilderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_table_builder_finalize;
}

static void
iwd_table_builder_init (IwdTableBuilder *self)
{
  self->columns = g_ptr_array_new_with_free_func (builder_column_free);
  self->index_by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * iwd_table_builder_new:
 *
 * Creates a builder with no columns and no rows.
 *
 * Returns: (transfer full): a new builder
 */
IwdTableBuilder *
iwd_table_builder_new (void)
{
  return g_object_new (IWD_TYPE_TABLE_BUILDER, NULL);
}

/**
 * iwd_table_builder_ensure_column:
 * @self: a builder
 * @key: the column's key: a dotted JSON path or a TSV header
 *
 * Finds the column with this key, or adds it. A column added after some
 * rows are complete is empty in those rows.
 *
 * Returns: the column's index
 */
guint
iwd_table_builder_ensure_column (IwdTableBuilder *self,
                                 const char      *key)
{
  gpointer index_plus_one;

  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), 0);
  g_return_val_if_fail (key != NULL, 0);
  g_return_val_if_fail (!self->built, 0);

  index_plus_one = g_hash_table_lookup (self->index_by_key, key);
  if (index_plus_one != NULL)
    return GPOINTER_TO_UINT (index_plus_one) - 1;

  return add_column (self, key);
}

/**
 * iwd_table_builder_set_column_label:
 * @self: a builder
 * @column: a column index
 * @label: a translated label, shown in place of the key
 *
 * Gives a column a label of the caller's, such as "Column 3" for a TSV
 * column whose header is empty.
 */
void
iwd_table_builder_set_column_label (IwdTableBuilder *self,
                                    guint            column,
                                    const char      *label)
{
  IwdTableColumn *storage;

  g_return_if_fail (IWD_IS_TABLE_BUILDER (self));
  g_return_if_fail (column < self->columns->len);

  storage = get_column (self, column)->storage;
  g_free (storage->custom_label);
  storage->custom_label = g_strdup (label);
}

/**
 * iwd_table_builder_get_n_rows:
 * @self: a builder
 *
 * Returns: the number of rows ended with iwd_table_builder_end_row()
 */
guint
iwd_table_builder_get_n_rows (IwdTableBuilder *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), 0);

  return self->n_rows;
}

/**
 * iwd_table_builder_get_column_key:
 * @self: a builder
 * @column: a column index
 *
 * Returns: the column's key
 */
const char *
iwd_table_builder_get_column_key (IwdTableBuilder *self,
                                  guint            column)
{
  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return get_column (self, column)->storage->key;
}

/**
 * iwd_table_builder_get_column_kind:
 * @self: a builder
 * @column: a column index
 *
 * Gives the kind that a column's values must have so far: the fixed kind
 * of a key the API documents, or %IWD_TABLE_KIND_TEXT while the kind is
 * still inferred.
 *
 * Returns: the column's kind
 */
IwdTableKind
iwd_table_builder_get_column_kind (IwdTableBuilder *self,
                                   guint            column)
{
  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), IWD_TABLE_KIND_TEXT);
  g_return_val_if_fail (column < self->columns->len, IWD_TABLE_KIND_TEXT);

  return get_column (self, column)->storage->kind;
}

/**
 * iwd_table_builder_set_cell:
 * @self: a builder
 * @column: a column index
 * @text: (nullable): the value as UTF-8 text, not necessarily
 *   NUL-terminated; JSON numbers as they are written, booleans as `true`
 *   or `false`
 * @length: the length of @text in bytes
 * @error: return location for a #GError
 *
 * Sets a cell of the current row. %NULL or an empty string leaves the
 * cell empty. Setting a cell twice keeps the second value, as JSON
 * readers do with a repeated key.
 *
 * Returns: %TRUE, or %FALSE with %IWD_PARSE_ERROR_VALUE naming the row,
 *   the column and the value if the column has a fixed kind that the
 *   value does not fit
 */
gboolean
iwd_table_builder_set_cell (IwdTableBuilder  *self,
                            guint             column,
                            const char       *text,
                            gsize             length,
                            GError          **error)
{
  BuilderColumn *stored;

  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), FALSE);
  g_return_val_if_fail (column < self->columns->len, FALSE);
  g_return_val_if_fail (!self->built, FALSE);

  stored = get_column (self, column);
  if (stored->storage->n_cells == self->n_rows)
    iwd_table_column_append_null (stored->storage);
  else if (!iwd_table_column_is_null (stored->storage, self->n_rows))
    stored->n_values--;

  if (text == NULL || length == 0)
    {
      iwd_table_column_set_null (stored->storage, self->n_rows);
      return TRUE;
    }

  stored->n_values++;
  if (stored->fixed)
    return set_fixed_cell (stored, self->n_rows, text, length, error);
  return set_inferred_cell (stored, self->n_rows, text, length, error);
}

/**
 * iwd_table_builder_end_row:
 * @self: a builder
 *
 * Completes the current row, leaving the cells it did not set empty.
 */
void
iwd_table_builder_end_row (IwdTableBuilder *self)
{
  g_return_if_fail (IWD_IS_TABLE_BUILDER (self));
  g_return_if_fail (!self->built);

  for (guint i = 0; i < self->columns->len; i++)
    {
      IwdTableColumn *storage = get_column (self, i)->storage;

      if (storage->n_cells == self->n_rows)
        iwd_table_column_append_null (storage);
    }

  self->n_rows++;
}

/**
 * iwd_table_builder_build:
 * @self: a builder
 * @error: return location for a #GError
 *
 * Settles the kind of each inferred column and hands the cells over to a
 * new table. A row that was not ended is dropped. The builder cannot be
 * used afterwards.
 *
 * Returns: (transfer full): the table, or %NULL with @error set
 */
IwdTable *
iwd_table_builder_build (IwdTableBuilder  *self,
                         GError          **error)
{
  g_autoptr(GPtrArray) storages = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);

  g_return_val_if_fail (IWD_IS_TABLE_BUILDER (self), NULL);
  g_return_val_if_fail (!self->built, NULL);

  self->built = TRUE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      BuilderColumn *column = get_column (self, i);

      column->storage->n_cells = self->n_rows;
      if (!settle_column (column, error))
        return NULL;

      iwd_table_column_compact (column->storage);
      g_ptr_array_add (storages, g_steal_pointer (&column->storage));
    }

  return iwd_table_new_for_columns (g_steal_pointer (&storages), self->n_rows);
}
