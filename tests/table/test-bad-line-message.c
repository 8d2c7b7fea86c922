/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <locale.h>
#include <string.h>

#include "iwd-bad-line-message.h"

/* Line 2 is read, line 3 has a day that does not exist in a date
 * column, line 4 a word in an amount column and line 5 a cell past the
 * header. */
#define STATEMENT \
  "Police\tdate_effet\tPrime TTC\n" \
  "P1\t05/01/2023\t10,00\n" \
  "P2\t31/02/2023\t20,00\n" \
  "P3\t02/02/2023\tN/A\n" \
  "P4\t03/02/2023\t1,00\textra\n"

static GPtrArray *
read_bad_lines (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static (STATEMENT, strlen (STATEMENT));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = NULL;
  GPtrArray *bad_lines = NULL;

  table = iwd_parse_commissions_tsv_lenient (data, NULL, &bad_lines, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  g_assert_cmpuint (bad_lines->len, ==, 3);
  return bad_lines;
}

static char *
dup_message (GPtrArray *bad_lines,
             guint      index)
{
  return iwd_bad_line_dup_message (g_ptr_array_index (bad_lines, index));
}

static void
test_bad_line_date (void)
{
  g_autoptr(GPtrArray) bad_lines = read_bad_lines ();
  g_autofree char *message = dup_message (bad_lines, 0);

  g_assert_cmpstr (message, ==, "Line 3: “31/02/2023” in column “date_effet” is not a valid date");
}

static void
test_bad_line_amount (void)
{
  g_autoptr(GPtrArray) bad_lines = read_bad_lines ();
  g_autofree char *message = dup_message (bad_lines, 1);

  g_assert_cmpstr (message, ==, "Line 4: “N/A” in column “Prime TTC” is not an amount");
}

static void
test_bad_line_extra_cell (void)
{
  g_autoptr(GPtrArray) bad_lines = read_bad_lines ();
  g_autofree char *message = dup_message (bad_lines, 2);

  g_assert_cmpstr (message, ==, "Line 5: cell 4 has a value, but the header has only 3 columns");
}

/* Each kind of column gets its own sentence. */
static void
test_bad_line_kinds (void)
{
  static const struct {
    const char   *column;
    IwdTableKind  expected_kind;
    const char   *expected;
  } cases[] = {
    { "Nb", IWD_TABLE_KIND_INTEGER, "Line 7: “x” in column “Nb” is not a whole number" },
    { "Taux", IWD_TABLE_KIND_DECIMAL, "Line 7: “x” in column “Taux” is not a number" },
    { "Actif", IWD_TABLE_KIND_BOOLEAN, "Line 7: “x” in column “Actif” is not true or false" },
    { "police.prime", IWD_TABLE_KIND_MONEY, "Line 7: “x” in column “police.prime” is not an amount" },
    { "Le", IWD_TABLE_KIND_DATETIME, "Line 7: “x” in column “Le” is not a valid date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      IwdTsvBadLine bad_line = { 7, (char *) "in English", IWD_TSV_BAD_LINE_VALUE,
                                 (char *) cases[i].column, (char *) "x", cases[i].expected_kind, 0, 0 };
      g_autofree char *message = iwd_bad_line_dup_message (&bad_line);

      g_assert_cmpstr (message, ==, cases[i].expected);
    }
}

/* A reason of another kind keeps the reader's text. */
static void
test_bad_line_unknown (void)
{
  IwdTsvBadLine bad_line = { 9, (char *) "column “Nom” has more than 4 GiB of text",
                             IWD_TSV_BAD_LINE_OTHER, NULL, NULL, IWD_TABLE_KIND_TEXT, 0, 0 };
  g_autofree char *message = iwd_bad_line_dup_message (&bad_line);

  g_assert_cmpstr (message, ==, "Line 9: column “Nom” has more than 4 GiB of text");
}

int
main (int   argc,
      char *argv[])
{
  /* The untranslated strings are the expected ones. */
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/bad-line-message/date", test_bad_line_date);
  g_test_add_func ("/bad-line-message/amount", test_bad_line_amount);
  g_test_add_func ("/bad-line-message/extra-cell", test_bad_line_extra_cell);
  g_test_add_func ("/bad-line-message/kinds", test_bad_line_kinds);
  g_test_add_func ("/bad-line-message/unknown", test_bad_line_unknown);

  return g_test_run ();
}
