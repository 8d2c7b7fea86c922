/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-profile.h"

/**
 * IwdProfile:
 *
 * One insurer login of the broker's account on the robot, as the
 * profile list returns it.
 */
struct _IwdProfile
{
  GObject parent_instance;

  char *company;     /* owned: `cie` */
  char *id;          /* owned: `idClient` */
  int robot_error;   /* `robotErreur`, 0 when none */
  GPtrArray *tasks;  /* owned, of IwdProfileTask */
};

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_ID,
  PROP_ROBOT_ERROR,
  PROP_TASKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (IwdProfileTask, iwd_profile_task,
                     iwd_profile_task_copy, iwd_profile_task_free)

G_DEFINE_FINAL_TYPE (IwdProfile, iwd_profile, G_TYPE_OBJECT)

static void
iwd_profile_constructed (GObject *object)
{
  IwdProfile *self = IWD_PROFILE (object);

  G_OBJECT_CLASS (iwd_profile_parent_class)->constructed (object);

  if (self->company == NULL)
    self->company = g_strdup ("");
  if (self->id == NULL)
    self->id = g_strdup ("");
  if (self->tasks == NULL)
    self->tasks = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_profile_task_free);
}

static void
iwd_profile_finalize (GObject *object)
{
  IwdProfile *self = IWD_PROFILE (object);

  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->id, g_free);
  g_clear_pointer (&self->tasks, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_profile_parent_class)->finalize (object);
}

static void
iwd_profile_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IwdProfile *self = IWD_PROFILE (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;
    case PROP_ROBOT_ERROR:
      g_value_set_int (value, self->robot_error);
      break;
    case PROP_TASKS:
      g_value_set_boxed (value, self->tasks);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_profile_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IwdProfile *self = IWD_PROFILE (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      self->company = g_value_dup_string (value);
      break;
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;
    case PROP_ROBOT_ERROR:
      self->robot_error = g_value_get_int (value);
      break;
    case PROP_TASKS:
      self->tasks = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_profile_class_init (IwdProfileClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->constructed = iwd_profile_constructed;
  object_class->finalize = iwd_profile_finalize;
  object_class->get_property = iwd_profile_get_property;
  object_class->set_property = iwd_profile_set_property;

  properties[PROP_COMPANY] = g_param_spec_string ("company", NULL, NULL, NULL, flags);
  properties[PROP_ID] = g_param_spec_string ("id", NULL, NULL, NULL, flags);
  properties[PROP_ROBOT_ERROR] =
    g_param_spec_int ("robot-error", NULL, NULL, G_MININT, G_MAXINT, 0, flags);
  properties[PROP_TASKS] =
    g_param_spec_boxed ("tasks", NULL, NULL, G_TYPE_PTR_ARRAY, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_profile_init (IwdProfile *self)
{
}

/**
 * iwd_profile_task_new:
 * @label: the robot method's name
 * @inactive: whether the task is suspended
 *
 * Creates a task of a profile.
 *
 * Returns: (transfer full): a new #IwdProfileTask
 */
IwdProfileTask *
iwd_profile_task_new (const char *label,
                      gboolean    inactive)
{
  IwdProfileTask *self = g_new0 (IwdProfileTask, 1);

  self->label = g_strdup (label != NULL ? label : "");
  self->inactive = inactive;
  return self;
}

/**
 * iwd_profile_task_copy:
 * @self: a #IwdProfileTask
 *
 * Copies a task.
 *
 * Returns: (transfer full): a new #IwdProfileTask
 */
IwdProfileTask *
iwd_profile_task_copy (const IwdProfileTask *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return iwd_profile_task_new (self->label, self->inactive);
}

/**
 * iwd_profile_task_free:
 * @self: (nullable): a #IwdProfileTask
 *
 * Frees a task.
 */
void
iwd_profile_task_free (IwdProfileTask *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self);
}

/**
 * iwd_profile_new:
 * @company: the company's name (`cie`)
 * @id: the profile's id (`idClient`)
 * @robot_error: the robot's error code (`robotErreur`), 0 for none
 * @tasks: (nullable) (element-type IwdProfileTask) (transfer none): the
 *   profile's tasks, with iwd_profile_task_free() as their free function
 *
 * Creates a profile. The profile takes a reference on @tasks.
 *
 * Returns: (transfer full): a new #IwdProfile
 */
IwdProfile *
iwd_profile_new (const char *company,
                 const char *id,
                 int         robot_error,
                 GPtrArray  *tasks)
{
  return g_object_new (IWD_TYPE_PROFILE,
                       "company", company,
                       "id", id,
                       "robot-error", robot_error,
                       "tasks", tasks,
                       NULL);
}

/**
 * iwd_profile_get_company:
 * @self: a #IwdProfile
 *
 * Gets the name of the profile's company (`cie`).
 *
 * Returns: (transfer none): the company's name
 */
const char *
iwd_profile_get_company (IwdProfile *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE (self), NULL);

  return self->company;
}

/**
 * iwd_profile_get_id:
 * @self: a #IwdProfile
 *
 * Gets the id that the broker chose for the profile (`idClient`).
 *
 * Returns: (transfer none): the id
 */
const char *
iwd_profile_get_id (IwdProfile *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE (self), NULL);

  return self->id;
}

/**
 * iwd_profile_get_robot_error:
 * @self: a #IwdProfile
 *
 * Gets the robot's last error code for the profile (`robotErreur`).
 *
 * Returns: the error code, 0 when there is none
 */
int
iwd_profile_get_robot_error (IwdProfile *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE (self), 0);

  return self->robot_error;
}

/**
 * iwd_profile_get_tasks:
 * @self: a #IwdProfile
 *
 * Gets the profile's robot tasks, in the order of the reply.
 *
 * Returns: (transfer none) (element-type IwdProfileTask): the tasks
 */
GPtrArray *
iwd_profile_get_tasks (IwdProfile *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE (self), NULL);

  return self->tasks;
}
