/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-text.h"
#include "iwd-text-scan.h"

typedef struct {
  const char *text;
  gint64 expected;
  gboolean expected_whole;
} PlainNumber;

static gboolean
scan_decimal (const char *text,
              gint64     *out_value,
              gboolean   *out_whole)
{
  return iwd_text_scan_plain_decimal (text, strlen (text), out_value, out_whole);
}

static void
test_decimal_read (void)
{
  static const PlainNumber cases[] = {
    { "0", 0, TRUE },
    { "1234,56", 12345600, FALSE },
    { "-12.5", -125000, FALSE },
    { "+7", 70000, TRUE },
    { "12,00", 120000, TRUE },
    { "1,23455", 12346, FALSE },
    { "1,23454", 12345, FALSE },
    { "-0,00005", -1, FALSE },
    { "99999999999999,9999", G_GINT64_CONSTANT (999999999999999999), FALSE },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gint64 value = 0;
      gboolean whole = FALSE;

      g_assert_true (scan_decimal (cases[i].text, &value, &whole));
      g_assert_cmpint (value, ==, cases[i].expected);
      g_assert_cmpint (whole, ==, cases[i].expected_whole);
    }
}

/* Declined forms are left to iwd_text_parse_decimal(), which reads some
 * of them and rejects the others. */
static void
test_decimal_declined (void)
{
  static const char * const texts[] = {
    "", "-", "12,", ",5", "1 234,56", "1.234,56", "12 €", " 12", "1e5",
    "123456789012345", "26/09/1965", "12,3a",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gint64 value = 0;
      gboolean whole = FALSE;

      g_assert_false (scan_decimal (texts[i], &value, &whole));
    }
}

static void
test_decimal_full_parser_after_decline (void)
{
  gint64 value = 0;

  g_assert_true (iwd_text_parse_decimal ("1 234,56 €", &value, NULL));
  g_assert_cmpint (value, ==, 12345600);
  g_assert_true (iwd_text_parse_decimal ("123456789012345", &value, NULL));
  g_assert_cmpint (value, ==, G_GINT64_CONSTANT (1234567890123450000));
}

static gint64
unix_seconds (int year,
              int month,
              int day,
              int hour,
              int minute,
              int second)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_utc (year, month, day, hour, minute, second);

  return g_date_time_to_unix (datetime);
}

static void
check_date (const char *text,
            gint64      expected,
            gboolean    expected_has_time)
{
  gint64 seconds = 0;
  gboolean has_time = !expected_has_time;

  g_assert_true (iwd_text_scan_plain_date (text, strlen (text), &seconds, &has_time));
  g_assert_cmpint (seconds, ==, expected);
  g_assert_cmpint (has_time, ==, expected_has_time);
}

static void
test_date_read (void)
{
  check_date ("01/01/1970", 0, FALSE);
  check_date ("26/09/1965", unix_seconds (1965, 9, 26, 0, 0, 0), FALSE);
  check_date ("29.02.2024", unix_seconds (2024, 2, 29, 0, 0, 0), FALSE);
  check_date ("31-12-2099", unix_seconds (2099, 12, 31, 0, 0, 0), FALSE);
  check_date ("2023-01-31", unix_seconds (2023, 1, 31, 0, 0, 0), FALSE);
  check_date ("2023-01-31T10:20:30", unix_seconds (2023, 1, 31, 10, 20, 30), TRUE);
  check_date ("0001-01-01", unix_seconds (1, 1, 1, 0, 0, 0), FALSE);
}

static void
test_date_declined (void)
{
  static const char * const texts[] = {
    "", "29/02/2023", "31/04/2023", "00/01/2023", "01/13/2023", "1/2/2023",
    "26/09-1965", "2023-01-31T24:00:00", "2023-01-31 10:20:30", "0000-01-01",
    "2023/01/31", "1234,56", " 26/09/1965",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      gint64 seconds = 0;
      gboolean has_time = FALSE;

      g_assert_false (iwd_text_scan_plain_date (texts[i], strlen (texts[i]), &seconds, &has_time));
    }
}

static void
test_utf8_check (void)
{
  const char *valid = "Police 0123456789 assur\xC3\xA9 \xE2\x82\xAC fin";
  const char *invalid = "Police 0123456789 assur\xE9 fin";
  const char *cut = "0123456789abcdef\xE2\x82";

  g_assert_true (iwd_text_is_utf8 (valid, strlen (valid)));
  g_assert_false (iwd_text_is_utf8 (invalid, strlen (invalid)));
  g_assert_false (iwd_text_is_utf8 (cut, strlen (cut)));
  g_assert_true (iwd_text_is_utf8 ("", 0));
}

static void
test_windows_1252_appended (void)
{
  g_autoptr(GString) out = g_string_new ("> ");
  const char *data = "Assur\xE9 0123456789 \x80 \x9C\x81";

  iwd_text_append_windows_1252 (out, data, strlen (data));
  g_assert_cmpstr (out->str, ==, "> Assur\xC3\xA9 0123456789 \xE2\x82\xAC \xC5\x93\xC2\x81");
}

static void
test_sniff (void)
{
  g_autoptr(GError) error = NULL;
  const char *data = "\xEF\xBB\xBF" "caf\xE9";
  gboolean windows_1252 = FALSE;
  gsize length = 0;
  const char *text = iwd_text_sniff (data, strlen (data), &length, &windows_1252, &error);

  g_assert_no_error (error);
  g_assert_true (text == data + 3);
  g_assert_cmpuint (length, ==, 4);
  g_assert_true (windows_1252);
}

static void
test_sniff_nul (void)
{
  g_autoptr(GError) error = NULL;
  gboolean windows_1252 = FALSE;
  gsize length = 0;

  g_assert_null (iwd_text_sniff ("ab\0c", 4, &length, &windows_1252, &error));
  g_assert_nonnull (error);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text-scan/decimal/read", test_decimal_read);
  g_test_add_func ("/text-scan/decimal/declined", test_decimal_declined);
  g_test_add_func ("/text-scan/decimal/full-parser", test_decimal_full_parser_after_decline);
  g_test_add_func ("/text-scan/date/read", test_date_read);
  g_test_add_func ("/text-scan/date/declined", test_date_declined);
  g_test_add_func ("/text-scan/utf8", test_utf8_check);
  g_test_add_func ("/text-scan/windows-1252", test_windows_1252_appended);
  g_test_add_func ("/text-scan/sniff", test_sniff);
  g_test_add_func ("/text-scan/sniff-nul", test_sniff_nul);

  return g_test_run ();
}
