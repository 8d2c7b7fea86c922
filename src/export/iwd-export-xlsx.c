/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <xlsxwriter.h>

#include "iwd-export-error.h"
#include "iwd-export-values.h"
#include "iwd-export-xlsx.h"
#include "iwd-text.h"

/* Above this many cells the workbook is written row by row through a
 * temporary file instead of being held in memory, and libxlsxwriter then
 * writes text as inline strings rather than in the shared string table.
 * Held in memory, 600,000 rows of 3 columns peaked at 353 MB (maximum
 * resident size, table included), about 190 bytes per cell, so this
 * limit keeps a workbook near 100 MB. Written row by row, 1,000,000 rows
 * of 3 columns peaked at 45 MB and took 3.8 s (x86-64 build at -O1). */
#define MAX_CELLS_IN_MEMORY 500000

/* Column widths, in characters. */
#define MIN_WIDTH 8
#define MAX_WIDTH 60
#define DATE_WIDTH 12
#define DATETIME_WIDTH 20
#define MONEY_WIDTH 16

struct _IwdExportXlsx {
  lxw_workbook  *workbook;         /* owned until closed, nullable */
  lxw_worksheet *sheet;            /* owned by workbook */
  lxw_format    *header_format;    /* owned by workbook */
  lxw_format    *money_format;     /* owned by workbook */
  lxw_format    *date_format;      /* owned by workbook */
  lxw_format    *datetime_format;  /* owned by workbook */
  IwdTable      *table;            /* owned */
  guint         *columns;          /* owned: table column of each sheet column */
  guint          n_columns;
  guint         *widths;           /* owned: widest cell of each sheet column */
  guint          next_row;         /* the sheet row that write_row fills next */
  char          *path;             /* owned */
};

static gboolean
check_cell (IwdExportXlsx  *self,
            lxw_error       result,
            guint           sheet_column,
            GError        **error)
{
  guint column = self->columns[sheet_column];

  if (result == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_XLSX,
               "cannot write row %u, column '%s' of '%s': %s",
               self->next_row, iwd_table_get_column_key (self->table, column),
               self->path, lxw_strerror (result));
  return FALSE;
}

static void
widen_column (IwdExportXlsx *self,
              guint          sheet_column,
              guint          width)
{
  self->widths[sheet_column] = MAX (self->widths[sheet_column], MIN (width, MAX_WIDTH));
}

static guint
kind_width (IwdTableKind kind)
{
  switch (kind)
    {
    case IWD_TABLE_KIND_DATE:
      return DATE_WIDTH;
    case IWD_TABLE_KIND_DATETIME:
      return DATETIME_WIDTH;
    case IWD_TABLE_KIND_MONEY:
      return MONEY_WIDTH;
    case IWD_TABLE_KIND_TEXT:
    case IWD_TABLE_KIND_INTEGER:
    case IWD_TABLE_KIND_DECIMAL:
    case IWD_TABLE_KIND_BOOLEAN:
    default:
      return MIN_WIDTH;
    }
}

static void
create_formats (IwdExportXlsx *self)
{
  self->header_format = workbook_add_format (self->workbook);
  format_set_bold (self->header_format);

  self->money_format = workbook_add_format (self->workbook);
  format_set_num_format (self->money_format, "#,##0.00 \"€\"");

  self->date_format = workbook_add_format (self->workbook);
  format_set_num_format (self->date_format, "dd/mm/yyyy");

  self->datetime_format = workbook_add_format (self->workbook);
  format_set_num_format (self->datetime_format, "dd/mm/yyyy hh:mm:ss");
}

static gboolean
write_header (IwdExportXlsx  *self,
              guint           n_rows,
              GError        **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      IwdTableKind kind = iwd_table_get_column_kind (self->table, self->columns[i]);
      const char *label = iwd_table_get_column_label (self->table, self->columns[i]);

      if (!check_cell (self, worksheet_write_string (self->sheet, 0, (lxw_col_t) i,
                                                     label, self->header_format), i, error))
        return FALSE;

      /* The filter's drop-down button takes about two characters. */
      widen_column (self, i, MAX (kind_width (kind), g_utf8_strlen (label, -1) + 2));
    }

  worksheet_freeze_panes (self->sheet, 1, 0);
  if (self->n_columns > 0)
    worksheet_autofilter (self->sheet, 0, 0, n_rows, (lxw_col_t) (self->n_columns - 1));

  self->next_row = 1;
  return TRUE;
}

static lxw_error
write_time (IwdExportXlsx *self,
            guint          sheet_column,
            guint          row,
            IwdTableKind   kind)
{
  guint column = self->columns[sheet_column];
  lxw_col_t cell_column = (lxw_col_t) sheet_column;
  g_autofree char *iso = NULL;
  IwdExportTime time;
  lxw_datetime datetime;

  /* Excel counts days from 1900, so an older date stays ISO text. */
  if (!iwd_export_split_time (iwd_table_get_int64 (self->table, row, column), &time)
      || g_date_get_year (&time.date) < 1900)
    {
      iso = iwd_table_dup_cell_string (self->table, row, column);
      return worksheet_write_string (self->sheet, self->next_row, cell_column, iso, NULL);
    }

  datetime.year = g_date_get_year (&time.date);
  datetime.month = g_date_get_month (&time.date);
  datetime.day = g_date_get_day (&time.date);
  datetime.hour = (int) time.hour;
  datetime.min = (int) time.minute;
  datetime.sec = time.second;

  return worksheet_write_datetime (self->sheet, self->next_row, cell_column, &datetime,
                                   kind == IWD_TABLE_KIND_DATE ? self->date_format
                                                               : self->datetime_format);
}

static lxw_error
write_text (IwdExportXlsx *self,
            guint          sheet_column,
            guint          row)
{
  const char *text = iwd_table_get_text (self->table, row, self->columns[sheet_column]);

  widen_column (self, sheet_column, (guint) g_utf8_strlen (text, -1));

  return worksheet_write_string (self->sheet, self->next_row, (lxw_col_t) sheet_column,
                                 text, NULL);
}

/* Numbers become doubles here and nowhere before. A count of
 * ten-thousandths below 2^53 is exact as a double, and one IEEE division
 * gives the double nearest to the exact decimal. libxlsxwriter 1.1.4
 * writes it with 16 significant digits ("%.16G"), which for an amount of
 * at most 15 digits reads back as that same double, though it may show
 * more digits: 899000 is written 89.90000000000001. */
static lxw_error
write_number (IwdExportXlsx *self,
              guint          sheet_column,
              guint          row,
              IwdTableKind   kind)
{
  gint64 value = iwd_table_get_int64 (self->table, row, self->columns[sheet_column]);
  lxw_col_t cell_column = (lxw_col_t) sheet_column;

  switch (kind)
    {
    case IWD_TABLE_KIND_MONEY:
      return worksheet_write_number (self->sheet, self->next_row, cell_column,
                                     (double) value / IWD_DECIMAL_SCALE, self->money_format);
    case IWD_TABLE_KIND_DECIMAL:
      return worksheet_write_number (self->sheet, self->next_row, cell_column,
                                     (double) value / IWD_DECIMAL_SCALE, NULL);
    case IWD_TABLE_KIND_BOOLEAN:
      return worksheet_write_boolean (self->sheet, self->next_row, cell_column,
                                      value != 0, NULL);
    case IWD_TABLE_KIND_INTEGER:
    default:
      /* TODO: an integer beyond 2^53 loses its last digits in Excel,
       * which stores every number as a double. */
      return worksheet_write_number (self->sheet, self->next_row, cell_column,
                                     (double) value, NULL);
    }
}

static lxw_error
write_cell (IwdExportXlsx *self,
            guint          sheet_column,
            guint          row)
{
  guint column = self->columns[sheet_column];
  IwdTableKind kind = iwd_table_get_column_kind (self->table, column);

  if (iwd_table_is_null (self->table, row, column))
    return LXW_NO_ERROR;

  if (kind == IWD_TABLE_KIND_TEXT)
    return write_text (self, sheet_column, row);

  if (kind == IWD_TABLE_KIND_DATE || kind == IWD_TABLE_KIND_DATETIME)
    return write_time (self, sheet_column, row, kind);

  return write_number (self, sheet_column, row, kind);
}

static guint *
dup_columns (IwdTable    *table,
             const guint *columns,
             guint       *n_columns)
{
  guint *copy;

  if (columns != NULL)
    return g_memdup2 (columns, sizeof (guint) * *n_columns);

  *n_columns = iwd_table_get_n_columns (table);
  copy = g_new (guint, *n_columns);
  for (guint i = 0; i < *n_columns; i++)
    copy[i] = i;

  return copy;
}

static gboolean
check_size (const char  *path,
            guint        n_rows,
            guint        n_columns,
            GError     **error)
{
  /* The header takes the first of the sheet's rows. */
  if (n_rows < LXW_ROW_MAX && n_columns <= LXW_COL_MAX)
    return TRUE;

  g_set_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_TOO_MANY_ROWS,
               "cannot write %u rows of %u columns to '%s': an Excel sheet holds at most "
               "%u rows below its header and %u columns",
               n_rows, n_columns, path, LXW_ROW_MAX - 1, LXW_COL_MAX);
  return FALSE;
}

static lxw_workbook *
create_workbook (const char *path,
                 guint       n_rows,
                 guint       n_columns)
{
  lxw_workbook_options options = { 0 };

  options.constant_memory = (guint64) n_rows * n_columns > MAX_CELLS_IN_MEMORY;

  return workbook_new_opt (path, &options);
}

/**
 * iwd_export_xlsx_open:
 * @path: the file to write, replaced when the workbook is closed
 * @table: the table to export
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all of them
 * @n_columns: the length of @columns, ignored when it is %NULL
 * @n_rows: how many rows iwd_export_xlsx_write_row() will write
 * @error: return location for an #IWD_EXPORT_ERROR
 *
 * Starts a workbook of one sheet whose first row contains the column labels
 * in bold, frozen above the data, with an autofilter over all the rows.
 *
 * Returns: (transfer full): the workbook writer, or %NULL with @error set
 */
IwdExportXlsx *
iwd_export_xlsx_open (const char   *path,
                      IwdTable     *table,
                      const guint  *columns,
                      guint         n_columns,
                      guint         n_rows,
                      GError      **error)
{
  g_autoptr(IwdExportXlsx) self = g_new0 (IwdExportXlsx, 1);

  self->table = g_object_ref (table);
  self->path = g_strdup (path);
  self->n_columns = n_columns;
  self->columns = dup_columns (table, columns, &self->n_columns);
  self->widths = g_new0 (guint, MAX (self->n_columns, 1));

  if (!check_size (path, n_rows, self->n_columns, error))
    return NULL;

  self->workbook = create_workbook (path, n_rows, self->n_columns);
  self->sheet = self->workbook != NULL ? workbook_add_worksheet (self->workbook, NULL) : NULL;
  if (self->sheet == NULL)
    {
      g_set_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_XLSX,
                   "cannot start the workbook '%s': libxlsxwriter failed", path);
      return NULL;
    }

  create_formats (self);
  if (!write_header (self, n_rows, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * iwd_export_xlsx_write_row:
 * @self: a workbook writer
 * @row: the index of a row of the table
 * @error: return location for an #IWD_EXPORT_ERROR
 *
 * Writes a table row to the next row of the sheet, each cell typed:
 * amounts as numbers in a euro format, dates as Excel dates shown
 * dd/mm/yyyy, integers and decimals as numbers, booleans as booleans and
 * text as strings. An empty cell is left blank.
 *
 * Returns: %TRUE, or %FALSE if libxlsxwriter rejected a cell
 */
gboolean
iwd_export_xlsx_write_row (IwdExportXlsx  *self,
                           guint           row,
                           GError        **error)
{
  for (guint i = 0; i < self->n_columns; i++)
    {
      if (!check_cell (self, write_cell (self, i, row), i, error))
        return FALSE;
    }

  self->next_row++;
  return TRUE;
}

/**
 * iwd_export_xlsx_close:
 * @self: a workbook writer
 * @error: return location for an #IWD_EXPORT_ERROR
 *
 * Sizes the columns to their widest cell, within limits, and writes the
 * workbook to its file. @self must still be freed after.
 *
 * Returns: %TRUE if the file was written
 */
gboolean
iwd_export_xlsx_close (IwdExportXlsx  *self,
                       GError        **error)
{
  lxw_error result;

  for (guint i = 0; i < self->n_columns; i++)
    worksheet_set_column (self->sheet, (lxw_col_t) i, (lxw_col_t) i, self->widths[i], NULL);

  result = workbook_close (g_steal_pointer (&self->workbook));
  if (result == LXW_NO_ERROR)
    return TRUE;

  g_set_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_XLSX,
               "cannot write the workbook '%s': %s", self->path, lxw_strerror (result));
  return FALSE;
}

/**
 * iwd_export_xlsx_free:
 * @self: (transfer full): a workbook writer
 *
 * Frees a workbook writer. A workbook that was not closed is dropped
 * without writing its file.
 */
void
iwd_export_xlsx_free (IwdExportXlsx *self)
{
  g_clear_pointer (&self->workbook, lxw_workbook_free);
  g_clear_object (&self->table);
  g_clear_pointer (&self->columns, g_free);
  g_clear_pointer (&self->widths, g_free);
  g_clear_pointer (&self->path, g_free);
  g_free (self);
}
