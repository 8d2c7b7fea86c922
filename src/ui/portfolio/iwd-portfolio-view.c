/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-portfolio-resources.h"
#include "iwd-portfolio-view.h"

/**
 * IwdPortfolioView:
 *
 * One portfolio, in three tabs: its contracts, its commissions and its
 * profiles. Opening the view loads the contracts and the profiles; the
 * commissions load when the broker chooses a profile.
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

  AdwToastOverlay         *toast_overlay;    /* template child */
  GtkLabel                *title_label;      /* template child */
  GtkLabel                *subtitle_label;   /* template child */
  AdwViewStack            *view_stack;       /* template child */
};

G_DEFINE_FINAL_TYPE (IwdPortfolioView, iwd_portfolio_view, GTK_TYPE_WIDGET)

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
                   const char       *body)
{
  GApplication *application = g_application_get_default ();
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autoptr(GNotification) notification = NULL;
  g_autofree char *notification_id = NULL;

  if (application == NULL || !g_application_get_is_registered (application)
      || (GTK_IS_WINDOW (root) && gtk_window_is_active (GTK_WINDOW (root))))
    return;

  notification = g_notification_new (_("Contracts Collected"));
  g_notification_set_body (notification, body);
  notification_id = g_strdup_printf ("portfolio-contracts-%s", self->portfolio_id);
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
  send_notification (self, message);
}

static void
profiles_changed_cb (IwdPortfolioView *self)
{
  iwd_commissions_tab_set_profiles (self->commissions_tab,
                                    iwd_portfolio_profiles_tab_get_profile_ids (self->profiles_tab));
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
create_tabs (IwdPortfolioView *self,
             IwdClient        *client)
{
  self->contracts_tab = IWD_CONTRACTS_TAB (iwd_contracts_tab_new (client, self->account_state,
                                                                  self->portfolio_id));
  self->commissions_tab = IWD_COMMISSIONS_TAB (iwd_commissions_tab_new (client, self->portfolio_id));
  self->profiles_tab = IWD_PORTFOLIO_PROFILES_TAB (iwd_portfolio_profiles_tab_new (client, self->account_state,
                                                                                   self->portfolio_id));

  add_tab (self, GTK_WIDGET (self->contracts_tab), "contracts", _("Contracts"), "folder-documents-symbolic");
  add_tab (self, GTK_WIDGET (self->commissions_tab), "commissions", _("Commissions"),
           "accessories-calculator-symbolic");
  add_tab (self, GTK_WIDGET (self->profiles_tab), "profiles", _("Profiles"), "system-users-symbolic");

  g_signal_connect_object (self->contracts_tab, "contracts-ready",
                           G_CALLBACK (contracts_ready_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles_tab, "profiles-changed",
                           G_CALLBACK (profiles_changed_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->profiles_tab, "operation-finished",
                           G_CALLBACK (operation_finished_cb), self, G_CONNECT_SWAPPED);
}

static void
iwd_portfolio_view_dispose (GObject *object)
{
  IwdPortfolioView *self = IWD_PORTFOLIO_VIEW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PORTFOLIO_VIEW);
  self->contracts_tab = NULL;
  self->commissions_tab = NULL;
  self->profiles_tab = NULL;
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
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_portfolio_view_init (IwdPortfolioView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iwd_portfolio_view_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, which knows the portfolio
 * @portfolio_id: the portfolio
 *
 * Creates the view of a portfolio and starts loading its contracts and
 * its profiles.
 *
 * Returns: (transfer floating): a new #IwdPortfolioView
 */
GtkWidget *
iwd_portfolio_view_new (IwdClient       *client,
                        IwdAccountState *state,
                        const char      *portfolio_id)
{
  IwdPortfolioView *self;
  g_auto(GStrv) profile_ids = NULL;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_PORTFOLIO_VIEW, NULL);
  self->account_state = g_object_ref (state);
  self->portfolio_id = g_strdup (portfolio_id);
  show_title (self);
  create_tabs (self, client);

  /* The profiles linked in the state fill the commissions drop-down until
   * the robot's list arrives. */
  profile_ids = iwd_account_state_list_portfolio_profiles (state, portfolio_id);
  iwd_commissions_tab_set_profiles (self->commissions_tab, (const char * const *) profile_ids);
  iwd_contracts_tab_reload (self->contracts_tab);
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
 * @milliseconds: the time between two fetches of the contracts while the
 *   robot collects them
 *
 * Sets how often the contracts tab checks on the robot.
 */
void
iwd_portfolio_view_set_poll_interval (IwdPortfolioView *self,
                                      guint             milliseconds)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_VIEW (self));

  iwd_contracts_tab_set_poll_interval (self->contracts_tab, milliseconds);
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
 * @name: "contracts", "commissions" or "profiles"
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
