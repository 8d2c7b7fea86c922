/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-screenshot.h"

/* How long iwd_screenshot_save_png() waits for a frame of a widget. A
 * slow build, such as build-aux/sanitize's, under a loaded Xvfb mapped the
 * application's window more than a second after it was presented. */
#define FRAME_TIMEOUT_S 20

static void
after_paint_cb (GdkFrameClock *frame_clock,
                gpointer       user_data)
{
  gboolean *painted = user_data;

  *painted = TRUE;
}

static gboolean
frame_timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

/* Runs the main context until @widget is mapped and its window has
 * painted a frame, for FRAME_TIMEOUT_S at most. */
static void
wait_for_frame (GtkWidget *widget)
{
  gboolean timed_out = FALSE;
  gboolean painted = FALSE;
  guint timeout_id = g_timeout_add_seconds (FRAME_TIMEOUT_S, frame_timeout_cb, &timed_out);
  GdkFrameClock *frame_clock = NULL;
  gulong handler_id = 0;

  while (!timed_out && !gtk_widget_get_mapped (widget))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    {
      frame_clock = g_object_ref (gtk_widget_get_frame_clock (widget));
      handler_id = g_signal_connect (frame_clock, "after-paint", G_CALLBACK (after_paint_cb), &painted);
      gtk_widget_queue_draw (widget);
    }

  while (!timed_out && !painted)
    g_main_context_iteration (NULL, TRUE);

  if (frame_clock != NULL)
    g_signal_handler_disconnect (frame_clock, handler_id);
  g_clear_object (&frame_clock);
  if (!timed_out)
    g_source_remove (timeout_id);
}

static GskRenderNode *
snapshot_widget (GtkWidget *widget,
                 int        width,
                 int        height)
{
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (widget);
  GtkSnapshot *snapshot = gtk_snapshot_new ();

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);

  return gtk_snapshot_free_to_node (snapshot);
}

static gboolean
can_render (GtkWidget     *widget,
            GskRenderNode *node)
{
  GtkNative *native = gtk_widget_get_native (widget);

  return node != NULL && native != NULL && gtk_native_get_renderer (native) != NULL;
}

/**
 * iwd_screenshot_save_png:
 * @widget: a widget in a window that is shown or about to be
 * @path: the PNG file to write
 * @error: return location for a #GError
 *
 * Renders @widget as it is now, with the renderer of its window, and
 * saves the image to @path. If @widget has not been drawn yet, this
 * first runs the default main context until its window has painted a
 * frame, for 20 seconds at most, so a fixed delay before the call need
 * not allow for a slow display.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
iwd_screenshot_save_png (GtkWidget   *widget,
                         const char  *path,
                         GError     **error)
{
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer;
  int width, height;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  node = snapshot_widget (widget, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  if (!can_render (widget, node))
    {
      g_clear_pointer (&node, gsk_render_node_unref);
      wait_for_frame (widget);
      node = snapshot_widget (widget, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
    }

  if (!can_render (widget, node))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The widget has not been drawn yet, so there is nothing to save to %s", path);
      return FALSE;
    }

  width = gtk_widget_get_width (widget);
  height = gtk_widget_get_height (widget);
  renderer = gtk_native_get_renderer (gtk_widget_get_native (widget));
  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write the PNG file %s", path);
      return FALSE;
    }

  return TRUE;
}
