/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-parse-error.h"
#include "iwd-text.h"
#include "iwd-text-scan.h"

#define UTF8_BOM "\xEF\xBB\xBF"

typedef struct {
  int year;
  int month;
  int day;
  int hour;
  int minute;
  int second;
  gboolean has_time;
} IwdDateTimeFields;

/* Encoding */

static gboolean
check_no_nul (const char  *data,
              gsize        length,
              GError     **error)
{
  const char *nul;

  if (length >= 2 && ((guchar) data[0] == 0xFF || (guchar) data[0] == 0xFE)
      && ((guchar) data[1] == 0xFE || (guchar) data[1] == 0xFF))
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING,
                           "the text is UTF-16, expected UTF-8 or Windows-1252");
      return FALSE;
    }

  nul = length > 0 ? memchr (data, '\0', length) : NULL;
  if (nul != NULL)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING,
                   "byte offset %" G_GSIZE_FORMAT ": a NUL byte, so this is a binary file, "
                   "such as a spreadsheet or an archive, or UTF-16 text, not UTF-8 or "
                   "Windows-1252 text",
                   (gsize) (nul - data));
      return FALSE;
    }

  return TRUE;
}

/* Numbers */

static gboolean
is_group_space (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F;
}

static char *
strip_unicode_spaces (const char *text)
{
  const char *start = text;
  const char *end = text + strlen (text);

  while (*start != '\0' && g_unichar_isspace (g_utf8_get_char (start)))
    start = g_utf8_next_char (start);

  while (end > start)
    {
      const char *previous = g_utf8_prev_char (end);

      if (!g_unichar_isspace (g_utf8_get_char (previous)))
        break;
      end = previous;
    }

  return g_strndup (start, end - start);
}

/* Removes a trailing "€" or "EUR" (any case) and the spaces before it. */
static char *
strip_currency (const char *trimmed)
{
  gsize length = strlen (trimmed);

  g_autofree char *amount = NULL;

  if (g_str_has_suffix (trimmed, "€"))
    length -= strlen ("€");
  else if (length >= 3 && g_ascii_strcasecmp (trimmed + length - 3, "EUR") == 0)
    length -= 3;
  else
    return g_strdup (trimmed);

  amount = g_strndup (trimmed, length);
  return strip_unicode_spaces (amount);
}

/* Finds the decimal separator of @digits, or sets *@decimal to %NULL when
 * there is none. A lone '.' or ',' is the decimal separator. When both
 * appear, the last one is the decimal separator and the other kind groups
 * thousands. Several separators of one kind with no other kind ("1,2,3")
 * are ambiguous and rejected. */
static gboolean
find_decimal_separator (const char  *digits,
                        const char **decimal,
                        char        *group)
{
  const char *last_dot = strrchr (digits, '.');
  const char *last_comma = strrchr (digits, ',');
  const char *last = MAX (last_dot, last_comma);
  char kind = last != NULL ? *last : '\0';
  gsize count = 0;

  *decimal = last;
  *group = '\0';
  if (last == NULL)
    return TRUE;

  for (const char *p = digits; *p != '\0'; p++)
    count += (*p == kind);

  if (last_dot != NULL && last_comma != NULL)
    *group = kind == '.' ? ',' : '.';

  return count == 1;
}

/* Copies the digits of the integer part [@start, @end) into @out,
 * checking that separators split it into groups of three digits. */
static gboolean
collect_integer_digits (const char *start,
                        const char *end,
                        char        group,
                        GString    *out)
{
  guint group_length = 0;
  gboolean grouped = FALSE;

  for (const char *p = start; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        {
          g_string_append_c (out, (char) c);
          group_length++;
          continue;
        }

      if (!is_group_space (c) && (group == '\0' || c != (gunichar) group))
        return FALSE;
      if (group_length == 0 || group_length > 3 || (grouped && group_length != 3))
        return FALSE;
      grouped = TRUE;
      group_length = 0;
    }

  return !grouped || group_length == 3;
}

static gboolean
collect_fraction_digits (const char *start,
                         GString    *out)
{
  for (const char *p = start; *p != '\0'; p++)
    {
      if (!g_ascii_isdigit (*p))
        return FALSE;
      g_string_append_c (out, *p);
    }

  return out->len > 0;
}

/* Splits a number as people write it into its sign, integer digits and
 * fraction digits. */
static gboolean
split_number (const char *text,
              gboolean   *negative,
              GString    *integer_digits,
              GString    *fraction_digits)
{
  g_autofree char *trimmed = NULL;
  g_autofree char *amount = NULL;
  const char *digits;
  const char *decimal;
  char group;

  if (!g_utf8_validate (text, -1, NULL))
    return FALSE;

  trimmed = strip_unicode_spaces (text);
  amount = strip_currency (trimmed);
  digits = amount;

  *negative = *digits == '-';
  if (*digits == '-' || *digits == '+')
    digits++;

  if (!find_decimal_separator (digits, &decimal, &group))
    return FALSE;

  if (!collect_integer_digits (digits, decimal != NULL ? decimal : digits + strlen (digits),
                               group, integer_digits))
    return FALSE;

  if (decimal != NULL && !collect_fraction_digits (decimal + 1, fraction_digits))
    return FALSE;

  return integer_digits->len > 0 || fraction_digits->len > 0;
}

static gboolean
digits_to_uint64 (const char *digits,
                  guint64    *out)
{
  guint64 value = 0;

  for (const char *p = digits; *p != '\0'; p++)
    {
      if (!g_uint64_checked_mul (&value, value, 10)
          || !g_uint64_checked_add (&value, value, (guint64) (*p - '0')))
        return FALSE;
    }

  *out = value;
  return TRUE;
}

/* Converts the fraction digits to ten-thousandths, rounded half away from
 * zero. Only the fifth digit decides the rounding, because the digits
 * after it cannot move the value across the half. */
static guint64
fraction_to_scaled (const char *fraction,
                    gsize       length)
{
  guint64 scaled = 0;

  for (gsize i = 0; i < 4; i++)
    scaled = scaled * 10 + (i < length ? (guint64) (fraction[i] - '0') : 0);

  if (length > 4 && fraction[4] >= '5')
    scaled++;

  return scaled;
}

static gboolean
set_not_a_number (const char  *text,
                  GError     **error)
{
  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
               "'%s' is not a number", text);
  return FALSE;
}

static gboolean
set_out_of_range (const char  *text,
                  GError     **error)
{
  g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
               "'%s' is out of range", text);
  return FALSE;
}

/* Dates */

static gboolean
read_digits (const char **p,
             guint        min_digits,
             guint        max_digits,
             int         *out)
{
  guint count = 0;
  int value = 0;

  while (count < max_digits && g_ascii_isdigit ((*p)[count]))
    {
      value = value * 10 + ((*p)[count] - '0');
      count++;
    }

  if (count < min_digits)
    return FALSE;

  *p += count;
  *out = value;
  return TRUE;
}

static gboolean
skip_digits (const char **p)
{
  const char *start = *p;

  while (g_ascii_isdigit (**p))
    (*p)++;

  return *p > start;
}

static gboolean
read_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;

  (*p)++;
  return TRUE;
}

static guint
count_leading_digits (const char *p)
{
  guint count = 0;

  while (g_ascii_isdigit (p[count]))
    count++;

  return count;
}

/* Reads "yyyy-mm-dd". */
static gboolean
read_iso_date (const char        **p,
               IwdDateTimeFields  *fields)
{
  return read_digits (p, 4, 4, &fields->year)
         && read_char (p, '-')
         && read_digits (p, 2, 2, &fields->month)
         && read_char (p, '-')
         && read_digits (p, 2, 2, &fields->day);
}

/* Reads "dd/mm/yyyy", "dd-mm-yyyy" or "dd.mm.yyyy", day and month with
 * one or two digits. The year must have four digits, because a two-digit
 * year ("05/01/23") leaves the century to a guess. */
static gboolean
read_day_first_date (const char        **p,
                     IwdDateTimeFields  *fields)
{
  char separator;

  if (!read_digits (p, 1, 2, &fields->day))
    return FALSE;

  separator = **p;
  if (separator != '/' && separator != '-' && separator != '.')
    return FALSE;
  (*p)++;

  return read_digits (p, 1, 2, &fields->month)
         && read_char (p, separator)
         && count_leading_digits (*p) == 4
         && read_digits (p, 4, 4, &fields->year);
}

/* Reads "HH:MM", "HH:MM:SS" and "HH:MM:SS.fff", dropping the fractional
 * seconds. */
static gboolean
read_time (const char        **p,
           IwdDateTimeFields  *fields)
{
  if (!read_digits (p, 1, 2, &fields->hour)
      || !read_char (p, ':')
      || !read_digits (p, 2, 2, &fields->minute))
    return FALSE;

  fields->has_time = TRUE;
  if (!read_char (p, ':'))
    return TRUE;

  if (!read_digits (p, 2, 2, &fields->second))
    return FALSE;

  if (read_char (p, '.') || read_char (p, ','))
    return skip_digits (p);

  return TRUE;
}

/* Reads an optional "Z", "+hh", "+hh:mm" or "+hhmm" after an ISO time.
 * The zone is not applied, because the API sends naive local times and a
 * zone added by a serializer must not move the wall-clock time. */
static gboolean
read_zone (const char **p)
{
  int ignored;

  if (read_char (p, 'Z'))
    return TRUE;

  if (!read_char (p, '+') && !read_char (p, '-'))
    return TRUE;

  if (!read_digits (p, 2, 2, &ignored))
    return FALSE;

  if (**p == '\0')
    return TRUE;

  read_char (p, ':');
  return read_digits (p, 2, 2, &ignored);
}

static gboolean
read_datetime (const char        *text,
               IwdDateTimeFields *fields)
{
  const char *p = text;
  gboolean iso = count_leading_digits (p) == 4;

  if (iso ? !read_iso_date (&p, fields) : !read_day_first_date (&p, fields))
    return FALSE;

  if (*p == '\0')
    return TRUE;

  if (!(iso && read_char (&p, 'T')) && !read_char (&p, ' '))
    return FALSE;

  if (!read_time (&p, fields))
    return FALSE;

  if (iso && !read_zone (&p))
    return FALSE;

  return *p == '\0';
}

static gboolean
fields_are_valid (const IwdDateTimeFields *fields)
{
  if (fields->year < 1 || fields->month < 1 || fields->month > 12 || fields->day < 1)
    return FALSE;

  if (!g_date_valid_dmy ((GDateDay) fields->day, (GDateMonth) fields->month,
                         (GDateYear) fields->year))
    return FALSE;

  return fields->hour < 24 && fields->minute < 60 && fields->second < 60;
}

/* Search */

static char *
drop_combining_marks (const char *decomposed)
{
  GString *out = g_string_sized_new (strlen (decomposed));

  for (const char *p = decomposed; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (!g_unichar_ismark (c))
        g_string_append_unichar (out, c);
    }

  return g_string_free (out, FALSE);
}

static gboolean
parse_decimal_fully (const char  *text,
                     gint64      *out_scaled,
                     GError     **error)
{
  g_autoptr(GString) integer_digits = g_string_new (NULL);
  g_autoptr(GString) fraction_digits = g_string_new (NULL);
  gboolean negative;
  guint64 value;

  if (!split_number (text, &negative, integer_digits, fraction_digits))
    return set_not_a_number (text, error);

  if (!digits_to_uint64 (integer_digits->str, &value)
      || !g_uint64_checked_mul (&value, value, IWD_DECIMAL_SCALE)
      || !g_uint64_checked_add (&value, value,
                                fraction_to_scaled (fraction_digits->str,
                                                    fraction_digits->len))
      || value > G_MAXINT64)
    return set_out_of_range (text, error);

  *out_scaled = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

/**
 * iwd_text_sniff:
 * @data: (array length=length): the bytes of a text reply or file
 * @length: the number of bytes in @data
 * @out_length: (out): the length of the text after its byte-order mark
 * @out_windows_1252: (out): whether the text must be decoded as
 *   Windows-1252, because it is not valid UTF-8
 * @error: return location for a #GError
 *
 * Finds how to read a text as iwd_text_to_utf8() does, without copying
 * it, so that a large file can be decoded block by block with
 * iwd_text_append_windows_1252().
 *
 * Returns: (nullable): where the text starts in @data, past a UTF-8
 *   byte-order mark, or %NULL with @error set as iwd_text_to_utf8() sets
 *   it
 */
const char *
iwd_text_sniff (const char  *data,
                gsize        length,
                gsize       *out_length,
                gboolean    *out_windows_1252,
                GError     **error)
{
  g_return_val_if_fail (data != NULL || length == 0, NULL);
  g_return_val_if_fail (out_length != NULL, NULL);
  g_return_val_if_fail (out_windows_1252 != NULL, NULL);

  if (!check_no_nul (data, length, error))
    return NULL;

  if (length >= 3 && memcmp (data, UTF8_BOM, 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  *out_length = length;
  *out_windows_1252 = !iwd_text_is_utf8 (data, length);
  return data != NULL ? data : "";
}

/**
 * iwd_text_to_utf8:
 * @data: (array length=length): the bytes of a text reply or file
 * @length: the number of bytes in @data
 * @out_length: (out) (optional): the length of the result in bytes
 * @error: return location for a #GError
 *
 * Decodes a text as Windows servers send it. A UTF-8 byte-order mark is
 * dropped and valid UTF-8 is kept as is. Anything else is decoded as
 * Windows-1252, where the five undefined bytes (0x81, 0x8D, 0x8F, 0x90,
 * 0x9D) become the C1 controls of the same value.
 *
 * Fails with %IWD_PARSE_ERROR_ENCODING, naming the byte offset, when
 * @data contains a NUL byte, and when it starts with a UTF-16 byte-order
 * mark.
 *
 * Returns: (transfer full): the text as NUL-terminated UTF-8, or %NULL
 */
char *
iwd_text_to_utf8 (const char  *data,
                  gsize        length,
                  gsize       *out_length,
                  GError     **error)
{
  GString *utf8;
  gboolean windows_1252;
  const char *text = iwd_text_sniff (data, length, &length, &windows_1252, error);

  if (text == NULL)
    return NULL;

  utf8 = g_string_sized_new (windows_1252 ? length + length / 4 + 1 : length + 1);
  if (windows_1252)
    iwd_text_append_windows_1252 (utf8, text, length);
  else
    g_string_append_len (utf8, text, length);

  if (out_length != NULL)
    *out_length = utf8->len;

  return g_string_free (utf8, FALSE);
}

/**
 * iwd_text_split_lines:
 * @utf8: (array length=length): the text to split
 * @length: the number of bytes in @utf8
 *
 * Splits @utf8 into lines ended by LF, CRLF or a lone CR. A last line
 * without a line end is kept, but the empty text after a final line end
 * is not a line, so "a\n" gives one line and "" gives none.
 *
 * Returns: (transfer full): a %NULL-terminated array of lines without
 *   their line ends
 */
char **
iwd_text_split_lines (const char *utf8,
                      gsize       length)
{
  GPtrArray *lines = g_ptr_array_new ();
  gsize start = 0;

  g_return_val_if_fail (utf8 != NULL || length == 0, NULL);

  for (gsize i = 0; i < length; i++)
    {
      if (utf8[i] != '\n' && utf8[i] != '\r')
        continue;

      g_ptr_array_add (lines, g_strndup (utf8 + start, i - start));
      if (utf8[i] == '\r' && i + 1 < length && utf8[i + 1] == '\n')
        i++;
      start = i + 1;
    }

  if (start < length)
    g_ptr_array_add (lines, g_strndup (utf8 + start, length - start));

  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (lines, FALSE);
}

/**
 * iwd_text_parse_decimal:
 * @text: a number as people and insurers' files write it
 * @out_scaled: (out): the value in ten-thousandths (%IWD_DECIMAL_SCALE)
 * @error: return location for a #GError
 *
 * Parses a decimal number such as "-1 234,56 €" or "1,234.5678".
 *
 * Spaces around the number, a leading sign and a trailing "€" or "EUR"
 * are accepted. A lone '.' or ',' is the decimal separator. Spaces,
 * U+00A0 and U+202F may group the integer digits by three, and so may
 * dots or commas when both kinds appear, the last separator being the
 * decimal one ("1.234,56"). Digits after the fourth decimal are rounded
 * half away from zero.
 *
 * Fails with %IWD_PARSE_ERROR_VALUE, naming @text, on anything else
 * ("", "abc", "1,2,3", "--1") and when the value does not fit in a
 * #gint64.
 *
 * Returns: %TRUE if @text is a number
 */
gboolean
iwd_text_parse_decimal (const char  *text,
                        gint64      *out_scaled,
                        GError     **error)
{
  gboolean whole;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_scaled != NULL, FALSE);

  if (iwd_text_scan_plain_decimal (text, strlen (text), out_scaled, &whole))
    return TRUE;

  return parse_decimal_fully (text, out_scaled, error);
}

/**
 * iwd_text_parse_integer:
 * @text: a whole number as people and insurers' files write it
 * @out_value: (out): the value
 * @error: return location for a #GError
 *
 * Parses a whole number with the leniency of iwd_text_parse_decimal().
 * Decimals are accepted only when they are all zero ("12,00" is 12).
 *
 * Fails with %IWD_PARSE_ERROR_VALUE, naming @text, when it is not a
 * number, has a non-zero decimal or does not fit in a #gint64.
 *
 * Returns: %TRUE if @text is a whole number
 */
gboolean
iwd_text_parse_integer (const char  *text,
                        gint64      *out_value,
                        GError     **error)
{
  g_autoptr(GString) integer_digits = NULL;
  g_autoptr(GString) fraction_digits = NULL;
  gboolean negative;
  gboolean whole;
  guint64 value;
  gint64 scaled;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_value != NULL, FALSE);

  if (iwd_text_scan_plain_decimal (text, strlen (text), &scaled, &whole) && whole)
    {
      *out_value = scaled / IWD_DECIMAL_SCALE;
      return TRUE;
    }

  integer_digits = g_string_new (NULL);
  fraction_digits = g_string_new (NULL);
  if (!split_number (text, &negative, integer_digits, fraction_digits))
    return set_not_a_number (text, error);

  if (strspn (fraction_digits->str, "0") != fraction_digits->len)
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
                   "'%s' is not a whole number", text);
      return FALSE;
    }

  if (!digits_to_uint64 (integer_digits->str, &value) || value > G_MAXINT64)
    return set_out_of_range (text, error);

  *out_value = negative ? -(gint64) value : (gint64) value;
  return TRUE;
}

/**
 * iwd_text_parse_datetime:
 * @text: a date, or a date and a time
 * @out_seconds: (out): seconds since 1970-01-01T00:00:00
 * @out_has_time: (out) (optional): whether @text had a time part
 * @error: return location for a #GError
 *
 * Parses a naive local date-time. The result counts seconds as if the
 * time were UTC, with no time zone conversion, because the API sends
 * times without a zone.
 *
 * Accepted forms are "yyyy-mm-dd", "yyyy-mm-ddTHH:MM[:SS[.fff]]" with
 * an optional "Z" or offset that is read but not applied, and
 * "dd/mm/yyyy", "dd-mm-yyyy" or "dd.mm.yyyy" optionally followed by a
 * space and "HH:MM[:SS]". Fractional seconds are dropped.
 *
 * Fails with %IWD_PARSE_ERROR_VALUE, naming @text, on other forms, on
 * two-digit years ("05/01/23") and on dates that do not exist
 * ("31/02/2023").
 *
 * Returns: %TRUE if @text is a valid date
 */
gboolean
iwd_text_parse_datetime (const char  *text,
                         gint64      *out_seconds,
                         gboolean    *out_has_time,
                         GError     **error)
{
  IwdDateTimeFields fields = { 0 };
  g_autofree char *trimmed = NULL;
  g_autoptr(GDateTime) datetime = NULL;
  gboolean has_time;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (out_seconds != NULL, FALSE);

  if (iwd_text_scan_plain_date (text, strlen (text), out_seconds, &has_time))
    {
      if (out_has_time != NULL)
        *out_has_time = has_time;
      return TRUE;
    }

  trimmed = g_strstrip (g_strdup (text));
  if (!read_datetime (trimmed, &fields) || !fields_are_valid (&fields))
    {
      g_set_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE,
                   "'%s' is not a valid date", text);
      return FALSE;
    }

  datetime = g_date_time_new_utc (fields.year, fields.month, fields.day,
                                  fields.hour, fields.minute, fields.second);
  *out_seconds = g_date_time_to_unix (datetime);
  if (out_has_time != NULL)
    *out_has_time = fields.has_time;

  return TRUE;
}

/**
 * iwd_text_fold_for_search:
 * @utf8: a valid UTF-8 text
 *
 * Makes a key for accent- and case-insensitive matching: the text is
 * decomposed (NFD), its combining marks are dropped and the rest is
 * case-folded, so "NÉOLIANE" and "neoliane" give the same key.
 *
 * Returns: (transfer full): the folded text
 */
char *
iwd_text_fold_for_search (const char *utf8)
{
  g_autofree char *decomposed = NULL;
  g_autofree char *unmarked = NULL;

  g_return_val_if_fail (utf8 != NULL, NULL);

  decomposed = g_utf8_normalize (utf8, -1, G_NORMALIZE_NFD);
  if (decomposed == NULL)
    return g_strdup ("");

  unmarked = drop_combining_marks (decomposed);
  return g_utf8_casefold (unmarked, -1);
}
