/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-parse-error.h"
#include "iwd-text.h"

typedef struct {
  const char *text;
  gint64 expected;
} NumberCase;

typedef struct {
  const char *text;
  const char *expected_iso;
  gboolean expected_has_time;
} DateCase;

static void
check_decoded (const char *data,
               gsize       length,
               const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *utf8 = NULL;
  gsize utf8_length = 0;

  utf8 = iwd_text_to_utf8 (data, length, &utf8_length, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (utf8, ==, expected);
  g_assert_cmpuint (utf8_length, ==, strlen (expected));
}

static void
test_utf8_kept (void)
{
  const char *text = "Pr\xC3\xA9voyance \xE2\x82\xAC";

  check_decoded (text, strlen (text), text);
}

static void
test_utf8_bom_dropped (void)
{
  const char *text = "\xEF\xBB\xBF" "CR\xC3\x89" "DIT\r\n";

  check_decoded (text, strlen (text), "CR\xC3\x89" "DIT\r\n");
}

static void
test_utf8_bom_only (void)
{
  check_decoded ("\xEF\xBB\xBF", 3, "");
}

static void
test_utf8_empty (void)
{
  check_decoded ("", 0, "");
}

static void
test_windows_1252_letters (void)
{
  const char *text = "Pr\xE9voyance \xC0 cr\xE9" "dit";

  check_decoded (text, strlen (text), "Pr\xC3\xA9voyance \xC3\x80 cr\xC3\xA9" "dit");
}

static void
test_windows_1252_high_block (void)
{
  /* 0x80 is the euro sign, 0x9C "œ", 0x92 a right single quote. */
  const char *text = "12 \x80 \x9C \x92";

  check_decoded (text, strlen (text), "12 \xE2\x82\xAC \xC5\x93 \xE2\x80\x99");
}

static void
test_windows_1252_undefined_byte (void)
{
  const char *text = "a\x81" "b\x9D";

  check_decoded (text, strlen (text), "a\xC2\x81" "b\xC2\x9D");
}

static void
test_nul_byte_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *utf8 = NULL;

  utf8 = iwd_text_to_utf8 ("abc\0def", 7, NULL, &error);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING);
  g_assert_null (utf8);
  g_assert_nonnull (strstr (error->message, "offset 3"));
}

static void
test_utf16_rejected (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *utf8 = NULL;

  utf8 = iwd_text_to_utf8 ("\xFF\xFE" "a\0", 4, NULL, &error);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING);
  g_assert_null (utf8);
}

static void
check_lines (const char         *text,
             const char * const *expected)
{
  g_auto(GStrv) lines = iwd_text_split_lines (text, strlen (text));
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("text '%s'", escaped);
  g_assert_cmpuint (g_strv_length (lines), ==, g_strv_length ((GStrv) expected));
  for (guint i = 0; expected[i] != NULL; i++)
    g_assert_cmpstr (lines[i], ==, expected[i]);
}

static void
test_lines_line_ends (void)
{
  check_lines ("a\nb\n", (const char *[]) { "a", "b", NULL });
  check_lines ("a\r\nb\r\n", (const char *[]) { "a", "b", NULL });
  check_lines ("a\rb\r", (const char *[]) { "a", "b", NULL });
  check_lines ("a\r\nb\rc\nd", (const char *[]) { "a", "b", "c", "d", NULL });
}

static void
test_lines_last_without_end (void)
{
  check_lines ("a\r\nlast", (const char *[]) { "a", "last", NULL });
}

static void
test_lines_blank_kept (void)
{
  check_lines ("a\r\n\r\nb\n\n", (const char *[]) { "a", "", "b", "", NULL });
}

static void
test_lines_empty (void)
{
  check_lines ("", (const char *[]) { NULL });
  check_lines ("\n", (const char *[]) { "", NULL });
}

static const NumberCase good_decimals[] = {
  { "0", 0 },
  { "12", 120000 },
  { "12,5", 125000 },
  { "12.5", 125000 },
  { "-300,00", -3000000 },
  { "+7", 70000 },
  { "  89.90  ", 899000 },
  { "1 234,56", 12345600 },
  { "1\xC2\xA0" "234\xC2\xA0" "567,8", 12345678000 },
  { "1\xE2\x80\xAF" "234,5", 12345000 },
  { "1.234,56", 12345600 },
  { "1,234.56", 12345600 },
  { "1.234.567,89", 12345678900 },
  { "1,234", 12340 },
  { "17654.7100", 176547100 },
  { "0,0001", 1 },
  { "0,00005", 1 },
  { "0,00004999", 0 },
  { "-0,00005", -1 },
  { "2,34565", 23457 },
  { "-2,34565", -23457 },
  { "1 200,00 \xE2\x82\xAC", 12000000 },
  { "1200,00\xE2\x82\xAC", 12000000 },
  { "-30 EUR", -300000 },
  { "8,99 eur", 89900 },
  { ",5", 5000 },
  { "922337203685477,5807", G_MAXINT64 },
};

static const char * const bad_decimals[] = {
  "", "  ", "abc", "1,2,3", "--1", "1.2.3,4,5", "1.234.567", "12,", "-",
  "1 2", "12 34,5", "1.23,4", "1,2.3.4", "1e5", "12abc", "\xE2\x82\xAC",
  "- 12", "1 234 56", "0x10",
};

static void
test_decimal_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_decimals); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -42;

      g_test_message ("text '%s'", good_decimals[i].text);
      g_assert_true (iwd_text_parse_decimal (good_decimals[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good_decimals[i].expected);
    }
}

static void
test_decimal_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_decimals); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_message = NULL;
      gint64 value = 0;

      g_test_message ("text '%s'", bad_decimals[i]);
      g_assert_false (iwd_text_parse_decimal (bad_decimals[i], &value, &error));
      g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
      expected_message = g_strdup_printf ("'%s' is not a number", bad_decimals[i]);
      g_assert_cmpstr (error->message, ==, expected_message);
    }
}

static void
test_decimal_overflow (void)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  g_assert_false (iwd_text_parse_decimal ("922337203685477,5808", &value, &error));
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "'922337203685477,5808' is out of range");
}

static const NumberCase good_integers[] = {
  { "0", 0 },
  { " 42 ", 42 },
  { "-7", -7 },
  { "12,00", 12 },
  { "12.0", 12 },
  { "1 234", 1234 },
  { "1\xC2\xA0" "234\xC2\xA0" "567", 1234567 },
  { "1.234,00", 1234 },
  { "9223372036854775807", G_MAXINT64 },
};

static void
test_integer_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_integers); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = -42;

      g_test_message ("text '%s'", good_integers[i].text);
      g_assert_true (iwd_text_parse_integer (good_integers[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpint (value, ==, good_integers[i].expected);
    }
}

static void
test_integer_bad (void)
{
  const char * const bad[] = { "", "abc", "12,5", "1,2,3", "--1", "1.234", "0,001" };

  for (gsize i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      gint64 value = 0;

      g_test_message ("text '%s'", bad[i]);
      g_assert_false (iwd_text_parse_integer (bad[i], &value, &error));
      g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
      g_assert_nonnull (strstr (error->message, bad[i]));
    }
}

static void
test_integer_overflow (void)
{
  g_autoptr(GError) error = NULL;
  gint64 value = 0;

  g_assert_false (iwd_text_parse_integer ("9223372036854775808", &value, &error));
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_cmpstr (error->message, ==, "'9223372036854775808' is out of range");
}

static const DateCase good_dates[] = {
  { "1970-01-01", "1970-01-01T00:00:00", FALSE },
  { "2023-01-05", "2023-01-05T00:00:00", FALSE },
  { "2022-02-24T07:40:13", "2022-02-24T07:40:13", TRUE },
  { "2010-11-20T00:00:00", "2010-11-20T00:00:00", TRUE },
  { "2023-03-01T06:12:00.123", "2023-03-01T06:12:00", TRUE },
  { "2023-03-01T06:12:00Z", "2023-03-01T06:12:00", TRUE },
  { "2023-03-01T06:12:00+02:00", "2023-03-01T06:12:00", TRUE },
  { "2023-03-01T06:12:00.5-0500", "2023-03-01T06:12:00", TRUE },
  { "2023-03-01T06:12", "2023-03-01T06:12:00", TRUE },
  { "2023-03-01 06:12:09", "2023-03-01T06:12:09", TRUE },
  { "05/01/2023", "2023-01-05T00:00:00", FALSE },
  { "31/01/2023", "2023-01-31T00:00:00", FALSE },
  { "5/1/2023", "2023-01-05T00:00:00", FALSE },
  { "05-01-2023", "2023-01-05T00:00:00", FALSE },
  { "05.01.2023", "2023-01-05T00:00:00", FALSE },
  { "05/01/2023 14:30", "2023-01-05T14:30:00", TRUE },
  { "05/01/2023 8:05:59", "2023-01-05T08:05:59", TRUE },
  { " 29/02/2024 ", "2024-02-29T00:00:00", FALSE },
  { "1965-09-26T00:00:00", "1965-09-26T00:00:00", TRUE },
};

static const char * const bad_dates[] = {
  "", "abc", "31/02/2023", "2023-13-01", "2023-02-29", "29/02/2023",
  "05/01/23", "5/1/23", "2023-1-5", "05/01-2023", "2023-01-05T25:00",
  "2023-01-05T10:60", "2023-01-05T10:00:60", "2023-01-05T", "2023-01-05 10",
  "05/01/2023T10:00", "05/01/2023 10:00Z", "2023-01-05T10:00:00+2",
  "00/01/2023", "0000-01-01", "2023/01/05", "20230105",
};

static void
test_datetime_good (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (good_dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDateTime) datetime = NULL;
      g_autofree char *iso = NULL;
      gint64 seconds = -1;
      gboolean has_time = !good_dates[i].expected_has_time;

      g_test_message ("text '%s'", good_dates[i].text);
      g_assert_true (iwd_text_parse_datetime (good_dates[i].text, &seconds, &has_time, &error));
      g_assert_no_error (error);
      datetime = g_date_time_new_from_unix_utc (seconds);
      iso = g_date_time_format (datetime, "%Y-%m-%dT%H:%M:%S");
      g_assert_cmpstr (iso, ==, good_dates[i].expected_iso);
      g_assert_cmpint (has_time, ==, good_dates[i].expected_has_time);
    }
}

static void
test_datetime_epoch (void)
{
  g_autoptr(GError) error = NULL;
  gint64 seconds = -1;

  g_assert_true (iwd_text_parse_datetime ("1970-01-02T00:00:01", &seconds, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (seconds, ==, 86401);
}

static void
test_datetime_bad (void)
{
  for (gsize i = 0; i < G_N_ELEMENTS (bad_dates); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *expected_message = NULL;
      gint64 seconds = 0;

      g_test_message ("text '%s'", bad_dates[i]);
      g_assert_false (iwd_text_parse_datetime (bad_dates[i], &seconds, NULL, &error));
      g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
      expected_message = g_strdup_printf ("'%s' is not a valid date", bad_dates[i]);
      g_assert_cmpstr (error->message, ==, expected_message);
    }
}

static void
test_fold_accents_and_case (void)
{
  g_autofree char *upper = iwd_text_fold_for_search ("N\xC3\x89OLIANE");
  g_autofree char *lower = iwd_text_fold_for_search ("neoliane");
  g_autofree char *mixed = iwd_text_fold_for_search ("Pr\xC3\xA9voyance Cr\xC3\xA8" "che \xC3\x87" "a");

  g_assert_cmpstr (upper, ==, "neoliane");
  g_assert_cmpstr (lower, ==, "neoliane");
  g_assert_cmpstr (mixed, ==, "prevoyance creche ca");
}

static void
test_fold_precomposed_and_decomposed (void)
{
  g_autofree char *precomposed = iwd_text_fold_for_search ("\xC3\xA9");
  g_autofree char *decomposed = iwd_text_fold_for_search ("e\xCC\x81");

  g_assert_cmpstr (precomposed, ==, "e");
  g_assert_cmpstr (decomposed, ==, "e");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/text/utf8/kept", test_utf8_kept);
  g_test_add_func ("/text/utf8/bom-dropped", test_utf8_bom_dropped);
  g_test_add_func ("/text/utf8/bom-only", test_utf8_bom_only);
  g_test_add_func ("/text/utf8/empty", test_utf8_empty);
  g_test_add_func ("/text/windows-1252/letters", test_windows_1252_letters);
  g_test_add_func ("/text/windows-1252/high-block", test_windows_1252_high_block);
  g_test_add_func ("/text/windows-1252/undefined-byte", test_windows_1252_undefined_byte);
  g_test_add_func ("/text/encoding/nul-byte", test_nul_byte_rejected);
  g_test_add_func ("/text/encoding/utf16", test_utf16_rejected);
  g_test_add_func ("/text/lines/line-ends", test_lines_line_ends);
  g_test_add_func ("/text/lines/last-without-end", test_lines_last_without_end);
  g_test_add_func ("/text/lines/blank-kept", test_lines_blank_kept);
  g_test_add_func ("/text/lines/empty", test_lines_empty);
  g_test_add_func ("/text/decimal/good", test_decimal_good);
  g_test_add_func ("/text/decimal/bad", test_decimal_bad);
  g_test_add_func ("/text/decimal/overflow", test_decimal_overflow);
  g_test_add_func ("/text/integer/good", test_integer_good);
  g_test_add_func ("/text/integer/bad", test_integer_bad);
  g_test_add_func ("/text/integer/overflow", test_integer_overflow);
  g_test_add_func ("/text/datetime/good", test_datetime_good);
  g_test_add_func ("/text/datetime/epoch", test_datetime_epoch);
  g_test_add_func ("/text/datetime/bad", test_datetime_bad);
  g_test_add_func ("/text/fold/accents-and-case", test_fold_accents_and_case);
  g_test_add_func ("/text/fold/precomposed-and-decomposed", test_fold_precomposed_and_decomposed);

  return g_test_run ();
}
