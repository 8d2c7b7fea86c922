/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Formats table cells for display in French (fr_FR), whatever the
 * process locale, because IWDesk's users and their documents are French.
 * Amounts are formatted from their integer ten-thousandths, never through
 * a double, so a displayed amount is always the stored one rounded.
 */

#include "iwd-cell-format.h"

#include <glib/gi18n.h>
#include <string.h>

#include "iwd-text.h"

#define CENTS_PER_EURO 100

/* Words of a column key that name a rate, compared after folding: "Taux",
 * "Taux com", "tauxcomcie", "Tx commission", "Pourcentage". */
static const char * const rate_prefixes[] = { "taux", "pourcentage" };
static const char * const rate_words[] = { "tx", "%" };
#define TEN_THOUSANDTHS_PER_CENT (IWD_DECIMAL_SCALE / CENTS_PER_EURO)

static guint64
get_magnitude (gint64 value)
{
  return value < 0 ? -(guint64) value : (guint64) value;
}

/* Appends @units with a narrow no-break space between groups of three
 * digits, counted from the right: 1234567 gives "1 234 567". */
static void
append_grouped (GString *text,
                guint64  units)
{
  char digits[24];
  int n_digits = g_snprintf (digits, sizeof digits, "%" G_GUINT64_FORMAT, units);

  for (int i = 0; i < n_digits; i++)
    {
      if (i > 0 && (n_digits - i) % 3 == 0)
        g_string_append (text, IWD_CELL_THOUSANDS_SEPARATOR);
      g_string_append_c (text, digits[i]);
    }
}

/* Rounds ten-thousandths to cents, half away from zero, so 0.0050 gives
 * 0.01 and -0.0050 gives -0.01. */
static guint64
round_to_cents (guint64 magnitude)
{
  return (magnitude + TEN_THOUSANDTHS_PER_CENT / 2) / TEN_THOUSANDTHS_PER_CENT;
}

static char *
format_seconds (gint64      seconds,
                const char *format)
{
  g_autoptr(GDateTime) datetime = g_date_time_new_from_unix_utc (seconds);

  if (datetime == NULL)
    return g_strdup_printf ("%" G_GINT64_FORMAT, seconds);

  return g_date_time_format (datetime, format);
}

static gboolean
is_rate_word (const char *word)
{
  for (gsize i = 0; i < G_N_ELEMENTS (rate_prefixes); i++)
    {
      if (g_str_has_prefix (word, rate_prefixes[i]))
        return TRUE;
    }

  for (gsize i = 0; i < G_N_ELEMENTS (rate_words); i++)
    {
      if (g_str_equal (word, rate_words[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * iwd_cell_format_money:
 * @ten_thousandths: an amount in ten-thousandths of a euro
 *
 * Formats an amount in euros as French text with two decimals, rounded
 * half away from zero: 176547100 gives "17 654,71 €", with a narrow
 * no-break space between thousands and a no-break space before the euro
 * sign. An amount that rounds to zero has no minus sign.
 *
 * Returns: (transfer full): the formatted amount
 */
char *
iwd_cell_format_money (gint64 ten_thousandths)
{
  guint64 cents = round_to_cents (get_magnitude (ten_thousandths));
  GString *text = g_string_sized_new (24);

  if (ten_thousandths < 0 && cents > 0)
    g_string_append_c (text, '-');

  append_grouped (text, cents / CENTS_PER_EURO);
  g_string_append_printf (text, ",%02u", (guint) (cents % CENTS_PER_EURO));
  g_string_append (text, IWD_CELL_CURRENCY_SPACE "€");
  return g_string_free (text, FALSE);
}

/**
 * iwd_cell_format_decimal:
 * @ten_thousandths: a number in ten-thousandths
 *
 * Formats a decimal number as French text with its significant
 * decimals only, up to four: 155000 gives "15,5" and 12345000 gives
 * "1 234,5".
 *
 * Returns: (transfer full): the formatted number
 */
char *
iwd_cell_format_decimal (gint64 ten_thousandths)
{
  guint64 magnitude = get_magnitude (ten_thousandths);
  guint fraction = magnitude % IWD_DECIMAL_SCALE;
  int n_decimals = 4;
  GString *text = g_string_sized_new (24);

  if (ten_thousandths < 0)
    g_string_append_c (text, '-');
  append_grouped (text, magnitude / IWD_DECIMAL_SCALE);

  if (fraction == 0)
    return g_string_free (text, FALSE);

  for (; fraction % 10 == 0; n_decimals--)
    fraction /= 10;

  g_string_append_printf (text, ",%0*u", n_decimals, fraction);
  return g_string_free (text, FALSE);
}

/**
 * iwd_cell_format_rate:
 * @ten_thousandths: a rate in percent, in ten-thousandths
 *
 * Formats a rate as iwd_cell_format_decimal() does, followed by a percent
 * sign placed as the translation places it: 125000 gives "12,5 %" in French.
 *
 * Returns: (transfer full): the formatted rate
 */
char *
iwd_cell_format_rate (gint64 ten_thousandths)
{
  g_autofree char *number = iwd_cell_format_decimal (ten_thousandths);

  /* Translators: a rate in percent, %s is the number. French puts a
   * narrow no-break space (U+202F) before the percent sign. */
  return g_strdup_printf (_("%s%%"), number);
}

/**
 * iwd_cell_format_is_rate:
 * @table: a table
 * @column: a column index
 *
 * Tells whether a column contains rates in percent: a number column whose
 * key has a word starting with "taux" or "pourcentage", or the word "tx"
 * or "%".
 *
 * NOTE: statements write a rate of 12.5 % as "12,50", so the values are
 * read as percents. The API documents "police.tauxcomcie" only by a 0.
 *
 * Returns: %TRUE if the column's cells are shown with a percent sign
 */
gboolean
iwd_cell_format_is_rate (IwdTable *table,
                         guint     column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  const char *key = iwd_table_get_column_key (table, column);
  const char *dot = strrchr (key, '.');
  g_autofree char *folded = NULL;
  g_auto(GStrv) words = NULL;

  if (kind != IWD_TABLE_KIND_DECIMAL && kind != IWD_TABLE_KIND_INTEGER)
    return FALSE;

  folded = iwd_text_fold_for_search (dot != NULL ? dot + 1 : key);
  words = g_strsplit_set (folded, " _-/()", -1);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (is_rate_word (words[i]))
        return TRUE;
    }

  return FALSE;
}

/**
 * iwd_cell_format_is_blank_column:
 * @table: a table
 * @column: a column index
 *
 * Tells whether a column is an empty trailing column of a statement,
 * which the grid and the details panel leave out: its header cell was
 * empty, so the TSV reader keyed it "Column 8", and no row has a value.
 *
 * NOTE: this relies on the key that the TSV reader gives a column with
 * an empty header cell. A column of a JSON file keyed "Column 8" that is
 * empty is left out too.
 *
 * Returns: %TRUE if the column is headerless and empty
 */
gboolean
iwd_cell_format_is_blank_column (IwdTable *table,
                                 guint     column)
{
  const char *key = iwd_table_get_column_key (table, column);
  gboolean is_text = iwd_table_get_column_kind (table, column) == IWD_TABLE_KIND_TEXT;
  guint64 number;

  if (!g_str_has_prefix (key, "Column ")
      || !g_ascii_string_to_unsigned (key + strlen ("Column "), 10, 1, G_MAXUINT, &number, NULL))
    return FALSE;

  for (guint row = 0; row < iwd_table_get_n_rows (table); row++)
    {
      if (iwd_table_is_null (table, row, column))
        continue;
      if (!is_text || *iwd_table_get_text (table, row, column) != '\0')
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_cell_format_integer:
 * @value: a whole number
 *
 * Formats a whole number without grouping, because integer columns also
 * hold codes (client type, renewal code) that read wrong when grouped.
 *
 * Returns: (transfer full): the formatted number
 */
char *
iwd_cell_format_integer (gint64 value)
{
  return g_strdup_printf ("%" G_GINT64_FORMAT, value);
}

/**
 * iwd_cell_format_date:
 * @seconds: a day as Unix seconds at midnight UTC
 *
 * Formats a day as "26/09/1965".
 *
 * Returns: (transfer full): the formatted day
 */
char *
iwd_cell_format_date (gint64 seconds)
{
  return format_seconds (seconds, "%d/%m/%Y");
}

/**
 * iwd_cell_format_datetime:
 * @seconds: a day and time as Unix seconds read as UTC
 *
 * Formats a day and time to the minute as "24/02/2022 07:40". Seconds
 * are dropped, not rounded.
 *
 * Returns: (transfer full): the formatted day and time
 */
char *
iwd_cell_format_datetime (gint64 seconds)
{
  return format_seconds (seconds, "%d/%m/%Y %H:%M");
}

/**
 * iwd_cell_format_boolean:
 * @value: a truth value
 *
 * Returns: (transfer none): "Yes" or "No", translated
 */
const char *
iwd_cell_format_boolean (gboolean value)
{
  /* Translators: the value of a yes-or-no cell of a contracts table */
  return value ? C_("cell value", "Yes") : C_("cell value", "No");
}

/**
 * iwd_cell_format_number:
 * @kind: the kind of a column that is not %IWD_TABLE_KIND_TEXT
 * @value: a value of that column, as iwd_table_get_int64() returns it
 *
 * Formats a value with the function for its column's kind.
 *
 * Returns: (transfer full): the formatted value
 */
char *
iwd_cell_format_number (IwdTableKind kind,
                        gint64       value)
{
  switch (kind)
    {
    case IWD_TABLE_KIND_INTEGER:
      return iwd_cell_format_integer (value);
    case IWD_TABLE_KIND_DECIMAL:
      return iwd_cell_format_decimal (value);
    case IWD_TABLE_KIND_MONEY:
      return iwd_cell_format_money (value);
    case IWD_TABLE_KIND_DATE:
      return iwd_cell_format_date (value);
    case IWD_TABLE_KIND_DATETIME:
      return iwd_cell_format_datetime (value);
    case IWD_TABLE_KIND_BOOLEAN:
      return g_strdup (iwd_cell_format_boolean (value != 0));
    case IWD_TABLE_KIND_TEXT:
    default:
      g_assert_not_reached ();
    }
}

/* Cuts a long text for display. Pango lays out a label's whole text, so
 * one cell of megabytes would block the window for minutes. Exports read
 * the table itself, and keep the whole text. */
static char *
dup_shortened (const char *text)
{
  const char *end = text;
  GString *shortened;

  for (guint n_chars = 0; *end != '\0' && n_chars < IWD_CELL_MAX_CHARS; n_chars++)
    end = g_utf8_next_char (end);

  if (*end == '\0')
    return g_strdup (text);

  shortened = g_string_new_len (text, end - text);
  g_string_append (shortened, "…");
  return g_string_free (shortened, FALSE);
}

/**
 * iwd_cell_format:
 * @table: a table
 * @row: a row index
 * @column: a column index
 *
 * Formats one cell for display with the function for its column's kind,
 * and rates with a percent sign (see iwd_cell_format_is_rate()). Text is
 * shown as it is stored, cut to %IWD_CELL_MAX_CHARS characters and an
 * ellipsis, and an empty cell gives "".
 *
 * Returns: (transfer full): the cell's text
 */
char *
iwd_cell_format (IwdTable *table,
                 guint     row,
                 guint     column)
{
  IwdTableKind kind = iwd_table_get_column_kind (table, column);
  gint64 value;

  if (iwd_table_is_null (table, row, column))
    return g_strdup ("");

  if (kind == IWD_TABLE_KIND_TEXT)
    return dup_shortened (iwd_table_get_text (table, row, column));

  value = iwd_table_get_int64 (table, row, column);
  if (kind == IWD_TABLE_KIND_INTEGER && value <= G_MAXINT64 / IWD_DECIMAL_SCALE
      && value >= -(G_MAXINT64 / IWD_DECIMAL_SCALE)
      && iwd_cell_format_is_rate (table, column))
    return iwd_cell_format_rate (value * IWD_DECIMAL_SCALE);
  if (kind == IWD_TABLE_KIND_DECIMAL && iwd_cell_format_is_rate (table, column))
    return iwd_cell_format_rate (value);

  return iwd_cell_format_number (kind, value);
}

/**
 * iwd_cell_format_is_numeric:
 * @kind: a column kind
 *
 * Tells whether cells of this kind are numbers, which are right-aligned
 * so that their digits line up.
 *
 * Returns: %TRUE for integers, decimals and amounts
 */
gboolean
iwd_cell_format_is_numeric (IwdTableKind kind)
{
  return kind == IWD_TABLE_KIND_INTEGER
         || kind == IWD_TABLE_KIND_DECIMAL
         || kind == IWD_TABLE_KIND_MONEY;
}
