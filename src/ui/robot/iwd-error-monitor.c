/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "iwd-error-monitor.h"
#include "iwd-robot-error.h"

#define SECONDS_PER_HOUR 3600
#define NOTIFICATION_ID "robot-errors"
#define SEEN_FILE_NAME "seen-robot-errors.txt"

/**
 * IwdErrorMonitor:
 *
 * Reads the robot's error list when started, then every
 * `error-check-interval` hours while the application runs, because each
 * connection error suspends a profile's tasks until the profile is
 * updated. Errors it has not seen before raise one notification per
 * read and add to #IwdErrorMonitor:new-count, which the errors page's
 * tab shows as a badge.
 *
 * An error is known by its profile id, code and date as the robot sends
 * it. The keys seen are kept in memory and in a small text file per
 * account, so that a restart does not notify the same errors again.
 */
struct _IwdErrorMonitor
{
  GObject       parent_instance;

  IwdClient    *client;       /* owned */
  GSettings    *settings;     /* owned */
  GApplication *application; /* unowned, nullable: weak pointer */
  char         *seen_path;    /* owned, nullable: no file without it */
  GHashTable   *seen;         /* owned: keys from dup_error_key() */
  gboolean      seen_loaded;
  guint         new_count;
  guint         timeout_id;
  GCancellable *cancellable;  /* owned, nullable: the periodic check under way */
};

G_DEFINE_FINAL_TYPE (IwdErrorMonitor, iwd_error_monitor, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NEW_COUNT,
  N_PROPS
};

enum {
  SIGNAL_NOTIFICATION,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* A tab separates the parts; the id is escaped because the broker
 * chooses it, and the date is the robot's own text. */
static char *
dup_error_key (IwdRobotError *error)
{
  g_autofree char *id = g_strescape (iwd_robot_error_get_profile_id (error), NULL);
  g_autofree char *date = g_strescape (iwd_robot_error_get_date_text (error), NULL);

  return g_strdup_printf ("%s\t%d\t%s", id, iwd_robot_error_get_code (error), date);
}

static void
load_seen (IwdErrorMonitor *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;

  self->seen_loaded = TRUE;
  if (self->seen_path == NULL)
    return;

  if (!g_file_get_contents (self->seen_path, &contents, NULL, &error))
    {
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        g_warning ("ui: cannot read the robot errors already seen from %s: %s",
                   self->seen_path, error->message);
      return;
    }

  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (*lines[i] != '\0')
        g_hash_table_add (self->seen, g_strdup (lines[i]));
    }
}

static void
save_seen (IwdErrorMonitor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) contents = g_string_new (NULL);
  g_autofree char *dir = NULL;
  GHashTableIter iter;
  gpointer key;

  if (self->seen_path == NULL)
    return;

  g_hash_table_iter_init (&iter, self->seen);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_string_append_printf (contents, "%s\n", (const char *) key);

  dir = g_path_get_dirname (self->seen_path);
  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      !g_file_set_contents_full (self->seen_path, contents->str, contents->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT, 0600, &error))
    g_warning ("ui: cannot save the robot errors already seen to %s: %s", self->seen_path,
               error != NULL ? error->message : g_strerror (errno));
}

/* Replaces the keys seen by those of @errors, so that the file keeps
 * only what the robot still lists, and counts the keys that are new. */
static guint
update_seen (IwdErrorMonitor *self,
             GPtrArray       *errors)
{
  g_autoptr(GHashTable) current = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint n_new = 0;

  if (!self->seen_loaded)
    load_seen (self);

  for (guint i = 0; i < errors->len; i++)
    {
      char *key = dup_error_key (g_ptr_array_index (errors, i));

      if (!g_hash_table_contains (self->seen, key) && !g_hash_table_contains (current, key))
        n_new++;
      g_hash_table_add (current, key);
    }

  g_hash_table_unref (self->seen);
  self->seen = g_steal_pointer (&current);

  return n_new;
}

static GNotification *
new_notification (guint n_new)
{
  g_autofree char *title = NULL;
  GNotification *notification;

  /* Translators: the title of a desktop notification */
  title = g_strdup_printf (ngettext ("%u new robot error", "%u new robot errors", n_new), n_new);
  notification = g_notification_new (title);
  /* TODO: no default action yet, so clicking the notification only
   * raises the window; the window has no action that opens the errors
   * page. */
  g_notification_set_body (notification,
                           _("A connection error pauses a profile’s tasks until you update it. "
                             "Open IWDesk to see which profiles need an update."));
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);

  return notification;
}

/* The notification is emitted as a signal too, so that a caller without
 * a registered application, such as a test, receives what would be sent. */
static void
notify_new_errors (IwdErrorMonitor *self,
                   guint            n_new)
{
  g_autoptr(GNotification) notification = NULL;

  if (!g_settings_get_boolean (self->settings, "notifications"))
    return;

  notification = new_notification (n_new);
  g_signal_emit (self, signals[SIGNAL_NOTIFICATION], 0, notification);

  if (self->application != NULL && g_application_get_is_registered (self->application) &&
      !g_application_get_is_remote (self->application))
    g_application_send_notification (self->application, NOTIFICATION_ID, notification);
}

static void
record_errors (IwdErrorMonitor *self,
               GPtrArray       *errors,
               guint           *out_new)
{
  guint n_new = update_seen (self, errors);

  *out_new = n_new;
  g_debug ("ui: read %u robot errors, %u of them new", errors->len, n_new);
  if (n_new == 0)
    return;

  save_seen (self);
  self->new_count += n_new;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_COUNT]);
  notify_new_errors (self, n_new);
}

static gboolean
count_to_attention (GBinding     *binding,
                    const GValue *from_value,
                    GValue       *to_value,
                    gpointer      user_data)
{
  g_value_set_boolean (to_value, g_value_get_uint (from_value) > 0);

  return TRUE;
}

static void
errors_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  IwdErrorMonitor *self = g_task_get_source_object (task);
  g_autoptr(GPtrArray) errors = NULL;
  GError *error = NULL;
  guint n_new;

  errors = iwd_client_list_errors_finish (IWD_CLIENT (source), result, &error);
  if (errors == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  record_errors (self, errors, &n_new);
  g_task_return_int (task, n_new);
}

static void
periodic_check_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  IwdErrorMonitor *self = IWD_ERROR_MONITOR (source);
  g_autoptr(GError) error = NULL;
  guint n_new;

  if (!iwd_error_monitor_check_finish (self, result, &n_new, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("ui: cannot read the robot errors: %s", error->message);
}

static gboolean
timeout_cb (gpointer user_data)
{
  IwdErrorMonitor *self = user_data;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  iwd_error_monitor_check_async (self, self->cancellable, periodic_check_cb, NULL);

  return G_SOURCE_CONTINUE;
}

static void
schedule_check (IwdErrorMonitor *self)
{
  guint hours = g_settings_get_uint (self->settings, "error-check-interval");

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add_seconds_full (G_PRIORITY_LOW, hours * SECONDS_PER_HOUR,
                                                 timeout_cb, self, NULL);
  g_source_set_name_by_id (self->timeout_id, "[iwdesk] robot error check");
}

static void
interval_changed_cb (IwdErrorMonitor *self)
{
  if (self->timeout_id != 0)
    schedule_check (self);
}

static void
iwd_error_monitor_dispose (GObject *object)
{
  IwdErrorMonitor *self = IWD_ERROR_MONITOR (object);

  iwd_error_monitor_stop (self);
  g_clear_weak_pointer (&self->application);
  g_clear_object (&self->client);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iwd_error_monitor_parent_class)->dispose (object);
}

static void
iwd_error_monitor_finalize (GObject *object)
{
  IwdErrorMonitor *self = IWD_ERROR_MONITOR (object);

  g_clear_pointer (&self->seen_path, g_free);
  g_clear_pointer (&self->seen, g_hash_table_unref);

  G_OBJECT_CLASS (iwd_error_monitor_parent_class)->finalize (object);
}

static void
iwd_error_monitor_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IwdErrorMonitor *self = IWD_ERROR_MONITOR (object);

  switch (prop_id)
    {
    case PROP_NEW_COUNT:
      g_value_set_uint (value, self->new_count);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_error_monitor_class_init (IwdErrorMonitorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_error_monitor_dispose;
  object_class->finalize = iwd_error_monitor_finalize;
  object_class->get_property = iwd_error_monitor_get_property;

  /**
   * IwdErrorMonitor:new-count:
   *
   * Number of robot errors found since the count was last cleared, for
   * the badge of the errors page's tab.
   */
  properties[PROP_NEW_COUNT] =
    g_param_spec_uint ("new-count", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdErrorMonitor::notification:
   * @self: the monitor
   * @notification: the notification about the new errors
   *
   * Emitted once per read that finds new errors, while the
   * `notifications` setting is on, before the notification is sent to
   * the application.
   */
  signals[SIGNAL_NOTIFICATION] =
    g_signal_new ("notification", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_NOTIFICATION);
}

static void
iwd_error_monitor_init (IwdErrorMonitor *self)
{
  self->seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/**
 * iwd_error_monitor_new:
 * @client: the client of the account
 * @settings: (nullable): the application's settings, or %NULL for a new
 *   #GSettings of the application's schema
 * @seen_path: (nullable): the file that keeps the errors already seen,
 *   from iwd_error_monitor_dup_seen_path(), or %NULL to keep them in
 *   memory only
 *
 * Creates a monitor of the robot's errors. It reads nothing until
 * iwd_error_monitor_start() or iwd_error_monitor_check_async().
 *
 * Returns: (transfer full): a new #IwdErrorMonitor
 */
IwdErrorMonitor *
iwd_error_monitor_new (IwdClient  *client,
                       GSettings  *settings,
                       const char *seen_path)
{
  IwdErrorMonitor *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  self = g_object_new (IWD_TYPE_ERROR_MONITOR, NULL);
  self->client = g_object_ref (client);
  self->settings = settings != NULL ? g_object_ref (settings) : g_settings_new (APP_ID);
  self->seen_path = g_strdup (seen_path);
  g_signal_connect_object (self->settings, "changed::error-check-interval",
                           G_CALLBACK (interval_changed_cb), self, G_CONNECT_SWAPPED);

  return self;
}

/**
 * iwd_error_monitor_dup_seen_path:
 * @base_dir: the data directory, g_get_user_data_dir() in the app
 * @account: the account
 *
 * Builds the path of the file that keeps the robot errors already seen,
 * in the account's folder beside the account state.
 *
 * Returns: (transfer full): the path
 */
char *
iwd_error_monitor_dup_seen_path (const char         *base_dir,
                                 const IwdAccountId *account)
{
  g_autofree char *dir_name = NULL;

  g_return_val_if_fail (base_dir != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  dir_name = iwd_account_id_dup_dir_name (account);

  return g_build_filename (base_dir, "iwdesk", "accounts", dir_name, SEEN_FILE_NAME, NULL);
}

/**
 * iwd_error_monitor_set_application:
 * @self: a #IwdErrorMonitor
 * @application: (nullable): the application that sends notifications
 *
 * Sets the application whose notifications announce new errors. The
 * monitor keeps a weak pointer, and sends nothing while the application
 * is not registered.
 */
void
iwd_error_monitor_set_application (IwdErrorMonitor *self,
                                   GApplication    *application)
{
  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));
  g_return_if_fail (application == NULL || G_IS_APPLICATION (application));

  g_set_weak_pointer (&self->application, application);
}

/**
 * iwd_error_monitor_get_new_count:
 * @self: a #IwdErrorMonitor
 *
 * Returns: the number of new errors since the count was last cleared
 */
guint
iwd_error_monitor_get_new_count (IwdErrorMonitor *self)
{
  g_return_val_if_fail (IWD_IS_ERROR_MONITOR (self), 0);

  return self->new_count;
}

/**
 * iwd_error_monitor_clear_new_count:
 * @self: a #IwdErrorMonitor
 *
 * Sets the count of new errors back to zero, once the broker has seen
 * the errors page, and withdraws the notification.
 */
void
iwd_error_monitor_clear_new_count (IwdErrorMonitor *self)
{
  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));

  if (self->application != NULL && g_application_get_is_registered (self->application))
    g_application_withdraw_notification (self->application, NOTIFICATION_ID);

  if (self->new_count == 0)
    return;

  self->new_count = 0;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_COUNT]);
}

/**
 * iwd_error_monitor_bind_badge:
 * @self: a #IwdErrorMonitor
 * @page: the view stack page of the errors page
 *
 * Shows #IwdErrorMonitor:new-count on the tab of @page, as its badge
 * number and its needs-attention dot, for as long as both exist.
 */
void
iwd_error_monitor_bind_badge (IwdErrorMonitor  *self,
                              AdwViewStackPage *page)
{
  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));
  g_return_if_fail (ADW_IS_VIEW_STACK_PAGE (page));

  g_object_bind_property (self, "new-count", page, "badge-number", G_BINDING_SYNC_CREATE);
  g_object_bind_property_full (self, "new-count", page, "needs-attention", G_BINDING_SYNC_CREATE,
                               count_to_attention, NULL, NULL, NULL);
}

/**
 * iwd_error_monitor_start:
 * @self: a #IwdErrorMonitor
 *
 * Reads the error list now, then every `error-check-interval` hours
 * until iwd_error_monitor_stop(). A change of the setting takes effect
 * at once, counting from the change.
 */
void
iwd_error_monitor_start (IwdErrorMonitor *self)
{
  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));

  timeout_cb (self);
  schedule_check (self);
}

/**
 * iwd_error_monitor_stop:
 * @self: a #IwdErrorMonitor
 *
 * Stops the periodic reads and cancels the one under way.
 */
void
iwd_error_monitor_stop (IwdErrorMonitor *self)
{
  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
}

/**
 * iwd_error_monitor_check_async:
 * @self: a #IwdErrorMonitor
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list has been read and compared
 * @user_data: data for @callback
 *
 * Reads the error list once, records the errors not seen before and
 * notifies about them.
 */
void
iwd_error_monitor_check_async (IwdErrorMonitor     *self,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  GTask *task;

  g_return_if_fail (IWD_IS_ERROR_MONITOR (self));
  g_return_if_fail (cancellable == NULL || G_IS_CANCELLABLE (cancellable));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_error_monitor_check_async);
  iwd_client_list_errors_async (self->client, cancellable, errors_listed_cb, task);
}

/**
 * iwd_error_monitor_check_finish:
 * @self: a #IwdErrorMonitor
 * @result: the result given to the callback
 * @out_new_errors: (out) (optional): the number of errors not seen before
 * @error: return location for a #GError
 *
 * Finishes iwd_error_monitor_check_async(). A reply that is not valid
 * JSON fails with %IWD_API_ERROR_INVALID_REPLY and records nothing.
 *
 * Returns: %TRUE if the list was read
 */
gboolean
iwd_error_monitor_check_finish (IwdErrorMonitor  *self,
                                GAsyncResult     *result,
                                guint            *out_new_errors,
                                GError          **error)
{
  gssize n_new;

  g_return_val_if_fail (IWD_IS_ERROR_MONITOR (self), FALSE);
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  n_new = g_task_propagate_int (G_TASK (result), error);
  if (out_new_errors != NULL)
    *out_new_errors = n_new > 0 ? (guint) n_new : 0;

  return n_new >= 0;
}
