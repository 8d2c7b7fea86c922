/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * A strip above a portfolio's grid that shows how fresh its table is:
 * updated at a date, a stored copy being refreshed, or a stored copy
 * shown offline, with a button to try the network again.
 */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-fetch-label.h"
#include "iwd-freshness-banner.h"
#include "iwd-history-resources.h"

struct _IwdFreshnessBanner
{
  GtkWidget         parent_instance;

  IwdPortfolioData *data;            /* owned, nullable */
  char             *message;         /* owned, nullable: the text shown */

  GtkRevealer      *revealer;        /* template child */
  GtkImage         *icon;            /* template child */
  GtkLabel         *message_label;   /* template child */
  GtkButton        *retry_button;    /* template child */
};

G_DEFINE_FINAL_TYPE (IwdFreshnessBanner, iwd_freshness_banner, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_DATA,
  N_PROPS
};

enum {
  SIGNAL_RETRY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static char *
build_message (IwdPortfolioData *data)
{
  GDateTime *fetched_at = iwd_portfolio_data_get_fetched_at (data);
  g_autofree char *date = NULL;

  if (fetched_at == NULL)
    return NULL;

  date = iwd_fetch_label_format_date (fetched_at);

  /* Translators: %s is the date and time of the stored copy. */
  if (iwd_portfolio_data_get_offline (data))
    return g_strdup_printf (_("Offline: showing the copy of %s"), date);

  /* Translators: %s is the date and time of the stored copy. */
  if (iwd_portfolio_data_get_loading (data))
    return g_strdup_printf (_("Showing the copy of %s, refreshing…"), date);

  /* Translators: %s is the date and time of the last download. */
  return g_strdup_printf (_("Updated %s"), date);
}

static void
show_offline_style (IwdFreshnessBanner *self,
                    gboolean            offline)
{
  gtk_image_set_from_icon_name (self->icon, offline ? "network-offline-symbolic"
                                                    : "emblem-ok-symbolic");

  if (offline)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "warning");
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->message_label), "warning");
      gtk_widget_add_css_class (GTK_WIDGET (self->message_label), "dim-label");
    }
}

static void
update (IwdFreshnessBanner *self)
{
  gboolean offline = FALSE;
  gboolean loading = FALSE;

  g_clear_pointer (&self->message, g_free);
  if (self->data != NULL)
    {
      self->message = build_message (self->data);
      offline = iwd_portfolio_data_get_offline (self->data);
      loading = iwd_portfolio_data_get_loading (self->data);
    }

  gtk_label_set_text (self->message_label, self->message != NULL ? self->message : "");
  gtk_revealer_set_reveal_child (self->revealer, self->message != NULL);
  show_offline_style (self, offline);

  gtk_widget_set_visible (GTK_WIDGET (self->retry_button), offline);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "banner.retry", offline && !loading);
}

static void
data_changed_cb (IwdFreshnessBanner *self)
{
  update (self);
}

static void
retry (GtkWidget  *widget,
       const char *action_name,
       GVariant   *parameter)
{
  g_signal_emit (widget, signals[SIGNAL_RETRY], 0);
}

static void
iwd_freshness_banner_dispose (GObject *object)
{
  IwdFreshnessBanner *self = IWD_FRESHNESS_BANNER (object);
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_FRESHNESS_BANNER);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->data);

  G_OBJECT_CLASS (iwd_freshness_banner_parent_class)->dispose (object);
}

static void
iwd_freshness_banner_finalize (GObject *object)
{
  IwdFreshnessBanner *self = IWD_FRESHNESS_BANNER (object);

  g_free (self->message);

  G_OBJECT_CLASS (iwd_freshness_banner_parent_class)->finalize (object);
}

static void
iwd_freshness_banner_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  IwdFreshnessBanner *self = IWD_FRESHNESS_BANNER (object);

  switch (prop_id)
    {
    case PROP_DATA:
      g_value_set_object (value, self->data);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_freshness_banner_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  IwdFreshnessBanner *self = IWD_FRESHNESS_BANNER (object);

  switch (prop_id)
    {
    case PROP_DATA:
      iwd_freshness_banner_set_data (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_freshness_banner_class_init (IwdFreshnessBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_freshness_banner_dispose;
  object_class->finalize = iwd_freshness_banner_finalize;
  object_class->get_property = iwd_freshness_banner_get_property;
  object_class->set_property = iwd_freshness_banner_set_property;

  /**
   * IwdFreshnessBanner:data:
   *
   * The portfolio data whose freshness is shown.
   */
  properties[PROP_DATA] =
    g_param_spec_object ("data", NULL, NULL, IWD_TYPE_PORTFOLIO_DATA,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdFreshnessBanner::retry:
   * @self: the banner
   *
   * Emitted when the user asks to reload an offline copy from the
   * network. The page that owns the data starts the load.
   */
  signals[SIGNAL_RETRY] =
    g_signal_new ("retry", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "banner.retry", NULL, retry);

  (void) iwd_history_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/history/iwd-freshness-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdFreshnessBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, IwdFreshnessBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, IwdFreshnessBanner, message_label);
  gtk_widget_class_bind_template_child (widget_class, IwdFreshnessBanner, retry_button);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "freshness-banner");
}

static void
iwd_freshness_banner_init (IwdFreshnessBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * iwd_freshness_banner_new:
 *
 * Creates a banner that shows nothing until it has data with a table.
 *
 * Returns: (transfer full): a new banner
 */
GtkWidget *
iwd_freshness_banner_new (void)
{
  return g_object_new (IWD_TYPE_FRESHNESS_BANNER, NULL);
}

/**
 * iwd_freshness_banner_set_data:
 * @self: a banner
 * @data: (nullable): the portfolio data to follow
 *
 * Follows the table date and the offline and loading states of @data.
 */
void
iwd_freshness_banner_set_data (IwdFreshnessBanner *self,
                               IwdPortfolioData   *data)
{
  g_return_if_fail (IWD_IS_FRESHNESS_BANNER (self));
  g_return_if_fail (data == NULL || IWD_IS_PORTFOLIO_DATA (data));

  if (self->data == data)
    return;

  if (self->data != NULL)
    g_signal_handlers_disconnect_by_data (self->data, self);
  g_set_object (&self->data, data);

  if (data != NULL)
    {
      g_signal_connect_object (data, "notify::fetched-at", G_CALLBACK (data_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (data, "notify::offline", G_CALLBACK (data_changed_cb),
                               self, G_CONNECT_SWAPPED);
      g_signal_connect_object (data, "notify::loading", G_CALLBACK (data_changed_cb),
                               self, G_CONNECT_SWAPPED);
    }

  update (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATA]);
}

/**
 * iwd_freshness_banner_get_data:
 * @self: a banner
 *
 * Returns: (transfer none) (nullable): the portfolio data followed
 */
IwdPortfolioData *
iwd_freshness_banner_get_data (IwdFreshnessBanner *self)
{
  g_return_val_if_fail (IWD_IS_FRESHNESS_BANNER (self), NULL);

  return self->data;
}

/**
 * iwd_freshness_banner_get_message:
 * @self: a banner
 *
 * Returns: (nullable): the text shown, or %NULL while the banner is
 *   hidden
 */
const char *
iwd_freshness_banner_get_message (IwdFreshnessBanner *self)
{
  g_return_val_if_fail (IWD_IS_FRESHNESS_BANNER (self), NULL);

  return self->message;
}
