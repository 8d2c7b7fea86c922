/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <string.h>

#include "iwd-export-values.h"
#include "iwd-text.h"

#define SECONDS_PER_DAY 86400

/* GDate counts days from 1 January of year 1, which is day 1. */
#define JULIAN_DAY_OF_UNIX_EPOCH 719163

/* Besides the separator, quote and line ends of RFC 4180, a ';' is
 * always quoted because spreadsheets in French locales split on it, and
 * edge spaces are quoted so that no importer trims them. */
static gboolean
csv_needs_quotes (const char *value,
                  char        separator)
{
  gsize length = strlen (value);

  if (strpbrk (value, ";\"\r\n") != NULL || strchr (value, separator) != NULL)
    return TRUE;

  return length > 0 && (value[0] == ' ' || value[length - 1] == ' ');
}

/**
 * iwd_export_format_scaled:
 * @scaled: a decimal in ten-thousandths (%IWD_DECIMAL_SCALE)
 * @min_decimals: how many decimals to keep even when they are zeros, at
 *   most 4
 * @decimal_mark: '.' or ','
 *
 * Writes a decimal exactly, without thousands separators. Zeros after
 * the last significant decimal are dropped down to @min_decimals, so
 * 12000000 gives "1200" with 0, "1200.00" with 2 and "1200.0000" with 4.
 * No floating point is involved.
 *
 * Returns: (transfer full): the decimal text
 */
char *
iwd_export_format_scaled (gint64 scaled,
                          guint  min_decimals,
                          char   decimal_mark)
{
  /* Negating in unsigned arithmetic keeps G_MININT64 exact. */
  guint64 magnitude = scaled < 0 ? (guint64) 0 - (guint64) scaled : (guint64) scaled;
  const char *sign = scaled < 0 ? "-" : "";
  guint64 whole = magnitude / IWD_DECIMAL_SCALE;
  guint fraction = magnitude % IWD_DECIMAL_SCALE;
  char digits[8];
  int n_decimals = 4;

  g_snprintf (digits, sizeof digits, "%04u", fraction);

  while (n_decimals > (int) MIN (min_decimals, 4) && digits[n_decimals - 1] == '0')
    n_decimals--;

  if (n_decimals == 0)
    return g_strdup_printf ("%s%" G_GUINT64_FORMAT, sign, whole);

  return g_strdup_printf ("%s%" G_GUINT64_FORMAT "%c%.*s",
                          sign, whole, decimal_mark, n_decimals, digits);
}

/**
 * iwd_export_split_time:
 * @seconds: a table date or date-time: Unix seconds read as UTC
 * @out_time: (out caller-allocates): its calendar fields
 *
 * Splits a date or date-time without allocating, so that a million
 * cells cost no more than the arithmetic.
 *
 * Returns: %TRUE, or %FALSE if the day is outside GDate's range
 */
gboolean
iwd_export_split_time (gint64         seconds,
                       IwdExportTime *out_time)
{
  gint64 days = seconds / SECONDS_PER_DAY;
  gint64 rest = seconds % SECONDS_PER_DAY;
  gint64 julian;

  /* Division truncates toward zero, and a time before 1970 still belongs
   * to the day that starts before it. */
  if (rest < 0)
    {
      rest += SECONDS_PER_DAY;
      days--;
    }

  julian = days + JULIAN_DAY_OF_UNIX_EPOCH;
  if (julian < 1 || julian > G_MAXUINT32 || !g_date_valid_julian ((guint32) julian))
    return FALSE;

  g_date_clear (&out_time->date, 1);
  g_date_set_julian (&out_time->date, (guint32) julian);
  out_time->hour = (guint) (rest / 3600);
  out_time->minute = (guint) (rest / 60 % 60);
  out_time->second = (guint) (rest % 60);

  return TRUE;
}

/**
 * iwd_export_csv_append_field:
 * @out: the text to append to
 * @value: (nullable): the field, %NULL for an empty cell
 * @separator: the record's field separator, ',' or ';'
 *
 * Appends one CSV field, between double quotes with inner quotes doubled
 * when the value needs them (RFC 4180). An empty cell and %NULL both give
 * an empty field.
 */
void
iwd_export_csv_append_field (GString    *out,
                             const char *value,
                             char        separator)
{
  if (value == NULL)
    return;

  if (!csv_needs_quotes (value, separator))
    {
      g_string_append (out, value);
      return;
    }

  g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');

      g_string_append_c (out, *p);
    }

  g_string_append_c (out, '"');
}

/**
 * iwd_export_csv_append_record:
 * @out: the text to append to
 * @values: (array length=n_values): the fields, each nullable
 * @n_values: the number of fields
 * @separator: the field separator, ',' or ';'
 * @line_end: "\n" or "\r\n"
 *
 * Appends a CSV record, its fields quoted by
 * iwd_export_csv_append_field().
 */
void
iwd_export_csv_append_record (GString            *out,
                              const char * const *values,
                              gsize               n_values,
                              char                separator,
                              const char         *line_end)
{
  for (gsize i = 0; i < n_values; i++)
    {
      if (i > 0)
        g_string_append_c (out, separator);

      iwd_export_csv_append_field (out, values[i], separator);
    }

  g_string_append (out, line_end);
}

/**
 * iwd_export_json_append_string:
 * @out: the text to append to
 * @value: a UTF-8 string
 *
 * Appends @value as a JSON string literal (RFC 8259): quotes, backslashes
 * and control characters are escaped, other characters are kept as UTF-8.
 */
void
iwd_export_json_append_string (GString    *out,
                               const char *value)
{
  g_string_append_c (out, '"');

  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '"' || c == '\\')
        g_string_append_printf (out, "\\%c", c);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c < 0x20)
        g_string_append_printf (out, "\\u%04x", c);
      else
        g_string_append_c (out, (char) c);
    }

  g_string_append_c (out, '"');
}
