/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-api-error.h"
#include "iwd-error-message.h"
#include "iwd-page-keys.h"
#include "iwd-local-file-view.h"
#include "iwd-preferences-window.h"
#include "iwd-profile-editor.h"
#include "iwd-robot-error.h"
#include "iwd-window.h"

/* The tabs of the main content, in the order of their Alt+number
 * shortcuts. */
static const char * const tab_names[] = { "companies", "portfolios", "profiles", "errors" };

struct _IwdWindow
{
  AdwApplicationWindow  parent_instance;

  IwdAccountManager    *manager;           /* owned */
  IwdAccount           *account;           /* owned, nullable: the account shown */
  GHashTable           *accounts;          /* owned: account key → IwdAccount signed in this session */
  IwdAccount           *pending_account;   /* owned, nullable: accepted, waiting for the keyring */
  IwdAccountId         *restoring;         /* owned, nullable: the account being signed in again */
  IwdAccountId         *retry_id;          /* owned, nullable: the account the retry page signs in */
  GCancellable         *cancellable;       /* owned, nullable: the sign-in, save or sign-out under way */
  char                 *account_key;       /* owned: the state of win.account */
  GSettings            *settings;          /* owned: the window size, read by the error monitor too */
  IwdErrorMonitor      *monitor;           /* owned, nullable: reads the robot errors of the account shown */
  GtkWindow            *editor_window;     /* weak, nullable: the profile editor open */

  AdwToastOverlay      *toast_overlay;     /* template child */
  AdwViewSwitcherTitle *switcher_title;    /* template child */
  GtkButton            *back_button;       /* template child */
  GtkStack             *main_stack;        /* template child */
  IwdSignInPage        *sign_in_page;      /* template child */
  AdwViewStack         *view_stack;        /* template child */
  IwdCompaniesPage     *companies_page;    /* template child */
  IwdPortfoliosPage    *portfolios_page;   /* template child */
  IwdProfilesPage      *profiles_page;     /* template child */
  IwdErrorsPage        *errors_page;       /* template child */
  AdwViewStackPage     *errors_stack_page; /* template child */
  GMenu                *accounts_section;  /* template child */
  AdwStatusPage        *retry_page;        /* unowned: a page of main_stack */
};

G_DEFINE_FINAL_TYPE (IwdWindow, iwd_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_ACCOUNT,
  PROP_ACCOUNT_KEY,
  PROP_PAGE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void refresh_account_menu (IwdWindow *self);

static void
restore_size (IwdWindow *self)
{
  int width = g_settings_get_int (self->settings, "window-width");
  int height = g_settings_get_int (self->settings, "window-height");

  gtk_window_set_default_size (GTK_WINDOW (self), width, height);

  if (g_settings_get_boolean (self->settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static void
save_size (IwdWindow *self)
{
  gboolean maximized = gtk_window_is_maximized (GTK_WINDOW (self));
  int width;
  int height;

  /* The default size follows the window while it is not maximized, so it
   * is the size to come back to after unmaximizing. */
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (self->settings);
  g_settings_set_int (self->settings, "window-width", width);
  g_settings_set_int (self->settings, "window-height", height);
  g_settings_set_boolean (self->settings, "window-maximized", maximized);
  g_settings_apply (self->settings);
}

static void
clear_pending (IwdWindow *self)
{
  g_clear_object (&self->pending_account);
}

/* Cancels the sign-in, save or sign-out under way and returns a
 * cancellable for the next one. */
static GCancellable *
restart_cancellable (IwdWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();

  return self->cancellable;
}

/* The profile editor needs the account's local state, which an account
 * whose state could not be created lacks. */
static void
update_account_actions (IwdWindow *self,
                        gboolean   main_shown)
{
  gboolean can_edit = main_shown && iwd_window_get_account_state (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.show-page", main_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "company.create-profile", can_edit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "profile.edit", can_edit);
}

static void
update_actions (IwdWindow *self)
{
  const char *page = iwd_window_get_page (self);
  gboolean can_go_back = self->account != NULL && g_strcmp0 (page, "sign-in") == 0;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.back",
                                 can_go_back || g_strcmp0 (page, "main") == 0);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), can_go_back);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.sign-out",
                                 self->account != NULL && g_strcmp0 (page, "main") == 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-account", g_strcmp0 (page, "loading") != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.account", g_strcmp0 (page, "loading") != 0);

  update_account_actions (self, g_strcmp0 (page, "main") == 0);
  adw_view_switcher_title_set_view_switcher_enabled (self->switcher_title, g_strcmp0 (page, "main") == 0);
}

static void
show_page (IwdWindow  *self,
           const char *name)
{
  gtk_stack_set_visible_child_name (self->main_stack, name);
  update_actions (self);

  /* The first keys typed go to the page shown, not to a widget left
   * behind on a hidden page, where GTK 4.8 kept them. */
  if (g_str_equal (name, "sign-in"))
    iwd_sign_in_page_focus_form (self->sign_in_page);
  else if (g_str_equal (name, "main"))
    gtk_widget_child_focus (adw_view_stack_get_visible_child (self->view_stack), GTK_DIR_TAB_FORWARD);
}

static void
set_account_key (IwdWindow  *self,
                 const char *key)
{
  if (g_strcmp0 (self->account_key, key) == 0)
    return;

  g_free (self->account_key);
  self->account_key = g_strdup (key);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT_KEY]);
}

static void
toast_printf (IwdWindow  *self,
              const char *format,
              ...) G_GNUC_PRINTF (2, 3);

static void
toast_printf (IwdWindow  *self,
              const char *format,
              ...)
{
  g_autofree char *title = NULL;
  AdwToast *toast;
  va_list args;

  va_start (args, format);
  title = g_strdup_vprintf (format, args);
  va_end (args);

  toast = adw_toast_new (title);
  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
report_recovered_state (IwdWindow  *self,
                        IwdAccount *account)
{
  IwdAccountState *state = iwd_account_get_state (account);
  g_autofree char *name = NULL;

  if (state == NULL || iwd_account_state_get_recovered_from (state) == NULL)
    return;

  name = g_path_get_basename (iwd_account_state_get_recovered_from (state));
  /* Translators: %s is a file name such as state.json.corrupt-20250101T101010Z */
  toast_printf (self, _("The local data of this account could not be read. The file was kept aside as %s."), name);
}

static void
notification_cb (IwdErrorMonitor *monitor,
                 GNotification   *notification,
                 IwdWindow       *self)
{
  /* Clicking the notification opens the errors page. */
  g_notification_set_default_action (notification, "app.show-errors");
}

static void
stop_monitor (IwdWindow *self)
{
  if (self->monitor == NULL)
    return;

  iwd_error_monitor_stop (self->monitor);
  g_signal_handlers_disconnect_by_data (self->monitor, self);
  g_clear_object (&self->monitor);

  /* The badge keeps its last value once its monitor is gone. */
  adw_view_stack_page_set_badge_number (self->errors_stack_page, 0);
  adw_view_stack_page_set_needs_attention (self->errors_stack_page, FALSE);
}

/* An account without a data folder, such as one built by a test, keeps
 * the errors seen in memory only. */
static void
start_monitor (IwdWindow  *self,
               IwdAccount *account)
{
  GtkApplication *application = gtk_window_get_application (GTK_WINDOW (self));
  const char *data_dir = iwd_account_get_data_dir (account);
  g_autofree char *seen_path = NULL;

  if (data_dir != NULL)
    seen_path = iwd_error_monitor_dup_seen_path (data_dir, iwd_account_get_id (account));

  self->monitor = iwd_error_monitor_new (iwd_account_get_client (account), self->settings, seen_path);
  g_signal_connect (self->monitor, "notification", G_CALLBACK (notification_cb), self);
  iwd_error_monitor_set_application (self->monitor, application != NULL ? G_APPLICATION (application) : NULL);
  iwd_error_monitor_bind_badge (self->monitor, self->errors_stack_page);
  iwd_error_monitor_start (self->monitor);
}

static void
close_editor (IwdWindow *self)
{
  if (self->editor_window != NULL)
    gtk_window_destroy (self->editor_window);

  g_clear_weak_pointer (&self->editor_window);
}

/* Gives the pages the client and state of @account, or empties them
 * for %NULL. Each page cancels what it was loading for the previous
 * account. */
static void
set_pages_account (IwdWindow  *self,
                   IwdAccount *account)
{
  IwdClient *client = account != NULL ? iwd_account_get_client (account) : NULL;
  IwdAccountState *state = account != NULL ? iwd_account_get_state (account) : NULL;

  close_editor (self);
  stop_monitor (self);

  iwd_companies_page_set_client (self->companies_page, client);
  iwd_portfolios_page_set_account_state (self->portfolios_page, state);
  iwd_portfolios_page_set_client (self->portfolios_page, client);
  iwd_profiles_page_set_account_state (self->profiles_page, state);
  iwd_profiles_page_set_client (self->profiles_page, client);
  iwd_errors_page_set_client (self->errors_page, client);

  if (account != NULL)
    start_monitor (self, account);
}

/* The robot writes company names in lower case ("cie": "spvie"), so the
 * name is compared without case to the company list's. */
static IwdCompany *
find_company (IwdWindow  *self,
              const char *company)
{
  GListModel *companies = iwd_companies_page_get_model (self->companies_page);
  guint n_items = g_list_model_get_n_items (companies);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IwdCompany) item = g_list_model_get_item (companies, i);

      if (g_ascii_strcasecmp (iwd_company_get_name (item), company) == 0)
        return g_steal_pointer (&item);
    }

  return NULL;
}

static const char *
find_listed_profile_company (IwdWindow  *self,
                             const char *profile_id)
{
  GListModel *profiles = iwd_profiles_page_get_model (self->profiles_page);
  guint n_items = g_list_model_get_n_items (profiles);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IwdProfileItem) item = g_list_model_get_item (profiles, i);

      if (g_strcmp0 (iwd_profile_item_get_id (item), profile_id) == 0)
        return iwd_profile_item_get_company (item);
    }

  return NULL;
}

/* The errors page may list a profile that the profiles page has not
 * loaded yet, because each page reads its own list from the robot. */
static const char *
find_error_company (IwdWindow  *self,
                    const char *profile_id)
{
  GListModel *errors = iwd_errors_page_get_model (self->errors_page);
  guint n_items = g_list_model_get_n_items (errors);

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IwdRobotError) error = g_list_model_get_item (errors, i);

      if (g_strcmp0 (iwd_robot_error_get_profile_id (error), profile_id) == 0)
        return iwd_robot_error_get_company (error);
    }

  return NULL;
}

/* Looks in the account state first, which has every profile saved from
 * this computer, then in the profiles and the errors listed by the robot.
 * TODO: a profile that none lists, such as one that the profiles page
 * filters out and that has no error, cannot be edited until the filter
 * is cleared. */
static const char *
lookup_profile_company (IwdWindow  *self,
                        const char *profile_id)
{
  IwdAccountState *state = iwd_window_get_account_state (self);
  const IwdProfileRecord *record = state != NULL ? iwd_account_state_get_profile (state, profile_id) : NULL;
  const char *company;

  if (record != NULL)
    return record->company;

  company = find_listed_profile_company (self, profile_id);
  if (company != NULL)
    return company;

  return find_error_company (self, profile_id);
}

static void
editor_saved_cb (IwdProfileEditor *editor,
                 const char       *profile_id,
                 IwdWindow        *self)
{
  const char *status = iwd_profile_editor_get_status (editor);
  g_autofree char *title = NULL;

  /* The editor's status also says when the keyring could not keep the
   * profile's passwords, so the toast repeats it. */
  if (status != NULL)
    title = g_strdup (status);
  else
    /* Translators: %s is the profile id */
    title = g_strdup_printf (_("Profile “%s” saved."), profile_id);

  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
  iwd_profiles_page_reload (self->profiles_page);
  close_editor (self);
}

static GtkWindow *
new_editor_window (IwdWindow  *self,
                   GtkWidget  *editor,
                   const char *title)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *header_bar = adw_header_bar_new ();
  GtkWidget *window = adw_window_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_box_append (GTK_BOX (box), header_bar);
  gtk_widget_set_vexpand (editor, TRUE);
  gtk_box_append (GTK_BOX (box), editor);

  gtk_window_set_title (GTK_WINDOW (window), title);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_destroy_with_parent (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 680);
  adw_window_set_content (ADW_WINDOW (window), box);

  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  return GTK_WINDOW (window);
}

static void
open_editor (IwdWindow  *self,
             const char *company,
             const char *profile_id)
{
  IwdSecretStore *secrets = iwd_account_manager_get_secret_store (self->manager);
  g_autoptr(IwdCompany) known = find_company (self, company);
  GtkWidget *editor;
  GtkWindow *window;

  close_editor (self);

  /* TODO: before the company list has loaded, the editor gets the name
   * as the caller wrote it, which may differ in case from the list's. */
  if (known != NULL)
    editor = iwd_profile_editor_new (iwd_window_get_client (self), iwd_window_get_account_state (self), secrets,
                                     iwd_company_get_name (known), iwd_company_get_label (known), profile_id, NULL);
  else
    editor = iwd_profile_editor_new (iwd_window_get_client (self), iwd_window_get_account_state (self), secrets,
                                     company, NULL, profile_id, NULL);
  iwd_profile_editor_set_error_formatter (IWD_PROFILE_EDITOR (editor), iwd_error_dup_user_message);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, 0);

  window = new_editor_window (self, editor, profile_id != NULL ? _("Edit Profile") : _("New Profile"));
  g_set_weak_pointer (&self->editor_window, window);
  gtk_window_present (window);
}

static void
add_menu_item (IwdWindow          *self,
               const IwdAccountId *id,
               const char         *title)
{
  g_autofree char *key = iwd_account_key_new (id);
  g_autoptr(GMenuItem) item = g_menu_item_new (title, NULL);

  g_menu_item_set_action_and_target_value (item, "win.account", g_variant_new_string (key));
  g_menu_append_item (self->accounts_section, item);
}

/* Lists the accounts of @ids, then those signed in this session without
 * being stored, such as the demo or a session-only account. */
static void
fill_account_menu (IwdWindow *self,
                   GPtrArray *ids)
{
  g_autoptr(GHashTable) listed = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GHashTableIter iter;
  gpointer value;

  g_menu_remove_all (self->accounts_section);

  for (guint i = 0; ids != NULL && i < ids->len; i++)
    {
      const IwdAccountId *id = g_ptr_array_index (ids, i);
      g_autofree char *key = iwd_account_key_new (id);
      IwdAccount *account = g_hash_table_lookup (self->accounts, key);
      g_autofree char *title = iwd_account_manager_dup_title (self->manager, id);

      add_menu_item (self, id, account != NULL ? iwd_account_get_title (account) : title);
      g_hash_table_add (listed, g_steal_pointer (&key));
    }

  g_hash_table_iter_init (&iter, self->accounts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      IwdAccount *account = value;
      g_autofree char *key = iwd_account_key_new (iwd_account_get_id (account));

      if (!g_hash_table_contains (listed, key))
        add_menu_item (self, iwd_account_get_id (account), iwd_account_get_title (account));
    }
}

static char *
dup_restore_message (const GError *error)
{
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    return g_strdup (_("No password is saved for this account on this computer. Type it to sign in."));

  if (error->domain == IWD_SECRET_STORE_ERROR)
    return g_strdup (_("The keyring could not be opened, so the saved password cannot be read. Type it to sign in."));

  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED))
    return g_strdup (_("ImportWeb refused the saved password. Type the current password of this HappyAssur account."));

  return iwd_error_dup_user_message (error);
}

static gboolean
is_network_error (const GError *error)
{
  return g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK)
         || g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT);
}

/* The server never rejected the saved password, so the retry page signs
 * in with it again instead of asking for it. */
static void
show_retry_page (IwdWindow          *self,
                 const IwdAccountId *id,
                 const GError       *error)
{
  g_autofree char *message = iwd_error_dup_user_message (error);

  g_message ("ui: cannot sign in %s at %s: %s", id->login, id->server, error->message);

  g_clear_pointer (&self->retry_id, iwd_account_id_free);
  self->retry_id = iwd_account_id_copy (id);
  adw_status_page_set_description (self->retry_page, message);
  set_account_key (self, self->account != NULL ? self->account_key : "");
  show_page (self, "retry");
}

static void
show_sign_in_for (IwdWindow          *self,
                  const IwdAccountId *id,
                  const GError       *error)
{
  g_autofree char *message = dup_restore_message (error);

  iwd_sign_in_page_prefill (self->sign_in_page, id, message);
  set_account_key (self, self->account != NULL ? self->account_key : "");
  show_page (self, "sign-in");
}

static void
show_keyring_dialog (IwdWindow    *self,
                     const GError *error);

static void
finish_sign_in (IwdWindow *self)
{
  g_autoptr(IwdAccount) account = g_steal_pointer (&self->pending_account);

  clear_pending (self);
  iwd_window_set_account (self, account);
}

static void
restored_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(IwdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdAccountId) id = NULL;

  account = iwd_account_manager_restore_finish (IWD_ACCOUNT_MANAGER (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  id = g_steal_pointer (&self->restoring);
  if (is_network_error (error))
    {
      show_retry_page (self, id, error);
      return;
    }

  if (account == NULL)
    {
      show_sign_in_for (self, id, error);
      return;
    }

  iwd_account_manager_remember_last (self->manager, account);
  iwd_window_set_account (self, account);
}

static void
saved_cb (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (iwd_account_manager_save_finish (IWD_ACCOUNT_MANAGER (source), result, &error))
    {
      finish_sign_in (self);
      return;
    }

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  show_keyring_dialog (self, error);
}

static void
keyring_response_cb (AdwMessageDialog *dialog,
                     const char       *response,
                     IwdWindow        *self)
{
  if (self->pending_account == NULL)
    return;

  if (!g_str_equal (response, "session"))
    {
      g_info ("ui: sign-in abandoned because the keyring cannot store the password");
      clear_pending (self);
      return;
    }

  /* The password stays in the client only. The login may be recorded:
   * the next start then asks for the password with the login filled. */
  iwd_account_set_session_only (self->pending_account, TRUE);
  iwd_account_manager_remember_last (self->manager, self->pending_account);
  finish_sign_in (self);
}

static void
show_keyring_dialog (IwdWindow    *self,
                     const GError *error)
{
  const char *body;
  AdwMessageDialog *dialog;

  if (g_error_matches (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_LOCKED))
    body = _("The keyring is locked, so IWDesk cannot save your password. "
             "You can continue for this session only: the password stays in memory "
             "until IWDesk closes, and is never written anywhere.");
  else
    body = _("No keyring is available, so IWDesk cannot save your password. "
             "You can continue for this session only: the password stays in memory "
             "until IWDesk closes, and is never written anywhere.");

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), _("Password Cannot Be Saved"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "session", _("_Continue for This Session Only"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "session", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "session");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (keyring_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
signed_in_cb (IwdWindow     *self,
              IwdAccount    *account,
              const char    *password,
              IwdSignInPage *page)
{
  /* The password is not kept here: the client of @account holds it
   * for the session-only choice of show_keyring_dialog(). */
  clear_pending (self);
  self->pending_account = g_object_ref (account);

  iwd_account_manager_save_async (self->manager, account, password, restart_cancellable (self),
                                  saved_cb, g_object_ref (self));
}

static void
restore (IwdWindow          *self,
         const IwdAccountId *id)
{
  g_clear_pointer (&self->restoring, iwd_account_id_free);
  self->restoring = iwd_account_id_copy (id);
  show_page (self, "loading");

  iwd_account_manager_restore_async (self->manager, id, restart_cancellable (self),
                                     restored_cb, g_object_ref (self));
}

static void
retry_clicked_cb (IwdWindow *self)
{
  g_autoptr(IwdAccountId) id = g_steal_pointer (&self->retry_id);

  if (id != NULL)
    restore (self, id);
}

/* For a broker who changed the password since it was saved. */
static void
type_password_clicked_cb (IwdWindow *self)
{
  g_autoptr(IwdAccountId) id = g_steal_pointer (&self->retry_id);

  if (id == NULL)
    return;

  iwd_sign_in_page_prefill (self->sign_in_page, id, NULL);
  show_page (self, "sign-in");
}

static IwdAccount *
find_session_account (IwdWindow *self)
{
  GHashTableIter iter;
  gpointer value = NULL;

  g_hash_table_iter_init (&iter, self->accounts);
  if (g_hash_table_iter_next (&iter, NULL, &value))
    return value;

  return NULL;
}

/* After a sign-out, goes to an account signed in this session, which
 * needs no keyring, or else to the first known account, or else to the
 * sign-in page. */
static void
remaining_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;
  IwdAccount *account;

  ids = iwd_account_manager_list_accounts_finish (IWD_ACCOUNT_MANAGER (source), result, &error);
  if (self->manager == NULL || self->account != NULL)
    return;

  account = find_session_account (self);
  if (account != NULL)
    iwd_window_set_account (self, account);
  else if (ids != NULL && ids->len > 0)
    restore (self, g_ptr_array_index (ids, 0));
  else
    {
      iwd_sign_in_page_reset (self->sign_in_page);
      show_page (self, "sign-in");
      refresh_account_menu (self);
    }
}

static void
signed_out_cb (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!iwd_account_manager_sign_out_finish (IWD_ACCOUNT_MANAGER (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;

      /* Translators: %s is a technical detail in English, for support */
      toast_printf (self, _("Signed out, but some saved data could not be removed. Details: %s"), error->message);
    }

  iwd_account_manager_list_accounts_async (self->manager, NULL, remaining_listed_cb, g_object_ref (self));
}

static void
sign_out (IwdWindow *self)
{
  g_autoptr(IwdAccount) account = g_steal_pointer (&self->account);
  g_autofree char *key = iwd_account_key_new (iwd_account_get_id (account));

  g_hash_table_remove (self->accounts, key);
  set_pages_account (self, NULL);
  adw_view_switcher_title_set_subtitle (self->switcher_title, NULL);
  set_account_key (self, "");
  show_page (self, "loading");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);

  g_info ("ui: signing out %s on %s", iwd_account_get_id (account)->login, iwd_account_get_id (account)->server);
  iwd_account_manager_sign_out_async (self->manager, account, restart_cancellable (self),
                                      signed_out_cb, g_object_ref (self));
}

static void
sign_out_response_cb (AdwMessageDialog *dialog,
                      const char       *response,
                      IwdWindow        *self)
{
  if (g_str_equal (response, "sign-out") && self->account != NULL)
    sign_out (self);
}

static void
accounts_listed_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(GPtrArray) ids = NULL;
  g_autoptr(GError) error = NULL;

  ids = iwd_account_manager_list_accounts_finish (IWD_ACCOUNT_MANAGER (source), result, &error);
  if (ids == NULL || self->manager == NULL)
    return;

  fill_account_menu (self, ids);
}

/* NOTE: the listings take no cancellable, because cancelling a keyring
 * search made libsecret 0.20.5 return its task twice in our tests. A
 * window closed meanwhile ignores the result. */
static void
refresh_account_menu (IwdWindow *self)
{
  fill_account_menu (self, NULL);
  iwd_account_manager_list_accounts_async (self->manager, NULL, accounts_listed_cb, g_object_ref (self));
}

static void
visible_page_changed_cb (IwdWindow *self)
{
  update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PAGE]);
}

static void
add_account_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);

  iwd_sign_in_page_reset (self->sign_in_page);
  show_page (self, "sign-in");
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);

  /* On the main page, Alt+Left is the page's own way back, which the
   * page runs itself while it has the focus. */
  if (g_strcmp0 (iwd_window_get_page (self), "main") == 0)
    {
      iwd_page_keys_run (adw_view_stack_get_visible_child (self->view_stack), "back");
      return;
    }

  iwd_sign_in_page_cancel (self->sign_in_page);
  if (self->account != NULL)
    show_page (self, "main");
}

static void
sign_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self), NULL, NULL));
  /* Translators: %s is the account's name in the account menu, usually its login */
  adw_message_dialog_format_heading (dialog, _("Sign Out of %s?"), iwd_account_get_title (self->account));
  adw_message_dialog_set_body (dialog,
                               _("The saved password and the local data of this account will be removed "
                                 "from this computer: its portfolios and the profile values remembered here. "
                                 "The profiles on ImportWeb are not changed."));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "sign-out", _("_Sign Out"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "sign-out", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (sign_out_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static gboolean
shows_errors_tab (IwdWindow *self)
{
  return g_strcmp0 (adw_view_stack_get_visible_child_name (self->view_stack), "errors") == 0;
}

/* The errors page loads its list once per account, so the errors that
 * the monitor found since then are fetched when the tab is shown. */
static void
show_new_errors (IwdWindow *self)
{
  if (iwd_error_monitor_get_new_count (self->monitor) > 0)
    iwd_errors_page_reload (self->errors_page);

  iwd_error_monitor_clear_new_count (self->monitor);
}

static void
errors_checked_cb (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(IwdWindow) self = user_data;
  g_autoptr(GError) error = NULL;

  /* Errors that an earlier check found still reload the page. */
  if (!iwd_error_monitor_check_finish (IWD_ERROR_MONITOR (source), result, NULL, &error))
    g_message ("ui: cannot check the robot errors for the errors tab: %s", error->message);

  /* The window may have been closed, or its account changed, meanwhile. */
  if (self->monitor != IWD_ERROR_MONITOR (source) || !shows_errors_tab (self))
    return;

  show_new_errors (self);
}

/* The monitor reads the error list only every few hours, so showing the
 * tab reads it again. A profile that failed to log in since the last
 * check then shows there at once, as it does in the profiles tab. The
 * page reloads once the check is done, and only if the check or an
 * earlier one found errors, so that showing the tab costs one request
 * when nothing is new, and two at most. */
static void
visible_tab_changed_cb (IwdWindow *self)
{
  if (self->monitor == NULL || !shows_errors_tab (self))
    return;

  iwd_error_monitor_check_async (self->monitor, NULL, errors_checked_cb, g_object_ref (self));
}

static void
show_page_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);
  const char *name = g_variant_get_string (parameter, NULL);

  if (adw_view_stack_get_child_by_name (self->view_stack, name) == NULL)
    {
      g_info ("ui: no tab named %s", name);
      return;
    }

  adw_view_stack_set_visible_child_name (self->view_stack, name);
}

/* The page keys that no widget inside the page took, because the focus
 * was outside it. */
static void
page_key_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);
  GtkWidget *page = adw_view_stack_get_visible_child (self->view_stack);

  if (self->account == NULL || page == NULL)
    return;

  if (!iwd_page_keys_run (page, g_variant_get_string (parameter, NULL)))
    g_debug ("ui: the %s page has nothing for the key %s",
             adw_view_stack_get_visible_child_name (self->view_stack),
             g_variant_get_string (parameter, NULL));
}

/* A profile saved elsewhere than in the window's editor, as from a
 * portfolio's "Create a Profile Here". */
static void
profile_saved_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  iwd_profiles_page_reload (IWD_WINDOW (widget)->profiles_page);
}

static void
create_profile_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  open_editor (IWD_WINDOW (widget), g_variant_get_string (parameter, NULL), NULL);
}

static void
edit_profile_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  IwdWindow *self = IWD_WINDOW (widget);
  const char *profile_id = g_variant_get_string (parameter, NULL);
  const char *company = lookup_profile_company (self, profile_id);

  if (company == NULL)
    {
      g_info ("ui: profile %s is in neither the account state nor the profile list", profile_id);
      /* Translators: %s is the profile id */
      toast_printf (self, _("Profile “%s” is not in the profile list. Clear the profile filter, or reload the list, and try again."),
                    profile_id);
      return;
    }

  open_editor (self, company, profile_id);
}

static void
preferences_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  GtkWindow *preferences = iwd_preferences_window_new (GTK_WINDOW (widget));

  gtk_window_present (preferences);
}

/* Opens a contracts or commissions file from disk in its own window, with
 * the same grid as a portfolio, so a broker can read a statement that
 * did not come through ImportWeb. */
static void
on_local_file_loaded (GObject      *source_object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  /* The view shows the outcome and logs an error. */
  iwd_local_file_view_load_finish (IWD_LOCAL_FILE_VIEW (source_object), result, NULL);
}

/* A window of its own for a local file, beside the account's window. */
static GtkWidget *
new_local_file_window (IwdWindow *self)
{
  GtkWidget *window = adw_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = iwd_local_file_view_new ();
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  /* Escape and Ctrl+W close the window, as the shortcuts window lists,
   * unless a load is running: the view's own Escape cancels it first.
   * The global scope lets them work while no widget has the focus. */
  gtk_shortcut_controller_set_scope (GTK_SHORTCUT_CONTROLLER (shortcuts), GTK_SHORTCUT_SCOPE_GLOBAL);
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (
                                                            gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_keyval_trigger_new (GDK_KEY_w, GDK_CONTROL_MASK)),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);

  g_object_bind_property (view, "title", window, "title", G_BINDING_SYNC_CREATE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (self));
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);

  gtk_widget_set_vexpand (view, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), view);
  adw_window_set_content (ADW_WINDOW (window), box);
  gtk_window_present (GTK_WINDOW (window));

  return view;
}

static void
open_file_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  GtkWidget *view = new_local_file_window (IWD_WINDOW (widget));

  gtk_widget_activate_action (view, "grid.open-file", NULL);
}

static gboolean
iwd_window_close_request (GtkWindow *window)
{
  save_size (IWD_WINDOW (window));

  return GTK_WINDOW_CLASS (iwd_window_parent_class)->close_request (window);
}

/* Built in code rather than in the template, because it is one status
 * page with a button. */
static GtkWidget *
new_pill_button (IwdWindow  *self,
                 const char *label,
                 GCallback   clicked_cb)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_add_css_class (button, "pill");
  g_signal_connect_object (button, "clicked", clicked_cb, self, G_CONNECT_SWAPPED);

  return button;
}

static void
add_retry_page (IwdWindow *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *retry = new_pill_button (self, _("_Retry"), G_CALLBACK (retry_clicked_cb));

  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (retry, "suggested-action");
  gtk_widget_set_name (retry, "retry_button");
  gtk_box_append (GTK_BOX (box), retry);
  gtk_box_append (GTK_BOX (box), new_pill_button (self, _("_Type the Password"),
                                                  G_CALLBACK (type_password_clicked_cb)));

  self->retry_page = ADW_STATUS_PAGE (adw_status_page_new ());
  adw_status_page_set_icon_name (self->retry_page, "network-offline-symbolic");
  adw_status_page_set_title (self->retry_page, _("Cannot Reach ImportWeb"));
  adw_status_page_set_child (self->retry_page, box);
  gtk_stack_add_named (self->main_stack, GTK_WIDGET (self->retry_page), "retry");
}

static void
iwd_window_dispose (GObject *object)
{
  IwdWindow *self = IWD_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  close_editor (self);
  stop_monitor (self);
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_WINDOW);
  clear_pending (self);
  g_clear_object (&self->account);
  g_clear_pointer (&self->accounts, g_hash_table_unref);
  g_clear_pointer (&self->restoring, iwd_account_id_free);
  g_clear_pointer (&self->retry_id, iwd_account_id_free);
  g_clear_object (&self->manager);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (iwd_window_parent_class)->dispose (object);
}

static void
iwd_window_finalize (GObject *object)
{
  IwdWindow *self = IWD_WINDOW (object);

  g_clear_pointer (&self->account_key, g_free);

  G_OBJECT_CLASS (iwd_window_parent_class)->finalize (object);
}

static void
iwd_window_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  IwdWindow *self = IWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    case PROP_ACCOUNT_KEY:
      g_value_set_string (value, self->account_key);
      break;

    case PROP_PAGE:
      g_value_set_string (value, iwd_window_get_page (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_account_key_from_action (IwdWindow  *self,
                             const char *key)
{
  g_autoptr(IwdAccountId) id = iwd_account_key_parse (key);

  if (id != NULL && g_strcmp0 (key, self->account_key) != 0)
    iwd_window_switch_account (self, id);
}

static void
iwd_window_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  IwdWindow *self = IWD_WINDOW (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      self->manager = g_value_dup_object (value);
      iwd_sign_in_page_set_manager (self->sign_in_page, self->manager);
      iwd_portfolios_page_set_secret_store (self->portfolios_page,
                                            iwd_account_manager_get_secret_store (self->manager));
      break;

    case PROP_ACCOUNT_KEY:
      set_account_key_from_action (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_window_class_init (IwdWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = iwd_window_dispose;
  object_class->finalize = iwd_window_finalize;
  object_class->get_property = iwd_window_get_property;
  object_class->set_property = iwd_window_set_property;
  window_class->close_request = iwd_window_close_request;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         IWD_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         IWD_TYPE_ACCOUNT,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The state of win.account: the key of the account shown, or "". */
  properties[PROP_ACCOUNT_KEY] =
    g_param_spec_string ("account-key", NULL, NULL,
                         "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_PAGE] =
    g_param_spec_string ("page", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);

  /* Switching accounts takes the key of an account as its target. */
  gtk_widget_class_install_property_action (widget_class, "win.account", "account-key");

  gtk_widget_class_install_action (widget_class, "win.add-account", NULL, add_account_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "win.add-account", NULL);

  gtk_widget_class_install_action (widget_class, "win.back", NULL, back_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.back", NULL);

  /* No shortcut: signing out deletes data, so it goes through the menu
   * and a confirmation only. */
  gtk_widget_class_install_action (widget_class, "win.sign-out", NULL, sign_out_action);

  gtk_widget_class_install_action (widget_class, "win.show-page", "s", show_page_action);
  for (guint i = 0; i < G_N_ELEMENTS (tab_names); i++)
    gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1 + i, GDK_ALT_MASK,
                                         "win.show-page", "s", tab_names[i]);

  gtk_widget_class_install_action (widget_class, "win.page-key", "s", page_key_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_f, GDK_CONTROL_MASK, "win.page-key", "s", "search");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "win.page-key", "s", "reload");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "win.page-key", "s", "reload");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_n, GDK_CONTROL_MASK, "win.page-key", "s", "new");

  gtk_widget_class_install_action (widget_class, "win.open-file", NULL, open_file_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "win.open-file", NULL);

  gtk_widget_class_install_action (widget_class, "win.preferences", NULL, preferences_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_comma, GDK_CONTROL_MASK, "win.preferences", NULL);

  /* The company page and the profile rows activate these with a company
   * name or a profile id, and the editor opens in its own window. */
  gtk_widget_class_install_action (widget_class, "company.create-profile", "s", create_profile_action);
  gtk_widget_class_install_action (widget_class, "profile.edit", "s", edit_profile_action);
  gtk_widget_class_install_action (widget_class, "profile.saved", "s", profile_saved_action);

  g_type_ensure (IWD_TYPE_COMPANIES_PAGE);
  g_type_ensure (IWD_TYPE_SIGN_IN_PAGE);
  g_type_ensure (IWD_TYPE_PORTFOLIOS_PAGE);
  g_type_ensure (IWD_TYPE_PROFILES_PAGE);
  g_type_ensure (IWD_TYPE_ERRORS_PAGE);
  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/IWDesk/ui/iwd-window.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, switcher_title);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, sign_in_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, view_stack);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, companies_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, portfolios_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, profiles_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, errors_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, errors_stack_page);
  gtk_widget_class_bind_template_child (widget_class, IwdWindow, accounts_section);
  gtk_widget_class_bind_template_callback (widget_class, signed_in_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_page_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, visible_tab_changed_cb);
}

static void
iwd_window_init (IwdWindow *self)
{
  self->accounts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  self->account_key = g_strdup ("");

  gtk_widget_init_template (GTK_WIDGET (self));
  iwd_portfolios_page_set_error_formatter (self->portfolios_page, iwd_error_dup_user_message);
  iwd_profiles_page_set_message_func (self->profiles_page, iwd_error_dup_user_message);
  iwd_errors_page_set_message_func (self->errors_page, iwd_error_dup_user_message);
  iwd_profiles_page_set_companies (self->profiles_page,
                                   iwd_companies_page_get_model (self->companies_page));
  iwd_errors_page_set_companies (self->errors_page,
                                 iwd_companies_page_get_model (self->companies_page));

  add_retry_page (self);

  self->settings = g_settings_new (APP_ID);
  restore_size (self);
  show_page (self, "sign-in");
}

/**
 * iwd_window_new:
 * @application: (nullable): the application the window belongs to
 * @manager: the manager that signs accounts in and out
 *
 * Creates the main window, at the size and state saved when the last
 * one was closed. It shows no account until iwd_window_set_account() or
 * iwd_window_sign_in_last() is called.
 *
 * Returns: (transfer full): a new #IwdWindow
 */
IwdWindow *
iwd_window_new (GtkApplication    *application,
                IwdAccountManager *manager)
{
  g_return_val_if_fail (application == NULL || GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_MANAGER (manager), NULL);

  return g_object_new (IWD_TYPE_WINDOW,
                       "application", application,
                       "manager", manager,
                       NULL);
}

/**
 * iwd_window_get_manager:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the manager that signs accounts in and out
 */
IwdAccountManager *
iwd_window_get_manager (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->manager;
}

/**
 * iwd_window_get_account:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the account shown, or %NULL
 *   before the first sign-in and after a sign-out
 */
IwdAccount *
iwd_window_get_account (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->account;
}

/**
 * iwd_window_get_client:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the client of the account shown,
 *   which the pages load from
 */
IwdClient *
iwd_window_get_client (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->account != NULL ? iwd_account_get_client (self->account) : NULL;
}

/**
 * iwd_window_get_account_state:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the local state of the account
 *   shown: its portfolios and remembered profile values
 */
IwdAccountState *
iwd_window_get_account_state (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->account != NULL ? iwd_account_get_state (self->account) : NULL;
}

/**
 * iwd_window_get_page:
 * @self: a #IwdWindow
 *
 * Returns: (nullable): what the window shows: `loading` while an account
 *   signs in or out, `sign-in`, `main`, or `retry` after a network error
 *   at sign-in from the keyring
 */
const char *
iwd_window_get_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  if (self->main_stack == NULL)
    return NULL;

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/**
 * iwd_window_get_companies_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the page that lists the companies
 */
IwdCompaniesPage *
iwd_window_get_companies_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->companies_page;
}

/**
 * iwd_window_get_sign_in_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the sign-in page
 */
IwdSignInPage *
iwd_window_get_sign_in_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->sign_in_page;
}

/**
 * iwd_window_set_account:
 * @self: a #IwdWindow
 * @account: a signed-in account
 *
 * Shows the pages of @account, cancelling what the previous account was
 * loading. The window keeps @account for switching back to it without
 * the keyring.
 */
void
iwd_window_set_account (IwdWindow  *self,
                        IwdAccount *account)
{
  g_autofree char *key = NULL;

  g_return_if_fail (IWD_IS_WINDOW (self));
  g_return_if_fail (IWD_IS_ACCOUNT (account));

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  iwd_sign_in_page_cancel (self->sign_in_page);

  key = iwd_account_key_new (iwd_account_get_id (account));
  g_hash_table_replace (self->accounts, g_strdup (key), g_object_ref (account));
  g_set_object (&self->account, account);

  set_pages_account (self, account);
  adw_view_switcher_title_set_subtitle (self->switcher_title, iwd_account_get_title (account));
  set_account_key (self, key);
  show_page (self, "main");
  refresh_account_menu (self);
  report_recovered_state (self, account);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ACCOUNT]);
}

/**
 * iwd_window_sign_in_last:
 * @self: a #IwdWindow
 *
 * Signs in the last account with its password from the keyring. Without
 * a last account the sign-in page shows. When the keyring fails or the
 * server rejects the password, it shows with the login filled and the
 * reason. When the server cannot be reached, a page shows the error and
 * a Retry button that signs in again with the saved password.
 */
void
iwd_window_sign_in_last (IwdWindow *self)
{
  g_autoptr(IwdAccountId) id = NULL;

  g_return_if_fail (IWD_IS_WINDOW (self));

  id = iwd_account_manager_dup_last_account (self->manager);
  if (id == NULL)
    {
      show_page (self, "sign-in");
      refresh_account_menu (self);
      return;
    }

  restore (self, id);
}

/**
 * iwd_window_switch_account:
 * @self: a #IwdWindow
 * @id: a known account
 *
 * Shows the pages of @id: at once if it was signed in during this
 * session, or else after signing it in with the keyring's password.
 */
void
iwd_window_switch_account (IwdWindow          *self,
                           const IwdAccountId *id)
{
  g_autofree char *key = NULL;
  IwdAccount *account;

  g_return_if_fail (IWD_IS_WINDOW (self));
  g_return_if_fail (id != NULL);

  key = iwd_account_key_new (id);
  account = g_hash_table_lookup (self->accounts, key);
  g_info ("ui: switching to %s on %s", id->login, id->server);

  if (account == NULL)
    {
      restore (self, id);
      return;
    }

  /* The demo and the other session-only accounts would not sign in at
   * the next start, so they are not recorded as the last account. */
  if (!iwd_account_get_session_only (account))
    iwd_account_manager_remember_last (self->manager, account);
  iwd_window_set_account (self, account);
}

/**
 * iwd_window_add_toast:
 * @self: a #IwdWindow
 * @toast: (transfer full): the toast to show
 *
 * Shows @toast over the current page, so that any page can report the
 * outcome of an operation without a dialog.
 */
void
iwd_window_add_toast (IwdWindow *self,
                      AdwToast  *toast)
{
  g_return_if_fail (IWD_IS_WINDOW (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

/**
 * iwd_window_get_portfolios_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the page that lists the account's portfolios
 */
IwdPortfoliosPage *
iwd_window_get_portfolios_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->portfolios_page;
}

/**
 * iwd_window_get_profiles_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the page that lists the robot's profiles
 */
IwdProfilesPage *
iwd_window_get_profiles_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->profiles_page;
}

/**
 * iwd_window_get_errors_page:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none): the page that lists the robot's errors
 */
IwdErrorsPage *
iwd_window_get_errors_page (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->errors_page;
}

/**
 * iwd_window_get_tab:
 * @self: a #IwdWindow
 *
 * Returns: (nullable): the name of the tab shown in the main content:
 *   `companies`, `portfolios`, `profiles` or `errors`
 */
const char *
iwd_window_get_tab (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return adw_view_stack_get_visible_child_name (self->view_stack);
}

/**
 * iwd_window_get_error_monitor:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the monitor of the robot errors
 *   of the account shown, or %NULL while no account is shown
 */
IwdErrorMonitor *
iwd_window_get_error_monitor (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->monitor;
}

/**
 * iwd_window_get_editor_window:
 * @self: a #IwdWindow
 *
 * Returns: (transfer none) (nullable): the window of the profile editor
 *   open, whose content holds an #IwdProfileEditor, or %NULL
 */
GtkWindow *
iwd_window_get_editor_window (IwdWindow *self)
{
  g_return_val_if_fail (IWD_IS_WINDOW (self), NULL);

  return self->editor_window;
}

/**
 * iwd_window_open_local_file:
 * @self: a window
 * @file: a contracts list or a commission statement
 *
 * Shows @file in a window of its own, as Ctrl+O does once the file is
 * chosen: for a file given on the command line or from a file manager.
 */
void
iwd_window_open_local_file (IwdWindow *self,
                            GFile     *file)
{
  GtkWidget *view;

  g_return_if_fail (IWD_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  view = new_local_file_window (self);
  iwd_local_file_view_load_async (IWD_LOCAL_FILE_VIEW (view), file, NULL, on_local_file_loaded, NULL);
}
