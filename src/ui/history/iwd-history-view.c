/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The history of a portfolio: two drop-downs of its stored fetches, the
 * last two by default, and the grid of their differences. For contracts
 * the grid lists the contracts that appeared, vanished or changed, with
 * old and new values side by side. For commissions it lists the lines
 * that are new in the current fetch.
 */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-cell-format.h"
#include "iwd-fetch-label.h"
#include "iwd-history-columns.h"
#include "iwd-history-resources.h"
#include "iwd-history-view.h"

struct _IwdHistoryView
{
  GtkWidget         parent_instance;

  IwdPortfolioData *data;                /* owned */
  GPtrArray        *fetches;             /* owned, nullable: of IwdHistoryFetch, newest first */
  IwdTable         *differences;         /* owned, nullable: the comparison shown */
  GCancellable     *cancellable;         /* owned, nullable: the listing or comparison running */
  gboolean          busy;
  gboolean          filling;             /* the drop-downs' models are being replaced */

  GtkLabel         *heading_label;       /* template child */
  GtkWidget        *controls_box;        /* template child */
  GtkDropDown      *previous_dropdown;   /* template child */
  GtkDropDown      *current_dropdown;    /* template child */
  GtkStack         *stack;               /* template child */
  AdwStatusPage    *no_difference_page;  /* template child */
  AdwStatusPage    *error_page;          /* template child */
  IwdTableView     *table_view;          /* template child */
};

G_DEFINE_FINAL_TYPE (IwdHistoryView, iwd_history_view, GTK_TYPE_WIDGET)

static GCancellable *
restart_cancellable (IwdHistoryView *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

static IwdHistoryFetch *
get_selected_fetch (IwdHistoryView *self,
                    GtkDropDown    *dropdown)
{
  guint position = gtk_drop_down_get_selected (dropdown);

  if (self->fetches == NULL || position >= self->fetches->len)
    return NULL;

  return g_ptr_array_index (self->fetches, position);
}

static void
update_compare_action (IwdHistoryView *self)
{
  IwdHistoryFetch *previous = get_selected_fetch (self, self->previous_dropdown);
  IwdHistoryFetch *current = get_selected_fetch (self, self->current_dropdown);
  gboolean enabled;

  enabled = !self->busy && previous != NULL && current != NULL && previous != current;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.compare", enabled);
}

static void
update_export_action (IwdHistoryView *self)
{
  gboolean differences_shown = g_strcmp0 (gtk_stack_get_visible_child_name (self->stack),
                                          "differences") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "history.export", differences_shown);
}

static void
show_page (IwdHistoryView *self,
           const char     *name)
{
  gtk_stack_set_visible_child_name (self->stack, name);
  update_export_action (self);
}

static void
set_busy (IwdHistoryView *self,
          gboolean        busy)
{
  self->busy = busy;
  if (busy)
    show_page (self, "loading");

  update_compare_action (self);
}

static void
show_kind (IwdHistoryView *self)
{
  if (iwd_portfolio_data_get_kind (self->data) == IWD_HISTORY_KIND_COMMISSIONS)
    {
      gtk_label_set_text (self->heading_label, _("New lines since the previous fetch"));
      adw_status_page_set_title (self->no_difference_page,
                                 _("No new lines between these two fetches"));
    }
  else
    {
      gtk_label_set_text (self->heading_label,
                          _("Contracts that appeared, vanished or changed"));
      adw_status_page_set_title (self->no_difference_page,
                                 _("No differences between these two fetches"));
    }
}

/* Selects the last two fetches, the newer as current. The choice stays
 * hidden until there are two fetches to compare. */
static void
fill_dropdowns (IwdHistoryView *self)
{
  g_auto(GStrv) texts = iwd_fetch_label_new_list (self->fetches);
  g_autoptr(GtkStringList) labels = gtk_string_list_new ((const char * const *) texts);

  self->filling = TRUE;
  gtk_drop_down_set_model (self->previous_dropdown, G_LIST_MODEL (labels));
  gtk_drop_down_set_model (self->current_dropdown, G_LIST_MODEL (labels));
  if (self->fetches->len >= 2)
    {
      gtk_drop_down_set_selected (self->previous_dropdown, 1);
      gtk_drop_down_set_selected (self->current_dropdown, 0);
    }
  self->filling = FALSE;

  gtk_widget_set_visible (self->controls_box, self->fetches->len >= 2);
}

static void
show_error (IwdHistoryView *self,
            const char     *description)
{
  adw_status_page_set_description (self->error_page, description);
  show_page (self, "error");
}

/* An IwdTableView cannot be emptied, so it gets a table without rows,
 * which lets the differences of forgotten fetches leave memory. */
static void
clear_grid (IwdHistoryView *self)
{
  g_autoptr(GPtrArray) no_columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);
  g_autoptr(IwdTable) empty = iwd_history_columns_finish_table (g_steal_pointer (&no_columns), 0);

  g_clear_object (&self->differences);
  iwd_table_view_set_table (self->table_view, empty);
}

static void
show_differences (IwdHistoryView *self,
                  IwdTable       *differences)
{
  g_set_object (&self->differences, differences);

  if (iwd_table_get_n_rows (differences) == 0)
    {
      show_page (self, "no-difference");
      return;
    }

  iwd_table_view_set_table (self->table_view, differences);
  show_page (self, "differences");
}

static void
compared_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IwdHistoryView) self = user_data;
  g_autoptr(IwdTable) differences = NULL;
  g_autoptr(GError) error = NULL;

  differences = iwd_portfolio_data_compare_finish (IWD_PORTFOLIO_DATA (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("history: cannot compare fetches of portfolio %s: %s",
                 iwd_portfolio_data_get_portfolio_id (self->data), error->message);
      show_error (self, _("The stored copies cannot be read. Try again after the next refresh."));
      return;
    }

  show_differences (self, differences);
}

static void
start_compare (IwdHistoryView *self)
{
  IwdHistoryFetch *previous = get_selected_fetch (self, self->previous_dropdown);
  IwdHistoryFetch *current = get_selected_fetch (self, self->current_dropdown);

  g_return_if_fail (previous != NULL && current != NULL);

  set_busy (self, TRUE);
  iwd_portfolio_data_compare_async (self->data, previous->id, current->id,
                                    restart_cancellable (self), compared_cb,
                                    g_object_ref (self));
}

static void
show_fetches (IwdHistoryView *self,
              GPtrArray      *fetches)
{
  g_clear_pointer (&self->fetches, g_ptr_array_unref);
  self->fetches = g_ptr_array_ref (fetches);
  fill_dropdowns (self);

  if (fetches->len >= 2)
    {
      start_compare (self);
      return;
    }

  clear_grid (self);
  show_page (self, fetches->len == 0 ? "no-fetch" : "single");
}

static void
fetches_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IwdHistoryView) self = user_data;
  g_autoptr(GPtrArray) fetches = NULL;
  g_autoptr(GError) error = NULL;

  fetches = iwd_portfolio_data_list_fetches_finish (IWD_PORTFOLIO_DATA (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  if (error != NULL)
    {
      g_warning ("history: cannot list the fetches of portfolio %s: %s",
                 iwd_portfolio_data_get_portfolio_id (self->data), error->message);
      show_error (self, _("The local history cannot be read."));
      return;
    }

  show_fetches (self, fetches);
}

static void
selection_changed_cb (IwdHistoryView *self)
{
  if (!self->filling)
    update_compare_action (self);
}

static void
data_updated_cb (IwdHistoryView *self)
{
  iwd_history_view_reload (self);
}

static void
compare (GtkWidget  *widget,
         const char *action_name,
         GVariant   *parameter)
{
  start_compare (IWD_HISTORY_VIEW (widget));
}

static void
export_differences (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IwdHistoryView *self = IWD_HISTORY_VIEW (widget);

  gtk_widget_activate_action_variant (GTK_WIDGET (self->table_view), "table-view.export", parameter);
}

static void
exported_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GError *error = NULL;

  if (iwd_table_view_export_finish (IWD_TABLE_VIEW (source), result, &error))
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_error (task, error);
}

static void
iwd_history_view_dispose (GObject *object)
{
  IwdHistoryView *self = IWD_HISTORY_VIEW (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_HISTORY_VIEW);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->differences);
  g_clear_pointer (&self->fetches, g_ptr_array_unref);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (iwd_history_view_parent_class)->dispose (object);
}

static void
iwd_history_view_class_init (IwdHistoryViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_history_view_dispose;

  gtk_widget_class_install_action (widget_class, "history.compare", NULL, compare);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK,
                                       "history.compare", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK,
                                       "history.compare", NULL);
  gtk_widget_class_install_action (widget_class, "history.export", "s", export_differences);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_e, GDK_CONTROL_MASK,
                                       "history.export", "s", "csv-fr");

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (IWD_TYPE_TABLE_VIEW);
  (void) iwd_history_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/history/iwd-history-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, heading_label);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, controls_box);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, previous_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, current_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, no_difference_page);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, error_page);
  gtk_widget_class_bind_template_child (widget_class, IwdHistoryView, table_view);
  gtk_widget_class_bind_template_callback (widget_class, selection_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_history_view_init (IwdHistoryView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_compare_action (self);
  update_export_action (self);
}

/**
 * iwd_history_view_new:
 * @data: the portfolio data whose stored fetches are compared
 *
 * Creates a history view and lists the stored fetches of @data. The view
 * lists them again each time @data saves a new fetch.
 *
 * Returns: (transfer full): a new view
 */
GtkWidget *
iwd_history_view_new (IwdPortfolioData *data)
{
  IwdHistoryView *self;

  g_return_val_if_fail (IWD_IS_PORTFOLIO_DATA (data), NULL);

  self = g_object_new (IWD_TYPE_HISTORY_VIEW, NULL);
  self->data = g_object_ref (data);
  /* The changed values show in the French formats of the other grids. */
  iwd_portfolio_data_set_value_formatter (data, iwd_cell_format_number);
  g_signal_connect_object (data, "updated", G_CALLBACK (data_updated_cb),
                           self, G_CONNECT_SWAPPED);
  show_kind (self);
  iwd_history_view_reload (self);

  return GTK_WIDGET (self);
}

/**
 * iwd_history_view_get_data:
 * @self: a history view
 *
 * Returns: (transfer none): the portfolio data shown
 */
IwdPortfolioData *
iwd_history_view_get_data (IwdHistoryView *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), NULL);

  return self->data;
}

/**
 * iwd_history_view_reload:
 * @self: a history view
 *
 * Lists the stored fetches again, selects the last two and compares
 * them. A listing or comparison still running is cancelled.
 */
void
iwd_history_view_reload (IwdHistoryView *self)
{
  g_return_if_fail (IWD_IS_HISTORY_VIEW (self));

  set_busy (self, TRUE);
  iwd_portfolio_data_list_fetches_async (self->data, restart_cancellable (self),
                                         fetches_listed_cb, g_object_ref (self));
}

/**
 * iwd_history_view_select_fetches:
 * @self: a history view
 * @previous: the position of the older fetch in the list, newest first
 * @current: the position of the newer fetch
 *
 * Selects two fetches in the drop-downs, without comparing them: the
 * `history.compare` action does.
 *
 * Returns: %TRUE if both positions are in the list
 */
gboolean
iwd_history_view_select_fetches (IwdHistoryView *self,
                                 guint           previous,
                                 guint           current)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), FALSE);

  if (self->fetches == NULL || previous >= self->fetches->len || current >= self->fetches->len)
    return FALSE;

  gtk_drop_down_set_selected (self->previous_dropdown, previous);
  gtk_drop_down_set_selected (self->current_dropdown, current);
  return TRUE;
}

/**
 * iwd_history_view_get_fetches:
 * @self: a history view
 *
 * Returns: (transfer none) (nullable) (element-type IwdHistoryFetch): the
 *   stored fetches listed, newest first, or %NULL before the first list
 */
GPtrArray *
iwd_history_view_get_fetches (IwdHistoryView *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), NULL);

  return self->fetches;
}

/**
 * iwd_history_view_get_page:
 * @self: a history view
 *
 * Returns: the name of the page shown: `loading`, `no-fetch`, `single`,
 *   `no-difference`, `error` or `differences`
 */
const char *
iwd_history_view_get_page (IwdHistoryView *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * iwd_history_view_get_differences:
 * @self: a history view
 *
 * Returns: (transfer none) (nullable): the table of differences shown,
 *   for export, or %NULL before a comparison
 */
IwdTable *
iwd_history_view_get_differences (IwdHistoryView *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), NULL);

  return self->differences;
}

/**
 * iwd_history_view_get_table_view:
 * @self: a history view
 *
 * Returns: (transfer none): the grid of differences
 */
IwdTableView *
iwd_history_view_get_table_view (IwdHistoryView *self)
{
  g_return_val_if_fail (IWD_IS_HISTORY_VIEW (self), NULL);

  return self->table_view;
}

/**
 * iwd_history_view_export_async:
 * @self: a history view that shows differences
 * @format: the file format
 * @destination: a local file, created or replaced
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Exports the differences as the grid shows them, as the `history.export`
 * action does after asking for a file: the rows that its search keeps, in
 * their sorted order, and its visible columns. The grid shows the
 * progress and the outcome.
 *
 * TODO: the old and new values are text in the French format of the
 * grid in every file format, CSV and JSON for programs too, because one
 * column contains values of several kinds.
 */
void
iwd_history_view_export_async (IwdHistoryView      *self,
                               IwdExportFormat      format,
                               GFile               *destination,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_HISTORY_VIEW (self));
  g_return_if_fail (g_strcmp0 (iwd_history_view_get_page (self), "differences") == 0);
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_history_view_export_async);
  iwd_table_view_export_async (self->table_view, format, destination, cancellable,
                               exported_cb, task);
}

/**
 * iwd_history_view_export_finish:
 * @self: a history view
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once the file is written, or %FALSE with @error set as
 *   iwd_table_view_export_finish() sets it
 */
gboolean
iwd_history_view_export_finish (IwdHistoryView  *self,
                                GAsyncResult    *result,
                                GError         **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_history_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
