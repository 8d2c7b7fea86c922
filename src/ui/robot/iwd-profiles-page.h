/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-profile-item.h"
#include "iwd-robot-codes.h"

G_BEGIN_DECLS

/**
 * IwdProfilesPageState:
 * @IWD_PROFILES_PAGE_STATE_LOADING: the list is being fetched, or no
 *   client is set yet
 * @IWD_PROFILES_PAGE_STATE_LIST: the profiles are shown
 * @IWD_PROFILES_PAGE_STATE_EMPTY: the account has no profile
 * @IWD_PROFILES_PAGE_STATE_ERROR: the last load failed; the page shows
 *   why and a Retry button
 *
 * What the profiles page shows.
 */
typedef enum {
  IWD_PROFILES_PAGE_STATE_LOADING,
  IWD_PROFILES_PAGE_STATE_LIST,
  IWD_PROFILES_PAGE_STATE_EMPTY,
  IWD_PROFILES_PAGE_STATE_ERROR,
} IwdProfilesPageState;

/**
 * IwdProfilesFilter:
 * @IWD_PROFILES_FILTER_ALL: every profile
 * @IWD_PROFILES_FILTER_WORKING: the profiles the robot works on
 * @IWD_PROFILES_FILTER_SUSPENDED: the profiles suspended by an error
 *
 * Which states the profiles page shows, in the order of its drop-down.
 */
typedef enum {
  IWD_PROFILES_FILTER_ALL,
  IWD_PROFILES_FILTER_WORKING,
  IWD_PROFILES_FILTER_SUSPENDED,
} IwdProfilesFilter;

/**
 * IwdProfilesSort:
 * @IWD_PROFILES_SORT_ID: by profile id
 * @IWD_PROFILES_SORT_COMPANY: by company, then id
 * @IWD_PROFILES_SORT_STATE: suspended first, then by id
 *
 * The order of the profiles page, in the order of its drop-down.
 */
typedef enum {
  IWD_PROFILES_SORT_ID,
  IWD_PROFILES_SORT_COMPANY,
  IWD_PROFILES_SORT_STATE,
} IwdProfilesSort;

#define IWD_TYPE_PROFILES_PAGE (iwd_profiles_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdProfilesPage, iwd_profiles_page, IWD, PROFILES_PAGE, GtkWidget)

GtkWidget            *iwd_profiles_page_new               (void);

void                  iwd_profiles_page_set_client        (IwdProfilesPage     *self,
                                                           IwdClient           *client);
void                  iwd_profiles_page_set_account_state (IwdProfilesPage     *self,
                                                           IwdAccountState     *state);
void                  iwd_profiles_page_set_message_func  (IwdProfilesPage     *self,
                                                           IwdRobotMessageFunc  func);
void                  iwd_profiles_page_set_companies     (IwdProfilesPage     *self,
                                                           GListModel          *companies);

IwdProfilesPageState  iwd_profiles_page_get_state         (IwdProfilesPage     *self);
GListModel           *iwd_profiles_page_get_model         (IwdProfilesPage     *self);
const char           *iwd_profiles_page_get_error_message (IwdProfilesPage     *self);

void                  iwd_profiles_page_set_filter_company (IwdProfilesPage    *self,
                                                            const char         *company);
void                  iwd_profiles_page_set_filter_state  (IwdProfilesPage     *self,
                                                           IwdProfilesFilter    filter);
void                  iwd_profiles_page_set_sort          (IwdProfilesPage     *self,
                                                           IwdProfilesSort      sort);

void                  iwd_profiles_page_reload            (IwdProfilesPage     *self);
void                  iwd_profiles_page_force_task        (IwdProfilesPage     *self,
                                                           const char          *profile_id,
                                                           const char          *method);
void                  iwd_profiles_page_set_start_date    (IwdProfilesPage     *self,
                                                           const char          *profile_id,
                                                           GDate               *date);
void                  iwd_profiles_page_delete_profile    (IwdProfilesPage     *self,
                                                           const char          *profile_id);

G_END_DECLS
