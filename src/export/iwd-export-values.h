/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * IwdExportTime:
 * @date: the day
 * @hour: 0 to 23
 * @minute: 0 to 59
 * @second: 0 to 59
 *
 * A table's date or date-time split into its calendar fields.
 */
typedef struct {
  GDate date;
  guint hour;
  guint minute;
  guint second;
} IwdExportTime;

char     *iwd_export_format_scaled     (gint64               scaled,
                                        guint                min_decimals,
                                        char                 decimal_mark);

gboolean  iwd_export_split_time        (gint64               seconds,
                                        IwdExportTime       *out_time);

void      iwd_export_csv_append_field  (GString             *out,
                                        const char          *value,
                                        char                 separator);
void      iwd_export_csv_append_record (GString             *out,
                                        const char * const  *values,
                                        gsize                n_values,
                                        char                 separator,
                                        const char          *line_end);

void      iwd_export_json_append_string (GString            *out,
                                         const char         *value);

G_END_DECLS
