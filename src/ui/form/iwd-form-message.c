/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "iwd-form-message.h"

/**
 * iwd_form_message_row_new:
 *
 * Creates the row that shows a problem under the row it concerns. It is
 * a row of its own because #AdwEntryRow has no subtitle in libadwaita
 * 1.2, and it starts hidden.
 *
 * Returns: (transfer floating): a new hidden #AdwActionRow
 */
GtkWidget *
iwd_form_message_row_new (void)
{
  GtkWidget *message_row = adw_action_row_new ();

  /* Messages may come from the server, so they are never markup. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (message_row), FALSE);
  gtk_widget_add_css_class (message_row, "error");
  gtk_widget_add_css_class (message_row, "iwd-form-message");
  gtk_widget_set_visible (message_row, FALSE);

  return message_row;
}

/**
 * iwd_form_message_show:
 * @row: the row the message concerns
 * @message_row: the row made by iwd_form_message_row_new() under @row
 * @message: (nullable): the message, or %NULL to clear it
 *
 * Shows @message under @row and marks @row with the "error" style class,
 * or removes both when @message is %NULL.
 */
void
iwd_form_message_show (GtkWidget  *row,
                       GtkWidget  *message_row,
                       const char *message)
{
  gboolean has_message = message != NULL && *message != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message_row), has_message ? message : "");
  gtk_widget_set_visible (message_row, has_message && gtk_widget_get_visible (row));

  if (has_message)
    gtk_widget_add_css_class (row, "error");
  else
    gtk_widget_remove_css_class (row, "error");
}

/**
 * iwd_form_message_get:
 * @message_row: a row made by iwd_form_message_row_new()
 *
 * Returns: (nullable): the message shown, or %NULL if there is none
 */
const char *
iwd_form_message_get (GtkWidget *message_row)
{
  const char *title = adw_preferences_row_get_title (ADW_PREFERENCES_ROW (message_row));

  return title != NULL && *title != '\0' ? title : NULL;
}
