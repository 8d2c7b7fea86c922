/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iwd-test-export.h"

/* Rows of 3 columns: more cells than a workbook held in memory takes. */
#define LARGE_TABLE_ROWS 200000

typedef struct {
  IwdTable *table;
  char     *dir;
  char     *path;
  char     *sheet;    /* xl/worksheets/sheet1.xml */
  char     *strings;  /* xl/sharedStrings.xml */
  char     *styles;   /* xl/styles.xml */
} Fixture;

/* GLib reads no zip archive, so the parts come from unzip. */
static char *
read_part (const char *archive,
           const char *part)
{
  g_autoptr(GSubprocess) unzip = NULL;
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  unzip = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE | G_SUBPROCESS_FLAGS_STDERR_SILENCE,
                            &error, "unzip", "-p", archive, part, NULL);
  g_assert_no_error (error);

  g_subprocess_communicate_utf8 (unzip, NULL, NULL, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_successful (unzip));

  return contents;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->table = iwd_test_export_sample_table ();
  fixture->dir = iwd_test_export_make_dir ();
  fixture->path = g_build_filename (fixture->dir, "export.xlsx", NULL);

  iwd_test_export_run (fixture->table, NULL, 0, NULL, 0, "xlsx", fixture->path, &error);
  g_assert_no_error (error);

  fixture->sheet = read_part (fixture->path, "xl/worksheets/sheet1.xml");
  fixture->strings = read_part (fixture->path, "xl/sharedStrings.xml");
  fixture->styles = read_part (fixture->path, "xl/styles.xml");
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  iwd_test_export_remove_dir (fixture->dir);
  g_assert_finalize_object (fixture->table);
  g_free (fixture->dir);
  g_free (fixture->path);
  g_free (fixture->sheet);
  g_free (fixture->strings);
  g_free (fixture->styles);
}

static gboolean
sheet_matches (Fixture    *fixture,
               const char *pattern)
{
  return g_regex_match_simple (pattern, fixture->sheet, 0, 0);
}

static void
test_amounts_are_numbers (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_assert_true (sheet_matches (fixture, "<c r=\"C2\" s=\"[0-9]+\"><v>1200</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"C3\" s=\"[0-9]+\"><v>-300.5</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"C5\" s=\"[0-9]+\"><v>12345678901.2345</v></c>"));
  g_assert_nonnull (strstr (fixture->styles, "formatCode=\"#,##0.00 &quot;€&quot;\""));
}

/* The value of the cell at @reference, as a spreadsheet reads it. */
static double
read_cell_number (Fixture    *fixture,
                  const char *reference)
{
  g_autofree char *pattern = g_strdup_printf ("<c r=\"%s\"[^>]*><v>([^<]*)</v>", reference);
  g_autoptr(GRegex) regex = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *text = NULL;

  g_assert_true (g_regex_match (regex, fixture->sheet, 0, &match));
  text = g_match_info_fetch (match, 1);

  return g_ascii_strtod (text, NULL);
}

/* 89.90 has no exact double: the cell must read back as the double
 * nearest to it, the one a parser gives for "89.9". */
static void
test_amount_nearest_double (Fixture       *fixture,
                            gconstpointer  user_data)
{
  double expected = g_ascii_strtod ("89.9", NULL);

  g_assert_cmpfloat (read_cell_number (fixture, "C4"), ==, expected);
}

static void
test_dates_have_style (Fixture       *fixture,
                       gconstpointer  user_data)
{
  /* Excel's serial day of 5 January 2023, and of 31 January 2023 at
   * 07:40:13. */
  g_assert_true (sheet_matches (fixture, "<c r=\"B2\" s=\"[0-9]+\"><v>44931</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"G2\" s=\"[0-9]+\"><v>44957\\.3195"));
  g_assert_nonnull (strstr (fixture->styles, "formatCode=\"dd/mm/yyyy\""));
  g_assert_nonnull (strstr (fixture->styles, "formatCode=\"dd/mm/yyyy hh:mm:ss\""));
}

static void
test_other_cells_typed (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_assert_true (sheet_matches (fixture, "<c r=\"D2\"><v>0.5</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"E3\"><v>-7</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"F2\" t=\"b\"><v>1</v></c>"));
  g_assert_true (sheet_matches (fixture, "<c r=\"F3\" t=\"b\"><v>0</v></c>"));
  g_assert_false (sheet_matches (fixture, "<c r=\"B4\""));
}

static void
test_text_shared (Fixture       *fixture,
                  gconstpointer  user_data)
{
  g_assert_true (sheet_matches (fixture, "<c r=\"A2\" t=\"s\"><v>[0-9]+</v></c>"));
  g_assert_nonnull (strstr (fixture->strings, "<t>A-2001</t>"));
  g_assert_nonnull (strstr (fixture->strings, "Générale"));
  g_assert_nonnull (strstr (fixture->strings, "<t xml:space=\"preserve\"> FRANÇOIS Zoë</t>"));
}

static void
test_header_frozen_filtered (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_assert_true (sheet_matches (fixture, "<c r=\"A1\" s=\"[0-9]+\" t=\"s\">"));
  g_assert_true (sheet_matches (fixture, "<pane [^>]*state=\"frozen\""));
  g_assert_nonnull (strstr (fixture->sheet, "<autoFilter ref=\"A1:G5\"/>"));
  g_assert_nonnull (strstr (fixture->styles, "<b/>"));
  g_assert_true (sheet_matches (fixture, "<col min=\"1\" max=\"1\" width=\"[0-9.]+\""));
}

/* A workbook too large to hold in memory is written row by row, with
 * its text inline rather than shared. */
static void
test_large_written_by_row (void)
{
  g_autoptr(IwdTable) table = iwd_test_export_large_table (LARGE_TABLE_ROWS);
  g_autofree char *dir = iwd_test_export_make_dir ();
  g_autofree char *path = g_build_filename (dir, "large.xlsx", NULL);
  g_autofree char *sheet = NULL;
  g_autoptr(GError) error = NULL;

  iwd_test_export_run (table, NULL, 0, NULL, 0, "xlsx", path, &error);
  g_assert_no_error (error);
  sheet = read_part (path, "xl/worksheets/sheet1.xml");
  iwd_test_export_remove_dir (dir);

  g_assert_nonnull (strstr (sheet, "<c r=\"A2\" t=\"inlineStr\"><is><t>P-0</t></is></c>"));
  g_assert_nonnull (strstr (sheet, "<c r=\"B200001\" s=\"2\"><v>199999.99</v></c>"));
  g_assert_nonnull (strstr (sheet, "<autoFilter ref=\"A1:C200001\"/>"));
  g_assert_nonnull (strstr (sheet, "state=\"frozen\""));
}

#define ADD_TEST(path, function) \
  g_test_add (path, Fixture, NULL, fixture_set_up, function, fixture_tear_down)

int
main (int   argc,
      char *argv[])
{
  g_autofree char *unzip = g_find_program_in_path ("unzip");

  g_test_init (&argc, &argv, NULL);

  if (unzip == NULL)
    {
      g_print ("1..0 # SKIP unzip is not installed, so the workbook cannot be read\n");
      return 0;
    }

  ADD_TEST ("/export/xlsx/amounts-are-numbers", test_amounts_are_numbers);
  ADD_TEST ("/export/xlsx/amount-nearest-double", test_amount_nearest_double);
  ADD_TEST ("/export/xlsx/dates-have-style", test_dates_have_style);
  ADD_TEST ("/export/xlsx/other-cells-typed", test_other_cells_typed);
  ADD_TEST ("/export/xlsx/text-shared", test_text_shared);
  ADD_TEST ("/export/xlsx/header-frozen-filtered", test_header_frozen_filtered);
  g_test_add_func ("/export/xlsx/large-written-by-row", test_large_written_by_row);

  return g_test_run ();
}
