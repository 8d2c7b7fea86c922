/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-view-private.h"

#include <glib/gi18n.h>

#include "iwd-export-error.h"

/* The export of what a grid shows: the rows of its model in their shown
 * order and its visible columns in their shown order. Widget actions
 * start it from the export menu through a save dialog, and the view shows
 * its progress, a Cancel button and the outcome. */

static guint *
dup_visible_columns (IwdTableView *self,
                     guint        *out_n_columns)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  guint n_items = g_list_model_get_n_items (columns);
  guint *visible = g_new (guint, MAX (n_items, 1));
  guint n_visible = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (gtk_column_view_column_get_visible (column))
        visible[n_visible++] = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (column),
                                                                IWD_TABLE_VIEW_COLUMN_DATA));
    }

  *out_n_columns = n_visible;
  return visible;
}

/* Explains the export errors a user can act on in their words, and
 * others with the error's own text. */
static char *
describe_export_error (const GError *error,
                       const char   *path)
{
  if (g_error_matches (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_TOO_MANY_ROWS))
    /* Translators: %s is a file path */
    return g_strdup_printf (_("Could not export to %s: an Excel sheet holds at most 1,048,576 rows. Filter the rows, or export to CSV."),
                            path);

  /* Translators: the first %s is a file path, the second the reason */
  return g_strdup_printf (_("Could not export to %s: %s"), path, error->message);
}

static void
show_export_outcome (IwdTableView *self,
                     GFile        *destination,
                     guint         n_rows,
                     const GError *error)
{
  g_autofree char *path = g_file_get_parse_name (destination);
  g_autofree char *message = NULL;

  gtk_revealer_set_reveal_child (self->export_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.export", self->model != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.cancel-export", FALSE);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->export_status_label), FALSE);
      return;
    }

  if (error != NULL)
    {
      g_warning ("grid: exporting %u rows to %s failed: %s", n_rows, path, error->message);
      message = describe_export_error (error, path);
    }
  else
    /* Translators: %'u is a number of rows, %s a file path */
    message = g_strdup_printf (ngettext ("Exported %'u row to %s", "Exported %'u rows to %s", n_rows),
                               n_rows, path);

  gtk_label_set_text (self->export_status_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->export_status_label), TRUE);
}

static void
show_export_start (IwdTableView *self)
{
  gtk_widget_set_visible (GTK_WIDGET (self->export_status_label), FALSE);
  gtk_progress_bar_set_fraction (self->export_progress, 0.0);
  gtk_progress_bar_set_text (self->export_progress, _("Exporting…"));
  gtk_revealer_set_reveal_child (self->export_revealer, TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.export", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "table-view.cancel-export", TRUE);
}

/* Suggests "contracts-2026-12-04.csv" or the like: the kind of table and
 * today's date, since brokers export the same table again and again. */
static char *
suggest_file_name (IwdTableView    *self,
                   IwdExportFormat  format)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *day = g_date_time_format (now, "%Y-%m-%d");
  const char *kind = self->table_kind != NULL && !g_str_equal (self->table_kind, "other")
                     ? self->table_kind : "table";

  return g_strdup_printf ("%s-%s.%s", kind, day, iwd_export_format_get_extension (format));
}

static void
on_export_progress (goffset  current_num_bytes,
                    goffset  total_num_bytes,
                    gpointer user_data)
{
  IwdTableView *self = IWD_TABLE_VIEW (user_data);
  g_autofree char *text = NULL;

  if (total_num_bytes > 0)
    gtk_progress_bar_set_fraction (self->export_progress,
                                   (double) current_num_bytes / (double) total_num_bytes);

  /* Translators: rows written so far, of all the rows to export */
  text = g_strdup_printf (ngettext ("%'u of %'u row", "%'u of %'u rows", (gulong) total_num_bytes),
                          (guint) current_num_bytes, (guint) total_num_bytes);
  gtk_progress_bar_set_text (self->export_progress, text);
}

static void
on_table_exported (GObject      *source_object,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(GTask) task = G_TASK (user_data);
  IwdTableView *self = g_task_get_source_object (task);
  GFile *destination = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  guint n_rows = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (task), "n-rows"));
  GCancellable *cancellable = g_object_get_data (G_OBJECT (task), "export-cancellable");

  iwd_export_table_finish (result, &error);

  /* A newer export replaced this one, and shows its own progress. */
  if (cancellable == self->export_cancellable)
    {
      show_export_outcome (self, destination, n_rows, error);
      g_clear_object (&self->export_cancellable);
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_export_done (GObject      *source_object,
                GAsyncResult *result,
                gpointer      user_data)
{
  /* The view has shown the outcome, and logged any error. */
  iwd_table_view_export_finish (IWD_TABLE_VIEW (source_object), result, NULL);
}

static void
on_save_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  IwdTableView *self = IWD_TABLE_VIEW (g_object_get_data (G_OBJECT (dialog), "table-view"));
  IwdExportFormat format = GPOINTER_TO_UINT (user_data);
  g_autoptr(GFile) destination = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    destination = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (destination != NULL)
    iwd_table_view_export_async (self, format, destination, NULL, on_export_done, NULL);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IwdTableView *self = IWD_TABLE_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autofree char *file_name = NULL;
  GtkFileChooserNative *dialog;
  IwdExportFormat format;

  if (self->model == NULL || !iwd_export_format_from_string (g_variant_get_string (parameter, NULL), &format))
    return;

  dialog = gtk_file_chooser_native_new (_("Export the Table"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  file_name = suggest_file_name (self, format);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), file_name);

  g_object_set_data_full (G_OBJECT (dialog), "table-view", g_object_ref (self), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_save_response), GUINT_TO_POINTER (format));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_export_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  iwd_table_view_cancel_export (IWD_TABLE_VIEW (widget));
}

void
iwd_table_view_install_export_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "table-view.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "table-view.cancel-export", NULL,
                                   cancel_export_action);
}

void
iwd_table_view_cancel_export (IwdTableView *self)
{
  g_cancellable_cancel (self->export_cancellable);
}

/**
 * iwd_table_view_export_async:
 * @self: a grid that shows a table
 * @format: the file format
 * @destination: a local file, created or replaced
 * @cancellable: (nullable): a #GCancellable; the view's Cancel button
 *   cancels the export too
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Exports exactly what the grid shows: the rows that the search and
 * filters keep, in the sorted order, and the visible columns, in their
 * order. The view shows the progress with a Cancel button, then the
 * number of rows written and the path, or the error naming the path. A
 * cancelled export leaves @destination as it was.
 */
void
iwd_table_view_export_async (IwdTableView        *self,
                             IwdExportFormat      format,
                             GFile               *destination,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autofree guint *rows = NULL;
  g_autofree guint *columns = NULL;
  guint n_rows;
  guint n_columns;

  g_return_if_fail (IWD_IS_TABLE_VIEW (self));
  g_return_if_fail (self->model != NULL);
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_table_view_export_async);
  g_task_set_task_data (task, g_object_ref (destination), g_object_unref);

  iwd_table_view_cancel_export (self);
  g_clear_object (&self->export_cancellable);
  self->export_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();

  rows = iwd_table_model_dup_rows (self->model, &n_rows);
  columns = dup_visible_columns (self, &n_columns);
  g_object_set_data (G_OBJECT (task), "n-rows", GUINT_TO_POINTER (n_rows));
  g_object_set_data_full (G_OBJECT (task), "export-cancellable",
                          g_object_ref (self->export_cancellable), g_object_unref);

  show_export_start (self);
  /* The task holds a reference on the view, which the progress reports
   * use until the export's callback runs. */
  iwd_export_table_async (iwd_table_model_get_table (self->model), rows, n_rows, columns, n_columns,
                          format, destination, on_export_progress, self,
                          self->export_cancellable, on_table_exported, g_steal_pointer (&task));
}

/**
 * iwd_table_view_export_finish:
 * @self: a grid
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once the file is written, or %FALSE with @error set:
 *   %G_IO_ERROR_CANCELLED, a #GIOError or an #IWD_EXPORT_ERROR
 */
gboolean
iwd_table_view_export_finish (IwdTableView  *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_table_view_export_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
