/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "iwd-check-reply.h"
#include "iwd-routes.h"
#include "iwd-portfolio-options.h"
#include "iwd-table.h"

G_BEGIN_DECLS

/**
 * IwdCommissionsFormat:
 * @IWD_COMMISSIONS_FORMAT_TSV: tab-separated text, the API's default
 * @IWD_COMMISSIONS_FORMAT_JSON: the same rows as a JSON array
 */
typedef enum {
  IWD_COMMISSIONS_FORMAT_TSV,
  IWD_COMMISSIONS_FORMAT_JSON,
} IwdCommissionsFormat;

#define IWD_TYPE_CLIENT (iwd_client_get_type ())
G_DECLARE_FINAL_TYPE (IwdClient, iwd_client, IWD, CLIENT, GObject)

IwdClient  *iwd_client_new              (SoupSession  *session,
                                         const char   *iwrest_url,
                                         const char   *robot_url,
                                         const char   *site_url,
                                         GError      **error);
IwdClient  *iwd_client_new_for_server   (SoupSession  *session,
                                         const char   *server_url,
                                         GError      **error);

void        iwd_client_set_credentials  (IwdClient    *self,
                                         const char   *login,
                                         const char   *password);
void        iwd_client_clear_credentials (IwdClient   *self);
const char *iwd_client_get_login        (IwdClient    *self);
SoupSession *iwd_client_new_session     (void);
SoupSession *iwd_client_get_session     (IwdClient    *self);

void        iwd_client_set_timeout      (IwdClient    *self,
                                         guint         seconds);
void        iwd_client_set_retry_policy (IwdClient    *self,
                                         guint         max_retries,
                                         guint         base_delay_ms,
                                         guint         max_delay_ms);
void        iwd_client_set_max_reply_sizes (IwdClient *self,
                                         gsize         max_reply_size,
                                         gsize         max_table_size);

/* IWRest: companies and credential forms */

void        iwd_client_list_companies_async    (IwdClient            *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *iwd_client_list_companies_finish   (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_get_fields_async        (IwdClient            *self,
                                                const char           *company,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *iwd_client_get_fields_finish       (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_check_credentials_async (IwdClient            *self,
                                                const char           *company,
                                                JsonObject           *values,
                                                const char * const   *options,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
IwdCheckReply *iwd_client_check_credentials_finish (IwdClient        *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Robot: profiles and errors */

void        iwd_client_list_profiles_async     (IwdClient            *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *iwd_client_list_profiles_finish    (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_save_profile_async      (IwdClient            *self,
                                                const char           *company,
                                                const char           *profile_id,
                                                JsonObject           *values,
                                                const char * const   *options,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_save_profile_finish     (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_force_task_async        (IwdClient            *self,
                                                const char           *profile_id,
                                                const char           *method,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_force_task_finish       (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_set_start_date_async    (IwdClient            *self,
                                                const char           *profile_id,
                                                GDate                *date,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_set_start_date_finish   (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_delete_profile_async    (IwdClient            *self,
                                                const char           *profile_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_delete_profile_finish   (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_list_errors_async       (IwdClient            *self,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *iwd_client_list_errors_finish      (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Robot: portfolios and their data */

void        iwd_client_create_portfolio_async  (IwdClient                 *self,
                                                const char                *portfolio_id,
                                                const IwdPortfolioOptions *options,
                                                GCancellable              *cancellable,
                                                GAsyncReadyCallback        callback,
                                                gpointer                   user_data);
gboolean    iwd_client_create_portfolio_finish (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_add_portfolio_profile_async (IwdClient        *self,
                                                const char           *portfolio_id,
                                                const char           *profile_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_add_portfolio_profile_finish (IwdClient       *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_create_portfolio_profile_async (IwdClient     *self,
                                                const char           *portfolio_id,
                                                const char           *company,
                                                const char           *profile_id,
                                                JsonObject           *values,
                                                const char * const   *options,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_create_portfolio_profile_finish (IwdClient    *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_list_portfolio_profiles_async (IwdClient      *self,
                                                const char           *portfolio_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GPtrArray  *iwd_client_list_portfolio_profiles_finish (IwdClient     *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_remove_portfolio_profile_async (IwdClient     *self,
                                                const char           *portfolio_id,
                                                const char           *profile_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_remove_portfolio_profile_finish (IwdClient    *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_delete_portfolio_async  (IwdClient            *self,
                                                const char           *portfolio_id,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean    iwd_client_delete_portfolio_finish (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_get_contracts_async     (IwdClient            *self,
                                                const char           *portfolio_id,
                                                GFileProgressCallback progress_callback,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
IwdTable   *iwd_client_get_contracts_finish    (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

void        iwd_client_get_commissions_async   (IwdClient            *self,
                                                const char           *portfolio_id,
                                                const char           *profile_id,
                                                IwdCommissionsFormat  format,
                                                GFileProgressCallback progress_callback,
                                                gpointer              progress_data,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
IwdTable   *iwd_client_get_commissions_finish  (IwdClient            *self,
                                                GAsyncResult         *result,
                                                GError              **error);

/* Site: logos and help pages, fetched without authorization. @etag and
 * @last_modified are the validators of a cached copy, or %NULL; a 304
 * reply finishes with %NULL bytes, no error and *not_modified set. */

void        iwd_client_fetch_asset_async       (IwdClient            *self,
                                                IwdRoute              route,
                                                const char           *company,
                                                const char           *etag,
                                                const char           *last_modified,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GBytes     *iwd_client_fetch_asset_finish      (IwdClient            *self,
                                                GAsyncResult         *result,
                                                gboolean             *out_not_modified,
                                                char                **out_etag,
                                                char                **out_last_modified,
                                                char                **out_content_type,
                                                GError              **error);
char       *iwd_client_dup_asset_url           (IwdClient            *self,
                                                IwdRoute              route,
                                                const char           *company);

G_END_DECLS
