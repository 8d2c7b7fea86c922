/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * IwdInternTable:
 *
 * Finds whether a column's arena already contains a text, so that a
 * repeated value is stored once. It keeps only each text's arena offset
 * and hash, in one open-addressing array, and compares a candidate with
 * the arena's own copy. A #GHashTable would need a copy of each key and
 * a strcmp() per probe, which a million-line statement pays millions of
 * times.
 */

#include <string.h>

#include "iwd-intern-table.h"

#define FIRST_N_SLOTS 64

/* FNV-1a, 32 bits. */
#define HASH_OFFSET_BASIS 2166136261u
#define HASH_PRIME 16777619u

typedef struct {
  guint32 offset_plus_one;       /* 0 for an empty slot */
  guint32 hash;
} Slot;

struct _IwdInternTable
{
  Slot  *slots;                  /* owned */
  guint  n_slots;                /* a power of two */
  guint  n_used;
};

static guint32
hash_text (const char *text,
           gsize       length)
{
  guint32 hash = HASH_OFFSET_BASIS;

  for (gsize i = 0; i < length; i++)
    hash = (hash ^ (guchar) text[i]) * HASH_PRIME;

  return hash;
}

static Slot *
find_free_slot (Slot    *slots,
                guint    n_slots,
                guint32  hash)
{
  guint mask = n_slots - 1;
  guint index = hash & mask;

  while (slots[index].offset_plus_one != 0)
    index = (index + 1) & mask;

  return &slots[index];
}

/* Doubles the array and places every slot again by its stored hash. */
static void
grow (IwdInternTable *table)
{
  guint n_slots = table->n_slots * 2;
  Slot *slots = g_new0 (Slot, n_slots);

  for (guint i = 0; i < table->n_slots; i++)
    {
      if (table->slots[i].offset_plus_one != 0)
        *find_free_slot (slots, n_slots, table->slots[i].hash) = table->slots[i];
    }

  g_free (table->slots);
  table->slots = slots;
  table->n_slots = n_slots;
}

/**
 * iwd_intern_table_new:
 *
 * Creates an empty table.
 *
 * Returns: (transfer full): the table
 */
IwdInternTable *
iwd_intern_table_new (void)
{
  IwdInternTable *table = g_new0 (IwdInternTable, 1);

  table->n_slots = FIRST_N_SLOTS;
  table->slots = g_new0 (Slot, table->n_slots);
  return table;
}

/**
 * iwd_intern_table_free:
 * @table: (nullable): a table
 *
 * Frees the table. The arena is the caller's.
 */
void
iwd_intern_table_free (IwdInternTable *table)
{
  if (table == NULL)
    return;

  g_free (table->slots);
  g_free (table);
}

/**
 * iwd_intern_table_lookup:
 * @table: a table
 * @arena: the arena of NUL-terminated texts that the offsets point into
 * @text: (array length=length): the text to find, not NUL-terminated
 * @length: its length in bytes
 * @out_offset: (out): the arena offset of the same text
 *
 * Finds the text among those inserted.
 *
 * Returns: %TRUE if the arena contains the text
 */
gboolean
iwd_intern_table_lookup (IwdInternTable *table,
                         const char     *arena,
                         const char     *text,
                         gsize           length,
                         guint32        *out_offset)
{
  guint32 hash = hash_text (text, length);
  guint mask = table->n_slots - 1;

  for (guint index = hash & mask; table->slots[index].offset_plus_one != 0; index = (index + 1) & mask)
    {
      const Slot *slot = &table->slots[index];
      const char *stored = arena + slot->offset_plus_one - 1;

      if (slot->hash == hash && memcmp (stored, text, length) == 0 && stored[length] == '\0')
        {
          *out_offset = slot->offset_plus_one - 1;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * iwd_intern_table_insert:
 * @table: a table
 * @text: (array length=length): a text that the table does not contain
 * @length: its length in bytes
 * @offset: where the arena stores it
 *
 * Adds a text, known by its arena offset.
 */
void
iwd_intern_table_insert (IwdInternTable *table,
                         const char     *text,
                         gsize           length,
                         guint32         offset)
{
  guint32 hash = hash_text (text, length);
  Slot *slot;

  g_assert (offset < G_MAXUINT32);

  if ((table->n_used + 1) * 2 > table->n_slots)
    grow (table);

  slot = find_free_slot (table->slots, table->n_slots, hash);
  slot->offset_plus_one = offset + 1;
  slot->hash = hash;
  table->n_used++;
}

/**
 * iwd_intern_table_size:
 * @table: a table
 *
 * Returns: the number of texts inserted
 */
guint
iwd_intern_table_size (IwdInternTable *table)
{
  return table->n_used;
}
