/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-tsv.h"
#include "iwd-parse-error.h"

/* Unix seconds of 2023-01-05 and 2023-01-31 at midnight UTC. */
#define JANUARY_5_2023 G_GINT64_CONSTANT (1672876800)
#define JANUARY_31_2023 G_GINT64_CONSTANT (1675123200)

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "table", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static IwdTable *
parse_fixture (const char *name)
{
  g_autoptr(GBytes) data = load_fixture (name);
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_parse_commissions_tsv (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static GError *
parse_text_error (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(IwdTable) table = NULL;
  GError *error = NULL;

  table = iwd_parse_commissions_tsv (data, NULL, &error);
  g_assert_null (table);
  return error;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

static void
test_windows_shape (void)
{
  g_autoptr(IwdTable) table = parse_fixture ("commissions-windows.tsv");

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 5);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Police")), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Date")), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Prime TTC")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Com")), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "Assuré")), ==, IWD_TABLE_KIND_TEXT);
}

static void
test_windows_values (void)
{
  g_autoptr(IwdTable) table = parse_fixture ("commissions-windows.tsv");
  guint premium = find_column (table, "Prime TTC");
  guint commission = find_column (table, "Com");
  guint date = find_column (table, "Date");
  guint insured = find_column (table, "Assuré");

  g_assert_cmpint (iwd_table_get_int64 (table, 0, premium), ==, 12000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, premium), ==, -3000000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, premium), ==, 899000);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, commission), ==, 1200000);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, commission), ==, -300000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, commission), ==, 89900);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, date), ==, JANUARY_5_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, date), ==, JANUARY_31_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, date), ==, JANUARY_31_2023);
  g_assert_cmpstr (iwd_table_get_text (table, 0, insured), ==, "Hélène DUPRÉ");
  g_assert_cmpstr (iwd_table_get_text (table, 1, insured), ==, "Joël LEFÈVRE");
  g_assert_cmpstr (iwd_table_get_text (table, 2, insured), ==, "Françoise NOËL");
  g_assert_cmpstr (iwd_table_get_text (table, 2, find_column (table, "Police")), ==, "C-2043");
}

static void
test_windows_totals (void)
{
  g_autoptr(IwdTable) table = parse_fixture ("commissions-windows.tsv");
  g_autofree char *first_date = iwd_table_dup_cell_string (table, 0, find_column (table, "Date"));
  gint64 premiums = 0;
  gint64 commissions = 0;

  g_assert_true (iwd_table_sum_column (table, find_column (table, "Prime TTC"), &premiums));
  g_assert_true (iwd_table_sum_column (table, find_column (table, "Com"), &commissions));
  g_assert_cmpint (premiums, ==, 9899000);
  g_assert_cmpint (commissions, ==, 989900);
  g_assert_cmpstr (first_date, ==, "2023-01-05");
}

static void
test_ragged_columns (void)
{
  g_autoptr(IwdTable) table = parse_fixture ("commissions-ragged.tsv");

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 6);
  g_assert_cmpstr (iwd_table_get_column_key (table, 0), ==, "Police");
  g_assert_cmpstr (iwd_table_get_column_key (table, 2), ==, "Column 3");
  g_assert_cmpstr (iwd_table_get_column_label (table, 2), ==, "Column 3");
  g_assert_cmpstr (iwd_table_get_column_key (table, 3), ==, "Montant 2");
  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, 3), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, 4), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, 5), ==, IWD_TABLE_KIND_DECIMAL);
}

static void
test_ragged_values (void)
{
  g_autoptr(IwdTable) table = parse_fixture ("commissions-ragged.tsv");

  g_assert_cmpstr (iwd_table_get_text (table, 0, 0), ==, "0012");
  g_assert_cmpstr (iwd_table_get_text (table, 0, 4), ==, "01000");
  g_assert_cmpint (iwd_table_get_int64 (table, 1, 1), ==, 200000);
  g_assert_true (iwd_table_is_null (table, 1, 3));
  g_assert_true (iwd_table_is_null (table, 1, 5));
  g_assert_true (iwd_table_is_null (table, 2, 2));
  g_assert_cmpint (iwd_table_get_int64 (table, 0, 5), ==, 125000);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, 5), ==, 100000);
}

static void
test_extra_cell_error (void)
{
  g_autoptr(GError) error = parse_text_error ("A\tB\n1\t2\n3\t4\t5\n");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_nonnull (strstr (error->message, "line 3"));
}

static void
test_fixed_kind_error (void)
{
  g_autoptr(GError) error = parse_text_error ("Police\tdate_effet\nP1\t01/02/2023\n\nP2\tdemain\n");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "line 4: column “date_effet” contains “demain”, which is not a valid date");
}

static void
test_bad_amount_error (void)
{
  g_autoptr(GError) error = parse_text_error ("Police\tPrime\nP1\t1,00\nP2\t1e5\n");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "line 3: column “Prime” contains “1e5”, which is not an amount");
}

static void
test_bad_first_amount_error (void)
{
  g_autoptr(GError) error = parse_text_error ("Police\tCom\nP1\t(12,00)\nP2\t3,50\n");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "line 2: column “Com” contains “(12,00)”, which is not an amount");
}

static void
test_empty_error (void)
{
  g_autoptr(GError) empty = parse_text_error ("");
  g_autoptr(GError) blank = parse_text_error ("\r\n  \r\n");

  g_assert_error (empty, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
  g_assert_error (blank, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
}

static void
test_header_only (void)
{
  const char *text = "Police\tPrime";
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_tsv (data, NULL, &error);
  gint64 total = -1;

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 0);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 2);
  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_MONEY);
  g_assert_true (iwd_table_sum_column (table, 1, &total));
  g_assert_cmpint (total, ==, 0);
}

/* 40,000 lines of about 40 bytes make more than one 1 MiB block, so line
 * numbers and rows must carry over from one block to the next. */
static GBytes *
generate_long_statement (guint bad_line)
{
  GString *text = g_string_new ("Police\tPrime\tAssuré\r\n");

  for (guint line = 2; line <= 40000; line++)
    {
      if (line % 1000 == 0)
        g_string_append (text, "\r\n");
      else if (line == bad_line)
        g_string_append (text, "P\t1,00\tX\tsurplus\r\n");
      else
        g_string_append_printf (text, "P-%06u\t%u,50\tClément FAURÉ\r\n", line, line);
    }

  return g_string_free_to_bytes (text);
}

static void
test_long_rows (void)
{
  g_autoptr(GBytes) data = generate_long_statement (0);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_tsv (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_bytes_get_size (data), >, 1024 * 1024);
  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 39999 - 40);
  g_assert_cmpstr (iwd_table_get_text (table, 0, 0), ==, "P-000002");
  g_assert_cmpstr (iwd_table_get_text (table, 39958, 0), ==, "P-039999");
  g_assert_cmpint (iwd_table_get_int64 (table, 39958, 1), ==, 399995000);
}

static void
test_long_line_number (void)
{
  g_autoptr(GBytes) data = generate_long_statement (38001);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_tsv (data, NULL, &error);

  g_assert_null (table);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_nonnull (strstr (error->message, "line 38001:"));
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) data = load_fixture ("commissions-windows.tsv");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = NULL;

  g_cancellable_cancel (cancellable);
  table = iwd_parse_commissions_tsv (data, cancellable, &error);

  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

static IwdTable *
parse_leniently (const char  *text,
                 GPtrArray  **out_bad_lines)
{
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  IwdTable *table;

  table = iwd_parse_commissions_tsv_lenient (data, NULL, out_bad_lines, &error);
  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static void
test_lenient_bad_lines (void)
{
  g_autoptr(GPtrArray) bad_lines = NULL;
  g_autoptr(IwdTable) table = parse_leniently ("Police\tdate_effet\tPrime\n"
                                               "P1\t01/02/2023\t1,00\n"
                                               "\n"
                                               "P2\tdemain\t2,00\n"
                                               "P3\t03/02/2023\t1e5\n"
                                               "P4\t04/02/2023\t4,00\t\textra\n"
                                               "P5\t05/02/2023\t5,50",
                                               &bad_lines);
  IwdTsvBadLine *bad_line;
  gint64 total = 0;

  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (iwd_table_get_text (table, 1, find_column (table, "Police")), ==, "P5");
  g_assert_true (iwd_table_sum_column (table, find_column (table, "Prime"), &total));
  g_assert_cmpint (total, ==, 65000);

  g_assert_cmpuint (bad_lines->len, ==, 3);
  bad_line = g_ptr_array_index (bad_lines, 0);
  g_assert_cmpuint (bad_line->line, ==, 4);
  g_assert_nonnull (strstr (bad_line->reason, "demain"));
  g_assert_false (g_str_has_prefix (bad_line->reason, "line"));
  g_assert_cmpint (bad_line->kind, ==, IWD_TSV_BAD_LINE_VALUE);
  g_assert_cmpstr (bad_line->column, ==, "date_effet");
  g_assert_cmpstr (bad_line->value, ==, "demain");
  g_assert_cmpint (bad_line->expected, ==, IWD_TABLE_KIND_DATE);
  bad_line = g_ptr_array_index (bad_lines, 1);
  g_assert_cmpuint (bad_line->line, ==, 5);
  g_assert_nonnull (strstr (bad_line->reason, "1e5"));
  g_assert_nonnull (strstr (bad_line->reason, "Prime"));
  g_assert_cmpint (bad_line->kind, ==, IWD_TSV_BAD_LINE_VALUE);
  g_assert_cmpstr (bad_line->column, ==, "Prime");
  g_assert_cmpstr (bad_line->value, ==, "1e5");
  g_assert_cmpint (bad_line->expected, ==, IWD_TABLE_KIND_MONEY);
  bad_line = g_ptr_array_index (bad_lines, 2);
  g_assert_cmpuint (bad_line->line, ==, 6);
  g_assert_nonnull (strstr (bad_line->reason, "cell 5"));
  g_assert_cmpint (bad_line->kind, ==, IWD_TSV_BAD_LINE_EXTRA_CELL);
  g_assert_cmpuint (bad_line->cell, ==, 5);
  g_assert_cmpuint (bad_line->n_columns, ==, 3);
}

static void
test_lenient_clean (void)
{
  g_autoptr(GPtrArray) bad_lines = NULL;
  g_autoptr(IwdTable) table = parse_leniently ("Police\tPrime\nP1\t1,00\n", &bad_lines);

  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 1);
  g_assert_cmpuint (bad_lines->len, ==, 0);
}

static void
test_lenient_empty_error (void)
{
  g_autoptr(GBytes) data = g_bytes_new_static ("\n\n", 2);
  g_autoptr(GPtrArray) bad_lines = NULL;
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;

  table = iwd_parse_commissions_tsv_lenient (data, NULL, &bad_lines, &error);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
  g_assert_null (table);
  g_assert_null (bad_lines);
}

/* Repeated values are checked and converted once per distinct value,
 * and each row still gets its own. */
static void
test_repeated_values (void)
{
  const char *text = "Date\tCode\n"
                     "05/01/2023\t12\n"
                     "31/01/2023\t12\n"
                     "05/01/2023\tx\n"
                     "31/01/2023\t12\n";
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_commissions_tsv (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, 0), ==, JANUARY_5_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, 0), ==, JANUARY_31_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, 0), ==, JANUARY_5_2023);
  g_assert_cmpint (iwd_table_get_int64 (table, 3, 0), ==, JANUARY_31_2023);
  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_text (table, 3, 1), ==, "12");
}

/* LF, CRLF and a lone CR all end a line, and line numbers count them. */
static void
test_lenient_line_ends (void)
{
  g_autoptr(GPtrArray) bad_lines = NULL;
  g_autoptr(IwdTable) table = parse_leniently ("Police\tPrime\r\n"
                                               "P1\t1,00\r"
                                               "P2\tdeux\n"
                                               "\r\n"
                                               "P3\t3,00\r"
                                               "P4\tquatre\r",
                                               &bad_lines);
  IwdTsvBadLine *bad_line;

  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, 2);
  g_assert_cmpstr (iwd_table_get_text (table, 1, find_column (table, "Police")), ==, "P3");
  g_assert_cmpuint (bad_lines->len, ==, 2);
  bad_line = g_ptr_array_index (bad_lines, 0);
  g_assert_cmpuint (bad_line->line, ==, 3);
  bad_line = g_ptr_array_index (bad_lines, 1);
  g_assert_cmpuint (bad_line->line, ==, 6);
}

/* A Windows-1252 statement of several blocks is decoded block by block
 * into one reused buffer: no row may keep a previous block's text. */
static void
test_windows_many_blocks (void)
{
  g_autoptr(GString) text = g_string_new ("Police\tAssur\xE9\tPrime TTC\r\n");
  g_autoptr(GBytes) data = NULL;
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GError) error = NULL;
  guint n_lines = 90000;
  gint64 total = 0;

  for (guint i = 0; i < n_lines; i++)
    g_string_append_printf (text, "P%06u\tL\xE9on %u\t%u,%02u\r\n", i, i, i % 1000, i % 100);

  data = g_bytes_new (text->str, text->len);
  table = iwd_parse_commissions_tsv (data, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (text->len, >, 2 * 1024 * 1024);
  g_assert_cmpuint (iwd_table_get_n_rows (table), ==, n_lines);
  g_assert_cmpstr (iwd_table_get_column_key (table, 1), ==, "Assur\xC3\xA9");
  g_assert_cmpstr (iwd_table_get_text (table, n_lines - 1, 1), ==, "L\xC3\xA9on 89999");
  g_assert_cmpstr (iwd_table_get_text (table, 20000, 0), ==, "P020000");
  g_assert_true (iwd_table_sum_column (table, 2, &total));
  g_assert_cmpint (total, ==, G_GINT64_CONSTANT (449995500000));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/tsv/windows-shape", test_windows_shape);
  g_test_add_func ("/table/tsv/windows-values", test_windows_values);
  g_test_add_func ("/table/tsv/windows-totals", test_windows_totals);
  g_test_add_func ("/table/tsv/ragged-columns", test_ragged_columns);
  g_test_add_func ("/table/tsv/ragged-values", test_ragged_values);
  g_test_add_func ("/table/tsv/extra-cell-error", test_extra_cell_error);
  g_test_add_func ("/table/tsv/fixed-kind-error", test_fixed_kind_error);
  g_test_add_func ("/table/tsv/bad-amount-error", test_bad_amount_error);
  g_test_add_func ("/table/tsv/bad-first-amount-error", test_bad_first_amount_error);
  g_test_add_func ("/table/tsv/empty-error", test_empty_error);
  g_test_add_func ("/table/tsv/header-only", test_header_only);
  g_test_add_func ("/table/tsv/long-rows", test_long_rows);
  g_test_add_func ("/table/tsv/long-line-number", test_long_line_number);
  g_test_add_func ("/table/tsv/cancelled", test_cancelled);
  g_test_add_func ("/table/tsv/lenient/bad-lines", test_lenient_bad_lines);
  g_test_add_func ("/table/tsv/lenient/clean", test_lenient_clean);
  g_test_add_func ("/table/tsv/lenient/empty-error", test_lenient_empty_error);
  g_test_add_func ("/table/tsv/lenient/line-ends", test_lenient_line_ends);
  g_test_add_func ("/table/tsv/windows-many-blocks", test_windows_many_blocks);
  g_test_add_func ("/table/tsv/repeated-values", test_repeated_values);

  return g_test_run ();
}
