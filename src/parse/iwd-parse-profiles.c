/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-json-value.h"
#include "iwd-parse-error.h"
#include "iwd-parse-json.h"
#include "iwd-parse-profiles.h"

static IwdProfileTask *
task_from_node (JsonNode  *node,
                guint      task_index,
                GError   **error)
{
  g_autofree char *label = NULL;
  gboolean inactive = FALSE;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                   "task %u is not an object", task_index + 1);
      return NULL;
    }

  object = json_node_get_object (node);
  if (!iwd_json_member_get_string (object, "libelle", &label, error)
      || !iwd_json_member_get_boolean (object, "inactif", &inactive, error))
    {
      g_prefix_error (error, "task %u: ", task_index + 1);
      return NULL;
    }

  return iwd_profile_task_new (label, inactive);
}

/* Reads `profilsTaches`, where a missing or null member means no task. */
static GPtrArray *
read_tasks (JsonObject  *object,
            GError     **error)
{
  g_autoptr(GPtrArray) tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_profile_task_free);
  JsonNode *node = json_object_get_member (object, "profilsTaches");
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_steal_pointer (&tasks);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'profilsTaches' is not an array");
      return NULL;
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      IwdProfileTask *task = task_from_node (json_array_get_element (array, i), i, error);

      if (task == NULL)
        return NULL;
      g_ptr_array_add (tasks, task);
    }

  return g_steal_pointer (&tasks);
}

static gboolean
read_robot_error (JsonObject  *object,
                  int         *out_robot_error,
                  GError     **error)
{
  gint64 robot_error = 0;

  if (!iwd_json_member_get_int64 (object, "robotErreur", &robot_error, error))
    return FALSE;

  if (robot_error < G_MININT || robot_error > G_MAXINT)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'robotErreur' is out of range");
      return FALSE;
    }

  *out_robot_error = (int) robot_error;
  return TRUE;
}

static IwdProfile *
profile_from_object (JsonObject  *object,
                     guint        index,
                     GError     **error)
{
  g_autofree char *company = NULL;
  g_autofree char *id = NULL;
  g_autoptr(GPtrArray) tasks = NULL;
  int robot_error = 0;

  if (!iwd_parse_json_require (object, "cie", index, error)
      || !iwd_parse_json_require (object, "idClient", index, error))
    return NULL;

  if (!iwd_json_member_get_string (object, "cie", &company, error)
      || !iwd_json_member_get_string (object, "idClient", &id, error)
      || !read_robot_error (object, &robot_error, error)
      || (tasks = read_tasks (object, error)) == NULL)
    {
      g_prefix_error (error, "item %u: ", index + 1);
      return NULL;
    }

  return iwd_profile_new (company, id, robot_error, tasks);
}

/**
 * iwd_parse_profiles:
 * @data: the body of a profile list
 * @error: return location for a #GError
 *
 * Reads a profile list: a JSON array of objects with `cie`, `idClient`,
 * `robotErreur` and `profilsTaches`. `idClient` may be a number, which
 * is written back in decimal. `robotErreur` may be a number, a numeric
 * string, or null for no error. A missing or null `profilsTaches` means
 * no task, and a task's `inactif` may be a boolean, 0 or 1, or a string
 * such as "true". `[]` gives an empty list.
 *
 * Fails with %IWD_PARSE_ERROR_SHAPE, naming the item (from 1), when an
 * item is not an object, lacks `cie` or `idClient`, or has a member of a
 * type that cannot stand for its value. Fails as iwd_parse_json_array()
 * does on an empty body and invalid JSON.
 *
 * Returns: (transfer full) (element-type IwdProfile): the profiles, or
 *   %NULL
 */
GPtrArray *
iwd_parse_profiles (GBytes  *data,
                    GError **error)
{
  g_autoptr(JsonArray) array = iwd_parse_json_array (data, error);
  g_autoptr(GPtrArray) profiles = NULL;

  if (array == NULL)
    return NULL;

  profiles = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = iwd_parse_json_item_object (array, i, error);
      IwdProfile *profile = object != NULL ? profile_from_object (object, i, error) : NULL;

      if (profile == NULL)
        return NULL;

      g_ptr_array_add (profiles, profile);
    }

  return g_steal_pointer (&profiles);
}
