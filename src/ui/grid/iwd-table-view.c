/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-view-private.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iwd-cell-format.h"
#include "iwd-column-sorter.h"
#include "iwd-commissions-summary.h"
#include "iwd-grid-resources.h"
#include "iwd-table-row.h"

/**
 * IwdTableView:
 *
 * The grid of a table of contracts, commissions or a local file. Above
 * it sit a search entry with a choice of the columns it searches, a
 * Sort menu, a column chooser and an export menu. The column view has one resizable
 * and sortable column per table column, and a side panel lists every
 * field of the selected row. A line below counts the rows shown and
 * totals their amounts.
 * A table that looks like commissions also gets a summary by company and
 * by month, in place of the column view while it is toggled on.
 *
 * Cells are formatted in French only when they are shown. A click on a
 * header, or a column chosen in the Sort menu, sorts the #IwdTableModel
 * by that column in a worker thread, and the search entry filters it as
 * the user types.
 */
G_DEFINE_FINAL_TYPE (IwdTableView, iwd_table_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_SORT_KEY,
  PROP_SORT_ORDER,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static guint
get_factory_column (GtkSignalListItemFactory *factory)
{
  return GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (factory), IWD_TABLE_VIEW_COLUMN_DATA));
}

/* Joins "label amount" pairs for each money column, summed exactly over
 * the rows shown. */
static char *
format_totals (IwdTableView *self)
{
  IwdTable *table = iwd_table_model_get_table (self->model);
  g_autoptr(GString) totals = g_string_new (NULL);

  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      g_autofree char *amount = NULL;
      gint64 total;

      if (iwd_table_get_column_kind (table, column) != IWD_TABLE_KIND_MONEY)
        continue;

      if (iwd_table_model_sum_column (self->model, column, &total))
        amount = iwd_cell_format_money (total);
      else
        /* Translators: shown in place of a total too large to count */
        amount = g_strdup (_("overflow"));

      if (totals->len > 0)
        g_string_append (totals, "   ");
      /* Translators: a column's label and the total of its amounts, "Prime TTC: 1 234,56 €" */
      g_string_append_printf (totals, _("%s: %s"), iwd_table_get_column_label (table, column), amount);
    }

  return g_string_free (g_steal_pointer (&totals), FALSE);
}

/* NOTE: the summary is rebuilt on the main thread at each change of the
 * rows shown while it is visible, which costs one hash lookup per row. */
static void
refresh_summary (IwdTableView *self)
{
  g_autofree guint *rows = NULL;
  guint n_rows;

  if (!gtk_toggle_button_get_active (self->summary_button))
    return;

  rows = iwd_table_model_dup_rows (self->model, &n_rows);
  iwd_summary_panel_set_rows (self->summary_panel, iwd_table_model_get_table (self->model),
                              rows, n_rows);
}

static void
update_status (IwdTableView *self)
{
  g_autofree char *totals = format_totals (self);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->model));
  guint n_rows = iwd_table_get_n_rows (iwd_table_model_get_table (self->model));
  g_autofree char *status = NULL;

  /* Translators: the rows that the search keeps, of all the table's rows.
   * The ' flag groups thousands as the locale does, "1 000 000" in French. */
  status = g_strdup_printf (ngettext ("%'u of %'u row", "%'u of %'u rows", n_rows),
                            n_shown, n_rows);
  gtk_label_set_text (self->status_label, status);
  gtk_label_set_text (self->totals_label, totals);
  /* An empty selectable label would still be a Tab stop, with no name. */
  gtk_label_set_selectable (self->totals_label, totals[0] != '\0');
  refresh_summary (self);
}

/* Names the kind of table under which the hidden columns are remembered:
 * contracts have the API's nested "police" and "client" keys. */
static const char *
guess_table_kind (IwdTable *table)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      const char *key = iwd_table_get_column_key (table, column);

      if (g_str_has_prefix (key, "police.") || g_str_has_prefix (key, "client."))
        return "contracts";
    }

  return iwd_commissions_summary_applies (table) ? "commissions" : "other";
}

static void
show_selected_row (IwdTableView *self)
{
  IwdTableRow *row = self->selection != NULL ? gtk_single_selection_get_selected_item (self->selection) : NULL;

  if (row == NULL)
    {
      iwd_row_details_set_row (self->row_details, NULL, G_MAXUINT);
      return;
    }

  iwd_row_details_set_row (self->row_details, iwd_table_row_get_table (row),
                           iwd_table_row_get_index (row));
}

static void
remove_columns (IwdTableView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);

  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->column_view, column);
    }

  g_ptr_array_set_size (self->sorters, 0);
}

static void
list_shown_columns (IwdTableView *self,
                    IwdTable     *table)
{
  g_array_set_size (self->shown_columns, 0);
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      if (!iwd_cell_format_is_blank_column (table, column))
        g_array_append_val (self->shown_columns, column);
    }
}

static void
fill_column_dropdown (IwdTableView *self,
                      IwdTable     *table)
{
  g_autoptr(GtkStringList) choices = gtk_string_list_new (NULL);

  gtk_string_list_append (choices, _("All columns"));
  for (guint i = 0; i < self->shown_columns->len; i++)
    gtk_string_list_append (choices, iwd_table_get_column_label (table, g_array_index (self->shown_columns, guint, i)));

  gtk_drop_down_set_model (self->column_dropdown, G_LIST_MODEL (choices));
  gtk_drop_down_set_selected (self->column_dropdown, 0);
}

/* Searches all the searchable columns, or filters the one column chosen
 * in the drop-down, which may be of any kind.
 *
 * TODO: the model can filter several columns at once, but GTK 4.8 column
 * headers cannot hold an entry, so the view offers one column at a time. */
static void
apply_search (IwdTableView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  guint selected = gtk_drop_down_get_selected (self->column_dropdown);
  guint column = G_MAXUINT;

  if (selected != 0 && selected != GTK_INVALID_LIST_POSITION)
    column = g_array_index (self->shown_columns, guint, selected - 1);

  if (self->model == NULL)
    return;

  if (self->filtered_column != G_MAXUINT && self->filtered_column != column)
    iwd_table_model_set_column_filter (self->model, self->filtered_column, NULL);
  self->filtered_column = column;

  if (column == G_MAXUINT)
    {
      iwd_table_model_set_search (self->model, text);
      return;
    }

  iwd_table_model_set_search (self->model, NULL);
  iwd_table_model_set_column_filter (self->model, column, text);
}

static void
cancel_table_work (IwdTableView *self)
{
  g_cancellable_cancel (self->sort_cancellable);
  g_clear_object (&self->sort_cancellable);
  g_cancellable_cancel (self->table_cancellable);
  g_clear_object (&self->table_cancellable);
}

/* GTK 4.8 names the grid's rows, which take the keyboard focus, after
 * their type ("GtkListItemWidget") and has no API to name them. A row is
 * the parent of its cells, so the cell of the first column shown names it
 * after its position. */
static void
name_grid_row (GtkWidget *cell_child,
               guint      position)
{
  GtkWidget *cell = gtk_widget_get_parent (cell_child);
  GtkWidget *row = cell != NULL ? gtk_widget_get_parent (cell) : NULL;
  g_autofree char *name = NULL;

  if (row == NULL || gtk_widget_get_prev_sibling (cell) != NULL)
    return;

  /* Translators: the accessible name of a row of the grid, read out by
   * screen readers; %u is its position, from 1 */
  name = g_strdup_printf (_("Row %u"), position + 1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

static void
on_cell_setup (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               IwdTableView             *self)
{
  IwdTable *table = iwd_table_model_get_table (self->model);
  IwdTableKind kind = iwd_table_get_column_kind (table, get_factory_column (factory));
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_label_set_single_line_mode (GTK_LABEL (label), TRUE);

  if (iwd_cell_format_is_numeric (kind))
    {
      gtk_label_set_xalign (GTK_LABEL (label), 1.0);
      gtk_widget_add_css_class (label, "numeric");
    }
  else
    gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  gtk_list_item_set_child (list_item, label);
}

static void
on_cell_bind (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              IwdTableView             *self)
{
  IwdTableRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *label = gtk_list_item_get_child (list_item);
  g_autofree char *text = NULL;

  text = iwd_cell_format (iwd_table_row_get_table (row),
                          iwd_table_row_get_index (row),
                          get_factory_column (factory));
  gtk_label_set_text (GTK_LABEL (label), text);
  name_grid_row (label, gtk_list_item_get_position (list_item));
}

static void
add_column (IwdTableView *self,
            guint         column)
{
  IwdTable *table = iwd_table_model_get_table (self->model);
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkColumnViewColumn) view_column = NULL;
  g_autoptr(IwdColumnSorter) sorter = iwd_column_sorter_new (self->model, column);

  g_object_set_data (G_OBJECT (factory), IWD_TABLE_VIEW_COLUMN_DATA, GUINT_TO_POINTER (column));
  g_signal_connect_object (factory, "setup", G_CALLBACK (on_cell_setup), self, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (on_cell_bind), self, 0);

  view_column = gtk_column_view_column_new (iwd_table_get_column_label (table, column), factory);
  gtk_column_view_column_set_resizable (view_column, TRUE);
  g_object_set_data (G_OBJECT (view_column), IWD_TABLE_VIEW_COLUMN_DATA, GUINT_TO_POINTER (column));
  g_object_set_data_full (G_OBJECT (view_column), IWD_COLUMN_CHOOSER_KEY_DATA,
                          g_strdup (iwd_table_get_column_key (table, column)), g_free);
  gtk_column_view_column_set_sorter (view_column, GTK_SORTER (sorter));

  g_ptr_array_add (self->sorters, g_object_ref (sorter));
  gtk_column_view_append_column (self->column_view, view_column);
}

static void
on_search_changed (GtkSearchEntry *entry,
                   IwdTableView   *self)
{
  apply_search (self);
}

static void
on_column_selected (GtkDropDown  *dropdown,
                    GParamSpec   *pspec,
                    IwdTableView *self)
{
  apply_search (self);
}

static void
on_model_items_changed (GListModel   *model,
                        guint         position,
                        guint         removed,
                        guint         added,
                        IwdTableView *self)
{
  update_status (self);
}

static void
on_selection_changed (GtkSingleSelection *selection,
                      GParamSpec         *pspec,
                      IwdTableView       *self)
{
  show_selected_row (self);
}

static void
set_selection (IwdTableView *self)
{
  g_clear_object (&self->selection);
  self->selection = gtk_single_selection_new (g_object_ref (G_LIST_MODEL (self->model)));
  gtk_single_selection_set_autoselect (self->selection, FALSE);
  gtk_single_selection_set_can_unselect (self->selection, TRUE);
  g_signal_connect_object (self->selection, "notify::selected",
                           G_CALLBACK (on_selection_changed), self, 0);

  gtk_column_view_set_model (self->column_view, GTK_SELECTION_MODEL (self->selection));
  show_selected_row (self);
}

static void
on_summary_toggled (GtkToggleButton *button,
                    GParamSpec      *pspec,
                    IwdTableView    *self)
{
  gboolean active = gtk_toggle_button_get_active (button);

  gtk_stack_set_visible_child_name (self->content_stack, active ? "summary" : "grid");
  if (self->model != NULL)
    refresh_summary (self);
}

static void
on_search_prepared (GObject      *source_object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GError) error = NULL;

  if (!iwd_table_model_prepare_search_finish (IWD_TABLE_MODEL (source_object), result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_warning ("grid: preparing the search failed: %s", error->message);
}

static void
focus_search (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  IwdTableView *self = IWD_TABLE_VIEW (widget);

  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/* GTK 4.8 stops Tab at each row of a column view, so leaving a grid of a
 * few hundred rows would take as many presses. From inside the grid, Tab
 * moves on to the row's details or past the view, and Shift+Tab back to
 * the toolbar. The arrow keys still move between rows. */
static gboolean
iwd_table_view_focus (GtkWidget        *widget,
                      GtkDirectionType  direction)
{
  IwdTableView *self = IWD_TABLE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  gboolean in_grid = focus != NULL && (focus == GTK_WIDGET (self->column_view)
                                       || gtk_widget_is_ancestor (focus, GTK_WIDGET (self->column_view)));

  if (in_grid && direction == GTK_DIR_TAB_FORWARD)
    return gtk_widget_child_focus (GTK_WIDGET (self->row_details), direction);

  if (in_grid && direction == GTK_DIR_TAB_BACKWARD)
    return gtk_widget_child_focus (GTK_WIDGET (self->export_button), direction);

  return GTK_WIDGET_CLASS (iwd_table_view_parent_class)->focus (widget, direction);
}

static void
iwd_table_view_dispose (GObject *object)
{
  IwdTableView *self = IWD_TABLE_VIEW (object);
  GtkWidget *child;

  /* Without a model, the sorter changes that removing the columns emits
   * sort nothing. */
  cancel_table_work (self);
  iwd_table_view_cancel_export (self);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  g_clear_pointer (&self->table_kind, g_free);
  g_clear_pointer (&self->sort_key, g_free);

  /* gtk_widget_dispose_template() unparents only the bound children, so
   * the scrolled window is unparented here. */
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_TABLE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_pointer (&self->sorters, g_ptr_array_unref);
  g_clear_pointer (&self->shown_columns, g_array_unref);

  G_OBJECT_CLASS (iwd_table_view_parent_class)->dispose (object);
}

static void
iwd_table_view_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  IwdTableView *self = IWD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT_KEY:
      g_value_set_string (value, self->sort_key != NULL ? self->sort_key : "");
      break;

    case PROP_SORT_ORDER:
      g_value_set_string (value, iwd_table_view_get_sort_order (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_table_view_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  IwdTableView *self = IWD_TABLE_VIEW (object);

  switch (prop_id)
    {
    case PROP_SORT_KEY:
      iwd_table_view_sort_by_key (self, g_value_get_string (value), self->sort_type);
      break;

    case PROP_SORT_ORDER:
      iwd_table_view_set_sort_order (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_table_view_class_init (IwdTableViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_table_view_dispose;
  widget_class->focus = iwd_table_view_focus;
  object_class->get_property = iwd_table_view_get_property;
  object_class->set_property = iwd_table_view_set_property;

  /**
   * IwdTableView:sort-key:
   *
   * The key of the column the rows are sorted by, or "" for the load
   * order. The Sort menu's column items set it.
   */
  properties[PROP_SORT_KEY] =
    g_param_spec_string ("sort-key", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdTableView:sort-order:
   *
   * "ascending" or "descending": the direction of the sort, kept for
   * the next column chosen while the rows are in load order.
   */
  properties[PROP_SORT_ORDER] =
    g_param_spec_string ("sort-order", NULL, NULL, "ascending",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* Using the resource keeps its object file, and the constructor that
   * registers it, in the link of a static library. */
  (void) iwd_grid_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/grid/iwd-table-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, column_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, sort_button);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, column_chooser);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, summary_button);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, export_button);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, export_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, export_progress);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, export_status_label);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, column_view);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, summary_panel);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, row_details);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, status_label);
  gtk_widget_class_bind_template_child (widget_class, IwdTableView, totals_label);
  gtk_widget_class_bind_template_callback (widget_class, on_search_changed);
  gtk_widget_class_bind_template_callback (widget_class, on_column_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_summary_toggled);

  gtk_widget_class_install_action (widget_class, "table-view.search", NULL, focus_search);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK,
                                       "table-view.search", NULL);
  gtk_widget_class_install_property_action (widget_class, "table-view.sort-by", "sort-key");
  gtk_widget_class_install_property_action (widget_class, "table-view.sort-order", "sort-order");
  iwd_table_view_install_export_actions (widget_class);
}

static void
iwd_table_view_init (IwdTableView *self)
{
  g_type_ensure (IWD_TYPE_COLUMN_CHOOSER);
  g_type_ensure (IWD_TYPE_ROW_DETAILS);
  g_type_ensure (IWD_TYPE_SUMMARY_PANEL);
  gtk_widget_init_template (GTK_WIDGET (self));

  self->filtered_column = G_MAXUINT;

  self->sorters = g_ptr_array_new_with_free_func (g_object_unref);
  self->shown_columns = g_array_new (FALSE, FALSE, sizeof (guint));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.cancel-export", FALSE);
  iwd_table_view_watch_sort (self);
}

/**
 * iwd_table_view_new:
 *
 * Creates a grid that shows no table.
 *
 * Returns: (transfer full): a new grid
 */
GtkWidget *
iwd_table_view_new (void)
{
  return g_object_new (IWD_TYPE_TABLE_VIEW, NULL);
}

/* What a new table of the same kind keeps: a refresh of the contracts
 * must not lose the broker's sort and search. */
typedef struct {
  char        *sort_key;     /* owned, nullable */
  GtkSortType  sort_type;
  char        *search;       /* owned, nullable */
  char        *table_kind;   /* owned, nullable */
} ViewState;

static void
view_state_clear (ViewState *state)
{
  g_free (state->sort_key);
  g_free (state->search);
  g_free (state->table_kind);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ViewState, view_state_clear)

static void
keep_view_state (IwdTableView *self,
                 ViewState    *state)
{
  if (self->model == NULL)
    return;

  state->sort_key = g_strdup (self->sort_key);
  state->sort_type = self->sort_type;
  state->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  state->table_kind = g_strdup (self->table_kind);
}

static void
restore_view_state (IwdTableView *self,
                    ViewState    *state)
{
  iwd_table_view_sort_by_key (self, state->sort_key, state->sort_type);

  if (state->search != NULL && *state->search != '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->search_entry), state->search);
}

/**
 * iwd_table_view_set_table:
 * @self: a grid
 * @table: the table to show
 *
 * Shows a table with one column per table column, headed by the
 * column's label, except an empty trailing column of a statement that
 * has no header. A table of the kind shown before keeps its sort and
 * search. Another kind starts in load order, and its search is empty
 * and covers all columns. The search is prepared in a worker thread.
 */
void
iwd_table_view_set_table (IwdTableView *self,
                          IwdTable     *table)
{
  g_auto(ViewState) kept = { NULL, GTK_SORT_ASCENDING, NULL, NULL };

  g_return_if_fail (IWD_IS_TABLE_VIEW (self));
  g_return_if_fail (IWD_IS_TABLE (table));

  keep_view_state (self, &kept);
  cancel_table_work (self);
  /* The new columns must not bind rows of the previous table, which may
   * have fewer columns. */
  gtk_column_view_set_model (self->column_view, NULL);
  g_clear_object (&self->selection);
  g_clear_object (&self->model);
  remove_columns (self);
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  list_shown_columns (self, table);
  fill_column_dropdown (self, table);
  self->filtered_column = G_MAXUINT;
  g_free (self->table_kind);
  self->table_kind = g_strdup (guess_table_kind (table));

  self->model = iwd_table_model_new (table);
  g_signal_connect_object (self->model, "items-changed",
                           G_CALLBACK (on_model_items_changed), self, 0);
  for (guint i = 0; i < self->shown_columns->len; i++)
    add_column (self, g_array_index (self->shown_columns, guint, i));
  iwd_column_chooser_set_columns (self->column_chooser, self->column_view, self->table_kind);

  set_selection (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.export", self->export_cancellable == NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_button), g_str_equal (self->table_kind, "commissions"));
  gtk_toggle_button_set_active (self->summary_button, FALSE);
  update_status (self);

  self->table_cancellable = g_cancellable_new ();
  iwd_table_model_prepare_search_async (self->model, self->table_cancellable,
                                        on_search_prepared, NULL);

  if (g_strcmp0 (kept.table_kind, self->table_kind) == 0)
    restore_view_state (self, &kept);
  else
    iwd_table_view_sort_by_key (self, NULL, GTK_SORT_ASCENDING);
}

/**
 * iwd_table_view_get_model:
 * @self: a grid
 *
 * Returns: (transfer none) (nullable): the model of the table shown, or
 *   %NULL if no table is set
 */
IwdTableModel *
iwd_table_view_get_model (IwdTableView *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_VIEW (self), NULL);

  return self->model;
}

/**
 * iwd_table_view_get_column_view:
 * @self: a grid
 *
 * Gives callers the column view, to sort by a column with
 * gtk_column_view_sort_by_column() or to read its columns.
 *
 * Returns: (transfer none): the column view
 */
GtkColumnView *
iwd_table_view_get_column_view (IwdTableView *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_VIEW (self), NULL);

  return self->column_view;
}

/**
 * iwd_table_view_get_table_kind:
 * @self: a grid
 *
 * Gets the kind of the table shown, guessed from its columns: the kind
 * under which the hidden columns are remembered.
 *
 * Returns: (nullable): "contracts", "commissions" or "other", or %NULL
 *   if no table is set
 */
const char *
iwd_table_view_get_table_kind (IwdTableView *self)
{
  g_return_val_if_fail (IWD_IS_TABLE_VIEW (self), NULL);

  return self->table_kind;
}
