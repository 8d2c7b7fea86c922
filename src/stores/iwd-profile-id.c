/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-profile-id.h"
#include "iwd-state-error.h"

static gboolean
is_allowed_char (char c)
{
  return g_ascii_isalnum (c) || c == '-' || c == '_' || c == '.';
}

/* Returns the first character of @id that is not allowed, as a new
 * UTF-8 string, or %NULL if every character is allowed. */
static char *
dup_first_forbidden_char (const char *id)
{
  for (const char *p = id; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!is_allowed_char (*p))
        return g_utf8_substring (p, 0, 1);
    }

  return NULL;
}

/**
 * iwd_profile_id_dup_problem:
 * @id: (nullable): the profile id the broker typed
 * @taken_ids: (array zero-terminated=1) (nullable): the ids of the
 *   account's other profiles
 *
 * Checks a new profile id against the Robot API's rules: not empty and
 * at most %IWD_STATE_MAX_ID_LENGTH characters. Because the id goes into
 * URL paths, it also takes only ASCII letters, digits, '-', '_' and '.',
 * and starts with a letter or a digit, so "." and ".." never become a
 * path segment. It must not be one of @taken_ids.
 *
 * Returns: (transfer full) (nullable): a translated sentence that names
 *   the problem and what to do, or %NULL if @id is valid
 */
char *
iwd_profile_id_dup_problem (const char         *id,
                            const char * const *taken_ids)
{
  g_autofree char *forbidden = NULL;
  glong length;

  if (id == NULL || *id == '\0')
    return g_strdup (_("Type a profile id, such as your own code for this company."));

  length = g_utf8_strlen (id, -1);
  if (length > IWD_STATE_MAX_ID_LENGTH)
    /* Translators: %s is the id the user typed, %ld its length */
    return g_strdup_printf (_("“%s” has %ld characters. Shorten it to %d at most."),
                            id, length, IWD_STATE_MAX_ID_LENGTH);

  forbidden = dup_first_forbidden_char (id);
  if (forbidden != NULL && g_unichar_isspace (g_utf8_get_char (forbidden)))
    /* Translators: %s is the id the user typed */
    return g_strdup_printf (_("“%s” contains a space. Remove it, or put “-” or “_” in its place."), id);

  if (forbidden != NULL)
    /* Translators: the first %s is the id the user typed, the second the character to remove */
    return g_strdup_printf (_("“%s” contains “%s”. Use only letters without accents, digits, “-”, “_” and “.”."),
                            id, forbidden);

  if (!g_ascii_isalnum (id[0]))
    /* Translators: %s is the id the user typed, %c its first character */
    return g_strdup_printf (_("“%s” starts with “%c”. Start it with a letter or a digit."),
                            id, id[0]);

  if (taken_ids != NULL && g_strv_contains (taken_ids, id))
    return g_strdup_printf (_("Another profile of this account already has the id “%s”. Choose another id."),
                            id);

  return NULL;
}
