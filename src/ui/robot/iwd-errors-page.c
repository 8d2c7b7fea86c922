/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-company-labels.h"
#include "iwd-errors-page.h"
#include "iwd-robot-enums.h"
#include "iwd-robot-error.h"
#include "iwd-robot-resources.h"

/**
 * IwdErrorsPage:
 *
 * The robot's error list, newest first, grouped by profile. Known codes
 * get an explanation and, where posting the profile again fixes them, an
 * Update button that activates `profile.edit` with the profile id.
 */
struct _IwdErrorsPage
{
  GtkWidget            parent_instance;

  IwdClient           *client;        /* owned, nullable */
  GListModel          *companies;     /* owned, nullable: IwdCompany, for their labels */
  IwdRobotMessageFunc  message_func;
  GCancellable        *cancellable;   /* owned, nullable: the load under way */
  GListStore          *errors;        /* owned: IwdRobotError, newest first */
  IwdErrorsPageState   state;
  char                *error_message; /* owned, nullable: the sentence shown */

  GtkStack            *stack;         /* template child */
  GtkBox              *groups_box;    /* template child */
  AdwStatusPage       *error_status;  /* template child */
};

G_DEFINE_FINAL_TYPE (IwdErrorsPage, iwd_errors_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* The stack's child names, indexed by IwdErrorsPageState. */
static const char * const state_pages[] = { "loading", "list", "empty", "error" };

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  IwdRobotError *error_a = *(IwdRobotError * const *) a;
  IwdRobotError *error_b = *(IwdRobotError * const *) b;
  gint64 date_a = iwd_robot_error_get_date (error_a);
  gint64 date_b = iwd_robot_error_get_date (error_b);

  if (date_a != date_b)
    return date_a > date_b ? -1 : 1;

  return g_strcmp0 (iwd_robot_error_get_profile_id (error_a),
                    iwd_robot_error_get_profile_id (error_b));
}

static void
set_state (IwdErrorsPage      *self,
           IwdErrorsPageState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "errors.reload",
                                 self->client != NULL && state != IWD_ERRORS_PAGE_STATE_LOADING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static char *
dup_error_title (IwdRobotError *error)
{
  int code = iwd_robot_error_get_code (error);
  const char *explanation = iwd_robot_code_get_explanation (code);

  if (explanation != NULL)
    return g_strdup (explanation);

  /* Translators: %d is the robot's error code, %s its French label as the robot sends it */
  return g_strdup_printf (_("Error %d: %s"), code, iwd_robot_error_get_label (error));
}

static char *
dup_error_subtitle (IwdRobotError *error)
{
  g_autofree char *date = iwd_robot_format_date (iwd_robot_error_get_date (error));
  int code = iwd_robot_error_get_code (error);

  if (iwd_robot_code_get_explanation (code) == NULL)
    return g_steal_pointer (&date);

  /* Translators: a date, then the robot's own label and code of the error */
  return g_strdup_printf (_("%s · “%s”, code %d"), date, iwd_robot_error_get_label (error), code);
}

static GtkWidget *
new_update_button (const char *profile_id)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Update"));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Post this profile again with new credentials"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "profile.edit");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", profile_id);
  gtk_widget_add_css_class (button, "suggested-action");

  return button;
}

static GtkWidget *
new_error_row (IwdRobotError *error)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *title = dup_error_title (error);
  g_autofree char *subtitle = dup_error_subtitle (error);
  int code = iwd_robot_error_get_code (error);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), "dialog-warning-symbolic");

  if (iwd_robot_code_needs_update (code))
    adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                               new_update_button (iwd_robot_error_get_profile_id (error)));

  return row;
}

/* One profile's errors: a heading and a boxed list. The heading is a
 * plain label, because profile ids are the broker's own text. It names
 * the company by its label in the company list, where the robot gives
 * only a code. */
static GtkListBox *
add_group (IwdErrorsPage *self,
           IwdRobotError *error)
{
  GtkWidget *group = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  const char *company = iwd_company_labels_lookup (self->companies,
                                                   iwd_robot_error_get_company (error));
  g_autofree char *heading = g_strdup_printf ("%s — %s", iwd_robot_error_get_profile_id (error),
                                              company);
  GtkWidget *label = gtk_label_new (heading);
  GtkWidget *list = gtk_list_box_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (GTK_BOX (group), label);
  gtk_box_append (GTK_BOX (group), list);
  gtk_box_append (self->groups_box, group);

  return GTK_LIST_BOX (list);
}

static void
clear_groups (IwdErrorsPage *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

/* Groups appear in the order of their newest error, because the errors
 * come newest first. */
static void
show_groups (IwdErrorsPage *self,
             GPtrArray     *errors)
{
  g_autoptr(GHashTable) groups = g_hash_table_new (g_str_hash, g_str_equal);

  clear_groups (self);
  for (guint i = 0; i < errors->len; i++)
    {
      IwdRobotError *error = g_ptr_array_index (errors, i);
      const char *profile_id = iwd_robot_error_get_profile_id (error);
      GtkListBox *list = g_hash_table_lookup (groups, profile_id);

      if (list == NULL)
        {
          list = add_group (self, error);
          g_hash_table_insert (groups, (gpointer) profile_id, list);
        }
      gtk_list_box_append (list, new_error_row (error));
    }
}

static void
companies_changed_cb (IwdErrorsPage *self)
{
  GListModel *errors = G_LIST_MODEL (self->errors);
  g_autoptr(GPtrArray) shown = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (errors); i++)
    g_ptr_array_add (shown, g_list_model_get_item (errors, i));

  show_groups (self, shown);
}

static void
show_errors (IwdErrorsPage *self,
             GPtrArray     *errors)
{
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->errors));

  g_clear_pointer (&self->error_message, g_free);
  g_ptr_array_sort (errors, compare_newest_first);
  g_list_store_splice (self->errors, 0, n_shown, errors->pdata, errors->len);
  show_groups (self, errors);

  if (errors->len > 0)
    set_state (self, IWD_ERRORS_PAGE_STATE_LIST);
  else
    set_state (self, IWD_ERRORS_PAGE_STATE_EMPTY);
}

static void
show_error (IwdErrorsPage *self,
            const GError  *error)
{
  g_free (self->error_message);
  if (self->message_func != NULL)
    self->error_message = self->message_func (error);
  else
    self->error_message = iwd_robot_dup_error_message (error);
  adw_status_page_set_description (self->error_status, self->error_message);

  g_list_store_remove_all (self->errors);
  clear_groups (self);
  set_state (self, IWD_ERRORS_PAGE_STATE_ERROR);
}

static void
errors_listed_cb (GObject      *source,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdErrorsPage) self = g_weak_ref_get (self_ref);
  g_autoptr(GPtrArray) errors = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  errors = iwd_client_list_errors_finish (IWD_CLIENT (source), result, &error);

  /* Either the page is gone, or a reload or dispose cancelled this load
   * and has already set the page's state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (errors == NULL)
    {
      g_message ("ui: cannot list robot errors: %s", error->message);
      show_error (self, error);
      return;
    }

  g_debug ("ui: listed %u robot errors", errors->len);
  show_errors (self, errors);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_errors_page_reload (IWD_ERRORS_PAGE (widget));
}

static void
iwd_errors_page_dispose (GObject *object)
{
  IwdErrorsPage *self = IWD_ERRORS_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_ERRORS_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->companies);
  g_clear_object (&self->errors);

  G_OBJECT_CLASS (iwd_errors_page_parent_class)->dispose (object);
}

static void
iwd_errors_page_finalize (GObject *object)
{
  IwdErrorsPage *self = IWD_ERRORS_PAGE (object);

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (iwd_errors_page_parent_class)->finalize (object);
}

static void
iwd_errors_page_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IwdErrorsPage *self = IWD_ERRORS_PAGE (object);

  switch (prop_id)
    {
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_errors_page_class_init (IwdErrorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_errors_page_dispose;
  object_class->finalize = iwd_errors_page_finalize;
  object_class->get_property = iwd_errors_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_ERRORS_PAGE_STATE, IWD_ERRORS_PAGE_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_install_action (widget_class, "errors.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "errors.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "errors.reload", NULL);

  (void) iwd_robot_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/robot/iwd-errors-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdErrorsPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdErrorsPage, groups_box);
  gtk_widget_class_bind_template_child (widget_class, IwdErrorsPage, error_status);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_errors_page_init (IwdErrorsPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->errors = g_list_store_new (IWD_TYPE_ROBOT_ERROR);
  set_state (self, IWD_ERRORS_PAGE_STATE_LOADING);
}

/**
 * iwd_errors_page_new:
 *
 * Creates the page of the robot's error list. It loads the list as soon
 * as it has a client.
 *
 * Returns: (transfer full): a new #IwdErrorsPage
 */
GtkWidget *
iwd_errors_page_new (void)
{
  return g_object_new (IWD_TYPE_ERRORS_PAGE, NULL);
}

/**
 * iwd_errors_page_set_client:
 * @self: a #IwdErrorsPage
 * @client: (nullable): the client of the account
 *
 * Sets the client and loads the error list with it, cancelling a load
 * from the previous client.
 */
void
iwd_errors_page_set_client (IwdErrorsPage *self,
                            IwdClient     *client)
{
  g_return_if_fail (IWD_IS_ERRORS_PAGE (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  iwd_errors_page_reload (self);
}

/**
 * iwd_errors_page_set_companies:
 * @self: a #IwdErrorsPage
 * @companies: (nullable): the company list, of #IwdCompany
 *
 * Sets the list whose labels head the profiles' errors in place of the
 * robot's company codes. The headings follow the list as it loads or
 * changes.
 */
void
iwd_errors_page_set_companies (IwdErrorsPage *self,
                               GListModel    *companies)
{
  g_return_if_fail (IWD_IS_ERRORS_PAGE (self));
  g_return_if_fail (companies == NULL || G_IS_LIST_MODEL (companies));

  if (self->companies == companies)
    return;

  if (self->companies != NULL)
    g_signal_handlers_disconnect_by_func (self->companies, companies_changed_cb, self);
  g_set_object (&self->companies, companies);
  if (companies != NULL)
    g_signal_connect_object (companies, "items-changed", G_CALLBACK (companies_changed_cb),
                             self, G_CONNECT_SWAPPED);
  companies_changed_cb (self);
}

/**
 * iwd_errors_page_set_message_func:
 * @self: a #IwdErrorsPage
 * @func: (nullable): what makes the sentence shown for an error, or
 *   %NULL for iwd_robot_dup_error_message()
 *
 * Chooses how the page words the errors of the client. The application
 * passes iwd_error_dup_user_message(), which this library cannot link.
 */
void
iwd_errors_page_set_message_func (IwdErrorsPage       *self,
                                  IwdRobotMessageFunc  func)
{
  g_return_if_fail (IWD_IS_ERRORS_PAGE (self));

  self->message_func = func;
}

/**
 * iwd_errors_page_get_state:
 * @self: a #IwdErrorsPage
 *
 * Returns: what the page shows now
 */
IwdErrorsPageState
iwd_errors_page_get_state (IwdErrorsPage *self)
{
  g_return_val_if_fail (IWD_IS_ERRORS_PAGE (self), IWD_ERRORS_PAGE_STATE_LOADING);

  return self->state;
}

/**
 * iwd_errors_page_get_model:
 * @self: a #IwdErrorsPage
 *
 * Returns: (transfer none): the errors shown, as #IwdRobotError items,
 *   newest first
 */
GListModel *
iwd_errors_page_get_model (IwdErrorsPage *self)
{
  g_return_val_if_fail (IWD_IS_ERRORS_PAGE (self), NULL);

  return G_LIST_MODEL (self->errors);
}

/**
 * iwd_errors_page_get_error_message:
 * @self: a #IwdErrorsPage
 *
 * Returns: (nullable): the translated sentence shown for the last failed
 *   load, or %NULL if no load failed
 */
const char *
iwd_errors_page_get_error_message (IwdErrorsPage *self)
{
  g_return_val_if_fail (IWD_IS_ERRORS_PAGE (self), NULL);

  return self->error_message;
}

/**
 * iwd_errors_page_reload:
 * @self: a #IwdErrorsPage
 *
 * Fetches the error list again, cancelling a load under way. Without a
 * client the page stays in the loading state.
 */
void
iwd_errors_page_reload (IwdErrorsPage *self)
{
  GWeakRef *self_ref;

  g_return_if_fail (IWD_IS_ERRORS_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_state (self, IWD_ERRORS_PAGE_STATE_LOADING);

  if (self->client == NULL)
    return;

  /* A weak reference lets a closed page go at once: dispose cancels the
   * load, and the callback finds no page. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  iwd_client_list_errors_async (self->client, self->cancellable, errors_listed_cb, self_ref);
}
