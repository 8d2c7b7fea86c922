/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-client.h"
#include "iwd-robot-codes.h"

G_BEGIN_DECLS

/**
 * IwdErrorsPageState:
 * @IWD_ERRORS_PAGE_STATE_LOADING: the list is being fetched, or no
 *   client is set yet
 * @IWD_ERRORS_PAGE_STATE_LIST: the errors are shown
 * @IWD_ERRORS_PAGE_STATE_EMPTY: the robot reported no error
 * @IWD_ERRORS_PAGE_STATE_ERROR: the last load failed, for example on a
 *   reply that is not JSON; the page shows why and a Retry button
 *
 * What the robot errors page shows.
 */
typedef enum {
  IWD_ERRORS_PAGE_STATE_LOADING,
  IWD_ERRORS_PAGE_STATE_LIST,
  IWD_ERRORS_PAGE_STATE_EMPTY,
  IWD_ERRORS_PAGE_STATE_ERROR,
} IwdErrorsPageState;

#define IWD_TYPE_ERRORS_PAGE (iwd_errors_page_get_type ())
G_DECLARE_FINAL_TYPE (IwdErrorsPage, iwd_errors_page, IWD, ERRORS_PAGE, GtkWidget)

GtkWidget          *iwd_errors_page_new               (void);

void                iwd_errors_page_set_client        (IwdErrorsPage       *self,
                                                       IwdClient           *client);
void                iwd_errors_page_set_message_func  (IwdErrorsPage       *self,
                                                       IwdRobotMessageFunc  func);
void                iwd_errors_page_set_companies     (IwdErrorsPage       *self,
                                                       GListModel          *companies);

IwdErrorsPageState  iwd_errors_page_get_state         (IwdErrorsPage       *self);
GListModel         *iwd_errors_page_get_model         (IwdErrorsPage       *self);
const char         *iwd_errors_page_get_error_message (IwdErrorsPage       *self);

void                iwd_errors_page_reload            (IwdErrorsPage       *self);

G_END_DECLS
