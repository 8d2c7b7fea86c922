/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-cli-records.h"
#include "iwd-export-values.h"

/*
 * IwdCliRecords:
 *
 * The rows that a remote command prints, kept as JSON objects so that
 * the JSON output has typed values (numbers, booleans, lists) and the
 * text and CSV outputs are written from the same rows.
 */
struct _IwdCliRecords {
  const IwdCliColumn *columns;    /* unowned, static */
  gsize               n_columns;
  JsonArray          *rows;       /* owned, of JsonObject */
};

static char *
render_scalar (JsonNode     *value,
               IwdCliFormat  format)
{
  GType type = json_node_get_value_type (value);

  if (type == G_TYPE_BOOLEAN && format == IWD_CLI_FORMAT_TEXT)
    return g_strdup (json_node_get_boolean (value) ? _("yes") : _("no"));

  if (type == G_TYPE_BOOLEAN)
    return g_strdup (json_node_get_boolean (value) ? "true" : "false");

  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (value));

  if (type == G_TYPE_STRING)
    return g_strdup (json_node_get_string (value));

  /* The commands put no doubles in their rows, because a double cannot
   * hold an amount exactly. */
  return g_strdup ("");
}

static char *
render_list (JsonArray    *list,
             IwdCliFormat  format)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < json_array_get_length (list); i++)
    {
      g_autofree char *item = iwd_cli_render_value (json_array_get_element (list, i), format);

      if (i > 0)
        g_string_append (text, ", ");

      g_string_append (text, item);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

static char *
render_cell (IwdCliRecords *self,
             JsonObject    *row,
             gsize          column,
             IwdCliFormat   format)
{
  const IwdCliColumn *info = &self->columns[column];
  JsonNode *value = json_object_get_member (row, info->key);

  if (info->render != NULL)
    return info->render (value, format);

  return iwd_cli_render_value (value, format);
}

static char *
format_json (IwdCliRecords *self)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_node_new (JSON_NODE_ARRAY);
  g_autofree char *text = NULL;

  json_node_set_array (root, self->rows);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  text = json_generator_to_data (generator, NULL);

  return g_strconcat (text, "\n", NULL);
}

static GPtrArray *
render_rows (IwdCliRecords *self,
             IwdCliFormat   format)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < json_array_get_length (self->rows); i++)
    {
      JsonObject *row = json_array_get_object_element (self->rows, i);
      GStrv cells = g_new0 (char *, self->n_columns + 1);

      for (gsize j = 0; j < self->n_columns; j++)
        cells[j] = render_cell (self, row, j, format);

      g_ptr_array_add (rows, cells);
    }

  return rows;
}

static char *
format_csv (IwdCliRecords *self)
{
  g_autoptr(GPtrArray) rows = render_rows (self, IWD_CLI_FORMAT_CSV);
  g_autofree const char **keys = g_new0 (const char *, self->n_columns + 1);
  GString *out = g_string_new (NULL);

  for (gsize i = 0; i < self->n_columns; i++)
    keys[i] = self->columns[i].key;

  iwd_export_csv_append_record (out, keys, self->n_columns, ',', "\n");
  for (guint i = 0; i < rows->len; i++)
    iwd_export_csv_append_record (out, g_ptr_array_index (rows, i), self->n_columns,
                                  ',', "\n");

  return g_string_free (out, FALSE);
}

static char *
format_text (IwdCliRecords *self)
{
  g_autoptr(GPtrArray) rows = render_rows (self, IWD_CLI_FORMAT_TEXT);
  g_autofree const char **labels = g_new0 (const char *, self->n_columns + 1);

  for (gsize i = 0; i < self->n_columns; i++)
    labels[i] = _(self->columns[i].label);

  return iwd_cli_format_text_table (labels, self->n_columns, rows);
}

/**
 * iwd_cli_render_value:
 * @value: (nullable): a JSON value
 * @format: %IWD_CLI_FORMAT_TEXT or %IWD_CLI_FORMAT_CSV
 *
 * Writes a cell's value as text. Strings stay as they are and integers
 * are written in decimal. Booleans become a translated "yes" or "no" in
 * text output, and `true` or `false` in CSV. Lists become their items
 * separated by ", ", and %NULL or null an empty string.
 *
 * Returns: (transfer full): the value as text
 */
char *
iwd_cli_render_value (JsonNode     *value,
                      IwdCliFormat  format)
{
  if (value == NULL || JSON_NODE_HOLDS_NULL (value))
    return g_strdup ("");

  if (JSON_NODE_HOLDS_ARRAY (value))
    return render_list (json_node_get_array (value), format);

  if (JSON_NODE_HOLDS_VALUE (value))
    return render_scalar (value, format);

  return g_strdup ("");
}

/**
 * iwd_cli_records_new:
 * @columns: (array length=n_columns): the columns, static
 * @n_columns: the number of columns
 *
 * Creates an empty set of rows to print.
 *
 * Returns: (transfer full): the rows
 */
IwdCliRecords *
iwd_cli_records_new (const IwdCliColumn *columns,
                     gsize               n_columns)
{
  IwdCliRecords *self = g_new0 (IwdCliRecords, 1);

  self->columns = columns;
  self->n_columns = n_columns;
  self->rows = json_array_new ();

  return self;
}

/**
 * iwd_cli_records_free:
 * @self: (transfer full): rows
 *
 * Frees the rows.
 */
void
iwd_cli_records_free (IwdCliRecords *self)
{
  g_clear_pointer (&self->rows, json_array_unref);
  g_free (self);
}

/**
 * iwd_cli_records_append_row:
 * @self: rows
 *
 * Adds an empty row, whose members the caller sets by column key.
 *
 * Returns: (transfer none): the new row
 */
JsonObject *
iwd_cli_records_append_row (IwdCliRecords *self)
{
  JsonObject *row = json_object_new ();

  json_array_add_object_element (self->rows, row);

  return row;
}

/**
 * iwd_cli_records_get_n_rows:
 * @self: rows
 *
 * Counts the rows.
 *
 * Returns: the number of rows
 */
guint
iwd_cli_records_get_n_rows (IwdCliRecords *self)
{
  return json_array_get_length (self->rows);
}

/**
 * iwd_cli_records_format:
 * @self: rows
 * @format: the output format
 *
 * Writes the rows: a table with translated titles for a terminal, CSV
 * with the column keys as header, or a pretty-printed JSON array of the
 * row objects.
 *
 * Returns: (transfer full): the output, ending with a line end
 */
char *
iwd_cli_records_format (IwdCliRecords *self,
                        IwdCliFormat   format)
{
  switch (format)
    {
    case IWD_CLI_FORMAT_JSON:
      return format_json (self);
    case IWD_CLI_FORMAT_CSV:
      return format_csv (self);
    case IWD_CLI_FORMAT_TEXT:
    default:
      return format_text (self);
    }
}
