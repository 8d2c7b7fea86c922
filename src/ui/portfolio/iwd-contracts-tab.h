/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-collect-poll.h"
#include "iwd-profile-editor.h"
#include "iwd-table-view.h"

G_BEGIN_DECLS

/* How often a portfolio whose robot is still collecting is fetched again. */
#define IWD_CONTRACTS_TAB_DEFAULT_POLL_INTERVAL_MS IWD_COLLECT_POLL_DEFAULT_INTERVAL_MS

/**
 * IwdContractsTabState:
 * @IWD_CONTRACTS_TAB_STATE_IDLE: nothing loaded yet, or the first load
 *   was cancelled
 * @IWD_CONTRACTS_TAB_STATE_LOADING: the contracts are being downloaded
 * @IWD_CONTRACTS_TAB_STATE_COLLECTING: the robot has no contract yet for
 *   the portfolio's profiles; the tab polls until it has
 * @IWD_CONTRACTS_TAB_STATE_NO_PROFILES: no contract and no profile
 * @IWD_CONTRACTS_TAB_STATE_TABLE: the contracts are shown
 * @IWD_CONTRACTS_TAB_STATE_ERROR: the last load failed
 *
 * What the contracts tab shows.
 */
typedef enum {
  IWD_CONTRACTS_TAB_STATE_IDLE,
  IWD_CONTRACTS_TAB_STATE_LOADING,
  IWD_CONTRACTS_TAB_STATE_COLLECTING,
  IWD_CONTRACTS_TAB_STATE_NO_PROFILES,
  IWD_CONTRACTS_TAB_STATE_TABLE,
  IWD_CONTRACTS_TAB_STATE_ERROR,
} IwdContractsTabState;

#define IWD_TYPE_CONTRACTS_TAB (iwd_contracts_tab_get_type ())
G_DECLARE_FINAL_TYPE (IwdContractsTab, iwd_contracts_tab, IWD, CONTRACTS_TAB, GtkWidget)

GtkWidget            *iwd_contracts_tab_new               (IwdClient         *client,
                                                           IwdAccountState   *state,
                                                           const char        *portfolio_id);
void                  iwd_contracts_tab_set_error_formatter (IwdContractsTab *self,
                                                           IwdErrorFormatter  formatter);
void                  iwd_contracts_tab_set_poll_interval (IwdContractsTab   *self,
                                                           guint              milliseconds);

void                  iwd_contracts_tab_reload            (IwdContractsTab   *self);
void                  iwd_contracts_tab_cancel            (IwdContractsTab   *self);

IwdContractsTabState  iwd_contracts_tab_get_state         (IwdContractsTab   *self);
IwdTableView         *iwd_contracts_tab_get_table_view    (IwdContractsTab   *self);
const char           *iwd_contracts_tab_get_message       (IwdContractsTab   *self);
GDateTime            *iwd_contracts_tab_get_last_checked  (IwdContractsTab   *self);

G_END_DECLS
