/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-collect-errors.h"

#include <glib/gi18n.h>

#include "iwd-robot-error.h"

/* Why a portfolio may stay "still collecting": the robot cannot log in
 * to one of its profiles, and then collects nothing for it. The
 * contracts and commissions tabs read the robot's error list while they
 * wait, and name the profiles in error under their waiting message, so
 * that a broker does not wait for data that will not come. */

static char *
describe_errors (GPtrArray          *errors,
                 const char * const *profile_ids)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < errors->len; i++)
    {
      IwdRobotError *error = g_ptr_array_index (errors, i);
      const char *profile_id = iwd_robot_error_get_profile_id (error);

      if (profile_id == NULL || !g_strv_contains (profile_ids, profile_id))
        continue;

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* Translators: the first %s is a profile id, the second the robot's
       * own message, in French, as ImportWeb sends it */
      g_string_append_printf (text, _("The robot cannot work on profile %s: %s. It collects nothing for this "
                                      "profile until its credentials are updated on the Profiles page."),
                              profile_id, iwd_robot_error_get_label (error));
    }

  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
on_errors_listed (GObject      *source_object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  GStrv profile_ids = g_task_get_task_data (task);
  g_autoptr(GPtrArray) errors = NULL;
  GError *error = NULL;

  errors = iwd_client_list_errors_finish (IWD_CLIENT (source_object), result, &error);
  if (errors == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_pointer (task, describe_errors (errors, (const char * const *) profile_ids), g_free);
}

/**
 * iwd_collect_errors_describe_async:
 * @client: the account's client
 * @profile_ids: (array zero-terminated=1): the profiles whose data is
 *   awaited
 * @cancellable: (nullable): a #GCancellable
 * @callback: called with the description
 * @user_data: data for @callback
 *
 * Reads the robot's error list and describes the errors of @profile_ids,
 * one sentence a line, with what to do.
 */
void
iwd_collect_errors_describe_async (IwdClient           *client,
                                   const char * const  *profile_ids,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (client, cancellable, callback, user_data);

  g_return_if_fail (IWD_IS_CLIENT (client));
  g_return_if_fail (profile_ids != NULL);

  g_task_set_source_tag (task, iwd_collect_errors_describe_async);
  g_task_set_task_data (task, g_strdupv ((GStrv) profile_ids), (GDestroyNotify) g_strfreev);
  iwd_client_list_errors_async (client, cancellable, on_errors_listed, g_steal_pointer (&task));
}

/**
 * iwd_collect_errors_describe_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): the sentences, or %NULL with
 *   @error unset when no awaited profile is in error, or %NULL with
 *   @error set when the list could not be read
 */
char *
iwd_collect_errors_describe_finish (GAsyncResult  *result,
                                    GError       **error)
{
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_collect_errors_describe_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/* A status page to complete once the error list is read. */
typedef struct {
  AdwStatusPage *status;   /* owned */
  char          *waiting;  /* owned: the description shown meanwhile */
} StatusUpdate;

static void
status_update_free (StatusUpdate *update)
{
  g_object_unref (update->status);
  g_free (update->waiting);
  g_free (update);
}

static void
on_status_described (GObject      *source_object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  StatusUpdate *update = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *errors = iwd_collect_errors_describe_finish (result, &error);

  if (errors != NULL)
    {
      g_autofree char *description = g_strconcat (update->waiting, "\n\n", errors, NULL);

      adw_status_page_set_description (update->status, description);
    }
  else if (error != NULL && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_message ("portfolio: cannot read the robot errors while waiting: %s", error->message);

  status_update_free (update);
}

/**
 * iwd_collect_errors_complete_status:
 * @status: the waiting page, whose description is @waiting
 * @waiting: the waiting message
 * @client: the account's client
 * @profile_ids: (array zero-terminated=1): the profiles whose data is
 *   awaited
 * @cancellable: a #GCancellable, cancelled when the page moves on
 *
 * Adds the errors of @profile_ids under @waiting on @status once the
 * robot's error list is read.
 */
void
iwd_collect_errors_complete_status (AdwStatusPage      *status,
                                    const char         *waiting,
                                    IwdClient          *client,
                                    const char * const *profile_ids,
                                    GCancellable       *cancellable)
{
  StatusUpdate *update = g_new0 (StatusUpdate, 1);

  update->status = g_object_ref (status);
  update->waiting = g_strdup (waiting);
  iwd_collect_errors_describe_async (client, profile_ids, cancellable, on_status_described, update);
}
