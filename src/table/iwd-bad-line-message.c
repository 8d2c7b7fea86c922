/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Words a statement line that the lenient TSV reader left out, in the
 * user's language, from the kind, column and value that the reader
 * records with each line.
 */

#include "iwd-bad-line-message.h"

#include <glib/gi18n.h>

static char *
dup_value_message (const IwdTsvBadLine *bad_line)
{
  guint line = bad_line->line;
  const char *value = bad_line->value;
  const char *column = bad_line->column;

  switch (bad_line->expected)
    {
    case IWD_TABLE_KIND_MONEY:
      /* Translators: a line of a commission statement that was left out: the
       * line number, the value read and the column's header */
      return g_strdup_printf (_("Line %u: “%s” in column “%s” is not an amount"), line, value, column);
    case IWD_TABLE_KIND_DATE:
    case IWD_TABLE_KIND_DATETIME:
      /* Translators: as above, for a column of dates */
      return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a valid date"), line, value, column);
    case IWD_TABLE_KIND_INTEGER:
      /* Translators: as above, for a column of whole numbers */
      return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a whole number"), line, value, column);
    case IWD_TABLE_KIND_DECIMAL:
      /* Translators: as above, for a column of numbers with decimals */
      return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a number"), line, value, column);
    case IWD_TABLE_KIND_BOOLEAN:
      /* Translators: as above, for a column of true or false values */
      return g_strdup_printf (_("Line %u: “%s” in column “%s” is not true or false"), line, value, column);
    case IWD_TABLE_KIND_TEXT:
    default:
      return NULL;
    }
}

static char *
dup_extra_cell_message (const IwdTsvBadLine *bad_line)
{
  /* Translators: a line of a commission statement that was left out
   * because it has more cells than the header row */
  return g_strdup_printf (ngettext ("Line %u: cell %u has a value, but the header has only %u column",
                                    "Line %u: cell %u has a value, but the header has only %u columns",
                                    bad_line->n_columns),
                          bad_line->line, bad_line->cell, bad_line->n_columns);
}

/**
 * iwd_bad_line_dup_message:
 * @bad_line: a line left out by iwd_parse_commissions_tsv_lenient()
 *
 * Words why a statement line was left out, in the user's language, with
 * its line number and the value and column at fault where the reason
 * names them. A reason of another kind keeps the reader's English text.
 *
 * Returns: (transfer full): the sentence to show
 */
char *
iwd_bad_line_dup_message (const IwdTsvBadLine *bad_line)
{
  char *message = NULL;

  g_return_val_if_fail (bad_line != NULL, NULL);

  if (bad_line->kind == IWD_TSV_BAD_LINE_VALUE)
    message = dup_value_message (bad_line);
  else if (bad_line->kind == IWD_TSV_BAD_LINE_EXTRA_CELL)
    message = dup_extra_cell_message (bad_line);

  if (message != NULL)
    return message;

  /* Translators: a line of a statement that was left out, and why; the
   * reason comes from the parser in English */
  return g_strdup_printf (_("Line %u: %s"), bad_line->line, bad_line->reason);
}
