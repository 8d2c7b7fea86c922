/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-summary.h"

#include <gio/gio.h>
#include <glib/gi18n.h>
#include <stdio.h>

#include "iwd-table-builder.h"

/* The totals of one group: its row count, then one sum per money column. */
typedef struct {
  char   *name;      /* owned; the company or the month as yyyy-mm, "" if empty */
  char   *label;     /* owned; the name as shown: "January 2023" for a month */
  guint   n_rows;
  gint64 *totals;    /* owned; per money column */
} Group;

/* Column keys, compared without case on their last dotted segment, that
 * name the company. Statements that have none are grouped by profile. */
static const char * const company_keys[] = { "cie", "compagnie", "company", "assureur" };
static const char * const profile_keys[] = { "profil", "profile", "idprofil", "id_profil", "idclient" };

static void
group_free (Group *group)
{
  g_free (group->name);
  g_free (group->label);
  g_free (group->totals);
  g_free (group);
}

static gboolean
key_is_one_of (const char         *key,
               const char * const *names,
               guint               n_names)
{
  const char *dot = strrchr (key, '.');
  const char *last = dot != NULL ? dot + 1 : key;

  for (guint i = 0; i < n_names; i++)
    {
      if (g_ascii_strcasecmp (last, names[i]) == 0)
        return TRUE;
    }

  return FALSE;
}

static gboolean
find_key_column (IwdTable           *table,
                 const char * const *names,
                 guint               n_names,
                 guint              *out_column)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      if (key_is_one_of (iwd_table_get_column_key (table, column), names, n_names))
        {
          *out_column = column;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
find_date_column (IwdTable *table,
                  guint    *out_column)
{
  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      IwdTableKind kind = iwd_table_get_column_kind (table, column);

      if (kind == IWD_TABLE_KIND_DATE || kind == IWD_TABLE_KIND_DATETIME)
        {
          *out_column = column;
          return TRUE;
        }
    }

  return FALSE;
}

static GArray *
find_money_columns (IwdTable *table)
{
  GArray *columns = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint column = 0; column < iwd_table_get_n_columns (table); column++)
    {
      if (iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_MONEY)
        g_array_append_val (columns, column);
    }

  return columns;
}

/* Translated here rather than by the C library, whose month names follow
 * LC_TIME: a broker may run the French interface with another locale. */
static const char * const month_names[] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/* Turns a month group's yyyy-mm name into "January 2023". */
static char *
dup_month_label (const char *name)
{
  guint year;
  guint month;

  if (sscanf (name, "%4u-%2u", &year, &month) != 2 || month < 1 || month > 12)
    return g_strdup (name);

  return g_strdup_printf ("%s %u", g_dpgettext2 (NULL, "month", month_names[month - 1]), year);
}

/* Months are written as yyyy-mm, so that they sort as text. */
static char *
dup_group_name (IwdTable        *table,
                guint            row,
                guint            column,
                IwdSummaryGroup  group)
{
  g_autoptr(GDateTime) date = NULL;

  if (iwd_table_is_null (table, row, column))
    return g_strdup ("");

  if (group == IWD_SUMMARY_GROUP_COMPANY)
    return iwd_table_dup_cell_string (table, row, column);

  date = g_date_time_new_from_unix_utc (iwd_table_get_int64 (table, row, column));
  return g_date_time_format (date, "%Y-%m");
}

/* Finds a group by name in @by_name, or adds a new one to it and to
 * @groups, which owns it. Takes @name. */
static Group *
lookup_group (GHashTable      *by_name,
              GPtrArray       *groups,
              char            *name,
              IwdSummaryGroup  group,
              guint            n_money)
{
  Group *found = g_hash_table_lookup (by_name, name);

  if (found != NULL)
    {
      g_free (name);
      return found;
    }

  found = g_new0 (Group, 1);
  found->name = name;
  found->label = group == IWD_SUMMARY_GROUP_MONTH ? dup_month_label (name) : g_strdup (name);
  found->totals = g_new0 (gint64, MAX (n_money, 1));
  g_hash_table_insert (by_name, found->name, found);
  g_ptr_array_add (groups, found);
  return found;
}

static gboolean
add_row (Group     *group,
         IwdTable  *table,
         guint      row,
         GArray    *money_columns,
         GError   **error)
{
  group->n_rows++;

  for (guint i = 0; i < money_columns->len; i++)
    {
      guint column = g_array_index (money_columns, guint, i);

      if (iwd_table_is_null (table, row, column))
        continue;

      /* GLib has checked addition for unsigned types only. */
      if (__builtin_add_overflow (group->totals[i], iwd_table_get_int64 (table, row, column),
                                  &group->totals[i]))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       "the total of column %s overflows", iwd_table_get_column_key (table, column));
          return FALSE;
        }
    }

  return TRUE;
}

static gint
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const Group *group_a = *(Group * const *) a;
  const Group *group_b = *(Group * const *) b;
  g_autofree char *folded_a = g_utf8_casefold (group_a->name, -1);
  g_autofree char *folded_b = g_utf8_casefold (group_b->name, -1);

  /* Case-folded, so that "April" comes before "AXA" in the C locale too. */
  return g_utf8_collate (folded_a, folded_b);
}

/* Writes an amount in ten-thousandths as the builder reads a decimal. */
static char *
format_amount (gint64 ten_thousandths)
{
  guint64 magnitude = ten_thousandths < 0 ? -(guint64) ten_thousandths : (guint64) ten_thousandths;

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT ".%04u", ten_thousandths < 0 ? "-" : "",
                          magnitude / 10000, (guint) (magnitude % 10000));
}

static void
add_summary_columns (IwdTableBuilder *builder,
                     IwdTable        *table,
                     guint            group_column,
                     IwdSummaryGroup  group,
                     GArray          *money_columns)
{
  guint column;

  if (group == IWD_SUMMARY_GROUP_COMPANY)
    {
      column = iwd_table_builder_ensure_column (builder, iwd_table_get_column_key (table, group_column));
      iwd_table_builder_set_column_label (builder, column, iwd_table_get_column_label (table, group_column));
    }
  else
    {
      column = iwd_table_builder_ensure_column (builder, "month");
      iwd_table_builder_set_column_label (builder, column, _("Month"));
    }

  /* Translators: the heading of the column that counts a group's rows */
  iwd_table_builder_set_column_label (builder, iwd_table_builder_ensure_column (builder, "rows"),
                                      _("Rows"));

  for (guint i = 0; i < money_columns->len; i++)
    {
      guint money = g_array_index (money_columns, guint, i);

      column = iwd_table_builder_ensure_column (builder, iwd_table_get_column_key (table, money));
      iwd_table_builder_set_column_label (builder, column, iwd_table_get_column_label (table, money));
    }
}

static gboolean
add_summary_row (IwdTableBuilder  *builder,
                 Group            *group,
                 guint             n_money,
                 GError          **error)
{
  g_autofree char *count = g_strdup_printf ("%u", group->n_rows);

  if (!iwd_table_builder_set_cell (builder, 0, group->label, strlen (group->label), error)
      || !iwd_table_builder_set_cell (builder, 1, count, strlen (count), error))
    return FALSE;

  for (guint i = 0; i < n_money; i++)
    {
      g_autofree char *amount = format_amount (group->totals[i]);

      if (!iwd_table_builder_set_cell (builder, 2 + i, amount, strlen (amount), error))
        return FALSE;
    }

  iwd_table_builder_end_row (builder);
  return TRUE;
}

static GPtrArray *
collect_groups (IwdTable         *table,
                const guint      *rows,
                guint             n_rows,
                guint             group_column,
                IwdSummaryGroup   group,
                GArray           *money_columns,
                GError          **error)
{
  g_autoptr(GHashTable) by_name = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);

  for (guint i = 0; i < n_rows; i++)
    {
      char *name = dup_group_name (table, rows[i], group_column, group);
      Group *found = lookup_group (by_name, groups, name, group, money_columns->len);

      if (!add_row (found, table, rows[i], money_columns, error))
        return NULL;
    }

  g_ptr_array_sort (groups, compare_groups);
  return g_steal_pointer (&groups);
}

/**
 * iwd_commissions_summary_find_group_column:
 * @table: a table
 * @group: how rows are grouped
 * @out_column: (out): return location for the column
 *
 * Finds the column that a summary groups by. Companies come from the
 * first column whose key ends in `cie`, `compagnie`, `company` or
 * `assureur` in any case, else from a profile column. Months come from
 * the first date column.
 *
 * Returns: %TRUE if the table has such a column
 */
gboolean
iwd_commissions_summary_find_group_column (IwdTable        *table,
                                           IwdSummaryGroup  group,
                                           guint           *out_column)
{
  g_return_val_if_fail (IWD_IS_TABLE (table), FALSE);
  g_return_val_if_fail (out_column != NULL, FALSE);

  if (group == IWD_SUMMARY_GROUP_MONTH)
    return find_date_column (table, out_column);

  return find_key_column (table, company_keys, G_N_ELEMENTS (company_keys), out_column)
         || find_key_column (table, profile_keys, G_N_ELEMENTS (profile_keys), out_column);
}

/**
 * iwd_commissions_summary_has_company:
 * @table: a table
 *
 * Tells whether a summary of @table by company groups by a company
 * column, or falls back on a profile column because it has none.
 *
 * Returns: %TRUE if @table has a company column
 */
gboolean
iwd_commissions_summary_has_company (IwdTable *table)
{
  guint column;

  g_return_val_if_fail (IWD_IS_TABLE (table), FALSE);

  return find_key_column (table, company_keys, G_N_ELEMENTS (company_keys), &column);
}

/**
 * iwd_commissions_summary_applies:
 * @table: a table
 *
 * Tells whether a table looks like commissions that a summary can group:
 * it has a money column, and a company, profile or date column.
 *
 * Returns: %TRUE if a summary of @table makes sense
 */
gboolean
iwd_commissions_summary_applies (IwdTable *table)
{
  g_autoptr(GArray) money_columns = NULL;
  guint column;

  g_return_val_if_fail (IWD_IS_TABLE (table), FALSE);

  money_columns = find_money_columns (table);
  if (money_columns->len == 0)
    return FALSE;

  return iwd_commissions_summary_find_group_column (table, IWD_SUMMARY_GROUP_COMPANY, &column)
         || iwd_commissions_summary_find_group_column (table, IWD_SUMMARY_GROUP_MONTH, &column);
}

/**
 * iwd_commissions_summary_build:
 * @table: a table of commissions
 * @rows: (array length=n_rows): the rows to summarize, such as those a
 *   grid shows
 * @n_rows: the number of @rows
 * @group: how rows are grouped
 * @error: return location for a #GError
 *
 * Builds a table of one row per company, sorted by name without case,
 * or per month, in date order and named as "January 2023", with the
 * number of rows of each group and the exact sum of each money column. The summary's money columns keep the keys and labels of the
 * table's. Rows whose group cell is empty form a group named "".
 *
 * Returns: (transfer full): the summary, or %NULL with @error set if the
 *   table has no column to group by or a total overflows
 */
IwdTable *
iwd_commissions_summary_build (IwdTable         *table,
                               const guint      *rows,
                               guint             n_rows,
                               IwdSummaryGroup   group,
                               GError          **error)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(GArray) money_columns = NULL;
  g_autoptr(GPtrArray) groups = NULL;
  guint group_column;

  g_return_val_if_fail (IWD_IS_TABLE (table), NULL);
  g_return_val_if_fail (rows != NULL || n_rows == 0, NULL);

  if (!iwd_commissions_summary_find_group_column (table, group, &group_column))
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           "the table has no company, profile or date column to group by");
      return NULL;
    }

  money_columns = find_money_columns (table);
  groups = collect_groups (table, rows, n_rows, group_column, group, money_columns, error);
  if (groups == NULL)
    return NULL;

  add_summary_columns (builder, table, group_column, group, money_columns);
  for (guint i = 0; i < groups->len; i++)
    {
      if (!add_summary_row (builder, g_ptr_array_index (groups, i), money_columns->len, error))
        return NULL;
    }

  return iwd_table_builder_build (builder, error);
}
