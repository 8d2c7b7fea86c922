/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "iwd-collect-errors.h"
#include "iwd-collect-poll.h"
#include "iwd-contracts-tab.h"
#include "iwd-load-progress.h"
#include "iwd-portfolio-enums.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-resources.h"

/**
 * IwdContractsTab:
 *
 * A portfolio's contracts in the grid. While the robot is still
 * collecting them, the tab shows that and fetches them again on an interval
 * until rows arrive, then emits #IwdContractsTab::contracts-ready.
 */
struct _IwdContractsTab
{
  GtkWidget             parent_instance;

  IwdClient            *client;            /* owned */
  IwdAccountState      *account_state;     /* owned */
  char                 *portfolio_id;      /* owned */
  IwdErrorFormatter     formatter;
  GCancellable         *cancellable;       /* owned, nullable: the load under way */
  IwdContractsTabState  state;
  IwdContractsTabState  previous_state;    /* shown again when a load is cancelled */
  IwdCollectPoll       *poll;              /* owned */
  char                 *message;           /* owned, nullable: the sentence shown */
  GCancellable         *errors_cancellable; /* owned, nullable: the error list read while collecting */

  GtkStack             *stack;             /* template child */
  IwdLoadProgress      *progress;          /* template child */
  AdwStatusPage        *collecting_status; /* template child */
  GtkLabel             *last_checked_label; /* template child */
  GtkLabel             *summary_label;     /* template child */
  IwdTableView         *table_view;        /* template child */
  AdwStatusPage        *error_status;      /* template child */
};

/* One download, from its call to its callback. */
typedef struct {
  GWeakRef      tab;
  GCancellable *cancellable;   /* owned */
} Load;

G_DEFINE_FINAL_TYPE (IwdContractsTab, iwd_contracts_tab, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_CONTRACTS_READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The stack's child names, indexed by IwdContractsTabState. */
static const char * const state_pages[] = {
  "idle", "loading", "collecting", "no-profiles", "table", "error",
};

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->tab);
  g_clear_object (&load->cancellable);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
set_state (IwdContractsTab      *self,
           IwdContractsTabState  state)
{
  gtk_stack_set_visible_child_name (self->stack, state_pages[state]);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "contracts.reload",
                                 state != IWD_CONTRACTS_TAB_STATE_LOADING);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

static void
set_message (IwdContractsTab *self,
             char            *message)
{
  g_free (self->message);
  self->message = message;
}

static guint
count_profiles (IwdContractsTab *self)
{
  g_auto(GStrv) profiles = iwd_account_state_list_portfolio_profiles (self->account_state,
                                                                      self->portfolio_id);

  return profiles != NULL ? g_strv_length (profiles) : 0;
}

static void
mark_checked (IwdContractsTab *self)
{
  g_autofree char *text = iwd_collect_poll_mark_checked (self->poll);

  gtk_label_set_text (self->last_checked_label, text);
}

/* A profile the robot cannot log in to keeps the portfolio waiting, so
 * its error shows under the waiting message. */
static void
explain_collecting (IwdContractsTab *self)
{
  g_auto(GStrv) profiles = iwd_account_state_list_portfolio_profiles (self->account_state,
                                                                      self->portfolio_id);

  g_cancellable_cancel (self->errors_cancellable);
  g_clear_object (&self->errors_cancellable);
  if (profiles == NULL)
    return;

  self->errors_cancellable = g_cancellable_new ();
  iwd_collect_errors_complete_status (self->collecting_status, self->message, self->client,
                                      (const char * const *) profiles, self->errors_cancellable);
}

static void
show_collecting (IwdContractsTab *self)
{
  guint minutes = iwd_collect_poll_get_interval_minutes (self->poll);

  /* Translators: %d is a number of minutes */
  set_message (self, g_strdup_printf (ngettext ("The robot is still collecting this portfolio’s contracts. IWDesk checks again every %d minute.",
                                                "The robot is still collecting this portfolio’s contracts. IWDesk checks again every %d minutes.",
                                                minutes),
                                      (int) minutes));
  adw_status_page_set_description (self->collecting_status, self->message);
  set_state (self, IWD_CONTRACTS_TAB_STATE_COLLECTING);
  iwd_collect_poll_schedule (self->poll);
  explain_collecting (self);
}

static void
show_table (IwdContractsTab *self,
            IwdTable        *table)
{
  guint n_rows = iwd_table_get_n_rows (table);
  gboolean was_collecting = self->state == IWD_CONTRACTS_TAB_STATE_COLLECTING
                            || self->previous_state == IWD_CONTRACTS_TAB_STATE_COLLECTING;
  g_autofree char *summary = NULL;

  iwd_collect_poll_stop (self->poll);
  set_message (self, NULL);
  iwd_table_view_set_table (self->table_view, table);
  summary = g_strdup_printf (ngettext ("%u contract", "%u contracts", n_rows), n_rows);
  gtk_label_set_text (self->summary_label, summary);
  set_state (self, IWD_CONTRACTS_TAB_STATE_TABLE);

  if (was_collecting)
    g_signal_emit (self, signals[SIGNAL_CONTRACTS_READY], 0, n_rows);
}

static void
show_contracts (IwdContractsTab *self,
                IwdTable        *table)
{
  mark_checked (self);

  if (iwd_table_get_n_rows (table) > 0)
    show_table (self, table);
  /* TODO: the account state stores no creation time, so a portfolio
   * whose robot has finished with no contract at all shows as still
   * collecting, for as long as it has profiles. */
  else if (count_profiles (self) > 0)
    show_collecting (self);
  else
    set_state (self, IWD_CONTRACTS_TAB_STATE_NO_PROFILES);
}

/* A failed poll keeps the collecting page and tries again later: the
 * broker did not ask for it. */
static void
show_error (IwdContractsTab *self,
            const GError    *error,
            gboolean         polling)
{
  g_message ("portfolio: cannot fetch the contracts of portfolio %s: %s",
             self->portfolio_id, error->message);

  if (polling)
    {
      show_collecting (self);
      return;
    }

  set_message (self, iwd_portfolio_dup_error_message (self->formatter, error));
  adw_status_page_set_description (self->error_status, self->message);
  set_state (self, IWD_CONTRACTS_TAB_STATE_ERROR);
}

static void
contracts_fetched_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(IwdContractsTab) self = g_weak_ref_get (&load->tab);
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  gboolean polling;

  table = iwd_client_get_contracts_finish (IWD_CLIENT (source), result, &error);
  /* A load replaced by a newer one has nothing more to show. */
  if (self == NULL || self->cancellable != load->cancellable)
    return;

  g_clear_object (&self->cancellable);
  polling = self->state == IWD_CONTRACTS_TAB_STATE_COLLECTING;
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      if (!polling)
        set_state (self, self->previous_state);
    }
  else if (error != NULL)
    show_error (self, error, polling);
  else
    show_contracts (self, table);
}

/* Starts a download. A poll keeps the collecting page on screen, and
 * any other load shows its progress with a Cancel button. */
static void
start_load (IwdContractsTab *self,
            gboolean         polling)
{
  Load *load = g_new0 (Load, 1);

  iwd_contracts_tab_cancel (self);
  self->cancellable = g_cancellable_new ();
  g_weak_ref_init (&load->tab, self);
  load->cancellable = g_object_ref (self->cancellable);

  if (!polling)
    {
      if (self->state != IWD_CONTRACTS_TAB_STATE_LOADING)
        self->previous_state = self->state;
      iwd_load_progress_start (self->progress, _("Downloading the contracts…"), self->cancellable);
      set_state (self, IWD_CONTRACTS_TAB_STATE_LOADING);
    }

  iwd_client_get_contracts_async (self->client, self->portfolio_id,
                                  polling ? NULL : iwd_load_progress_report, self->progress,
                                  self->cancellable, contracts_fetched_cb, load);
}

static void
poll_due_cb (IwdContractsTab *self)
{
  start_load (self, TRUE);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  iwd_contracts_tab_reload (IWD_CONTRACTS_TAB (widget));
}

/* Profiles are added in the Profiles tab while this one is hidden, so
 * a "no profiles" page may be stale when the broker comes back to it.
 * The tab then fetches again, because the robot starts collecting as
 * soon as the portfolio has a profile. */
static void
iwd_contracts_tab_map (GtkWidget *widget)
{
  IwdContractsTab *self = IWD_CONTRACTS_TAB (widget);

  GTK_WIDGET_CLASS (iwd_contracts_tab_parent_class)->map (widget);

  if (self->state == IWD_CONTRACTS_TAB_STATE_NO_PROFILES && count_profiles (self) > 0)
    iwd_contracts_tab_reload (self);
}

static void
iwd_contracts_tab_dispose (GObject *object)
{
  IwdContractsTab *self = IWD_CONTRACTS_TAB (object);

  g_clear_object (&self->poll);
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->errors_cancellable);
  g_clear_object (&self->errors_cancellable);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_CONTRACTS_TAB);
  g_clear_object (&self->client);
  g_clear_object (&self->account_state);

  G_OBJECT_CLASS (iwd_contracts_tab_parent_class)->dispose (object);
}

static void
iwd_contracts_tab_finalize (GObject *object)
{
  IwdContractsTab *self = IWD_CONTRACTS_TAB (object);

  g_clear_pointer (&self->portfolio_id, g_free);
  g_clear_pointer (&self->message, g_free);

  G_OBJECT_CLASS (iwd_contracts_tab_parent_class)->finalize (object);
}

static void
iwd_contracts_tab_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IwdContractsTab *self = IWD_CONTRACTS_TAB (object);

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
bind_template (GtkWidgetClass *widget_class)
{
  g_type_ensure (IWD_TYPE_LOAD_PROGRESS);
  g_type_ensure (IWD_TYPE_TABLE_VIEW);
  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-contracts-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, progress);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, collecting_status);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, last_checked_label);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, table_view);
  gtk_widget_class_bind_template_child (widget_class, IwdContractsTab, error_status);
}

static void
iwd_contracts_tab_class_init (IwdContractsTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_contracts_tab_dispose;
  object_class->finalize = iwd_contracts_tab_finalize;
  object_class->get_property = iwd_contracts_tab_get_property;
  widget_class->map = iwd_contracts_tab_map;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_CONTRACTS_TAB_STATE, IWD_CONTRACTS_TAB_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdContractsTab::contracts-ready:
   * @self: the tab
   * @n_contracts: the number of contracts that arrived
   *
   * Emitted when contracts arrive for a portfolio that the tab showed as
   * still being collected.
   */
  signals[SIGNAL_CONTRACTS_READY] =
    g_signal_new ("contracts-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "contracts.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "contracts.reload", NULL);

  bind_template (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_contracts_tab_init (IwdContractsTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->poll = iwd_collect_poll_new ();
  g_signal_connect_object (self->poll, "due", G_CALLBACK (poll_due_cb), self, G_CONNECT_SWAPPED);
  set_state (self, IWD_CONTRACTS_TAB_STATE_IDLE);
}

/**
 * iwd_contracts_tab_new:
 * @client: the ImportWeb client, signed in
 * @state: the account's local state, which lists the portfolio's profiles
 * @portfolio_id: the portfolio
 *
 * Creates the tab of a portfolio's contracts. It loads nothing until
 * iwd_contracts_tab_reload().
 *
 * Returns: (transfer floating): a new #IwdContractsTab
 */
GtkWidget *
iwd_contracts_tab_new (IwdClient       *client,
                       IwdAccountState *state,
                       const char      *portfolio_id)
{
  IwdContractsTab *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (state), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_CONTRACTS_TAB, NULL);
  self->client = g_object_ref (client);
  self->account_state = g_object_ref (state);
  self->portfolio_id = g_strdup (portfolio_id);

  return GTK_WIDGET (self);
}

/**
 * iwd_contracts_tab_set_error_formatter:
 * @self: a #IwdContractsTab
 * @formatter: (nullable): the function that words the client's errors
 *
 * Chooses how the tab words a failed load.
 */
void
iwd_contracts_tab_set_error_formatter (IwdContractsTab   *self,
                                       IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_CONTRACTS_TAB (self));

  self->formatter = formatter;
}

/**
 * iwd_contracts_tab_set_poll_interval:
 * @self: a #IwdContractsTab
 * @milliseconds: the time between two fetches while the robot collects,
 *   %IWD_CONTRACTS_TAB_DEFAULT_POLL_INTERVAL_MS by default
 *
 * Sets how often the tab fetches the contracts again while the robot is
 * still collecting them. It applies from the next fetch.
 */
void
iwd_contracts_tab_set_poll_interval (IwdContractsTab *self,
                                     guint            milliseconds)
{
  g_return_if_fail (IWD_IS_CONTRACTS_TAB (self));
  g_return_if_fail (milliseconds > 0);

  iwd_collect_poll_set_interval (self->poll, milliseconds);
}

/**
 * iwd_contracts_tab_reload:
 * @self: a #IwdContractsTab
 *
 * Downloads the contracts again, cancelling a load under way, and shows
 * the bytes read with a Cancel button meanwhile.
 */
void
iwd_contracts_tab_reload (IwdContractsTab *self)
{
  g_return_if_fail (IWD_IS_CONTRACTS_TAB (self));

  iwd_collect_poll_stop (self->poll);
  start_load (self, FALSE);
}

/**
 * iwd_contracts_tab_cancel:
 * @self: a #IwdContractsTab
 *
 * Cancels the load under way, as the Cancel button does: the tab shows
 * again what it showed before the load, and nothing about the
 * cancellation.
 */
void
iwd_contracts_tab_cancel (IwdContractsTab *self)
{
  g_return_if_fail (IWD_IS_CONTRACTS_TAB (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * iwd_contracts_tab_get_state:
 * @self: a #IwdContractsTab
 *
 * Returns: what the tab shows now
 */
IwdContractsTabState
iwd_contracts_tab_get_state (IwdContractsTab *self)
{
  g_return_val_if_fail (IWD_IS_CONTRACTS_TAB (self), IWD_CONTRACTS_TAB_STATE_IDLE);

  return self->state;
}

/**
 * iwd_contracts_tab_get_table_view:
 * @self: a #IwdContractsTab
 *
 * Returns: (transfer none): the grid of the contracts
 */
IwdTableView *
iwd_contracts_tab_get_table_view (IwdContractsTab *self)
{
  g_return_val_if_fail (IWD_IS_CONTRACTS_TAB (self), NULL);

  return self->table_view;
}

/**
 * iwd_contracts_tab_get_message:
 * @self: a #IwdContractsTab
 *
 * Returns: (nullable): the sentence shown on the collecting or error
 *   page, or %NULL on the others
 */
const char *
iwd_contracts_tab_get_message (IwdContractsTab *self)
{
  g_return_val_if_fail (IWD_IS_CONTRACTS_TAB (self), NULL);

  return self->message;
}

/**
 * iwd_contracts_tab_get_last_checked:
 * @self: a #IwdContractsTab
 *
 * Returns: (transfer none) (nullable): when the contracts last arrived,
 *   in local time, or %NULL before the first load
 */
GDateTime *
iwd_contracts_tab_get_last_checked (IwdContractsTab *self)
{
  g_return_val_if_fail (IWD_IS_CONTRACTS_TAB (self), NULL);

  return iwd_collect_poll_get_last_checked (self->poll);
}
