/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The preferences: how often the robot errors are read, whether they
 * are notified, how long downloads are kept, and the service addresses.
 * Each control is bound to its GSettings key, so a change applies at
 * once and a change made elsewhere shows here. */

#include "config.h"

#include <glib/gi18n.h>

#include "iwd-api-error.h"
#include "iwd-preferences-window.h"

#define DAYS_PER_YEAR 365

/* The positions in the retention unit drop-down. */
enum {
  RETENTION_UNIT_DAYS,
  RETENTION_UNIT_YEARS,
};

/* One service address: its key, its row and the row that explains why
 * the text typed is not used. */
typedef struct {
  const char     *key;
  AdwEntryRow    *row;          /* template child */
  GtkWidget      *error_row;    /* template child */
  GtkLabel       *error_label;  /* template child */
  char           *problem;      /* owned, nullable: the sentence shown */
} UrlField;

enum {
  URL_IWREST,
  URL_ROBOT,
  URL_SITE,
  N_URLS
};

struct _IwdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  GSettings            *settings;               /* owned */
  UrlField              urls[N_URLS];
  gboolean              showing_retention;      /* retention-days is being copied to the controls */

  GtkSpinButton        *interval_spin;          /* template child */
  GtkSwitch            *notifications_switch;   /* template child */
  GtkSpinButton        *retention_spin;         /* template child */
  GtkDropDown          *retention_unit;         /* template child */
};

G_DEFINE_FINAL_TYPE (IwdPreferencesWindow, iwd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

/* Returns the sentence that explains why @url cannot be used, or %NULL when
 * it can. The checks are those of the client, which rejects any other
 * URL when it is created, plus the final slash that the services' paths
 * are appended to. */
static char *
dup_url_problem (const char *url)
{
  g_autoptr(GError) error = NULL;

  if (!iwd_api_check_url (url, &error))
    {
      if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL))
        return g_strdup (_("Plain http:// sends passwords unencrypted, so it is accepted only for a server "
                           "on this computer (localhost or 127.0.0.1). Use https://."));

      if (g_error_matches (error, G_URI_ERROR, G_URI_ERROR_BAD_SCHEME))
        return g_strdup (_("The address must start with https://."));

      return g_strdup (_("This is not a complete address. Type one such as https://ws.importweb.fr/Robot/."));
    }

  if (!g_str_has_suffix (url, "/"))
    return g_strdup (_("The address must end with a slash (/)."));

  return NULL;
}

static void
show_url_problem (UrlField *field)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (field->row));

  g_free (field->problem);
  field->problem = dup_url_problem (text);

  gtk_label_set_text (field->error_label, field->problem != NULL ? field->problem : "");
  gtk_widget_set_visible (field->error_row, field->problem != NULL);

  if (field->problem != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (field->row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (field->row), "error");
}

/* The key keeps its last valid value while the text is rejected. */
static GVariant *
url_to_setting (const GValue       *value,
                const GVariantType *expected_type,
                gpointer            user_data)
{
  const char *url = g_value_get_string (value);
  g_autofree char *problem = dup_url_problem (url != NULL ? url : "");

  if (problem != NULL)
    return NULL;

  return g_variant_new_string (url);
}

static gboolean
url_from_setting (GValue   *value,
                  GVariant *variant,
                  gpointer  user_data)
{
  g_value_set_string (value, g_variant_get_string (variant, NULL));

  return TRUE;
}

static UrlField *
find_url_field (IwdPreferencesWindow *self,
                const char           *key)
{
  for (guint i = 0; i < N_URLS; i++)
    {
      if (g_strcmp0 (self->urls[i].key, key) == 0)
        return &self->urls[i];
    }

  return NULL;
}

static void
bind_urls (IwdPreferencesWindow *self)
{
  for (guint i = 0; i < N_URLS; i++)
    {
      g_settings_bind_with_mapping (self->settings, self->urls[i].key, self->urls[i].row, "text",
                                    G_SETTINGS_BIND_DEFAULT, url_from_setting, url_to_setting, NULL, NULL);
      show_url_problem (&self->urls[i]);
    }
}

static guint
get_retention_factor (IwdPreferencesWindow *self)
{
  if (gtk_drop_down_get_selected (self->retention_unit) == RETENTION_UNIT_YEARS)
    return DAYS_PER_YEAR;

  return 1;
}

/* Shows @days in the spin button, in the unit chosen, with the range
 * of the key in that unit. */
static void
show_retention_in_unit (IwdPreferencesWindow *self,
                        guint                 unit,
                        guint                 days)
{
  guint factor;

  self->showing_retention = TRUE;

  gtk_drop_down_set_selected (self->retention_unit, unit);
  factor = get_retention_factor (self);
  gtk_spin_button_set_range (self->retention_spin, 1, 3650 / factor);
  gtk_spin_button_set_value (self->retention_spin, MAX (1, (days + factor / 2) / factor));

  self->showing_retention = FALSE;
}

/* Keeps the unit chosen while it can show the key exactly, so that
 * typing 730 days does not turn into 2 years under the cursor. */
static void
retention_setting_changed_cb (IwdPreferencesWindow *self)
{
  guint days = g_settings_get_uint (self->settings, "retention-days");
  guint unit = gtk_drop_down_get_selected (self->retention_unit);

  if (days % DAYS_PER_YEAR != 0)
    unit = RETENTION_UNIT_DAYS;

  show_retention_in_unit (self, unit, days);
}

static void
retention_value_changed_cb (IwdPreferencesWindow *self)
{
  guint value = (guint) gtk_spin_button_get_value_as_int (self->retention_spin);

  if (self->showing_retention)
    return;

  g_settings_set_uint (self->settings, "retention-days", value * get_retention_factor (self));
}

/* Switching unit converts the current duration, rounded to whole years. */
static void
retention_unit_changed_cb (IwdPreferencesWindow *self)
{
  guint days = g_settings_get_uint (self->settings, "retention-days");

  if (self->showing_retention)
    return;

  show_retention_in_unit (self, gtk_drop_down_get_selected (self->retention_unit), days);
  retention_value_changed_cb (self);
}

static void
url_changed_cb (IwdPreferencesWindow *self,
                GParamSpec           *pspec,
                AdwEntryRow          *row)
{
  for (guint i = 0; i < N_URLS; i++)
    {
      if (self->urls[i].row == row)
        show_url_problem (&self->urls[i]);
    }
}

static void
iwd_preferences_window_dispose (GObject *object)
{
  IwdPreferencesWindow *self = IWD_PREFERENCES_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PREFERENCES_WINDOW);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iwd_preferences_window_parent_class)->dispose (object);
}

static void
iwd_preferences_window_finalize (GObject *object)
{
  IwdPreferencesWindow *self = IWD_PREFERENCES_WINDOW (object);

  for (guint i = 0; i < N_URLS; i++)
    g_clear_pointer (&self->urls[i].problem, g_free);

  G_OBJECT_CLASS (iwd_preferences_window_parent_class)->finalize (object);
}

static void
iwd_preferences_window_class_init (IwdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_preferences_window_dispose;
  object_class->finalize = iwd_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/IWDesk/ui/iwd-preferences-window.ui");
  gtk_widget_class_bind_template_child_full (widget_class, "iwrest_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_IWREST].row));
  gtk_widget_class_bind_template_child_full (widget_class, "iwrest_error_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_IWREST].error_row));
  gtk_widget_class_bind_template_child_full (widget_class, "iwrest_error", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_IWREST].error_label));
  gtk_widget_class_bind_template_child_full (widget_class, "robot_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_ROBOT].row));
  gtk_widget_class_bind_template_child_full (widget_class, "robot_error_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_ROBOT].error_row));
  gtk_widget_class_bind_template_child_full (widget_class, "robot_error", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_ROBOT].error_label));
  gtk_widget_class_bind_template_child_full (widget_class, "site_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_SITE].row));
  gtk_widget_class_bind_template_child_full (widget_class, "site_error_row", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_SITE].error_row));
  gtk_widget_class_bind_template_child_full (widget_class, "site_error", FALSE,
                                             G_STRUCT_OFFSET (IwdPreferencesWindow, urls[URL_SITE].error_label));
  gtk_widget_class_bind_template_child (widget_class, IwdPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_child (widget_class, IwdPreferencesWindow, notifications_switch);
  gtk_widget_class_bind_template_child (widget_class, IwdPreferencesWindow, retention_spin);
  gtk_widget_class_bind_template_child (widget_class, IwdPreferencesWindow, retention_unit);
  gtk_widget_class_bind_template_callback (widget_class, url_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_value_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, retention_unit_changed_cb);
}

static void
iwd_preferences_window_init (IwdPreferencesWindow *self)
{
  guint days;

  self->urls[URL_IWREST].key = "iwrest-url";
  self->urls[URL_ROBOT].key = "robot-url";
  self->urls[URL_SITE].key = "site-url";
  gtk_widget_init_template (GTK_WIDGET (self));

  self->settings = g_settings_new (APP_ID);
  bind_urls (self);
  g_settings_bind (self->settings, "error-check-interval",
                   gtk_spin_button_get_adjustment (self->interval_spin), "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (self->settings, "notifications", self->notifications_switch, "active", G_SETTINGS_BIND_DEFAULT);

  days = g_settings_get_uint (self->settings, "retention-days");
  show_retention_in_unit (self, days % DAYS_PER_YEAR == 0 ? RETENTION_UNIT_YEARS : RETENTION_UNIT_DAYS, days);
  g_signal_connect_object (self->settings, "changed::retention-days",
                           G_CALLBACK (retention_setting_changed_cb), self, G_CONNECT_SWAPPED);
}

/**
 * iwd_preferences_window_new:
 * @parent: (nullable): the window the preferences belong to
 *
 * Creates the preferences window, modal for @parent.
 *
 * Returns: (transfer none): a new #IwdPreferencesWindow, owned by GTK
 *   like every toplevel
 */
GtkWindow *
iwd_preferences_window_new (GtkWindow *parent)
{
  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);

  return g_object_new (IWD_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       NULL);
}

/**
 * iwd_preferences_window_get_url_problem:
 * @self: a #IwdPreferencesWindow
 * @key: `iwrest-url`, `robot-url` or `site-url`
 *
 * Returns: (nullable): the sentence shown under the address of @key
 *   when its text is rejected, or %NULL when the text is in use
 */
const char *
iwd_preferences_window_get_url_problem (IwdPreferencesWindow *self,
                                        const char           *key)
{
  UrlField *field;

  g_return_val_if_fail (IWD_IS_PREFERENCES_WINDOW (self), NULL);

  field = find_url_field (self, key);
  g_return_val_if_fail (field != NULL, NULL);

  return field->problem;
}
