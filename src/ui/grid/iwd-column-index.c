/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For memmem(). */
#define _GNU_SOURCE

#include "iwd-column-index.h"

#include <string.h>

#include "iwd-cell-format.h"
#include "iwd-text.h"

/* Numbers are sorted 16 bits at a time: four passes at most, with
 * counts that fit in the processor's cache. */
#define RADIX_BITS 16
#define RADIX_BUCKETS (1u << RADIX_BITS)

typedef struct {
  gint64  value;
  guint32 row;
} NumberCell;

static int
compare_collation_keys (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  char **keys = user_data;
  guint32 id_a = *(const guint32 *) a;
  guint32 id_b = *(const guint32 *) b;
  int result = strcmp (keys[id_a], keys[id_b]);

  if (result != 0)
    return result;

  return (id_a > id_b) - (id_a < id_b);
}

/* Gives each distinct text an id in order of first appearance. The
 * table's strings are borrowed, because the index keeps the table. */
static void
index_texts (IwdColumnIndex *index)
{
  g_autoptr(GHashTable) ids_by_text = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) texts = g_ptr_array_new ();

  for (guint row = 0; row < index->n_rows; row++)
    {
      const char *text = iwd_table_get_text (index->table, row, index->column);
      gpointer id;

      if (text == NULL || *text == '\0')
        {
          index->ids[row] = IWD_COLUMN_INDEX_EMPTY;
          continue;
        }

      if (!g_hash_table_lookup_extended (ids_by_text, text, NULL, &id))
        {
          id = GUINT_TO_POINTER (texts->len);
          g_hash_table_insert (ids_by_text, (gpointer) text, id);
          g_ptr_array_add (texts, (gpointer) text);
        }
      index->ids[row] = GPOINTER_TO_UINT (id);
    }

  index->n_distinct = texts->len;
  index->texts = (const char **) g_ptr_array_free (g_steal_pointer (&texts), FALSE);
}

static NumberCell *
collect_number_cells (IwdColumnIndex *index,
                      guint          *out_n_cells)
{
  NumberCell *cells = g_new (NumberCell, MAX (index->n_rows, 1));
  guint n_cells = 0;

  for (guint row = 0; row < index->n_rows; row++)
    {
      if (iwd_table_is_null (index->table, row, index->column))
        {
          index->ids[row] = IWD_COLUMN_INDEX_EMPTY;
          continue;
        }

      cells[n_cells].value = iwd_table_get_int64 (index->table, row, index->column);
      cells[n_cells].row = row;
      n_cells++;
    }

  *out_n_cells = n_cells;
  return cells;
}

/* Maps a value to an unsigned key of the same order. */
static guint64
sort_key (gint64 value)
{
  return (guint64) value ^ G_GUINT64_CONSTANT (0x8000000000000000);
}

/* Moves the cells into @out by one RADIX_BITS digit of their keys,
 * keeping the order of equal digits. Returns FALSE, moving nothing, when
 * every cell has the same digit, so that the pass can be skipped. */
static gboolean
radix_pass (const NumberCell *cells,
            NumberCell       *out,
            guint             n_cells,
            guint             shift,
            guint            *counts)
{
  guint position = 0;

  memset (counts, 0, RADIX_BUCKETS * sizeof (guint));
  for (guint i = 0; i < n_cells; i++)
    counts[(sort_key (cells[i].value) >> shift) & (RADIX_BUCKETS - 1)]++;

  for (guint bucket = 0; bucket < RADIX_BUCKETS; bucket++)
    {
      guint count = counts[bucket];

      if (count == n_cells)
        return FALSE;
      counts[bucket] = position;
      position += count;
    }

  for (guint i = 0; i < n_cells; i++)
    out[counts[(sort_key (cells[i].value) >> shift) & (RADIX_BUCKETS - 1)]++] = cells[i];

  return TRUE;
}

/* Sorts the cells by value, and rows in load order within a value. A
 * stable radix sort reads each cell at most four times, where qsort()
 * compares it about twenty times on a million rows. Returns the sorted
 * array, @cells or @spare. */
static NumberCell *
sort_number_cells (NumberCell *cells,
                   NumberCell *spare,
                   guint       n_cells)
{
  g_autofree guint *counts = g_new (guint, RADIX_BUCKETS);

  for (guint shift = 0; shift < 64; shift += RADIX_BITS)
    {
      NumberCell *swap;

      if (!radix_pass (cells, spare, n_cells, shift, counts))
        continue;

      swap = cells;
      cells = spare;
      spare = swap;
    }

  return cells;
}

/* Sorts the cells by value once and numbers the distinct values in
 * ascending order, so that a number's id is its rank. */
static void
index_numbers (IwdColumnIndex *index)
{
  g_autofree NumberCell *collected = NULL;
  g_autofree NumberCell *spare = NULL;
  NumberCell *cells;
  guint n_cells;

  collected = collect_number_cells (index, &n_cells);
  spare = g_new (NumberCell, MAX (n_cells, 1));
  cells = sort_number_cells (collected, spare, n_cells);

  index->numbers = g_new (gint64, MAX (n_cells, 1));
  for (guint i = 0; i < n_cells; i++)
    {
      if (index->n_distinct == 0
          || index->numbers[index->n_distinct - 1] != cells[i].value)
        index->numbers[index->n_distinct++] = cells[i].value;

      index->ids[cells[i].row] = index->n_distinct - 1;
    }

  index->numbers = g_renew (gint64, index->numbers, MAX (index->n_distinct, 1));

  index->n_ranks = index->n_distinct;
}

/* Ranks the distinct texts by the collation of LC_COLLATE. Two texts
 * with the same collation key share a rank. */
static void
rank_texts (IwdColumnIndex *index)
{
  guint n_distinct = index->n_distinct;
  g_autofree guint32 *order = g_new (guint32, MAX (n_distinct, 1));
  g_auto(GStrv) keys = g_new0 (char *, n_distinct + 1);
  guint32 rank = 0;

  for (guint32 id = 0; id < n_distinct; id++)
    {
      keys[id] = g_utf8_collate_key (index->texts[id], -1);
      order[id] = id;
    }
  g_qsort_with_data (order, n_distinct, sizeof (guint32), compare_collation_keys, keys);

  index->ranks = g_new (guint32, MAX (n_distinct, 1));
  for (guint i = 0; i < n_distinct; i++)
    {
      if (i > 0 && strcmp (keys[order[i]], keys[order[i - 1]]) != 0)
        rank++;
      index->ranks[order[i]] = rank;
    }

  index->n_ranks = n_distinct > 0 ? rank + 1 : 0;
}

static void
ensure_ranks (IwdColumnIndex *index)
{
  if (index->kind == IWD_TABLE_KIND_TEXT && index->ranks == NULL)
    rank_texts (index);
}

static gboolean
is_ascii (const char *text)
{
  for (const char *byte = text; *byte != '\0'; byte++)
    {
      if ((guchar) *byte >= 0x80)
        return FALSE;
    }

  return TRUE;
}

/* Appends the text folded as iwd_text_fold_for_search() folds it, and a
 * NUL. ASCII text only needs lower case, which skips the Unicode
 * normalization of each of a million policy numbers. */
static void
append_folded (GString    *folded,
               const char *text)
{
  g_autofree char *unicode_folded = NULL;

  if (is_ascii (text))
    {
      for (const char *byte = text; *byte != '\0'; byte++)
        g_string_append_c (folded, g_ascii_tolower (*byte));
    }
  else
    {
      unicode_folded = iwd_text_fold_for_search (text);
      g_string_append (folded, unicode_folded);
    }

  g_string_append_c (folded, '\0');
}

/* Amounts and decimals are matched without their grouping spaces, so
 * that "1 234,5" and "1234,5" both find 1 234,50 €. */
static gboolean
ignores_spaces (IwdTableKind kind)
{
  return kind == IWD_TABLE_KIND_MONEY || kind == IWD_TABLE_KIND_DECIMAL;
}

/* Drops every Unicode space, the no-break spaces of French numbers too. */
static char *
remove_spaces (const char *text)
{
  GString *result = g_string_sized_new (strlen (text));

  for (const char *next = text; *next != '\0'; next = g_utf8_next_char (next))
    {
      gunichar character = g_utf8_get_char (next);

      if (!g_unichar_isspace (character))
        g_string_append_unichar (result, character);
    }

  return g_string_free (result, FALSE);
}

static void
append_folded_value (IwdColumnIndex *index,
                     GString        *folded,
                     guint32         id)
{
  g_autofree char *formatted = NULL;
  g_autofree char *compact = NULL;

  if (index->kind == IWD_TABLE_KIND_TEXT)
    {
      append_folded (folded, index->texts[id]);
      return;
    }

  formatted = iwd_cell_format_number (index->kind, index->numbers[id]);
  if (!ignores_spaces (index->kind))
    {
      append_folded (folded, formatted);
      return;
    }

  compact = remove_spaces (formatted);
  append_folded (folded, compact);
}

/* Keeps the folded values in one block rather than one allocation each,
 * which saves the allocator's overhead on a million distinct values. */
static void
ensure_folded (IwdColumnIndex *index)
{
  GString *folded;

  if (index->folded != NULL)
    return;

  folded = g_string_sized_new (index->n_distinct * 8 + 1);
  index->folded_offsets = g_new (gsize, MAX (index->n_distinct, 1));
  for (guint32 id = 0; id < index->n_distinct; id++)
    {
      index->folded_offsets[id] = folded->len;
      append_folded_value (index, folded, id);
    }

  index->folded_length = folded->len;
  index->folded = g_string_free (folded, FALSE);
}

/* Gives a row's bucket for the counting sort: its rank in the requested
 * direction, or the last bucket for an empty cell. */
static guint32
get_bucket (IwdColumnIndex *index,
            guint           row,
            gboolean        descending)
{
  guint32 rank = iwd_column_index_get_rank (index, row);

  if (rank == IWD_COLUMN_INDEX_EMPTY)
    return index->n_ranks;

  return descending ? index->n_ranks - 1 - rank : rank;
}

/**
 * iwd_column_index_new:
 * @table: a table
 * @column: a column index of @table
 *
 * Gives each row of the column the id of its distinct value. This reads
 * every cell once, and sorts them for the kinds that are numbers.
 *
 * Returns: (transfer full): the column's index
 */
IwdColumnIndex *
iwd_column_index_new (IwdTable *table,
                      guint     column)
{
  IwdColumnIndex *index = g_new0 (IwdColumnIndex, 1);

  index->table = g_object_ref (table);
  index->column = column;
  index->kind = iwd_table_get_column_kind (table, column);
  index->n_rows = iwd_table_get_n_rows (table);
  index->ids = g_new (guint32, MAX (index->n_rows, 1));

  if (index->kind == IWD_TABLE_KIND_TEXT)
    index_texts (index);
  else
    index_numbers (index);

  return index;
}

void
iwd_column_index_free (IwdColumnIndex *index)
{
  if (index == NULL)
    return;

  g_clear_object (&index->table);
  g_free (index->ids);
  g_free (index->texts);
  g_free (index->numbers);
  g_free (index->ranks);
  g_free (index->folded);
  g_free (index->folded_offsets);
  g_free (index);
}

/**
 * iwd_column_index_is_ranked:
 * @index: a column index
 *
 * Tells whether the ranks are computed. Sorting a ranked index only
 * reads it, so a thread may sort it while the main thread searches it.
 *
 * Returns: %TRUE for a number column, or a text column sorted before
 */
gboolean
iwd_column_index_is_ranked (IwdColumnIndex *index)
{
  return index->kind != IWD_TABLE_KIND_TEXT || index->ranks != NULL;
}

/**
 * iwd_column_index_get_rank:
 * @index: a column index
 * @row: a row of the table
 *
 * Gets the rank of the row's value in ascending order, computing the
 * collation keys of a text column on the first call.
 *
 * Returns: the rank, or %IWD_COLUMN_INDEX_EMPTY for an empty cell
 */
guint32
iwd_column_index_get_rank (IwdColumnIndex *index,
                           guint           row)
{
  guint32 id = index->ids[row];

  if (id == IWD_COLUMN_INDEX_EMPTY)
    return IWD_COLUMN_INDEX_EMPTY;

  ensure_ranks (index);
  return index->ranks != NULL ? index->ranks[id] : id;
}

/**
 * iwd_column_index_sort:
 * @index: a column index
 * @descending: whether the largest values come first
 * @out_rows: (out caller-allocates): room for one row index per row
 *
 * Writes the table's rows in order of the column's values, with a
 * counting sort over the ranks: stable, so rows of equal values keep
 * their load order in both directions, and empty cells come last in
 * both directions.
 */
void
iwd_column_index_sort (IwdColumnIndex *index,
                       gboolean        descending,
                       guint32        *out_rows)
{
  g_autofree guint32 *starts = NULL;

  ensure_ranks (index);
  starts = g_new0 (guint32, index->n_ranks + 2);

  for (guint row = 0; row < index->n_rows; row++)
    starts[get_bucket (index, row, descending) + 1]++;

  for (guint bucket = 1; bucket <= index->n_ranks + 1; bucket++)
    starts[bucket] += starts[bucket - 1];

  for (guint row = 0; row < index->n_rows; row++)
    out_rows[starts[get_bucket (index, row, descending)]++] = row;
}

/**
 * iwd_column_index_prepare_search:
 * @index: a column index
 *
 * Folds the displayed text of each distinct value now, as the first
 * iwd_column_index_match() would, so that a worker thread can do it.
 */
void
iwd_column_index_prepare_search (IwdColumnIndex *index)
{
  ensure_folded (index);
}

/**
 * iwd_column_index_adopt:
 * @index: a column index
 * @other: (transfer full): another index of the same table and column
 *
 * Moves to @index the ranks and folded values that it lacks from @other,
 * then frees @other. Both have the same ids, because ids follow the
 * order of the table's rows. Writing only fields that are still NULL
 * leaves alone what a thread that sorts @index reads.
 */
void
iwd_column_index_adopt (IwdColumnIndex *index,
                        IwdColumnIndex *other)
{
  g_assert (other->table == index->table && other->column == index->column);

  if (index->ranks == NULL && other->ranks != NULL)
    {
      index->ranks = g_steal_pointer (&other->ranks);
      index->n_ranks = other->n_ranks;
    }

  if (index->folded == NULL && other->folded != NULL)
    {
      index->folded = g_steal_pointer (&other->folded);
      index->folded_offsets = g_steal_pointer (&other->folded_offsets);
      index->folded_length = other->folded_length;
    }

  iwd_column_index_free (other);
}

/**
 * iwd_column_index_is_searchable:
 * @kind: a column kind
 *
 * Tells whether the search looks into columns of this kind. Booleans are
 * left out, because a search for "no" would find every false cell.
 *
 * Returns: %TRUE for every kind but booleans
 */
gboolean
iwd_column_index_is_searchable (IwdTableKind kind)
{
  return kind != IWD_TABLE_KIND_BOOLEAN;
}

/* Finds the id whose folded value contains the byte at @offset: the last
 * id that starts at or before it. */
static guint32
find_id_at (IwdColumnIndex *index,
            gsize           offset)
{
  guint32 low = 0;
  guint32 high = index->n_distinct;

  while (high - low > 1)
    {
      guint32 middle = low + (high - low) / 2;

      if (index->folded_offsets[middle] <= offset)
        low = middle;
      else
        high = middle;
    }

  return low;
}

/**
 * iwd_column_index_match:
 * @index: a column index
 * @folded_needle: a text folded with iwd_text_fold_for_search()
 * @out_n_matched: (out): the number of distinct values that match
 *
 * Tells, for each distinct value, whether its displayed text, folded the
 * same way, contains @folded_needle. Spaces are ignored in amounts and
 * decimals. The folded values are computed on the first call and kept.
 *
 * The folded values lie in one block, separated by NULs that a needle
 * cannot contain, so one memmem() pass over the block finds every match,
 * and each hit skips to the next value.
 *
 * Returns: (transfer full): one byte per id, 1 for a match
 */
guint8 *
iwd_column_index_match (IwdColumnIndex *index,
                        const char     *folded_needle,
                        guint          *out_n_matched)
{
  guint8 *matches = g_new0 (guint8, MAX (index->n_distinct, 1));
  g_autofree char *compact_needle = NULL;
  const char *needle = folded_needle;
  gsize needle_length;
  gsize offset = 0;

  if (ignores_spaces (index->kind))
    needle = compact_needle = remove_spaces (folded_needle);

  ensure_folded (index);
  needle_length = strlen (needle);
  *out_n_matched = 0;

  while (index->n_distinct > 0 && offset < index->folded_length)
    {
      const char *hit = memmem (index->folded + offset, index->folded_length - offset,
                                needle, needle_length);
      guint32 id;

      if (hit == NULL)
        break;

      id = find_id_at (index, hit - index->folded);
      matches[id] = 1;
      (*out_n_matched)++;
      offset = id + 1 < index->n_distinct ? index->folded_offsets[id + 1] : index->folded_length;
    }

  return matches;
}
