/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Money and other decimals are integers scaled by 10^4, because the API
 * sends four decimals and sums of doubles drift. */
#define IWD_DECIMAL_SCALE 10000

const char *iwd_text_sniff (const char  *data,
                            gsize        length,
                            gsize       *out_length,
                            gboolean    *out_windows_1252,
                            GError     **error);

char     *iwd_text_to_utf8     (const char  *data,
                                gsize        length,
                                gsize       *out_length,
                                GError     **error);

char    **iwd_text_split_lines (const char  *utf8,
                                gsize        length);

gboolean  iwd_text_parse_decimal  (const char *text,
                                   gint64     *out_scaled,
                                   GError    **error);

gboolean  iwd_text_parse_integer  (const char *text,
                                   gint64     *out_value,
                                   GError    **error);

gboolean  iwd_text_parse_datetime (const char *text,
                                   gint64     *out_seconds,
                                   gboolean   *out_has_time,
                                   GError    **error);

char     *iwd_text_fold_for_search (const char *utf8);

G_END_DECLS
