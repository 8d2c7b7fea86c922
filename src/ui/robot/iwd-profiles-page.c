/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-company-labels.h"
#include "iwd-profile-row.h"
#include "iwd-profiles-page.h"
#include "iwd-robot-enums.h"
#include "iwd-robot-resources.h"

/**
 * IwdProfilesPage:
 *
 * The account's robot profiles: each one's company, state and tasks,
 * merged with what IWDesk remembers of it, with the actions that force a
 * method or a start date, and delete. The Update and Edit buttons
 * activate `profile.edit` with the profile id, which the window provides.
 */
struct _IwdProfilesPage
{
  GtkWidget             parent_instance;

  IwdClient            *client;          /* owned, nullable */
  IwdAccountState      *account_state;   /* owned, nullable */
  GListModel           *companies;       /* owned, nullable: IwdCompany, for their labels */
  IwdRobotMessageFunc   message_func;
  GCancellable         *cancellable;     /* owned, nullable: the load under way */
  GCancellable         *operations;      /* owned: forced tasks, dates and deletions */
  GListStore           *profiles;        /* owned: IwdProfileItem, as the robot lists them */
  GtkFilterListModel   *filtered;        /* owned: profiles through the filters */
  GtkSortListModel     *sorted;          /* owned: filtered, in the chosen order */
  GtkCustomFilter      *filter;          /* owned */
  GtkCustomSorter      *sorter;          /* owned */
  IwdProfilesPageState  state;
  char                 *error_message;   /* owned, nullable: the sentence shown */
  char                 *filter_company;  /* owned, nullable: NULL for all companies */
  gboolean              listing_companies;

  AdwToastOverlay      *toast_overlay;   /* template child */
  GtkStack             *stack;           /* template child */
  GtkListBox           *list_box;        /* template child */
  AdwStatusPage        *error_status;    /* template child */
  GtkDropDown          *company_dropdown; /* template child */
  GtkStringList        *company_names;   /* template child */
  GtkDropDown          *state_dropdown;  /* template child */
  GtkDropDown          *sort_dropdown;   /* template child */
};

/* One forced task, start date or deletion, from its call to its toast. */
typedef struct {
  GWeakRef  page;
  char     *profile_id;
  char     *done_message;     /* the toast on success */
  char     *failed_message;   /* the toast's first sentence on failure */
  gboolean  deletes;
  gboolean (*finish) (IwdClient *client, GAsyncResult *result, GError **error);
} Operation;

G_DEFINE_FINAL_TYPE (IwdProfilesPage, iwd_profiles_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_OPERATION_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The stack's child names, indexed by IwdProfilesPageState. */
static const char * const state_pages[] = { "loading", "list", "empty", "error" };

static void
operation_free (Operation *operation)
{
  g_weak_ref_clear (&operation->page);
  g_free (operation->profile_id);
  g_free (operation->done_message);
  g_free (operation->failed_message);
  g_free (operation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Operation, operation_free)

static void
operation_closure_free (gpointer  data,
                        GClosure *closure)
{
  operation_free (data);
}

static Operation *
operation_new (IwdProfilesPage *self,
               const char      *profile_id)
{
  Operation *operation = g_new0 (Operation, 1);

  g_weak_ref_init (&operation->page, self);
  operation->profile_id = g_strdup (profile_id);

  return operation;
}

static char *
dup_error_message (IwdProfilesPage *self,
                   const GError    *error)
{
  if (self->message_func != NULL)
    return self->message_func (error);

  return iwd_robot_dup_error_message (error);
}

static void
set_state (IwdProfilesPage      *self,
           IwdProfilesPageState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profiles.reload",
                                 self->client != NULL && state != IWD_PROFILES_PAGE_STATE_LOADING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static gboolean
filter_profile (gpointer item,
                gpointer user_data)
{
  IwdProfilesPage *self = user_data;
  IwdProfileItemState state = iwd_profile_item_get_state (item);
  IwdProfilesFilter filter = gtk_drop_down_get_selected (self->state_dropdown);

  if (self->filter_company != NULL &&
      g_strcmp0 (self->filter_company, iwd_profile_item_get_company (item)) != 0)
    return FALSE;

  if (filter == IWD_PROFILES_FILTER_WORKING)
    return state == IWD_PROFILE_ITEM_STATE_WORKING;
  if (filter == IWD_PROFILES_FILTER_SUSPENDED)
    return state == IWD_PROFILE_ITEM_STATE_SUSPENDED;

  return TRUE;
}

static int
compare_ids (IwdProfileItem *a,
             IwdProfileItem *b)
{
  g_autofree char *key_a = g_utf8_collate_key_for_filename (iwd_profile_item_get_id (a), -1);
  g_autofree char *key_b = g_utf8_collate_key_for_filename (iwd_profile_item_get_id (b), -1);

  return g_strcmp0 (key_a, key_b);
}

static int
compare_profiles (gconstpointer a,
                  gconstpointer b,
                  gpointer      user_data)
{
  IwdProfilesPage *self = user_data;
  IwdProfilesSort sort = gtk_drop_down_get_selected (self->sort_dropdown);
  int order = 0;

  /* Suspended profiles come first: they are the ones that need work. */
  if (sort == IWD_PROFILES_SORT_STATE)
    order = (int) iwd_profile_item_get_state ((gpointer) b) - (int) iwd_profile_item_get_state ((gpointer) a);
  else if (sort == IWD_PROFILES_SORT_COMPANY)
    order = g_ascii_strcasecmp (iwd_profile_item_get_company ((gpointer) a),
                                iwd_profile_item_get_company ((gpointer) b));

  if (order != 0)
    return order;

  return compare_ids ((gpointer) a, (gpointer) b);
}

/* Maps each profile id to the portfolios that the account state links
 * it to, because the state stores the links the other way round. */
static GHashTable *
map_portfolios (IwdAccountState *account_state)
{
  GHashTable *map = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                           (GDestroyNotify) g_ptr_array_unref);
  g_auto(GStrv) portfolios = NULL;

  if (account_state == NULL)
    return map;

  portfolios = iwd_account_state_list_portfolios (account_state);
  for (guint i = 0; portfolios[i] != NULL; i++)
    {
      g_auto(GStrv) members = iwd_account_state_list_portfolio_profiles (account_state, portfolios[i]);

      for (guint j = 0; members != NULL && members[j] != NULL; j++)
        {
          GPtrArray *ids = g_hash_table_lookup (map, members[j]);

          if (ids == NULL)
            {
              ids = g_ptr_array_new_null_terminated (1, g_free, TRUE);
              g_hash_table_insert (map, g_strdup (members[j]), ids);
            }
          g_ptr_array_add (ids, g_strdup (portfolios[i]));
        }
    }

  return map;
}

/* TODO: a profile that IWDesk remembers but the robot no longer lists,
 * deleted from elsewhere, is not shown, so its record stays unnoticed. */
static GPtrArray *
merge_profiles (IwdProfilesPage *self,
                GPtrArray       *profiles)
{
  g_autoptr(GHashTable) portfolios = map_portfolios (self->account_state);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < profiles->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (profiles, i);
      const char *id = iwd_profile_get_id (profile);
      const IwdProfileRecord *record = NULL;
      GPtrArray *ids = g_hash_table_lookup (portfolios, id);

      if (self->account_state != NULL)
        record = iwd_account_state_get_profile (self->account_state, id);

      g_ptr_array_add (items, iwd_profile_item_new (profile, record,
                                                    ids != NULL ? (const char * const *) ids->pdata : NULL));
    }

  return items;
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_ascii_strcasecmp (*(const char * const *) a, *(const char * const *) b);
}

/* Lists each company once in the company drop-down, keeping the one
 * chosen if it is still there. */
static void
list_companies (IwdProfilesPage *self,
                GPtrArray       *items)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  guint selected = 0;

  for (guint i = 0; i < items->len; i++)
    {
      const char *company = iwd_profile_item_get_company (g_ptr_array_index (items, i));

      if (g_hash_table_add (seen, (gpointer) company))
        g_ptr_array_add (names, (gpointer) company);
    }
  g_ptr_array_sort (names, compare_strings);
  g_ptr_array_insert (names, 0, (gpointer) _("All Companies"));
  g_ptr_array_add (names, NULL);

  self->listing_companies = TRUE;
  gtk_string_list_splice (self->company_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->company_names)),
                          (const char * const *) names->pdata);
  for (guint i = 1; self->filter_company != NULL && i < names->len - 1; i++)
    {
      if (g_strcmp0 (names->pdata[i], self->filter_company) == 0)
        selected = i;
    }
  gtk_drop_down_set_selected (self->company_dropdown, selected);
  self->listing_companies = FALSE;

  if (selected == 0)
    g_clear_pointer (&self->filter_company, g_free);
}

static void
show_profiles (IwdProfilesPage *self,
               GPtrArray       *profiles)
{
  g_autoptr(GPtrArray) items = merge_profiles (self, profiles);
  guint n_shown = g_list_model_get_n_items (G_LIST_MODEL (self->profiles));

  g_clear_pointer (&self->error_message, g_free);
  list_companies (self, items);
  g_list_store_splice (self->profiles, 0, n_shown, items->pdata, items->len);
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);

  if (items->len > 0)
    set_state (self, IWD_PROFILES_PAGE_STATE_LIST);
  else
    set_state (self, IWD_PROFILES_PAGE_STATE_EMPTY);
}

static void
show_error (IwdProfilesPage *self,
            const GError    *error)
{
  g_free (self->error_message);
  self->error_message = dup_error_message (self, error);
  adw_status_page_set_description (self->error_status, self->error_message);

  g_list_store_remove_all (self->profiles);
  set_state (self, IWD_PROFILES_PAGE_STATE_ERROR);
}

static void
show_toast (IwdProfilesPage *self,
            const char      *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* A deleted profile leaves the local state too, so that its portfolios
 * no longer list it. Failing to save is logged: the robot has already
 * deleted it. */
static void
forget_profile (IwdProfilesPage *self,
                const char      *profile_id)
{
  g_autoptr(GError) error = NULL;

  if (self->account_state == NULL ||
      iwd_account_state_get_profile (self->account_state, profile_id) == NULL)
    return;

  if (!iwd_account_state_remove_profile (self->account_state, profile_id, &error) ||
      !iwd_account_state_save (self->account_state, &error))
    g_warning ("ui: cannot forget deleted profile %s: %s", profile_id, error->message);
}

static void
profiles_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  GWeakRef *self_ref = user_data;
  g_autoptr(IwdProfilesPage) self = g_weak_ref_get (self_ref);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;

  g_weak_ref_clear (self_ref);
  g_free (self_ref);
  profiles = iwd_client_list_profiles_finish (IWD_CLIENT (source), result, &error);

  /* Either the page is gone, or a reload or dispose cancelled this load
   * and has already set the page's state. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);

  if (profiles == NULL)
    {
      g_message ("ui: cannot list profiles: %s", error->message);
      show_error (self, error);
      return;
    }

  g_debug ("ui: listed %u profiles", profiles->len);
  show_profiles (self, profiles);
}

static void
operation_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Operation) operation = user_data;
  g_autoptr(IwdProfilesPage) self = g_weak_ref_get (&operation->page);
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;
  gboolean done;

  done = operation->finish (IWD_CLIENT (source), result, &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    {
      message = g_strdup (operation->done_message);
      if (operation->deletes)
        forget_profile (self, operation->profile_id);
      iwd_profiles_page_reload (self);
    }
  else
    {
      g_message ("ui: robot call on profile %s failed: %s", operation->profile_id, error->message);
      reason = dup_error_message (self, error);
      message = g_strdup_printf ("%s %s", operation->failed_message, reason);
    }

  show_toast (self, message);
  g_signal_emit (self, signals[SIGNAL_OPERATION_FINISHED], 0, operation->profile_id, message, done);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  Operation *request = user_data;
  g_autoptr(IwdProfilesPage) self = g_weak_ref_get (&request->page);

  if (self != NULL && g_strcmp0 (response, "delete") == 0)
    iwd_profiles_page_delete_profile (self, request->profile_id);
}

static void
filter_changed_cb (IwdProfilesPage *self)
{
  guint selected = gtk_drop_down_get_selected (self->company_dropdown);

  if (self->listing_companies)
    return;

  g_clear_pointer (&self->filter_company, g_free);
  if (selected > 0 && selected != GTK_INVALID_LIST_POSITION)
    self->filter_company = g_strdup (gtk_string_list_get_string (self->company_names, selected));

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
}

static void
sort_changed_cb (IwdProfilesPage *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Titles the row with the company's label from the company list, as
 * the companies page shows it, where the robot gives only a code. */
static GtkWidget *
create_row_cb (gpointer item,
               gpointer user_data)
{
  IwdProfilesPage *self = user_data;
  GtkWidget *row = iwd_profile_row_new (item);
  const char *company = iwd_company_labels_lookup (self->companies,
                                                   iwd_profile_item_get_company (item));
  g_autofree char *title = g_strdup_printf ("%s — %s", iwd_profile_item_get_id (item), company);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  return row;
}

static void
bind_rows (IwdProfilesPage *self)
{
  gtk_list_box_bind_model (self->list_box, G_LIST_MODEL (self->sorted), create_row_cb, self, NULL);
}

static void
companies_changed_cb (IwdProfilesPage *self)
{
  bind_rows (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_profiles_page_reload (IWD_PROFILES_PAGE (widget));
}

static void
force_task_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  const char *profile_id;
  const char *method;

  g_variant_get (parameter, "(&s&s)", &profile_id, &method);
  iwd_profiles_page_force_task (IWD_PROFILES_PAGE (widget), profile_id, method);
}

static void
set_start_date_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  const char *profile_id;
  const char *text;
  g_autoptr(GDate) date = g_date_new ();

  g_variant_get (parameter, "(&s&s)", &profile_id, &text);
  g_date_set_parse (date, text);
  if (!g_date_valid (date))
    {
      g_warning ("ui: invalid start date %s for profile %s", text, profile_id);
      return;
    }

  iwd_profiles_page_set_start_date (IWD_PROFILES_PAGE (widget), profile_id, date);
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *profile_id = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  GtkWidget *dialog;

  /* Translators: %s is a profile id chosen by the broker */
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                   NULL, NULL);
  adw_message_dialog_format_heading (ADW_MESSAGE_DIALOG (dialog), _("Delete Profile %s?"), profile_id);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (dialog),
                               _("The robot deletes the profile and its tasks go with it: "
                                 "nothing more is downloaded from this insurer login "
                                 "until you add the profile again."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "delete", _("_Delete"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "delete",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         operation_new (IWD_PROFILES_PAGE (widget), profile_id),
                         operation_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
iwd_profiles_page_dispose (GObject *object)
{
  IwdProfilesPage *self = IWD_PROFILES_PAGE (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->operations);
  g_clear_object (&self->operations);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PROFILES_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);
  g_clear_object (&self->companies);
  g_clear_object (&self->sorted);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  g_clear_object (&self->sorter);
  g_clear_object (&self->profiles);

  G_OBJECT_CLASS (iwd_profiles_page_parent_class)->dispose (object);
}

static void
iwd_profiles_page_finalize (GObject *object)
{
  IwdProfilesPage *self = IWD_PROFILES_PAGE (object);

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->filter_company, g_free);

  G_OBJECT_CLASS (iwd_profiles_page_parent_class)->finalize (object);
}

static void
iwd_profiles_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IwdProfilesPage *self = IWD_PROFILES_PAGE (object);

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
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "profiles.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK,
                                       "profiles.reload", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "profiles.reload", NULL);
  gtk_widget_class_install_action (widget_class, "profiles.force-task", "(ss)", force_task_action);
  gtk_widget_class_install_action (widget_class, "profiles.set-start-date", "(ss)",
                                   set_start_date_action);
  gtk_widget_class_install_action (widget_class, "profiles.delete", "s", delete_action);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  (void) iwd_robot_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/robot/iwd-profiles-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, company_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, company_names);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, state_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdProfilesPage, sort_dropdown);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, sort_changed_cb);
}

static void
iwd_profiles_page_class_init (IwdProfilesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_profiles_page_dispose;
  object_class->finalize = iwd_profiles_page_finalize;
  object_class->get_property = iwd_profiles_page_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_PROFILES_PAGE_STATE, IWD_PROFILES_PAGE_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdProfilesPage::operation-finished:
   * @self: the page
   * @profile_id: the profile the call was about
   * @message: the translated sentence the page shows as a toast
   * @success: whether the robot accepted the call
   *
   * Emitted when a forced task, a forced start date or a deletion ends,
   * except when it was cancelled.
   */
  signals[SIGNAL_OPERATION_FINISHED] =
    g_signal_new ("operation-finished", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                  G_TYPE_STRING, G_TYPE_STRING, G_TYPE_BOOLEAN);

  install_actions (widget_class);
  bind_template (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_profiles_page_init (IwdProfilesPage *self)
{
  g_autoptr(GPtrArray) no_items = g_ptr_array_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  self->operations = g_cancellable_new ();
  self->profiles = g_list_store_new (IWD_TYPE_PROFILE_ITEM);
  self->filter = gtk_custom_filter_new (filter_profile, self, NULL);
  self->sorter = gtk_custom_sorter_new (compare_profiles, self, NULL);
  self->filtered = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->profiles)),
                                              GTK_FILTER (g_object_ref (self->filter)));
  self->sorted = gtk_sort_list_model_new (G_LIST_MODEL (g_object_ref (self->filtered)),
                                          GTK_SORTER (g_object_ref (self->sorter)));
  bind_rows (self);

  list_companies (self, no_items);
  set_state (self, IWD_PROFILES_PAGE_STATE_LOADING);
}

/**
 * iwd_profiles_page_new:
 *
 * Creates the page of the account's robot profiles. It loads the list
 * as soon as it has a client.
 *
 * Returns: (transfer full): a new #IwdProfilesPage
 */
GtkWidget *
iwd_profiles_page_new (void)
{
  return g_object_new (IWD_TYPE_PROFILES_PAGE, NULL);
}

/**
 * iwd_profiles_page_set_client:
 * @self: a #IwdProfilesPage
 * @client: (nullable): the client of the account
 *
 * Sets the client and loads the profiles with it, cancelling the calls
 * of the previous client.
 */
void
iwd_profiles_page_set_client (IwdProfilesPage *self,
                              IwdClient       *client)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_cancellable_cancel (self->operations);
  g_clear_object (&self->operations);
  self->operations = g_cancellable_new ();
  iwd_profiles_page_reload (self);
}

/**
 * iwd_profiles_page_set_account_state:
 * @self: a #IwdProfilesPage
 * @state: (nullable): what IWDesk remembers of the account
 *
 * Sets the account state that the page merges with the robot's list:
 * each profile's portfolios and chosen methods. A deleted profile is
 * removed from it. The page shows the new state at its next load.
 */
void
iwd_profiles_page_set_account_state (IwdProfilesPage *self,
                                     IwdAccountState *state)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (state == NULL || IWD_IS_ACCOUNT_STATE (state));

  g_set_object (&self->account_state, state);
}

/**
 * iwd_profiles_page_set_companies:
 * @self: a #IwdProfilesPage
 * @companies: (nullable): the company list, of #IwdCompany
 *
 * Sets the list whose labels title the profiles in place of the robot's
 * company codes. The rows follow the list as it loads or changes.
 */
void
iwd_profiles_page_set_companies (IwdProfilesPage *self,
                                 GListModel      *companies)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (companies == NULL || G_IS_LIST_MODEL (companies));

  if (self->companies == companies)
    return;

  if (self->companies != NULL)
    g_signal_handlers_disconnect_by_func (self->companies, companies_changed_cb, self);
  g_set_object (&self->companies, companies);
  if (companies != NULL)
    g_signal_connect_object (companies, "items-changed", G_CALLBACK (companies_changed_cb),
                             self, G_CONNECT_SWAPPED);
  bind_rows (self);
}

/**
 * iwd_profiles_page_set_message_func:
 * @self: a #IwdProfilesPage
 * @func: (nullable): what makes the sentence shown for an error, or
 *   %NULL for iwd_robot_dup_error_message()
 *
 * Chooses how the page words the errors of the client. The application
 * passes iwd_error_dup_user_message(), which this library cannot link.
 */
void
iwd_profiles_page_set_message_func (IwdProfilesPage     *self,
                                    IwdRobotMessageFunc  func)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));

  self->message_func = func;
}

/**
 * iwd_profiles_page_get_state:
 * @self: a #IwdProfilesPage
 *
 * Returns: what the page shows now
 */
IwdProfilesPageState
iwd_profiles_page_get_state (IwdProfilesPage *self)
{
  g_return_val_if_fail (IWD_IS_PROFILES_PAGE (self), IWD_PROFILES_PAGE_STATE_LOADING);

  return self->state;
}

/**
 * iwd_profiles_page_get_model:
 * @self: a #IwdProfilesPage
 *
 * Returns: (transfer none): the profiles shown, as #IwdProfileItem
 *   items, filtered and sorted as the page shows them
 */
GListModel *
iwd_profiles_page_get_model (IwdProfilesPage *self)
{
  g_return_val_if_fail (IWD_IS_PROFILES_PAGE (self), NULL);

  return G_LIST_MODEL (self->sorted);
}

/**
 * iwd_profiles_page_get_error_message:
 * @self: a #IwdProfilesPage
 *
 * Returns: (nullable): the translated sentence shown for the last failed
 *   load, or %NULL if no load failed
 */
const char *
iwd_profiles_page_get_error_message (IwdProfilesPage *self)
{
  g_return_val_if_fail (IWD_IS_PROFILES_PAGE (self), NULL);

  return self->error_message;
}

/**
 * iwd_profiles_page_set_filter_company:
 * @self: a #IwdProfilesPage
 * @company: (nullable): a company of the list, or %NULL for all
 *
 * Shows only the profiles of @company, as if chosen in the drop-down.
 * A company that no loaded profile has shows all companies.
 */
void
iwd_profiles_page_set_filter_company (IwdProfilesPage *self,
                                      const char      *company)
{
  guint n_names;

  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));

  n_names = g_list_model_get_n_items (G_LIST_MODEL (self->company_names));
  for (guint i = 1; company != NULL && i < n_names; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->company_names, i), company) == 0)
        {
          gtk_drop_down_set_selected (self->company_dropdown, i);
          return;
        }
    }

  gtk_drop_down_set_selected (self->company_dropdown, 0);
}

/**
 * iwd_profiles_page_set_filter_state:
 * @self: a #IwdProfilesPage
 * @filter: the states to show
 *
 * Shows only the profiles in the chosen states, as the drop-down does.
 */
void
iwd_profiles_page_set_filter_state (IwdProfilesPage   *self,
                                    IwdProfilesFilter  filter)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));

  gtk_drop_down_set_selected (self->state_dropdown, filter);
}

/**
 * iwd_profiles_page_set_sort:
 * @self: a #IwdProfilesPage
 * @sort: the order
 *
 * Sorts the profiles, as the drop-down does.
 */
void
iwd_profiles_page_set_sort (IwdProfilesPage *self,
                            IwdProfilesSort  sort)
{
  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));

  gtk_drop_down_set_selected (self->sort_dropdown, sort);
}

/**
 * iwd_profiles_page_reload:
 * @self: a #IwdProfilesPage
 *
 * Fetches the profile list again, cancelling a load under way. Without
 * a client the page stays in the loading state.
 */
void
iwd_profiles_page_reload (IwdProfilesPage *self)
{
  GWeakRef *self_ref;

  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_state (self, IWD_PROFILES_PAGE_STATE_LOADING);

  if (self->client == NULL)
    return;

  /* A weak reference lets a closed page go at once: dispose cancels the
   * load, and the callback finds no page. */
  self_ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (self_ref, self);
  self->cancellable = g_cancellable_new ();
  iwd_client_list_profiles_async (self->client, self->cancellable,
                                  profiles_listed_cb, self_ref);
}

/**
 * iwd_profiles_page_force_task:
 * @self: a #IwdProfilesPage
 * @profile_id: a profile id
 * @method: a robot method from iwd_robot_list_methods()
 *
 * Asks the robot to run @method for the profile now. The result shows
 * as a toast and in #IwdProfilesPage::operation-finished, and the list
 * is loaded again after a success.
 */
void
iwd_profiles_page_force_task (IwdProfilesPage *self,
                              const char      *profile_id,
                              const char      *method)
{
  Operation *operation;
  const char *title;

  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (method != NULL);
  g_return_if_fail (self->client != NULL);

  title = iwd_robot_method_get_title (method);
  operation = operation_new (self, profile_id);
  operation->finish = iwd_client_force_task_finish;
  /* Translators: the first %s is a robot method, the second a profile id */
  operation->done_message = g_strdup_printf (_("The robot will run %s for profile %s."),
                                             title, profile_id);
  /* Translators: the first %s is a robot method, the second a profile id */
  operation->failed_message = g_strdup_printf (_("The robot cannot run %s for profile %s."),
                                               title, profile_id);
  iwd_client_force_task_async (self->client, profile_id, method, self->operations,
                               operation_done_cb, operation);
}

/**
 * iwd_profiles_page_set_start_date:
 * @self: a #IwdProfilesPage
 * @profile_id: a profile id
 * @date: the date of the last statement the broker already has
 *
 * Tells the robot to download the profile's statements after @date. The
 * result shows as iwd_profiles_page_force_task() describes.
 */
void
iwd_profiles_page_set_start_date (IwdProfilesPage *self,
                                  const char      *profile_id,
                                  GDate           *date)
{
  Operation *operation;
  char text[16];

  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (date != NULL && g_date_valid (date));
  g_return_if_fail (self->client != NULL);

  g_date_strftime (text, sizeof text, "%d/%m/%Y", date);
  operation = operation_new (self, profile_id);
  operation->finish = iwd_client_set_start_date_finish;
  /* Translators: the first %s is a profile id, the second a date */
  operation->done_message = g_strdup_printf (_("The robot starts profile %s after %s."),
                                             profile_id, text);
  /* Translators: %s is a profile id */
  operation->failed_message = g_strdup_printf (_("The start date of profile %s was not changed."),
                                               profile_id);
  iwd_client_set_start_date_async (self->client, profile_id, date, self->operations,
                                   operation_done_cb, operation);
}

/**
 * iwd_profiles_page_delete_profile:
 * @self: a #IwdProfilesPage
 * @profile_id: a profile id
 *
 * Deletes the profile and its tasks on the robot without confirmation,
 * which the `profiles.delete` action requests first. The result shows as
 * iwd_profiles_page_force_task() describes.
 */
void
iwd_profiles_page_delete_profile (IwdProfilesPage *self,
                                  const char      *profile_id)
{
  Operation *operation;

  g_return_if_fail (IWD_IS_PROFILES_PAGE (self));
  g_return_if_fail (profile_id != NULL);
  g_return_if_fail (self->client != NULL);

  operation = operation_new (self, profile_id);
  operation->finish = iwd_client_delete_profile_finish;
  operation->deletes = TRUE;
  /* Translators: %s is a profile id */
  operation->done_message = g_strdup_printf (_("Profile %s and its tasks were deleted."), profile_id);
  /* Translators: %s is a profile id */
  operation->failed_message = g_strdup_printf (_("Profile %s was not deleted."), profile_id);
  iwd_client_delete_profile_async (self->client, profile_id, self->operations,
                                   operation_done_cb, operation);
}
