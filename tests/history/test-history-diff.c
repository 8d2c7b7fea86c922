/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The comparison of two fetches, on tables built by hand whose
 * differences are known: each expected row is asserted, and nothing
 * else may appear. */

#include "history-test-table.h"
#include "iwd-history-diff.h"

static const char * const contract_keys[] = {
  "police.numero_police_cie", "client.prenom", "client.ville", "police.prime",
  "police.tauxcomcie", "police.mode_paiement", NULL,
};

/* Fails unless @row of @diff contains these texts, NULL for an empty cell. */
static void
assert_diff_row (IwdTable   *diff,
                 guint       row,
                 const char *change,
                 const char *policy,
                 const char *client,
                 const char *town,
                 const char *field,
                 const char *old_value,
                 const char *new_value)
{
  const char *expected[] = { change, policy, client, town, field, old_value, new_value };
  const char *keys[] = {
    IWD_HISTORY_DIFF_CHANGE, IWD_HISTORY_DIFF_POLICY, IWD_HISTORY_DIFF_CLIENT,
    IWD_HISTORY_DIFF_TOWN, IWD_HISTORY_DIFF_FIELD, IWD_HISTORY_DIFF_OLD_VALUE,
    IWD_HISTORY_DIFF_NEW_VALUE,
  };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    g_assert_cmpstr (iwd_table_get_text (diff, row, history_test_table_column (diff, keys[i])),
                     ==, expected[i]);
}

static void
test_diff_known_changes (void)
{
  static const char * const previous_cells[] = {
    "A1", "Hélène", "NICE", "100.00", "10", "Mensuel",
    "A2", "Joël", "LYON", "200.00", "12", "Annuel",
    "A3", "Zoé", "BREST", "300.00", "15", "Mensuel",
  };
  static const char * const current_cells[] = {
    "A1", "Hélène", "NICE", "105.00", "10", "Mensuel",
    "A3", "Zoé", "BREST", "300.00", "17.5", "Trimestriel",
    "A4", "Anaïs", "NÎMES", "450.10", "20", "",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (contract_keys, previous_cells, 3);
  g_autoptr(IwdTable) current = history_test_table_new (contract_keys, current_cells, 3);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 5);
  assert_diff_row (diff, 0, "Changed", "A1", "Hélène", "NICE", "Premium", "100", "105");
  assert_diff_row (diff, 1, "Changed", "A3", "Zoé", "BREST", "Commission rate", "15", "17.5");
  assert_diff_row (diff, 2, "Changed", "A3", "Zoé", "BREST", "Payment method", "Mensuel", "Trimestriel");
  assert_diff_row (diff, 3, "New", "A4", "Anaïs", "NÎMES", "Premium", NULL, "450.1");
  assert_diff_row (diff, 4, "Gone", "A2", "Joël", "LYON", "Premium", "200", NULL);
}

static void
test_diff_columns (void)
{
  g_autoptr(IwdTable) previous = history_test_table_contracts (2, 1);
  g_autoptr(IwdTable) current = history_test_table_contracts (2, 2);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);
  guint policy = history_test_table_column (diff, IWD_HISTORY_DIFF_POLICY);

  g_assert_cmpuint (iwd_table_get_n_columns (diff), ==, 7);
  g_assert_cmpint (iwd_table_get_column_kind (diff, policy), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_column_label (diff, policy), ==, "Policy number");
  g_assert_cmpstr (iwd_table_get_column_label (diff, 0), ==, "Change");
}

static void
test_diff_same_fetch (void)
{
  g_autoptr(IwdTable) previous = history_test_table_contracts (50, 1);
  g_autoptr(IwdTable) current = history_test_table_contracts (50, 1);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 0);
}

/* Contracts come back in any order. */
static void
test_diff_reordered (void)
{
  static const char * const previous_cells[] = {
    "A1", "Hélène", "NICE", "100", "10", "Mensuel",
    "A2", "Joël", "LYON", "200", "12", "Annuel",
  };
  static const char * const current_cells[] = {
    "A2", "Joël", "LYON", "200", "12", "Annuel",
    "A1", "Hélène", "NICE", "100", "10", "Mensuel",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (contract_keys, previous_cells, 2);
  g_autoptr(IwdTable) current = history_test_table_new (contract_keys, current_cells, 2);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 0);
}

/* The same number twice matches its occurrences in order. */
static void
test_diff_repeated_number (void)
{
  static const char * const previous_cells[] = {
    "B7", "Hélène", "NICE", "100", "10", "Mensuel",
    "B7", "Joël", "LYON", "200", "12", "Annuel",
  };
  static const char * const current_cells[] = {
    "B7", "Hélène", "NICE", "100", "10", "Mensuel",
    "B7", "Joël", "LYON", "250", "12", "Annuel",
    "B7", "Zoé", "BREST", "300", "15", "Annuel",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (contract_keys, previous_cells, 2);
  g_autoptr(IwdTable) current = history_test_table_new (contract_keys, current_cells, 3);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 2);
  assert_diff_row (diff, 0, "Changed", "B7", "Joël", "LYON", "Premium", "200", "250");
  assert_diff_row (diff, 1, "New", "B7", "Zoé", "BREST", "Premium", NULL, "300");
}

/* Without a number a contract is matched by its whole row, so a change
 * shows as one gone and one new. */
static void
test_diff_no_number (void)
{
  static const char * const keys[] = { "client.prenom", "client.ville", "police.prime", NULL };
  static const char * const previous_cells[] = {
    "Hélène", "NICE", "100",
    "Joël", "LYON", "200",
  };
  static const char * const current_cells[] = {
    "Joël", "LYON", "200",
    "Hélène", "NICE", "110",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (keys, previous_cells, 2);
  g_autoptr(IwdTable) current = history_test_table_new (keys, current_cells, 2);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 2);
  assert_diff_row (diff, 0, "New", NULL, "Hélène", "NICE", "Premium", NULL, "110");
  assert_diff_row (diff, 1, "Gone", NULL, "Hélène", "NICE", "Premium", "100", NULL);
}

/* A value that becomes empty, and a column that only one fetch has. */
static void
test_diff_empty_and_new_column (void)
{
  static const char * const previous_keys[] = { "police.numero_police_cie", "police.prime", NULL };
  static const char * const current_keys[] = {
    "police.numero_police_cie", "police.prime", "police.cp", NULL,
  };
  static const char * const previous_cells[] = { "C1", "80.5" };
  static const char * const current_cells[] = { "C1", "", "3" };
  g_autoptr(IwdTable) previous = history_test_table_new (previous_keys, previous_cells, 1);
  g_autoptr(IwdTable) current = history_test_table_new (current_keys, current_cells, 1);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 1);
  assert_diff_row (diff, 0, "Changed", "C1", NULL, NULL, "Premium", "80.5", NULL);
}

/* Writes a value with its kind, so that the asserts check which values
 * went through the formatter, and with which kind. */
static char *
format_with_kind (IwdTableKind kind,
                  gint64       value)
{
  return g_strdup_printf ("%d:%" G_GINT64_FORMAT, (int) kind, value);
}

/* The formatter writes the old and new values that are not text, and the
 * premium of new and gone contracts, but no text. */
static void
test_diff_formatted_values (void)
{
  static const char * const previous_cells[] = {
    "A1", "Hélène", "NICE", "100.00", "10", "Mensuel",
    "A2", "Joël", "LYON", "200.00", "12", "Annuel",
  };
  static const char * const current_cells[] = {
    "A1", "Hélène", "NICE", "17654.71", "10", "Trimestriel",
    "A4", "Anaïs", "NÎMES", "450.10", "20", "",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (contract_keys, previous_cells, 2);
  g_autoptr(IwdTable) current = history_test_table_new (contract_keys, current_cells, 2);
  g_autoptr(IwdTable) diff = iwd_history_diff_contracts_formatted (previous, current,
                                                                   format_with_kind);
  g_autofree char *money_100 = g_strdup_printf ("%d:1000000", IWD_TABLE_KIND_MONEY);
  g_autofree char *money_17654_71 = g_strdup_printf ("%d:176547100", IWD_TABLE_KIND_MONEY);
  g_autofree char *money_450_10 = g_strdup_printf ("%d:4501000", IWD_TABLE_KIND_MONEY);
  g_autofree char *money_200 = g_strdup_printf ("%d:2000000", IWD_TABLE_KIND_MONEY);

  g_assert_cmpuint (iwd_table_get_n_rows (diff), ==, 4);
  assert_diff_row (diff, 0, "Changed", "A1", "Hélène", "NICE", "Premium", money_100, money_17654_71);
  assert_diff_row (diff, 1, "Changed", "A1", "Hélène", "NICE", "Payment method", "Mensuel", "Trimestriel");
  assert_diff_row (diff, 2, "New", "A4", "Anaïs", "NÎMES", "Premium", NULL, money_450_10);
  assert_diff_row (diff, 3, "Gone", "A2", "Joël", "LYON", "Premium", money_200, NULL);
}

static void
test_diff_commissions (void)
{
  static const char * const keys[] = { "N° police", "Date d'effet", "Prime TTC", "Commission", NULL };
  static const char * const previous_cells[] = {
    "P1", "05/01/2023", "100,00", "10,00",
    "P1", "05/01/2023", "100,00", "10,00",
    "P2", "31/01/2023", "-30,00", "-3,00",
  };
  static const char * const current_cells[] = {
    "P1", "05/01/2023", "100,00", "10,00",
    "P2", "31/01/2023", "-30,00", "-3,00",
    "P1", "05/01/2023", "100,00", "10,00",
    "P1", "05/01/2023", "100,00", "10,00",
    "P3", "01/02/2023", "89,90", "8,99",
  };
  g_autoptr(IwdTable) previous = history_test_table_new (keys, previous_cells, 3);
  g_autoptr(IwdTable) current = history_test_table_new (keys, current_cells, 5);
  g_autoptr(IwdTable) lines = iwd_history_diff_commissions (previous, current);
  guint premium = history_test_table_column (lines, "Prime TTC");

  g_assert_cmpuint (iwd_table_get_n_rows (lines), ==, 2);
  g_assert_cmpuint (iwd_table_get_n_columns (lines), ==, 4);
  g_assert_cmpint (iwd_table_get_column_kind (lines, premium), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpstr (iwd_table_get_text (lines, 0, 0), ==, "P1");
  g_assert_cmpint (iwd_table_get_int64 (lines, 0, premium), ==, 1000000);
  g_assert_cmpstr (iwd_table_get_text (lines, 1, 0), ==, "P3");
  g_assert_cmpint (iwd_table_get_int64 (lines, 1, premium), ==, 899000);
}

static void
test_diff_commissions_none_new (void)
{
  static const char * const keys[] = { "N° police", "Prime TTC", NULL };
  static const char * const cells[] = { "P1", "100,00", "P2", "" };
  g_autoptr(IwdTable) previous = history_test_table_new (keys, cells, 2);
  g_autoptr(IwdTable) current = history_test_table_new (keys, cells, 2);
  g_autoptr(IwdTable) lines = iwd_history_diff_commissions (previous, current);

  g_assert_cmpuint (iwd_table_get_n_rows (lines), ==, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/diff/known-changes", test_diff_known_changes);
  g_test_add_func ("/history/diff/columns", test_diff_columns);
  g_test_add_func ("/history/diff/same-fetch", test_diff_same_fetch);
  g_test_add_func ("/history/diff/reordered", test_diff_reordered);
  g_test_add_func ("/history/diff/repeated-number", test_diff_repeated_number);
  g_test_add_func ("/history/diff/no-number", test_diff_no_number);
  g_test_add_func ("/history/diff/empty-and-new-column", test_diff_empty_and_new_column);
  g_test_add_func ("/history/diff/formatted-values", test_diff_formatted_values);
  g_test_add_func ("/history/diff/commissions", test_diff_commissions);
  g_test_add_func ("/history/diff/commissions-none-new", test_diff_commissions_none_new);

  return g_test_run ();
}
