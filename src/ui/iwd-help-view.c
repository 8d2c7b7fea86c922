/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A company's help page from the ImportWeb site, shown in a web view.
 *
 * The page is fetched with the client, first at its .html address, then
 * at the .htm address that older clients used, and only then reported as
 * missing. The fetched bytes go into the web view with the page's address
 * as base, so relative links and images resolve against the site. Links
 * that leave the site open in the user's browser. */

#include "config.h"

#include <adwaita.h>
#include <webkit/webkit.h>

#include "iwd-api-error.h"
#include "iwd-error-message.h"
#include "iwd-help-view.h"
#include "iwd-ui-enums.h"

struct _IwdHelpView
{
  GtkWidget         parent_instance;

  IwdClient        *client;        /* owned, nullable */
  char             *company;       /* owned, nullable */
  char             *uri;           /* owned, nullable: the page shown */
  GCancellable     *cancellable;   /* owned, nullable: the fetch under way */
  IwdHelpViewState  state;

  GtkStack         *stack;         /* template child */
  AdwStatusPage    *error_status;  /* template child */
  WebKitWebView    *web_view;      /* child of stack, nullable until a page is shown */
};

G_DEFINE_FINAL_TYPE (IwdHelpView, iwd_help_view, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_COMPANY,
  PROP_STATE,
  PROP_URI,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stack's child names, indexed by IwdHelpViewState. */
static const char * const state_pages[] = { "empty", "loading", "page", "no-page", "error" };

/* A help page fetch: the route tried now, and what the fetch found. */
typedef struct {
  IwdClient *client;       /* owned */
  char      *company;      /* owned */
  IwdRoute   route;
  GBytes    *bytes;        /* owned, nullable until found */
  char      *uri;          /* owned, nullable until found */
  char      *content_type; /* owned, nullable */
} PageFetch;

static void
page_fetch_free (PageFetch *fetch)
{
  g_clear_object (&fetch->client);
  g_clear_pointer (&fetch->company, g_free);
  g_clear_pointer (&fetch->bytes, g_bytes_unref);
  g_clear_pointer (&fetch->uri, g_free);
  g_clear_pointer (&fetch->content_type, g_free);
  g_free (fetch);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PageFetch, page_fetch_free)

static void page_fetched_cb (GObject      *source,
                             GAsyncResult *result,
                             gpointer      user_data);

static void
send_page_fetch (GTask *task)
{
  PageFetch *fetch = g_task_get_task_data (task);

  iwd_client_fetch_asset_async (fetch->client, fetch->route, fetch->company, NULL, NULL,
                                g_task_get_cancellable (task), page_fetched_cb, task);
}

/* GLib 2.74 lacks g_set_str(). */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;

  g_free (*field);
  *field = g_strdup (value);

  return TRUE;
}

static int
default_port (const char *scheme)
{
  if (g_ascii_strcasecmp (scheme, "https") == 0)
    return 443;

  if (g_ascii_strcasecmp (scheme, "http") == 0)
    return 80;

  return -1;
}

static int
effective_port (GUri *uri)
{
  int port = g_uri_get_port (uri);

  return port != -1 ? port : default_port (g_uri_get_scheme (uri));
}

static void
set_state (IwdHelpView      *self,
           IwdHelpViewState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "help.reload",
                                 state == IWD_HELP_VIEW_STATE_ERROR);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_uri (IwdHelpView *self,
         const char  *uri)
{
  if (replace_string (&self->uri, uri))
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_URI]);
}

static void
open_in_browser (IwdHelpView *self,
                 const char  *uri)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The address may carry personal data in its query, so only the fact
   * is logged. */
  g_debug ("ui: opening a link outside the help site of %s in the browser", self->company);
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, uri, GDK_CURRENT_TIME);
}

static gboolean
decide_policy_cb (WebKitWebView            *web_view,
                  WebKitPolicyDecision     *decision,
                  WebKitPolicyDecisionType  type,
                  IwdHelpView              *self)
{
  WebKitNavigationAction *action;
  const char *uri;

  if (type == WEBKIT_POLICY_DECISION_TYPE_RESPONSE)
    return FALSE;

  action = webkit_navigation_policy_decision_get_navigation_action (WEBKIT_NAVIGATION_POLICY_DECISION (decision));
  uri = webkit_uri_request_get_uri (webkit_navigation_action_get_request (action));

  if (type == WEBKIT_POLICY_DECISION_TYPE_NAVIGATION_ACTION &&
      iwd_help_view_uri_is_on_site (uri, self->uri))
    return FALSE;

  /* A page that leaves the site, or opens a new window, never loads in
   * the app. Only a click opens it in the browser, so a redirect or a
   * script cannot open windows by itself. */
  webkit_policy_decision_ignore (decision);
  if (webkit_navigation_action_is_user_gesture (action))
    open_in_browser (self, uri);

  return TRUE;
}

static void
ensure_web_view (IwdHelpView *self)
{
  g_autoptr(WebKitNetworkSession) session = NULL;
  WebKitSettings *settings;

  if (self->web_view != NULL)
    return;

  /* An ephemeral session keeps the site's cookies and cache out of the
   * user's data directories. */
  session = webkit_network_session_new_ephemeral ();
  self->web_view = g_object_new (WEBKIT_TYPE_WEB_VIEW, "network-session", session, NULL);
  gtk_widget_set_vexpand (GTK_WIDGET (self->web_view), TRUE);

  /* Help pages are static documents, so scripts stay off and a page
   * changed on the site can do less inside the app. */
  settings = webkit_web_view_get_settings (self->web_view);
  webkit_settings_set_enable_javascript (settings, FALSE);

  g_signal_connect_object (self->web_view, "decide-policy",
                           G_CALLBACK (decide_policy_cb), self, 0);
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->web_view), "page");
}

static void
show_page (IwdHelpView *self,
           GBytes      *bytes,
           const char  *uri,
           const char  *content_type)
{
  g_autoptr(SoupMessageHeaders) headers = soup_message_headers_new (SOUP_MESSAGE_HEADERS_RESPONSE);
  g_autoptr(GHashTable) params = NULL;
  const char *mime_type;

  soup_message_headers_replace (headers, "Content-Type", content_type != NULL ? content_type : "text/html");
  mime_type = soup_message_headers_get_content_type (headers, &params);

  set_uri (self, uri);
  ensure_web_view (self);
  webkit_web_view_load_bytes (self->web_view, bytes,
                              mime_type != NULL ? mime_type : "text/html",
                              params != NULL ? g_hash_table_lookup (params, "charset") : NULL,
                              uri);
  set_state (self, IWD_HELP_VIEW_STATE_PAGE);
}

static void
show_error (IwdHelpView  *self,
            const GError *error)
{
  g_autofree char *message = iwd_error_dup_user_message (error);

  adw_status_page_set_description (self->error_status, message);
  set_state (self, IWD_HELP_VIEW_STATE_ERROR);
}

static void
page_fetched_cb (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  PageFetch *fetch = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;

  fetch->bytes = iwd_client_fetch_asset_finish (IWD_CLIENT (source), result, NULL, NULL, NULL,
                                                &fetch->content_type, &error);

  /* The .htm address of older clients gets a second try. */
  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND) &&
      fetch->route == IWD_ROUTE_HELP_PAGE)
    {
      fetch->route = IWD_ROUTE_HELP_PAGE_OLD;
      send_page_fetch (g_steal_pointer (&task));
      return;
    }

  if (fetch->bytes == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  fetch->uri = iwd_client_dup_asset_url (fetch->client, fetch->route, fetch->company);
  g_task_return_boolean (task, TRUE);
}

static void
page_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdHelpView) self = g_weak_ref_get (self_ref);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *uri = NULL;
  g_autofree char *content_type = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  bytes = iwd_help_view_fetch_page_finish (result, &uri, &content_type, &error);

  /* Either the view is gone, or another company replaced this fetch and
   * has already set the state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND))
    {
      g_debug ("ui: no help page for %s", self->company);
      set_state (self, IWD_HELP_VIEW_STATE_NO_PAGE);
    }
  else if (bytes == NULL)
    {
      g_message ("ui: cannot fetch the help page of %s: %s", self->company, error->message);
      show_error (self, error);
    }
  else
    {
      show_page (self, bytes, uri, content_type);
    }
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_help_view_reload (IWD_HELP_VIEW (widget));
}

static void
iwd_help_view_dispose (GObject *object)
{
  IwdHelpView *self = IWD_HELP_VIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_HELP_VIEW);
  self->web_view = NULL;
  g_clear_object (&self->client);

  G_OBJECT_CLASS (iwd_help_view_parent_class)->dispose (object);
}

static void
iwd_help_view_finalize (GObject *object)
{
  IwdHelpView *self = IWD_HELP_VIEW (object);

  g_clear_pointer (&self->company, g_free);
  g_clear_pointer (&self->uri, g_free);

  G_OBJECT_CLASS (iwd_help_view_parent_class)->finalize (object);
}

static void
iwd_help_view_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  IwdHelpView *self = IWD_HELP_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_COMPANY:
      g_value_set_string (value, self->company);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    case PROP_URI:
      g_value_set_string (value, self->uri);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_help_view_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  IwdHelpView *self = IWD_HELP_VIEW (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      iwd_help_view_set_client (self, g_value_get_object (value));
      break;

    case PROP_COMPANY:
      iwd_help_view_set_company (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_help_view_class_init (IwdHelpViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_help_view_dispose;
  object_class->finalize = iwd_help_view_finalize;
  object_class->get_property = iwd_help_view_get_property;
  object_class->set_property = iwd_help_view_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IWD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_string ("company", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_HELP_VIEW_STATE,
                       IWD_HELP_VIEW_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_URI] =
    g_param_spec_string ("uri", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "help.reload", NULL, reload_action);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/iwd-help-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdHelpView, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdHelpView, error_status);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_help_view_init (IwdHelpView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_state (self, IWD_HELP_VIEW_STATE_EMPTY);
}

/**
 * iwd_help_view_new:
 *
 * Creates a view of a company's help page. It fetches the page as soon
 * as it has a client and a company.
 *
 * Returns: (transfer full): a new #IwdHelpView
 */
GtkWidget *
iwd_help_view_new (void)
{
  return g_object_new (IWD_TYPE_HELP_VIEW, NULL);
}

/**
 * iwd_help_view_get_client:
 * @self: a #IwdHelpView
 *
 * Returns: (transfer none) (nullable): the client that fetches the page
 */
IwdClient *
iwd_help_view_get_client (IwdHelpView *self)
{
  g_return_val_if_fail (IWD_IS_HELP_VIEW (self), NULL);

  return self->client;
}

/**
 * iwd_help_view_set_client:
 * @self: a #IwdHelpView
 * @client: (nullable): the client to fetch the page with
 *
 * Sets the client and fetches the company's help page with it.
 */
void
iwd_help_view_set_client (IwdHelpView *self,
                          IwdClient   *client)
{
  g_return_if_fail (IWD_IS_HELP_VIEW (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  iwd_help_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * iwd_help_view_get_company:
 * @self: a #IwdHelpView
 *
 * Returns: (nullable): the name of the company whose page is shown
 */
const char *
iwd_help_view_get_company (IwdHelpView *self)
{
  g_return_val_if_fail (IWD_IS_HELP_VIEW (self), NULL);

  return self->company;
}

/**
 * iwd_help_view_set_company:
 * @self: a #IwdHelpView
 * @company: (nullable): the company's name, as in the company list
 *
 * Sets the company and fetches its help page, cancelling the fetch of
 * the previous company's page.
 */
void
iwd_help_view_set_company (IwdHelpView *self,
                           const char  *company)
{
  g_return_if_fail (IWD_IS_HELP_VIEW (self));

  if (!replace_string (&self->company, company))
    return;

  iwd_help_view_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

/**
 * iwd_help_view_get_state:
 * @self: a #IwdHelpView
 *
 * Returns: what the view shows now
 */
IwdHelpViewState
iwd_help_view_get_state (IwdHelpView *self)
{
  g_return_val_if_fail (IWD_IS_HELP_VIEW (self), IWD_HELP_VIEW_STATE_EMPTY);

  return self->state;
}

/**
 * iwd_help_view_get_uri:
 * @self: a #IwdHelpView
 *
 * Returns: (nullable): the address of the help page shown, or %NULL
 *   when no page is shown
 */
const char *
iwd_help_view_get_uri (IwdHelpView *self)
{
  g_return_val_if_fail (IWD_IS_HELP_VIEW (self), NULL);

  return self->uri;
}

/**
 * iwd_help_view_reload:
 * @self: a #IwdHelpView
 *
 * Fetches the company's help page again, cancelling a fetch under way.
 * Without a client or a company the view shows nothing.
 */
void
iwd_help_view_reload (IwdHelpView *self)
{
  GWeakRef *self_ref;

  g_return_if_fail (IWD_IS_HELP_VIEW (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_uri (self, NULL);

  if (self->client == NULL || self->company == NULL)
    {
      set_state (self, IWD_HELP_VIEW_STATE_EMPTY);
      return;
    }

  /* A weak reference lets a closed view go at once. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  set_state (self, IWD_HELP_VIEW_STATE_LOADING);
  iwd_help_view_fetch_page_async (self->client, self->company, self->cancellable,
                                  page_loaded_cb, self_ref);
}

/**
 * iwd_help_view_fetch_page_async:
 * @client: the client to fetch with
 * @company: the company's name, as in the company list
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the page is found or the fetch failed
 * @user_data: data for @callback
 *
 * Fetches a company's help page from the site: the .html page, or when
 * that is not found, the .htm page.
 */
void
iwd_help_view_fetch_page_async (IwdClient           *client,
                                const char          *company,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  PageFetch *fetch;

  g_return_if_fail (IWD_IS_CLIENT (client));
  g_return_if_fail (company != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_help_view_fetch_page_async);

  fetch = g_new0 (PageFetch, 1);
  fetch->client = g_object_ref (client);
  fetch->company = g_strdup (company);
  fetch->route = IWD_ROUTE_HELP_PAGE;
  g_task_set_task_data (task, fetch, (GDestroyNotify) page_fetch_free);

  send_page_fetch (g_steal_pointer (&task));
}

/**
 * iwd_help_view_fetch_page_finish:
 * @result: the result passed to the callback
 * @out_uri: (out) (optional): the address the page was found at
 * @out_content_type: (out) (optional) (nullable): the page's
 *   Content-Type header, if the site sent one
 * @error: return location for an error: %IWD_API_ERROR_NOT_FOUND when
 *   the site has neither page
 *
 * Finishes a fetch started with iwd_help_view_fetch_page_async().
 *
 * Returns: (transfer full) (nullable): the page, or %NULL on error
 */
GBytes *
iwd_help_view_fetch_page_finish (GAsyncResult  *result,
                                 char         **out_uri,
                                 char         **out_content_type,
                                 GError       **error)
{
  PageFetch *fetch;

  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_help_view_fetch_page_async, NULL);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return NULL;

  fetch = g_task_get_task_data (G_TASK (result));
  if (out_uri != NULL)
    *out_uri = g_strdup (fetch->uri);
  if (out_content_type != NULL)
    *out_content_type = g_strdup (fetch->content_type);

  return g_bytes_ref (fetch->bytes);
}

/**
 * iwd_help_view_uri_is_on_site:
 * @uri: an address a help page links to
 * @site_uri: (nullable): the address of the help page
 *
 * Checks whether @uri has the scheme, host and port of @site_uri, so a
 * link to it may open inside the help view. Addresses that do not parse
 * are never on the site.
 *
 * Returns: %TRUE if @uri is on the same site as @site_uri
 */
gboolean
iwd_help_view_uri_is_on_site (const char *uri,
                              const char *site_uri)
{
  g_autoptr(GUri) parsed = NULL;
  g_autoptr(GUri) site = NULL;

  g_return_val_if_fail (uri != NULL, FALSE);

  if (site_uri == NULL)
    return FALSE;

  parsed = g_uri_parse (uri, G_URI_FLAGS_NONE, NULL);
  site = g_uri_parse (site_uri, G_URI_FLAGS_NONE, NULL);
  if (parsed == NULL || site == NULL)
    return FALSE;

  if (g_uri_get_host (parsed) == NULL || g_uri_get_host (site) == NULL)
    return FALSE;

  return g_ascii_strcasecmp (g_uri_get_scheme (parsed), g_uri_get_scheme (site)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (parsed), g_uri_get_host (site)) == 0 &&
         effective_port (parsed) == effective_port (site);
}
