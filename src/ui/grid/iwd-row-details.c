/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-row-details.h"

#include <json-glib/json-glib.h>

#include "iwd-cell-format.h"
#include "iwd-grid-resources.h"

/**
 * IwdRowDetails:
 *
 * The side panel of the grid that lists every field of one row, label
 * above value, formatted as the grid formats its cells. Text cells that
 * contain JSON, such as the members, fleets and funds that the contracts
 * parser keeps as JSON text, are shown pretty-printed.
 */
struct _IwdRowDetails
{
  GtkWidget   parent_instance;

  GtkListBox *field_list;   /* template child */
};

G_DEFINE_FINAL_TYPE (IwdRowDetails, iwd_row_details, GTK_TYPE_WIDGET)

static gboolean
looks_like_json (const char *text)
{
  return text[0] == '[' || text[0] == '{';
}

/* Returns NULL unless @text parses as a JSON array or object. */
static char *
pretty_print_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!looks_like_json (text) || !json_parser_load_from_data (parser, text, -1, NULL))
    return NULL;

  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_HOLDS_VALUE (root) || JSON_NODE_HOLDS_NULL (root))
    return NULL;

  return json_to_string (root, TRUE);
}

static GtkWidget *
make_field_row (const char *label,
                const char *value,
                gboolean    is_json)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (label);
  GtkWidget *text = gtk_label_new (value);

  gtk_widget_set_margin_start (box, 8);
  gtk_widget_set_margin_end (box, 8);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);

  gtk_label_set_xalign (GTK_LABEL (title), 0.0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_widget_add_css_class (title, "caption-heading");
  gtk_widget_add_css_class (title, "dim-label");

  gtk_label_set_xalign (GTK_LABEL (text), 0.0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  /* An empty selectable label would still be a Tab stop, with no name. */
  gtk_label_set_selectable (GTK_LABEL (text), value[0] != '\0');
  if (is_json)
    gtk_widget_add_css_class (text, "monospace");

  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

/* GTK 4.8 left some of the list's rows, which take the keyboard focus,
 * with no name, so each row is labelled by its field's label and value. */
static void
append_field_row (GtkListBox *list,
                  const char *label,
                  const char *value,
                  gboolean    is_json)
{
  GtkWidget *field = make_field_row (label, value, is_json);

  gtk_list_box_append (list, field);
  gtk_accessible_update_relation (GTK_ACCESSIBLE (gtk_widget_get_parent (field)),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY,
                                  gtk_widget_get_first_child (field),
                                  gtk_widget_get_last_child (field),
                                  NULL,
                                  -1);
}

static void
remove_fields (IwdRowDetails *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->field_list, 0)) != NULL)
    gtk_list_box_remove (self->field_list, GTK_WIDGET (row));
}

static void
iwd_row_details_dispose (GObject *object)
{
  GtkWidget *child;

  /* gtk_widget_dispose_template() unparents only the bound children, so
   * the scrolled window is unparented here. */
  gtk_widget_dispose_template (GTK_WIDGET (object), IWD_TYPE_ROW_DETAILS);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iwd_row_details_parent_class)->dispose (object);
}

static void
iwd_row_details_class_init (IwdRowDetailsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_row_details_dispose;

  (void) iwd_grid_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/grid/iwd-row-details.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdRowDetails, field_list);
}

static void
iwd_row_details_init (IwdRowDetails *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iwd_row_details_new:
 *
 * Creates a details panel that shows no row.
 *
 * Returns: (transfer full): a new details panel
 */
GtkWidget *
iwd_row_details_new (void)
{
  return g_object_new (IWD_TYPE_ROW_DETAILS, NULL);
}

/**
 * iwd_row_details_format_cell:
 * @table: a table
 * @row: a row of @table
 * @column: a column of @table
 *
 * Formats a cell for the details panel: as the grid does, except that
 * text holding a JSON array or object is pretty-printed with indents.
 *
 * Returns: (transfer full): the text to show, "" for an empty cell
 */
char *
iwd_row_details_format_cell (IwdTable *table,
                             guint     row,
                             guint     column)
{
  char *pretty;

  g_return_val_if_fail (IWD_IS_TABLE (table), NULL);

  if (iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_TEXT
      && !iwd_table_is_null (table, row, column))
    {
      pretty = pretty_print_json (iwd_table_get_text (table, row, column));
      if (pretty != NULL)
        return pretty;
    }

  return iwd_cell_format (table, row, column);
}

/**
 * iwd_row_details_set_row:
 * @self: a details panel
 * @table: (nullable): the table of the row, or %NULL to show no row
 * @row: the row to show, or %G_MAXUINT to show no row
 *
 * Lists every field of a row, empty ones too, in column order, except
 * the columns that iwd_cell_format_is_blank_column() leaves out.
 */
void
iwd_row_details_set_row (IwdRowDetails *self,
                         IwdTable      *table,
                         guint          row)
{
  g_return_if_fail (IWD_IS_ROW_DETAILS (self));
  g_return_if_fail (table == NULL || IWD_IS_TABLE (table));

  remove_fields (self);
  if (table == NULL || row >= iwd_table_get_n_rows (table))
    return;

  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      g_autofree char *value = NULL;
      gboolean is_json;

      if (iwd_cell_format_is_blank_column (table, column))
        continue;

      value = iwd_row_details_format_cell (table, row, column);
      is_json = iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_TEXT
                && strchr (value, '\n') != NULL;

      append_field_row (self->field_list, iwd_table_get_column_label (table, column), value, is_json);
    }
}
