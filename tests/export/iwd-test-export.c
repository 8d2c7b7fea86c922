/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gstdio.h>

#include "iwd-export.h"
#include "iwd-table-builder.h"
#include "iwd-test-export.h"

/* Four rows that reach every kind of cell: text that CSV must quote,
 * empty cells, an amount beyond a double's 15 exact digits, an integer
 * above 2^53 and a date-time before 1970. */
static const char * const sample_keys[] = {
  "Police", "Date effet", "Prime", "Taux", "Nb", "Actif", "Horodatage",
};
static const char * const sample_rows[][7] = {
  { "A-2001", "05/01/2023", "1 200,00", "0,5", "3", "true", "2023-01-31T07:40:13" },
  { "Société \"Générale\"; Nîmes", "31/01/2023", "-300,5", "12,25", "-7", "false",
    "2023-02-01T00:00:01" },
  { " FRANÇOIS Zoë", "", "89,9", "", "", "", "" },
  { "P-4", "29/02/2024", "12345678901,2345", "0,0001", "9007199254740993", "true",
    "1969-12-31T23:59:59" },
};

static IwdTable *
build_table (IwdTableBuilder *builder)
{
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_table_builder_build (builder, &error);

  g_assert_no_error (error);
  return table;
}

static void
set_cell (IwdTableBuilder *builder,
          guint            column,
          const char      *text)
{
  g_autoptr(GError) error = NULL;

  iwd_table_builder_set_cell (builder, column, text, strlen (text), &error);
  g_assert_no_error (error);
}

IwdTable *
iwd_test_export_sample_table (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (sample_keys); i++)
    iwd_table_builder_ensure_column (builder, sample_keys[i]);

  for (guint row = 0; row < G_N_ELEMENTS (sample_rows); row++)
    {
      for (guint i = 0; i < G_N_ELEMENTS (sample_keys); i++)
        set_cell (builder, i, sample_rows[row][i]);

      iwd_table_builder_end_row (builder);
    }

  return build_table (builder);
}

IwdTable *
iwd_test_export_large_table (guint n_rows)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  guint police = iwd_table_builder_ensure_column (builder, "Police");
  guint prime = iwd_table_builder_ensure_column (builder, "Prime");
  guint date = iwd_table_builder_ensure_column (builder, "Date effet");

  for (guint row = 0; row < n_rows; row++)
    {
      char text[32];

      g_snprintf (text, sizeof text, "P-%u", row);
      set_cell (builder, police, text);
      g_snprintf (text, sizeof text, "%u,%02u", row, row % 100);
      set_cell (builder, prime, text);
      set_cell (builder, date, "31/01/2023");
      iwd_table_builder_end_row (builder);
    }

  return build_table (builder);
}

char *
iwd_test_export_make_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp ("iwd-export-XXXXXX", &error);

  g_assert_no_error (error);
  return path;
}

guint
iwd_test_export_count_files (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  guint n_files = 0;

  g_assert_nonnull (dir);
  while (g_dir_read_name (dir) != NULL)
    n_files++;

  return n_files;
}

/* Removes a test folder and the files directly in it. */
void
iwd_test_export_remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      g_unlink (file);
    }

  g_rmdir (path);
}

gboolean
iwd_test_export_run (IwdTable    *table,
                     const guint *rows,
                     guint        n_rows,
                     const guint *columns,
                     guint        n_columns,
                     const char  *format_name,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  IwdExportFormat format;

  g_assert_true (iwd_export_format_from_string (format_name, &format));

  return iwd_export_table (table, rows, n_rows, columns, n_columns, format, destination,
                           NULL, error);
}
