/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-client.h"

G_BEGIN_DECLS

/**
 * IwdHelpViewState:
 * @IWD_HELP_VIEW_STATE_EMPTY: no company or no client is set
 * @IWD_HELP_VIEW_STATE_LOADING: the help page is being fetched
 * @IWD_HELP_VIEW_STATE_PAGE: the help page is shown
 * @IWD_HELP_VIEW_STATE_NO_PAGE: the site has no help page for the
 *   company, at either extension
 * @IWD_HELP_VIEW_STATE_ERROR: the fetch failed. The view shows why and a
 *   Retry button
 *
 * What a help view shows.
 */
typedef enum {
  IWD_HELP_VIEW_STATE_EMPTY,
  IWD_HELP_VIEW_STATE_LOADING,
  IWD_HELP_VIEW_STATE_PAGE,
  IWD_HELP_VIEW_STATE_NO_PAGE,
  IWD_HELP_VIEW_STATE_ERROR,
} IwdHelpViewState;

#define IWD_TYPE_HELP_VIEW (iwd_help_view_get_type ())
G_DECLARE_FINAL_TYPE (IwdHelpView, iwd_help_view, IWD, HELP_VIEW, GtkWidget)

GtkWidget        *iwd_help_view_new            (void);

IwdClient        *iwd_help_view_get_client     (IwdHelpView  *self);
void              iwd_help_view_set_client     (IwdHelpView  *self,
                                                IwdClient    *client);
const char       *iwd_help_view_get_company    (IwdHelpView  *self);
void              iwd_help_view_set_company    (IwdHelpView  *self,
                                                const char   *company);

IwdHelpViewState  iwd_help_view_get_state      (IwdHelpView  *self);
const char       *iwd_help_view_get_uri        (IwdHelpView  *self);
void              iwd_help_view_reload         (IwdHelpView  *self);

void              iwd_help_view_fetch_page_async  (IwdClient            *client,
                                                   const char           *company,
                                                   GCancellable         *cancellable,
                                                   GAsyncReadyCallback   callback,
                                                   gpointer              user_data);
GBytes           *iwd_help_view_fetch_page_finish (GAsyncResult         *result,
                                                   char                **out_uri,
                                                   char                **out_content_type,
                                                   GError              **error);

gboolean          iwd_help_view_uri_is_on_site (const char   *uri,
                                                const char   *site_uri);

G_END_DECLS
