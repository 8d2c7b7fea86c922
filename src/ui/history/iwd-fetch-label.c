/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The words that name a stored fetch: its date, and its row count. */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-fetch-label.h"

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
 * Names a fetch in a list of fetches by its date and row count.
 *
 * TODO: two fetches in the same minute with the same row count get the
 * same label.
 *
 * Returns: (transfer full): the text, such as "04/12/2026 14:32, 40
 *   contracts"
 */
char *
iwd_fetch_label_new (const IwdHistoryFetch *fetch)
{
  g_autoptr(GDateTime) when = NULL;
  g_autofree char *date = NULL;

  g_return_val_if_fail (fetch != NULL, NULL);

  when = g_date_time_new_from_unix_local (fetch->fetched_at);
  date = iwd_fetch_label_format_date (when);

  if (fetch->kind == IWD_HISTORY_KIND_COMMISSIONS)
    /* Translators: %s is a date and time, %u a number of commission lines. */
    return g_strdup_printf (ngettext ("%s, %u line", "%s, %u lines", fetch->row_count),
                            date, fetch->row_count);

  /* Translators: %s is a date and time, %u a number of insurance contracts. */
  return g_strdup_printf (ngettext ("%s, %u contract", "%s, %u contracts", fetch->row_count),
                          date, fetch->row_count);
}
