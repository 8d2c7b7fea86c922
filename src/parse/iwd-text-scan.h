/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean iwd_text_is_utf8            (const char *data,
                                      gsize       length);

void     iwd_text_append_windows_1252 (GString    *out,
                                       const char *data,
                                       gsize       length);

gboolean iwd_text_scan_plain_decimal (const char *text,
                                      gsize       length,
                                      gint64     *out_scaled,
                                      gboolean   *out_whole);

gboolean iwd_text_scan_plain_date    (const char *text,
                                      gsize       length,
                                      gint64     *out_seconds,
                                      gboolean   *out_has_time);

G_END_DECLS
