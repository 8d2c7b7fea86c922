/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-column-chooser.h"

#include "iwd-grid-resources.h"

/**
 * IwdColumnChooser:
 *
 * A button above the grid whose popover has one check per column, to
 * show or hide it. The checks are in the rows of a list, and the rows
 * take the focus in their place. GTK 4.8 toggles a check button that is
 * in no group when an arrow key leaves it, which would hide each column
 * passed with the arrows. Space or Enter on a row toggles its check. The hidden columns are remembered in the
 * `hidden-columns` setting for each kind of table (contracts,
 * commissions, other), by column key, so that every table of one kind
 * opens with the same columns. Until the user chooses, the contracts open
 * without the API's internal codes.
 */
struct _IwdColumnChooser
{
  GtkWidget      parent_instance;

  GtkMenuButton *menu_button;   /* template child */
  GtkListBox    *check_list;    /* template child; one row per column */

  GSettings     *settings;      /* owned */
  GtkColumnView *column_view;   /* owned; NULL until columns are set */
  char          *table_kind;    /* owned; NULL until columns are set */
  gboolean       restoring;     /* TRUE while settings are applied, not saved */
};

G_DEFINE_FINAL_TYPE (IwdColumnChooser, iwd_column_chooser, GTK_TYPE_WIDGET)

/* The columns hidden while a kind of table has no entry in the setting.
 * The robot's error code and the client type are numeric codes that the
 * API does not explain, so a broker has no use for them at first sight. */
static const char * const default_hidden_contracts[] = { "erreur", "client.typeclient", NULL };

static const char *
get_column_key (GtkColumnViewColumn *column)
{
  return g_object_get_data (G_OBJECT (column), IWD_COLUMN_CHOOSER_KEY_DATA);
}

static GStrv
lookup_hidden_keys (IwdColumnChooser *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "hidden-columns");
  g_autoptr(GVariant) hidden = g_variant_lookup_value (all, self->table_kind,
                                                       G_VARIANT_TYPE_STRING_ARRAY);

  if (hidden == NULL && g_str_equal (self->table_kind, "contracts"))
    return g_strdupv ((GStrv) default_hidden_contracts);
  if (hidden == NULL)
    return g_new0 (char *, 1);

  return g_variant_dup_strv (hidden, NULL);
}

static GStrv
collect_hidden_keys (IwdColumnChooser *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->column_view);
  g_autoptr(GStrvBuilder) hidden = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      if (!gtk_column_view_column_get_visible (column) && get_column_key (column) != NULL)
        g_strv_builder_add (hidden, get_column_key (column));
    }

  return g_strv_builder_end (hidden);
}

/* Replaces this kind's entry and keeps the other kinds' entries. */
static void
save_hidden_keys (IwdColumnChooser *self)
{
  g_autoptr(GVariant) all = g_settings_get_value (self->settings, "hidden-columns");
  g_auto(GStrv) keys = collect_hidden_keys (self);
  g_auto(GVariantBuilder) builder = G_VARIANT_BUILDER_INIT (G_VARIANT_TYPE ("a{sas}"));
  GVariantIter iter;
  const char *kind;
  GVariant *hidden;

  g_variant_iter_init (&iter, all);
  while (g_variant_iter_next (&iter, "{&s@as}", &kind, &hidden))
    {
      if (!g_str_equal (kind, self->table_kind))
        g_variant_builder_add (&builder, "{s@as}", kind, hidden);
      g_variant_unref (hidden);
    }

  g_variant_builder_add (&builder, "{s^as}", self->table_kind, keys);
  g_settings_set_value (self->settings, "hidden-columns", g_variant_builder_end (&builder));
}

static void
remove_checks (IwdColumnChooser *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->check_list))) != NULL)
    gtk_list_box_remove (self->check_list, child);
}

static void
on_column_visible_changed (GtkColumnViewColumn *column,
                           GParamSpec          *pspec,
                           IwdColumnChooser    *self)
{
  if (!self->restoring)
    save_hidden_keys (self);
}

static void
add_check (IwdColumnChooser    *self,
           GtkColumnViewColumn *column,
           GStrv                hidden_keys)
{
  const char *key = get_column_key (column);
  const char *title = gtk_column_view_column_get_title (column);
  GtkWidget *check = gtk_check_button_new_with_label (title);
  GtkWidget *row = gtk_list_box_row_new ();

  if (key != NULL)
    gtk_column_view_column_set_visible (column, !g_strv_contains ((const char * const *) hidden_keys, key));

  g_object_bind_property (column, "visible", check, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_signal_connect_object (column, "notify::visible",
                           G_CALLBACK (on_column_visible_changed), self, 0);

  gtk_widget_set_focusable (check, FALSE);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_list_box_append (self->check_list, row);
}

/* Space toggles the focused row's check, as Enter does. GTK 4.8 lets
 * Space activate the list's cursor row only, which a row reached with
 * Tab is not, so the focused row is activated here, in place of GTK. */
static void
on_toggle_cursor_row (GtkListBox       *list,
                      IwdColumnChooser *self)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (list)));

  if (!GTK_IS_LIST_BOX_ROW (focus) || gtk_widget_get_parent (focus) != GTK_WIDGET (list))
    return;

  g_signal_stop_emission_by_name (list, "toggle-cursor-row");
  gtk_widget_activate (focus);
}

static void
on_row_activated (GtkListBox       *list,
                  GtkListBoxRow    *row,
                  IwdColumnChooser *self)
{
  GtkCheckButton *check = GTK_CHECK_BUTTON (gtk_list_box_row_get_child (row));

  gtk_check_button_set_active (check, !gtk_check_button_get_active (check));
}

static void
iwd_column_chooser_dispose (GObject *object)
{
  IwdColumnChooser *self = IWD_COLUMN_CHOOSER (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COLUMN_CHOOSER);
  g_clear_object (&self->column_view);
  g_clear_object (&self->settings);
  g_clear_pointer (&self->table_kind, g_free);

  G_OBJECT_CLASS (iwd_column_chooser_parent_class)->dispose (object);
}

static void
iwd_column_chooser_class_init (IwdColumnChooserClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_column_chooser_dispose;

  (void) iwd_grid_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/grid/iwd-column-chooser.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdColumnChooser, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IwdColumnChooser, check_list);
  gtk_widget_class_bind_template_callback (widget_class, on_row_activated);
}

static void
iwd_column_chooser_init (IwdColumnChooser *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_object (self->check_list, "toggle-cursor-row",
                           G_CALLBACK (on_toggle_cursor_row), self, 0);

  self->settings = g_settings_new (APP_ID);
}

/**
 * iwd_column_chooser_new:
 *
 * Creates a column chooser with no columns.
 *
 * Returns: (transfer full): a new column chooser
 */
GtkWidget *
iwd_column_chooser_new (void)
{
  return g_object_new (IWD_TYPE_COLUMN_CHOOSER, NULL);
}

/**
 * iwd_column_chooser_set_columns:
 * @self: a column chooser
 * @column_view: the column view whose columns to show and hide
 * @table_kind: the kind of table shown, such as "contracts",
 *   "commissions" or "other", under which hidden columns are remembered
 *
 * Offers a check per column of @column_view, titled as the column,
 * and hides the columns remembered as hidden for @table_kind. Columns
 * are known by the key stored in their %IWD_COLUMN_CHOOSER_KEY_DATA
 * data. Call it again after the view's columns change.
 */
void
iwd_column_chooser_set_columns (IwdColumnChooser *self,
                                GtkColumnView    *column_view,
                                const char       *table_kind)
{
  GListModel *columns;
  g_auto(GStrv) hidden_keys = NULL;

  g_return_if_fail (IWD_IS_COLUMN_CHOOSER (self));
  g_return_if_fail (GTK_IS_COLUMN_VIEW (column_view));
  g_return_if_fail (table_kind != NULL);

  remove_checks (self);
  g_set_object (&self->column_view, column_view);
  g_free (self->table_kind);
  self->table_kind = g_strdup (table_kind);

  hidden_keys = lookup_hidden_keys (self);
  columns = gtk_column_view_get_columns (column_view);

  self->restoring = TRUE;
  for (guint i = 0; i < g_list_model_get_n_items (columns); i++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, i);

      add_check (self, column, hidden_keys);
    }
  self->restoring = FALSE;
}
