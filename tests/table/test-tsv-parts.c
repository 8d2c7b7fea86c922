/* SPDX-License-Identifier: GPL-3.0-or-later */

/* A statement read in parts must give the table, the bad lines and the
 * errors that one reader of the whole statement gives. */

#include "iwd-commissions-tsv-private.h"
#include "iwd-parse-error.h"

static void
assert_same_cells (IwdTable *expected,
                   IwdTable *table,
                   guint     column)
{
  for (guint row = 0; row < iwd_table_get_n_rows (expected); row++)
    {
      g_autofree char *expected_text = iwd_table_dup_cell_string (expected, row, column);
      g_autofree char *text = iwd_table_dup_cell_string (table, row, column);

      g_assert_cmpint (iwd_table_is_null (table, row, column), ==,
                       iwd_table_is_null (expected, row, column));
      g_assert_cmpstr (text, ==, expected_text);
    }
}

static void
assert_same_table (IwdTable *expected,
                   IwdTable *table)
{
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, iwd_table_get_n_rows (expected));
  g_assert_cmpuint (iwd_table_get_n_columns (table), ==, iwd_table_get_n_columns (expected));

  for (guint column = 0; column < iwd_table_get_n_columns (expected); column++)
    {
      g_assert_cmpstr (iwd_table_get_column_key (table, column), ==,
                       iwd_table_get_column_key (expected, column));
      g_assert_cmpstr (iwd_table_get_column_label (table, column), ==,
                       iwd_table_get_column_label (expected, column));
      g_assert_cmpint (iwd_table_get_column_kind (table, column), ==,
                       iwd_table_get_column_kind (expected, column));
      assert_same_cells (expected, table, column);
    }
}

/* Reads @text in one part, then in 2 to 5 parts, strictly and
 * leniently, and checks that every read gives the same. */
static void
check_parts_agree (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new (text, strlen (text));
  g_autoptr(GError) expected_error = NULL;
  g_autoptr(IwdTable) expected = iwd_parse_commissions_tsv_in_parts (data, 1, NULL, &expected_error);
  g_autoptr(GPtrArray) expected_bad_lines = NULL;
  g_autoptr(IwdTable) lenient = iwd_parse_commissions_tsv_in_parts (data, 1, &expected_bad_lines, NULL);

  for (guint n_parts = 2; n_parts <= 5; n_parts++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(IwdTable) table = iwd_parse_commissions_tsv_in_parts (data, n_parts, NULL, &error);
      g_autoptr(GPtrArray) bad_lines = NULL;
      g_autoptr(IwdTable) lenient_table = iwd_parse_commissions_tsv_in_parts (data, n_parts, &bad_lines, NULL);

      if (expected == NULL)
        g_assert_cmpstr (error->message, ==, expected_error->message);
      else
        assert_same_table (expected, table);

      assert_same_table (lenient, lenient_table);
      g_assert_cmpuint (bad_lines->len, ==, expected_bad_lines->len);
      for (guint i = 0; i < bad_lines->len; i++)
        {
          IwdTsvBadLine *bad_line = g_ptr_array_index (bad_lines, i);
          IwdTsvBadLine *expected_bad_line = g_ptr_array_index (expected_bad_lines, i);

          g_assert_cmpuint (bad_line->line, ==, expected_bad_line->line);
          g_assert_cmpstr (bad_line->reason, ==, expected_bad_line->reason);
          g_assert_cmpint (bad_line->kind, ==, expected_bad_line->kind);
          g_assert_cmpstr (bad_line->column, ==, expected_bad_line->column);
          g_assert_cmpstr (bad_line->value, ==, expected_bad_line->value);
        }
    }
}

/* Appends @n_lines rows. A row's Date has a time when @with_time, and
 * its Code is @code, or its number when @code is NULL. */
static void
append_rows (GString    *text,
             guint       first,
             guint       n_lines,
             gboolean    with_time,
             const char *code)
{
  for (guint i = first; i < first + n_lines; i++)
    {
      g_string_append_printf (text, "P%05u\tL\xE9on %u\t%02u/03/2024%s\t%u,%02u\t", i, i % 7,
                              i % 28 + 1, with_time ? " 10:30" : "", i, i % 100);
      if (code != NULL)
        g_string_append (text, code);
      else
        g_string_append_printf (text, "%u", i);
      g_string_append (text, i % 3 == 0 ? "\r\n" : "\n");
    }
}

static GString *
new_statement (void)
{
  return g_string_new ("\n \r\nPolice\tAssur\xE9\tDate\tPrime TTC\tCode\r\n");
}

static void
test_same_kinds (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 400, FALSE, NULL);
  check_parts_agree (text->str);
}

/* One reader makes the column DATETIME when any date has a time. */
static void
test_date_and_time (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 300, FALSE, NULL);
  append_rows (text, 300, 100, TRUE, NULL);
  check_parts_agree (text->str);
}

/* One text in the last part makes the whole column text. */
static void
test_kinds_disagree (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 390, FALSE, NULL);
  append_rows (text, 390, 10, FALSE, "A12");
  check_parts_agree (text->str);
}

static void
test_empty_column_in_a_part (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 200, FALSE, "");
  append_rows (text, 200, 200, FALSE, NULL);
  check_parts_agree (text->str);
}

/* A bad amount in a late part: the error and the bad line name the line
 * of the whole statement. */
static void
test_bad_line (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 350, FALSE, NULL);
  g_string_append (text, "P99999\tX\t01/01/2024\tdouze\t1\n");
  append_rows (text, 350, 50, FALSE, NULL);
  check_parts_agree (text->str);
}

/* Lone CRs end lines too, and the parts count them. */
static void
test_lone_carriage_returns (void)
{
  g_autoptr(GString) text = new_statement ();

  append_rows (text, 0, 200, FALSE, NULL);
  g_string_append (text, "P77777\tA\t01/01/2024\t1,00\t1\rP77778\tB\t02/01/2024\t2,00\t2\r\n");
  append_rows (text, 200, 200, FALSE, NULL);
  check_parts_agree (text->str);
}

static void
test_no_line_end_after_header (void)
{
  check_parts_agree ("Police\tPrime TTC");
  check_parts_agree ("Police\tPrime TTC\nP1\t1,00");
}

static const char * const random_cells[] = {
  "", " ", "12", "012", "-3,5", "1 234,56", "7.25", "26/09/1965", "2024-02-29",
  "2024-02-29T10:00:00", "31/02/2023", "true", "false", "L\xE9on", "NICE", "x\ty", "1e5", "\xA0",
};

static const char * const random_line_ends[] = { "\n", "\r\n", "\r" };

/* Appends a row of cells drawn from @random_cells, sometimes a blank
 * line, ended by LF, CRLF or a lone CR. */
static void
append_random_line (GString *text,
                    GRand   *rand,
                    guint    n_columns)
{
  guint n_cells = g_rand_int_range (rand, 0, 10) == 0 ? 0 : g_rand_int_range (rand, 1, n_columns + 2);

  for (guint cell = 0; cell < n_cells; cell++)
    {
      if (cell > 0)
        g_string_append_c (text, '\t');
      g_string_append (text, random_cells[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_cells))]);
    }

  g_string_append (text, random_line_ends[g_rand_int_range (rand, 0, G_N_ELEMENTS (random_line_ends))]);
}

/* Statements drawn at random mix every kind, blank lines, line ends and
 * bad values. Half of them keep one kind per column, so that
 * the parts often agree and get joined. */
static void
test_random_statements (void)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());

  for (guint statement = 0; statement < 60; statement++)
    {
      g_autoptr(GString) text = g_string_new ("Police\tPrime TTC\tDate\tCode\n");
      guint n_lines = g_rand_int_range (rand, 0, 200);
      gboolean uniform = g_rand_boolean (rand);

      for (guint line = 0; line < n_lines; line++)
        {
          if (uniform)
            g_string_append_printf (text, "P%u\t%u,%02u\t%02u/01/2024\t%u\r\n", line,
                                    g_rand_int_range (rand, 0, 1000), line % 100, line % 28 + 1, line);
          else
            append_random_line (text, rand, 4);
        }

      check_parts_agree (text->str);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/tsv-parts/same-kinds", test_same_kinds);
  g_test_add_func ("/tsv-parts/date-and-time", test_date_and_time);
  g_test_add_func ("/tsv-parts/kinds-disagree", test_kinds_disagree);
  g_test_add_func ("/tsv-parts/empty-column-in-a-part", test_empty_column_in_a_part);
  g_test_add_func ("/tsv-parts/bad-line", test_bad_line);
  g_test_add_func ("/tsv-parts/lone-carriage-returns", test_lone_carriage_returns);
  g_test_add_func ("/tsv-parts/no-line-end-after-header", test_no_line_end_after_header);
  g_test_add_func ("/tsv-parts/random-statements", test_random_statements);

  return g_test_run ();
}
