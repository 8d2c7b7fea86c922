/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * IwdService:
 * @IWD_SERVICE_IWREST: the company service (schemas and credential checks)
 * @IWD_SERVICE_ROBOT: the robot service (profiles, portfolios, data)
 * @IWD_SERVICE_SITE: the public web site (logos and help pages, no
 *   authorization)
 *
 * The base URL that a route's path is relative to.
 */
typedef enum {
  IWD_SERVICE_IWREST,
  IWD_SERVICE_ROBOT,
  IWD_SERVICE_SITE,
} IwdService;

/**
 * IwdRoute:
 *
 * Every call of the ImportWeb API. The verb and path of each live in one
 * table in iwd-routes.c, so that a correction touches that file alone.
 */
typedef enum {
  IWD_ROUTE_COMPANY_LIST,
  IWD_ROUTE_COMPANY_SCHEMA,
  IWD_ROUTE_COMPANY_CHECK,
  IWD_ROUTE_PROFILE_LIST,
  IWD_ROUTE_PROFILE_SAVE,
  IWD_ROUTE_PROFILE_FORCE_TASK,
  IWD_ROUTE_PROFILE_START_DATE,
  IWD_ROUTE_PROFILE_DELETE,
  IWD_ROUTE_ERROR_LIST,
  IWD_ROUTE_PORTFOLIO_CREATE,
  IWD_ROUTE_PORTFOLIO_ADD_PROFILE,
  IWD_ROUTE_PORTFOLIO_CREATE_PROFILE,
  IWD_ROUTE_PORTFOLIO_PROFILE_LIST,
  IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE,
  IWD_ROUTE_PORTFOLIO_DELETE,
  IWD_ROUTE_PORTFOLIO_CONTRACTS,
  IWD_ROUTE_PORTFOLIO_COMMISSIONS,
  IWD_ROUTE_LOGO,
  IWD_ROUTE_HELP_PAGE,
  IWD_ROUTE_HELP_PAGE_OLD,
  IWD_N_ROUTES,
} IwdRoute;

const char *iwd_route_get_method   (IwdRoute    route);
IwdService  iwd_route_get_service  (IwdRoute    route);
const char *iwd_route_get_template (IwdRoute    route);
const char *iwd_route_get_name     (IwdRoute    route);
gboolean    iwd_route_is_inferred  (IwdRoute    route);

char       *iwd_route_expand       (IwdRoute             route,
                                    const char * const  *values);

gboolean    iwd_route_match        (const char  *method,
                                    const char  *path,
                                    IwdService   service,
                                    IwdRoute    *out_route,
                                    GStrv       *out_values);

G_END_DECLS
