/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-routes.h"

#include <string.h>

/*
 * A template is a path relative to its service's base URL. `{name}` is a
 * placeholder that takes one URL-escaped value, either a whole segment or
 * part of one (`{compagnie}.png`). After `?`, a `key={name?}` pair is
 * optional: it is left out when its value is NULL or empty.
 */
typedef struct {
  const char *name;
  const char *method;
  IwdService  service;
  const char *template;
  gboolean    inferred;
} RouteInfo;

/* The API document shows the payloads but lost the screenshots of the
 * requests, so most paths below are inferred. Correct them here, against
 * the Robot service's Swagger and the IWRest API page. The client and
 * the sandbox both read this table and nothing else. */
static const RouteInfo routes[IWD_N_ROUTES] = {
  [IWD_ROUTE_COMPANY_LIST] =
    { "company list", "GET", IWD_SERVICE_IWREST, "param/_IWListe.txt", FALSE },
  [IWD_ROUTE_COMPANY_SCHEMA] =
    { "credential schema", "OPTIONS", IWD_SERVICE_IWREST, "{compagnie}", FALSE },
  /* The PUT verb is documented, but placing the option as a query is not. */
  [IWD_ROUTE_COMPANY_CHECK] =
    { "credential check", "PUT", IWD_SERVICE_IWREST, "{compagnie}?Option={option?}", TRUE },
  [IWD_ROUTE_PROFILE_LIST] =
    { "profile list", "GET", IWD_SERVICE_ROBOT, "Profils", TRUE },
  [IWD_ROUTE_PROFILE_SAVE] =
    { "profile save", "POST", IWD_SERVICE_ROBOT, "Profil/{compagnie}/{id}?Option={option?}", TRUE },
  [IWD_ROUTE_PROFILE_FORCE_TASK] =
    { "forced robot method", "POST", IWD_SERVICE_ROBOT, "Profil/{id}/Tache/{methode}", TRUE },
  [IWD_ROUTE_PROFILE_START_DATE] =
    { "robot start date", "PUT", IWD_SERVICE_ROBOT, "Profil/{id}/Date/{date}", TRUE },
  [IWD_ROUTE_PROFILE_DELETE] =
    { "profile deletion", "DELETE", IWD_SERVICE_ROBOT, "Profil/{id}", TRUE },
  [IWD_ROUTE_ERROR_LIST] =
    { "robot error list", "GET", IWD_SERVICE_ROBOT, "Erreurs", TRUE },
  [IWD_ROUTE_PORTFOLIO_CREATE] =
    { "portfolio creation", "POST", IWD_SERVICE_ROBOT, "PTF/{ptf}", TRUE },
  [IWD_ROUTE_PORTFOLIO_ADD_PROFILE] =
    { "portfolio profile addition", "PUT", IWD_SERVICE_ROBOT, "PTF/{ptf}/Profil/{id}", TRUE },
  [IWD_ROUTE_PORTFOLIO_CREATE_PROFILE] =
    { "portfolio profile creation", "POST", IWD_SERVICE_ROBOT,
      "PTF/{ptf}/Profil/{compagnie}/{id}?Option={option?}", TRUE },
  [IWD_ROUTE_PORTFOLIO_PROFILE_LIST] =
    { "portfolio profile list", "GET", IWD_SERVICE_ROBOT, "PTF/{ptf}/Profils", TRUE },
  [IWD_ROUTE_PORTFOLIO_REMOVE_PROFILE] =
    { "portfolio profile removal", "DELETE", IWD_SERVICE_ROBOT, "PTF/{ptf}/Profil/{id}", TRUE },
  [IWD_ROUTE_PORTFOLIO_DELETE] =
    { "portfolio deletion", "DELETE", IWD_SERVICE_ROBOT, "PTF/{ptf}", TRUE },
  [IWD_ROUTE_PORTFOLIO_CONTRACTS] =
    { "portfolio contracts", "GET", IWD_SERVICE_ROBOT, "PTF/{ptf}/Contrats", TRUE },
  [IWD_ROUTE_PORTFOLIO_COMMISSIONS] =
    { "profile commissions", "GET", IWD_SERVICE_ROBOT,
      "PTF/{ptf}/Profil/{id}/Commissions?format={format?}", FALSE },
  [IWD_ROUTE_LOGO] =
    { "company logo", "GET", IWD_SERVICE_SITE, "include/{compagnie}.png", FALSE },
  [IWD_ROUTE_HELP_PAGE] =
    { "help page", "GET", IWD_SERVICE_SITE, "user/{compagnie}.html", FALSE },
  /* An older ImportWeb client used lower-case names and `.htm` pages. */
  [IWD_ROUTE_HELP_PAGE_OLD] =
    { "help page (.htm)", "GET", IWD_SERVICE_SITE, "user/{compagnie}.htm", TRUE },
};

static const RouteInfo *
lookup_route (IwdRoute route)
{
  g_return_val_if_fail (route < IWD_N_ROUTES, &routes[0]);

  return &routes[route];
}

/* Appends the escaped value of the next placeholder, and skips its name in
 * the template. Returns the template position after the closing brace. */
static const char *
append_placeholder (GString             *url,
                    const char          *brace,
                    const char * const **values)
{
  const char *close = strchr (brace, '}');
  const char *value = **values != NULL ? **values : "";

  g_autofree char *escaped = g_uri_escape_string (value, NULL, FALSE);

  g_assert (close != NULL);
  g_string_append (url, escaped);

  if (**values != NULL)
    (*values)++;

  return close + 1;
}

static void
expand_path (GString             *url,
             const char          *path,
             gsize                length,
             const char * const **values)
{
  const char *end = path + length;
  const char *p = path;

  while (p < end)
    {
      if (*p == '{')
        {
          p = append_placeholder (url, p, values);
          continue;
        }

      g_string_append_c (url, *p);
      p++;
    }
}

/* Expands `key={name}` pairs joined by `&`. A pair whose placeholder is
 * optional and whose value is NULL or empty is left out. */
static void
expand_query (GString             *url,
              const char          *query,
              const char * const **values)
{
  g_auto(GStrv) pairs = g_strsplit (query, "&", -1);
  gboolean first = TRUE;

  for (guint i = 0; pairs[i] != NULL; i++)
    {
      const char *brace = strchr (pairs[i], '{');
      gboolean optional = brace != NULL && strstr (brace, "?}") != NULL;
      const char *value = **values;

      if (brace != NULL && optional && (value == NULL || *value == '\0'))
        {
          if (value != NULL)
            (*values)++;
          continue;
        }

      g_string_append_c (url, first ? '?' : '&');
      first = FALSE;
      expand_path (url, pairs[i], strlen (pairs[i]), values);
    }
}

/* Compares one template segment with one path segment, capturing at most
 * one placeholder that may sit between a literal prefix and suffix. */
static gboolean
match_segment (const char *pattern,
               const char *segment,
               GPtrArray  *captures)
{
  const char *open = strchr (pattern, '{');
  const char *close;
  gsize prefix_length;
  gsize suffix_length;
  gsize segment_length = strlen (segment);

  if (open == NULL)
    return g_ascii_strcasecmp (pattern, segment) == 0;

  close = strchr (open, '}');
  prefix_length = open - pattern;
  suffix_length = strlen (close + 1);

  if (segment_length <= prefix_length + suffix_length)
    return FALSE;

  if (g_ascii_strncasecmp (pattern, segment, prefix_length) != 0)
    return FALSE;

  if (g_ascii_strcasecmp (close + 1, segment + segment_length - suffix_length) != 0)
    return FALSE;

  g_ptr_array_add (captures,
                   g_uri_unescape_segment (segment + prefix_length,
                                           segment + segment_length - suffix_length,
                                           NULL));

  return g_ptr_array_index (captures, captures->len - 1) != NULL;
}

static gboolean
match_template (const char *template,
                char      **segments,
                GPtrArray  *captures)
{
  g_autofree char *path = g_strndup (template, strcspn (template, "?"));
  g_auto(GStrv) patterns = g_strsplit (path, "/", -1);

  if (g_strv_length (patterns) != g_strv_length (segments))
    return FALSE;

  for (guint i = 0; patterns[i] != NULL; i++)
    {
      if (!match_segment (patterns[i], segments[i], captures))
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_route_get_method:
 * @route: a route
 *
 * Returns: the HTTP method of @route, such as "GET"
 */
const char *
iwd_route_get_method (IwdRoute route)
{
  return lookup_route (route)->method;
}

/**
 * iwd_route_get_service:
 * @route: a route
 *
 * Returns: the service whose base URL @route's path is relative to
 */
IwdService
iwd_route_get_service (IwdRoute route)
{
  return lookup_route (route)->service;
}

/**
 * iwd_route_get_template:
 * @route: a route
 *
 * Returns: the path template of @route, such as "PTF/{ptf}/Contrats"
 */
const char *
iwd_route_get_template (IwdRoute route)
{
  return lookup_route (route)->template;
}

/**
 * iwd_route_get_name:
 * @route: a route
 *
 * Returns: a short English name of the call for logs and error messages,
 *   such as "robot error list"
 */
const char *
iwd_route_get_name (IwdRoute route)
{
  return lookup_route (route)->name;
}

/**
 * iwd_route_is_inferred:
 * @route: a route
 *
 * Returns: %TRUE when the verb or path of @route was inferred rather than
 *   documented, and so may need correcting against the live service
 */
gboolean
iwd_route_is_inferred (IwdRoute route)
{
  return lookup_route (route)->inferred;
}

/**
 * iwd_route_expand:
 * @route: a route
 * @values: (array zero-terminated=1): one value for each placeholder of
 *   the template, in order; trailing optional ones may be missing
 *
 * Builds the path and query of @route, relative to its service's base
 * URL. Every value is URL-escaped, `/` included, so an id cannot change
 * the path.
 *
 * Returns: (transfer full): the expanded path, such as
 *   "PTF/PTF%201/Contrats"
 */
char *
iwd_route_expand (IwdRoute            route,
                  const char * const *values)
{
  static const char * const no_values[] = { NULL };
  const char *template = lookup_route (route)->template;
  const char *query = strchr (template, '?');
  gsize path_length = query != NULL ? (gsize) (query - template) : strlen (template);
  const char * const *next = values != NULL ? values : no_values;
  GString *url = g_string_new (NULL);

  expand_path (url, template, path_length, &next);

  if (query != NULL)
    expand_query (url, query + 1, &next);

  g_warn_if_fail (*next == NULL);

  return g_string_free (url, FALSE);
}

/**
 * iwd_route_match:
 * @method: the request's HTTP method
 * @path: the request's path relative to @service's base, without query
 * @service: the service the request was sent to
 * @out_route: (out): the matching route
 * @out_values: (out) (optional) (transfer full): the unescaped values of
 *   the path's placeholders, in template order
 *
 * Finds the route that a request addresses, from the server's side. Literal
 * segments compare without regard to ASCII case, like the real service.
 *
 * Returns: %TRUE if a route matches
 */
gboolean
iwd_route_match (const char *method,
                 const char *path,
                 IwdService  service,
                 IwdRoute   *out_route,
                 GStrv      *out_values)
{
  g_auto(GStrv) segments = NULL;

  g_return_val_if_fail (method != NULL, FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (out_route != NULL, FALSE);

  segments = g_strsplit (path, "/", -1);

  for (guint route = 0; route < IWD_N_ROUTES; route++)
    {
      g_autoptr(GPtrArray) captures = g_ptr_array_new_with_free_func (g_free);

      if (routes[route].service != service || g_strcmp0 (routes[route].method, method) != 0)
        continue;

      if (!match_template (routes[route].template, segments, captures))
        continue;

      *out_route = route;

      if (out_values != NULL)
        {
          g_ptr_array_add (captures, NULL);
          *out_values = (GStrv) g_ptr_array_free (g_steal_pointer (&captures), FALSE);
        }

      return TRUE;
    }

  return FALSE;
}
