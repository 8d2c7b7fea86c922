/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * The comparison of two fetches of the same portfolio.
 *
 * Contracts are matched by policy number (police.numero_police_cie). A
 * number that occurs several times, as when two companies use the same
 * numbering, matches its occurrences in order. A contract without a
 * number is matched by its whole row instead, so it can appear or vanish
 * but never show as changed. Only the columns that both fetches have are
 * compared, so that a key the API starts sending does not mark every
 * contract as changed.
 *
 * Commission lines have no key: the lines of the current fetch that the
 * previous one lacks, counted as a multiset of whole lines (over the
 * columns both have), are the new ones.
 */

#include "iwd-history-diff.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iwd-history-columns.h"

#define NO_ROW G_MAXUINT
#define NO_COLUMN G_MAXUINT

/* End each cell of a line's identity, and stand for an empty cell. Both
 * are control characters, which text from the API is not expected to
 * contain. */
#define CELL_SEPARATOR '\x1f'
#define NULL_MARK '\x1e'

typedef enum {
  OUTPUT_CHANGE,
  OUTPUT_POLICY,
  OUTPUT_CLIENT,
  OUTPUT_TOWN,
  OUTPUT_FIELD,
  OUTPUT_OLD_VALUE,
  OUTPUT_NEW_VALUE,
  N_OUTPUT_COLUMNS
} OutputColumn;

typedef struct {
  guint *previous_columns;   /* owned; per current column, or NO_COLUMN */
  guint  n_columns;          /* of the current table */
} ColumnMap;

typedef struct {
  IwdTable   *previous;      /* borrowed from the caller */
  IwdTable   *current;       /* borrowed from the caller */
  ColumnMap   map;
  guint       previous_policy;
  guint       current_policy;
  GHashTable *first_row;     /* owned; key → first unmatched previous row + 1 */
  guint      *next_row;      /* owned; previous row → next row of the same key */
  gboolean   *matched;       /* owned; per previous row */
  GPtrArray  *owned_keys;    /* owned; identities built for rows without a number */
  GPtrArray  *output;        /* owned; of IwdTableColumn, N_OUTPUT_COLUMNS */
  guint       n_output_rows;
  IwdHistoryValueFormatter format_value;  /* nullable */
} ContractsDiff;

static void
column_map_init (ColumnMap *map,
                 IwdTable  *previous,
                 IwdTable  *current)
{
  map->n_columns = iwd_table_get_n_columns (current);
  map->previous_columns = g_new (guint, MAX (map->n_columns, 1));

  for (guint i = 0; i < map->n_columns; i++)
    if (!iwd_table_find_column (previous, iwd_table_get_column_key (current, i),
                                &map->previous_columns[i]))
      map->previous_columns[i] = NO_COLUMN;
}

static void
append_cell_identity (GString  *identity,
                      IwdTable *table,
                      guint     row,
                      guint     column)
{
  g_autofree char *text = NULL;

  if (iwd_table_is_null (table, row, column))
    {
      g_string_append_c (identity, NULL_MARK);
      return;
    }

  text = iwd_table_dup_cell_string (table, row, column);
  g_string_append (identity, text);
}

/* Writes a row's cells, over the columns both tables have, in the
 * current table's column order. @in_current is TRUE if @row is a row of
 * the current table. */
static char *
dup_row_identity (const ColumnMap *map,
                  IwdTable        *table,
                  gboolean         in_current,
                  guint            row)
{
  GString *identity = g_string_new (NULL);

  for (guint i = 0; i < map->n_columns; i++)
    {
      if (map->previous_columns[i] == NO_COLUMN)
        continue;

      append_cell_identity (identity, table, row, in_current ? i : map->previous_columns[i]);
      g_string_append_c (identity, CELL_SEPARATOR);
    }

  return g_string_free (identity, FALSE);
}

static gboolean
cells_equal (IwdTable *previous,
             guint     previous_row,
             guint     previous_column,
             IwdTable *current,
             guint     current_row,
             guint     current_column)
{
  IwdTableKind kind = iwd_table_get_column_kind (current, current_column);
  gboolean previous_null = iwd_table_is_null (previous, previous_row, previous_column);
  g_autofree char *previous_text = NULL;
  g_autofree char *current_text = NULL;

  if (previous_null != iwd_table_is_null (current, current_row, current_column))
    return FALSE;
  if (previous_null)
    return TRUE;

  if (kind != iwd_table_get_column_kind (previous, previous_column))
    {
      previous_text = iwd_table_dup_cell_string (previous, previous_row, previous_column);
      current_text = iwd_table_dup_cell_string (current, current_row, current_column);
      return g_str_equal (previous_text, current_text);
    }

  if (kind == IWD_TABLE_KIND_TEXT)
    return g_str_equal (iwd_table_get_text (previous, previous_row, previous_column),
                        iwd_table_get_text (current, current_row, current_column));

  return iwd_table_get_int64 (previous, previous_row, previous_column)
         == iwd_table_get_int64 (current, current_row, current_column);
}

static IwdTableColumn *
new_text_column (const char *key,
                 const char *label)
{
  IwdTableColumn *column = iwd_history_columns_new (key, IWD_TABLE_KIND_TEXT, NULL);

  if (column->label_msgid == NULL)
    column->custom_label = g_strdup (label);

  return column;
}

static GPtrArray *
new_output_columns (void)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);

  /* Translators: the heading of the column that shows whether a contract
   * is new, gone or changed since the previous download */
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_CHANGE, C_("history", "Change")));
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_POLICY, NULL));
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_CLIENT, _("Client")));
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_TOWN, NULL));
  /* Translators: the heading of the column that names the changed value,
   * such as "Premium" */
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_FIELD, C_("history", "Field")));
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_OLD_VALUE, _("Previous value")));
  g_ptr_array_add (columns, new_text_column (IWD_HISTORY_DIFF_NEW_VALUE, _("New value")));

  return columns;
}

static void
set_output_text (ContractsDiff *diff,
                 OutputColumn   column,
                 const char    *text)
{
  IwdTableColumn *storage = g_ptr_array_index (diff->output, column);

  if (text == NULL || *text == '\0')
    return;

  /* A cell of text from a finished table is far below the column's
   * 4 GiB limit, which is the only failure of set_text. */
  iwd_table_column_set_text (storage, diff->n_output_rows, text, strlen (text), NULL);
}

static char *
dup_cell (IwdTable *table,
          guint     row,
          guint     column)
{
  if (column == NO_COLUMN || iwd_table_is_null (table, row, column))
    return NULL;

  return iwd_table_dup_cell_string (table, row, column);
}

/* Writes an old or new value with the caller's formatter, or as
 * iwd_table_dup_cell_string() does without one. */
static char *
dup_value (ContractsDiff *diff,
           IwdTable      *table,
           guint          row,
           guint          column)
{
  IwdTableKind kind;

  if (column == NO_COLUMN || iwd_table_is_null (table, row, column))
    return NULL;

  kind = iwd_table_get_column_kind (table, column);
  if (diff->format_value == NULL || kind == IWD_TABLE_KIND_TEXT)
    return iwd_table_dup_cell_string (table, row, column);

  return diff->format_value (kind, iwd_table_get_int64 (table, row, column));
}

/* NOTE: the documented contract has only the client's first name
 * (client.prenom); an account whose data adds client.nom gets both. */
static char *
dup_client_name (IwdTable *table,
                 guint     row)
{
  guint last_column = NO_COLUMN, first_column = NO_COLUMN;
  g_autofree char *last_name = NULL;
  g_autofree char *first_name = NULL;

  iwd_table_find_column (table, "client.nom", &last_column);
  iwd_table_find_column (table, "client.prenom", &first_column);
  last_name = dup_cell (table, row, last_column);
  first_name = dup_cell (table, row, first_column);

  if (last_name != NULL && first_name != NULL)
    return g_strconcat (last_name, " ", first_name, NULL);

  return g_strdup (last_name != NULL ? last_name : first_name);
}

/* Starts an output row with the contract's number, client and town. */
static void
begin_output_row (ContractsDiff *diff,
                  const char    *change,
                  IwdTable      *table,
                  guint          row)
{
  guint policy_column = table == diff->current ? diff->current_policy : diff->previous_policy;
  guint town_column = NO_COLUMN;
  g_autofree char *policy = NULL;
  g_autofree char *client = dup_client_name (table, row);
  g_autofree char *town = NULL;

  for (guint i = 0; i < N_OUTPUT_COLUMNS; i++)
    iwd_table_column_append_null (g_ptr_array_index (diff->output, i));

  iwd_table_find_column (table, "client.ville", &town_column);
  policy = dup_cell (table, row, policy_column);
  town = dup_cell (table, row, town_column);

  set_output_text (diff, OUTPUT_CHANGE, change);
  set_output_text (diff, OUTPUT_POLICY, policy);
  set_output_text (diff, OUTPUT_CLIENT, client);
  set_output_text (diff, OUTPUT_TOWN, town);
}

static void
end_output_row (ContractsDiff *diff)
{
  diff->n_output_rows++;
}

/* A new or vanished contract's row shows its premium, which is what the
 * broker gains or loses. */
static void
add_whole_contract (ContractsDiff *diff,
                    const char    *change,
                    IwdTable      *table,
                    guint          row)
{
  guint premium_column = NO_COLUMN;
  g_autofree char *premium = NULL;

  begin_output_row (diff, change, table, row);

  if (iwd_table_find_column (table, "police.prime", &premium_column))
    premium = dup_value (diff, table, row, premium_column);
  if (premium != NULL)
    {
      set_output_text (diff, OUTPUT_FIELD, iwd_table_get_column_label (table, premium_column));
      set_output_text (diff, table == diff->current ? OUTPUT_NEW_VALUE : OUTPUT_OLD_VALUE, premium);
    }

  end_output_row (diff);
}

static void
add_changed_field (ContractsDiff *diff,
                   guint          previous_row,
                   guint          current_row,
                   guint          current_column)
{
  guint previous_column = diff->map.previous_columns[current_column];
  g_autofree char *old_value = dup_value (diff, diff->previous, previous_row, previous_column);
  g_autofree char *new_value = dup_value (diff, diff->current, current_row, current_column);

  /* Translators: a contract whose values changed since the previous
   * download, shown in the Change column */
  begin_output_row (diff, C_("history", "Changed"), diff->current, current_row);
  set_output_text (diff, OUTPUT_FIELD, iwd_table_get_column_label (diff->current, current_column));
  set_output_text (diff, OUTPUT_OLD_VALUE, old_value);
  set_output_text (diff, OUTPUT_NEW_VALUE, new_value);
  end_output_row (diff);
}

static void
compare_contract (ContractsDiff *diff,
                  guint          previous_row,
                  guint          current_row)
{
  for (guint column = 0; column < diff->map.n_columns; column++)
    {
      guint previous_column = diff->map.previous_columns[column];

      if (previous_column == NO_COLUMN || column == diff->current_policy)
        continue;

      if (!cells_equal (diff->previous, previous_row, previous_column,
                        diff->current, current_row, column))
        add_changed_field (diff, previous_row, current_row, column);
    }
}

/* Returns the row's policy number, or its whole-row identity, which
 * @diff keeps. */
static const char *
get_contract_key (ContractsDiff *diff,
                  IwdTable      *table,
                  guint          row)
{
  gboolean in_current = table == diff->current;
  guint policy_column = in_current ? diff->current_policy : diff->previous_policy;
  char *identity;

  if (policy_column != NO_COLUMN && !iwd_table_is_null (table, row, policy_column)
      && iwd_table_get_column_kind (table, policy_column) == IWD_TABLE_KIND_TEXT)
    return iwd_table_get_text (table, row, policy_column);

  identity = dup_row_identity (&diff->map, table, in_current, row);
  g_ptr_array_add (diff->owned_keys, identity);
  return identity;
}

/* Chains the previous rows of each key in row order. The chain is built
 * backwards, so that each key's head ends at its first row. */
static void
index_previous (ContractsDiff *diff)
{
  guint n_rows = iwd_table_get_n_rows (diff->previous);

  for (guint row = n_rows; row-- > 0;)
    {
      const char *key = get_contract_key (diff, diff->previous, row);
      gpointer head = g_hash_table_lookup (diff->first_row, key);

      diff->next_row[row] = head != NULL ? GPOINTER_TO_UINT (head) - 1 : NO_ROW;
      g_hash_table_insert (diff->first_row, (gpointer) key, GUINT_TO_POINTER (row + 1));
    }
}

static guint
take_previous_row (ContractsDiff *diff,
                   const char    *key)
{
  gpointer head = g_hash_table_lookup (diff->first_row, key);
  guint row;

  if (head == NULL)
    return NO_ROW;

  row = GPOINTER_TO_UINT (head) - 1;
  if (diff->next_row[row] == NO_ROW)
    g_hash_table_remove (diff->first_row, key);
  else
    g_hash_table_insert (diff->first_row, (gpointer) key,
                         GUINT_TO_POINTER (diff->next_row[row] + 1));

  diff->matched[row] = TRUE;
  return row;
}

static void
diff_current_rows (ContractsDiff *diff)
{
  guint n_rows = iwd_table_get_n_rows (diff->current);

  for (guint row = 0; row < n_rows; row++)
    {
      const char *key = get_contract_key (diff, diff->current, row);
      guint previous_row = take_previous_row (diff, key);

      if (previous_row != NO_ROW)
        {
          compare_contract (diff, previous_row, row);
          continue;
        }

      /* Translators: a contract that appeared since the previous
       * download, shown in the Change column */
      add_whole_contract (diff, C_("history", "New"), diff->current, row);
    }
}

static void
add_vanished_rows (ContractsDiff *diff)
{
  guint n_rows = iwd_table_get_n_rows (diff->previous);

  /* Translators: a contract missing since the previous download, perhaps
   * cancelled, shown in the Change column */
  const char *gone_label = C_("history", "Gone");

  for (guint row = 0; row < n_rows; row++)
    if (!diff->matched[row])
      add_whole_contract (diff, gone_label, diff->previous, row);
}

static guint
find_policy_column (IwdTable *table)
{
  guint column;

  if (!iwd_table_find_column (table, IWD_HISTORY_DIFF_POLICY, &column))
    return NO_COLUMN;

  return column;
}

static void
contracts_diff_init (ContractsDiff *diff,
                     IwdTable      *previous,
                     IwdTable      *current)
{
  guint n_previous = iwd_table_get_n_rows (previous);

  diff->previous = previous;
  diff->current = current;
  column_map_init (&diff->map, previous, current);
  diff->previous_policy = find_policy_column (previous);
  diff->current_policy = find_policy_column (current);
  diff->first_row = g_hash_table_new (g_str_hash, g_str_equal);
  diff->next_row = g_new (guint, MAX (n_previous, 1));
  diff->matched = g_new0 (gboolean, MAX (n_previous, 1));
  diff->owned_keys = g_ptr_array_new_with_free_func (g_free);
  diff->output = new_output_columns ();
}

static void
contracts_diff_clear (ContractsDiff *diff)
{
  g_free (diff->map.previous_columns);
  g_clear_pointer (&diff->first_row, g_hash_table_unref);
  g_free (diff->next_row);
  g_free (diff->matched);
  g_clear_pointer (&diff->owned_keys, g_ptr_array_unref);
  g_clear_pointer (&diff->output, g_ptr_array_unref);
}

static void
copy_cell (IwdTableColumn *target,
           guint           target_row,
           IwdTable       *table,
           guint           row,
           guint           column)
{
  const char *text;

  if (iwd_table_is_null (table, row, column))
    return;

  if (target->kind != IWD_TABLE_KIND_TEXT)
    {
      iwd_table_column_set_int64 (target, target_row, iwd_table_get_int64 (table, row, column));
      return;
    }

  text = iwd_table_get_text (table, row, column);
  iwd_table_column_set_text (target, target_row, text, strlen (text), NULL);
}

static GPtrArray *
new_columns_like (IwdTable *table)
{
  GPtrArray *columns = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_table_column_free);

  for (guint i = 0; i < iwd_table_get_n_columns (table); i++)
    g_ptr_array_add (columns, iwd_history_columns_new_like (table, i));

  return columns;
}

static void
append_row_copy (GPtrArray *columns,
                 IwdTable  *table,
                 guint      row)
{
  for (guint i = 0; i < columns->len; i++)
    {
      IwdTableColumn *column = g_ptr_array_index (columns, i);

      iwd_table_column_append_null (column);
      copy_cell (column, column->n_cells - 1, table, row, i);
    }
}

static GHashTable *
count_lines (const ColumnMap *map,
             IwdTable        *previous)
{
  GHashTable *counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint row = 0; row < iwd_table_get_n_rows (previous); row++)
    {
      char *identity = dup_row_identity (map, previous, FALSE, row);
      guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, identity));

      g_hash_table_insert (counts, identity, GUINT_TO_POINTER (count + 1));
    }

  return counts;
}

/* Removes one occurrence of the line. Returns FALSE if none is left. */
static gboolean
take_line (GHashTable *counts,
           const char *identity)
{
  guint count = GPOINTER_TO_UINT (g_hash_table_lookup (counts, identity));

  if (count == 0)
    return FALSE;

  if (count == 1)
    g_hash_table_remove (counts, identity);
  else
    g_hash_table_insert (counts, g_strdup (identity), GUINT_TO_POINTER (count - 1));

  return TRUE;
}

/**
 * iwd_history_diff_contracts:
 * @previous: the older fetch of a portfolio's contracts
 * @current: the newer fetch
 *
 * Compares two fetches of contracts, matched by policy number. Each
 * contract of @current missing from @previous gives a "New" row and each
 * contract of @previous missing from @current a "Gone" row (a
 * cancellation the insurer may not have reported), both with the
 * contract's premium. Each column whose value differs in a contract of
 * both gives a "Changed" row naming the column, with the old and new
 * values.
 *
 * The result has the text columns IWD_HISTORY_DIFF_CHANGE,
 * IWD_HISTORY_DIFF_POLICY, IWD_HISTORY_DIFF_CLIENT, IWD_HISTORY_DIFF_TOWN,
 * IWD_HISTORY_DIFF_FIELD, IWD_HISTORY_DIFF_OLD_VALUE and
 * IWD_HISTORY_DIFF_NEW_VALUE, with values as iwd_table_dup_cell_string()
 * writes them, so that it shows and exports like any table. New and
 * changed rows come in @current's order, then gone rows in @previous's.
 *
 * Returns: (transfer full): the differences, with no rows if none
 */
IwdTable *
iwd_history_diff_contracts (IwdTable *previous,
                            IwdTable *current)
{
  return iwd_history_diff_contracts_formatted (previous, current, NULL);
}

/**
 * iwd_history_diff_contracts_formatted:
 * @previous: the older fetch of a portfolio's contracts
 * @current: the newer fetch
 * @format_value: (nullable): writes the old and new values that are not
 *   text, or %NULL to write them as iwd_table_dup_cell_string() does
 *
 * Compares two fetches of contracts as iwd_history_diff_contracts()
 * does. The old and new values of one column are of several kinds, so
 * the column is text, and @format_value writes each value from its
 * kind, as a grid would show it in a column of that kind.
 *
 * Returns: (transfer full): the differences, with no rows if none
 */
IwdTable *
iwd_history_diff_contracts_formatted (IwdTable                 *previous,
                                      IwdTable                 *current,
                                      IwdHistoryValueFormatter  format_value)
{
  ContractsDiff diff = { 0 };
  IwdTable *result;

  g_return_val_if_fail (IWD_IS_TABLE (previous), NULL);
  g_return_val_if_fail (IWD_IS_TABLE (current), NULL);

  contracts_diff_init (&diff, previous, current);
  diff.format_value = format_value;
  index_previous (&diff);
  diff_current_rows (&diff);
  add_vanished_rows (&diff);

  result = iwd_history_columns_finish_table (g_steal_pointer (&diff.output), diff.n_output_rows);
  contracts_diff_clear (&diff);

  return result;
}

/**
 * iwd_history_diff_commissions:
 * @previous: the older fetch of a profile's commission lines
 * @current: the newer fetch
 *
 * Finds the commission lines of @current that @previous does not have.
 * Lines have no key, so they are compared whole, over the columns both
 * fetches have, and counted: a line that @current contains three times and
 * @previous twice is new once.
 *
 * Returns: (transfer full): the new lines, with @current's columns and
 *   in its order
 */
IwdTable *
iwd_history_diff_commissions (IwdTable *previous,
                              IwdTable *current)
{
  ColumnMap map;
  g_autoptr(GHashTable) counts = NULL;
  GPtrArray *columns;
  guint n_rows = 0;

  g_return_val_if_fail (IWD_IS_TABLE (previous), NULL);
  g_return_val_if_fail (IWD_IS_TABLE (current), NULL);

  column_map_init (&map, previous, current);
  counts = count_lines (&map, previous);
  columns = new_columns_like (current);

  for (guint row = 0; row < iwd_table_get_n_rows (current); row++)
    {
      g_autofree char *identity = dup_row_identity (&map, current, TRUE, row);

      if (take_line (counts, identity))
        continue;

      append_row_copy (columns, current, row);
      n_rows++;
    }

  g_free (map.previous_columns);
  return iwd_history_columns_finish_table (columns, n_rows);
}
