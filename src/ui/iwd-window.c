/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-window.h"

struct _IwdWindow
{
  AdwApplicationWindow  parent_instance;

  IwdClient            *client;          /* owned, nullable */
  GSettings            *settings;        /* owned: the window size */

  AdwToastOverlay      *toast_overlay;   /* template child */
  AdwViewStack         *view_stack;      /* template child */
  IwdCompaniesPage     *companies_page;  /* template child */
};

G_DEFINE_FINAL_TYPE (IwdWindow, iwd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CLIENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
restore_size (IwdWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (IwdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  /* The default size follows the window while it is not maximized, so it
   * is the size to come back to after unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

static gboolean
iwd_window_close_request (GtkWindow *window)
{
  save_size (IWD_WINDOW (window));

  return GTK_WINDOW_CLASS (iwd_window_parent_class)->close_request (window);
}

static void
iwd_window_dispose (GObject *object)
{
  IwdWindow *self = IWD_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_WINDOW);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iwd_window_parent_class)->dispose (object);
}

static void
iwd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IwdWindow *self = IWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IwdWindow *self = IWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      self->client = g_value_dup_object (value);
      iwd_companies_page_set_client (self->companies_page, self->client);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_window_class_init (IwdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = iwd_window_dispose;
  object_class->get_property = iwd_window_get_property;
  object_class->set_property = iwd_window_set_property;
  window_class->close_request = iwd_window_close_request;

  /* TODO: the sign-in page will let the client change, with the account. */
  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IWD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  g_type_ensure (IWD_TYPE_COMPANIES_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/IWDesk/ui/iwd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, companies_page);
}

static void
iwd_window_init (IwdWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  restore_size (self);
}

/**
 * iwd_window_new:
 * @application: the application the window belongs to
 * @client: (nullable): the ImportWeb client the pages load from
 *
 * Creates the main window, at the size and state saved when the last
 * one was closed.
 *
 * Returns: (transfer full): a new #IwdWindow
 */
IwdWindow *
iwd_window_new (GtkApplication *application,
                IwdClient      *client)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (client == NULL || IWD_IS_CLIENT (client), NULL);

  return g_object_new (IWD_TYPE_WINDOW,
                       "application", application,
                       "client", client,
                       NULL);
}

/**
 * iwd_window_get_client:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the client the pages load from
 */
IwdClient *
iwd_window_get_client (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->client;
}

/**
 * iwd_window_get_companies_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the page that lists the companies
 */
IwdCompaniesPage *
iwd_window_get_companies_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->companies_page;
}

/**
 * iwd_window_add_toast:
 * @self: a #IwdWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the current page, so that any page can report the
 * outcome of an operation without a dialog.
 */
void
iwd_window_add_toast (IwdWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (IWD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}
