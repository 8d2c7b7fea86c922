/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-form-message.h"
#include "iwd-portfolio-form.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-resources.h"
#include "iwd-profile-id.h"

/**
 * IwdPortfolioForm:
 *
 * The form that creates a portfolio: its id, label, months of history
 * and the four options. Create posts it to the robot, then records it in
 * the account state, because ImportWeb cannot list portfolios. A problem
 * shows next to its field, and nothing typed is lost on failure.
 */
struct _IwdPortfolioForm
{
  GtkWidget          parent_instance;

  IwdClient         *client;             /* owned */
  IwdAccountState   *account_state;      /* owned */
  IwdErrorFormatter  formatter;
  GCancellable      *cancellable;        /* owned, nullable: the creation under way */
  char              *error_message;      /* owned, nullable: the sentence shown */
  char              *portfolio_id;       /* owned: the id typed, without surrounding spaces */

  AdwEntryRow       *id_row;             /* template child */
  GtkWidget         *id_message_row;     /* template child */
  AdwEntryRow       *label_row;          /* template child */
  GtkWidget         *label_message_row;  /* template child */
  GtkSpinButton     *months_spin;        /* template child */
  GtkSwitch         *documents_switch;   /* template child */
  GtkSwitch         *members_switch;     /* template child */
  GtkSwitch         *fleets_switch;      /* template child */
  GtkSwitch         *funds_switch;       /* template child */
  GtkLabel          *error_label;        /* template child */
  GtkSpinner        *busy_spinner;       /* template child */
};

G_DEFINE_FINAL_TYPE (IwdPortfolioForm, iwd_portfolio_form, GTK_TYPE_WIDGET)

enum {
  SIGNAL_CREATED,
  SIGNAL_CANCELLED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_id_problem (IwdPortfolioForm *self,
                const char       *id)
{
  g_auto(GStrv) taken = iwd_account_state_list_portfolios (self->account_state);

  if (*id == '\0')
    return g_strdup (_("Type a portfolio id, such as your own code for the client firm."));

  if (g_strv_contains ((const char * const *) taken, id))
    /* Translators: %s is the portfolio id the user typed */
    return g_strdup_printf (_("This account already has a portfolio with the id “%s”. Choose another id."),
                            id);

  /* Portfolio ids follow the same rules as profile ids. */
  return iwd_profile_id_dup_problem (id, NULL);
}

static void
show_error (IwdPortfolioForm *self,
            char             *message)
{
  g_free (self->error_message);
  self->error_message = message;
  gtk_label_set_text (self->error_label, message != NULL ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

static void
set_busy (IwdPortfolioForm *self,
          gboolean          busy)
{
  gtk_spinner_set_spinning (self->busy_spinner, busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "portfolio-form.create", !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->id_row), !busy);
  gtk_widget_set_sensitive (GTK_WIDGET (self->label_row), !busy);
}

/* Checks the id and the label, and shows each problem under its row. */
static gboolean
check_fields (IwdPortfolioForm *self)
{
  g_autofree char *id_problem = dup_id_problem (self, iwd_portfolio_form_get_portfolio_id (self));
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  const char *label_problem = NULL;

  if (*label == '\0')
    label_problem = _("Type a label, such as the client firm’s name.");

  iwd_form_message_show (GTK_WIDGET (self->id_row), self->id_message_row, id_problem);
  iwd_form_message_show (GTK_WIDGET (self->label_row), self->label_message_row, label_problem);

  return id_problem == NULL && label_problem == NULL;
}

/* Starts the sentence with what failed and that the fields are kept, so
 * that the broker corrects them or tries again without typing them anew. */
static char *
dup_creation_error (IwdPortfolioForm *self,
                    const GError     *error)
{
  g_autofree char *reason = iwd_portfolio_dup_error_message (self->formatter, error);

  /* Translators: the first %s is what failed, the second the reason */
  return g_strdup_printf (C_("error sentence", "%s %s"),
                          _("The portfolio was not created. Everything you typed is kept."),
                          reason);
}

/* Records the new portfolio in the account state: without it, IWDesk
 * would no longer find the portfolio, which the robot cannot list. */
static gboolean
remember_portfolio (IwdPortfolioForm          *self,
                    const char                *portfolio_id,
                    const IwdPortfolioOptions *options,
                    GError                   **error)
{
  if (!iwd_account_state_add_portfolio (self->account_state, portfolio_id, options, error))
    return FALSE;

  return iwd_account_state_save (self->account_state, error);
}

static void
portfolio_created_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(IwdPortfolioForm) self = user_data;
  g_autoptr(IwdPortfolioOptions) options = NULL;
  g_autoptr(GError) error = NULL;
  const char *id;

  if (!iwd_client_create_portfolio_finish (IWD_CLIENT (source), result, &error)
      && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  id = iwd_portfolio_form_get_portfolio_id (self);
  if (error != NULL)
    {
      g_message ("portfolio: cannot create portfolio %s: %s", id, error->message);
      show_error (self, dup_creation_error (self, error));
      return;
    }

  options = iwd_portfolio_form_dup_options (self);
  if (!remember_portfolio (self, id, options, &error))
    {
      g_message ("portfolio: portfolio %s created, but not saved in the account state: %s",
                 id, error->message);
      /* Translators: %s is a technical detail in English, for support */
      show_error (self, g_strdup_printf (_("ImportWeb created the portfolio, but IWDesk could not save it in this account’s files. Details: %s"),
                                         error->message));
      return;
    }

  g_signal_emit (self, signals[SIGNAL_CREATED], 0, id);
}

static void
id_changed_cb (IwdPortfolioForm *self)
{
  g_free (self->portfolio_id);
  self->portfolio_id = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->id_row))));
  iwd_form_message_show (GTK_WIDGET (self->id_row), self->id_message_row, NULL);
}

static void
label_changed_cb (IwdPortfolioForm *self)
{
  iwd_form_message_show (GTK_WIDGET (self->label_row), self->label_message_row, NULL);
}

static void
entry_activated_cb (IwdPortfolioForm *self)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "portfolio-form.create", NULL);
}

static void
create_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_portfolio_form_submit (IWD_PORTFOLIO_FORM (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  IwdPortfolioForm *self = IWD_PORTFOLIO_FORM (widget);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  set_busy (self, FALSE);
  g_signal_emit (self, signals[SIGNAL_CANCELLED], 0);
}

static void
iwd_portfolio_form_dispose (GObject *object)
{
  IwdPortfolioForm *self = IWD_PORTFOLIO_FORM (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PORTFOLIO_FORM);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);

  G_OBJECT_CLASS (iwd_portfolio_form_parent_class)->dispose (object);
}

static void
iwd_portfolio_form_finalize (GObject *object)
{
  IwdPortfolioForm *self = IWD_PORTFOLIO_FORM (object);

  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->portfolio_id, g_free);

  G_OBJECT_CLASS (iwd_portfolio_form_parent_class)->finalize (object);
}

static void
bind_template (GtkWidgetClass *widget_class)
{
  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-portfolio-form.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, id_row);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, id_message_row);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, label_row);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, label_message_row);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, months_spin);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, documents_switch);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, members_switch);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, fleets_switch);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, funds_switch);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, error_label);
  gtk_widget_class_bind_template_child (widget_class, IwdPortfolioForm, busy_spinner);
  gtk_widget_class_bind_template_callback (widget_class, id_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, label_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, entry_activated_cb);
}

static void
iwd_portfolio_form_class_init (IwdPortfolioFormClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_portfolio_form_dispose;
  object_class->finalize = iwd_portfolio_form_finalize;

  /**
   * IwdPortfolioForm::created:
   * @self: the form
   * @portfolio_id: the id of the new portfolio
   *
   * Emitted once the robot has the portfolio and the account state
   * records it.
   */
  signals[SIGNAL_CREATED] =
    g_signal_new ("created", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  /**
   * IwdPortfolioForm::cancelled:
   * @self: the form
   *
   * Emitted when the broker leaves the form without creating anything.
   */
  signals[SIGNAL_CANCELLED] =
    g_signal_new ("cancelled", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_install_action (widget_class, "portfolio-form.create", NULL, create_action);
  gtk_widget_class_install_action (widget_class, "portfolio-form.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "portfolio-form.cancel", NULL);

  bind_template (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_portfolio_form_init (IwdPortfolioForm *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->portfolio_id = g_strdup ("");
}

/**
 * iwd_portfolio_form_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, loaded
 *
 * Returns: (transfer floating): a new, empty #IwdPortfolioForm
 */
GtkWidget *
iwd_portfolio_form_new (IwdClient       *client,
                        IwdAccountState *state)
{
  IwdPortfolioForm *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);

  self = g_object_new (IWD_TYPE_PORTFOLIO_FORM, NULL);
  self->client = g_object_ref (client);
  self->account_state = g_object_ref (state);

  return GTK_WIDGET (self);
}

/**
 * iwd_portfolio_form_set_error_formatter:
 * @self: a #IwdPortfolioForm
 * @formatter: (nullable): the function that words the client's errors, or %NULL for
 *   iwd_portfolio_dup_error_message()'s default
 *
 * Chooses how the form words a failed creation.
 */
void
iwd_portfolio_form_set_error_formatter (IwdPortfolioForm  *self,
                                        IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_FORM (self));

  self->formatter = formatter;
}

/**
 * iwd_portfolio_form_set_portfolio_id:
 * @self: a #IwdPortfolioForm
 * @portfolio_id: the text of the id field
 *
 * Types @portfolio_id in the id field, as the broker would.
 */
void
iwd_portfolio_form_set_portfolio_id (IwdPortfolioForm *self,
                                     const char       *portfolio_id)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_FORM (self));

  gtk_editable_set_text (GTK_EDITABLE (self->id_row), portfolio_id != NULL ? portfolio_id : "");
}

/**
 * iwd_portfolio_form_get_portfolio_id:
 * @self: a #IwdPortfolioForm
 *
 * Returns: the id field's text, without surrounding spaces
 */
const char *
iwd_portfolio_form_get_portfolio_id (IwdPortfolioForm *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), NULL);

  return self->portfolio_id;
}

/**
 * iwd_portfolio_form_set_options:
 * @self: a #IwdPortfolioForm
 * @options: the label, months and options to show
 *
 * Fills the form's other fields, as the broker would.
 */
void
iwd_portfolio_form_set_options (IwdPortfolioForm          *self,
                                const IwdPortfolioOptions *options)
{
  g_return_if_fail (IWD_IS_PORTFOLIO_FORM (self));
  g_return_if_fail (options != NULL);

  gtk_editable_set_text (GTK_EDITABLE (self->label_row), options->label != NULL ? options->label : "");
  gtk_spin_button_set_value (self->months_spin, options->months);
  gtk_switch_set_active (self->documents_switch, options->documents);
  gtk_switch_set_active (self->members_switch, options->members);
  gtk_switch_set_active (self->fleets_switch, options->fleets);
  gtk_switch_set_active (self->funds_switch, options->funds);
}

/**
 * iwd_portfolio_form_dup_options:
 * @self: a #IwdPortfolioForm
 *
 * Returns: (transfer full): the options as the form shows them
 */
IwdPortfolioOptions *
iwd_portfolio_form_dup_options (IwdPortfolioForm *self)
{
  g_autofree char *label = NULL;
  IwdPortfolioOptions *options;

  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), NULL);

  label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->label_row))));
  options = iwd_portfolio_options_new (label, gtk_spin_button_get_value_as_int (self->months_spin));
  options->documents = gtk_switch_get_active (self->documents_switch);
  options->members = gtk_switch_get_active (self->members_switch);
  options->fleets = gtk_switch_get_active (self->fleets_switch);
  options->funds = gtk_switch_get_active (self->funds_switch);

  return options;
}

/**
 * iwd_portfolio_form_clear:
 * @self: a #IwdPortfolioForm
 *
 * Empties the form for another portfolio and removes the problems shown.
 */
void
iwd_portfolio_form_clear (IwdPortfolioForm *self)
{
  g_autoptr(IwdPortfolioOptions) defaults = iwd_portfolio_options_new ("", IWD_PORTFOLIO_FORM_DEFAULT_MONTHS);

  g_return_if_fail (IWD_IS_PORTFOLIO_FORM (self));

  iwd_portfolio_form_set_portfolio_id (self, "");
  iwd_portfolio_form_set_options (self, defaults);
  iwd_form_message_show (GTK_WIDGET (self->id_row), self->id_message_row, NULL);
  iwd_form_message_show (GTK_WIDGET (self->label_row), self->label_message_row, NULL);
  show_error (self, NULL);
}

/**
 * iwd_portfolio_form_submit:
 * @self: a #IwdPortfolioForm
 *
 * Checks the fields and, if they are valid, creates the portfolio on the
 * robot, as the Create button does. #IwdPortfolioForm::created follows a
 * success; a failure shows in the form.
 */
void
iwd_portfolio_form_submit (IwdPortfolioForm *self)
{
  g_autoptr(IwdPortfolioOptions) options = NULL;

  g_return_if_fail (IWD_IS_PORTFOLIO_FORM (self));

  show_error (self, NULL);
  if (self->cancellable != NULL || !check_fields (self))
    return;

  options = iwd_portfolio_form_dup_options (self);
  self->cancellable = g_cancellable_new ();
  set_busy (self, TRUE);
  iwd_client_create_portfolio_async (self->client, iwd_portfolio_form_get_portfolio_id (self),
                                     options, self->cancellable,
                                     portfolio_created_cb, g_object_ref (self));
}

/**
 * iwd_portfolio_form_get_busy:
 * @self: a #IwdPortfolioForm
 *
 * Returns: whether a creation is under way
 */
gboolean
iwd_portfolio_form_get_busy (IwdPortfolioForm *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * iwd_portfolio_form_get_id_problem:
 * @self: a #IwdPortfolioForm
 *
 * Returns: (nullable): the sentence shown under the id field, or %NULL
 */
const char *
iwd_portfolio_form_get_id_problem (IwdPortfolioForm *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), NULL);

  return iwd_form_message_get (self->id_message_row);
}

/**
 * iwd_portfolio_form_get_label_problem:
 * @self: a #IwdPortfolioForm
 *
 * Returns: (nullable): the sentence shown under the label field, or %NULL
 */
const char *
iwd_portfolio_form_get_label_problem (IwdPortfolioForm *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), NULL);

  return iwd_form_message_get (self->label_message_row);
}

/**
 * iwd_portfolio_form_get_error_message:
 * @self: a #IwdPortfolioForm
 *
 * Returns: (nullable): the sentence shown for the last failed creation,
 *   or %NULL
 */
const char *
iwd_portfolio_form_get_error_message (IwdPortfolioForm *self)
{
  g_return_val_if_fail (IWD_IS_PORTFOLIO_FORM (self), NULL);

  return self->error_message;
}
