/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-collect-poll.h"

/**
 * IwdCollectPoll:
 *
 * The timer of a tab whose data the robot is still collecting. The API
 * reports a finished collection only by mail or webhook, which a desktop
 * client has neither of, so the tab fetches again on an interval. The
 * poll emits #IwdCollectPoll::due once per iwd_collect_poll_schedule(),
 * and remembers when the tab last checked.
 */
struct _IwdCollectPoll
{
  GObject    parent_instance;

  guint      interval_ms;
  guint      source_id;      /* the pending timeout, or 0 */
  GDateTime *last_checked;   /* owned, nullable */
};

G_DEFINE_FINAL_TYPE (IwdCollectPoll, iwd_collect_poll, G_TYPE_OBJECT)

enum {
  SIGNAL_DUE,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
due_cb (gpointer user_data)
{
  IwdCollectPoll *self = user_data;

  self->source_id = 0;
  g_signal_emit (self, signals[SIGNAL_DUE], 0);

  return G_SOURCE_REMOVE;
}

static void
iwd_collect_poll_dispose (GObject *object)
{
  IwdCollectPoll *self = IWD_COLLECT_POLL (object);

  iwd_collect_poll_stop (self);

  G_OBJECT_CLASS (iwd_collect_poll_parent_class)->dispose (object);
}

static void
iwd_collect_poll_finalize (GObject *object)
{
  IwdCollectPoll *self = IWD_COLLECT_POLL (object);

  g_clear_pointer (&self->last_checked, g_date_time_unref);

  G_OBJECT_CLASS (iwd_collect_poll_parent_class)->finalize (object);
}

static void
iwd_collect_poll_class_init (IwdCollectPollClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = iwd_collect_poll_dispose;
  object_class->finalize = iwd_collect_poll_finalize;

  /**
   * IwdCollectPoll::due:
   * @self: the poll
   *
   * Emitted when the interval after iwd_collect_poll_schedule() has
   * passed: the tab fetches its data again.
   */
  signals[SIGNAL_DUE] =
    g_signal_new ("due", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
iwd_collect_poll_init (IwdCollectPoll *self)
{
  self->interval_ms = IWD_COLLECT_POLL_DEFAULT_INTERVAL_MS;
}

/**
 * iwd_collect_poll_new:
 *
 * Creates a poll with the default interval, scheduled nowhere.
 *
 * Returns: (transfer full): a new #IwdCollectPoll
 */
IwdCollectPoll *
iwd_collect_poll_new (void)
{
  return g_object_new (IWD_TYPE_COLLECT_POLL, NULL);
}

/**
 * iwd_collect_poll_set_interval:
 * @self: a #IwdCollectPoll
 * @milliseconds: the time between two fetches,
 *   %IWD_COLLECT_POLL_DEFAULT_INTERVAL_MS by default
 *
 * Sets the interval of the next schedule. A pending one keeps its own.
 */
void
iwd_collect_poll_set_interval (IwdCollectPoll *self,
                               guint           milliseconds)
{
  g_return_if_fail (IWD_IS_COLLECT_POLL (self));
  g_return_if_fail (milliseconds > 0);

  self->interval_ms = milliseconds;
}

/**
 * iwd_collect_poll_get_interval_minutes:
 * @self: a #IwdCollectPoll
 *
 * Gets the interval rounded up to whole minutes, for the sentence that
 * shows the user how often the tab checks.
 *
 * Returns: the interval in minutes, at least 1
 */
guint
iwd_collect_poll_get_interval_minutes (IwdCollectPoll *self)
{
  g_return_val_if_fail (IWD_IS_COLLECT_POLL (self), 1);

  return MAX (1, (self->interval_ms + 59999) / 60000);
}

/**
 * iwd_collect_poll_schedule:
 * @self: a #IwdCollectPoll
 *
 * Emits #IwdCollectPoll::due once after the interval, in place of a
 * pending schedule.
 */
void
iwd_collect_poll_schedule (IwdCollectPoll *self)
{
  g_return_if_fail (IWD_IS_COLLECT_POLL (self));

  iwd_collect_poll_stop (self);
  self->source_id = g_timeout_add (self->interval_ms, due_cb, self);
}

/**
 * iwd_collect_poll_stop:
 * @self: a #IwdCollectPoll
 *
 * Cancels a pending schedule, if any.
 */
void
iwd_collect_poll_stop (IwdCollectPoll *self)
{
  g_return_if_fail (IWD_IS_COLLECT_POLL (self));

  g_clear_handle_id (&self->source_id, g_source_remove);
}

/**
 * iwd_collect_poll_is_scheduled:
 * @self: a #IwdCollectPoll
 *
 * Returns: %TRUE while #IwdCollectPoll::due is pending
 */
gboolean
iwd_collect_poll_is_scheduled (IwdCollectPoll *self)
{
  g_return_val_if_fail (IWD_IS_COLLECT_POLL (self), FALSE);

  return self->source_id != 0;
}

/**
 * iwd_collect_poll_mark_checked:
 * @self: a #IwdCollectPoll
 *
 * Records that the data arrived now, in local time, and words it as
 * "Last checked: 04/12/2026 14:05:10" for the tab to show.
 *
 * Returns: (transfer full): the sentence
 */
char *
iwd_collect_poll_mark_checked (IwdCollectPoll *self)
{
  g_autofree char *when = NULL;

  g_return_val_if_fail (IWD_IS_COLLECT_POLL (self), NULL);

  g_clear_pointer (&self->last_checked, g_date_time_unref);
  self->last_checked = g_date_time_new_now_local ();

  when = g_date_time_format (self->last_checked, "%d/%m/%Y %H:%M:%S");
  /* Translators: %s is a date and time, such as 04/12/2026 14:05:10 */
  return g_strdup_printf (_("Last checked: %s"), when);
}

/**
 * iwd_collect_poll_get_last_checked:
 * @self: a #IwdCollectPoll
 *
 * Returns: (transfer none) (nullable): when the data last arrived, in
 *   local time, or %NULL before iwd_collect_poll_mark_checked()
 */
GDateTime *
iwd_collect_poll_get_last_checked (IwdCollectPoll *self)
{
  g_return_val_if_fail (IWD_IS_COLLECT_POLL (self), NULL);

  return self->last_checked;
}
