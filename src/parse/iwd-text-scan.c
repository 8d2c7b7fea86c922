/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Quick readers for the plain forms that fill large files: "1234,56",
 * "-12.5", "26/09/1965", "2023-01-31T00:00:00". Each one either reads
 * its form exactly as the full parsers of iwd-text.c would, or declines,
 * and the caller then asks the full parser. They allocate nothing, so a
 * million-line statement does not pay for a million small strings.
 */

#include <string.h>

#include "iwd-text-scan.h"

#define SECONDS_PER_DAY 86400

/* More integer digits could overflow once scaled by 10^4. */
#define MAX_PLAIN_INTEGER_DIGITS 14

#define ASCII_MASK G_GUINT64_CONSTANT (0x8080808080808080)

/* Code points of the bytes 0x80 to 0x9F in Windows-1252. From 0xA0 on,
 * each byte is the code point of the same value. Windows-1252 leaves
 * 0x81, 0x8D, 0x8F, 0x90 and 0x9D undefined, and they decode to the C1
 * control of the same value, so a stray byte stays visible in the text
 * instead of failing the whole decoding. */
static const gunichar windows_1252_high[32] = {
  0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
  0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

/* g_date_get_julian() of 1970-01-01, checked by the tests. */
#define EPOCH_JULIAN 719163

static gsize
skip_ascii (const char *data,
            gsize       start,
            gsize       length)
{
  gsize i = start;

  while (i + 8 <= length)
    {
      guint64 word;

      memcpy (&word, data + i, sizeof word);
      if (word & ASCII_MASK)
        break;
      i += 8;
    }

  while (i < length && (guchar) data[i] < 0x80)
    i++;

  return i;
}

static gsize
skip_non_ascii (const char *data,
                gsize       start,
                gsize       length)
{
  gsize i = start;

  while (i < length && (guchar) data[i] >= 0x80)
    i++;

  return i;
}

/**
 * iwd_text_is_utf8:
 * @data: (array length=length): bytes
 * @length: the number of bytes
 *
 * Tells whether @data is valid UTF-8, as g_utf8_validate_len() does, but
 * skips runs of ASCII eight bytes at a time. A run of non-ASCII bytes is
 * checked on its own, since a valid sequence never contains an ASCII byte.
 *
 * Returns: %TRUE if @data is valid UTF-8
 */
gboolean
iwd_text_is_utf8 (const char *data,
                  gsize       length)
{
  gsize i = 0;

  while (i < length)
    {
      gsize run_end;

      i = skip_ascii (data, i, length);
      run_end = skip_non_ascii (data, i, length);
      if (run_end > i && !g_utf8_validate_len (data + i, run_end - i, NULL))
        return FALSE;

      i = run_end;
    }

  return TRUE;
}

static gunichar
windows_1252_code_point (guchar byte)
{
  if (byte >= 0x80 && byte < 0xA0)
    return windows_1252_high[byte - 0x80];

  return byte;
}

/* Counts the bytes that decoding @data gives. */
static gsize
decoded_length (const char *data,
                gsize       length)
{
  gsize total = length;
  char encoded[6];

  for (gsize i = skip_ascii (data, 0, length); i < length; i = skip_ascii (data, i + 1, length))
    total += g_unichar_to_utf8 (windows_1252_code_point ((guchar) data[i]), encoded) - 1;

  return total;
}

/* Writes the UTF-8 of a byte of 0x80 or more, two or three bytes, and
 * returns how many. */
static gsize
encode_high_byte (guchar  byte,
                  char   *out)
{
  return g_unichar_to_utf8 (windows_1252_code_point (byte), out);
}

/**
 * iwd_text_append_windows_1252:
 * @out: the UTF-8 text to append to
 * @data: (array length=length): Windows-1252 bytes
 * @length: the number of bytes
 *
 * Appends @data decoded from Windows-1252, copying runs of ASCII as
 * they are. The five bytes that Windows-1252 leaves undefined (0x81,
 * 0x8D, 0x8F, 0x90, 0x9D) become the C1 controls of the same value, so
 * a stray byte stays visible instead of failing the whole text.
 *
 * The output is sized first and then written in place, since appending
 * run by run costs a call per accented letter.
 */
void
iwd_text_append_windows_1252 (GString    *out,
                              const char *data,
                              gsize       length)
{
  gsize start = out->len;
  char *next;
  gsize i = 0;

  g_string_set_size (out, start + decoded_length (data, length));
  next = out->str + start;

  while (i < length)
    {
      gsize run_end = skip_ascii (data, i, length);

      memcpy (next, data + i, run_end - i);
      next += run_end - i;
      for (i = run_end; i < length && (guchar) data[i] >= 0x80; i++)
        next += encode_high_byte ((guchar) data[i], next);
    }

  g_assert ((gsize) (next - out->str) == out->len);
}

static gsize
count_digits (const char *text,
              gsize       start,
              gsize       length)
{
  gsize i = start;

  while (i < length && g_ascii_isdigit (text[i]))
    i++;

  return i - start;
}

static guint64
digits_value (const char *text,
              gsize       count)
{
  guint64 value = 0;

  for (gsize i = 0; i < count; i++)
    value = value * 10 + (guint64) (text[i] - '0');

  return value;
}

/* Ten-thousandths from the fraction digits, rounded half away from zero
 * on the fifth digit, as the full parser does. */
static guint64
scale_fraction (const char *fraction,
                gsize       count)
{
  guint64 scaled = digits_value (fraction, MIN (count, 4));

  for (gsize i = count; i < 4; i++)
    scaled *= 10;

  if (count > 4 && fraction[4] >= '5')
    scaled++;

  return scaled;
}

static gboolean
all_zeros (const char *text,
           gsize       count)
{
  for (gsize i = 0; i < count; i++)
    {
      if (text[i] != '0')
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_text_scan_plain_decimal:
 * @text: (array length=length): the text of a cell
 * @length: its length in bytes
 * @out_scaled: (out): the value in ten-thousandths
 * @out_whole: (out): whether the value has no decimals but zeros
 *
 * Reads a number of the form `[+-]digits[(.|,)digits]`, with at most 14
 * integer digits and nothing around it. Other forms, such as grouped
 * thousands or a trailing "€", are declined, not rejected: only
 * iwd_text_parse_decimal() can tell whether they are numbers.
 *
 * Returns: %TRUE if @text has the plain form and was read
 */
gboolean
iwd_text_scan_plain_decimal (const char *text,
                             gsize       length,
                             gint64     *out_scaled,
                             gboolean   *out_whole)
{
  gboolean negative = length > 0 && text[0] == '-';
  gsize start = length > 0 && (text[0] == '-' || text[0] == '+') ? 1 : 0;
  gsize n_integer = count_digits (text, start, length);
  gsize n_fraction = 0;
  guint64 value;

  if (n_integer == 0 || n_integer > MAX_PLAIN_INTEGER_DIGITS)
    return FALSE;

  if (start + n_integer < length)
    {
      char separator = text[start + n_integer];

      if (separator != ',' && separator != '.')
        return FALSE;
      n_fraction = count_digits (text, start + n_integer + 1, length);
      if (n_fraction == 0 || start + n_integer + 1 + n_fraction != length)
        return FALSE;
    }

  value = digits_value (text + start, n_integer) * 10000
          + scale_fraction (text + start + n_integer + 1, n_fraction);
  *out_scaled = negative ? -(gint64) value : (gint64) value;
  *out_whole = all_zeros (text + start + n_integer + 1, n_fraction);
  return TRUE;
}

static gboolean
read_two_digits (const char *text,
                 int        *out)
{
  if (!g_ascii_isdigit (text[0]) || !g_ascii_isdigit (text[1]))
    return FALSE;

  *out = (text[0] - '0') * 10 + (text[1] - '0');
  return TRUE;
}

static gboolean
read_four_digits (const char *text,
                  int        *out)
{
  int high;
  int low;

  if (!read_two_digits (text, &high) || !read_two_digits (text + 2, &low))
    return FALSE;

  *out = high * 100 + low;
  return TRUE;
}

/* "dd/mm/yyyy", "dd-mm-yyyy" or "dd.mm.yyyy". */
static gboolean
read_day_first (const char *text,
                int        *day,
                int        *month,
                int        *year)
{
  char separator = text[2];

  if (separator != '/' && separator != '-' && separator != '.')
    return FALSE;

  return text[5] == separator
         && read_two_digits (text, day)
         && read_two_digits (text + 3, month)
         && read_four_digits (text + 6, year);
}

/* "yyyy-mm-dd". */
static gboolean
read_iso (const char *text,
          int        *day,
          int        *month,
          int        *year)
{
  return text[4] == '-' && text[7] == '-'
         && read_four_digits (text, year)
         && read_two_digits (text + 5, month)
         && read_two_digits (text + 8, day);
}

/* "THH:MM:SS" after an ISO date. */
static gboolean
read_iso_time (const char *text,
               int        *out_seconds)
{
  int hour;
  int minute;
  int second;

  if (text[0] != 'T' || text[3] != ':' || text[6] != ':')
    return FALSE;

  if (!read_two_digits (text + 1, &hour) || !read_two_digits (text + 4, &minute)
      || !read_two_digits (text + 7, &second))
    return FALSE;

  if (hour >= 24 || minute >= 60 || second >= 60)
    return FALSE;

  *out_seconds = hour * 3600 + minute * 60 + second;
  return TRUE;
}

/* Days since 1970-01-01, or FALSE for a day that does not exist. */
static gboolean
days_since_epoch (int     day,
                  int     month,
                  int     year,
                  gint64 *out_days)
{
  GDate date;

  if (year < 1 || !g_date_valid_dmy ((GDateDay) day, (GDateMonth) month, (GDateYear) year))
    return FALSE;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, (GDateDay) day, (GDateMonth) month, (GDateYear) year);
  *out_days = (gint64) g_date_get_julian (&date) - EPOCH_JULIAN;
  return TRUE;
}

/**
 * iwd_text_scan_plain_date:
 * @text: (array length=length): the text of a cell
 * @length: its length in bytes
 * @out_seconds: (out): seconds since 1970-01-01T00:00:00, read as UTC
 * @out_has_time: (out): whether @text had a time part
 *
 * Reads a date of the form `dd/mm/yyyy` (or with `-` or `.`),
 * `yyyy-mm-dd` or `yyyy-mm-ddTHH:MM:SS`, with nothing around it. Other
 * forms are declined, and only iwd_text_parse_datetime() can tell
 * whether they are dates. A day that does not exist is declined too, so
 * that the full parser reports it.
 *
 * Returns: %TRUE if @text has a plain form and was read
 */
gboolean
iwd_text_scan_plain_date (const char *text,
                          gsize       length,
                          gint64     *out_seconds,
                          gboolean   *out_has_time)
{
  int day;
  int month;
  int year;
  int time_seconds = 0;
  gint64 days;

  if (length != 10 && length != 19)
    return FALSE;

  if (!read_iso (text, &day, &month, &year)
      && (length != 10 || !read_day_first (text, &day, &month, &year)))
    return FALSE;

  if (length == 19 && !read_iso_time (text + 10, &time_seconds))
    return FALSE;

  if (!days_since_epoch (day, month, year, &days))
    return FALSE;

  *out_seconds = days * SECONDS_PER_DAY + time_seconds;
  *out_has_time = length == 19;
  return TRUE;
}
