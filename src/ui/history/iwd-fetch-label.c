/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The words that name a stored fetch: its date, and its row count. */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-fetch-label.h"

/* How precisely a label distinguishes a fetch from the others of its list. */
typedef enum {
  PRECISION_MINUTE,
  PRECISION_SECOND,
  PRECISION_ID,
} Precision;

static char *
format_seconds (gint64 fetched_at)
{
  g_autoptr(GDateTime) when = g_date_time_new_from_unix_local (fetched_at);

  /* Translators: the date and time of a download to the second, in the
   * syntax of g_date_time_format() (strftime), for two downloads made
   * in the same minute. */
  /* xgettext:no-c-format */
  return g_date_time_format (when, C_("fetch date", "%d/%m/%Y %H:%M:%S"));
}

static char *
format_fetch_date (const IwdHistoryFetch *fetch,
                   Precision              precision)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *seconds = NULL;
  g_autofree char *id = NULL;

  if (precision == PRECISION_MINUTE)
    {
      when = g_date_time_new_from_unix_local (fetch->fetched_at);
      return iwd_fetch_label_format_date (when);
    }

  seconds = format_seconds (fetch->fetched_at);
  if (precision == PRECISION_SECOND)
    return g_steal_pointer (&seconds);

  id = g_strdup_printf ("%" G_GINT64_FORMAT, fetch->id);
  /* Translators: %s is a date and time to the second, then the number
   * of a download in the local history, for two downloads made in the
   * same second. */
  return g_strdup_printf (_("%s (no. %s)"), seconds, id);
}

static char *
format_label (const IwdHistoryFetch *fetch,
              Precision              precision)
{
  g_autofree char *date = format_fetch_date (fetch, precision);

  if (fetch->kind == IWD_HISTORY_KIND_COMMISSIONS)
    /* Translators: %s is a date and time, %u a number of commission lines. */
    return g_strdup_printf (ngettext ("%s, %u line", "%s, %u lines", fetch->row_count),
                            date, fetch->row_count);

  /* Translators: %s is a date and time, %u a number of insurance contracts. */
  return g_strdup_printf (ngettext ("%s, %u contract", "%s, %u contracts", fetch->row_count),
                          date, fetch->row_count);
}

static void
count_fetch (GHashTable *counts,
             gint64      key)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));
  gint64 *owned_key = g_memdup2 (&key, sizeof key);

  g_hash_table_replace (counts, owned_key, GUINT_TO_POINTER (count + 1));
}

static guint
lookup_count (GHashTable *counts,
              gint64      key)
{
  return GPOINTER_TO_UINT (g_hash_table_lookup (counts, &key));
}

/**
 * iwd_fetch_label_format_date:
 * @when: when a fetch was made
 *
 * Formats the date and time of a fetch in local time, to the minute.
 *
 * Returns: (transfer full): the text, such as "04/12/2026 14:32"
 */
char *
iwd_fetch_label_format_date (GDateTime *when)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (when != NULL, NULL);

  local = g_date_time_to_local (when);
  /* Translators: the date and time of a download, in the syntax of
   * g_date_time_format() (strftime). */
  /* xgettext:no-c-format */
  return g_date_time_format (local, C_("fetch date", "%d/%m/%Y %H:%M"));
}

/**
 * iwd_fetch_label_new:
 * @fetch: a stored fetch
 *
 * Names a fetch by its date, to the minute, and its row count.
 *
 * Returns: (transfer full): the text, such as "04/12/2026 14:32, 40
 *   contracts"
 */
char *
iwd_fetch_label_new (const IwdHistoryFetch *fetch)
{
  g_return_val_if_fail (fetch != NULL, NULL);

  return format_label (fetch, PRECISION_MINUTE);
}

/**
 * iwd_fetch_label_new_list:
 * @fetches: (element-type IwdHistoryFetch): stored fetches
 *
 * Names each fetch of a list so that no two labels are the same, as
 * iwd_fetch_label_new() does. A fetch that shares its minute with
 * another gets its time to the second, and one that shares its second
 * too gets its number in the store as well.
 *
 * Returns: (transfer full) (array zero-terminated=1): the labels, in
 *   the order of @fetches
 */
GStrv
iwd_fetch_label_new_list (GPtrArray *fetches)
{
  g_autoptr(GHashTable) per_minute = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) per_second = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GStrvBuilder) labels = g_strv_builder_new ();

  g_return_val_if_fail (fetches != NULL, NULL);

  for (guint i = 0; i < fetches->len; i++)
    {
      const IwdHistoryFetch *fetch = g_ptr_array_index (fetches, i);

      count_fetch (per_minute, fetch->fetched_at / 60);
      count_fetch (per_second, fetch->fetched_at);
    }

  for (guint i = 0; i < fetches->len; i++)
    {
      const IwdHistoryFetch *fetch = g_ptr_array_index (fetches, i);
      Precision precision = PRECISION_MINUTE;

      if (lookup_count (per_second, fetch->fetched_at) > 1)
        precision = PRECISION_ID;
      else if (lookup_count (per_minute, fetch->fetched_at / 60) > 1)
        precision = PRECISION_SECOND;

      g_autofree char *label = format_label (fetch, precision);

      g_strv_builder_add (labels, label);
    }

  return g_strv_builder_end (labels);
}
