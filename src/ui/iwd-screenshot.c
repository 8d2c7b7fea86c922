/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-screenshot.h"

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

/**
 * iwd_screenshot_save_png:
 * @widget: a realized widget that has been allocated a size
 * @path: the PNG file to write
 * @error: return location for a #GError
 *
 * Renders @widget as it is now, with the renderer of its window, and
 * saves the image to @path. Call it after a frame has been drawn, or
 * the widget has no size.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
iwd_screenshot_save_png (GtkWidget   *widget,
                         const char  *path,
                         GError     **error)
{
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GtkNative *native;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  native = gtk_widget_get_native (widget);
  node = snapshot_widget (widget, width, height);
  if (node == NULL || native == NULL || gtk_native_get_renderer (native) == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                   "The widget has not been drawn yet, so there is nothing to save to %s", path);
      return FALSE;
    }

  texture = gsk_renderer_render_texture (gtk_native_get_renderer (native), node,
                                         &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (!gdk_texture_save_to_png (texture, path))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "Cannot write the PNG file %s", path);
      return FALSE;
    }

  return TRUE;
}
