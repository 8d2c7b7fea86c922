/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-column-chooser.h"
#include "iwd-row-details.h"
#include "iwd-summary-panel.h"
#include "iwd-table-view.h"

G_BEGIN_DECLS

/* The name of the GtkColumnViewColumn data that stores its table
 * column's index, so that an export writes the visible columns in their
 * shown order. */
#define IWD_TABLE_VIEW_COLUMN_DATA "iwd-table-column"

struct _IwdTableView
{
  GtkWidget         parent_instance;

  GtkSearchEntry   *search_entry;    /* template child */
  GtkDropDown      *column_dropdown; /* template child; "All columns", then each column */
  GtkMenuButton    *sort_button;     /* template child */
  IwdColumnChooser *column_chooser;  /* template child */
  GtkToggleButton  *summary_button;  /* template child; shown for commissions only */
  GtkMenuButton    *export_button;   /* template child */
  GtkRevealer      *export_revealer; /* template child */
  GtkProgressBar   *export_progress; /* template child */
  GtkLabel         *export_status_label; /* template child */
  GtkStack         *content_stack;   /* template child; "grid" or "summary" */
  GtkColumnView    *column_view;     /* template child */
  IwdSummaryPanel  *summary_panel;   /* template child */
  IwdRowDetails    *row_details;     /* template child */
  GtkLabel         *status_label;    /* template child */
  GtkLabel         *totals_label;    /* template child */

  IwdTableModel      *model;         /* owned; NULL until a table is set */
  GtkSingleSelection *selection;     /* owned; NULL until a table is set */
  GPtrArray          *sorters;       /* owned; one IwdColumnSorter per column */
  char               *sort_key;      /* owned; the sort column's key, or "" for load order */
  GtkSortType         sort_type;
  guint               filtered_column; /* the column searched alone, or G_MAXUINT */
  GArray             *shown_columns; /* owned; the table column index of each grid column, in order */
  char               *table_kind;    /* owned; "contracts", "commissions" or "other" */
  GCancellable       *sort_cancellable;   /* owned; cancels the running sort, or NULL */
  GCancellable       *table_cancellable;  /* owned; cancels work on the table shown */
  GCancellable       *export_cancellable; /* owned; cancels the running export, or NULL */
};

void        iwd_table_view_install_export_actions (GtkWidgetClass *widget_class);
void        iwd_table_view_cancel_export          (IwdTableView   *self);

void        iwd_table_view_watch_sort             (IwdTableView   *self);
void        iwd_table_view_sort_by_key            (IwdTableView   *self,
                                                   const char     *key,
                                                   GtkSortType     sort_type);
const char *iwd_table_view_get_sort_order         (IwdTableView   *self);
void        iwd_table_view_set_sort_order         (IwdTableView   *self,
                                                   const char     *order);

G_END_DECLS
