/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

#include "iwd-cli-output.h"

G_BEGIN_DECLS

/**
 * IwdCliCellRenderer:
 * @value: (nullable): the cell's value, %NULL when the row has none
 * @format: %IWD_CLI_FORMAT_TEXT or %IWD_CLI_FORMAT_CSV
 *
 * Writes a cell whose JSON value has no obvious text form, such as a list
 * of objects.
 *
 * Returns: (transfer full): the cell's text
 */
typedef char *(*IwdCliCellRenderer) (JsonNode     *value,
                                     IwdCliFormat  format);

/**
 * IwdCliColumn:
 * @key: the JSON key of the cell in each row, and the CSV header
 * @label: the column title in text output, untranslated (marked with N_())
 * @render: (nullable): how to write the cell as text, %NULL for the
 *   default rendering of scalars and lists of scalars
 *
 * One column of a command's output.
 */
typedef struct {
  const char         *key;
  const char         *label;
  IwdCliCellRenderer  render;
} IwdCliColumn;

typedef struct _IwdCliRecords IwdCliRecords;

IwdCliRecords *iwd_cli_records_new        (const IwdCliColumn *columns,
                                           gsize               n_columns);
void           iwd_cli_records_free       (IwdCliRecords      *self);

JsonObject    *iwd_cli_records_append_row (IwdCliRecords      *self);
guint          iwd_cli_records_get_n_rows (IwdCliRecords      *self);

char          *iwd_cli_records_format     (IwdCliRecords      *self,
                                           IwdCliFormat        format);

char          *iwd_cli_render_value       (JsonNode           *value,
                                           IwdCliFormat        format);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdCliRecords, iwd_cli_records_free)

G_END_DECLS
