/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/* The maximum length of a cell's displayed text, in characters. */
#define IWD_CELL_MAX_CHARS 1000

/* U+202F NARROW NO-BREAK SPACE groups thousands and U+00A0 NO-BREAK SPACE
 * comes before the euro sign, as in French typography. */
#define IWD_CELL_THOUSANDS_SEPARATOR "\xE2\x80\xAF"
#define IWD_CELL_CURRENCY_SPACE "\xC2\xA0"

char       *iwd_cell_format_money    (gint64        ten_thousandths);
char       *iwd_cell_format_decimal  (gint64        ten_thousandths);
char       *iwd_cell_format_rate     (gint64        ten_thousandths);
char       *iwd_cell_format_integer  (gint64        value);
char       *iwd_cell_format_date     (gint64        seconds);
char       *iwd_cell_format_datetime (gint64        seconds);
const char *iwd_cell_format_boolean  (gboolean      value);

char       *iwd_cell_format_number   (IwdTableKind  kind,
                                      gint64        value);
char       *iwd_cell_format          (IwdTable     *table,
                                      guint         row,
                                      guint         column);
gboolean    iwd_cell_format_is_numeric (IwdTableKind kind);
gboolean    iwd_cell_format_is_rate    (IwdTable    *table,
                                        guint        column);
gboolean    iwd_cell_format_is_blank_column (IwdTable *table,
                                             guint     column);

G_END_DECLS
