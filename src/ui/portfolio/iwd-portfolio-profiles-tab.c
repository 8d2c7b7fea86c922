/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-portfolio-enums.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-profiles-tab.h"
#include "iwd-portfolio-resources.h"
#include "iwd-profile-creator.h"
#include "iwd-profile.h"

/**
 * IwdPortfolioProfilesTab:
 *
 * The profiles of a portfolio, as the robot lists them, with the actions
 * that add one of the account's other profiles, create a profile inside
 * the portfolio, and remove a profile from it. The account state follows
 * each change, because the pages of the account read the links there.
 */
struct _IwdPortfolioProfilesTab
{
  GtkWidget                     parent_instance;

  IwdClient                    *client;            /* owned */
  IwdAccountState              *account_state;     /* owned */
  IwdSecretStore               *secrets;           /* owned, nullable */
  char                         *portfolio_id;      /* owned */
  IwdErrorFormatter             formatter;
  GCancellable                 *cancellable;       /* owned, nullable: the load under way */
  GCancellable                 *operations;        /* owned: additions and removals */
  GStrv                         profile_ids;       /* owned: the portfolio's profiles */
  GStrv                         available_ids;     /* owned: the account's other profiles */
  GHashTable                   *companies;         /* owned: profile id to company, as last listed */
  IwdPortfolioProfilesTabState  state;
  char                         *error_message;     /* owned, nullable */

  GtkStack                     *stack;             /* template child */
  GtkListBox                   *list_box;          /* template child */
  GtkDropDown                  *available_dropdown; /* template child */
  GtkStringList                *available_names;   /* template child */
  AdwStatusPage                *error_status;      /* template child */
};

/* The two lists a load fetches at once: the portfolio's profiles and the
 * account's. */
typedef struct {
  GWeakRef      tab;
  GCancellable *cancellable;   /* owned */
  GPtrArray    *members;       /* owned, nullable: IwdProfile */
  GPtrArray    *all;           /* owned, nullable: IwdProfile */
  GError       *error;         /* owned, nullable: the first failure */
  guint         pending;
} Load;

/* One addition or removal, from its call to its result. */
typedef struct {
  GWeakRef  tab;
  char     *profile_id;
  gboolean  adds;
} Operation;

G_DEFINE_FINAL_TYPE (IwdPortfolioProfilesTab, iwd_portfolio_profiles_tab, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_PROFILES_CHANGED,
  SIGNAL_OPERATION_FINISHED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The stack's child names, indexed by IwdPortfolioProfilesTabState. */
static const char * const state_pages[] = { "loading", "list", "empty", "error" };

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->tab);
  g_clear_object (&load->cancellable);
  g_clear_pointer (&load->members, g_ptr_array_unref);
  g_clear_pointer (&load->all, g_ptr_array_unref);
  g_clear_error (&load->error);
  g_free (load);
}

static void
operation_free (Operation *operation)
{
  g_weak_ref_clear (&operation->tab);
  g_free (operation->profile_id);
  g_free (operation);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Operation, operation_free)

static void
set_state (IwdPortfolioProfilesTab      *self,
           IwdPortfolioProfilesTabState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio-profiles.reload",
                                 state != IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
update_actions (IwdPortfolioProfilesTab *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio-profiles.add",
                                 self->available_ids[0] != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio-profiles.create",
                                 self->secrets != NULL);
}

static GtkWidget *
create_row (IwdProfile *profile)
{
  const char *id = iwd_profile_get_id (profile);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Remove"));

  /* Ids and company names come from the server, so they are never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), iwd_profile_get_company (profile));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Remove from Portfolio"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), "portfolio-profiles.remove");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);

  return row;
}

static GStrv
list_ids (GPtrArray  *profiles,
          GHashTable *excluded)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < profiles->len; i++)
    {
      const char *id = iwd_profile_get_id (g_ptr_array_index (profiles, i));

      if (excluded == NULL || !g_hash_table_contains (excluded, id))
        g_strv_builder_add (builder, id);
    }

  return g_strv_builder_end (builder);
}

static void
show_available (IwdPortfolioProfilesTab *self,
                GPtrArray               *all)
{
  g_autoptr(GHashTable) members = g_hash_table_new (g_str_hash, g_str_equal);

  g_hash_table_remove_all (self->companies);
  for (guint i = 0; i < all->len; i++)
    {
      IwdProfile *profile = g_ptr_array_index (all, i);

      g_hash_table_insert (self->companies, g_strdup (iwd_profile_get_id (profile)),
                           g_strdup (iwd_profile_get_company (profile)));
    }

  for (guint i = 0; self->profile_ids[i] != NULL; i++)
    g_hash_table_add (members, self->profile_ids[i]);

  g_strfreev (self->available_ids);
  self->available_ids = list_ids (all, members);
  gtk_string_list_splice (self->available_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->available_names)),
                          (const char * const *) self->available_ids);
  gtk_widget_set_sensitive (GTK_WIDGET (self->available_dropdown), self->available_ids[0] != NULL);
}

static void
show_members (IwdPortfolioProfilesTab *self,
              GPtrArray               *members)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  for (guint i = 0; i < members->len; i++)
    gtk_list_box_append (self->list_box, create_row (g_ptr_array_index (members, i)));

  g_strfreev (self->profile_ids);
  self->profile_ids = list_ids (members, NULL);
}

static void
show_lists (IwdPortfolioProfilesTab *self,
            Load                    *load)
{
  g_clear_pointer (&self->error_message, g_free);
  show_members (self, load->members);
  show_available (self, load->all);
  update_actions (self);

  if (load->members->len > 0)
    set_state (self, IWD_PORTFOLIO_PROFILES_TAB_STATE_LIST);
  else
    set_state (self, IWD_PORTFOLIO_PROFILES_TAB_STATE_EMPTY);

  g_signal_emit (self, signals[SIGNAL_PROFILES_CHANGED], 0);
}

static void
show_error (IwdPortfolioProfilesTab *self,
            const GError            *error)
{
  g_message ("portfolio: cannot list the profiles of portfolio %s: %s",
             self->portfolio_id, error->message);

  g_free (self->error_message);
  self->error_message = iwd_portfolio_dup_error_message (self->formatter, error);
  adw_status_page_set_description (self->error_status, self->error_message);
  set_state (self, IWD_PORTFOLIO_PROFILES_TAB_STATE_ERROR);
}

/* Called when either list arrives; the second one shows both. */
static void
finish_load (Load *load)
{
  g_autoptr(IwdPortfolioProfilesTab) self = NULL;

  if (--load->pending > 0)
    return;

  self = g_weak_ref_get (&load->tab);
  if (self != NULL && self->cancellable == load->cancellable)
    {
      g_clear_object (&self->cancellable);
      if (load->error == NULL)
        show_lists (self, load);
      else if (!g_error_matches (load->error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_error (self, load->error);
    }

  load_free (load);
}

static void
members_listed_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->members = iwd_client_list_portfolio_profiles_finish (IWD_CLIENT (source), result, &error);
  if (error != NULL && load->error == NULL)
    load->error = error;
  else
    g_clear_error (&error);

  finish_load (load);
}

static void
all_listed_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  Load *load = user_data;
  GError *error = NULL;

  load->all = iwd_client_list_profiles_finish (IWD_CLIENT (source), result, &error);
  if (error != NULL && load->error == NULL)
    load->error = error;
  else
    g_clear_error (&error);

  finish_load (load);
}

/* A profile made by another client is unknown to the account state,
 * which links only the profiles it has a record of. */
static gboolean
ensure_record (IwdPortfolioProfilesTab  *self,
               const char               *profile_id,
               GError                  **error)
{
  const char *company = g_hash_table_lookup (self->companies, profile_id);
  g_autoptr(IwdProfileRecord) record = NULL;

  if (iwd_account_state_get_profile (self->account_state, profile_id) != NULL || company == NULL)
    return TRUE;

  record = iwd_profile_record_new (profile_id, company);

  return iwd_account_state_set_profile (self->account_state, record, error);
}

/* Keeps the account state's links in step with the robot. A failure to
 * save is logged: the robot has already made the change. */
static void
record_link (IwdPortfolioProfilesTab *self,
             const char              *profile_id,
             gboolean                 linked)
{
  g_autoptr(GError) error = NULL;
  gboolean recorded;

  if (linked)
    recorded = ensure_record (self, profile_id, &error)
               && iwd_account_state_link_profile (self->account_state, self->portfolio_id, profile_id, &error);
  else
    recorded = iwd_account_state_unlink_profile (self->account_state, self->portfolio_id, profile_id, &error);

  if (!recorded || !iwd_account_state_save (self->account_state, &error))
    g_message ("portfolio: cannot record profile %s in portfolio %s in the account state: %s",
               profile_id, self->portfolio_id, error->message);
}

static char *
dup_operation_message (Operation    *operation,
                       const GError *error,
                       const char   *sentence)
{
  if (error == NULL && operation->adds)
    /* Translators: %s is a profile id */
    return g_strdup_printf (_("Profile %s was added to the portfolio."), operation->profile_id);
  if (error == NULL)
    /* Translators: %s is a profile id */
    return g_strdup_printf (_("Profile %s was removed from the portfolio."), operation->profile_id);
  if (operation->adds)
    /* Translators: the first %s is a profile id, the second the reason */
    return g_strdup_printf (_("Profile %s was not added to the portfolio. %s"), operation->profile_id, sentence);

  /* Translators: the first %s is a profile id, the second the reason */
  return g_strdup_printf (_("Profile %s was not removed from the portfolio. %s"), operation->profile_id, sentence);
}

static void
operation_done_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(Operation) operation = user_data;
  g_autoptr(IwdPortfolioProfilesTab) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *sentence = NULL;
  g_autofree char *message = NULL;
  gboolean done;

  if (operation->adds)
    done = iwd_client_add_portfolio_profile_finish (IWD_CLIENT (source), result, &error);
  else
    done = iwd_client_remove_portfolio_profile_finish (IWD_CLIENT (source), result, &error);

  self = g_weak_ref_get (&operation->tab);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (done)
    record_link (self, operation->profile_id, operation->adds);
  else
    {
      g_message ("portfolio: cannot %s profile %s in portfolio %s: %s",
                 operation->adds ? "add" : "remove", operation->profile_id,
                 self->portfolio_id, error->message);
      sentence = iwd_portfolio_dup_error_message (self->formatter, error);
    }

  message = dup_operation_message (operation, error, sentence);
  g_signal_emit (self, signals[SIGNAL_OPERATION_FINISHED], 0, message, done);
  if (done)
    iwd_portfolio_profiles_tab_reload (self);
}

static Operation *
operation_new (IwdPortfolioProfilesTab *self,
               const char              *profile_id,
               gboolean                 adds)
{
  Operation *operation = g_new0 (Operation, 1);

  g_weak_ref_init (&operation->tab, self);
  operation->profile_id = g_strdup (profile_id);
  operation->adds = adds;

  return operation;
}

static void
profile_saved_cb (IwdPortfolioProfilesTab *self,
                  const char              *profile_id)
{
  /* Translators: %s is a profile id */
  g_autofree char *message = g_strdup_printf (_("Profile %s was created in the portfolio."), profile_id);

  g_signal_emit (self, signals[SIGNAL_OPERATION_FINISHED], 0, message, TRUE);
  iwd_portfolio_profiles_tab_reload (self);

  /* The window's Profiles tab lists the new profile too. */
  gtk_widget_activate_action (GTK_WIDGET (self), "profile.saved", "s", profile_id);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_portfolio_profiles_tab_reload (IWD_PORTFOLIO_PROFILES_TAB (widget));
}

static void
add_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  IwdPortfolioProfilesTab *self = IWD_PORTFOLIO_PROFILES_TAB (widget);
  guint selected = gtk_drop_down_get_selected (self->available_dropdown);

  if (selected == GTK_INVALID_LIST_POSITION || self->available_ids[0] == NULL)
    return;

  iwd_portfolio_profiles_tab_add_profile (self, gtk_string_list_get_string (self->available_names, selected));
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_portfolio_profiles_tab_remove_profile (IWD_PORTFOLIO_PROFILES_TAB (widget),
                                             g_variant_get_string (parameter, NULL));
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_portfolio_profiles_tab_open_creator (IWD_PORTFOLIO_PROFILES_TAB (widget));
}

static void
iwd_portfolio_profiles_tab_dispose (GObject *object)
{
  IwdPortfolioProfilesTab *self = IWD_PORTFOLIO_PROFILES_TAB (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->operations);
  g_clear_object (&self->operations);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PORTFOLIO_PROFILES_TAB);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (iwd_portfolio_profiles_tab_parent_class)->dispose (object);
}

static void
iwd_portfolio_profiles_tab_finalize (GObject *object)
{
  IwdPortfolioProfilesTab *self = IWD_PORTFOLIO_PROFILES_TAB (object);

  g_clear_pointer (&self->portfolio_id, g_free);
  g_clear_pointer (&self->profile_ids, g_strfreev);
  g_clear_pointer (&self->available_ids, g_strfreev);
  g_clear_pointer (&self->companies, g_hash_table_unref);
  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (iwd_portfolio_profiles_tab_parent_class)->finalize (object);
}

static void
iwd_portfolio_profiles_tab_get_property (GObject    *object,
                                         guint       prop_id,
                                         GValue     *value,
                                         GParamSpec *pspec)
{
  IwdPortfolioProfilesTab *self = IWD_PORTFOLIO_PROFILES_TAB (object);

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
install_signals (GObjectClass *object_class)
{
  /**
   * IwdPortfolioProfilesTab::profiles-changed:
   * @self: the tab
   *
   * Emitted when a load has listed the portfolio's profiles.
   */
  signals[SIGNAL_PROFILES_CHANGED] =
    g_signal_new ("profiles-changed", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * IwdPortfolioProfilesTab::operation-finished:
   * @self: the tab
   * @message: the translated sentence to show as a toast
   * @success: whether the robot made the change
   *
   * Emitted when an addition, a removal or a creation ends, except when
   * it was cancelled.
   */
  signals[SIGNAL_OPERATION_FINISHED] =
    g_signal_new ("operation-finished", G_TYPE_FROM_CLASS (object_class), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_BOOLEAN);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "portfolio-profiles.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "portfolio-profiles.reload", NULL);
  gtk_widget_class_install_action (widget_class, "portfolio-profiles.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "portfolio-profiles.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "portfolio-profiles.remove", "s", remove_action);
}

static void
iwd_portfolio_profiles_tab_class_init (IwdPortfolioProfilesTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_portfolio_profiles_tab_dispose;
  object_class->finalize = iwd_portfolio_profiles_tab_finalize;
  object_class->get_property = iwd_portfolio_profiles_tab_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_PORTFOLIO_PROFILES_TAB_STATE, IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
  install_signals (object_class);
  install_actions (widget_class);

  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-portfolio-profiles-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioProfilesTab, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioProfilesTab, list_box);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioProfilesTab, available_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioProfilesTab, available_names);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioProfilesTab, error_status);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_portfolio_profiles_tab_init (IwdPortfolioProfilesTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->operations = g_cancellable_new ();
  self->profile_ids = g_new0 (char *, 1);
  self->available_ids = g_new0 (char *, 1);
  self->companies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  update_actions (self);
  set_state (self, IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING);
}

/**
 * iwd_portfolio_profiles_tab_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, loaded
 * @portfolio_id: the portfolio
 *
 * Creates the profiles tab of a portfolio. It loads nothing until
 * iwd_portfolio_profiles_tab_reload().
 *
 * Returns: (transfer floating): a new #IwdPortfolioProfilesTab
 */
GtkWidget *
iwd_portfolio_profiles_tab_new (IwdClient       *client,
                                IwdAccountState *state,
                                const char      *portfolio_id)
{
  IwdPortfolioProfilesTab *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_PORTFOLIO_PROFILES_TAB, NULL);
  self->client = g_object_ref (client);
  self->account_state = g_object_ref (state);
  self->portfolio_id = g_strdup (portfolio_id);

  return GTK_WIDGET (self);
}

/**
 * iwd_portfolio_profiles_tab_set_error_formatter:
 * @self: a #IwdPortfolioProfilesTab
 * @formatter: (nullable): the function that words the client's errors
 *
 * Chooses how the tab words the client's errors.
 */
void
iwd_portfolio_profiles_tab_set_error_formatter (IwdPortfolioProfilesTab *self,
                                                IwdErrorFormatter        formatter)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self));

  self->formatter = formatter;
}

/**
 * iwd_portfolio_profiles_tab_set_secret_store:
 * @self: a #IwdPortfolioProfilesTab
 * @secrets: (nullable): the keyring store
 *
 * Sets the store that a profile created here keeps its passwords in.
 * Without one, "Create a Profile Here" is disabled.
 */
void
iwd_portfolio_profiles_tab_set_secret_store (IwdPortfolioProfilesTab *self,
                                             IwdSecretStore          *secrets)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self));
  g_return_if_fail (secrets == NULL || IWD_IS_SECRET_STORE (secrets));

  g_set_object (&self->secrets, secrets);
  update_actions (self);
}

/**
 * iwd_portfolio_profiles_tab_reload:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Fetches the portfolio's profiles and the account's again, cancelling
 * a load under way.
 */
void
iwd_portfolio_profiles_tab_reload (IwdPortfolioProfilesTab *self)
{
  Load *load;

  g_return_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  set_state (self, IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING);

  load = g_new0 (Load, 1);
  g_weak_ref_init (&load->tab, self);
  load->cancellable = g_object_ref (self->cancellable);
  load->pending = 2;
  iwd_client_list_portfolio_profiles_async (self->client, self->portfolio_id, self->cancellable,
                                            members_listed_cb, load);
  iwd_client_list_profiles_async (self->client, self->cancellable, all_listed_cb, load);
}

/**
 * iwd_portfolio_profiles_tab_add_profile:
 * @self: a #IwdPortfolioProfilesTab
 * @profile_id: a profile of the account
 *
 * Adds the profile to the portfolio on the robot, then links it in the
 * account state and loads the lists again. The result shows in
 * #IwdPortfolioProfilesTab::operation-finished.
 */
void
iwd_portfolio_profiles_tab_add_profile (IwdPortfolioProfilesTab *self,
                                        const char              *profile_id)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self));
  g_return_if_fail (profile_id != NULL);

  iwd_client_add_portfolio_profile_async (self->client, self->portfolio_id, profile_id,
                                          self->operations, operation_done_cb,
                                          operation_new (self, profile_id, TRUE));
}

/**
 * iwd_portfolio_profiles_tab_remove_profile:
 * @self: a #IwdPortfolioProfilesTab
 * @profile_id: a profile of the portfolio
 *
 * Removes the profile from the portfolio, which keeps it in the
 * account, then unlinks it in the account state. The result shows as
 * for iwd_portfolio_profiles_tab_add_profile().
 */
void
iwd_portfolio_profiles_tab_remove_profile (IwdPortfolioProfilesTab *self,
                                           const char              *profile_id)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self));
  g_return_if_fail (profile_id != NULL);

  iwd_client_remove_portfolio_profile_async (self->client, self->portfolio_id, profile_id,
                                             self->operations, operation_done_cb,
                                             operation_new (self, profile_id, FALSE));
}

/**
 * iwd_portfolio_profiles_tab_open_creator:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Opens the window that creates a profile inside the portfolio: first a
 * company, then its credential form. It needs a secret store.
 *
 * Returns: (transfer none) (nullable): the window, or %NULL without a
 *   secret store
 */
GtkWidget *
iwd_portfolio_profiles_tab_open_creator (IwdPortfolioProfilesTab *self)
{
  GtkRoot *root;
  GtkWidget *creator;

  g_return_val_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self), NULL);

  if (self->secrets == NULL)
    return NULL;

  creator = iwd_profile_creator_new (self->client, self->account_state, self->secrets,
                                     self->portfolio_id);
  iwd_profile_creator_set_error_formatter (IWD_PROFILE_CREATOR (creator), self->formatter);
  root = gtk_widget_get_root (GTK_WIDGET (self));
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (creator), GTK_WINDOW (root));
  g_signal_connect_object (creator, "saved", G_CALLBACK (profile_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (creator));

  return creator;
}

/**
 * iwd_portfolio_profiles_tab_get_state:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Returns: what the tab shows now
 */
IwdPortfolioProfilesTabState
iwd_portfolio_profiles_tab_get_state (IwdPortfolioProfilesTab *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self), IWD_PORTFOLIO_PROFILES_TAB_STATE_LOADING);

  return self->state;
}

/**
 * iwd_portfolio_profiles_tab_get_profile_ids:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Returns: (array zero-terminated=1) (transfer none): the portfolio's
 *   profiles as last loaded, in the robot's order
 */
const char * const *
iwd_portfolio_profiles_tab_get_profile_ids (IwdPortfolioProfilesTab *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self), NULL);

  return (const char * const *) self->profile_ids;
}

/**
 * iwd_portfolio_profiles_tab_get_available_ids:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Returns: (array zero-terminated=1) (transfer none): the account's
 *   profiles that are not in the portfolio, as the drop-down lists them
 */
const char * const *
iwd_portfolio_profiles_tab_get_available_ids (IwdPortfolioProfilesTab *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self), NULL);

  return (const char * const *) self->available_ids;
}

/**
 * iwd_portfolio_profiles_tab_get_error_message:
 * @self: a #IwdPortfolioProfilesTab
 *
 * Returns: (nullable): the sentence shown for the last failed load
 */
const char *
iwd_portfolio_profiles_tab_get_error_message (IwdPortfolioProfilesTab *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_PROFILES_TAB (self), NULL);

  return self->error_message;
}
