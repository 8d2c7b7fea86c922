/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-profile-item.h"
#include "iwd-robot-enums.h"

/**
 * IwdProfileItem:
 *
 * One profile as the profiles page lists it: what the robot returns
 * (company, id, error, tasks) merged with what IWDesk remembers of it
 * (the methods chosen and the portfolios it belongs to), because the
 * robot cannot return either.
 */
struct _IwdProfileItem
{
  GObject     parent_instance;

  IwdProfile *profile;     /* owned: from GET Profils */
  gboolean    remembered;  /* whether the account state has a record */
  GStrv       portfolios;  /* owned, never NULL: ids from the account state */
  GStrv       methods;     /* owned, never NULL: from the profile's record */
};

G_DEFINE_FINAL_TYPE (IwdProfileItem, iwd_profile_item, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_COMPANY,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
iwd_profile_item_finalize (GObject *object)
{
  IwdProfileItem *self = IWD_PROFILE_ITEM (object);

  g_clear_object (&self->profile);
  g_clear_pointer (&self->portfolios, g_strfreev);
  g_clear_pointer (&self->methods, g_strfreev);

  G_OBJECT_CLASS (iwd_profile_item_parent_class)->finalize (object);
}

static void
iwd_profile_item_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdProfileItem *self = IWD_PROFILE_ITEM (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, iwd_profile_item_get_id (self));
      break;

    case PROP_COMPANY:
      g_value_set_string (value, iwd_profile_item_get_company (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, iwd_profile_item_get_state (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_profile_item_class_init (IwdProfileItemClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = iwd_profile_item_finalize;
  object_class->get_property = iwd_profile_item_get_property;

  properties[PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_PROFILE_ITEM_STATE, IWD_PROFILE_ITEM_STATE_WORKING,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_profile_item_init (IwdProfileItem *self)
{
}

/**
 * iwd_profile_item_new:
 * @profile: a profile from the robot's list
 * @record: (nullable): what IWDesk posted for it, if it remembers
 * @portfolios: (nullable) (array zero-terminated=1): the portfolios that
 *   the account state links the profile to
 *
 * Merges a robot profile with what IWDesk remembers of it.
 *
 * Returns: (transfer full): a new #IwdProfileItem
 */
IwdProfileItem *
iwd_profile_item_new (IwdProfile             *profile,
                      const IwdProfileRecord *record,
                      const char * const     *portfolios)
{
  static const char * const none[] = { NULL };
  IwdProfileItem *self;

  g_return_val_if_fail (IWD_IS_PROFILE (profile), NULL);

  self = g_object_new (IWD_TYPE_PROFILE_ITEM, NULL);
  self->profile = g_object_ref (profile);
  self->remembered = record != NULL;
  self->methods = g_strdupv (record != NULL && record->methods != NULL
                             ? record->methods : (GStrv) none);
  self->portfolios = g_strdupv ((GStrv) (portfolios != NULL ? portfolios : none));

  return self;
}

/**
 * iwd_profile_item_get_profile:
 * @self: a #IwdProfileItem
 *
 * Returns: (transfer none): the profile as the robot returned it
 */
IwdProfile *
iwd_profile_item_get_profile (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), NULL);

  return self->profile;
}

/**
 * iwd_profile_item_get_id:
 * @self: a #IwdProfileItem
 *
 * Returns: (transfer none): the profile id chosen by the broker
 */
const char *
iwd_profile_item_get_id (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), NULL);

  return iwd_profile_get_id (self->profile);
}

/**
 * iwd_profile_item_get_company:
 * @self: a #IwdProfileItem
 *
 * Returns: (transfer none): the company (`cie`) as the robot spells it
 */
const char *
iwd_profile_item_get_company (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), NULL);

  return iwd_profile_get_company (self->profile);
}

/**
 * iwd_profile_item_get_state:
 * @self: a #IwdProfileItem
 *
 * Returns: whether the robot works on the profile or has suspended it
 */
IwdProfileItemState
iwd_profile_item_get_state (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), IWD_PROFILE_ITEM_STATE_WORKING);

  if (iwd_profile_get_robot_error (self->profile) != 0)
    return IWD_PROFILE_ITEM_STATE_SUSPENDED;

  return IWD_PROFILE_ITEM_STATE_WORKING;
}

/**
 * iwd_profile_item_get_remembered:
 * @self: a #IwdProfileItem
 *
 * Tells whether IWDesk has a record of what it posted for this profile.
 * Without one, updating the profile means typing every field again.
 *
 * Returns: %TRUE if the account state has a record
 */
gboolean
iwd_profile_item_get_remembered (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), FALSE);

  return self->remembered;
}

/**
 * iwd_profile_item_get_portfolios:
 * @self: a #IwdProfileItem
 *
 * Returns: (transfer none) (array zero-terminated=1): the ids of the
 *   portfolios the profile belongs to, possibly none
 */
const char * const *
iwd_profile_item_get_portfolios (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), NULL);

  return (const char * const *) self->portfolios;
}

/**
 * iwd_profile_item_get_methods:
 * @self: a #IwdProfileItem
 *
 * Returns: (transfer none) (array zero-terminated=1): the robot methods
 *   chosen when the profile was posted, possibly none
 */
const char * const *
iwd_profile_item_get_methods (IwdProfileItem *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (self), NULL);

  return (const char * const *) self->methods;
}
