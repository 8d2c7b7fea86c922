/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "iwd-export.h"
#include "iwd-export-error.h"
#include "iwd-export-rows.h"
#include "iwd-export-xlsx.h"

/* Every this many rows, the export checks its cancellable and reports
 * its progress. */
#define ROWS_PER_STEP 2048

/* Text is written to the file in pieces of about this size. */
#define WRITE_CHUNK_SIZE (64 * 1024)

#define UTF8_BOM "\xef\xbb\xbf"

static const struct {
  const char *name;
  const char *extension;
} format_names[] = {
  [IWD_EXPORT_FORMAT_CSV_FR] = { "csv-fr", "csv" },
  [IWD_EXPORT_FORMAT_CSV] = { "csv", "csv" },
  [IWD_EXPORT_FORMAT_XLSX] = { "xlsx", "xlsx" },
  [IWD_EXPORT_FORMAT_JSON] = { "json", "json" },
};

/* One export, from the thread that runs it. */
typedef struct {
  IwdTable              *table;          /* owned */
  guint                 *rows;           /* owned, nullable: all rows in order */
  guint                  n_rows;
  guint                 *columns;        /* owned, nullable: all columns */
  guint                  n_columns;
  IwdExportFormat        format;
  char                  *path;           /* owned: the destination */
  char                  *temp_path;      /* owned, nullable until created */
  GFileProgressCallback  progress;       /* nullable */
  gpointer               progress_data;  /* unowned */
  GMainContext          *context;        /* owned: where progress is reported */
  gint                   pending_report; /* atomic: a report waits in context */
} ExportJob;

/* One progress report on its way to the caller's main context. */
typedef struct {
  ExportJob *job;   /* unowned: the task keeps it until it returns */
  goffset    current;
  goffset    total;
} ProgressReport;

static void
export_job_free (ExportJob *job)
{
  g_clear_object (&job->table);
  g_clear_pointer (&job->rows, g_free);
  g_clear_pointer (&job->columns, g_free);
  g_clear_pointer (&job->path, g_free);
  g_clear_pointer (&job->temp_path, g_free);
  g_clear_pointer (&job->context, g_main_context_unref);
  g_free (job);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ExportJob, export_job_free)

static guint
job_row (ExportJob *job,
         guint      position)
{
  return job->rows != NULL ? job->rows[position] : position;
}

static gboolean
report_progress_in_context (gpointer user_data)
{
  ProgressReport *report = user_data;

  report->job->progress (report->current, report->total, report->job->progress_data);
  g_atomic_int_set (&report->job->pending_report, 0);

  return G_SOURCE_REMOVE;
}

/* Reports are dropped while one is still waiting, so that a slow main
 * loop never queues thousands of them, but the @last one always goes. */
static void
report_progress (ExportJob *job,
                 guint      n_done,
                 gboolean   last)
{
  ProgressReport *report;

  if (job->progress == NULL)
    return;

  if (last)
    g_atomic_int_set (&job->pending_report, 1);
  else if (!g_atomic_int_compare_and_exchange (&job->pending_report, 0, 1))
    return;

  report = g_new (ProgressReport, 1);
  report->job = job;
  report->current = n_done;
  report->total = job->n_rows;

  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT,
                              report_progress_in_context, report, g_free);
}

static gboolean
step_rows (ExportJob     *job,
           guint          n_done,
           GCancellable  *cancellable,
           GError       **error)
{
  if (n_done % ROWS_PER_STEP != 0)
    return TRUE;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  report_progress (job, n_done, FALSE);
  return TRUE;
}

static gboolean
set_file_error (const char  *action,
                const char  *path,
                int          saved_errno,
                GError     **error)
{
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
               "cannot %s '%s': %s", action, path, g_strerror (saved_errno));
  return FALSE;
}

static gboolean
write_chunk (FILE        *file,
             GString     *text,
             gsize        threshold,
             ExportJob   *job,
             GError     **error)
{
  if (text->len < threshold)
    return TRUE;

  if (fwrite (text->str, 1, text->len, file) != text->len)
    return set_file_error ("write", job->path, errno, error);

  g_string_truncate (text, 0);
  return TRUE;
}

static void
append_text_start (ExportJob *job,
                   GString   *text)
{
  if (job->format == IWD_EXPORT_FORMAT_JSON)
    {
      g_string_append_c (text, '[');
      return;
    }

  /* Excel reads a CSV file as UTF-8 only after a byte-order mark. */
  if (job->format == IWD_EXPORT_FORMAT_CSV_FR)
    g_string_append (text, UTF8_BOM);

  iwd_export_append_csv_header (text, job->table, job->columns, job->n_columns, job->format);
}

static void
append_text_row (ExportJob *job,
                 GString   *text,
                 guint      position)
{
  guint row = job_row (job, position);

  if (job->format != IWD_EXPORT_FORMAT_JSON)
    {
      iwd_export_append_csv_row (text, job->table, row, job->columns, job->n_columns,
                                 job->format);
      return;
    }

  g_string_append (text, position == 0 ? "\n  " : ",\n  ");
  iwd_export_append_json_row (text, job->table, row, job->columns, job->n_columns);
}

static gboolean
write_text_rows (ExportJob     *job,
                 FILE          *file,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(GString) text = g_string_sized_new (WRITE_CHUNK_SIZE * 2);

  append_text_start (job, text);

  for (guint position = 0; position < job->n_rows; position++)
    {
      if (!step_rows (job, position, cancellable, error))
        return FALSE;

      append_text_row (job, text, position);

      if (!write_chunk (file, text, WRITE_CHUNK_SIZE, job, error))
        return FALSE;
    }

  if (job->format == IWD_EXPORT_FORMAT_JSON)
    g_string_append (text, job->n_rows > 0 ? "\n]\n" : "]\n");

  return write_chunk (file, text, 0, job, error);
}

/* Takes over the descriptor that created the temporary file. */
static gboolean
write_text_file (ExportJob     *job,
                 int            fd,
                 GCancellable  *cancellable,
                 GError       **error)
{
  FILE *file = fdopen (fd, "wb");
  gboolean written;

  if (file == NULL)
    {
      int saved_errno = errno;

      g_close (fd, NULL);
      return set_file_error ("write", job->path, saved_errno, error);
    }

  written = write_text_rows (job, file, cancellable, error);

  if (fclose (file) != 0 && written)
    return set_file_error ("write", job->path, errno, error);

  return written;
}

static gboolean
write_xlsx_file (ExportJob     *job,
                 GCancellable  *cancellable,
                 GError       **error)
{
  g_autoptr(IwdExportXlsx) workbook = NULL;

  workbook = iwd_export_xlsx_open (job->temp_path, job->table, job->columns, job->n_columns,
                                   job->n_rows, error);
  if (workbook == NULL)
    return FALSE;

  for (guint position = 0; position < job->n_rows; position++)
    {
      if (!step_rows (job, position, cancellable, error)
          || !iwd_export_xlsx_write_row (workbook, job_row (job, position), error))
        return FALSE;
    }

  /* Closing writes the whole zip archive, the longest step of all. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;

  return iwd_export_xlsx_close (workbook, error);
}

/* The temporary file sits beside the destination, so that the final
 * rename stays within one file system and replaces the destination at
 * once. It is named after the destination, with a random part.
 * NOTE: a process killed during an export leaves this ".part" file. */
static int
create_temp_file (ExportJob  *job,
                  GError    **error)
{
  g_autofree char *directory = g_path_get_dirname (job->path);
  g_autofree char *name = g_path_get_basename (job->path);
  g_autofree char *template = g_strconcat (name, ".XXXXXX.part", NULL);
  int fd;

  job->temp_path = g_build_filename (directory, template, NULL);

  /* Mode 0666 lets the umask decide, as for any file the user saves. */
  fd = g_mkstemp_full (job->temp_path, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      g_clear_pointer (&job->temp_path, g_free);
      set_file_error ("write", job->path, errno, error);
    }

  return fd;
}

static gboolean
write_temp_file (ExportJob     *job,
                 int            fd,
                 GCancellable  *cancellable,
                 GError       **error)
{
  if (job->format != IWD_EXPORT_FORMAT_XLSX)
    return write_text_file (job, fd, cancellable, error);

  /* libxlsxwriter opens the file by its name. */
  g_close (fd, NULL);
  return write_xlsx_file (job, cancellable, error);
}

static gboolean
run_export (ExportJob     *job,
            GCancellable  *cancellable,
            GError       **error)
{
  int fd = create_temp_file (job, error);

  if (fd < 0)
    return FALSE;

  if (!write_temp_file (job, fd, cancellable, error)
      || g_cancellable_set_error_if_cancelled (cancellable, error))
    {
      g_unlink (job->temp_path);
      return FALSE;
    }

  if (g_rename (job->temp_path, job->path) != 0)
    {
      int saved_errno = errno;

      g_unlink (job->temp_path);
      return set_file_error ("replace", job->path, saved_errno, error);
    }

  report_progress (job, job->n_rows, TRUE);
  return TRUE;
}

/* Checks that every index of a selection is below @limit. */
static gboolean
check_indexes (const guint *indexes,
               guint        n_indexes,
               guint        limit)
{
  for (guint i = 0; indexes != NULL && i < n_indexes; i++)
    {
      if (indexes[i] >= limit)
        return FALSE;
    }

  return TRUE;
}

static ExportJob *
export_job_new (IwdTable        *table,
                const guint     *rows,
                guint            n_rows,
                const guint     *columns,
                guint            n_columns,
                IwdExportFormat  format,
                GFile           *destination,
                GError         **error)
{
  g_autofree char *uri = NULL;
  g_autoptr(ExportJob) job = g_new0 (ExportJob, 1);

  job->table = g_object_ref (table);
  job->rows = rows != NULL ? g_memdup2 (rows, sizeof (guint) * n_rows) : NULL;
  job->n_rows = rows != NULL ? n_rows : iwd_table_get_n_rows (table);
  job->columns = columns != NULL ? g_memdup2 (columns, sizeof (guint) * n_columns) : NULL;
  job->n_columns = columns != NULL ? n_columns : iwd_table_get_n_columns (table);
  job->format = format;
  job->path = g_file_get_path (destination);
  job->context = g_main_context_ref_thread_default ();

  if (job->path != NULL)
    return g_steal_pointer (&job);

  uri = g_file_get_uri (destination);
  g_set_error (error, IWD_EXPORT_ERROR, IWD_EXPORT_ERROR_NOT_LOCAL,
               "cannot export to '%s': it is not a local file", uri);
  return NULL;
}

static void
export_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;

  /* The error names the destination, and the caller logs or shows it. */
  if (!run_export (job, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  g_task_return_boolean (task, TRUE);
}

/**
 * iwd_export_format_from_string:
 * @name: "csv-fr", "csv", "xlsx" or "json"
 * @out_format: (out): the format named
 *
 * Looks up an export format by its name on the command line.
 *
 * Returns: %TRUE if @name is a known format
 */
gboolean
iwd_export_format_from_string (const char      *name,
                               IwdExportFormat *out_format)
{
  for (guint i = 0; i < G_N_ELEMENTS (format_names); i++)
    {
      if (g_strcmp0 (name, format_names[i].name) == 0)
        {
          *out_format = (IwdExportFormat) i;
          return TRUE;
        }
    }

  return FALSE;
}

/**
 * iwd_export_format_get_extension:
 * @format: an export format
 *
 * Gets the usual file name extension of @format, without its dot.
 *
 * Returns: the extension, such as "csv"
 */
const char *
iwd_export_format_get_extension (IwdExportFormat format)
{
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), NULL);

  return format_names[format].extension;
}

/**
 * iwd_export_table:
 * @table: the table to export
 * @rows: (nullable) (array length=n_rows): the indexes of the rows to
 *   write, in order, or %NULL for all rows in table order
 * @n_rows: the length of @rows, ignored when it is %NULL
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all columns in table order
 * @n_columns: the length of @columns, ignored when it is %NULL
 * @format: the file format
 * @destination: a local file, created or replaced
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GIOError or an #IWD_EXPORT_ERROR
 *
 * Exports a table, or the rows and columns a view shows of it, in the
 * calling thread. See iwd_export_table_async().
 *
 * Returns: %TRUE if @destination was written
 */
gboolean
iwd_export_table (IwdTable         *table,
                  const guint      *rows,
                  guint             n_rows,
                  const guint      *columns,
                  guint             n_columns,
                  IwdExportFormat   format,
                  GFile            *destination,
                  GCancellable     *cancellable,
                  GError          **error)
{
  g_autoptr(ExportJob) job = NULL;

  g_return_val_if_fail (IWD_IS_TABLE (table), FALSE);
  g_return_val_if_fail (check_indexes (rows, n_rows, iwd_table_get_n_rows (table)), FALSE);
  g_return_val_if_fail (check_indexes (columns, n_columns, iwd_table_get_n_columns (table)), FALSE);
  g_return_val_if_fail (format < G_N_ELEMENTS (format_names), FALSE);
  g_return_val_if_fail (G_IS_FILE (destination), FALSE);

  job = export_job_new (table, rows, n_rows, columns, n_columns, format, destination, error);
  if (job == NULL)
    return FALSE;

  return run_export (job, cancellable, error);
}

/**
 * iwd_export_table_async:
 * @table: the table to export
 * @rows: (nullable) (array length=n_rows): the indexes of the rows to
 *   write, in order, or %NULL for all rows in table order
 * @n_rows: the length of @rows, ignored when it is %NULL
 * @columns: (nullable) (array length=n_columns): the indexes of the
 *   columns to write, in order, or %NULL for all columns in table order
 * @n_columns: the length of @columns, ignored when it is %NULL
 * @format: the file format
 * @destination: a local file, created or replaced
 * @progress_callback: (nullable) (scope notified): called with the
 *   number of rows written so far and the number to write
 * @progress_data: data for @progress_callback
 * @cancellable: (nullable): a #GCancellable
 * @callback: called when the file is written or the export failed
 * @user_data: data for @callback
 *
 * Exports a table to a file in a worker thread. @rows and @columns are
 * copied, so a grid can pass its current order and filter, then change
 * them. @table must not change until the export finishes.
 *
 * The rows go to a temporary file beside @destination, which is renamed
 * onto @destination only once complete: a failed or cancelled export
 * leaves @destination as it was and removes the temporary file. The
 * cancellable is checked every 2048 rows. Progress is reported in the
 * thread-default main context of the caller: every 2048 rows unless the
 * previous report is still waiting there, and always once at the end.
 */
void
iwd_export_table_async (IwdTable              *table,
                        const guint           *rows,
                        guint                  n_rows,
                        const guint           *columns,
                        guint                  n_columns,
                        IwdExportFormat        format,
                        GFile                 *destination,
                        GFileProgressCallback  progress_callback,
                        gpointer               progress_data,
                        GCancellable          *cancellable,
                        GAsyncReadyCallback    callback,
                        gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(ExportJob) job = NULL;
  GError *error = NULL;

  g_return_if_fail (IWD_IS_TABLE (table));
  g_return_if_fail (check_indexes (rows, n_rows, iwd_table_get_n_rows (table)));
  g_return_if_fail (check_indexes (columns, n_columns, iwd_table_get_n_columns (table)));
  g_return_if_fail (format < G_N_ELEMENTS (format_names));
  g_return_if_fail (G_IS_FILE (destination));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, iwd_export_table_async);

  job = export_job_new (table, rows, n_rows, columns, n_columns, format, destination, &error);
  if (job == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  job->progress = progress_callback;
  job->progress_data = progress_data;
  g_task_set_task_data (task, g_steal_pointer (&job), (GDestroyNotify) export_job_free);
  g_task_run_in_thread (task, export_in_thread);
}

/**
 * iwd_export_table_finish:
 * @result: the result passed to the callback
 * @error: return location for a #GIOError or an #IWD_EXPORT_ERROR;
 *   %G_IO_ERROR_CANCELLED when the export was cancelled
 *
 * Finishes iwd_export_table_async().
 *
 * Returns: %TRUE if the destination was written
 */
gboolean
iwd_export_table_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == iwd_export_table_async, FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
