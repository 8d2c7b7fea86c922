/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-intern-table.h"

/* Appends a text and its NUL to the arena, as a column does, and
 * returns its offset. */
static guint32
append_text (GString    *arena,
             const char *text)
{
  guint32 offset = arena->len;

  g_string_append_len (arena, text, strlen (text) + 1);
  return offset;
}

static void
test_found_after_growth (void)
{
  g_autoptr(IwdInternTable) table = iwd_intern_table_new ();
  g_autoptr(GString) arena = g_string_new (NULL);
  g_autofree guint32 *offsets = g_new (guint32, 5000);

  for (guint i = 0; i < 5000; i++)
    {
      g_autofree char *text = g_strdup_printf ("ville %u", i);

      offsets[i] = append_text (arena, text);
      iwd_intern_table_insert (table, text, strlen (text), offsets[i]);
    }

  g_assert_cmpuint (iwd_intern_table_size (table), ==, 5000);
  for (guint i = 0; i < 5000; i += 7)
    {
      g_autofree char *text = g_strdup_printf ("ville %u", i);
      guint32 offset = G_MAXUINT32;

      g_assert_true (iwd_intern_table_lookup (table, arena->str, text, strlen (text), &offset));
      g_assert_cmpuint (offset, ==, offsets[i]);
    }
}

/* A prefix of a stored text, or a text that a stored one prefixes, is
 * another text. The text looked up need not end with a NUL. */
static void
test_prefixes_differ (void)
{
  g_autoptr(IwdInternTable) table = iwd_intern_table_new ();
  g_autoptr(GString) arena = g_string_new (NULL);
  guint32 offset = append_text (arena, "LYON");
  guint32 found = G_MAXUINT32;

  iwd_intern_table_insert (table, "LYON", 4, offset);

  g_assert_false (iwd_intern_table_lookup (table, arena->str, "LYO", 3, &found));
  g_assert_false (iwd_intern_table_lookup (table, arena->str, "LYONS", 5, &found));
  g_assert_true (iwd_intern_table_lookup (table, arena->str, "LYON\tNICE", 4, &found));
  g_assert_cmpuint (found, ==, offset);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/intern-table/found-after-growth", test_found_after_growth);
  g_test_add_func ("/intern-table/prefixes-differ", test_prefixes_differ);

  return g_test_run ();
}
