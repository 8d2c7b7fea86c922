/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-json-value.h"
#include "iwd-parse-error.h"
#include "iwd-parse-json.h"
#include "iwd-parse-robot-errors.h"
#include "iwd-text.h"

/* The members of one error item, as read before building the error. */
typedef struct {
  char *company;
  char *profile_id;
  char *date_text;
  char *label;
  gint64 code;
  gint64 date;
} IwdRobotErrorMembers;

static void
robot_error_members_clear (IwdRobotErrorMembers *members)
{
  g_clear_pointer (&members->company, g_free);
  g_clear_pointer (&members->profile_id, g_free);
  g_clear_pointer (&members->date_text, g_free);
  g_clear_pointer (&members->label, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IwdRobotErrorMembers, robot_error_members_clear)

static gboolean
require_members (JsonObject  *object,
                 guint        index,
                 GError     **error)
{
  return iwd_parse_json_require (object, "cie", index, error)
         && iwd_parse_json_require (object, "id", index, error)
         && iwd_parse_json_require (object, "date", index, error)
         && iwd_parse_json_require (object, "code", index, error);
}

static gboolean
read_members (JsonObject            *object,
              IwdRobotErrorMembers  *members,
              GError               **error)
{
  if (!iwd_json_member_get_string (object, "cie", &members->company, error)
      || !iwd_json_member_get_string (object, "id", &members->profile_id, error)
      || !iwd_json_member_get_string (object, "date", &members->date_text, error)
      || !iwd_json_member_get_string (object, "libelle", &members->label, error)
      || !iwd_json_member_get_int64 (object, "code", &members->code, error))
    return FALSE;

  if (members->code < G_MININT || members->code > G_MAXINT)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'code' is out of range");
      return FALSE;
    }

  return iwd_text_parse_datetime (members->date_text, &members->date, NULL, error);
}

static IwdRobotError *
robot_error_from_object (JsonObject  *object,
                         guint        index,
                         GError     **error)
{
  g_auto(IwdRobotErrorMembers) members = { 0 };

  if (!require_members (object, index, error))
    return NULL;

  if (!read_members (object, &members, error))
    {
      g_prefix_error (error, "item %u: ", index + 1);
      return NULL;
    }

  return iwd_robot_error_new (members.company, members.profile_id, members.date_text,
                              members.date, (int) members.code, members.label);
}

/**
 * iwd_parse_robot_errors:
 * @data: the body of a robot error list
 * @error: return location for a #GError
 *
 * Reads the robot's error list: a JSON array of objects with `cie`, `id`,
 * `date`, `code` (a number or a numeric string) and `libelle`. `[]` is a
 * valid empty list.
 *
 * Fails with %IWD_PARSE_ERROR_SYNTAX, naming the line and column, when
 * the body is not JSON (such as `"code": 8",`). Fails with
 * %IWD_PARSE_ERROR_SHAPE, naming the item (from 1), when the root is not
 * an array or an item lacks a member or has one of a wrong type. A date
 * that cannot be read gives %IWD_PARSE_ERROR_VALUE, and an empty body
 * %IWD_PARSE_ERROR_EMPTY.
 *
 * Returns: (transfer full) (element-type IwdRobotError): the errors, or
 *   %NULL
 */
GPtrArray *
iwd_parse_robot_errors (GBytes  *data,
                        GError **error)
{
  g_autoptr(JsonArray) array = iwd_parse_json_array (data, error);
  g_autoptr(GPtrArray) robot_errors = NULL;

  if (array == NULL)
    return NULL;

  robot_errors = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonObject *object = iwd_parse_json_item_object (array, i, error);
      IwdRobotError *robot_error =
        object != NULL ? robot_error_from_object (object, i, error) : NULL;

      if (robot_error == NULL)
        return NULL;

      g_ptr_array_add (robot_errors, robot_error);
    }

  return g_steal_pointer (&robot_errors);
}
