/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "iwd-form-draft.h"

/* Only the owner may read a draft: it contains logins, though never a
 * password. */
#define DRAFT_DIR_MODE 0700
#define DRAFT_FILE_MODE 0600

/**
 * iwd_form_draft_dup_path:
 * @account_dir: the folder of the account's local state
 * @company: the company's name, as the company list gives it
 * @profile_id: (nullable): the id of the profile being edited, or %NULL
 *   for a new profile
 *
 * Builds the path of the draft kept for one form. The file name is a hash,
 * because company names may contain characters that a file name cannot.
 *
 * Returns: (transfer full): the path of the draft file
 */
char *
iwd_form_draft_dup_path (const char *account_dir,
                         const char *company,
                         const char *profile_id)
{
  g_autofree char *key = g_strdup_printf ("%s\n%s", company, profile_id != NULL ? profile_id : "new");
  g_autofree char *hash = g_compute_checksum_for_string (G_CHECKSUM_SHA256, key, -1);
  g_autofree char *name = g_strdup_printf ("%s.json", hash);

  return g_build_filename (account_dir, "drafts", name, NULL);
}

/**
 * iwd_form_draft_save:
 * @path: the draft's path, from iwd_form_draft_dup_path()
 * @draft: the draft, without any secret field
 * @error: return location for a #GError
 *
 * Writes @draft to @path, readable by its owner only, and creates the
 * drafts folder if it is missing.
 *
 * Returns: %TRUE if the draft was written
 */
gboolean
iwd_form_draft_save (const char  *path,
                     JsonObject  *draft,
                     GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), draft);
  g_autofree char *text = json_to_string (root, TRUE);

  if (g_mkdir_with_parents (dir, DRAFT_DIR_MODE) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "failed to create %s: %s", dir, g_strerror (saved_errno));
      return FALSE;
    }

  return g_file_set_contents_full (path, text, -1, G_FILE_SET_CONTENTS_CONSISTENT,
                                   DRAFT_FILE_MODE, error);
}

/**
 * iwd_form_draft_load:
 * @path: the draft's path, from iwd_form_draft_dup_path()
 * @error: return location for a #GError
 *
 * Reads the draft at @path. A missing file is not an error.
 *
 * Returns: (transfer full) (nullable): the draft, or %NULL if there is
 *   none or it cannot be read (then @error is set)
 */
JsonObject *
iwd_form_draft_load (const char  *path,
                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    return NULL;

  if (!json_parser_load_from_file (parser, path, error))
    return NULL;

  root = json_parser_get_root (parser);
  if (!JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error (error, JSON_PARSER_ERROR, JSON_PARSER_ERROR_INVALID_DATA,
                   "the draft %s is not a JSON object", path);
      return NULL;
    }

  return json_object_ref (json_node_get_object (root));
}

/**
 * iwd_form_draft_delete:
 * @path: the draft's path, from iwd_form_draft_dup_path()
 * @error: return location for a #GError
 *
 * Deletes the draft at @path. A missing file is not an error.
 *
 * Returns: %TRUE if no draft remains
 */
gboolean
iwd_form_draft_delete (const char  *path,
                       GError     **error)
{
  int saved_errno;

  if (g_unlink (path) == 0)
    return TRUE;

  saved_errno = errno;
  if (saved_errno == ENOENT)
    return TRUE;

  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "failed to delete %s: %s", path, g_strerror (saved_errno));
  return FALSE;
}
