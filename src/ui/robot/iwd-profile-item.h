/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "iwd-profile.h"
#include "iwd-profile-record.h"

G_BEGIN_DECLS

/**
 * IwdProfileItemState:
 * @IWD_PROFILE_ITEM_STATE_WORKING: the robot runs the profile's tasks
 * @IWD_PROFILE_ITEM_STATE_SUSPENDED: the robot reported an error, and the
 *   profile's tasks wait until the profile is posted again
 *
 * A profile's state, as the profiles page filters and sorts it.
 */
typedef enum {
  IWD_PROFILE_ITEM_STATE_WORKING,
  IWD_PROFILE_ITEM_STATE_SUSPENDED,
} IwdProfileItemState;

#define IWD_TYPE_PROFILE_ITEM (iwd_profile_item_get_type ())
G_DECLARE_FINAL_TYPE (IwdProfileItem, iwd_profile_item, IWD, PROFILE_ITEM, GObject)

IwdProfileItem      *iwd_profile_item_new            (IwdProfile             *profile,
                                                      const IwdProfileRecord *record,
                                                      const char * const     *portfolios);
IwdProfile          *iwd_profile_item_get_profile    (IwdProfileItem         *self);
const char          *iwd_profile_item_get_id         (IwdProfileItem         *self);
const char          *iwd_profile_item_get_company    (IwdProfileItem         *self);
IwdProfileItemState  iwd_profile_item_get_state      (IwdProfileItem         *self);
gboolean             iwd_profile_item_get_remembered (IwdProfileItem         *self);
const char * const  *iwd_profile_item_get_portfolios (IwdProfileItem         *self);
const char * const  *iwd_profile_item_get_methods    (IwdProfileItem         *self);

G_END_DECLS
