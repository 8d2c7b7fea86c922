/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-company.h"
#include "iwd-company-row.h"
#include "iwd-companies-page.h"
#include "iwd-error-message.h"
#include "iwd-ui-enums.h"

struct _IwdCompaniesPage
{
  GtkWidget              parent_instance;

  IwdClient             *client;        /* owned, nullable */
  GCancellable          *cancellable;   /* owned, nullable: the load under way */
  GListStore            *companies;     /* owned: IwdCompany, sorted by name */
  IwdCompaniesPageState  state;
  char                  *error_message; /* owned, nullable: the sentence shown */

  GtkStack              *stack;         /* template child */
  GtkListView           *list_view;     /* template child */
  AdwStatusPage         *error_status;  /* template child */
};

G_DEFINE_FINAL_TYPE (IwdCompaniesPage, iwd_companies_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stack's child names, indexed by IwdCompaniesPageState. */
static const char * const state_pages[] = { "loading", "list", "empty", "error" };

static int
compare_companies (gconstpointer a,
                   gconstpointer b,
                   gpointer      user_data)
{
  g_autofree char *name_a = g_utf8_casefold (iwd_company_get_name ((IwdCompany *) a), -1);
  g_autofree char *name_b = g_utf8_casefold (iwd_company_get_name ((IwdCompany *) b), -1);

  return g_utf8_collate (name_a, name_b);
}

static int
compare_company_pointers (gconstpointer a,
                          gconstpointer b,
                          gpointer      user_data)
{
  return compare_companies (*(IwdCompany * const *) a, *(IwdCompany * const *) b, user_data);
}

static void
set_state (IwdCompaniesPage      *self,
           IwdCompaniesPageState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "companies.reload",
                                 self->client != NULL && state != IWD_COMPANIES_PAGE_STATE_LOADING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
show_companies (IwdCompaniesPage *self,
                GPtrArray        *companies)
{
  guint n_shown;

  g_clear_pointer (&self->error_message, g_free);
  g_ptr_array_sort_with_data (companies, compare_company_pointers, NULL);
  n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->companies));
  g_list_store_splice (self->companies, 0, n_shown, companies->pdata, companies->len);

  if (companies->len > 0)
    set_state (self, IWD_COMPANIES_PAGE_STATE_LIST);
  else
    set_state (self, IWD_COMPANIES_PAGE_STATE_EMPTY);
}

static void
show_error (IwdCompaniesPage *self,
            const GError     *error)
{
  g_free (self->error_message);
  self->error_message = iwd_error_dup_user_message (error);
  adw_status_page_set_description (self->error_status, self->error_message);
  adw_status_page_set_icon_name (self->error_status, iwd_error_get_icon_name (error));

  g_list_store_remove_all (self->companies);
  set_state (self, IWD_COMPANIES_PAGE_STATE_ERROR);
}

static void
companies_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdCompaniesPage) self = g_weak_ref_get (self_ref);
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  companies = iwd_client_list_companies_finish (IWD_CLIENT (source), result, &error);

  /* Either the page is gone, or a reload or dispose cancelled this load
   * and has already set the page's state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (companies == NULL)
    {
      g_message ("ui: cannot list companies: %s", error->message);
      show_error (self, error);
      return;
    }

  g_debug ("ui: listed %u companies", companies->len);
  show_companies (self, companies);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_companies_page_reload (IWD_COMPANIES_PAGE (widget));
}

static void
iwd_companies_page_dispose (GObject *object)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COMPANIES_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->companies);

  G_OBJECT_CLASS (iwd_companies_page_parent_class)->dispose (object);
}

static void
iwd_companies_page_finalize (GObject *object)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (object);

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (iwd_companies_page_parent_class)->finalize (object);
}

static void
iwd_companies_page_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_companies_page_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      iwd_companies_page_set_client (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_companies_page_class_init (IwdCompaniesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_companies_page_dispose;
  object_class->finalize = iwd_companies_page_finalize;
  object_class->get_property = iwd_companies_page_get_property;
  object_class->set_property = iwd_companies_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IWD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_COMPANIES_PAGE_STATE,
                       IWD_COMPANIES_PAGE_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "companies.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "companies.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "companies.reload", NULL);

  /* The list item template names this type, so it must exist first. */
  g_type_ensure (IWD_TYPE_COMPANY_ROW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/iwd-companies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, list_view);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, error_status);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_companies_page_init (IwdCompaniesPage *self)
{
  g_autoptr(GtkNoSelection) selection = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->companies = g_list_store_new (IWD_TYPE_COMPANY);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->companies)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (selection));

  set_state (self, IWD_COMPANIES_PAGE_STATE_LOADING);
}

/**
 * iwd_companies_page_new:
 *
 * Creates the page that lists the companies the robot can log into. It
 * loads the list as soon as it has a client.
 *
 * Returns: (transfer full): a new #IwdCompaniesPage
 */
GtkWidget *
iwd_companies_page_new (void)
{
  return g_object_new (IWD_TYPE_COMPANIES_PAGE, NULL);
}

/**
 * iwd_companies_page_get_client:
 * @self: a #IwdCompaniesPage
 *
 * Returns: (transfer none) (nullable): the client the page loads from
 */
IwdClient *
iwd_companies_page_get_client (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return self->client;
}

/**
 * iwd_companies_page_set_client:
 * @self: a #IwdCompaniesPage
 * @client: (nullable): the client to load the company list from
 *
 * Sets the client and loads the company list from it, cancelling a load
 * from the previous client.
 */
void
iwd_companies_page_set_client (IwdCompaniesPage *self,
                               IwdClient        *client)
{
  g_return_if_fail (IWD_IS_COMPANIES_PAGE (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  iwd_companies_page_reload (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * iwd_companies_page_get_state:
 * @self: a #IwdCompaniesPage
 *
 * Returns: what the page shows now
 */
IwdCompaniesPageState
iwd_companies_page_get_state (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), IWD_COMPANIES_PAGE_STATE_LOADING);

  return self->state;
}

/**
 * iwd_companies_page_get_model:
 * @self: a #IwdCompaniesPage
 *
 * Returns: (transfer none): the companies shown, as #IwdCompany items
 *   sorted by name
 */
GListModel *
iwd_companies_page_get_model (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return G_LIST_MODEL (self->companies);
}

/**
 * iwd_companies_page_get_error_message:
 * @self: a #IwdCompaniesPage
 *
 * Returns: (nullable): the translated sentence shown for the last
 *   failed load, or %NULL if no load failed
 */
const char *
iwd_companies_page_get_error_message (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return self->error_message;
}

/**
 * iwd_companies_page_reload:
 * @self: a #IwdCompaniesPage
 *
 * Fetches the company list again, cancelling a load under way. Without
 * a client the page stays in the loading state.
 */
void
iwd_companies_page_reload (IwdCompaniesPage *self)
{
  GWeakRef *self_ref;

  g_return_if_fail (IWD_IS_COMPANIES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_state (self, IWD_COMPANIES_PAGE_STATE_LOADING);

  if (self->client == NULL)
    return;

  /* A weak reference lets a closed page go at once: dispose cancels the
   * load, and the callback finds no page. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  iwd_client_list_companies_async (self->client, self->cancellable,
                                   companies_listed_cb, self_ref);
}
