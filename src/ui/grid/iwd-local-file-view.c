/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-local-file-view.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-bad-line-message.h"
#include "iwd-commissions-json.h"
#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-grid-resources.h"
#include "iwd-parse-error.h"

/* How much of a JSON file is searched for the nested objects that mark
 * contracts, far more than one contract of the API's documented shape. */
#define DETECT_PREFIX_LENGTH (64 * 1024)

#define PULSE_INTERVAL_MS 100

/**
 * IwdLocalFileView:
 *
 * A grid for a local file: contracts as JSON, or a commission statement
 * as TSV or JSON, chosen with the `grid.open-file` action or dropped on
 * the widget. The file is read and parsed in a worker thread while a
 * pulsing bar with a Cancel button shows. The lines of a TSV statement
 * that cannot be read are listed above the grid with their line numbers
 * and reasons, and every other row is shown.
 */
struct _IwdLocalFileView
{
  GtkWidget       parent_instance;

  GtkRevealer    *load_revealer;      /* template child */
  GtkProgressBar *load_progress;      /* template child */
  GtkLabel       *error_label;        /* template child */
  GtkRevealer    *bad_lines_revealer; /* template child */
  GtkLabel       *bad_lines_label;    /* template child */
  GtkListBox     *bad_lines_list;     /* template child */
  GtkStack       *content_stack;      /* template child; "empty" or "table" */
  IwdTableView   *table_view;         /* template child */

  GCancellable   *load_cancellable;   /* owned; cancels the running load, or NULL */
  guint           pulse_id;           /* source that pulses the bar, or 0 */
  guint           n_bad_lines;
  char           *title;              /* owned; the shown file's name, or NULL */
};

enum {
  PROP_0,
  PROP_TITLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a load returns from its worker thread. */
typedef struct {
  GFile     *file;       /* owned */
  IwdTable  *table;      /* owned; NULL until parsed */
  GPtrArray *bad_lines;  /* owned; of IwdTsvBadLine, NULL unless TSV */
} LoadJob;

typedef enum {
  FILE_KIND_CONTRACTS_JSON,
  FILE_KIND_COMMISSIONS_JSON,
  FILE_KIND_COMMISSIONS_TSV,
} FileKind;

G_DEFINE_FINAL_TYPE (IwdLocalFileView, iwd_local_file_view, GTK_TYPE_WIDGET)

static void
load_job_free (LoadJob *job)
{
  g_clear_object (&job->file);
  g_clear_object (&job->table);
  g_clear_pointer (&job->bad_lines, g_ptr_array_unref);
  g_free (job);
}

/* A file whose first character, after a UTF-8 byte-order mark and
 * spaces, opens a JSON array or object is JSON. It contains contracts
 * when an object nests a "police" or "client" object near the start.
 * Anything else is read as a TSV statement, whose parser reports what
 * does not fit. */
static FileKind
detect_file_kind (GBytes *data)
{
  gsize length = 0;
  const char *text = g_bytes_get_data (data, &length);
  g_autoptr(GRegex) contract_key = NULL;
  gsize start = 0;

  if (length >= 3 && memcmp (text, "\xef\xbb\xbf", 3) == 0)
    start = 3;
  while (start < length && g_ascii_isspace (text[start]))
    start++;

  if (start >= length || (text[start] != '[' && text[start] != '{'))
    return FILE_KIND_COMMISSIONS_TSV;

  contract_key = g_regex_new ("\"(police|client)\"\\s*:\\s*\\{", G_REGEX_RAW, 0, NULL);
  if (g_regex_match_full (contract_key, text + start, MIN (length - start, DETECT_PREFIX_LENGTH),
                          0, 0, NULL, NULL))
    return FILE_KIND_CONTRACTS_JSON;

  return FILE_KIND_COMMISSIONS_JSON;
}

static gboolean
parse_file (LoadJob       *job,
            GBytes        *data,
            GCancellable  *cancellable,
            GError       **error)
{
  switch (detect_file_kind (data))
    {
    case FILE_KIND_CONTRACTS_JSON:
      job->table = iwd_parse_contracts (data, cancellable, error);
      break;
    case FILE_KIND_COMMISSIONS_JSON:
      job->table = iwd_parse_commissions_json (data, cancellable, error);
      break;
    case FILE_KIND_COMMISSIONS_TSV:
    default:
      job->table = iwd_parse_commissions_tsv_lenient (data, cancellable, &job->bad_lines, error);
      break;
    }

  return job->table != NULL;
}

static void
run_load_job (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LoadJob *job = task_data;
  g_autoptr(GBytes) data = NULL;
  GError *error = NULL;

  data = g_file_load_bytes (job->file, cancellable, NULL, &error);
  if (data == NULL || !parse_file (job, data, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

static void
remove_bad_lines (IwdLocalFileView *self)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (self->bad_lines_list, 0)) != NULL)
    gtk_list_box_remove (self->bad_lines_list, GTK_WIDGET (row));

  self->n_bad_lines = 0;
  gtk_revealer_set_reveal_child (self->bad_lines_revealer, FALSE);
}

static void
add_bad_line (IwdLocalFileView *self,
              IwdTsvBadLine    *bad_line)
{
  g_autofree char *text = iwd_bad_line_dup_message (bad_line);
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_margin_start (label, 8);
  gtk_widget_set_margin_end (label, 8);
  gtk_widget_set_margin_top (label, 4);
  gtk_widget_set_margin_bottom (label, 4);

  gtk_list_box_append (self->bad_lines_list, label);
}

static void
show_bad_lines (IwdLocalFileView *self,
                GPtrArray        *bad_lines)
{
  g_autofree char *heading = NULL;

  remove_bad_lines (self);
  if (bad_lines == NULL || bad_lines->len == 0)
    return;

  for (guint i = 0; i < bad_lines->len; i++)
    add_bad_line (self, g_ptr_array_index (bad_lines, i));

  self->n_bad_lines = bad_lines->len;
  heading = g_strdup_printf (ngettext ("%u line could not be read and was left out:",
                                       "%u lines could not be read and were left out:",
                                       bad_lines->len),
                             bad_lines->len);
  gtk_label_set_text (self->bad_lines_label, heading);
  gtk_revealer_set_reveal_child (self->bad_lines_revealer, TRUE);
}

/* Says why a file could not be opened and what to do, in the user's
 * language. The reader's own words follow as details. */
static const char *
describe_load_error (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return _("There is no file at this place. Check its name and folder, or choose it again.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED))
    return _("You may not read this file. Copy it to your own folder, then open the copy.");
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    return _("This is a folder. Choose a file inside it.");
  if (g_error_matches (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY))
    return _("The file is empty. Check that its download finished, then open it again.");
  if (g_error_matches (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING))
    return _("The file is not text in UTF-8 or Windows-1252. Save it as tab-separated text or JSON, "
             "then open it again.");
  if (error->domain == IWD_PARSE_ERROR)
    return _("The file is not a contracts list or a commission statement as ImportWeb writes them. "
             "Check that its download finished, then open it again.");

  return _("The file could not be read. Try again, or choose another file.");
}

static void
show_load_error (IwdLocalFileView *self,
                 GFile            *file,
                 const GError     *error)
{
  g_autofree char *path = g_file_get_parse_name (file);
  g_autofree char *message = NULL;

  g_message ("grid: opening %s failed: %s", path, error->message);

  /* Translators: the first %s is a file path, the second why it could not
   * be opened and what to do, the third the reader's details in English */
  message = g_strdup_printf (_("Could not open %s: %s\nDetails: %s"), path,
                             describe_load_error (error), error->message);

  /* A file shown before stays, and the broker must not take it for the
   * one that failed. */
  if (self->title != NULL)
    {
      /* Translators: %s is the name of the file the window still shows */
      g_autofree char *still = g_strdup_printf (_("The table below is still that of %s."), self->title);
      g_autofree char *shown = g_steal_pointer (&message);

      message = g_strconcat (shown, "\n", still, NULL);
    }

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

static gboolean
pulse (gpointer user_data)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (user_data);

  gtk_progress_bar_pulse (self->load_progress);
  return G_SOURCE_CONTINUE;
}

/* TODO: the bar pulses instead of showing a fraction, because the
 * parsers report no progress. */
static void
show_load_start (IwdLocalFileView *self,
                 GFile            *file)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *text = NULL;

  /* Translators: %s is a file name */
  text = g_strdup_printf (_("Reading %s…"), name);
  gtk_progress_bar_set_text (self->load_progress, text);
  gtk_revealer_set_reveal_child (self->load_revealer, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.cancel-load", TRUE);

  g_clear_handle_id (&self->pulse_id, g_source_remove);
  self->pulse_id = g_timeout_add (PULSE_INTERVAL_MS, pulse, self);
}

static void
show_load_end (IwdLocalFileView *self)
{
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_revealer_set_reveal_child (self->load_revealer, FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.cancel-load", FALSE);
}

static void
cancel_load (IwdLocalFileView *self)
{
  g_cancellable_cancel (self->load_cancellable);
  g_clear_object (&self->load_cancellable);
}

static void
on_load_done (GObject      *source_object,
              GAsyncResult *result,
              gpointer      user_data)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (source_object);
  g_autoptr(GTask) outer = G_TASK (user_data);
  LoadJob *job = g_task_get_task_data (G_TASK (result));
  GError *error = NULL;

  /* A newer load replaced this one, and shows its own state. */
  if (g_task_get_cancellable (G_TASK (result)) == self->load_cancellable)
    show_load_end (self);

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_load_error (self, job->file, error);
      g_task_return_error (outer, error);
      return;
    }

  iwd_table_view_set_table (self->table_view, job->table);
  gtk_stack_set_visible_child_name (self->content_stack, "table");
  show_bad_lines (self, job->bad_lines);

  g_free (self->title);
  self->title = g_file_get_basename (job->file);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);

  g_task_return_boolean (outer, TRUE);
}

static void
on_load_finished (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  /* The view has shown the outcome, and logged any error. */
  iwd_local_file_view_load_finish (IWD_LOCAL_FILE_VIEW (source_object), result, NULL);
}

static void
on_open_response (GtkNativeDialog *dialog,
                  int              response,
                  gpointer         user_data)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (user_data);
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));

  if (file != NULL)
    iwd_local_file_view_load_async (self, file, NULL, on_load_finished, NULL);

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (user_data);
  GFile *file = NULL;

  if (G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    {
      GSList *files = gdk_file_list_get_files (g_value_get_boxed (value));

      file = files != NULL ? files->data : NULL;
      g_slist_free (files);
    }
  else if (G_VALUE_HOLDS (value, G_TYPE_FILE))
    file = g_value_get_object (value);

  if (file == NULL)
    return FALSE;

  iwd_local_file_view_load_async (self, file, NULL, on_load_finished, NULL);
  return TRUE;
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (_("Open a Contracts or Commissions File"),
                                        GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Open"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  gtk_file_filter_set_name (filter, _("Contracts and statements (JSON, TSV, text)"));
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "tsv");
  gtk_file_filter_add_suffix (filter, "txt");
  gtk_file_filter_add_suffix (filter, "csv");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);

  g_signal_connect (dialog, "response", G_CALLBACK (on_open_response), g_object_ref (widget));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
cancel_load_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  cancel_load (IWD_LOCAL_FILE_VIEW (widget));
}

static void
iwd_local_file_view_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (object);

  switch (prop_id)
    {
    case PROP_TITLE:
      g_value_set_string (value, iwd_local_file_view_get_title (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_local_file_view_finalize (GObject *object)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (object);

  g_free (self->title);

  G_OBJECT_CLASS (iwd_local_file_view_parent_class)->finalize (object);
}

static void
iwd_local_file_view_dispose (GObject *object)
{
  IwdLocalFileView *self = IWD_LOCAL_FILE_VIEW (object);
  GtkWidget *child;

  cancel_load (self);
  g_clear_handle_id (&self->pulse_id, g_source_remove);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_LOCAL_FILE_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iwd_local_file_view_parent_class)->dispose (object);
}

static void
iwd_local_file_view_class_init (IwdLocalFileViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_local_file_view_dispose;
  object_class->finalize = iwd_local_file_view_finalize;
  object_class->get_property = iwd_local_file_view_get_property;

  /**
   * IwdLocalFileView:title:
   *
   * A title for the view's window: the shown file's name, or a general
   * title before any file is shown.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  (void) iwd_grid_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/grid/iwd-local-file-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, load_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, load_progress);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, error_label);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, bad_lines_revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, bad_lines_label);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, bad_lines_list);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, content_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdLocalFileView, table_view);

  gtk_widget_class_install_action (widget_class, "grid.open-file", NULL, open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK,
                                       "grid.open-file", NULL);
  gtk_widget_class_install_action (widget_class, "grid.cancel-load", NULL, cancel_load_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "grid.cancel-load", NULL);
}

static void
iwd_local_file_view_init (IwdLocalFileView *self)
{
  GtkDropTarget *target;
  GType types[] = { GDK_TYPE_FILE_LIST, G_TYPE_FILE };

  g_type_ensure (ADW_TYPE_STATUS_PAGE);
  g_type_ensure (IWD_TYPE_TABLE_VIEW);
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "grid.cancel-load", FALSE);

  target = gtk_drop_target_new (G_TYPE_INVALID, GDK_ACTION_COPY);
  gtk_drop_target_set_gtypes (target, types, G_N_ELEMENTS (types));
  g_signal_connect_object (target, "drop", G_CALLBACK (on_drop), self, 0);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}

/**
 * iwd_local_file_view_new:
 *
 * Creates a view that invites the user to open or drop a file.
 *
 * Returns: (transfer full): a new local file view
 */
GtkWidget *
iwd_local_file_view_new (void)
{
  return g_object_new (IWD_TYPE_LOCAL_FILE_VIEW, NULL);
}

/**
 * iwd_local_file_view_get_table_view:
 * @self: a local file view
 *
 * Returns: (transfer none): the grid that shows the file's table
 */
IwdTableView *
iwd_local_file_view_get_table_view (IwdLocalFileView *self)
{
  g_return_val_if_fail (IWD_IS_LOCAL_FILE_VIEW (self), NULL);

  return self->table_view;
}

/**
 * iwd_local_file_view_get_n_bad_lines:
 * @self: a local file view
 *
 * Returns: the number of lines of the file shown that were left out
 */
guint
iwd_local_file_view_get_n_bad_lines (IwdLocalFileView *self)
{
  g_return_val_if_fail (IWD_IS_LOCAL_FILE_VIEW (self), 0);

  return self->n_bad_lines;
}

/**
 * iwd_local_file_view_load_async:
 * @self: a local file view
 * @file: a contracts JSON file, or a commission statement in TSV or JSON
 * @cancellable: (nullable): a #GCancellable; the view's Cancel button and
 *   a newer load cancel the load too
 * @callback: called when the file is shown or the load failed
 * @user_data: data for @callback
 *
 * Reads and parses a file in a worker thread, then shows its table and
 * lists the lines that were left out. The kind of file is detected from
 * its first bytes. An error is shown above the grid, naming the file,
 * and the grid keeps the table it showed before.
 */
void
iwd_local_file_view_load_async (IwdLocalFileView    *self,
                                GFile               *file,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) outer = NULL;
  g_autoptr(GTask) task = NULL;
  LoadJob *job = g_new0 (LoadJob, 1);

  g_return_if_fail (IWD_IS_LOCAL_FILE_VIEW (self));
  g_return_if_fail (G_IS_FILE (file));

  outer = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (outer, iwd_local_file_view_load_async);

  cancel_load (self);
  self->load_cancellable = cancellable != NULL ? g_object_ref (cancellable) : g_cancellable_new ();
  show_load_start (self, file);

  job->file = g_object_ref (file);
  task = g_task_new (self, self->load_cancellable, on_load_done, g_steal_pointer (&outer));
  g_task_set_task_data (task, job, (GDestroyNotify) load_job_free);
  g_task_set_return_on_cancel (task, FALSE);
  g_task_run_in_thread (task, run_load_job);
}

/**
 * iwd_local_file_view_load_finish:
 * @self: a local file view
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE once the file's table is shown, or %FALSE with @error
 *   set: %G_IO_ERROR_CANCELLED, a #GIOError reading the file or an
 *   #IWD_PARSE_ERROR
 */
gboolean
iwd_local_file_view_load_finish (IwdLocalFileView  *self,
                                 GAsyncResult      *result,
                                 GError           **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_local_file_view_load_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * iwd_local_file_view_get_title:
 * @self: a #IwdLocalFileView
 *
 * Returns: the name of the file shown, or "Local File" before any
 */
const char *
iwd_local_file_view_get_title (IwdLocalFileView *self)
{
  g_return_val_if_fail (IWD_IS_LOCAL_FILE_VIEW (self), NULL);

  return self->title != NULL ? self->title : _("Local File");
}
