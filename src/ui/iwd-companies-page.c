/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "iwd-company.h"
#include "iwd-company-card.h"
#include "iwd-companies-page.h"
#include "iwd-error-message.h"
#include "iwd-text.h"
#include "iwd-ui-enums.h"

struct _IwdCompaniesPage
{
  GtkWidget              parent_instance;

  IwdClient             *client;        /* owned, nullable */
  IwdLogoCache          *logo_cache;    /* owned, nullable: made for the client */
  GCancellable          *cancellable;   /* owned, nullable: the load under way */
  GListStore            *companies;     /* owned: IwdCompany, sorted by name */
  GtkCustomFilter       *filter;        /* owned: matches search_terms */
  GtkFilterListModel    *matching;      /* owned: the companies that match the search */
  char                 **search_terms;  /* owned, nullable: folded words of the search */
  IwdCompaniesPageState  state;
  char                  *error_message; /* owned, nullable: the sentence shown */

  GtkStack              *pages;         /* template child: the gallery or a company */
  GtkWidget             *gallery;       /* template child */
  GtkSearchEntry        *search_entry;  /* template child */
  GtkStack              *stack;         /* template child: the gallery's states */
  GtkGridView           *grid_view;     /* template child */
  AdwStatusPage         *error_status;  /* template child */
  AdwStatusPage         *no_match_status; /* template child */
  IwdCompanyPage        *company_page;  /* template child */
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
static const char * const state_pages[] = { "loading", "list", "empty", "error", "no-match" };

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

/* Every word of the search must occur in the company's folded name or
 * label, so "neo sante" finds "NEOLIANE - Néoliane Santé". */
static gboolean
company_matches (gpointer item,
                 gpointer user_data)
{
  IwdCompaniesPage *self = user_data;
  const char *key = iwd_company_get_search_key (IWD_COMPANY (item));

  if (self->search_terms == NULL)
    return TRUE;

  for (char **term = self->search_terms; *term != NULL; term++)
    {
      if (strstr (key, *term) == NULL)
        return FALSE;
    }

  return TRUE;
}

static char **
split_search_terms (const char *text)
{
  g_autofree char *folded = iwd_text_fold_for_search (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t", -1);
  g_autoptr(GStrvBuilder) terms = g_strv_builder_new ();
  gboolean any = FALSE;

  for (char **word = words; *word != NULL; word++)
    {
      if (**word == '\0')
        continue;

      g_strv_builder_add (terms, *word);
      any = TRUE;
    }

  return any ? g_strv_builder_end (terms) : NULL;
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
update_no_match_title (IwdCompaniesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
  g_autofree char *title = NULL;

  /* Translators: %s is the text typed in the search entry */
  title = g_strdup_printf (_("No company matches “%s”"), text);
  adw_status_page_set_title (self->no_match_status, title);
}

/* Chooses among the states of a loaded list: empty, no match, or shown. */
static void
show_loaded_state (IwdCompaniesPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->companies)) == 0)
    {
      set_state (self, IWD_COMPANIES_PAGE_STATE_EMPTY);
      return;
    }

  if (g_list_model_get_n_items (G_LIST_MODEL (self->matching)) == 0)
    {
      update_no_match_title (self);
      set_state (self, IWD_COMPANIES_PAGE_STATE_NO_MATCH);
      return;
    }

  set_state (self, IWD_COMPANIES_PAGE_STATE_LIST);
}

/* Typing reaches the search entry only when the focus is inside the
 * gallery, so the gallery takes the focus if nothing else has it. */
static void
focus_gallery_if_unfocused (IwdCompaniesPage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (root != NULL && gtk_root_get_focus (root) == NULL)
    gtk_widget_grab_focus (GTK_WIDGET (self->grid_view));
}

static void
apply_search (IwdCompaniesPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  g_strfreev (self->search_terms);
  self->search_terms = split_search_terms (text);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (self->state == IWD_COMPANIES_PAGE_STATE_LIST || self->state == IWD_COMPANIES_PAGE_STATE_NO_MATCH)
    show_loaded_state (self);
}

static void
show_gallery (IwdCompaniesPage *self)
{
  gtk_stack_set_visible_child (self->pages, self->gallery);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "companies.back", FALSE);
}

static IwdCompany *
find_company (IwdCompaniesPage *self,
              const char       *name)
{
  GListModel *model = G_LIST_MODEL (self->companies);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(IwdCompany) company = g_list_model_get_item (model, i);

      if (g_strcmp0 (iwd_company_get_name (company), name) == 0)
        return g_steal_pointer (&company);
    }

  return NULL;
}

static void
show_company_page (IwdCompaniesPage *self,
                   IwdCompany       *company)
{
  iwd_company_page_set_company (self->company_page, company);
  gtk_stack_set_visible_child (self->pages, GTK_WIDGET (self->company_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "companies.back", TRUE);
}

/* Names the cache folder after the host and port of the client's site, so
 * that logos of a sandbox never show for the real site. */
static char *
dup_logo_directory (IwdClient *client)
{
  g_autofree char *base = iwd_logo_cache_dup_default_directory ();
  g_autofree char *logo_url = iwd_client_dup_asset_url (client, IWD_ROUTE_LOGO, "_");
  g_autoptr(GUri) uri = g_uri_parse (logo_url, G_URI_FLAGS_NONE, NULL);
  g_autofree char *site = NULL;

  if (uri == NULL || g_uri_get_host (uri) == NULL)
    return g_steal_pointer (&base);

  if (g_uri_get_port (uri) != -1)
    site = g_strdup_printf ("%s-%d", g_uri_get_host (uri), g_uri_get_port (uri));
  else
    site = g_strdup (g_uri_get_host (uri));

  /* TODO: the demo sandbox listens on a new port at each run, so each
   * demo leaves a small folder of logos behind in the cache. */
  return g_build_filename (base, site, NULL);
}

/* Each client gets its own cache, because logos come from its site. */
static void
update_logo_cache (IwdCompaniesPage *self)
{
  g_autofree char *directory = NULL;

  g_clear_object (&self->logo_cache);

  if (self->client != NULL)
    {
      directory = dup_logo_directory (self->client);
      self->logo_cache = iwd_logo_cache_new (self->client, directory);
    }

  iwd_company_page_set_logo_cache (self->company_page, self->logo_cache);
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

  show_loaded_state (self);
  focus_gallery_if_unfocused (self);
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
setup_card_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               IwdCompaniesPage         *self)
{
  gtk_list_item_set_child (item, iwd_company_card_new ());
}

/* GTK 4.8 names the grid's cell, which takes the keyboard focus, after
 * its type ("GtkListItemWidget"), so the cell gets the name of the
 * company it shows. */
static void
name_card_cell (IwdCompanyCard *card,
                IwdCompany     *company)
{
  GtkWidget *cell = gtk_widget_get_parent (GTK_WIDGET (card));
  const char *label = iwd_company_get_label (company);
  g_autofree char *name = NULL;

  if (cell == NULL)
    return;

  if (label != NULL && *label != '\0' && g_strcmp0 (label, iwd_company_get_name (company)) != 0)
    name = g_strdup_printf ("%s, %s", iwd_company_get_name (company), label);
  else
    name = g_strdup (iwd_company_get_name (company));

  gtk_accessible_update_property (GTK_ACCESSIBLE (cell), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
}

/* The grid binds the cards in view and some rows around them, as many as
 * GTK chooses, so a card loads its logo on bind and cancels it on unbind. */
static void
bind_card_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              IwdCompaniesPage         *self)
{
  IwdCompanyCard *card = IWD_COMPANY_CARD (gtk_list_item_get_child (item));

  iwd_company_card_set_logo_cache (card, self->logo_cache);
  iwd_company_card_set_company (card, gtk_list_item_get_item (item));
  name_card_cell (card, gtk_list_item_get_item (item));
}

static void
unbind_card_cb (GtkSignalListItemFactory *factory,
                GtkListItem              *item,
                IwdCompaniesPage         *self)
{
  iwd_company_card_set_company (IWD_COMPANY_CARD (gtk_list_item_get_child (item)), NULL);
}

static void
grid_activate_cb (IwdCompaniesPage *self,
                  guint             position)
{
  g_autoptr(IwdCompany) company = g_list_model_get_item (G_LIST_MODEL (self->matching), position);

  if (company != NULL)
    show_company_page (self, company);
}

static void
search_changed_cb (IwdCompaniesPage *self)
{
  apply_search (self);
}

static void
stop_search_cb (IwdCompaniesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
}

/* Enter in the search entry opens the first company that matches. */
static void
search_activate_cb (IwdCompaniesPage *self)
{
  g_autoptr(IwdCompany) company = NULL;

  apply_search (self);
  company = g_list_model_get_item (G_LIST_MODEL (self->matching), 0);
  if (company != NULL)
    show_company_page (self, company);
}

static void
show_company_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  iwd_companies_page_show_company (IWD_COMPANIES_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iwd_companies_page_show_gallery (IWD_COMPANIES_PAGE (widget));
}

static void
search_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (widget);

  show_gallery (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
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
  g_clear_object (&self->logo_cache);
  g_clear_object (&self->matching);
  g_clear_object (&self->filter);
  g_clear_object (&self->companies);

  G_OBJECT_CLASS (iwd_companies_page_parent_class)->dispose (object);
}

static void
iwd_companies_page_finalize (GObject *object)
{
  IwdCompaniesPage *self = IWD_COMPANIES_PAGE (object);

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->search_terms, g_strfreev);

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

  gtk_widget_class_install_action (widget_class, "companies.show-company", "s", show_company_action);

  gtk_widget_class_install_action (widget_class, "companies.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "companies.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "companies.back", NULL);

  gtk_widget_class_install_action (widget_class, "companies.search", NULL, search_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "companies.search", NULL);

  /* The template names this type, so it must exist first. */
  g_type_ensure (IWD_TYPE_COMPANY_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/iwd-companies-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, pages);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, gallery);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, search_entry);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, grid_view);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, no_match_status);
  gtk_widget_class_bind_template_child (widget_class, IwdCompaniesPage, company_page);
  gtk_widget_class_bind_template_callback (widget_class, grid_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
set_up_grid (IwdCompaniesPage *self)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  g_autoptr(GtkNoSelection) selection = NULL;

  self->companies = g_list_store_new (IWD_TYPE_COMPANY);
  self->filter = gtk_custom_filter_new (company_matches, self, NULL);
  self->matching = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->companies)),
                                           GTK_FILTER (g_object_ref (self->filter)));
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->matching)));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_card_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_card_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_card_cb), self);

  gtk_grid_view_set_factory (self->grid_view, factory);
  gtk_grid_view_set_model (self->grid_view, GTK_SELECTION_MODEL (selection));

  /* The cards sit on the window's background, as in a gallery, rather
   * than on the white of a list. */
  gtk_widget_remove_css_class (GTK_WIDGET (self->grid_view), "view");
}

static void
iwd_companies_page_init (IwdCompaniesPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  set_up_grid (self);
  gtk_search_entry_set_key_capture_widget (self->search_entry, self->gallery);

  show_gallery (self);
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

  update_logo_cache (self);
  iwd_company_page_set_client (self->company_page, client);
  show_gallery (self);
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
 * Returns: (transfer none): every company loaded, whatever the search,
 *   as #IwdCompany items sorted by name
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

/**
 * iwd_companies_page_get_logo_cache:
 * @self: a #IwdCompaniesPage
 *
 * Returns: (transfer none) (nullable): the cache that the cards load
 *   logos from, made for the page's client
 */
IwdLogoCache *
iwd_companies_page_get_logo_cache (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return self->logo_cache;
}

/**
 * iwd_companies_page_get_search_text:
 * @self: a #IwdCompaniesPage
 *
 * Returns: the text of the search entry, empty when no search is made
 */
const char *
iwd_companies_page_get_search_text (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

/**
 * iwd_companies_page_set_search_text:
 * @self: a #IwdCompaniesPage
 * @text: the words to search for in names and labels
 *
 * Sets the search entry's text and shows at once the companies whose
 * name or label contains every word, in any case and with or without
 * accents.
 */
void
iwd_companies_page_set_search_text (IwdCompaniesPage *self,
                                    const char       *text)
{
  g_return_if_fail (IWD_IS_COMPANIES_PAGE (self));
  g_return_if_fail (text != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  apply_search (self);
}

/**
 * iwd_companies_page_show_company:
 * @self: a #IwdCompaniesPage
 * @name: the company's name, as in the company list
 *
 * Opens the page of a company of the list, as activating its card does.
 *
 * Returns: %TRUE if the list has the company
 */
gboolean
iwd_companies_page_show_company (IwdCompaniesPage *self,
                                 const char       *name)
{
  g_autoptr(IwdCompany) company = NULL;

  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), FALSE);
  g_return_val_if_fail (name != NULL, FALSE);

  company = find_company (self, name);
  if (company == NULL)
    return FALSE;

  show_company_page (self, company);

  return TRUE;
}

/**
 * iwd_companies_page_show_gallery:
 * @self: a #IwdCompaniesPage
 *
 * Goes back from a company's page to the gallery of companies.
 */
void
iwd_companies_page_show_gallery (IwdCompaniesPage *self)
{
  g_return_if_fail (IWD_IS_COMPANIES_PAGE (self));

  show_gallery (self);
}

/**
 * iwd_companies_page_get_company_page:
 * @self: a #IwdCompaniesPage
 *
 * Returns: (transfer none): the page that shows one company
 */
IwdCompanyPage *
iwd_companies_page_get_company_page (IwdCompaniesPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANIES_PAGE (self), NULL);

  return self->company_page;
}
