/* SPDX-License-Identifier: GPL-3.0-or-later */

/* IwdClient: the Robot calls (profiles, robot errors, portfolios and their
 * contracts and commissions). */

#include "config.h"

#include "iwd-client-private.h"
#include "iwd-client-parsers.h"

static void
set_profile_list_parser (IwdRequest *request)
{
  iwd_request_set_parser (request, iwd_client_parse_profiles,
                          (GDestroyNotify) g_ptr_array_unref, FALSE);
}

static const char *
get_format_value (IwdCommissionsFormat format)
{
  return format == IWD_COMMISSIONS_FORMAT_JSON ? "json" : "csv";
}

static IwdReplyParser
get_commissions_parser (IwdCommissionsFormat format)
{
  if (format == IWD_COMMISSIONS_FORMAT_JSON)
    return iwd_client_parse_commissions_json;

  return iwd_client_parse_commissions_tsv;
}

/**
 * iwd_client_list_profiles_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is read
 * @user_data: data for @callback
 *
 * Fetches every profile of the account, with its tasks.
 */
void
iwd_client_list_profiles_async (IwdClient           *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));

  request = iwd_request_new (IWD_ROUTE_PROFILE_LIST, NULL);
  set_profile_list_parser (request);

  iwd_client_send_request (self, request, iwd_client_list_profiles_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_list_profiles_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdProfile) (nullable): the
 *   profiles, or %NULL with @error set
 */
GPtrArray *
iwd_client_list_profiles_finish (IwdClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_list_profiles_async, error);
}

/**
 * iwd_client_save_profile_async:
 * @self: a client
 * @company: the company's name, as in the company list
 * @profile_id: the broker's id of the profile, at most 15 characters
 * @values: the form's values, keyed by each field's `JSon`
 * @options: (array zero-terminated=1) (nullable): the `Option` of each
 *   field that applies
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Creates the profile, or replaces it whole: the API cannot read a profile
 * back, so a change posts every value again.
 */
void
iwd_client_save_profile_async (IwdClient           *self,
                               const char          *company,
                               const char          *profile_id,
                               JsonObject          *values,
                               const char * const  *options,
                               GCancellable        *cancellable,
                               GAsyncReadyCallback  callback,
                               gpointer             user_data)
{
  g_autofree char *option = iwd_client_join_options (options);
  const char *route_values[] = { company, profile_id, option, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (company != NULL && profile_id != NULL && values != NULL);

  request = iwd_request_new (IWD_ROUTE_PROFILE_SAVE, route_values);
  iwd_request_set_json_object (request, values);

  iwd_client_send_request (self, request, iwd_client_save_profile_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_save_profile_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot stored the profile
 */
gboolean
iwd_client_save_profile_finish (IwdClient     *self,
                                GAsyncResult  *result,
                                GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_save_profile_async, error);
}

/**
 * iwd_client_force_task_async:
 * @self: a client
 * @profile_id: the profile's id
 * @method: the robot method, such as `Commissions` or `Sinistres`
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Adds a task that runs @method for the profile.
 */
void
iwd_client_force_task_async (IwdClient           *self,
                             const char          *profile_id,
                             const char          *method,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  const char *values[] = { profile_id, method, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (profile_id != NULL && method != NULL);

  request = iwd_request_new (IWD_ROUTE_PROFILE_FORCE_TASK, values);

  iwd_client_send_request (self, request, iwd_client_force_task_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_force_task_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot added the task
 */
gboolean
iwd_client_force_task_finish (IwdClient     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_force_task_async, error);
}

/**
 * iwd_client_set_start_date_async:
 * @self: a client
 * @profile_id: the profile's id
 * @date: the date of the last statement the broker already has
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Makes the robot start after @date for the profile.
 */
void
iwd_client_set_start_date_async (IwdClient           *self,
                                 const char          *profile_id,
                                 GDate               *date,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  char day[16];
  const char *values[] = { profile_id, day, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));

  g_snprintf (day, sizeof day, "%04u-%02u-%02u", g_date_get_year (date),
              g_date_get_month (date), g_date_get_day (date));
  request = iwd_request_new (IWD_ROUTE_PROFILE_START_DATE, values);

  iwd_client_send_request (self, request, iwd_client_set_start_date_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_set_start_date_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot stored the date
 */
gboolean
iwd_client_set_start_date_finish (IwdClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_set_start_date_async, error);
}

/**
 * iwd_client_delete_profile_async:
 * @self: a client
 * @profile_id: the profile's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Deletes the profile and so its tasks.
 */
void
iwd_client_delete_profile_async (IwdClient           *self,
                                 const char          *profile_id,
                                 GCancellable        *cancellable,
                                 GAsyncReadyCallback  callback,
                                 gpointer             user_data)
{
  const char *values[] = { profile_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (profile_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PROFILE_DELETE, values);

  iwd_client_send_request (self, request, iwd_client_delete_profile_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_delete_profile_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot deleted the profile
 */
gboolean
iwd_client_delete_profile_finish (IwdClient     *self,
                                  GAsyncResult  *result,
                                  GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_delete_profile_async, error);
}

/**
 * iwd_client_list_errors_async:
 * @self: a client
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is read
 * @user_data: data for @callback
 *
 * Fetches the robot's connection errors. Each one suspends its profile's
 * tasks until the profile is saved again.
 */
void
iwd_client_list_errors_async (IwdClient           *self,
                              GCancellable        *cancellable,
                              GAsyncReadyCallback  callback,
                              gpointer             user_data)
{
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));

  request = iwd_request_new (IWD_ROUTE_ERROR_LIST, NULL);
  iwd_request_set_parser (request, iwd_client_parse_robot_errors,
                          (GDestroyNotify) g_ptr_array_unref, FALSE);

  iwd_client_send_request (self, request, iwd_client_list_errors_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_list_errors_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdRobotError) (nullable):
 *   the errors, or %NULL with @error set
 */
GPtrArray *
iwd_client_list_errors_finish (IwdClient     *self,
                               GAsyncResult  *result,
                               GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_list_errors_async, error);
}

/**
 * iwd_client_create_portfolio_async:
 * @self: a client
 * @portfolio_id: the broker's id of the portfolio
 * @options: the portfolio's name and what to fetch with each contract
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Creates a portfolio. The API cannot list portfolios, so the caller has
 * to remember it.
 */
void
iwd_client_create_portfolio_async (IwdClient                 *self,
                                   const char                *portfolio_id,
                                   const IwdPortfolioOptions *options,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data)
{
  const char *values[] = { portfolio_id, NULL };
  g_autoptr(JsonNode) body = NULL;
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL && options != NULL);

  body = iwd_portfolio_options_to_json (options);
  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_CREATE, values);
  iwd_request_set_json_body (request, body);

  iwd_client_send_request (self, request, iwd_client_create_portfolio_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_create_portfolio_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot created the portfolio
 */
gboolean
iwd_client_create_portfolio_finish (IwdClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_create_portfolio_async, error);
}

/**
 * iwd_client_add_portfolio_profile_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @profile_id: the id of an existing profile
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Adds an existing profile to a portfolio.
 */
void
iwd_client_add_portfolio_profile_async (IwdClient           *self,
                                        const char          *portfolio_id,
                                        const char          *profile_id,
                                        GCancellable        *cancellable,
                                        GAsyncReadyCallback  callback,
                                        gpointer             user_data)
{
  const char *values[] = { portfolio_id, profile_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL && profile_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_ADD_PROFILE, values);

  iwd_client_send_request (self, request, iwd_client_add_portfolio_profile_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_add_portfolio_profile_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot added the profile
 */
gboolean
iwd_client_add_portfolio_profile_finish (IwdClient     *self,
                                         GAsyncResult  *result,
                                         GError       **error)
{
  return iwd_client_propagate_success (self, result,
                                       iwd_client_add_portfolio_profile_async, error);
}

/**
 * iwd_client_create_portfolio_profile_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @company: the company's name, as in the company list
 * @profile_id: the broker's id of the new profile
 * @values: the form's values, keyed by each field's `JSon`
 * @options: (array zero-terminated=1) (nullable): the `Option` of each
 *   field that applies
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Creates a profile inside a portfolio.
 */
void
iwd_client_create_portfolio_profile_async (IwdClient           *self,
                                           const char          *portfolio_id,
                                           const char          *company,
                                           const char          *profile_id,
                                           JsonObject          *values,
                                           const char * const  *options,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  g_autofree char *option = iwd_client_join_options (options);
  const char *route_values[] = { portfolio_id, company, profile_id, option, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL && company != NULL);
  g_return_if_fail (profile_id != NULL && values != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_CREATE_PROFILE, route_values);
  iwd_request_set_json_object (request, values);

  iwd_client_send_request (self, request, iwd_client_create_portfolio_profile_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_create_portfolio_profile_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot created the profile
 */
gboolean
iwd_client_create_portfolio_profile_finish (IwdClient     *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return iwd_client_propagate_success (self, result,
                                       iwd_client_create_portfolio_profile_async, error);
}

/**
 * iwd_client_list_portfolio_profiles_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the list is read
 * @user_data: data for @callback
 *
 * Fetches the profiles of a portfolio.
 */
void
iwd_client_list_portfolio_profiles_async (IwdClient           *self,
                                          const char          *portfolio_id,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  const char *values[] = { portfolio_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_PROFILE_LIST, values);
  set_profile_list_parser (request);

  iwd_client_send_request (self, request, iwd_client_list_portfolio_profiles_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_list_portfolio_profiles_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer container) (element-type IwdProfile) (nullable): the
 *   portfolio's profiles, or %NULL with @error set
 */
GPtrArray *
iwd_client_list_portfolio_profiles_finish (IwdClient     *self,
                                           GAsyncResult  *result,
                                           GError       **error)
{
  return iwd_client_propagate_value (self, result,
                                     iwd_client_list_portfolio_profiles_async, error);
}

/**
 * iwd_client_remove_portfolio_profile_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @profile_id: the profile's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Removes a profile from a portfolio.
 */
void
iwd_client_remove_portfolio_profile_async (IwdClient           *self,
                                           const char          *portfolio_id,
                                           const char          *profile_id,
                                           GCancellable        *cancellable,
                                           GAsyncReadyCallback  callback,
                                           gpointer             user_data)
{
  const char *values[] = { portfolio_id, profile_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL && profile_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE, values);

  iwd_client_send_request (self, request, iwd_client_remove_portfolio_profile_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_remove_portfolio_profile_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot removed the profile
 */
gboolean
iwd_client_remove_portfolio_profile_finish (IwdClient     *self,
                                            GAsyncResult  *result,
                                            GError       **error)
{
  return iwd_client_propagate_success (self, result,
                                       iwd_client_remove_portfolio_profile_async, error);
}

/**
 * iwd_client_delete_portfolio_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the robot has replied
 * @user_data: data for @callback
 *
 * Deletes a portfolio with its profiles and every file downloaded for it.
 */
void
iwd_client_delete_portfolio_async (IwdClient           *self,
                                   const char          *portfolio_id,
                                   GCancellable        *cancellable,
                                   GAsyncReadyCallback  callback,
                                   gpointer             user_data)
{
  const char *values[] = { portfolio_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_DELETE, values);

  iwd_client_send_request (self, request, iwd_client_delete_portfolio_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_delete_portfolio_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: %TRUE if the robot deleted the portfolio
 */
gboolean
iwd_client_delete_portfolio_finish (IwdClient     *self,
                                    GAsyncResult  *result,
                                    GError       **error)
{
  return iwd_client_propagate_success (self, result, iwd_client_delete_portfolio_async, error);
}

/**
 * iwd_client_get_contracts_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @progress_callback: (nullable): called on the main thread with the bytes
 *   read so far and the total, or -1 when unknown
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the contracts are read and parsed
 * @user_data: data for @callback
 *
 * Downloads the portfolio's contracts and parses them in a worker thread.
 */
void
iwd_client_get_contracts_async (IwdClient             *self,
                                const char            *portfolio_id,
                                GFileProgressCallback  progress_callback,
                                gpointer               progress_data,
                                GCancellable          *cancellable,
                                GAsyncReadyCallback    callback,
                                gpointer               user_data)
{
  const char *values[] = { portfolio_id, NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_CONTRACTS, values);
  iwd_request_set_parser (request, iwd_client_parse_contracts, g_object_unref, TRUE);
  iwd_request_set_progress (request, progress_callback, progress_data);

  iwd_client_send_request (self, request, iwd_client_get_contracts_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_get_contracts_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): one row per contract, or %NULL with
 *   @error set
 */
IwdTable *
iwd_client_get_contracts_finish (IwdClient     *self,
                                 GAsyncResult  *result,
                                 GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_get_contracts_async, error);
}

/**
 * iwd_client_get_commissions_async:
 * @self: a client
 * @portfolio_id: the portfolio's id
 * @profile_id: the profile's id
 * @format: the format to ask the robot for
 * @progress_callback: (nullable): called on the main thread with the bytes
 *   read so far and the total, or -1 when unknown
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the statement is read and parsed
 * @user_data: data for @callback
 *
 * Downloads one profile's commission statement and parses it in a worker
 * thread.
 */
void
iwd_client_get_commissions_async (IwdClient             *self,
                                  const char            *portfolio_id,
                                  const char            *profile_id,
                                  IwdCommissionsFormat   format,
                                  GFileProgressCallback  progress_callback,
                                  gpointer               progress_data,
                                  GCancellable          *cancellable,
                                  GAsyncReadyCallback    callback,
                                  gpointer               user_data)
{
  const char *values[] = { portfolio_id, profile_id, get_format_value (format), NULL };
  IwdRequest *request;

  g_return_if_fail (IWD_IS_CLIENT (self));
  g_return_if_fail (portfolio_id != NULL && profile_id != NULL);

  request = iwd_request_new (IWD_ROUTE_PORTFOLIO_COMMISSIONS, values);
  iwd_request_set_parser (request, get_commissions_parser (format), g_object_unref, TRUE);
  iwd_request_set_progress (request, progress_callback, progress_data);

  iwd_client_send_request (self, request, iwd_client_get_commissions_async,
                           cancellable, callback, user_data);
}

/**
 * iwd_client_get_commissions_finish:
 * @self: a client
 * @result: the result given to the callback
 * @error: return location for a #GError
 *
 * Returns: (transfer full) (nullable): one row per statement line, or
 *   %NULL with @error set
 */
IwdTable *
iwd_client_get_commissions_finish (IwdClient     *self,
                                   GAsyncResult  *result,
                                   GError       **error)
{
  return iwd_client_propagate_value (self, result, iwd_client_get_commissions_async, error);
}
