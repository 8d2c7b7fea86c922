/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-client.h"
#include "iwd-freshness-banner.h"
#include "iwd-history-store.h"
#include "iwd-history-view.h"
#include "iwd-profile-editor.h"
#include "iwd-table-view.h"

G_BEGIN_DECLS

/**
 * IwdCommissionsTabState:
 * @IWD_COMMISSIONS_TAB_STATE_IDLE: nothing loaded yet, or the first load
 *   was cancelled
 * @IWD_COMMISSIONS_TAB_STATE_LOADING: commissions are being downloaded
 * @IWD_COMMISSIONS_TAB_STATE_TABLE: the commissions are shown
 * @IWD_COMMISSIONS_TAB_STATE_ERROR: the last load failed
 * @IWD_COMMISSIONS_TAB_STATE_COLLECTING: the statements have no line yet,
 *   so the robot is taken to be still collecting them; the tab polls
 *   until lines arrive
 *
 * What the commissions tab shows.
 */
typedef enum {
  IWD_COMMISSIONS_TAB_STATE_IDLE,
  IWD_COMMISSIONS_TAB_STATE_LOADING,
  IWD_COMMISSIONS_TAB_STATE_TABLE,
  IWD_COMMISSIONS_TAB_STATE_ERROR,
  IWD_COMMISSIONS_TAB_STATE_COLLECTING,
} IwdCommissionsTabState;

#define IWD_TYPE_COMMISSIONS_TAB (iwd_commissions_tab_get_type ())
G_DECLARE_FINAL_TYPE (IwdCommissionsTab, iwd_commissions_tab, IWD, COMMISSIONS_TAB, GtkWidget)

GtkWidget              *iwd_commissions_tab_new                 (IwdClient          *client,
                                                                 const char         *portfolio_id);
void                    iwd_commissions_tab_set_error_formatter (IwdCommissionsTab  *self,
                                                                 IwdErrorFormatter   formatter);
void                    iwd_commissions_tab_set_profiles        (IwdCommissionsTab  *self,
                                                                 const char * const *profile_ids);
void                    iwd_commissions_tab_set_poll_interval   (IwdCommissionsTab  *self,
                                                                 guint               milliseconds);

void                    iwd_commissions_tab_load                (IwdCommissionsTab  *self,
                                                                 const char         *profile_id);
void                    iwd_commissions_tab_cancel              (IwdCommissionsTab  *self);

IwdCommissionsTabState  iwd_commissions_tab_get_state           (IwdCommissionsTab  *self);
guint                   iwd_commissions_tab_get_n_rows          (IwdCommissionsTab  *self);
gboolean                iwd_commissions_tab_get_total           (IwdCommissionsTab  *self,
                                                                 gint64             *out_total);
const char             *iwd_commissions_tab_get_summary         (IwdCommissionsTab  *self);
const char             *iwd_commissions_tab_get_error_message   (IwdCommissionsTab  *self);

void                    iwd_commissions_tab_set_history_store   (IwdCommissionsTab  *self,
                                                                 IwdHistoryStore    *store);
IwdPortfolioData       *iwd_commissions_tab_get_copy            (IwdCommissionsTab  *self,
                                                                 const char         *profile_id);
GPtrArray              *iwd_commissions_tab_take_copies         (IwdCommissionsTab  *self);
IwdFreshnessBanner     *iwd_commissions_tab_get_freshness_banner (IwdCommissionsTab *self);
IwdHistoryView         *iwd_commissions_tab_get_history_view    (IwdCommissionsTab  *self);
void                    iwd_commissions_tab_show_new_lines      (IwdCommissionsTab  *self,
                                                                 gboolean            show);
const char             *iwd_commissions_tab_get_page            (IwdCommissionsTab  *self);
IwdTableView           *iwd_commissions_tab_get_table_view      (IwdCommissionsTab  *self);

G_END_DECLS
