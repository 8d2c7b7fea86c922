/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-api-error.h"
#include "iwd-error-message.h"
#include "iwd-sign-in-page.h"

struct _IwdSignInPage
{
  GtkWidget           parent_instance;

  IwdAccountManager  *manager;             /* owned, nullable */
  GCancellable       *cancellable;         /* owned, nullable: the check under way */
  char               *error_message;       /* owned, nullable: the sentence shown */
  gboolean            busy;

  AdwEntryRow        *login_row;           /* template child */
  AdwEntryRow        *password_row;        /* template child */
  AdwExpanderRow     *server_row;          /* template child */
  GtkCheckButton     *production_check;    /* template child */
  GtkCheckButton     *custom_check;        /* template child */
  AdwEntryRow        *server_url_row;      /* template child */
  GtkLabel           *server_error_label;  /* template child */
  GtkLabel           *error_label;         /* template child */
  GtkSpinner         *spinner;             /* template child */
  GtkButton          *cancel_button;       /* template child */
  GtkButton          *sign_in_button;      /* template child */
};

G_DEFINE_FINAL_TYPE (IwdSignInPage, iwd_sign_in_page, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_MANAGER,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  SIGNAL_SIGNED_IN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const char *
get_text (AdwEntryRow *row)
{
  return gtk_editable_get_text (GTK_EDITABLE (row));
}

/* The server the form names, or NULL when "another server" is chosen
 * without an address.
 * TODO: the address keys the keyring as typed, like iwdesk-cli --server,
 * so one typed with and one without the final slash are two accounts. */
static char *
dup_chosen_server (IwdSignInPage *self)
{
  g_autofree char *url = NULL;

  if (gtk_check_button_get_active (self->production_check))
    return iwd_account_manager_dup_production_server (self->manager);

  url = g_strstrip (g_strdup (get_text (self->server_url_row)));
  if (url[0] == '\0')
    return NULL;

  return g_steal_pointer (&url);
}

/* Whether @row holds more than spaces. */
static gboolean
has_text (AdwEntryRow *row)
{
  for (const char *c = get_text (row); *c != '\0'; c++)
    if (!g_ascii_isspace (*c))
      return TRUE;

  return FALSE;
}

static gboolean
is_complete (IwdSignInPage *self)
{
  if (!has_text (self->login_row) || get_text (self->password_row)[0] == '\0')
    return FALSE;

  return gtk_check_button_get_active (self->production_check) || has_text (self->server_url_row);
}

static void
update_actions (IwdSignInPage *self)
{
  gboolean can_submit = self->manager != NULL && !self->busy && is_complete (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.submit", can_submit);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "sign-in.cancel", self->busy);
}

static void
set_busy (IwdSignInPage *self,
          gboolean       busy)
{
  self->busy = busy;

  gtk_widget_set_visible (GTK_WIDGET (self->spinner), busy);
  gtk_spinner_set_spinning (self->spinner, busy);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->login_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->password_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_row), !busy);
  update_actions (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_server_error (IwdSignInPage *self,
                  const char    *message)
{
  gtk_label_set_label (self->server_error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->server_error_label), message != NULL);

  if (message != NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->server_url_row), "error");
      adw_expander_row_set_expanded (self->server_row, TRUE);
    }
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->server_url_row), "error");
}

/* Shows @message under the form, or hides it for %NULL. @can_retry turns
 * the button into Retry, for errors that the same values may not give
 * again. */
static void
set_error (IwdSignInPage *self,
           const char    *message,
           gboolean       can_retry)
{
  g_free (self->error_message);
  self->error_message = g_strdup (message);

  gtk_label_set_label (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
  gtk_button_set_label (self->sign_in_button, can_retry ? _("_Retry") : _("_Sign In"));
}

static void
clear_password (IwdSignInPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->password_row), "");
}

static void
focus_password (IwdSignInPage *self)
{
  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
}

static void
set_server (IwdSignInPage *self,
            const char    *server)
{
  g_autofree char *production = NULL;

  if (self->manager != NULL)
    production = iwd_account_manager_dup_production_server (self->manager);

  if (server == NULL || g_strcmp0 (server, production) == 0)
    {
      gtk_check_button_set_active (self->production_check, TRUE);
      gtk_editable_set_text (GTK_EDITABLE (self->server_url_row), "");
      return;
    }

  gtk_check_button_set_active (self->custom_check, TRUE);
  gtk_editable_set_text (GTK_EDITABLE (self->server_url_row), server);
}

static gboolean
is_url_error (const GError *error)
{
  return error->domain == G_URI_ERROR ||
         g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL);
}

static void
show_sign_in_error (IwdSignInPage *self,
                    const GError  *error)
{
  g_autofree char *message = NULL;

  if (is_url_error (error))
    {
      if (error->domain == G_URI_ERROR)
        message = g_strdup (_("This server address is not valid. Type an address such as https://server.example/."));
      else
        message = iwd_error_dup_user_message (error);
      set_server_error (self, message);
      gtk_widget_grab_focus (GTK_WIDGET (self->server_url_row));
      return;
    }

  message = iwd_error_dup_user_message (error);

  if (g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED))
    {
      set_error (self, message, FALSE);
      clear_password (self);
      focus_password (self);
      return;
    }

  set_error (self, message,
             g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_NETWORK) ||
             g_error_matches (error, IWD_API_ERROR, IWD_API_ERROR_TIMEOUT));
}

static void
signed_in_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(IwdSignInPage) self = user_data;
  g_autoptr(IwdAccount) account = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  account = iwd_account_manager_sign_in_finish (IWD_ACCOUNT_MANAGER (source), result, &error);

  /* A cancellation comes from iwd_sign_in_page_cancel() or dispose, which
   * have already left the busy state. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);

  if (account == NULL)
    {
      show_sign_in_error (self, error);
      return;
    }

  /* The handler gets its own copy, so the field can be cleared now. */
  password = g_strdup (get_text (self->password_row));
  clear_password (self);
  g_signal_emit (self, signals[SIGNAL_SIGNED_IN], 0, account, password);
  memset (password, 0, strlen (password));
}

static void
submit (IwdSignInPage *self)
{
  g_autofree char *server = dup_chosen_server (self);
  g_autofree char *login = g_strstrip (g_strdup (get_text (self->login_row)));
  g_autoptr(IwdAccountId) id = NULL;

  g_autoptr(GError) error = NULL;

  if (server == NULL || self->busy)
    return;

  set_error (self, NULL, FALSE);
  set_server_error (self, NULL);

  /* A bad address is shown at once, without waiting for a reply. */
  if (!iwd_api_check_url (server, &error))
    {
      show_sign_in_error (self, error);
      return;
    }

  set_busy (self, TRUE);

  id = iwd_account_id_new (server, login);
  self->cancellable = g_cancellable_new ();
  iwd_account_manager_sign_in_async (self->manager, id, get_text (self->password_row),
                                     self->cancellable, signed_in_cb, g_object_ref (self));
}

static void
fields_changed_cb (IwdSignInPage *self)
{
  update_actions (self);
}

static void
entry_activated_cb (IwdSignInPage *self)
{
  if (gtk_widget_is_sensitive (GTK_WIDGET (self)) && !self->busy && is_complete (self))
    submit (self);
}

static void
server_choice_toggled_cb (IwdSignInPage *self)
{
  gboolean production = gtk_check_button_get_active (self->production_check);

  adw_expander_row_set_subtitle (self->server_row,
                                 production ? _("ImportWeb (production)") : _("Another server"));
  set_server_error (self, NULL);
  update_actions (self);

  if (!production)
    gtk_widget_grab_focus (GTK_WIDGET (self->server_url_row));
}

static void
submit_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  submit (IWD_SIGN_IN_PAGE (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_sign_in_page_cancel (IWD_SIGN_IN_PAGE (widget));
}

static void
iwd_sign_in_page_dispose (GObject *object)
{
  IwdSignInPage *self = IWD_SIGN_IN_PAGE (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  /* GTK 4.8 unparents only the bound template children, and the
   * scrolled window at the top is not one. */
  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_SIGN_IN_PAGE);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->manager);

  G_OBJECT_CLASS (iwd_sign_in_page_parent_class)->dispose (object);
}

static void
iwd_sign_in_page_finalize (GObject *object)
{
  IwdSignInPage *self = IWD_SIGN_IN_PAGE (object);

  g_clear_pointer (&self->error_message, g_free);

  G_OBJECT_CLASS (iwd_sign_in_page_parent_class)->finalize (object);
}

static void
iwd_sign_in_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdSignInPage *self = IWD_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      g_value_set_object (value, self->manager);
      break;

    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_sign_in_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IwdSignInPage *self = IWD_SIGN_IN_PAGE (object);

  switch (prop_id)
    {
    case PROP_MANAGER:
      iwd_sign_in_page_set_manager (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_sign_in_page_class_init (IwdSignInPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_sign_in_page_dispose;
  object_class->finalize = iwd_sign_in_page_finalize;
  object_class->get_property = iwd_sign_in_page_get_property;
  object_class->set_property = iwd_sign_in_page_set_property;

  properties[PROP_MANAGER] =
    g_param_spec_object ("manager", NULL, NULL,
                         IWD_TYPE_ACCOUNT_MANAGER,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL,
                          FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdSignInPage::signed-in:
   * @self: the page
   * @account: the account the server accepted
   * @password: its password, valid during the emission only
   *
   * Emitted once the server has accepted the login and password. Nothing
   * is stored yet: the handler keeps the password in the keyring.
   */
  signals[SIGNAL_SIGNED_IN] =
    g_signal_new ("signed-in",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, IWD_TYPE_ACCOUNT, G_TYPE_STRING | G_SIGNAL_TYPE_STATIC_SCOPE);

  gtk_widget_class_install_action (widget_class, "sign-in.submit", NULL, submit_action);
  gtk_widget_class_install_action (widget_class, "sign-in.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "sign-in.cancel", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/IWDesk/ui/iwd-sign-in-page.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, login_row);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, password_row);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, server_row);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, production_check);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, custom_check);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, server_url_row);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, server_error_label);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, error_label);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, spinner);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, IwdSignInPage, sign_in_button);
  gtk_widget_class_bind_template_callback (widget_class, fields_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, server_choice_toggled_cb);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_sign_in_page_init (IwdSignInPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_actions (self);
}

/**
 * iwd_sign_in_page_new:
 *
 * Creates the page where the broker types a HappyAssur login and
 * password, and chooses the server in an advanced section.
 *
 * Returns: (transfer full): a new #IwdSignInPage
 */
GtkWidget *
iwd_sign_in_page_new (void)
{
  return g_object_new (IWD_TYPE_SIGN_IN_PAGE, NULL);
}

/**
 * iwd_sign_in_page_get_manager:
 * @self: a sign-in page
 *
 * Returns: (transfer none) (nullable): the manager that checks passwords
 */
IwdAccountManager *
iwd_sign_in_page_get_manager (IwdSignInPage *self)
{
  g_return_val_if_fail (IWD_IS_SIGN_IN_PAGE (self), NULL);

  return self->manager;
}

/**
 * iwd_sign_in_page_set_manager:
 * @self: a sign-in page
 * @manager: (nullable): the manager that checks passwords
 *
 * Sets the manager, and proposes its default server.
 */
void
iwd_sign_in_page_set_manager (IwdSignInPage     *self,
                              IwdAccountManager *manager)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (manager == NULL || IWD_IS_ACCOUNT_MANAGER (manager));

  iwd_sign_in_page_cancel (self);
  if (!g_set_object (&self->manager, manager))
    return;

  iwd_sign_in_page_reset (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MANAGER]);
}

/**
 * iwd_sign_in_page_get_busy:
 * @self: a sign-in page
 *
 * Returns: %TRUE while the server checks the password
 */
gboolean
iwd_sign_in_page_get_busy (IwdSignInPage *self)
{
  g_return_val_if_fail (IWD_IS_SIGN_IN_PAGE (self), FALSE);

  return self->busy;
}

/**
 * iwd_sign_in_page_get_error_message:
 * @self: a sign-in page
 *
 * Returns: (nullable): the translated sentence shown under the form, or
 *   %NULL
 */
const char *
iwd_sign_in_page_get_error_message (IwdSignInPage *self)
{
  g_return_val_if_fail (IWD_IS_SIGN_IN_PAGE (self), NULL);

  return self->error_message;
}

/**
 * iwd_sign_in_page_reset:
 * @self: a sign-in page
 *
 * Empties the form for a new account, with the manager's default server.
 */
void
iwd_sign_in_page_reset (IwdSignInPage *self)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));

  iwd_sign_in_page_cancel (self);
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), "");
  clear_password (self);
  set_server (self, self->manager != NULL ? iwd_account_manager_get_default_server (self->manager) : NULL);
  set_error (self, NULL, FALSE);
  set_server_error (self, NULL);
  update_actions (self);
}

/**
 * iwd_sign_in_page_focus_form:
 * @self: a sign-in page
 *
 * Puts the focus in the first field left to type: the login, or the
 * password once the login is filled.
 */
void
iwd_sign_in_page_focus_form (IwdSignInPage *self)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));

  if (*gtk_editable_get_text (GTK_EDITABLE (self->login_row)) == '\0')
    gtk_widget_grab_focus (GTK_WIDGET (self->login_row));
  else
    focus_password (self);
}

/**
 * iwd_sign_in_page_prefill:
 * @self: a sign-in page
 * @id: the account to sign in again
 * @message: (nullable): why the password is needed
 *
 * Fills the login and server of @id and shows @message, for an account
 * whose saved password is missing or was refused.
 */
void
iwd_sign_in_page_prefill (IwdSignInPage      *self,
                          const IwdAccountId *id,
                          const char         *message)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));
  g_return_if_fail (id != NULL);

  iwd_sign_in_page_reset (self);
  gtk_editable_set_text (GTK_EDITABLE (self->login_row), id->login);
  set_server (self, id->server);
  set_error (self, message, FALSE);
  focus_password (self);
}

/**
 * iwd_sign_in_page_show_error:
 * @self: a sign-in page
 * @message: (nullable): a translated sentence, or %NULL to hide it
 *
 * Shows @message under the form, for an error that came after the
 * server accepted the password.
 */
void
iwd_sign_in_page_show_error (IwdSignInPage *self,
                             const char    *message)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));

  set_error (self, message, FALSE);
}

/**
 * iwd_sign_in_page_cancel:
 * @self: a sign-in page
 *
 * Stops the check under way, keeping what was typed.
 */
void
iwd_sign_in_page_cancel (IwdSignInPage *self)
{
  g_return_if_fail (IWD_IS_SIGN_IN_PAGE (self));

  if (self->cancellable == NULL)
    return;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
}
