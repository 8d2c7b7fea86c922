/* SPDX-License-Identifier: GPL-3.0-or-later */

/* One company: its logo, name and label, the fields of its credential
 * form, read from its OPTIONS schema, and its help page. The
 * "Create a Profile" button activates the action company.create-profile
 * with the company's name; an ancestor of the page provides it. */

#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-company-logo.h"
#include "iwd-company-page.h"
#include "iwd-error-message.h"
#include "iwd-ui-enums.h"

struct _IwdCompanyPage
{
  GtkWidget                  parent_instance;

  IwdClient                 *client;        /* owned, nullable */
  IwdCompany                *company;       /* owned, nullable */
  GCancellable              *cancellable;   /* owned, nullable: the fields' fetch under way */
  GListStore                *fields;        /* owned: IwdField, in the schema's order */
  IwdCompanyPageFieldsState  fields_state;

  GtkWidget                 *content;       /* template child, the only child */
  IwdCompanyLogo            *logo;          /* template child */
  GtkLabel                  *name_label;    /* template child */
  GtkLabel                  *company_label; /* template child */
  GtkButton                 *create_button; /* template child */
  AdwViewStack              *view_stack;    /* template child */
  GtkStack                  *fields_stack;  /* template child */
  GtkListBox                *fields_list;   /* template child */
  AdwStatusPage             *fields_error_status; /* template child */
  IwdHelpView               *help_view;     /* template child */
};

G_DEFINE_FINAL_TYPE (IwdCompanyPage, iwd_company_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CLIENT,
  PROP_LOGO_CACHE,
  PROP_COMPANY,
  PROP_FIELDS_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The fields stack's child names, indexed by IwdCompanyPageFieldsState. */
static const char * const fields_pages[] = { "empty", "loading", "list", "error" };

/* The robot methods in the order of the API's letters, with their names. */
static const struct {
  IwdRobotMethods  method;
  const char      *name;
} method_names[] = {
  { IWD_ROBOT_METHODS_COMMISSIONS, N_("Commissions") },
  /* Translators: the robot's "émissions", contracts newly written */
  { IWD_ROBOT_METHODS_EMISSIONS, N_("New business") },
  { IWD_ROBOT_METHODS_IMPAYES, N_("Unpaid premiums") },
  { IWD_ROBOT_METHODS_MESSAGES, N_("Messages") },
  /* Translators: insurance claims, "sinistres" */
  { IWD_ROBOT_METHODS_SINISTRES, N_("Claims") },
};

static void
set_fields_state (IwdCompanyPage            *self,
                  IwdCompanyPageFieldsState  state)
{
  gtk_stack_set_visible_child_name (self->fields_stack, fields_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "company-page.reload-fields",
                                 state == IWD_COMPANY_PAGE_FIELDS_STATE_ERROR);

  if (self->fields_state == state)
    return;

  self->fields_state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FIELDS_STATE]);
}

/* The label exactly as the schema sends it, or the field's technical name
 * when the schema gives no label. */
static const char *
get_field_title (IwdField *field)
{
  const char *description = iwd_field_get_description (field);

  if (description != NULL && *description != '\0')
    return description;

  return iwd_field_get_nom (field);
}

static GtkWidget *
create_requirement_label (IwdField *field)
{
  GtkWidget *label;

  if (iwd_field_get_required (field))
    return gtk_label_new (C_("field", "Required"));

  label = gtk_label_new (C_("field", "Optional"));
  gtk_widget_add_css_class (label, "dim-label");

  return label;
}

static GtkWidget *
create_field_row (gpointer item,
                  gpointer user_data)
{
  IwdField *field = item;
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *methods = iwd_company_page_describe_methods (iwd_field_get_methods (field));

  /* Labels come from insurers and may contain "&" or "<". */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), get_field_title (field));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), methods);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), create_requirement_label (field));

  return row;
}

static void
show_company (IwdCompanyPage *self)
{
  const char *name = self->company != NULL ? iwd_company_get_name (self->company) : "";
  const char *label = self->company != NULL ? iwd_company_get_label (self->company) : NULL;

  gtk_label_set_text (self->name_label, name);
  gtk_label_set_text (self->company_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), label != NULL && *label != '\0');
  iwd_company_logo_set_company (self->logo, self->company);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (self->create_button),
                                          g_variant_new_string (name));

  iwd_help_view_set_company (self->help_view, NULL);
  adw_view_stack_set_visible_child_name (self->view_stack, "fields");
}

/* The help page loads only once its tab is shown, because a page in the
 * web view starts WebKit's web process. */
static void
load_help_if_shown (IwdCompanyPage *self)
{
  const char *tab = adw_view_stack_get_visible_child_name (self->view_stack);

  if (self->company != NULL && g_strcmp0 (tab, "help") == 0)
    iwd_help_view_set_company (self->help_view, iwd_company_get_name (self->company));
}

static void
fields_loaded_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdCompanyPage) self = g_weak_ref_get (self_ref);
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  fields = iwd_client_get_fields_finish (IWD_CLIENT (source), result, &error);

  /* Either the page is gone, or another company replaced this fetch and
   * has already set the state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (fields == NULL)
    {
      g_message ("ui: cannot get the fields of %s: %s",
                 iwd_company_get_name (self->company), error->message);
      message = iwd_error_dup_user_message (error);
      adw_status_page_set_description (self->fields_error_status, message);
      set_fields_state (self, IWD_COMPANY_PAGE_FIELDS_STATE_ERROR);
      return;
    }

  g_list_store_splice (self->fields, 0, g_list_model_get_n_items (G_LIST_MODEL (self->fields)),
                       fields->pdata, fields->len);
  set_fields_state (self, IWD_COMPANY_PAGE_FIELDS_STATE_LIST);
}

static void
tab_changed_cb (IwdCompanyPage *self)
{
  load_help_if_shown (self);
}

static void
reload_fields_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  iwd_company_page_reload_fields (IWD_COMPANY_PAGE (widget));
}

static void
iwd_company_page_dispose (GObject *object)
{
  IwdCompanyPage *self = IWD_COMPANY_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COMPANY_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->company);
  g_clear_object (&self->fields);

  G_OBJECT_CLASS (iwd_company_page_parent_class)->dispose (object);
}

static void
iwd_company_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdCompanyPage *self = IWD_COMPANY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      g_value_set_object (value, self->client);
      break;

    case PROP_LOGO_CACHE:
      g_value_set_object (value, iwd_company_logo_get_cache (self->logo));
      break;

    case PROP_COMPANY:
      g_value_set_object (value, self->company);
      break;

    case PROP_FIELDS_STATE:
      g_value_set_enum (value, self->fields_state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IwdCompanyPage *self = IWD_COMPANY_PAGE (object);

  switch (prop_id)
    {
    case PROP_CLIENT:
      iwd_company_page_set_client (self, g_value_get_object (value));
      break;

    case PROP_LOGO_CACHE:
      iwd_company_page_set_logo_cache (self, g_value_get_object (value));
      break;

    case PROP_COMPANY:
      iwd_company_page_set_company (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_page_class_init (IwdCompanyPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_company_page_dispose;
  object_class->get_property = iwd_company_page_get_property;
  object_class->set_property = iwd_company_page_set_property;

  properties[PROP_CLIENT] =
    g_param_spec_object ("client", NULL, NULL,
                         IWD_TYPE_CLIENT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGO_CACHE] =
    g_param_spec_object ("logo-cache", NULL, NULL,
                         IWD_TYPE_LOGO_CACHE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPANY] =
    g_param_spec_object ("company", NULL, NULL,
                         IWD_TYPE_COMPANY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FIELDS_STATE] =
    g_param_spec_enum ("fields-state", NULL, NULL,
                       IWD_TYPE_COMPANY_PAGE_FIELDS_STATE,
                       IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "company-page.reload-fields", NULL,
                                   reload_fields_action);

  /* The template names these types, so they must exist first. */
  g_type_ensure (IWD_TYPE_COMPANY_LOGO);
  g_type_ensure (IWD_TYPE_HELP_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/iwd-company-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, content);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, logo);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, name_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, company_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, create_button);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, fields_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, fields_list);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, fields_error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyPage, help_view);
  gtk_widget_class_bind_template_callback (widget_class, tab_changed_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_company_page_init (IwdCompanyPage *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->fields = g_list_store_new (IWD_TYPE_FIELD);
  gtk_list_box_bind_model (self->fields_list, G_LIST_MODEL (self->fields),
                           create_field_row, NULL, NULL);

  placeholder = gtk_label_new (_("This company asks for no credentials."));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 12);
  gtk_widget_set_margin_bottom (placeholder, 12);
  gtk_list_box_set_placeholder (self->fields_list, placeholder);

  show_company (self);
  set_fields_state (self, IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY);
}

/**
 * iwd_company_page_new:
 *
 * Creates the page of one company, with its credential fields and its
 * help page.
 *
 * Returns: (transfer full): a new #IwdCompanyPage
 */
GtkWidget *
iwd_company_page_new (void)
{
  return g_object_new (IWD_TYPE_COMPANY_PAGE, NULL);
}

/**
 * iwd_company_page_get_client:
 * @self: a #IwdCompanyPage
 *
 * Returns: (transfer none) (nullable): the client the page loads from
 */
IwdClient *
iwd_company_page_get_client (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), NULL);

  return self->client;
}

/**
 * iwd_company_page_set_client:
 * @self: a #IwdCompanyPage
 * @client: (nullable): the client to load the fields and help page with
 *
 * Sets the client and loads the company's fields and help page with it.
 */
void
iwd_company_page_set_client (IwdCompanyPage *self,
                             IwdClient      *client)
{
  g_return_if_fail (IWD_IS_COMPANY_PAGE (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  iwd_help_view_set_client (self->help_view, client);
  iwd_company_page_reload_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CLIENT]);
}

/**
 * iwd_company_page_get_logo_cache:
 * @self: a #IwdCompanyPage
 *
 * Returns: (transfer none) (nullable): the cache the logo loads from
 */
IwdLogoCache *
iwd_company_page_get_logo_cache (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), NULL);

  return iwd_company_logo_get_cache (self->logo);
}

/**
 * iwd_company_page_set_logo_cache:
 * @self: a #IwdCompanyPage
 * @cache: (nullable): the cache to load the logo from
 *
 * Sets the cache of the company's logo. Without one, the page draws the
 * company's placeholder.
 */
void
iwd_company_page_set_logo_cache (IwdCompanyPage *self,
                                 IwdLogoCache   *cache)
{
  g_return_if_fail (IWD_IS_COMPANY_PAGE (self));

  if (iwd_company_logo_get_cache (self->logo) == cache)
    return;

  iwd_company_logo_set_cache (self->logo, cache);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_CACHE]);
}

/**
 * iwd_company_page_get_company:
 * @self: a #IwdCompanyPage
 *
 * Returns: (transfer none) (nullable): the company shown
 */
IwdCompany *
iwd_company_page_get_company (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), NULL);

  return self->company;
}

/**
 * iwd_company_page_set_company:
 * @self: a #IwdCompanyPage
 * @company: (nullable): the company to show
 *
 * Shows @company on its Fields tab and loads its fields, cancelling the
 * loads for the previous company. The help page loads when its tab is
 * shown.
 */
void
iwd_company_page_set_company (IwdCompanyPage *self,
                              IwdCompany     *company)
{
  g_return_if_fail (IWD_IS_COMPANY_PAGE (self));
  g_return_if_fail (company == NULL || IWD_IS_COMPANY (company));

  if (!g_set_object (&self->company, company))
    return;

  show_company (self);
  iwd_company_page_reload_fields (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

/**
 * iwd_company_page_get_fields_state:
 * @self: a #IwdCompanyPage
 *
 * Returns: what the page shows of the company's fields
 */
IwdCompanyPageFieldsState
iwd_company_page_get_fields_state (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY);

  return self->fields_state;
}

/**
 * iwd_company_page_get_fields:
 * @self: a #IwdCompanyPage
 *
 * Returns: (transfer none): the company's credential fields, as
 *   #IwdField items in the schema's order
 */
GListModel *
iwd_company_page_get_fields (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), NULL);

  return G_LIST_MODEL (self->fields);
}

/**
 * iwd_company_page_get_help_view:
 * @self: a #IwdCompanyPage
 *
 * Returns: (transfer none): the view of the company's help page
 */
IwdHelpView *
iwd_company_page_get_help_view (IwdCompanyPage *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_PAGE (self), NULL);

  return self->help_view;
}

/**
 * iwd_company_page_reload_fields:
 * @self: a #IwdCompanyPage
 *
 * Fetches the company's credential schema again, cancelling a fetch
 * under way. Without a client or a company the list stays empty.
 */
void
iwd_company_page_reload_fields (IwdCompanyPage *self)
{
  GWeakRef *self_ref;

  g_return_if_fail (IWD_IS_COMPANY_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_list_store_remove_all (self->fields);

  if (self->client == NULL || self->company == NULL)
    {
      set_fields_state (self, IWD_COMPANY_PAGE_FIELDS_STATE_EMPTY);
      return;
    }

  /* A weak reference lets a closed page go at once. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  set_fields_state (self, IWD_COMPANY_PAGE_FIELDS_STATE_LOADING);
  iwd_client_get_fields_async (self->client, iwd_company_get_name (self->company),
                               self->cancellable, fields_loaded_cb, self_ref);
}

/**
 * iwd_company_page_describe_methods:
 * @methods: the robot methods that need a field
 *
 * Names the robot methods in words, as the company page shows them under
 * each field: "All methods", or the methods separated by commas.
 *
 * Returns: (transfer full): the translated names, empty for
 *   %IWD_ROBOT_METHODS_NONE
 */
char *
iwd_company_page_describe_methods (IwdRobotMethods methods)
{
  g_autoptr(GString) names = g_string_new (NULL);

  if (methods & IWD_ROBOT_METHODS_ALL)
    return g_strdup (_("All methods"));

  for (gsize i = 0; i < G_N_ELEMENTS (method_names); i++)
    {
      if ((methods & method_names[i].method) == 0)
        continue;

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, _(method_names[i].name));
    }

  return g_string_free (g_steal_pointer (&names), FALSE);
}
