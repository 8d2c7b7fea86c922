/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-summary-panel.h"

#include <glib/gi18n.h>

#include "iwd-cell-format.h"
#include "iwd-commissions-summary.h"
#include "iwd-grid-resources.h"

/**
 * IwdSummaryPanel:
 *
 * The commissions summary beside the grid: the totals of the rows the
 * grid shows, by company and by month, each as a small grid of labels
 * built from iwd_commissions_summary_build(). A summary has a few dozen
 * rows at most, so labels do better here than a column view.
 */
struct _IwdSummaryPanel
{
  GtkWidget  parent_instance;

  GtkLabel  *company_heading; /* template child; "Totals by company" or "by profile" */
  GtkGrid   *company_grid;   /* template child */
  GtkGrid   *month_grid;     /* template child */
};

G_DEFINE_FINAL_TYPE (IwdSummaryPanel, iwd_summary_panel, GTK_TYPE_WIDGET)

static void
clear_grid (GtkGrid *grid)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (grid))) != NULL)
    gtk_grid_remove (grid, child);
}

static void
attach_label (GtkGrid    *grid,
              const char *text,
              guint       column,
              guint       row,
              gboolean    numeric,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), numeric ? 1.0 : 0.0);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  if (numeric)
    gtk_widget_add_css_class (label, "numeric");
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);

  gtk_grid_attach (grid, label, column, row, 1, 1);
}

static void
fill_grid (GtkGrid  *grid,
           IwdTable *summary)
{
  guint n_columns = iwd_table_get_n_columns (summary);

  for (guint column = 0; column < n_columns; column++)
    attach_label (grid, iwd_table_get_column_label (summary, column), column, 0,
                  column > 0, "heading");

  for (guint row = 0; row < iwd_table_get_n_rows (summary); row++)
    {
      for (guint column = 0; column < n_columns; column++)
        {
          g_autofree char *text = iwd_cell_format (summary, row, column);
          gboolean is_empty_group = column == 0 && text[0] == '\0';

          if (is_empty_group)
            {
              g_free (text);
              /* Translators: the group of the rows whose company or date is empty */
              text = g_strdup (C_("summary", "None"));
            }

          attach_label (grid, text, column, row + 1, column > 0,
                        is_empty_group ? "dim-label" : NULL);
        }
    }
}

static void
show_summary (GtkGrid         *grid,
              IwdTable        *table,
              const guint     *rows,
              guint            n_rows,
              IwdSummaryGroup  group)
{
  g_autoptr(IwdTable) summary = NULL;
  g_autoptr(GError) error = NULL;

  clear_grid (grid);
  summary = iwd_commissions_summary_build (table, rows, n_rows, group, &error);
  if (summary != NULL)
    {
      fill_grid (grid, summary);
      return;
    }

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_warning ("grid: summarizing the commissions failed: %s", error->message);
  attach_label (grid, group == IWD_SUMMARY_GROUP_COMPANY
                      ? _("No company or profile column")
                      : _("No date column"), 0, 0, FALSE, "dim-label");
}

static void
iwd_summary_panel_dispose (GObject *object)
{
  GtkWidget *child;

  /* gtk_widget_dispose_template() unparents only the bound children, so
   * the scrolled window is unparented here. */
  gtk_widget_dispose_template (GTK_WIDGET (object), IWD_TYPE_SUMMARY_PANEL);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (object))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (iwd_summary_panel_parent_class)->dispose (object);
}

static void
iwd_summary_panel_class_init (IwdSummaryPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_summary_panel_dispose;

  (void) iwd_grid_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/grid/iwd-summary-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdSummaryPanel, company_heading);
  gtk_widget_class_bind_template_child (widget_class, IwdSummaryPanel, company_grid);
  gtk_widget_class_bind_template_child (widget_class, IwdSummaryPanel, month_grid);
}

static void
iwd_summary_panel_init (IwdSummaryPanel *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iwd_summary_panel_new:
 *
 * Creates an empty summary panel.
 *
 * Returns: (transfer full): a new summary panel
 */
GtkWidget *
iwd_summary_panel_new (void)
{
  return g_object_new (IWD_TYPE_SUMMARY_PANEL, NULL);
}

/**
 * iwd_summary_panel_set_rows:
 * @self: a summary panel
 * @table: a table of commissions
 * @rows: (array length=n_rows): the rows to total, such as those the
 *   grid shows
 * @n_rows: the number of @rows
 *
 * Shows the totals of @rows by company, or by profile for a statement
 * that names no company, and by month.
 */
void
iwd_summary_panel_set_rows (IwdSummaryPanel *self,
                            IwdTable        *table,
                            const guint     *rows,
                            guint            n_rows)
{
  guint column;
  gboolean by_profile;

  g_return_if_fail (IWD_IS_SUMMARY_PANEL (self));
  g_return_if_fail (IWD_IS_TABLE (table));

  /* With neither column, the heading stays "by company", above the
   * sentence that reports the missing column. */
  by_profile = !iwd_commissions_summary_has_company (table)
               && iwd_commissions_summary_find_group_column (table, IWD_SUMMARY_GROUP_COMPANY, &column);
  gtk_label_set_text (self->company_heading, by_profile ? _("Totals by profile") : _("Totals by company"));
  show_summary (self->company_grid, table, rows, n_rows, IWD_SUMMARY_GROUP_COMPANY);
  show_summary (self->month_grid, table, rows, n_rows, IWD_SUMMARY_GROUP_MONTH);
}
