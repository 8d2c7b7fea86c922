/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-load-progress.h"
#include "iwd-portfolio-resources.h"

/**
 * IwdLoadProgress:
 *
 * The bytes read so far of a download, with a Cancel button that
 * cancels it. The owner shows it while the download runs and passes it
 * as the data of iwd_load_progress_report().
 */
struct _IwdLoadProgress
{
  GtkWidget       parent_instance;

  GCancellable   *cancellable;   /* owned, nullable: the download shown */
  goffset         bytes;

  GtkLabel       *title_label;   /* template child */
  GtkProgressBar *progress_bar;  /* template child */
};

G_DEFINE_FINAL_TYPE (IwdLoadProgress, iwd_load_progress, GTK_TYPE_WIDGET)

static void
cancel_clicked_cb (IwdLoadProgress *self)
{
  g_cancellable_cancel (self->cancellable);
}

static void
iwd_load_progress_dispose (GObject *object)
{
  IwdLoadProgress *self = IWD_LOAD_PROGRESS (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_LOAD_PROGRESS);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (iwd_load_progress_parent_class)->dispose (object);
}

static void
iwd_load_progress_class_init (IwdLoadProgressClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_load_progress_dispose;

  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-load-progress.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdLoadProgress, title_label);
  gtk_widget_class_bind_template_child (widget_class, IwdLoadProgress, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_load_progress_init (IwdLoadProgress *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iwd_load_progress_new:
 *
 * Returns: (transfer floating): a new #IwdLoadProgress
 */
GtkWidget *
iwd_load_progress_new (void)
{
  return g_object_new (IWD_TYPE_LOAD_PROGRESS, NULL);
}

/**
 * iwd_load_progress_start:
 * @self: a #IwdLoadProgress
 * @title: what is being downloaded, translated
 * @cancellable: what the Cancel button cancels
 *
 * Shows a new download from zero bytes.
 */
void
iwd_load_progress_start (IwdLoadProgress *self,
                         const char      *title,
                         GCancellable    *cancellable)
{
  g_return_if_fail (IWD_IS_LOAD_PROGRESS (self));
  g_return_if_fail (G_IS_CANCELLABLE (cancellable));

  g_set_object (&self->cancellable, cancellable);
  self->bytes = 0;
  gtk_label_set_text (self->title_label, title);
  gtk_progress_bar_set_fraction (self->progress_bar, 0.0);
  gtk_progress_bar_set_text (self->progress_bar, _("Waiting for ImportWeb…"));
}

/**
 * iwd_load_progress_report:
 * @current_bytes: the bytes read so far
 * @total_bytes: the size of the reply, or 0 or less when the server did
 *   not send it
 * @user_data: a #IwdLoadProgress
 *
 * Shows the bytes read: a fraction when the size is known, a pulse
 * otherwise. It is a #GFileProgressCallback for the client's downloads,
 * which call it on the main thread.
 */
void
iwd_load_progress_report (goffset  current_bytes,
                          goffset  total_bytes,
                          gpointer user_data)
{
  IwdLoadProgress *self = user_data;
  g_autofree char *size = NULL;

  g_return_if_fail (IWD_IS_LOAD_PROGRESS (self));

  self->bytes = current_bytes;
  size = g_format_size (current_bytes);
  gtk_progress_bar_set_text (self->progress_bar, size);

  if (total_bytes > 0)
    gtk_progress_bar_set_fraction (self->progress_bar,
                                   CLAMP ((double) current_bytes / (double) total_bytes, 0.0, 1.0));
  else
    gtk_progress_bar_pulse (self->progress_bar);
}

/**
 * iwd_load_progress_get_bytes:
 * @self: a #IwdLoadProgress
 *
 * Returns: the bytes read so far by the download shown
 */
goffset
iwd_load_progress_get_bytes (IwdLoadProgress *self)
{
  g_return_val_if_fail (IWD_IS_LOAD_PROGRESS (self), 0);

  return self->bytes;
}
