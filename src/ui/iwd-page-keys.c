/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-page-keys.h"

/* The page keys that reach the window: a page binds Ctrl+F, F5, Ctrl+R,
 * Ctrl+N and Alt+Left itself, which GTK runs only while the focus is inside it. At
 * start-up, after Alt+1 or after a tab was chosen, the focus sits on the
 * tab bar or nowhere, and the window then passes the key to the page
 * shown. Each key lists the widgets that take it, as type names, deepest
 * first, with the action each one runs. */

typedef struct {
  const char *type_name;
  const char *action;
} PageTarget;

static const PageTarget search_targets[] = {
  { "IwdTableView", "table-view.search" },
  { "IwdCompaniesPage", "companies.search" },
};

static const PageTarget new_targets[] = {
  { "IwdPortfoliosPage", "portfolios.new" },
};

static const PageTarget back_targets[] = {
  { "IwdPortfoliosPage", "portfolios.back" },
  { "IwdCompaniesPage", "companies.back" },
};

static const PageTarget reload_targets[] = {
  { "IwdPortfolioView", "portfolio.refresh" },
  { "IwdCompaniesPage", "companies.reload" },
  { "IwdProfilesPage", "profiles.reload" },
  { "IwdErrorsPage", "errors.reload" },
};

/* Finds the first descendant of @widget, or @widget, of @type that is on
 * screen: the hidden pages of a stack are not mapped. */
static GtkWidget *
find_mapped (GtkWidget *widget,
             GType      type)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;

  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_mapped (child, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static gboolean
run_first (GtkWidget        *page,
           const PageTarget *targets,
           guint             n_targets)
{
  for (guint i = 0; i < n_targets; i++)
    {
      GType type = g_type_from_name (targets[i].type_name);
      GtkWidget *target = type != G_TYPE_INVALID ? find_mapped (page, type) : NULL;

      if (target != NULL && gtk_widget_activate_action (target, targets[i].action, NULL))
        return TRUE;
    }

  return FALSE;
}

/**
 * iwd_page_keys_run:
 * @page: the page shown
 * @key: "search", "reload", "new" or "back"
 *
 * Runs the page's own action for @key: the search of the grid or the
 * list shown, the reload of the page, a new portfolio, or the way back
 * to the list.
 *
 * Returns: %TRUE if a widget of @page took the key
 */
gboolean
iwd_page_keys_run (GtkWidget  *page,
                   const char *key)
{
  g_return_val_if_fail (GTK_IS_WIDGET (page), FALSE);

  if (g_strcmp0 (key, "search") == 0)
    return run_first (page, search_targets, G_N_ELEMENTS (search_targets));

  if (g_strcmp0 (key, "reload") == 0)
    return run_first (page, reload_targets, G_N_ELEMENTS (reload_targets));

  if (g_strcmp0 (key, "new") == 0)
    return run_first (page, new_targets, G_N_ELEMENTS (new_targets));

  if (g_strcmp0 (key, "back") == 0)
    return run_first (page, back_targets, G_N_ELEMENTS (back_targets));

  return FALSE;
}
