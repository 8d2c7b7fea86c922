/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <string.h>

#include "iwd-cell-format.h"
#include "iwd-collect-errors.h"
#include "iwd-collect-poll.h"
#include "iwd-commissions-tab.h"
#include "iwd-freshness-banner.h"
#include "iwd-load-progress.h"
#include "iwd-portfolio-enums.h"
#include "iwd-portfolio-message.h"
#include "iwd-portfolio-resources.h"
#include "iwd-table-concat.h"
#include "iwd-table-view.h"

/**
 * IwdCommissionsTab:
 *
 * The commission statements of one profile of a portfolio, or of all of
 * them, with the exact total of the commission column.
 *
 * Given a history store, the tab keeps each profile's statement. The
 * stored copy shows at once under a banner with its date, then the
 * network refreshes it. Without network, the copy stays usable.
 * For one profile, a toggle shows the lines new since the previous fetch.
 *
 * "All Profiles" puts every profile's statement in one grid, with a first
 * column that names each line's profile, so that sorting, searching,
 * totals, the summary and exports cover all of them.
 *
 * While the statements have no line, the robot is taken to be still
 * collecting them: the tab shows it, fetches them again on an interval,
 * and emits #IwdCommissionsTab::commissions-ready when lines arrive.
 */
struct _IwdCommissionsTab
{
  GtkWidget               parent_instance;

  IwdClient              *client;           /* owned */
  char                   *portfolio_id;     /* owned */
  IwdErrorFormatter       formatter;
  GCancellable           *cancellable;      /* owned, nullable: the load under way */
  GCancellable           *errors_cancellable; /* owned, nullable: the error list read while collecting */
  GPtrArray              *tables;           /* owned: IwdTable, one per profile shown */
  IwdTable               *grid_table;       /* owned, nullable: the tables merged, as the grid shows them */
  IwdCommissionsTabState  state;
  IwdCommissionsTabState  previous_state;   /* shown again when a load is cancelled */
  char                   *summary;          /* owned, nullable */
  char                   *error_message;    /* owned, nullable */
  gboolean                listing_profiles;
  GStrv                   chosen;           /* owned, nullable: the profiles of the last load */
  IwdCollectPoll         *poll;             /* owned */
  gboolean                polling;          /* the load under way is a poll */

  IwdHistoryStore        *store;            /* owned, nullable */
  GHashTable             *copies;           /* owned: profile id to IwdPortfolioData */
  IwdHistoryView         *history_view;     /* owned by stack, nullable */

  GtkDropDown            *profile_dropdown; /* template child */
  GtkStringList          *profile_names;    /* template child */
  GtkLabel               *summary_label;    /* template child */
  GtkToggleButton        *new_lines_button; /* template child */
  IwdFreshnessBanner     *banner;           /* template child */
  GtkStack               *stack;            /* template child */
  IwdLoadProgress        *progress;         /* template child */
  IwdTableView           *table_view;       /* template child */
  AdwStatusPage          *error_status;     /* template child */
  AdwStatusPage          *collecting_status; /* template child */
  GtkLabel               *last_checked_label; /* template child */
};

/* The download of one or more profiles' statements, one after another,
 * without a history store. */
typedef struct {
  GWeakRef      tab;
  GCancellable *cancellable;   /* owned */
  GStrv         profile_ids;   /* owned */
  guint         next;          /* index in profile_ids of the one to fetch next */
  GPtrArray    *tables;        /* owned: IwdTable, one per profile fetched */
} Load;

/* The loads of the chosen profiles' stored copies, side by side. */
typedef struct {
  GWeakRef      tab;
  GCancellable *cancellable;     /* owned */
  guint         pending;         /* loads not finished yet */
  GError       *error;           /* owned, nullable: the first failure */
  char         *failed_profile;  /* owned, nullable: whose load failed */
} CopyLoad;

G_DEFINE_FINAL_TYPE (IwdCommissionsTab, iwd_commissions_tab, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_STATE,
  N_PROPS
};

enum {
  SIGNAL_COMMISSIONS_READY,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* The stack's child names, indexed by IwdCommissionsTabState. */
static const char * const state_pages[] = { "idle", "loading", "table", "error", "collecting" };

/* The key of the grid's first column with "All Profiles", whose last
 * segment the commissions summary groups by when no column names a
 * company. */
#define PROFILE_COLUMN_KEY "iwdesk.profile"

static void copy_changed_cb (IwdCommissionsTab *self);
static void copy_dated_cb (IwdCommissionsTab *self);

static void
load_free (Load *load)
{
  g_weak_ref_clear (&load->tab);
  g_clear_object (&load->cancellable);
  g_strfreev (load->profile_ids);
  g_ptr_array_unref (load->tables);
  g_free (load);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (Load, load_free)

static void
copy_load_free (CopyLoad *load)
{
  g_weak_ref_clear (&load->tab);
  g_clear_object (&load->cancellable);
  g_clear_error (&load->error);
  g_free (load->failed_profile);
  g_free (load);
}

static void
show_page (IwdCommissionsTab *self)
{
  const char *page = state_pages[self->state];

  if (self->state == IWD_COMMISSIONS_TAB_STATE_TABLE && self->history_view != NULL
      && gtk_toggle_button_get_active (self->new_lines_button))
    page = "new-lines";

  gtk_stack_set_visible_child_name (self->stack, page);
}

/* Reloading waits for the load under way, which may run behind a stored
 * copy already shown. */
static void
set_state (IwdCommissionsTab      *self,
           IwdCommissionsTabState  state)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "commissions.reload", self->cancellable == NULL);

  if (self->state == state)
    {
      show_page (self);
      return;
    }

  self->state = state;
  show_page (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/* Finds the column of the commission amounts: a money column whose
 * header names a commission, as the insurers' statements do. */
static gboolean
find_commission_column (IwdTable *table,
                        guint    *out_column)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      g_autofree char *key = g_utf8_casefold (iwd_table_get_column_key (table, column), -1);

      if (iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_MONEY
          && strstr (key, "commission") != NULL)
        {
          *out_column = column;
          return TRUE;
        }
    }

  return FALSE;
}

/* Adds up the commission column of every table, in integers. */
static gboolean
sum_commissions (GPtrArray *tables,
                 gint64    *out_total)
{
  gint64 total = 0;
  gboolean found = FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      IwdTable *table = g_ptr_array_index (tables, i);
      gint64 subtotal;
      guint column;

      if (!find_commission_column (table, &column))
        continue;
      if (!iwd_table_sum_column (table, column, &subtotal))
        return FALSE;
      if ((subtotal > 0 && total > G_MAXINT64 - subtotal)
          || (subtotal < 0 && total < G_MININT64 - subtotal))
        return FALSE;

      total += subtotal;
      found = TRUE;
    }

  *out_total = total;
  return found;
}

static char *
dup_summary (IwdCommissionsTab *self)
{
  guint n_rows = iwd_commissions_tab_get_n_rows (self);
  g_autofree char *lines = g_strdup_printf (ngettext ("%u commission line", "%u commission lines", n_rows),
                                            n_rows);
  g_autofree char *amount = NULL;
  gint64 total;

  if (!sum_commissions (self->tables, &total))
    return g_steal_pointer (&lines);

  amount = iwd_cell_format_money (total);
  /* Translators: the first %s is a number of lines, the second an amount in euros */
  return g_strdup_printf (_("%s, total commission %s"), lines, amount);
}

/* Tells whether @tables are the tables shown already, as when a stored
 * copy notifies a table that it had already given. */
static gboolean
shows_tables (IwdCommissionsTab *self,
              GPtrArray         *tables)
{
  if (self->grid_table == NULL || self->tables->len != tables->len)
    return FALSE;

  for (guint i = 0; i < tables->len; i++)
    {
      if (g_ptr_array_index (self->tables, i) != g_ptr_array_index (tables, i))
        return FALSE;
    }

  return TRUE;
}

/* Puts the statements one after another, behind a column naming each
 * line's profile, unless there is only one. */
static IwdTable *
merge_tables (const char * const  *profile_ids,
              GPtrArray           *tables,
              GError             **error)
{
  if (tables->len == 1)
    return g_object_ref (g_ptr_array_index (tables, 0));

  /* Translators: the heading of the column that names the robot profile
   * each commission line comes from */
  return iwd_table_concat ((IwdTable * const *) tables->pdata, tables->len,
                           PROFILE_COLUMN_KEY, C_("column heading", "Profile"),
                           profile_ids, error);
}

/* Empties the grid too, so that it keeps no statement in memory. */
static void
clear_tables (IwdCommissionsTab *self)
{
  g_autoptr(IwdTable) empty = iwd_table_concat (NULL, 0, NULL, NULL, NULL, NULL);

  g_ptr_array_set_size (self->tables, 0);
  g_clear_object (&self->grid_table);
  iwd_table_view_set_table (self->table_view, empty);
}

static void show_failure (IwdCommissionsTab *self,
                          const GError      *error);

static void
show_collecting (IwdCommissionsTab *self)
{
  guint minutes = iwd_collect_poll_get_interval_minutes (self->poll);
  g_autofree char *message = NULL;

  /* Translators: %d is a number of minutes */
  message = g_strdup_printf (ngettext ("The robot is still collecting the commission statements. IWDesk checks again every %d minute.",
                                       "The robot is still collecting the commission statements. IWDesk checks again every %d minutes.",
                                       minutes),
                             (int) minutes);
  adw_status_page_set_description (self->collecting_status, message);
  set_state (self, IWD_COMMISSIONS_TAB_STATE_COLLECTING);

  /* A profile the robot cannot log in to gets no statement, so its error
   * shows under the waiting message. */
  g_cancellable_cancel (self->errors_cancellable);
  g_clear_object (&self->errors_cancellable);
  if (self->chosen == NULL)
    return;

  self->errors_cancellable = g_cancellable_new ();
  iwd_collect_errors_complete_status (self->collecting_status, message, self->client,
                                      (const char * const *) self->chosen, self->errors_cancellable);
}

/* TODO: a statement with no line reads as one still being collected,
 * because the API does not tell when the robot has finished. A profile
 * that earns no commission keeps the tab polling. */
static void
show_rows (IwdCommissionsTab *self)
{
  guint n_rows = iwd_commissions_tab_get_n_rows (self);
  gboolean was_collecting = self->state == IWD_COMMISSIONS_TAB_STATE_COLLECTING
                            || self->previous_state == IWD_COMMISSIONS_TAB_STATE_COLLECTING;

  if (n_rows == 0 && self->tables->len > 0)
    {
      show_collecting (self);
      return;
    }

  iwd_collect_poll_stop (self->poll);
  set_state (self, IWD_COMMISSIONS_TAB_STATE_TABLE);
  if (was_collecting && n_rows > 0)
    {
      self->previous_state = IWD_COMMISSIONS_TAB_STATE_TABLE;
      g_signal_emit (self, signals[SIGNAL_COMMISSIONS_READY], 0, n_rows);
    }
}

/* A tab still collecting fetches again after the interval, also after a
 * failed poll: the broker did not ask for that fetch. */
static void
keep_polling (IwdCommissionsTab *self)
{
  self->polling = FALSE;
  if (self->state == IWD_COMMISSIONS_TAB_STATE_COLLECTING)
    iwd_collect_poll_schedule (self->poll);
}

/* Ends a load whose statements all arrived. */
static void
finish_check (IwdCommissionsTab *self)
{
  g_autofree char *text = iwd_collect_poll_mark_checked (self->poll);

  gtk_label_set_text (self->last_checked_label, text);
  keep_polling (self);
}

/* Shows the tables in one grid. @tables contains one table per
 * @profile_ids. */
static void
show_tables (IwdCommissionsTab  *self,
             const char * const *profile_ids,
             GPtrArray          *tables)
{
  g_autoptr(IwdTable) merged = NULL;
  g_autoptr(GError) error = NULL;

  if (shows_tables (self, tables))
    {
      show_rows (self);
      return;
    }

  merged = merge_tables (profile_ids, tables, &error);
  if (merged == NULL)
    {
      g_message ("portfolio: cannot merge the commissions of portfolio %s: %s",
                 self->portfolio_id, error->message);
      show_failure (self, error);
      return;
    }

  g_ptr_array_set_size (self->tables, 0);
  for (guint i = 0; i < tables->len; i++)
    g_ptr_array_add (self->tables, g_object_ref (g_ptr_array_index (tables, i)));
  g_set_object (&self->grid_table, merged);
  iwd_table_view_set_table (self->table_view, merged);

  g_free (self->summary);
  self->summary = dup_summary (self);
  gtk_label_set_text (self->summary_label, self->summary);
  show_rows (self);
}

static void
show_failure (IwdCommissionsTab *self,
              const GError      *error)
{
  g_free (self->error_message);
  self->error_message = iwd_portfolio_dup_error_message (self->formatter, error);
  adw_status_page_set_description (self->error_status, self->error_message);
  gtk_label_set_text (self->summary_label, "");
  set_state (self, IWD_COMMISSIONS_TAB_STATE_ERROR);
}

static void
show_error (IwdCommissionsTab *self,
            const char        *profile_id,
            const GError      *error)
{
  g_message ("portfolio: cannot fetch the commissions of profile %s in portfolio %s: %s",
             profile_id, self->portfolio_id, error->message);
  show_failure (self, error);
}

static IwdPortfolioData *
lookup_copy (IwdCommissionsTab *self,
             const char        *profile_id)
{
  IwdPortfolioData *data = g_hash_table_lookup (self->copies, profile_id);

  if (data != NULL)
    return data;

  data = iwd_portfolio_data_new (self->client, self->store, self->portfolio_id,
                                 IWD_HISTORY_KIND_COMMISSIONS, profile_id);
  g_signal_connect_object (data, "notify::table", G_CALLBACK (copy_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (data, "notify::fetched-at", G_CALLBACK (copy_dated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (data, "notify::offline", G_CALLBACK (copy_dated_cb),
                           self, G_CONNECT_SWAPPED);
  g_hash_table_insert (self->copies, g_strdup (profile_id), data);

  return data;
}

/* Collects the table of every chosen profile, or returns %NULL while
 * one of them has none yet. */
static GPtrArray *
collect_copies (IwdCommissionsTab *self)
{
  g_autoptr(GPtrArray) tables = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; self->chosen[i] != NULL; i++)
    {
      IwdTable *table = iwd_portfolio_data_get_table (lookup_copy (self, self->chosen[i]));

      if (table == NULL)
        return NULL;
      g_ptr_array_add (tables, g_object_ref (table));
    }

  return g_steal_pointer (&tables);
}

static gboolean
show_copies (IwdCommissionsTab *self)
{
  g_autoptr(GPtrArray) tables = NULL;

  if (self->store == NULL || self->chosen == NULL)
    return FALSE;

  tables = collect_copies (self);
  if (tables == NULL)
    return FALSE;

  show_tables (self, (const char * const *) self->chosen, tables);
  return TRUE;
}

/* The new lines compare one profile's fetches, so they need a single
 * profile chosen. */
static void
replace_history_view (IwdCommissionsTab *self,
                      IwdPortfolioData  *data)
{
  if (self->history_view != NULL && iwd_history_view_get_data (self->history_view) == data)
    return;

  if (self->history_view != NULL)
    gtk_stack_remove (self->stack, GTK_WIDGET (self->history_view));
  self->history_view = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self->new_lines_button), data != NULL);
  if (data == NULL)
    {
      gtk_toggle_button_set_active (self->new_lines_button, FALSE);
      return;
    }

  self->history_view = IWD_HISTORY_VIEW (iwd_history_view_new (data));
  gtk_stack_add_named (self->stack, GTK_WIDGET (self->history_view), "new-lines");
}

/* Tells whether copy @a was fetched before copy @b. A copy not fetched
 * yet has no date to tell, and an offline copy wins a tie. */
static gboolean
is_older_copy (IwdPortfolioData *a,
               IwdPortfolioData *b)
{
  GDateTime *a_fetched = iwd_portfolio_data_get_fetched_at (a);
  GDateTime *b_fetched = iwd_portfolio_data_get_fetched_at (b);
  int order;

  if (a_fetched == NULL)
    return FALSE;
  if (b_fetched == NULL)
    return TRUE;

  order = g_date_time_compare (a_fetched, b_fetched);
  return order < 0 || (order == 0 && iwd_portfolio_data_get_offline (a)
                       && !iwd_portfolio_data_get_offline (b));
}

/* Finds the chosen profile whose copy is the oldest, so that with "All
 * Profiles" the banner never claims the grid fresher than its stalest
 * statement. */
static IwdPortfolioData *
find_oldest_copy (IwdCommissionsTab *self)
{
  IwdPortfolioData *oldest = NULL;

  for (guint i = 0; self->chosen[i] != NULL; i++)
    {
      IwdPortfolioData *data = lookup_copy (self, self->chosen[i]);

      if (oldest == NULL || is_older_copy (data, oldest))
        oldest = data;
    }

  return oldest;
}

static void
update_banner (IwdCommissionsTab *self)
{
  IwdPortfolioData *data = NULL;

  if (self->store != NULL && self->chosen != NULL)
    data = find_oldest_copy (self);

  if (iwd_freshness_banner_get_data (self->banner) != data)
    iwd_freshness_banner_set_data (self->banner, data);
}

/* The new lines need a single profile chosen. */
static void
follow_chosen_copy (IwdCommissionsTab *self)
{
  IwdPortfolioData *data = NULL;

  if (self->store != NULL && g_strv_length (self->chosen) == 1)
    data = lookup_copy (self, self->chosen[0]);

  update_banner (self);
  replace_history_view (self, data);
}

/* A copy shown stays after a failed refresh; the failure is only logged. */
static void
end_copy_load (IwdCommissionsTab *self,
               CopyLoad          *load)
{
  gboolean cancelled = g_error_matches (load->error, G_IO_ERROR, G_IO_ERROR_CANCELLED);

  g_clear_object (&self->cancellable);
  if (show_copies (self))
    {
      if (load->error != NULL && !cancelled)
        g_message ("portfolio: cannot refresh the commissions of profile %s in portfolio %s: %s",
                   load->failed_profile, self->portfolio_id, load->error->message);
      if (load->error == NULL)
        finish_check (self);
      else if (!cancelled)
        keep_polling (self);
      return;
    }

  if (load->error == NULL || cancelled)
    set_state (self, self->previous_state);
  else
    show_error (self, load->failed_profile, load->error);
}

static void fetch_next (IwdCommissionsTab *self,
                        Load              *load);

static void
log_failed_poll (IwdCommissionsTab *self,
                 const char        *profile_id,
                 const GError      *error)
{
  g_message ("portfolio: cannot check the commissions of profile %s in portfolio %s: %s",
             profile_id, self->portfolio_id, error->message);
  keep_polling (self);
}

static void
commissions_fetched_cb (GObject      *source,
                        GAsyncResult *result,
                        gpointer      user_data)
{
  g_autoptr(Load) load = user_data;
  g_autoptr(IwdCommissionsTab) self = g_weak_ref_get (&load->tab);
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = iwd_client_get_commissions_finish (IWD_CLIENT (source), result, &error);
  /* A load replaced by a newer one has nothing more to show. */
  if (self == NULL || self->cancellable != load->cancellable)
    return;

  if (error != NULL)
    {
      g_clear_object (&self->cancellable);
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        set_state (self, self->previous_state);
      else if (self->polling)
        log_failed_poll (self, load->profile_ids[load->next], error);
      else
        show_error (self, load->profile_ids[load->next], error);
      return;
    }

  g_ptr_array_add (load->tables, g_steal_pointer (&table));
  load->next++;
  fetch_next (self, g_steal_pointer (&load));
}

/* Fetches the next profile's statement, or shows them all once every
 * one has arrived. */
static void
fetch_next (IwdCommissionsTab *self,
            Load              *load)
{
  guint n_profiles = g_strv_length (load->profile_ids);
  g_autofree char *title = NULL;

  if (load->next == n_profiles)
    {
      g_clear_object (&self->cancellable);
      show_tables (self, (const char * const *) load->profile_ids, load->tables);
      finish_check (self);
      load_free (load);
      return;
    }

  /* Translators: %s is a profile id, the two numbers count the profiles */
  title = g_strdup_printf (_("Downloading the commissions of profile %s (%u of %u)…"),
                           load->profile_ids[load->next], load->next + 1, n_profiles);
  iwd_load_progress_start (self->progress, title, self->cancellable);
  iwd_client_get_commissions_async (self->client, self->portfolio_id,
                                    load->profile_ids[load->next], IWD_COMMISSIONS_FORMAT_TSV,
                                    iwd_load_progress_report, self->progress,
                                    self->cancellable, commissions_fetched_cb, load);
}

/* A load that found another one of the same profile under way leaves the
 * table to that one, whose notify::table shows it. */
static void
copy_loaded_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  CopyLoad *load = user_data;
  IwdPortfolioData *data = IWD_PORTFOLIO_DATA (source);
  g_autoptr(IwdCommissionsTab) self = NULL;
  g_autoptr(GError) error = NULL;

  if (!iwd_portfolio_data_load_finish (data, result, &error)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_PENDING) && load->error == NULL)
    {
      load->failed_profile = g_strdup (iwd_portfolio_data_get_profile_id (data));
      load->error = g_steal_pointer (&error);
    }

  if (--load->pending > 0)
    return;

  self = g_weak_ref_get (&load->tab);
  if (self != NULL && self->cancellable == load->cancellable)
    end_copy_load (self, load);
  copy_load_free (load);
}

static void
copy_changed_cb (IwdCommissionsTab *self)
{
  show_copies (self);
}

static void
copy_dated_cb (IwdCommissionsTab *self)
{
  update_banner (self);
}

static void
fetch_from_network (IwdCommissionsTab *self)
{
  Load *load = g_new0 (Load, 1);

  g_weak_ref_init (&load->tab, self);
  load->cancellable = g_object_ref (self->cancellable);
  load->profile_ids = g_strdupv (self->chosen);
  load->tables = g_ptr_array_new_with_free_func (g_object_unref);

  if (!self->polling)
    set_state (self, IWD_COMMISSIONS_TAB_STATE_LOADING);
  fetch_next (self, load);
}

/* Shows the stored copies at once when every chosen profile has one,
 * and refreshes them all side by side. */
static void
load_copies (IwdCommissionsTab *self)
{
  guint n_chosen = g_strv_length (self->chosen);
  CopyLoad *load = g_new0 (CopyLoad, 1);

  g_weak_ref_init (&load->tab, self);
  load->cancellable = g_object_ref (self->cancellable);
  load->pending = n_chosen;
  if (!show_copies (self))
    {
      iwd_load_progress_start (self->progress, _("Downloading the commissions…"), self->cancellable);
      set_state (self, IWD_COMMISSIONS_TAB_STATE_LOADING);
    }

  if (n_chosen == 0)
    {
      end_copy_load (self, load);
      copy_load_free (load);
      return;
    }

  /* Progress from several downloads at once would jump back and forth. */
  for (guint i = 0; i < n_chosen; i++)
    iwd_portfolio_data_load_async (lookup_copy (self, self->chosen[i]),
                                   n_chosen == 1 ? iwd_load_progress_report : NULL, self->progress,
                                   self->cancellable, copy_loaded_cb, load);
}

/* Lists the profiles that the drop-down's choice means: the
 * first item, "All Profiles", means every other item. */
static GStrv
list_chosen_profiles (IwdCommissionsTab *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint selected = gtk_drop_down_get_selected (self->profile_dropdown);
  guint n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profile_names));

  for (guint i = 1; i < n_items; i++)
    {
      if (selected == 0 || selected == i)
        g_strv_builder_add (builder, gtk_string_list_get_string (self->profile_names, i));
    }

  return g_strv_builder_end (builder);
}

/* Starts a load. A poll keeps the collecting page on screen, and any
 * other load shows its progress with a Cancel button. */
static void
start_load_full (IwdCommissionsTab *self,
                 gboolean           polling)
{
  iwd_commissions_tab_cancel (self);
  iwd_collect_poll_stop (self->poll);
  self->polling = polling;
  if (self->state != IWD_COMMISSIONS_TAB_STATE_LOADING)
    self->previous_state = self->state;

  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  g_strfreev (self->chosen);
  self->chosen = list_chosen_profiles (self);
  follow_chosen_copy (self);

  if (self->store != NULL)
    load_copies (self);
  else
    fetch_from_network (self);
}

static void
start_load (IwdCommissionsTab *self)
{
  start_load_full (self, FALSE);
}

static void
poll_due_cb (IwdCommissionsTab *self)
{
  start_load_full (self, TRUE);
}

static void
profile_selected_cb (IwdCommissionsTab *self)
{
  if (!self->listing_profiles)
    start_load (self);
}

static void
new_lines_toggled_cb (IwdCommissionsTab *self)
{
  show_page (self);
}

static void
banner_retry_cb (IwdCommissionsTab *self)
{
  start_load (self);
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  start_load (IWD_COMMISSIONS_TAB (widget));
}

static void
iwd_commissions_tab_dispose (GObject *object)
{
  IwdCommissionsTab *self = IWD_COMMISSIONS_TAB (object);
  GtkWidget *child;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_cancellable_cancel (self->errors_cancellable);
  g_clear_object (&self->errors_cancellable);
  /* Dispose may run twice, and the poll is cleared last. */
  if (self->poll != NULL)
    iwd_collect_poll_stop (self->poll);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COMMISSIONS_TAB);
  /* GTK 4.8 unparents only the template children bound to a field. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  self->history_view = NULL;
  g_clear_object (&self->client);
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->grid_table);
  g_clear_pointer (&self->copies, g_hash_table_unref);
  g_clear_object (&self->store);
  g_clear_object (&self->poll);

  G_OBJECT_CLASS (iwd_commissions_tab_parent_class)->dispose (object);
}

static void
iwd_commissions_tab_finalize (GObject *object)
{
  IwdCommissionsTab *self = IWD_COMMISSIONS_TAB (object);

  g_clear_pointer (&self->portfolio_id, g_free);
  g_clear_pointer (&self->summary, g_free);
  g_clear_pointer (&self->error_message, g_free);
  g_clear_pointer (&self->chosen, g_strfreev);

  G_OBJECT_CLASS (iwd_commissions_tab_parent_class)->finalize (object);
}

static void
iwd_commissions_tab_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  IwdCommissionsTab *self = IWD_COMMISSIONS_TAB (object);

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
  g_type_ensure (IWD_TYPE_FRESHNESS_BANNER);
  g_type_ensure (IWD_TYPE_TABLE_VIEW);
  (void) iwd_portfolio_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/portfolio/iwd-commissions-tab.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, profile_dropdown);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, profile_names);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, summary_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, new_lines_button);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, banner);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, stack);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, progress);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, table_view);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, error_status);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, collecting_status);
  gtk_widget_class_bind_template_child (widget_class, IwdCommissionsTab, last_checked_label);
  gtk_widget_class_bind_template_callback (widget_class, profile_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, new_lines_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, banner_retry_cb);
}

static void
iwd_commissions_tab_class_init (IwdCommissionsTabClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_commissions_tab_dispose;
  object_class->finalize = iwd_commissions_tab_finalize;
  object_class->get_property = iwd_commissions_tab_get_property;

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       IWD_TYPE_COMMISSIONS_TAB_STATE, IWD_COMMISSIONS_TAB_STATE_IDLE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * IwdCommissionsTab::commissions-ready:
   * @self: the tab
   * @n_lines: the number of commission lines that arrived
   *
   * Emitted when lines arrive for statements that the tab showed as
   * still being collected.
   */
  signals[SIGNAL_COMMISSIONS_READY] =
    g_signal_new ("commissions-ready", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "commissions.reload", NULL, reload_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, "commissions.reload", NULL);

  bind_template (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
iwd_commissions_tab_init (IwdCommissionsTab *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->poll = iwd_collect_poll_new ();
  g_signal_connect_object (self->poll, "due", G_CALLBACK (poll_due_cb), self, G_CONNECT_SWAPPED);
  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  self->copies = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_object_unref);
  iwd_commissions_tab_set_profiles (self, NULL);
  set_state (self, IWD_COMMISSIONS_TAB_STATE_IDLE);
}

/**
 * iwd_commissions_tab_new:
 * @client: the ImportWeb client, signed in
 * @portfolio_id: the portfolio
 *
 * Creates the tab of a portfolio's commissions. It loads nothing until
 * a profile is chosen or iwd_commissions_tab_load() is called.
 *
 * Returns: (transfer floating): a new #IwdCommissionsTab
 */
GtkWidget *
iwd_commissions_tab_new (IwdClient  *client,
                         const char *portfolio_id)
{
  IwdCommissionsTab *self;

  g_return_val_if_fail (IWD_IS_CLIENT (client), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  self = g_object_new (IWD_TYPE_COMMISSIONS_TAB, NULL);
  self->client = g_object_ref (client);
  self->portfolio_id = g_strdup (portfolio_id);

  return GTK_WIDGET (self);
}

/**
 * iwd_commissions_tab_set_error_formatter:
 * @self: a #IwdCommissionsTab
 * @formatter: (nullable): the function that words the client's errors
 *
 * Chooses how the tab words a failed load.
 */
void
iwd_commissions_tab_set_error_formatter (IwdCommissionsTab *self,
                                         IwdErrorFormatter  formatter)
{
  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));

  self->formatter = formatter;
}

/**
 * iwd_commissions_tab_set_poll_interval:
 * @self: a #IwdCommissionsTab
 * @milliseconds: the time between two fetches while the robot collects,
 *   %IWD_COLLECT_POLL_DEFAULT_INTERVAL_MS by default
 *
 * Sets how often the tab fetches the statements again while they have
 * no line. It applies from the next fetch.
 */
void
iwd_commissions_tab_set_poll_interval (IwdCommissionsTab *self,
                                       guint              milliseconds)
{
  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));
  g_return_if_fail (milliseconds > 0);

  iwd_collect_poll_set_interval (self->poll, milliseconds);
}

/**
 * iwd_commissions_tab_set_profiles:
 * @self: a #IwdCommissionsTab
 * @profile_ids: (nullable) (array zero-terminated=1): the portfolio's
 *   profiles
 *
 * Lists the profiles in the drop-down after "All Profiles", keeping the
 * one chosen if it is still there. Nothing is loaded.
 */
void
iwd_commissions_tab_set_profiles (IwdCommissionsTab  *self,
                                  const char * const *profile_ids)
{
  g_autofree char *chosen = NULL;
  guint selected = 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;

  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));

  if (gtk_drop_down_get_selected (self->profile_dropdown) > 0)
    chosen = g_strdup (gtk_string_list_get_string (self->profile_names,
                                                   gtk_drop_down_get_selected (self->profile_dropdown)));
  g_strv_builder_add (builder, _("All Profiles"));
  for (guint i = 0; profile_ids != NULL && profile_ids[i] != NULL; i++)
    {
      g_strv_builder_add (builder, profile_ids[i]);
      if (g_strcmp0 (profile_ids[i], chosen) == 0)
        selected = i + 1;
    }
  names = g_strv_builder_end (builder);

  self->listing_profiles = TRUE;
  gtk_string_list_splice (self->profile_names, 0,
                          g_list_model_get_n_items (G_LIST_MODEL (self->profile_names)),
                          (const char * const *) names);
  gtk_drop_down_set_selected (self->profile_dropdown, selected);
  self->listing_profiles = FALSE;
}

/**
 * iwd_commissions_tab_load:
 * @self: a #IwdCommissionsTab
 * @profile_id: (nullable): a profile listed by
 *   iwd_commissions_tab_set_profiles(), or %NULL for all of them
 *
 * Chooses @profile_id in the drop-down and downloads its commission
 * statement, or every profile's one after the other, cancelling a load
 * under way. An unlisted @profile_id means all profiles.
 */
void
iwd_commissions_tab_load (IwdCommissionsTab *self,
                          const char        *profile_id)
{
  guint n_items;
  guint selected = 0;

  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));

  n_items = g_list_model_get_n_items (G_LIST_MODEL (self->profile_names));
  for (guint i = 1; profile_id != NULL && i < n_items; i++)
    {
      if (g_strcmp0 (gtk_string_list_get_string (self->profile_names, i), profile_id) == 0)
        selected = i;
    }

  self->listing_profiles = TRUE;
  gtk_drop_down_set_selected (self->profile_dropdown, selected);
  self->listing_profiles = FALSE;
  start_load (self);
}

/**
 * iwd_commissions_tab_cancel:
 * @self: a #IwdCommissionsTab
 *
 * Cancels the load under way, as the Cancel button does: the tab shows
 * again what it showed before.
 */
void
iwd_commissions_tab_cancel (IwdCommissionsTab *self)
{
  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));

  g_cancellable_cancel (self->cancellable);
}

/**
 * iwd_commissions_tab_get_state:
 * @self: a #IwdCommissionsTab
 *
 * Returns: what the tab shows now
 */
IwdCommissionsTabState
iwd_commissions_tab_get_state (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), IWD_COMMISSIONS_TAB_STATE_IDLE);

  return self->state;
}

/**
 * iwd_commissions_tab_get_n_rows:
 * @self: a #IwdCommissionsTab
 *
 * Returns: the number of commission lines shown, over all profiles
 */
guint
iwd_commissions_tab_get_n_rows (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), 0);

  return self->grid_table != NULL ? iwd_table_get_n_rows (self->grid_table) : 0;
}

/**
 * iwd_commissions_tab_get_total:
 * @self: a #IwdCommissionsTab
 * @out_total: (out): the sum of the commission columns shown, in
 *   ten-thousandths of a euro
 *
 * Adds up the commissions shown, exactly.
 *
 * Returns: %FALSE if no table shown has a commission column, or the
 *   total does not fit a #gint64
 */
gboolean
iwd_commissions_tab_get_total (IwdCommissionsTab *self,
                               gint64            *out_total)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), FALSE);
  g_return_val_if_fail (out_total != NULL, FALSE);

  return sum_commissions (self->tables, out_total);
}

/**
 * iwd_commissions_tab_get_summary:
 * @self: a #IwdCommissionsTab
 *
 * Returns: (nullable): the line count and total shown above the grid, or
 *   %NULL before the first load
 */
const char *
iwd_commissions_tab_get_summary (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return self->summary;
}

/**
 * iwd_commissions_tab_get_error_message:
 * @self: a #IwdCommissionsTab
 *
 * Returns: (nullable): the sentence shown for the last failed load
 */
const char *
iwd_commissions_tab_get_error_message (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return self->error_message;
}

/**
 * iwd_commissions_tab_set_history_store:
 * @self: a #IwdCommissionsTab
 * @store: (nullable): the account's history store
 *
 * Keeps each profile's statement in @store from the next load on: the
 * stored copy shows before the network replies, and stays when the
 * network fails.
 */
void
iwd_commissions_tab_set_history_store (IwdCommissionsTab *self,
                                       IwdHistoryStore   *store)
{
  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));
  g_return_if_fail (store == NULL || IWD_IS_HISTORY_STORE (store));

  if (!g_set_object (&self->store, store))
    return;

  g_hash_table_remove_all (self->copies);
  iwd_freshness_banner_set_data (self->banner, NULL);
  replace_history_view (self, NULL);
}

/**
 * iwd_commissions_tab_take_copies:
 * @self: a #IwdCommissionsTab
 *
 * Cancels the load under way and removes the stored copies from the tab,
 * with the statements, banner and new lines shown from them, so that no
 * forgotten copy stays on screen. The tab shows its idle page until the
 * next load.
 *
 * Returns: (transfer container) (element-type IwdPortfolioData): the
 *   copies removed, for the caller to forget
 */
GPtrArray *
iwd_commissions_tab_take_copies (IwdCommissionsTab *self)
{
  GPtrArray *copies = g_ptr_array_new_with_free_func (g_object_unref);
  GHashTableIter iter;
  gpointer data;

  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  iwd_commissions_tab_cancel (self);
  g_clear_object (&self->cancellable);
  iwd_collect_poll_stop (self->poll);
  g_hash_table_iter_init (&iter, self->copies);
  while (g_hash_table_iter_next (&iter, NULL, &data))
    {
      /* A copy that the forget empties must not make the tab look it up
       * again, which would create a new one. */
      g_signal_handlers_disconnect_by_data (data, self);
      g_ptr_array_add (copies, g_object_ref (data));
    }
  g_hash_table_remove_all (self->copies);

  iwd_freshness_banner_set_data (self->banner, NULL);
  replace_history_view (self, NULL);
  clear_tables (self);
  g_clear_pointer (&self->summary, g_free);
  gtk_label_set_text (self->summary_label, "");
  set_state (self, IWD_COMMISSIONS_TAB_STATE_IDLE);

  return copies;
}

/**
 * iwd_commissions_tab_get_copy:
 * @self: a #IwdCommissionsTab
 * @profile_id: a profile
 *
 * Returns: (transfer none) (nullable): the stored copy of the profile's
 *   statement, or %NULL if the tab has not loaded it with a store
 */
IwdPortfolioData *
iwd_commissions_tab_get_copy (IwdCommissionsTab *self,
                              const char        *profile_id)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return g_hash_table_lookup (self->copies, profile_id);
}

/**
 * iwd_commissions_tab_get_freshness_banner:
 * @self: a #IwdCommissionsTab
 *
 * Returns: (transfer none): the banner above the grids, empty without a
 *   history store
 */
IwdFreshnessBanner *
iwd_commissions_tab_get_freshness_banner (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return self->banner;
}

/**
 * iwd_commissions_tab_get_history_view:
 * @self: a #IwdCommissionsTab
 *
 * Returns: (transfer none) (nullable): the new lines of the chosen
 *   profile, or %NULL without a store or with "All Profiles" chosen
 */
IwdHistoryView *
iwd_commissions_tab_get_history_view (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return self->history_view;
}

/**
 * iwd_commissions_tab_show_new_lines:
 * @self: a #IwdCommissionsTab
 * @show: %TRUE for the new lines, %FALSE for the statement
 *
 * Switches between the statement and its new lines, as the New Lines
 * toggle does.
 */
void
iwd_commissions_tab_show_new_lines (IwdCommissionsTab *self,
                                    gboolean           show)
{
  g_return_if_fail (IWD_IS_COMMISSIONS_TAB (self));

  gtk_toggle_button_set_active (self->new_lines_button, show);
}

/**
 * iwd_commissions_tab_get_page:
 * @self: a #IwdCommissionsTab
 *
 * Returns: the page shown: "idle", "loading", "table", "error" or
 *   "new-lines"
 */
const char *
iwd_commissions_tab_get_page (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/**
 * iwd_commissions_tab_get_table_view:
 * @self: a #IwdCommissionsTab
 *
 * Gets the grid, which shows every chosen profile's statement. With more
 * than one profile, its first column names each line's profile.
 *
 * Returns: (transfer none): the grid
 */
IwdTableView *
iwd_commissions_tab_get_table_view (IwdCommissionsTab *self)
{
  g_return_val_if_fail (IWD_IS_COMMISSIONS_TAB (self), NULL);

  return self->table_view;
}
