/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-portfolio-data.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-resources.h"
#include "iwd-portfolios-page.h"

/**
 * IwdPortfoliosPage:
 *
 * The portfolios this account created, as the account state remembers
 * them, since the Robot API cannot list them. The page also shows the
 * creation form and the view of one portfolio, each in place of the list.
 *
 * The page keeps the account's history store, in the folder of its
 * state, which contains the offline copy of the portfolios' contracts.
 */
struct _IwdPortfoliosPage
{
  GtkWidget          parent_instance;

  IwdClient         *client;          /* owned, nullable */
  IwdAccountState   *account_state;   /* owned, nullable */
  IwdSecretStore    *secrets;         /* owned, nullable */
  IwdHistoryStore   *history;         /* owned, nullable: the account_state's */
  GCancellable      *purge;           /* owned, nullable: the purge of history */
  IwdErrorFormatter  formatter;
  guint              poll_interval_ms;
  GCancellable      *operations;      /* owned: deletions */
  guint              n_portfolios;
  char              *last_toast;      /* owned, nullable */

  AdwToastOverlay   *toast_overlay;   /* template child */
  GtkStack          *stack;           /* template child */
  GtkStack          *list_stack;      /* template child */
  GtkListBox        *list_box;        /* template child */
  AdwBin            *form_bin;        /* template child */
  AdwBin            *view_bin;        /* template child */
};

/* One deletion, from the call to its toast. */
typedef struct {
  GWeakRef  page;
  char     *portfolio_id;
} Deletion;

G_DEFINE_FINAL_TYPE (IwdPortfoliosPage, iwd_portfolios_page, GTK_TYPE_WIDGET)

static void
deletion_free (Deletion *deletion)
{
  g_weak_ref_clear (&deletion->page);
  g_free (deletion->portfolio_id);
  g_free (deletion);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Deletion, deletion_free)

static void
deletion_closure_free (gpointer  data,
                       GClosure *closure)
{
  deletion_free (data);
}

static Deletion *
deletion_new (IwdPortfoliosPage *self,
              const char        *portfolio_id)
{
  Deletion *deletion = g_new0 (Deletion, 1);

  g_weak_ref_init (&deletion->page, self);
  deletion->portfolio_id = g_strdup (portfolio_id);

  return deletion;
}

static void
show_toast (IwdPortfoliosPage *self,
            const char        *title)
{
  AdwToast *toast = adw_toast_new (title);

  g_free (self->last_toast);
  self->last_toast = g_strdup (title);
  adw_toast_set_timeout (toast, 5);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (IwdPortfoliosPage *self)
{
  gboolean ready = self->client != NULL && self->account_state != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.new", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.open", ready);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolios.delete", ready);
}

static char *
dup_row_subtitle (IwdPortfoliosPage *self,
                  const char        *portfolio_id)
{
  g_auto(GStrv) profiles = iwd_account_state_list_portfolio_profiles (self->account_state, portfolio_id);
  guint n_profiles = profiles != NULL ? g_strv_length (profiles) : 0;

  /* Translators: %s is a portfolio id, %u a number of profiles */
  return g_strdup_printf (ngettext ("%s, %u profile", "%s, %u profiles", n_profiles),
                          portfolio_id, n_profiles);
}

static GtkWidget *
create_row (IwdPortfoliosPage *self,
            const char        *portfolio_id)
{
  const IwdPortfolioOptions *options = iwd_account_state_get_portfolio_options (self->account_state,
                                                                                portfolio_id);
  g_autofree char *subtitle = dup_row_subtitle (self, portfolio_id);
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *delete_button = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Labels are typed by the broker, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 options != NULL && options->label != NULL && *options->label != '\0'
                                 ? options->label : portfolio_id);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "portfolios.open");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", portfolio_id);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  gtk_widget_set_valign (delete_button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (delete_button, _("Delete Portfolio"));
  /* GTK 4.8 gives the tooltip to the accessible description only. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (delete_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Delete Portfolio"),
                                  -1);
  gtk_widget_add_css_class (delete_button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (delete_button), "portfolios.delete");
  gtk_actionable_set_action_target (GTK_ACTIONABLE (delete_button), "s", portfolio_id);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), delete_button);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));

  return row;
}

static void
form_created_cb (IwdPortfoliosPage *self,
                 const char        *portfolio_id)
{
  /* Translators: %s is a portfolio id */
  g_autofree char *message = g_strdup_printf (_("Portfolio %s was created. Add its profiles now."),
                                              portfolio_id);

  show_toast (self, message);
  iwd_portfolios_page_refresh (self);
  iwd_portfolio_view_show_tab (iwd_portfolios_page_open_portfolio (self, portfolio_id), "profiles");
}

static void
form_cancelled_cb (IwdPortfoliosPage *self)
{
  iwd_portfolios_page_show_list (self);
}

/* Clears the keyring entries of the profiles that went with a deleted
 * portfolio. A failure is only logged: the profiles no longer exist. */
static void
secrets_cleared_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autofree char *profile_id = user_data;
  g_autoptr(GError) error = NULL;

  if (!iwd_secret_store_clear_profile_secrets_finish (IWD_SECRET_STORE (source), result, &error))
    g_message ("portfolio: cannot clear the secrets of deleted profile %s: %s",
               profile_id, error->message);
}

static void
forget_portfolio (IwdPortfoliosPage *self,
                  const char        *portfolio_id)
{
  const IwdAccountId *account = iwd_account_state_get_account (self->account_state);
  g_auto(GStrv) removed = NULL;
  g_autoptr(GError) error = NULL;

  if (!iwd_account_state_remove_portfolio (self->account_state, portfolio_id, &removed, &error)
      || !iwd_account_state_save (self->account_state, &error))
    {
      g_message ("portfolio: portfolio %s deleted, but not removed from the account state: %s",
                 portfolio_id, error->message);
      return;
    }

  for (guint i = 0; self->secrets != NULL && removed != NULL && removed[i] != NULL; i++)
    iwd_secret_store_clear_profile_secrets (self->secrets, account, removed[i], NULL,
                                            secrets_cleared_cb, g_strdup (removed[i]));
}

/* A failure is only logged, because the portfolio no longer exists at
 * ImportWeb. Its copies then stay until the retention purge removes them. */
static void
copies_forgotten_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autofree char *portfolio_id = user_data;
  g_autoptr(GError) error = NULL;

  if (!iwd_history_store_forget_portfolio_finish (IWD_HISTORY_STORE (source), result, &error))
    g_warning ("portfolio: portfolio %s deleted, but its stored copies were not removed: %s",
               portfolio_id, error->message);
}

static void
portfolio_deleted_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Deletion) deletion = user_data;
  g_autoptr(IwdPortfoliosPage) self = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  g_autofree char *reason = NULL;

  iwd_client_delete_portfolio_finish (IWD_CLIENT (source), result, &error);
  self = g_weak_ref_get (&deletion->page);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  if (error != NULL)
    {
      g_message ("portfolio: cannot delete portfolio %s: %s", deletion->portfolio_id, error->message);
      reason = iwd_portfolio_dup_error_message (self->formatter, error);
      /* Translators: the first %s is a portfolio id, the second the reason */
      message = g_strdup_printf (_("Portfolio %s was not deleted. %s"), deletion->portfolio_id, reason);
      show_toast (self, message);
      return;
    }

  forget_portfolio (self, deletion->portfolio_id);
  if (self->history != NULL)
    iwd_history_store_forget_portfolio_async (self->history, deletion->portfolio_id, NULL,
                                              copies_forgotten_cb, g_strdup (deletion->portfolio_id));
  /* Translators: %s is a portfolio id */
  message = g_strdup_printf (_("Portfolio %s was deleted, with its profiles and files."), deletion->portfolio_id);
  show_toast (self, message);
  iwd_portfolios_page_show_list (self);
}

static void
delete_response_cb (AdwMessageDialog *dialog,
                    const char       *response,
                    Deletion         *deletion)
{
  g_autoptr(IwdPortfoliosPage) self = g_weak_ref_get (&deletion->page);

  if (self != NULL && g_strcmp0 (response, "delete") == 0)
    iwd_portfolios_page_delete_portfolio (self, deletion->portfolio_id);
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  iwd_portfolios_page_show_form (IWD_PORTFOLIOS_PAGE (widget));
}

static void
open_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  iwd_portfolios_page_open_portfolio (IWD_PORTFOLIOS_PAGE (widget), g_variant_get_string (parameter, NULL));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IwdPortfoliosPage *self = IWD_PORTFOLIOS_PAGE (widget);
  GtkListBoxRow *first_row;

  iwd_portfolios_page_show_list (self);

  /* The Back button that had the focus went with the view, and in GTK 4.8
   * Tab then skipped every control of the page, so the first portfolio
   * takes the focus. */
  first_row = gtk_list_box_get_row_at_index (self->list_box, 0);
  if (first_row == NULL || !gtk_widget_grab_focus (GTK_WIDGET (first_row)))
    gtk_widget_grab_focus (GTK_WIDGET (self->list_box));
}

static void
delete_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  const char *portfolio_id = g_variant_get_string (parameter, NULL);
  GtkRoot *root = gtk_widget_get_root (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                                       NULL, NULL));
  /* Translators: %s is a portfolio id chosen by the broker */
  adw_message_dialog_format_heading (dialog, _("Delete Portfolio %s?"), portfolio_id);
  adw_message_dialog_set_body (dialog, _("ImportWeb then deletes the portfolio’s profiles and every "
                                         "file downloaded for it. This cannot be undone."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "delete", _("_Delete"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "delete", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (delete_response_cb),
                         deletion_new (IWD_PORTFOLIOS_PAGE (widget), portfolio_id),
                         deletion_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
purged_cb (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  guint removed = 0;

  if (!iwd_portfolio_data_purge_finish (result, &removed, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      g_warning ("portfolio: cannot purge the old copies of the portfolios: %s", error->message);
      return;
    }

  if (removed > 0)
    g_debug ("portfolio: purged %u old copies", removed);
}

/* One store per account, beside its state file, and its fetches older
 * than the retention-days setting purged when the account opens. The
 * purge has its own cancellable, because a new client cancels the page's
 * operations right after the state is set. */
static void
open_history (IwdPortfoliosPage *self)
{
  g_autofree char *dir = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GSettings) settings = NULL;

  g_cancellable_cancel (self->purge);
  g_clear_object (&self->purge);
  g_clear_object (&self->history);
  if (self->account_state == NULL)
    return;

  dir = g_path_get_dirname (iwd_account_state_get_path (self->account_state));
  if (g_mkdir_with_parents (dir, 0700) != 0)
    g_warning ("portfolio: cannot create the folder %s: %s", dir, g_strerror (errno));
  path = g_build_filename (dir, "history.sqlite3", NULL);
  self->history = iwd_history_store_new (path);

  settings = g_settings_new (APP_ID);
  self->purge = g_cancellable_new ();
  iwd_portfolio_data_purge_async (self->history, settings, self->purge, purged_cb, NULL);
}

static void
iwd_portfolios_page_dispose (GObject *object)
{
  IwdPortfoliosPage *self = IWD_PORTFOLIOS_PAGE (object);

  g_cancellable_cancel (self->operations);
  g_clear_object (&self->operations);
  g_cancellable_cancel (self->purge);
  g_clear_object (&self->purge);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PORTFOLIOS_PAGE);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);
  g_clear_object (&self->secrets);
  g_clear_object (&self->history);

  G_OBJECT_CLASS (iwd_portfolios_page_parent_class)->dispose (object);
}

static void
iwd_portfolios_page_finalize (GObject *object)
{
  IwdPortfoliosPage *self = IWD_PORTFOLIOS_PAGE (object);

  g_clear_pointer (&self->last_toast, g_free);

  G_OBJECT_CLASS (iwd_portfolios_page_parent_class)->finalize (object);
}

static void
install_actions (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "portfolios.new", NULL, new_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "portfolios.new", NULL);
  gtk_widget_class_install_action (widget_class, "portfolios.open", "s", open_action);
  gtk_widget_class_install_action (widget_class, "portfolios.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "portfolios.back", NULL);
  gtk_widget_class_install_action (widget_class, "portfolios.delete", "s", delete_action);
}

static void
iwd_portfolios_page_class_init (IwdPortfoliosPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_portfolios_page_dispose;
  object_class->finalize = iwd_portfolios_page_finalize;

  install_actions (widget_class);

  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-portfolios-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, list_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, list_box);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, form_bin);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfoliosPage, view_bin);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_portfolios_page_init (IwdPortfoliosPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->operations = g_cancellable_new ();
  self->poll_interval_ms = IWD_CONTRACTS_TAB_DEFAULT_POLL_INTERVAL_MS;
  update_actions (self);
  iwd_portfolios_page_refresh (self);
}

/**
 * iwd_portfolios_page_new:
 *
 * Creates the page of the account's portfolios. It lists them once it
 * has an account state, and acts on them once it also has a client.
 *
 * Returns: (transfer floating): a new #IwdPortfoliosPage
 */
GtkWidget *
iwd_portfolios_page_new (void)
{
  return g_object_new (IWD_TYPE_PORTFOLIOS_PAGE, NULL);
}

/**
 * iwd_portfolios_page_set_client:
 * @self: a #IwdPortfoliosPage
 * @client: (nullable): the client of the account
 *
 * Sets the client, cancelling the deletions of the previous one, and
 * shows the list.
 */
void
iwd_portfolios_page_set_client (IwdPortfoliosPage *self,
                                IwdClient         *client)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));
  g_return_if_fail (client == NULL || IWD_IS_CLIENT (client));

  if (!g_set_object (&self->client, client))
    return;

  g_cancellable_cancel (self->operations);
  g_clear_object (&self->operations);
  self->operations = g_cancellable_new ();
  update_actions (self);
  iwd_portfolios_page_show_list (self);
}

/**
 * iwd_portfolios_page_set_account_state:
 * @self: a #IwdPortfoliosPage
 * @state: (nullable): the account's local state, loaded
 *
 * Sets the state that lists the portfolios, and shows the list.
 */
void
iwd_portfolios_page_set_account_state (IwdPortfoliosPage *self,
                                       IwdAccountState   *state)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));
  g_return_if_fail (state == NULL || IWD_IS_ACCOUNT_STATE (state));

  if (!g_set_object (&self->account_state, state))
    return;

  open_history (self);
  update_actions (self);
  iwd_portfolios_page_show_list (self);
}

/**
 * iwd_portfolios_page_set_secret_store:
 * @self: a #IwdPortfoliosPage
 * @secrets: (nullable): the keyring store
 *
 * Sets the store that profiles created in a portfolio keep their
 * passwords in, and that a deletion clears.
 */
void
iwd_portfolios_page_set_secret_store (IwdPortfoliosPage *self,
                                      IwdSecretStore    *secrets)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));
  g_return_if_fail (secrets == NULL || IWD_IS_SECRET_STORE (secrets));

  g_set_object (&self->secrets, secrets);
}

/**
 * iwd_portfolios_page_set_error_formatter:
 * @self: a #IwdPortfoliosPage
 * @formatter: (nullable): the function that words the client's errors, such as
 *   iwd_error_dup_user_message() of src/ui, which this library cannot link
 *
 * Chooses how the page, its form and its views word the errors.
 */
void
iwd_portfolios_page_set_error_formatter (IwdPortfoliosPage *self,
                                         IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));

  self->formatter = formatter;
}

/**
 * iwd_portfolios_page_set_poll_interval:
 * @self: a #IwdPortfoliosPage
 * @milliseconds: the time between two fetches of a portfolio's
 *   contracts while the robot collects them
 *
 * Sets how often the portfolio views opened from now on check on the
 * robot.
 */
void
iwd_portfolios_page_set_poll_interval (IwdPortfoliosPage *self,
                                       guint              milliseconds)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));
  g_return_if_fail (milliseconds > 0);

  self->poll_interval_ms = milliseconds;
}

/**
 * iwd_portfolios_page_refresh:
 * @self: a #IwdPortfoliosPage
 *
 * Lists the portfolios of the account state again, by id.
 */
void
iwd_portfolios_page_refresh (IwdPortfoliosPage *self)
{
  g_auto(GStrv) portfolios = NULL;
  GtkWidget *child;

  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->list_box))) != NULL)
    gtk_list_box_remove (self->list_box, child);

  self->n_portfolios = 0;
  if (self->account_state != NULL)
    portfolios = iwd_account_state_list_portfolios (self->account_state);
  for (guint i = 0; portfolios != NULL && portfolios[i] != NULL; i++)
    {
      gtk_list_box_append (self->list_box, create_row (self, portfolios[i]));
      self->n_portfolios++;
    }

  gtk_stack_set_visible_child_name (self->list_stack, self->n_portfolios > 0 ? "portfolios" : "empty");
}

/**
 * iwd_portfolios_page_show_form:
 * @self: a #IwdPortfoliosPage
 *
 * Shows an empty creation form in place of the list, as New Portfolio
 * does. It needs a client and an account state.
 *
 * Returns: (transfer none): the form
 */
IwdPortfolioForm *
iwd_portfolios_page_show_form (IwdPortfoliosPage *self)
{
  GtkWidget *form;

  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), NULL);
  g_return_val_if_fail (self->client != NULL && self->account_state != NULL, NULL);

  form = iwd_portfolio_form_new (self->client, self->account_state);
  iwd_portfolio_form_set_error_formatter (IWD_PORTFOLIO_FORM (form), self->formatter);
  g_signal_connect_object (form, "created", G_CALLBACK (form_created_cb), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (form, "cancelled", G_CALLBACK (form_cancelled_cb), self, G_CONNECT_SWAPPED);
  adw_bin_set_child (self->form_bin, form);
  gtk_stack_set_visible_child_name (self->stack, "form");
  gtk_widget_grab_focus (form);

  return IWD_PORTFOLIO_FORM (form);
}

/**
 * iwd_portfolios_page_open_portfolio:
 * @self: a #IwdPortfoliosPage
 * @portfolio_id: a portfolio of the account state
 *
 * Shows the view of the portfolio in place of the list, which starts
 * loading its contracts and profiles.
 *
 * Returns: (transfer none): the view
 */
IwdPortfolioView *
iwd_portfolios_page_open_portfolio (IwdPortfoliosPage *self,
                                    const char        *portfolio_id)
{
  GtkWidget *view;

  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);
  g_return_val_if_fail (self->client != NULL && self->account_state != NULL, NULL);

  view = iwd_portfolio_view_new_with_history (self->client, self->account_state, self->history,
                                              portfolio_id);
  iwd_portfolio_view_set_error_formatter (IWD_PORTFOLIO_VIEW (view), self->formatter);
  iwd_portfolio_view_set_secret_store (IWD_PORTFOLIO_VIEW (view), self->secrets);
  iwd_portfolio_view_set_poll_interval (IWD_PORTFOLIO_VIEW (view), self->poll_interval_ms);
  adw_bin_set_child (self->view_bin, view);
  adw_bin_set_child (self->form_bin, NULL);
  gtk_stack_set_visible_child_name (self->stack, "view");

  return IWD_PORTFOLIO_VIEW (view);
}

/**
 * iwd_portfolios_page_show_list:
 * @self: a #IwdPortfoliosPage
 *
 * Shows the list again, as the Back button does, and closes the form or
 * the view, which cancels their downloads and polling.
 */
void
iwd_portfolios_page_show_list (IwdPortfoliosPage *self)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));

  adw_bin_set_child (self->form_bin, NULL);
  adw_bin_set_child (self->view_bin, NULL);
  iwd_portfolios_page_refresh (self);
  gtk_stack_set_visible_child_name (self->stack, "list");
}

/**
 * iwd_portfolios_page_delete_portfolio:
 * @self: a #IwdPortfoliosPage
 * @portfolio_id: a portfolio of the account state
 *
 * Deletes the portfolio on the robot without confirmation, which the
 * `portfolios.delete` action requests first. ImportWeb deletes its
 * profiles and files with it, so the account state drops them all and
 * the keyring their passwords. The result shows as a toast.
 */
void
iwd_portfolios_page_delete_portfolio (IwdPortfoliosPage *self,
                                      const char        *portfolio_id)
{
  g_return_if_fail (IWD_IS_PORTFOLIOS_PAGE (self));
  g_return_if_fail (portfolio_id != NULL);
  g_return_if_fail (self->client != NULL && self->account_state != NULL);

  iwd_client_delete_portfolio_async (self->client, portfolio_id, self->operations,
                                     portfolio_deleted_cb, deletion_new (self, portfolio_id));
}

/**
 * iwd_portfolios_page_get_visible_name:
 * @self: a #IwdPortfoliosPage
 *
 * Returns: what the page shows: "list", "form" or "view"
 */
const char *
iwd_portfolios_page_get_visible_name (IwdPortfoliosPage *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * iwd_portfolios_page_get_n_portfolios:
 * @self: a #IwdPortfoliosPage
 *
 * Returns: the number of portfolios listed
 */
guint
iwd_portfolios_page_get_n_portfolios (IwdPortfoliosPage *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), 0);

  return self->n_portfolios;
}

/**
 * iwd_portfolios_page_get_view:
 * @self: a #IwdPortfoliosPage
 *
 * Returns: (transfer none) (nullable): the view of the open portfolio,
 *   or %NULL
 */
IwdPortfolioView *
iwd_portfolios_page_get_view (IwdPortfoliosPage *self)
{
  GtkWidget *child;

  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), NULL);

  child = adw_bin_get_child (self->view_bin);

  return child != NULL ? IWD_PORTFOLIO_VIEW (child) : NULL;
}

/**
 * iwd_portfolios_page_get_last_toast:
 * @self: a #IwdPortfoliosPage
 *
 * Returns: (nullable): the text of the last toast the page showed
 */
const char *
iwd_portfolios_page_get_last_toast (IwdPortfoliosPage *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIOS_PAGE (self), NULL);

  return self->last_toast;
}
