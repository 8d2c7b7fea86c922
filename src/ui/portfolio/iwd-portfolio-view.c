/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-freshness-banner.h"
#include "iwd-load-progress.h"
#include "iwd-portfolio-resources.h"
#include "iwd-portfolio-view.h"

/**
 * IwdPortfolioView:
 *
 * One portfolio, in three tabs: its contracts, its commissions and its
 * profiles. Opening the view loads the contracts and the profiles; the
 * commissions load when the broker chooses a profile.
 *
 * Given a history store, the view shows the stored copy of the contracts
 * at once, under a banner that shows how fresh it is, refreshes it from
 * the network, and adds a fourth tab with the history of the fetches.
 * The commissions tab keeps each profile's statement in the same store.
 * The contracts tab takes over when there is no stored row to show.
 */
struct _IwdPortfolioView
{
  GtkWidget                parent_instance;

  IwdAccountState         *account_state;    /* owned */
  char                    *portfolio_id;     /* owned */
  char                    *last_toast;       /* owned, nullable */

  IwdContractsTab         *contracts_tab;    /* owned by view_stack */
  IwdCommissionsTab       *commissions_tab;  /* owned by view_stack */
  IwdPortfolioProfilesTab *profiles_tab;     /* owned by view_stack */

  IwdHistoryStore         *store;            /* owned, nullable */
  IwdPortfolioData        *contracts_data;   /* owned, nullable: with a store only */
  GCancellable            *cancellable;      /* owned, nullable: the load of contracts_data */
  GtkStack                *contracts_stack;  /* owned by view_stack, nullable */
  IwdLoadProgress         *contracts_progress; /* owned by contracts_stack, nullable */
  IwdTableView            *copy_view;        /* owned by contracts_stack, nullable */
  IwdFreshnessBanner      *contracts_banner; /* owned by view_stack, nullable */
  IwdHistoryView          *history_view;     /* owned by view_stack, nullable */
  gboolean                 forgetting;       /* the copies are being forgotten */

  AdwToastOverlay         *toast_overlay;    /* template child */
  GtkLabel                *title_label;      /* template child */
  GtkLabel                *subtitle_label;   /* template child */
  AdwViewStack            *view_stack;       /* template child */
  GtkWidget               *refresh_button;   /* template child */
  GtkWidget               *menu_button;      /* template child */
};

/* One call on the stored copy, from its start to its callback. */
typedef struct {
  GWeakRef  view;
} Call;

/* The forget of every copy of the portfolio: its contracts and the
 * commission statements of each profile, each after its own load stops. */
typedef struct {
  GWeakRef  view;
  guint     pending;   /* copies not forgotten yet */
  gboolean  failed;
} Forget;

G_DEFINE_FINAL_TYPE (IwdPortfolioView, iwd_portfolio_view, GTK_TYPE_WIDGET)

static Call *
call_new (IwdPortfolioView *self)
{
  Call *call = g_new0 (Call, 1);

  g_weak_ref_init (&call->view, self);

  return call;
}

static void
call_free (Call *call)
{
  g_weak_ref_clear (&call->view);
  g_free (call);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Call, call_free)

static Forget *
forget_new (IwdPortfolioView *self,
            guint             n_copies)
{
  Forget *forget = g_new0 (Forget, 1);

  g_weak_ref_init (&forget->view, self);
  forget->pending = n_copies;

  return forget;
}

static void
forget_free (Forget *forget)
{
  g_weak_ref_clear (&forget->view);
  g_free (forget);
}

static void
show_toast (IwdPortfolioView *self,
            const char       *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/* Tells the broker through the desktop when the window is not in front,
 * because the robot may take hours. */
static void
send_notification (IwdPortfolioView *self,
                   const char       *kind,
                   const char       *title,
                   const char       *body)
{
  GApplication *application = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *notification_id = NULL;

  if (application == NULL || !g_application_get_is_registered (application)
      || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  notification = g_notification_new (title);
  g_notification_set_body (notification, body);
  notification_id = g_strdup_printf ("portfolio-%s-%s", kind, self->portfolio_id);
  g_application_send_notification (application, notification_id, notification);
}

static void
contracts_ready_cb (IwdPortfolioView *self,
                    guint             n_contracts)
{
  /* Translators: %u is a number of contracts, %s a portfolio id */
  g_autofree char *message = g_strdup_printf (ngettext ("The robot has collected %u contract for portfolio %s.",
                                                        "The robot has collected %u contracts for portfolio %s.",
                                                        n_contracts),
                                              n_contracts, self->portfolio_id);

  show_toast (self, message);
  send_notification (self, "contracts", _("Contracts Collected"), message);
}

static void
commissions_ready_cb (IwdPortfolioView *self,
                      guint             n_lines)
{
  /* Translators: %u is a number of commission lines, %s a portfolio id */
  g_autofree char *message = g_strdup_printf (ngettext ("The robot has collected %u commission line for portfolio %s.",
                                                        "The robot has collected %u commission lines for portfolio %s.",
                                                        n_lines),
                                              n_lines, self->portfolio_id);

  show_toast (self, message);
  send_notification (self, "commissions", _("Commissions Collected"), message);
}

/* A contracts tab that found no profile waits for one: the robot starts
 * collecting as soon as the portfolio has a profile. Its own check when
 * it is shown again can come before the profile's addition finishes. */
static void
profiles_changed_cb (IwdPortfolioView *self)
{
  const char * const *profile_ids = iwd_portfolio_profiles_tab_get_profile_ids (self->profiles_tab);

  iwd_commissions_tab_set_profiles (self->commissions_tab, profile_ids);

  if (iwd_contracts_tab_get_state (self->contracts_tab) == IWD_CONTRACTS_TAB_STATE_NO_PROFILES
      && profile_ids != NULL && profile_ids[0] != NULL)
    iwd_contracts_tab_reload (self->contracts_tab);
}

static void
operation_finished_cb (IwdPortfolioView *self,
                       const char       *message,
                       gboolean          success)
{
  show_toast (self, message);
}

static void
show_title (IwdPortfolioView *self)
{
  const IwdPortfolioOptions *options = iwd_account_state_get_portfolio_options (self->account_state,
                                                                                self->portfolio_id);
  g_autofree char *subtitle = NULL;

  if (options == NULL || options->label == NULL || *options->label == '\0')
    {
      gtk_label_set_text (self->title_label, self->portfolio_id);
      gtk_widget_set_visible (GTK_WIDGET (self->subtitle_label), FALSE);
      return;
    }

  gtk_label_set_text (self->title_label, options->label);
  /* Translators: %s is a portfolio id, %u a number of months */
  subtitle = g_strdup_printf (ngettext ("Portfolio %s, %u month of history",
                                        "Portfolio %s, %u months of history", options->months),
                              self->portfolio_id, options->months);
  gtk_label_set_text (self->subtitle_label, subtitle);
}

static void
add_tab (IwdPortfolioView *self,
         GtkWidget        *tab,
         const char       *name,
         const char       *title,
         const char       *icon_name)
{
  AdwViewStackPage *page = adw_view_stack_add_titled (self->view_stack, tab, name, title);

  adw_view_stack_page_set_icon_name (page, icon_name);
}

static void
show_contracts_page (IwdPortfolioView *self,
                     const char       *name)
{
  gtk_stack_set_visible_child_name (self->contracts_stack, name);
}

/* With no stored row, the contracts tab takes over: it words the error,
 * or polls while the robot is still collecting.
 * TODO: the tab fetches the contracts again that IwdPortfolioData has
 * just fetched, so a new portfolio costs two requests per refresh. */
static void
hand_over_to_tab (IwdPortfolioView *self)
{
  show_contracts_page (self, "live");
  iwd_contracts_tab_reload (self->contracts_tab);
}

/* An IwdTableView cannot be emptied, so a new grid takes the place of
 * the old one, which takes the forgotten table out of memory. */
static void
replace_copy_view (IwdPortfolioView *self)
{
  gtk_stack_remove (self->contracts_stack, GTK_WIDGET (self->copy_view));
  self->copy_view = IWD_TABLE_VIEW (iwd_table_view_new ());
  gtk_stack_add_named (self->contracts_stack, GTK_WIDGET (self->copy_view), "copy");
}

/* The table goes back to NULL only when the copies are forgotten. The
 * contracts tab then shows what it fetched itself, or its Load button. */
static void
table_changed_cb (IwdPortfolioView *self)
{
  IwdTable *table = iwd_portfolio_data_get_table (self->contracts_data);

  if (table == NULL)
    {
      replace_copy_view (self);
      show_contracts_page (self, "live");
      return;
    }

  if (iwd_table_get_n_rows (table) == 0)
    return;

  iwd_table_view_set_table (self->copy_view, table);
  show_contracts_page (self, "copy");
}

/* IwdPortfolioData has logged its errors already, and the contracts tab
 * logs its own. */
static void
contracts_loaded_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(Call) call = user_data;
  g_autoptr(IwdPortfolioView) self = g_weak_ref_get (&call->view);
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  iwd_portfolio_data_load_finish (IWD_PORTFOLIO_DATA (source), result, &error);
  if (self == NULL)
    return;

  table = iwd_portfolio_data_get_table (self->contracts_data);
  if (table != NULL && iwd_table_get_n_rows (table) > 0)
    return;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    hand_over_to_tab (self);
  else if (g_strcmp0 (gtk_stack_get_visible_child_name (self->contracts_stack), "loading") == 0)
    show_contracts_page (self, "live");
}

/* No load starts while the copies are forgotten, because its reply could
 * be saved after their rows are deleted. */
static void
load_contracts (IwdPortfolioView *self)
{
  if (self->forgetting)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  if (iwd_portfolio_data_get_table (self->contracts_data) == NULL)
    {
      iwd_load_progress_start (self->contracts_progress, _("Downloading the contracts…"),
                               self->cancellable);
      show_contracts_page (self, "loading");
    }

  iwd_portfolio_data_load_async (self->contracts_data, iwd_load_progress_report,
                                 self->contracts_progress, self->cancellable,
                                 contracts_loaded_cb, call_new (self));
}

/* The contracts tab fetches for itself while the robot collects, and its
 * replies are not kept. When it first shows contracts, the stored copy
 * fetches them again, so that they are kept and shown offline too. */
static void
live_state_changed_cb (IwdPortfolioView *self)
{
  if (iwd_contracts_tab_get_state (self->contracts_tab) != IWD_CONTRACTS_TAB_STATE_TABLE
      || iwd_portfolio_data_get_loading (self->contracts_data))
    return;

  load_contracts (self);
}

static GtkWidget *
build_contracts_page (IwdPortfolioView *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->contracts_banner = IWD_FRESHNESS_BANNER (iwd_freshness_banner_new ());
  iwd_freshness_banner_set_data (self->contracts_banner, self->contracts_data);
  g_signal_connect_object (self->contracts_banner, "retry", G_CALLBACK (load_contracts),
                           self, G_CONNECT_SWAPPED);

  self->contracts_stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->contracts_stack), TRUE);
  self->contracts_progress = IWD_LOAD_PROGRESS (iwd_load_progress_new ());
  self->copy_view = IWD_TABLE_VIEW (iwd_table_view_new ());
  gtk_stack_add_named (self->contracts_stack, GTK_WIDGET (self->contracts_tab), "live");
  gtk_stack_add_named (self->contracts_stack, GTK_WIDGET (self->contracts_progress), "loading");
  gtk_stack_add_named (self->contracts_stack, GTK_WIDGET (self->copy_view), "copy");

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->contracts_banner));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->contracts_stack));

  return box;
}

static void
create_contracts_page (IwdPortfolioView *self,
                       IwdClient        *client)
{
  self->contracts_data = iwd_portfolio_data_new (client, self->store, self->portfolio_id,
                                                 IWD_HISTORY_KIND_CONTRACTS, NULL);
  g_signal_connect_object (self->contracts_data, "notify::table", G_CALLBACK (table_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->contracts_tab, "notify::state", G_CALLBACK (live_state_changed_cb),
                           self, G_CONNECT_SWAPPED);

  add_tab (self, build_contracts_page (self), "contracts", _("Contracts"), "folder-documents-symbolic");
  self->history_view = IWD_HISTORY_VIEW (iwd_history_view_new (self->contracts_data));
}

static void
create_tabs (IwdPortfolioView *self,
             IwdClient        *client)
{
  self->contracts_tab = IWD_CONTRACTS_TAB (iwd_contracts_tab_new (client, self->account_state,
                                                                  self->portfolio_id));
  self->commissions_tab = IWD_COMMISSIONS_TAB (iwd_commissions_tab_new (client, self->portfolio_id));
  iwd_commissions_tab_set_history_store (self->commissions_tab, self->store);
  self->profiles_tab = IWD_PORTFOLIO_PROFILES_TAB (iwd_portfolio_profiles_tab_new (client, self->account_state,
                                                                                   self->portfolio_id));

  if (self->store != NULL)
    create_contracts_page (self, client);
  else
    add_tab (self, GTK_WIDGET (self->contracts_tab), "contracts", _("Contracts"),
             "folder-documents-symbolic");
  add_tab (self, GTK_WIDGET (self->commissions_tab), "commissions", _("Commissions"),
           "accessories-calculator-symbolic");
  add_tab (self, GTK_WIDGET (self->profiles_tab), "profiles", _("Profiles"), "system-users-symbolic");
  if (self->history_view != NULL)
    add_tab (self, GTK_WIDGET (self->history_view), "history", _("History"),
             "document-open-recent-symbolic");

  g_signal_connect_object (self->contracts_tab, "contracts-ready",
                           G_CALLBACK (contracts_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->commissions_tab, "commissions-ready",
                           G_CALLBACK (commissions_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles_tab, "profiles-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles_tab, "operation-finished",
                           G_CALLBACK (operation_finished_cb), self, G_CONNECT_SWAPPED);
}

static void
show_forgotten (IwdPortfolioView *self,
                gboolean          failed)
{
  self->forgetting = FALSE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.refresh", TRUE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.forget", TRUE);

  if (failed)
    show_toast (self, _("The copies kept on this computer could not be removed."));
  else
    show_toast (self, _("The copies kept on this computer were removed."));
  iwd_history_view_reload (self->history_view);
}

static void
log_forget_error (IwdPortfolioData *copy,
                  const GError     *error)
{
  const char *profile_id = iwd_portfolio_data_get_profile_id (copy);

  if (profile_id == NULL)
    g_warning ("portfolio: cannot forget the contracts of portfolio %s: %s",
               iwd_portfolio_data_get_portfolio_id (copy), error->message);
  else
    g_warning ("portfolio: cannot forget the commissions of profile %s in portfolio %s: %s",
               profile_id, iwd_portfolio_data_get_portfolio_id (copy), error->message);
}

static void
copy_forgotten_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  Forget *forget = user_data;
  IwdPortfolioData *copy = IWD_PORTFOLIO_DATA (source);
  g_autoptr(IwdPortfolioView) self = NULL;
  g_autoptr(GError) error = NULL;

  if (!iwd_portfolio_data_forget_finish (copy, result, &error))
    {
      log_forget_error (copy, error);
      forget->failed = TRUE;
    }

  if (--forget->pending > 0)
    return;

  self = g_weak_ref_get (&forget->view);
  if (self != NULL)
    show_forgotten (self, forget->failed);
  forget_free (forget);
}

/* The commissions tab hands over its copies, so that nothing it shows
 * or keeps outlives the forget. Each copy's forget waits for its load to
 * stop, so no reply is saved again after the rows are deleted.
 * TODO: a profile chosen in the commissions tab while the forget runs
 * starts a new copy, whose reply may be saved after the deletion. */
static void
forget_copies (IwdPortfolioView *self)
{
  g_autoptr(GPtrArray) copies = iwd_commissions_tab_take_copies (self->commissions_tab);
  Forget *forget;

  g_ptr_array_add (copies, g_object_ref (self->contracts_data));
  forget = forget_new (self, copies->len);
  self->forgetting = TRUE;
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.refresh", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.forget", FALSE);

  for (guint i = 0; i < copies->len; i++)
    iwd_portfolio_data_forget_async (g_ptr_array_index (copies, i), NULL,
                                     copy_forgotten_cb, forget);
}

static void
forget_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    IwdPortfolioView *self)
{
  if (g_strcmp0 (response, "forget") != 0 || self->forgetting)
    return;

  forget_copies (self);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  load_contracts (IWD_PORTFOLIO_VIEW (widget));
}

static void
forget_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IwdPortfolioView *self = IWD_PORTFOLIO_VIEW (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       _("Forget This Portfolio?"), NULL));
  /* Translators: %s is a portfolio id */
  adw_message_dialog_format_body (dialog, _("This removes every copy of portfolio %s kept on this computer, and its history. The portfolio itself stays at ImportWeb."),
                                  self->portfolio_id);
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "forget", _("_Forget"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "forget", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (forget_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Without a store, the contracts tab fetches from the network alone. */
static void
start_loads (IwdPortfolioView *self)
{
  gboolean with_store = self->store != NULL;

  gtk_widget_set_visible (self->refresh_button, with_store);
  gtk_widget_set_visible (self->menu_button, with_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.refresh", with_store);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.forget", with_store);

  if (with_store)
    load_contracts (self);
  else
    iwd_contracts_tab_reload (self->contracts_tab);
}

static void
iwd_portfolio_view_dispose (GObject *object)
{
  IwdPortfolioView *self = IWD_PORTFOLIO_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PORTFOLIO_VIEW);
  self->contracts_tab = NULL;
  self->commissions_tab = NULL;
  self->profiles_tab = NULL;
  self->contracts_stack = NULL;
  self->contracts_progress = NULL;
  self->copy_view = NULL;
  self->contracts_banner = NULL;
  self->history_view = NULL;
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->contracts_data);
  g_clear_object (&self->store);
  g_clear_object (&self->account_state);

  G_OBJECT_CLASS (iwd_portfolio_view_parent_class)->dispose (object);
}

static void
iwd_portfolio_view_finalize (GObject *object)
{
  IwdPortfolioView *self = IWD_PORTFOLIO_VIEW (object);

  g_clear_pointer (&self->portfolio_id, g_free);
  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (iwd_portfolio_view_parent_class)->finalize (object);
}

static void
iwd_portfolio_view_class_init (IwdPortfolioViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_portfolio_view_dispose;
  object_class->finalize = iwd_portfolio_view_finalize;

  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-portfolio-view.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, title_label);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, subtitle_label);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, refresh_button);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioView, menu_button);

  gtk_widget_class_install_action (widget_class, "portfolio.refresh", NULL, refresh_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "portfolio.refresh", NULL);
  gtk_widget_class_install_action (widget_class, "portfolio.forget", NULL, forget_action);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_portfolio_view_init (IwdPortfolioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.refresh", FALSE);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio.forget", FALSE);
}

/**
 * iwd_portfolio_view_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, which contains the portfolio
 * @portfolio_id: the portfolio
 *
 * Creates the view of a portfolio, without a stored copy, and starts
 * loading its contracts and its profiles.
 *
 * Returns: (transfer floating): a new #IwdPortfolioView
 */
GtkWidget *
iwd_portfolio_view_new (IwdClient       *client,
                        IwdAccountState *state,
                        const char      *portfolio_id)
{
  return iwd_portfolio_view_new_with_history (client, state, NULL, portfolio_id);
}

/**
 * iwd_portfolio_view_new_with_history:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, which contains the portfolio
 * @store: (nullable): the account's history store, which keeps the
 *   offline copy of the contracts and their history
 * @portfolio_id: the portfolio
 *
 * Creates the view of a portfolio and starts loading its contracts and
 * its profiles. With a @store, the stored copy of the contracts shows
 * before the network replies, and a History tab lists the fetches.
 *
 * Returns: (transfer floating): a new #IwdPortfolioView
 */
GtkWidget *
iwd_portfolio_view_new_with_history (IwdClient       *client,
                                     IwdAccountState *state,
                                     IwdHistoryStore *store,
                                     const char      *portfolio_id)
{
  IwdPortfolioView *self;
  g_auto(GStrv) profile_ids = NULL;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (store == NULL || IWD_IS_HISTORY_STORE (store), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_PORTFOLIO_VIEW, NULL);
  self->account_state = g_object_ref (state);
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->portfolio_id = g_strdup (portfolio_id);
  show_title (self);
  create_tabs (self, client);

  /* The profiles linked in the state fill the commissions drop-down until
   * the robot's list arrives. */
  profile_ids = iwd_account_state_list_portfolio_profiles (state, portfolio_id);
  iwd_commissions_tab_set_profiles (self->commissions_tab, (const char * const *) profile_ids);
  start_loads (self);
  iwd_portfolio_profiles_tab_reload (self->profiles_tab);

  return GTK_WIDGET (self);
}

/**
 * iwd_portfolio_view_set_error_formatter:
 * @self: a #IwdPortfolioView
 * @formatter: (nullable): the function that words the client's errors, such as
 *   iwd_error_dup_user_message() of src/ui
 *
 * Chooses how the three tabs word the client's errors.
 */
void
iwd_portfolio_view_set_error_formatter (IwdPortfolioView  *self,
                                        IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_VIEW (self));

  iwd_contracts_tab_set_error_formatter (self->contracts_tab, formatter);
  iwd_commissions_tab_set_error_formatter (self->commissions_tab, formatter);
  iwd_portfolio_profiles_tab_set_error_formatter (self->profiles_tab, formatter);
}

/**
 * iwd_portfolio_view_set_secret_store:
 * @self: a #IwdPortfolioView
 * @secrets: (nullable): the keyring store
 *
 * Sets the store that "Create a Profile Here" needs.
 */
void
iwd_portfolio_view_set_secret_store (IwdPortfolioView *self,
                                     IwdSecretStore   *secrets)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_VIEW (self));

  iwd_portfolio_profiles_tab_set_secret_store (self->profiles_tab, secrets);
}

/**
 * iwd_portfolio_view_set_poll_interval:
 * @self: a #IwdPortfolioView
 * @milliseconds: the time between two fetches of the contracts or
 *   commissions while the robot collects them
 *
 * Sets how often the contracts and commissions tabs check on the robot.
 */
void
iwd_portfolio_view_set_poll_interval (IwdPortfolioView *self,
                                      guint             milliseconds)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_VIEW (self));

  iwd_contracts_tab_set_poll_interval (self->contracts_tab, milliseconds);
  iwd_commissions_tab_set_poll_interval (self->commissions_tab, milliseconds);
}

/**
 * iwd_portfolio_view_get_portfolio_id:
 * @self: a #IwdPortfolioView
 *
 * Returns: the portfolio shown
 */
const char *
iwd_portfolio_view_get_portfolio_id (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->portfolio_id;
}

/**
 * iwd_portfolio_view_show_tab:
 * @self: a #IwdPortfolioView
 * @name: "contracts", "commissions", "profiles", or "history" in a view
 *   with a history store
 *
 * Shows one of the tabs, as the view switcher does.
 */
void
iwd_portfolio_view_show_tab (IwdPortfolioView *self,
                             const char       *name)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_VIEW (self));
  g_return_if_fail (name != NULL);

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/**
 * iwd_portfolio_view_get_contracts_tab:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none): the contracts tab
 */
IwdContractsTab *
iwd_portfolio_view_get_contracts_tab (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->contracts_tab;
}

/**
 * iwd_portfolio_view_get_commissions_tab:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none): the commissions tab
 */
IwdCommissionsTab *
iwd_portfolio_view_get_commissions_tab (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->commissions_tab;
}

/**
 * iwd_portfolio_view_get_profiles_tab:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none): the profiles tab
 */
IwdPortfolioProfilesTab *
iwd_portfolio_view_get_profiles_tab (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->profiles_tab;
}

/**
 * iwd_portfolio_view_get_last_toast:
 * @self: a #IwdPortfolioView
 *
 * Returns: (nullable): the text of the last toast shown, or %NULL
 */
const char *
iwd_portfolio_view_get_last_toast (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->last_toast;
}

/**
 * iwd_portfolio_view_get_contracts_data:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none) (nullable): the stored copy of the contracts,
 *   or %NULL for a view without a history store
 */
IwdPortfolioData *
iwd_portfolio_view_get_contracts_data (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->contracts_data;
}

/**
 * iwd_portfolio_view_get_copy_view:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none) (nullable): the grid of the stored copy of the
 *   contracts, or %NULL for a view without a history store
 */
IwdTableView *
iwd_portfolio_view_get_copy_view (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->copy_view;
}

/**
 * iwd_portfolio_view_get_freshness_banner:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none) (nullable): the banner above the contracts,
 *   or %NULL for a view without a history store
 */
IwdFreshnessBanner *
iwd_portfolio_view_get_freshness_banner (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->contracts_banner;
}

/**
 * iwd_portfolio_view_get_history_view:
 * @self: a #IwdPortfolioView
 *
 * Returns: (transfer none) (nullable): the History tab, or %NULL for a
 *   view without a history store
 */
IwdHistoryView *
iwd_portfolio_view_get_history_view (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  return self->history_view;
}

/**
 * iwd_portfolio_view_get_contracts_page:
 * @self: a #IwdPortfolioView
 *
 * Returns: (nullable): what the contracts tab of a view with a history
 *   store shows: "copy" for the stored copy, "loading" for the progress,
 *   or "live" for the network-only contracts tab; %NULL without a store
 */
const char *
iwd_portfolio_view_get_contracts_page (IwdPortfolioView *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_VIEW (self), NULL);

  if (self->contracts_stack == NULL)
    return NULL;

  return gtk_stack_get_visible_child_name (self->contracts_stack);
}
