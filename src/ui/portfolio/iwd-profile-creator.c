/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-company.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-resources.h"
#include "iwd-profile-creator.h"

/**
 * IwdProfileCreator:
 *
 * The window that creates a profile inside a portfolio: the broker
 * chooses the company, then fills its credential form, which posts the
 * profile into the portfolio. The window closes once the profile is
 * saved.
 */
struct _IwdProfileCreator
{
  AdwWindow             parent_instance;

  IwdClient            *client;          /* owned */
  IwdAccountState      *account_state;   /* owned */
  IwdSecretStore       *secrets;         /* owned */
  char                 *portfolio_id;    /* owned */
  IwdErrorFormatter     formatter;
  GCancellable         *cancellable;     /* owned: cancelled on dispose */

  GtkButton            *back_button;     /* template child */
  GtkStack             *stack;           /* template child */
  AdwPreferencesGroup  *companies_group; /* template child */
  AdwStatusPage        *error_status;    /* template child */
  AdwBin               *editor_bin;      /* template child */
};

G_DEFINE_FINAL_TYPE (IwdProfileCreator, iwd_profile_creator, ADW_TYPE_WINDOW)

enum {
  SIGNAL_SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
unref_company (gpointer  data,
               GClosure *closure)
{
  g_object_unref (data);
}

static void
company_activated_cb (AdwActionRow *row,
                      IwdCompany   *company)
{
  IwdProfileCreator *self = IWD_PROFILE_CREATOR (gtk_widget_get_root (GTK_WIDGET (row)));

  iwd_profile_creator_choose_company (self, iwd_company_get_name (company),
                                      iwd_company_get_label (company));
}

/* The company list may give a bare name with no label. */
static const char *
get_company_title (IwdCompany *company)
{
  const char *label = iwd_company_get_label (company);

  return label != NULL ? label : iwd_company_get_name (company);
}

/* The company list comes in the server's order, and the broker looks for
 * a company by the title of its row. */
static int
compare_company_titles (gconstpointer a,
                        gconstpointer b)
{
  g_autofree char *folded_a = g_utf8_casefold (get_company_title (*(IwdCompany * const *) a), -1);
  g_autofree char *folded_b = g_utf8_casefold (get_company_title (*(IwdCompany * const *) b), -1);

  return g_utf8_collate (folded_a, folded_b);
}

static GtkWidget *
create_company_row (IwdCompany *company)
{
  GtkWidget *row = adw_action_row_new ();

  /* Company labels come from the API as they are, never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), get_company_title (company));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  g_signal_connect_data (row, "activated", G_CALLBACK (company_activated_cb),
                         g_object_ref (company), unref_company, 0);

  return row;
}

static void
companies_listed_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GPtrArray) companies = NULL;
  g_autoptr(GError) error = NULL;
  IwdProfileCreator *self;
  g_autofree char *message = NULL;

  companies = iwd_client_list_companies_finish (IWD_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = IWD_PROFILE_CREATOR (user_data);
  if (error != NULL)
    {
      g_message ("portfolio: cannot list the companies: %s", error->message);
      message = iwd_portfolio_dup_error_message (self->formatter, error);
      adw_status_page_set_description (self->error_status, message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      return;
    }

  g_ptr_array_sort (companies, compare_company_titles);
  for (guint i = 0; i < companies->len; i++)
    adw_preferences_group_add (self->companies_group, create_company_row (g_ptr_array_index (companies, i)));
  gtk_stack_set_visible_child_name (self->stack, "companies");
}

static void
editor_saved_cb (IwdProfileCreator *self,
                 const char        *profile_id)
{
  g_signal_emit (self, signals[SIGNAL_SAVED], 0, profile_id);
  gtk_window_close (GTK_WINDOW (self));
}

static void
back_clicked_cb (IwdProfileCreator *self)
{
  adw_bin_set_child (self->editor_bin, NULL);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), FALSE);
  gtk_stack_set_visible_child_name (self->stack, "companies");
}

static void
iwd_profile_creator_dispose (GObject *object)
{
  IwdProfileCreator *self = IWD_PROFILE_CREATOR (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PROFILE_CREATOR);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);
  g_clear_object (&self->secrets);

  G_OBJECT_CLASS (iwd_profile_creator_parent_class)->dispose (object);
}

static void
iwd_profile_creator_finalize (GObject *object)
{
  IwdProfileCreator *self = IWD_PROFILE_CREATOR (object);

  g_clear_pointer (&self->portfolio_id, g_free);

  G_OBJECT_CLASS (iwd_profile_creator_parent_class)->finalize (object);
}

static void
iwd_profile_creator_class_init (IwdProfileCreatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_profile_creator_dispose;
  object_class->finalize = iwd_profile_creator_finalize;

  /**
   * IwdProfileCreator::saved:
   * @self: the window
   * @profile_id: the id of the new profile
   *
   * Emitted once the robot has the profile in the portfolio, just
   * before the window closes.
   */
  signals[SIGNAL_SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                        0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_STRING);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-profile-creator.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdProfileCreator, back_button);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileCreator, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileCreator, companies_group);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileCreator, error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileCreator, editor_bin);
  gtk_widget_class_bind_template_callback (widget_class, back_clicked_cb);
}

static void
iwd_profile_creator_init (IwdProfileCreator *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->cancellable = g_cancellable_new ();
}

/**
 * iwd_profile_creator_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, loaded
 * @secrets: the keyring store
 * @portfolio_id: the portfolio that the new profile goes into
 *
 * Creates the window and starts listing the companies.
 *
 * Returns: (transfer full): a new #IwdProfileCreator
 */
GtkWidget *
iwd_profile_creator_new (IwdClient       *client,
                         IwdAccountState *state,
                         IwdSecretStore  *secrets,
                         const char      *portfolio_id)
{
  IwdProfileCreator *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (IWD_IS_SECRET_STORE (secrets), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_PROFILE_CREATOR, NULL);
  self->client = g_object_ref (client);
  self->account_state = g_object_ref (state);
  self->secrets = g_object_ref (secrets);
  self->portfolio_id = g_strdup (portfolio_id);

  gtk_stack_set_visible_child_name (self->stack, "loading");
  iwd_client_list_companies_async (client, self->cancellable, companies_listed_cb, self);

  return GTK_WIDGET (self);
}

/**
 * iwd_profile_creator_set_error_formatter:
 * @self: a #IwdProfileCreator
 * @formatter: (nullable): the function that words the client's errors
 *
 * Chooses how the window and its credential form word the errors.
 */
void
iwd_profile_creator_set_error_formatter (IwdProfileCreator *self,
                                         IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_PROFILE_CREATOR (self));

  self->formatter = formatter;
}

/**
 * iwd_profile_creator_choose_company:
 * @self: a #IwdProfileCreator
 * @company: the company's name, as the company list gives it
 * @company_label: (nullable): the company's label
 *
 * Shows the credential form of @company, as a click on its row does.
 */
void
iwd_profile_creator_choose_company (IwdProfileCreator *self,
                                    const char        *company,
                                    const char        *company_label)
{
  GtkWidget *editor;

  g_return_if_fail (IWD_IS_PROFILE_CREATOR (self));
  g_return_if_fail (company != NULL);

  editor = iwd_profile_editor_new (self->client, self->account_state, self->secrets,
                                   company, company_label, NULL, self->portfolio_id);
  if (self->formatter != NULL)
    iwd_profile_editor_set_error_formatter (IWD_PROFILE_EDITOR (editor), self->formatter);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved_cb), self, G_CONNECT_SWAPPED);

  adw_bin_set_child (self->editor_bin, editor);
  gtk_widget_set_visible (GTK_WIDGET (self->back_button), TRUE);
  gtk_stack_set_visible_child_name (self->stack, "editor");
}

/**
 * iwd_profile_creator_get_editor:
 * @self: a #IwdProfileCreator
 *
 * Returns: (transfer none) (nullable): the credential form shown, or
 *   %NULL while the company is being chosen
 */
IwdProfileEditor *
iwd_profile_creator_get_editor (IwdProfileCreator *self)
{
  GtkWidget *child;

  g_return_val_if_fail (IWD_IS_PROFILE_CREATOR (self), NULL);

  child = adw_bin_get_child (self->editor_bin);

  return child != NULL ? IWD_PROFILE_EDITOR (child) : NULL;
}
