/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-column.h"

#include "iwd-parse-error.h"

#define FIRST_ALLOCATION 64
#define FIRST_ARENA_SIZE 256

/* Interning pays for columns of repeated values. Once a column has this
 * many distinct values and most of its cells are distinct (policy
 * numbers, names), the lookup table costs more than it saves. */
#define INTERN_MIN_DISTINCT 4096

static gsize
bitmap_size (guint n_cells)
{
  return (n_cells + 7) / 8;
}

static void
grow_cells (IwdTableColumn *column)
{
  guint old_allocated = column->n_allocated;
  guint new_allocated = MAX (FIRST_ALLOCATION, old_allocated * 2);

  if (column->kind == IWD_TABLE_KIND_TEXT)
    column->offsets = g_renew (guint32, column->offsets, new_allocated);
  else
    column->numbers = g_renew (gint64, column->numbers, new_allocated);

  column->nulls = g_realloc (column->nulls, bitmap_size (new_allocated));
  memset (column->nulls + bitmap_size (old_allocated), 0,
          bitmap_size (new_allocated) - bitmap_size (old_allocated));
  column->n_allocated = new_allocated;
}

static void
set_null_bit (IwdTableColumn *column,
              guint           row,
              gboolean        is_null)
{
  guint8 mask = 1u << (row % 8);

  if (is_null)
    column->nulls[row / 8] |= mask;
  else
    column->nulls[row / 8] &= ~mask;
}

static gboolean
reserve_arena (IwdTableColumn  *column,
               gsize            length,
               GError         **error)
{
  gsize needed = column->arena_length + length + 1;

  if (needed > G_MAXUINT32)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
                   "column “%s” has more than 4 GiB of text, the maximum for one column",
                   column->key);
      return FALSE;
    }

  if (needed <= column->arena_allocated)
    return TRUE;

  column->arena_allocated = MAX (needed, column->arena_allocated * 2);
  column->arena = g_realloc (column->arena, column->arena_allocated);
  return TRUE;
}

static void
drop_interning_if_unprofitable (IwdTableColumn *column)
{
  guint n_distinct = iwd_intern_table_size (column->interned);

  if (n_distinct < INTERN_MIN_DISTINCT || n_distinct * 2 < column->n_cells)
    return;

  g_clear_pointer (&column->interned, iwd_intern_table_free);
}

/* Writes the text at the end of the arena, unless the arena contains it
 * already. Returns the text's offset. */
static guint32
store_text (IwdTableColumn *column,
            const char     *text,
            gsize           length)
{
  guint32 offset = column->arena_length;
  guint32 existing;

  if (column->interned != NULL
      && iwd_intern_table_lookup (column->interned, column->arena, text, length, &existing))
    return existing;

  memcpy (column->arena + offset, text, length);
  column->arena[offset + length] = '\0';
  column->arena_length += length + 1;

  if (column->interned != NULL)
    {
      iwd_intern_table_insert (column->interned, text, length, offset);
      drop_interning_if_unprofitable (column);
    }

  return offset;
}

IwdTableColumn *
iwd_table_column_new (const char   *key,
                      IwdTableKind  kind)
{
  IwdTableColumn *column = g_new0 (IwdTableColumn, 1);

  column->key = g_strdup (key);
  column->kind = kind;

  if (kind == IWD_TABLE_KIND_TEXT)
    {
      column->arena_allocated = FIRST_ARENA_SIZE;
      column->arena = g_malloc (column->arena_allocated);
      column->arena[0] = '\0';
      column->arena_length = 1;
      column->interned = iwd_intern_table_new ();
    }

  return column;
}

void
iwd_table_column_free (IwdTableColumn *column)
{
  if (column == NULL)
    return;

  g_free (column->key);
  g_free (column->custom_label);
  g_free (column->numbers);
  g_free (column->offsets);
  g_free (column->nulls);
  g_free (column->arena);
  g_clear_pointer (&column->interned, iwd_intern_table_free);
  g_free (column);
}

void
iwd_table_column_append_null (IwdTableColumn *column)
{
  if (column->n_cells == column->n_allocated)
    grow_cells (column);

  column->n_cells++;
  iwd_table_column_set_null (column, column->n_cells - 1);
}

void
iwd_table_column_set_null (IwdTableColumn *column,
                           guint           row)
{
  g_assert (row < column->n_cells);

  if (column->kind == IWD_TABLE_KIND_TEXT)
    column->offsets[row] = 0;
  else
    column->numbers[row] = 0;

  set_null_bit (column, row, TRUE);
}

void
iwd_table_column_set_int64 (IwdTableColumn *column,
                            guint           row,
                            gint64          value)
{
  g_assert (row < column->n_cells);
  g_assert (column->kind != IWD_TABLE_KIND_TEXT);

  column->numbers[row] = value;
  set_null_bit (column, row, FALSE);
}

gboolean
iwd_table_column_set_text (IwdTableColumn  *column,
                           guint            row,
                           const char      *text,
                           gsize            length,
                           GError         **error)
{
  g_assert (row < column->n_cells);
  g_assert (column->kind == IWD_TABLE_KIND_TEXT);

  if (!reserve_arena (column, length, error))
    return FALSE;

  column->offsets[row] = store_text (column, text, length);
  set_null_bit (column, row, FALSE);
  return TRUE;
}

gboolean
iwd_table_column_is_null (IwdTableColumn *column,
                          guint           row)
{
  g_assert (row < column->n_cells);

  return (column->nulls[row / 8] >> (row % 8)) & 1;
}

gint64
iwd_table_column_get_int64 (IwdTableColumn *column,
                            guint           row)
{
  g_assert (row < column->n_cells);
  g_assert (column->kind != IWD_TABLE_KIND_TEXT);

  return column->numbers[row];
}

const char *
iwd_table_column_get_text (IwdTableColumn *column,
                           guint           row)
{
  g_assert (row < column->n_cells);
  g_assert (column->kind == IWD_TABLE_KIND_TEXT);

  if (iwd_table_column_is_null (column, row))
    return NULL;

  return column->arena + column->offsets[row];
}

/* Gives back the slack of the doubling growth and the interning table,
 * which a finished column no longer needs. */
void
iwd_table_column_compact (IwdTableColumn *column)
{
  guint n_cells = MAX (column->n_cells, 1);

  if (column->kind == IWD_TABLE_KIND_TEXT)
    column->offsets = g_renew (guint32, column->offsets, n_cells);
  else
    column->numbers = g_renew (gint64, column->numbers, n_cells);

  column->nulls = g_realloc (column->nulls, bitmap_size (n_cells));
  column->n_allocated = n_cells;

  if (column->arena != NULL)
    {
      column->arena = g_realloc (column->arena, column->arena_length);
      column->arena_allocated = column->arena_length;
    }

  g_clear_pointer (&column->interned, iwd_intern_table_free);
}

gsize
iwd_table_column_memory_size (IwdTableColumn *column)
{
  gsize cell_size = column->kind == IWD_TABLE_KIND_TEXT ? sizeof (guint32)
                                                         : sizeof (gint64);

  return sizeof (IwdTableColumn)
         + column->n_allocated * cell_size
         + bitmap_size (column->n_allocated)
         + column->arena_allocated;
}

/* Allocates exactly @n_cells cells, where growing by doubling could
 * overshoot by nearly as many. */
static void
reserve_cells (IwdTableColumn *column,
               guint           n_cells)
{
  if (column->kind == IWD_TABLE_KIND_TEXT)
    column->offsets = g_renew (guint32, column->offsets, n_cells);
  else
    column->numbers = g_renew (gint64, column->numbers, n_cells);

  column->nulls = g_realloc (column->nulls, bitmap_size (n_cells));
  memset (column->nulls, 0, bitmap_size (n_cells));
  column->n_allocated = n_cells;
}

/* Copies @part's cells to @joined from row @first, adding @arena_base to
 * text offsets. The part's kind is the joined one, or it has no values. */
static void
copy_part (IwdTableColumn *joined,
           IwdTableColumn *part,
           guint           first,
           gsize           arena_base)
{
  for (guint row = 0; row < part->n_cells; row++)
    {
      gboolean is_null = iwd_table_column_is_null (part, row);

      set_null_bit (joined, first + row, is_null);
      if (joined->kind == IWD_TABLE_KIND_TEXT)
        joined->offsets[first + row] = is_null ? 0 : part->offsets[row] + arena_base;
      else
        joined->numbers[first + row] = is_null ? 0 : part->numbers[row];
    }

  if (joined->kind == IWD_TABLE_KIND_TEXT && part->kind == IWD_TABLE_KIND_TEXT)
    memcpy (joined->arena + arena_base, part->arena, part->arena_length);
}

static gsize
count_arena (IwdTableColumn **parts,
             guint            n_parts)
{
  gsize length = 0;

  for (guint i = 0; i < n_parts; i++)
    length += parts[i]->kind == IWD_TABLE_KIND_TEXT ? parts[i]->arena_length : 0;

  return length;
}

/* Joins the cells of a column that was read in parts, and frees the
 * parts. iwd_table_join_rows() has checked that each part either has
 * @kind, a date kind where @kind is DATETIME, or no values. */
IwdTableColumn *
iwd_table_column_join (IwdTableColumn **parts,
                       guint            n_parts,
                       IwdTableKind     kind)
{
  IwdTableColumn *joined = iwd_table_column_new (parts[0]->key, kind);
  guint n_cells = 0;
  gsize arena_base = 0;
  guint first = 0;

  joined->label_msgid = parts[0]->label_msgid;
  joined->custom_label = g_strdup (parts[0]->custom_label);
  g_clear_pointer (&joined->interned, iwd_intern_table_free);

  for (guint i = 0; i < n_parts; i++)
    n_cells += parts[i]->n_cells;

  reserve_cells (joined, MAX (n_cells, 1));
  joined->n_cells = n_cells;

  if (kind == IWD_TABLE_KIND_TEXT)
    {
      joined->arena_allocated = MAX (count_arena (parts, n_parts), 1);
      joined->arena = g_realloc (joined->arena, joined->arena_allocated);
      joined->arena[0] = '\0';
    }

  for (guint i = 0; i < n_parts; i++)
    {
      copy_part (joined, parts[i], first, arena_base);
      first += parts[i]->n_cells;
      arena_base += parts[i]->kind == IWD_TABLE_KIND_TEXT ? parts[i]->arena_length : 0;
      iwd_table_column_free (parts[i]);
    }

  joined->arena_length = kind == IWD_TABLE_KIND_TEXT ? MAX (arena_base, 1) : 0;
  iwd_table_column_compact (joined);
  return joined;
}
