/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-robot-error.h"

/**
 * IwdRobotError:
 *
 * A connection error of the robot on one profile. Each one suspends the
 * profile's tasks until the profile is posted again.
 */
struct _IwdRobotError
{
  GObject parent_instance;

  char *company;     /* owned: `cie` */
  char *profile_id;  /* owned: `id` */
  char *date_text;   /* owned: `date` as sent */
  gint64 date;       /* seconds, as iwd_text_parse_datetime() gives them */
  int code;
  char *label;       /* owned: `libelle` */
};

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_PROFILE_ID,
  PROP_DATE_TEXT,
  PROP_DATE,
  PROP_CODE,
  PROP_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IwdRobotError, iwd_robot_error, G_TYPE_OBJECT)

static void
iwd_robot_error_finalize (GObject *object)
{
  IwdRobotError *self = IWD_ROBOT_ERROR (object);

  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->profile_id, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->label, g_free);

  G_OBJECT_CLASS (iwd_robot_error_parent_class)->finalize (object);
}

static void
iwd_robot_error_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IwdRobotError *self = IWD_ROBOT_ERROR (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    case PROP_PROFILE_ID:
      g_value_set_string (value, self->profile_id);
      break;
    case PROP_DATE_TEXT:
      g_value_set_string (value, self->date_text);
      break;
    case PROP_DATE:
      g_value_set_int64 (value, self->date);
      break;
    case PROP_CODE:
      g_value_set_int (value, self->code);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_robot_error_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IwdRobotError *self = IWD_ROBOT_ERROR (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      self->company = g_value_dup_string (value);
      break;
    case PROP_PROFILE_ID:
      self->profile_id = g_value_dup_string (value);
      break;
    case PROP_DATE_TEXT:
      self->date_text = g_value_dup_string (value);
      break;
    case PROP_DATE:
      self->date = g_value_get_int64 (value);
      break;
    case PROP_CODE:
      self->code = g_value_get_int (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_robot_error_class_init (IwdRobotErrorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = iwd_robot_error_finalize;
  object_class->get_property = iwd_robot_error_get_property;
  object_class->set_property = iwd_robot_error_set_property;

  properties[PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, NULL, flags);
  properties[PROP_PROFILE_ID] = g_param_spec_string ("profile-id", NULL, NULL, NULL, flags);
  properties[PROP_DATE_TEXT] = g_param_spec_string ("date-text", NULL, NULL, NULL, flags);
  properties[PROP_DATE] =
    g_param_spec_int64 ("date", NULL, NULL, G_MININT64, G_MAXINT64, 0, flags);
  properties[PROP_CODE] = g_param_spec_int ("code", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_LABEL] = g_param_spec_string ("label", NULL, NULL, NULL, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_robot_error_init (IwdRobotError *self)
{
}

/**
 * iwd_robot_error_new:
 * @company: the company's name (`cie`)
 * @profile_id: the profile's id (`id`)
 * @date_text: the date as the robot sent it
 * @date: @date_text in seconds, as iwd_text_parse_datetime() gives them
 * @code: the error code
 * @label: the robot's description of the error (`libelle`)
 *
 * Creates a robot error.
 *
 * Returns: (transfer full): a new #IwdRobotError
 */
IwdRobotError *
iwd_robot_error_new (const char *company,
                     const char *profile_id,
                     const char *date_text,
                     gint64      date,
                     int         code,
                     const char *label)
{
  return g_object_new (IWD_TYPE_ROBOT_ERROR,
                       "company", company,
                       "profile-id", profile_id,
                       "date-text", date_text,
                       "date", date,
                       "code", code,
                       "label", label,
                       NULL);
}

/**
 * iwd_robot_error_get_company:
 * @self: a #IwdRobotError
 *
 * Gets the name of the company whose login failed (`cie`).
 *
 * Returns: (transfer none) (nullable): the company's name
 */
const char *
iwd_robot_error_get_company (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), NULL);

  return self->company;
}

/**
 * iwd_robot_error_get_profile_id:
 * @self: a #IwdRobotError
 *
 * Gets the id of the profile whose tasks are suspended (`id`).
 *
 * Returns: (transfer none) (nullable): the profile's id
 */
const char *
iwd_robot_error_get_profile_id (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), NULL);

  return self->profile_id;
}

/**
 * iwd_robot_error_get_date_text:
 * @self: a #IwdRobotError
 *
 * Gets the error's date as the robot sent it.
 *
 * Returns: (transfer none) (nullable): the date text
 */
const char *
iwd_robot_error_get_date_text (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), NULL);

  return self->date_text;
}

/**
 * iwd_robot_error_get_date:
 * @self: a #IwdRobotError
 *
 * Gets the error's naive local date-time in seconds since
 * 1970-01-01T00:00:00, counted as if it were UTC.
 *
 * Returns: the date in seconds
 */
gint64
iwd_robot_error_get_date (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), 0);

  return self->date;
}

/**
 * iwd_robot_error_get_code:
 * @self: a #IwdRobotError
 *
 * Gets the robot's error code.
 *
 * Returns: the code
 */
int
iwd_robot_error_get_code (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), 0);

  return self->code;
}

/**
 * iwd_robot_error_get_label:
 * @self: a #IwdRobotError
 *
 * Gets the robot's description of the error (`libelle`), in French as the
 * robot writes it.
 *
 * Returns: (transfer none) (nullable): the description
 */
const char *
iwd_robot_error_get_label (IwdRobotError *self)
{
  g_return_val_if_fail (IWD_IS_ROBOT_ERROR (self), NULL);

  return self->label;
}
