/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Reads a large statement in parts, one thread per part, and joins
 * their rows. The header is read first, and each part's reader starts
 * with it and with the number of lines before the part, so that it
 * names lines as one reader of the whole statement would.
 *
 * The result must be the one reader's, so the parts decline whenever
 * they cannot be sure of it. A line that cannot be read is one case,
 * because the messages must name the rows of the whole statement. Parts
 * that settled different kinds for a column are another, and a lone CR
 * before the header a third. The caller then reads the statement again
 * in one part, which costs a second read only for such statements.
 */

#include <string.h>

#ifdef __linux__
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>
#endif

#include "iwd-commissions-tsv.h"
#include "iwd-table-join.h"
#include "iwd-text-scan.h"
#include "iwd-tsv-parts.h"
#include "iwd-tsv-reader.h"

/* The extra threads yield to the others, so that a window's main loop
 * keeps a processor while a statement loads on all of them. */
#define PART_THREAD_NICENESS 5

/* Smaller parts would spend more on threads than they save. */
#define MIN_PART_SIZE (4 * 1024 * 1024)
#define MAX_PARTS 4

typedef struct {
  IwdTsvReader  reader;
  const char   *text;          /* the part's bytes, borrowed */
  gsize         length;
  GCancellable *cancellable;   /* borrowed */
  IwdTable     *table;         /* owned; NULL until read */
  GError       *error;         /* owned; NULL unless the read failed */
} Part;

/* Where the header line lies, and how many lines end with it. */
typedef struct {
  gsize start;
  gsize end;                   /* before its CR or LF */
  gsize body_start;            /* after its LF */
  guint n_lines;
} Header;

static void
part_clear (Part *part)
{
  iwd_tsv_reader_clear (&part->reader);
  g_clear_object (&part->table);
  g_clear_error (&part->error);
}

static gboolean
is_blank (const char *start,
          const char *end)
{
  while (start < end && g_ascii_isspace (*start))
    start++;

  return start == end;
}

/* Finds the first non-blank line. Declines when a line before it ends
 * with a lone CR, or when no LF follows it. */
static gboolean
find_header (const char *text,
             gsize       length,
             Header     *header)
{
  gsize start = 0;

  for (guint n_lines = 1; start < length; n_lines++)
    {
      const char *newline = memchr (text + start, '\n', length - start);
      gsize end;

      if (newline == NULL)
        return FALSE;

      end = newline - text;
      if (end > start && text[end - 1] == '\r')
        end--;

      if (memchr (text + start, '\r', end - start) != NULL)
        return FALSE;

      if (!is_blank (text + start, text + end))
        {
          *header = (Header) { start, end, newline - text + 1, n_lines };
          return TRUE;
        }

      start = newline - text + 1;
    }

  return FALSE;
}

/* Counts the line ends of a part that ends after an LF or at the end of
 * the text: each LF, and each CR that no LF follows. */
static guint
count_line_ends (const char *text,
                 gsize       length)
{
  const char *end = text + length;
  guint count = 0;

  for (const char *p = memchr (text, '\n', length); p != NULL; p = memchr (p + 1, '\n', end - p - 1))
    count++;

  for (const char *p = memchr (text, '\r', length); p != NULL; p = memchr (p + 1, '\r', end - p - 1))
    count += p + 1 < end && p[1] != '\n';

  return count;
}

/* Cuts the body into parts of about equal size, each ending after an LF
 * or at the end of the text. @bounds gets @n_parts + 1 offsets. */
static void
cut_body (const char *text,
          gsize       body_start,
          gsize       length,
          guint       n_parts,
          gsize      *bounds)
{
  gsize body_length = length - body_start;

  bounds[0] = body_start;
  for (guint k = 1; k < n_parts; k++)
    {
      gsize from = MAX (bounds[k - 1], body_start + body_length / n_parts * k);
      const char *newline = from < length ? memchr (text + from, '\n', length - from) : NULL;

      bounds[k] = newline != NULL ? (gsize) (newline - text) + 1 : length;
    }
  bounds[n_parts] = length;
}

static void
decode_header (const char *text,
               gboolean    windows_1252,
               Header     *header,
               GString    *out)
{
  if (windows_1252)
    iwd_text_append_windows_1252 (out, text + header->start, header->end - header->start);
  else
    g_string_append_len (out, text + header->start, header->end - header->start);
}

static void
start_part (Part       *part,
            GString    *header,
            guint       n_lines_before,
            gboolean    windows_1252,
            gboolean    lenient)
{
  part->reader.builder = iwd_table_builder_new ();
  part->reader.has_header = TRUE;
  part->reader.n_lines = n_lines_before;

  if (lenient)
    {
      part->reader.bad_lines = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_tsv_bad_line_free);
      part->reader.amount_keys = g_ptr_array_new_with_free_func (g_free);
    }

  if (windows_1252)
    part->reader.decoded = g_string_sized_new (IWD_TSV_BLOCK_SIZE + IWD_TSV_BLOCK_SIZE / 2);

  iwd_tsv_reader_read_header (&part->reader, header->str, header->str + header->len);
}

static gpointer
read_part (gpointer data)
{
  Part *part = data;

  if (iwd_tsv_reader_read_text (&part->reader, part->text, part->length,
                                part->cancellable, &part->error))
    part->table = iwd_table_builder_build (part->reader.builder, &part->error);

  return NULL;
}

static gpointer
read_part_in_thread (gpointer data)
{
#ifdef __linux__
  /* Linux applies a niceness to the one thread whose id is given. */
  setpriority (PRIO_PROCESS, (id_t) syscall (SYS_gettid), PART_THREAD_NICENESS);
#endif

  return read_part (data);
}

/* Reads parts 1 and later in threads of their own, and part 0 in this
 * one. */
static void
read_parts (Part  *parts,
            guint  n_parts)
{
  g_autofree GThread **threads = g_new0 (GThread *, n_parts);

  for (guint k = 1; k < n_parts; k++)
    threads[k] = g_thread_new ("iwd-tsv-part", read_part_in_thread, &parts[k]);

  read_part (&parts[0]);

  for (guint k = 1; k < n_parts; k++)
    g_thread_join (threads[k]);
}

/* Joins the parts' tables, or sets *@out_declined. A cancellation is
 * the only error reported. */
static IwdTable *
join_parts (Part      *parts,
            guint      n_parts,
            gboolean  *out_declined,
            GError   **error)
{
  g_autofree IwdTable **tables = g_new (IwdTable *, n_parts);
  IwdTable *joined;

  for (guint k = 0; k < n_parts; k++)
    {
      if (g_error_matches (parts[k].error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        {
          *out_declined = FALSE;
          g_propagate_error (error, g_steal_pointer (&parts[k].error));
          return NULL;
        }
    }

  for (guint k = 0; k < n_parts; k++)
    {
      if (parts[k].table == NULL
          || (parts[k].reader.bad_lines != NULL && parts[k].reader.bad_lines->len > 0))
        {
          *out_declined = TRUE;
          return NULL;
        }
      tables[k] = parts[k].table;
    }

  joined = iwd_table_join_rows (tables, n_parts);
  *out_declined = joined == NULL;
  return joined;
}

/**
 * iwd_tsv_count_parts:
 * @length: the statement's size in bytes
 *
 * Chooses how many parts to read a statement in: one per processor, up
 * to 4, and none smaller than 4 MiB.
 *
 * Returns: the number of parts, 1 to read in one part
 */
guint
iwd_tsv_count_parts (gsize length)
{
  guint n_parts = MIN ((guint) g_get_num_processors (), MAX_PARTS);

  return (guint) CLAMP (length / MIN_PART_SIZE, 1, n_parts);
}

/**
 * iwd_tsv_read_in_parts:
 * @text: (array length=length): the statement, after its byte-order mark
 * @length: its length in bytes
 * @windows_1252: whether @text must be decoded from Windows-1252
 * @lenient: whether the caller reads leniently, and so accepts no part
 *   with a line left out
 * @n_parts: how many parts to read, 2 or more
 * @cancellable: (nullable): a #GCancellable
 * @out_declined: (out): set when the statement must be read in one part
 * @error: return location for a cancellation
 *
 * Reads the statement in @n_parts parts, in as many threads, and joins
 * their rows.
 *
 * Returns: (transfer full) (nullable): the table, as one reader would
 *   have read it, or %NULL when declined or cancelled
 */
IwdTable *
iwd_tsv_read_in_parts (const char    *text,
                       gsize          length,
                       gboolean       windows_1252,
                       gboolean       lenient,
                       guint          n_parts,
                       GCancellable  *cancellable,
                       gboolean      *out_declined,
                       GError       **error)
{
  g_autoptr(GString) header_text = g_string_new (NULL);
  g_autofree gsize *bounds = g_new (gsize, n_parts + 1);
  g_autofree Part *parts = g_new0 (Part, n_parts);
  guint n_lines_before;
  Header header;
  IwdTable *table;

  *out_declined = TRUE;
  if (!find_header (text, length, &header))
    return NULL;

  decode_header (text, windows_1252, &header, header_text);
  cut_body (text, header.body_start, length, n_parts, bounds);

  n_lines_before = header.n_lines;
  for (guint k = 0; k < n_parts; k++)
    {
      parts[k].text = text + bounds[k];
      parts[k].length = bounds[k + 1] - bounds[k];
      parts[k].cancellable = cancellable;
      start_part (&parts[k], header_text, n_lines_before, windows_1252, lenient);
      n_lines_before += count_line_ends (parts[k].text, parts[k].length);
    }

  read_parts (parts, n_parts);
  table = join_parts (parts, n_parts, out_declined, error);

  for (guint k = 0; k < n_parts; k++)
    part_clear (&parts[k]);

  return table;
}
