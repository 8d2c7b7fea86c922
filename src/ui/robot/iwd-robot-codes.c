/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gio/gio.h>
#include <glib/gi18n.h>

#include "iwd-robot-codes.h"

typedef struct {
  const char *method;  /* the robot's name, sent in the URL */
  const char *title;   /* English, marked with N_() */
} MethodTitle;

/* The methods that POST Profil/{id}/Tache/{methode} accepts, in the
 * order the API lists them. */
static const MethodTitle method_titles[] = {
  /* Translators: the robot method that downloads commission statements */
  { "Commissions", N_("Commissions") },
  /* Translators: the robot method that downloads new business ("émissions") */
  { "Emissions", N_("New Business") },
  /* Translators: the robot method that downloads unpaid premiums ("impayés") */
  { "Impayes", N_("Unpaid Premiums") },
  /* Translators: the robot method that reads the profile's settings at the insurer */
  { "Profil", N_("Profile") },
  /* Translators: the robot method that downloads the insurer's messages */
  { "Messages", N_("Messages") },
  /* Translators: the robot method that downloads claims ("sinistres") */
  { "Sinistres", N_("Claims") },
  /* NOTE: the API does not expand "MED"; it is read here as "mise en
   * demeure", the formal notice sent before cancelling for unpaid
   * premiums. */
  /* Translators: the robot method "MED", formal notices ("mises en demeure") */
  { "MED", N_("Formal Notices") },
};

static const char * const method_names[] = {
  "Commissions", "Emissions", "Impayes", "Profil", "Messages", "Sinistres", "MED", NULL,
};

/**
 * iwd_robot_list_methods:
 *
 * Lists the robot methods that a profile's task can be forced to run.
 *
 * Returns: (transfer none) (array zero-terminated=1): the method names as
 *   the robot spells them
 */
const char * const *
iwd_robot_list_methods (void)
{
  return method_names;
}

/**
 * iwd_robot_method_get_title:
 * @method: a robot method, as the robot names it
 *
 * Translates a robot method's name for display. An unknown method is
 * returned as it is, because the robot may add methods.
 *
 * Returns: (transfer none): the translated title, or @method
 */
const char *
iwd_robot_method_get_title (const char *method)
{
  g_return_val_if_fail (method != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (method_titles); i++)
    {
      if (g_ascii_strcasecmp (method_titles[i].method, method) == 0)
        return _(method_titles[i].title);
    }

  return method;
}

/**
 * iwd_robot_code_get_explanation:
 * @code: a robot error code
 *
 * Explains a known robot error code in a broker's words, with the action
 * that fixes it.
 *
 * Returns: (transfer none) (nullable): the translated explanation, or
 *   %NULL for a code IWDesk does not know
 */
const char *
iwd_robot_code_get_explanation (int code)
{
  /* TODO: code 8 is the only code the API documents; add the others as
   * the live robot shows them. */
  if (code == IWD_ROBOT_CODE_LOGIN_REFUSED)
    return _("Login refused by the insurer: update the password of this profile");

  return NULL;
}

/**
 * iwd_robot_code_needs_update:
 * @code: a robot error code
 *
 * Tells whether posting the profile again, with new credentials, is what
 * fixes the error.
 *
 * Returns: %TRUE if the page should offer the Update button
 */
gboolean
iwd_robot_code_needs_update (int code)
{
  return code == IWD_ROBOT_CODE_LOGIN_REFUSED;
}

/**
 * iwd_robot_dup_error_message:
 * @error: an error of the ImportWeb client
 *
 * Makes the sentence the robot pages show when no #IwdRobotMessageFunc
 * is set: a translated sentence, with the client's English message as
 * details, so that the failed call stays named.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a
 *   cancellation
 */
char *
iwd_robot_dup_error_message (const GError *error)
{
  g_return_val_if_fail (error != NULL, NULL);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return NULL;

  /* Translators: %s is a technical detail in English, for support */
  return g_strdup_printf (_("The request to the robot failed. Details: %s"), error->message);
}

/**
 * iwd_robot_format_date:
 * @seconds: a robot time, as iwd_text_parse_datetime() gives it: the
 *   API's local time read as if it were UTC
 *
 * Formats a robot time the French way, dd/mm/yyyy HH:MM, whatever the
 * locale, because brokers compare it with their insurers' extranets.
 *
 * Returns: (transfer full): the formatted date
 */
char *
iwd_robot_format_date (gint64 seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_utc (seconds);

  if (date == NULL)
    return g_strdup ("?");

  return g_date_time_format (date, "%d/%m/%Y %H:%M");
}
