/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdTableKind:
 * @IWD_TABLE_KIND_TEXT: UTF-8 text
 * @IWD_TABLE_KIND_INTEGER: a whole number, as #gint64
 * @IWD_TABLE_KIND_DECIMAL: a number in ten-thousandths (%IWD_DECIMAL_SCALE)
 * @IWD_TABLE_KIND_MONEY: an amount in euros, in ten-thousandths of a euro
 * @IWD_TABLE_KIND_DATE: a day, as Unix seconds at midnight UTC
 * @IWD_TABLE_KIND_DATETIME: a day and time without time zone, as Unix
 *   seconds read as UTC
 * @IWD_TABLE_KIND_BOOLEAN: 0 or 1
 *
 * The type of the values of one table column. Every kind but
 * %IWD_TABLE_KIND_TEXT is read with iwd_table_get_int64().
 */
typedef enum {
  IWD_TABLE_KIND_TEXT,
  IWD_TABLE_KIND_INTEGER,
  IWD_TABLE_KIND_DECIMAL,
  IWD_TABLE_KIND_MONEY,
  IWD_TABLE_KIND_DATE,
  IWD_TABLE_KIND_DATETIME,
  IWD_TABLE_KIND_BOOLEAN,
} IwdTableKind;

#define IWD_TYPE_TABLE (iwd_table_get_type ())

G_DECLARE_FINAL_TYPE (IwdTable, iwd_table, IWD, TABLE, GObject)

guint         iwd_table_get_n_rows       (IwdTable   *self);
guint         iwd_table_get_n_columns    (IwdTable   *self);
gboolean      iwd_table_find_column      (IwdTable   *self,
                                          const char *key,
                                          guint      *out_column);
const char   *iwd_table_get_column_key   (IwdTable   *self,
                                          guint       column);
const char   *iwd_table_get_column_label (IwdTable   *self,
                                          guint       column);
IwdTableKind  iwd_table_get_column_kind  (IwdTable   *self,
                                          guint       column);

gboolean      iwd_table_is_null          (IwdTable   *self,
                                          guint       row,
                                          guint       column);
const char   *iwd_table_get_text         (IwdTable   *self,
                                          guint       row,
                                          guint       column);
gint64        iwd_table_get_int64        (IwdTable   *self,
                                          guint       row,
                                          guint       column);
char         *iwd_table_dup_cell_string  (IwdTable   *self,
                                          guint       row,
                                          guint       column);
gboolean      iwd_table_sum_column       (IwdTable   *self,
                                          guint       column,
                                          gint64     *out_total);
gsize         iwd_table_get_memory_size  (IwdTable   *self);

G_END_DECLS
