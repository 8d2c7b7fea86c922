/* SPDX-License-Identifier: GPL-3.0-or-later */

/*
 * Words a statement line that the lenient TSV reader left out, in the
 * user's language.
 *
 * TODO: IwdTsvBadLine gives its reason as an English sentence and no
 * code, so the reasons are recognised by the wording of the TSV reader
 * and of the table builder. A reason worded otherwise is shown as it
 * comes. An error code with the column, the value and the cell number in
 * IwdTsvBadLine would remove this dependency.
 */

#include "iwd-bad-line-message.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#define OPENING_QUOTE "\xE2\x80\x9C"
#define CLOSING_QUOTE "\xE2\x80\x9D"

/* A reason about one value, taken apart: the column and the value in
 * quotes, and the kind that the value is not. */
typedef struct {
  char       *column;   /* owned, nullable */
  char       *value;    /* owned, nullable */
  const char *kind;     /* points into the reason, or static; NULL until read */
} Reason;

static void
reason_clear (Reason *reason)
{
  g_free (reason->column);
  g_free (reason->value);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Reason, reason_clear)

/* Copies the text between the next pair of curly quotes after @start,
 * and moves @start past them. */
static char *
take_quoted (const char **start)
{
  const char *open = strstr (*start, OPENING_QUOTE);
  const char *close;

  if (open == NULL)
    return NULL;

  open += strlen (OPENING_QUOTE);
  close = strstr (open, CLOSING_QUOTE);
  if (close == NULL)
    return NULL;

  *start = close + strlen (CLOSING_QUOTE);
  return g_strndup (open, close - open);
}

/* Reads `column “K” contains “V”, which is not an amount` from the TSV
 * reader, and `row N, column “K”: “V” is not a valid KIND` from the
 * builder. */
static gboolean
read_value_reason (const char *text,
                   Reason     *reason)
{
  const char *rest = text;
  const char *kind_phrase = "is not a valid ";
  const char *kind;

  reason->column = take_quoted (&rest);
  reason->value = take_quoted (&rest);
  if (reason->column == NULL || reason->value == NULL)
    return FALSE;

  if (g_str_equal (rest, ", which is not an amount"))
    {
      reason->kind = "amount";
      return TRUE;
    }

  kind = strstr (rest, kind_phrase);
  if (kind == NULL)
    return FALSE;

  reason->kind = kind + strlen (kind_phrase);
  return TRUE;
}

static char *
dup_value_message (guint   line,
                   Reason *reason)
{
  const char *kind = reason->kind;

  /* Translators: a line of a commission statement that was left out: the
   * line number, the value read and the column's header */
  if (g_str_equal (kind, "amount"))
    return g_strdup_printf (_("Line %u: “%s” in column “%s” is not an amount"),
                            line, reason->value, reason->column);
  /* Translators: as above, for a column of dates */
  if (g_str_equal (kind, "date"))
    return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a valid date"),
                            line, reason->value, reason->column);
  /* Translators: as above, for a column of whole numbers */
  if (g_str_equal (kind, "whole number"))
    return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a whole number"),
                            line, reason->value, reason->column);
  /* Translators: as above, for a column of numbers with decimals */
  if (g_str_equal (kind, "decimal number"))
    return g_strdup_printf (_("Line %u: “%s” in column “%s” is not a number"),
                            line, reason->value, reason->column);
  /* Translators: as above, for a column of true or false values */
  if (g_str_equal (kind, "boolean"))
    return g_strdup_printf (_("Line %u: “%s” in column “%s” is not true or false"),
                            line, reason->value, reason->column);

  return NULL;
}

static char *
dup_extra_cell_message (guint       line,
                        const char *text)
{
  guint cell;
  guint n_columns;
  int n_read = 0;

  if (sscanf (text, "cell %u has a value, but the header has only %u columns%n",
              &cell, &n_columns, &n_read) != 2
      || text[n_read] != '\0')
    return NULL;

  /* Translators: a line of a commission statement that was left out
   * because it has more cells than the header row */
  return g_strdup_printf (ngettext ("Line %u: cell %u has a value, but the header has only %u column",
                                    "Line %u: cell %u has a value, but the header has only %u columns",
                                    n_columns),
                          line, cell, n_columns);
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
  g_auto(Reason) reason = { NULL, NULL, NULL };
  char *message = NULL;

  g_return_val_if_fail (bad_line != NULL, NULL);

  if (read_value_reason (bad_line->reason, &reason))
    message = dup_value_message (bad_line->line, &reason);
  if (message == NULL)
    message = dup_extra_cell_message (bad_line->line, bad_line->reason);
  if (message != NULL)
    return message;

  /* Translators: a line of a statement that was left out, and why; the
   * reason comes from the parser in English */
  return g_strdup_printf (_("Line %u: %s"), bad_line->line, bad_line->reason);
}
