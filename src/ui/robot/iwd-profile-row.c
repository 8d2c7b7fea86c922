/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-profile-row.h"
#include "iwd-robot-codes.h"
#include "iwd-robot-resources.h"

/**
 * IwdProfileRow:
 *
 * One profile in the profiles page: its id, company and state, its
 * tasks, what IWDesk remembers of it, and the buttons of its actions.
 * The actions are the page's (`profiles.*`) and the window's
 * (`profile.edit`), with the profile id as target.
 */
struct _IwdProfileRow
{
  AdwExpanderRow  parent_instance;

  IwdProfileItem *item;            /* owned */

  GtkLabel       *state_label;     /* template child */
  GtkButton      *update_button;   /* template child */
  GtkMenuButton  *menu_button;     /* template child */
  GtkPopover     *date_popover;    /* template child */
  GtkCalendar    *calendar;        /* template child */
  AdwActionRow   *suspended_row;   /* template child */
  AdwActionRow   *portfolios_row;  /* template child */
  AdwActionRow   *methods_row;     /* template child */
};

G_DEFINE_FINAL_TYPE (IwdProfileRow, iwd_profile_row, ADW_TYPE_EXPANDER_ROW)

static char *
dup_suspended_reason (int code)
{
  if (code == IWD_ROBOT_CODE_LOGIN_REFUSED)
    return g_strdup (_("Login refused: its tasks are paused until you update it"));

  /* Translators: %d is the robot's error code */
  return g_strdup_printf (_("The robot reported error %d: its tasks are paused until you update it"),
                          code);
}

static char *
dup_method_list (const char * const *methods)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; methods[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (text, ", ");
      g_string_append (text, iwd_robot_method_get_title (methods[i]));
    }

  return g_string_free (text, FALSE);
}

static GMenuModel *
build_menu (const char *profile_id)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  g_autoptr(GMenu) methods = g_menu_new ();
  g_autoptr(GMenuItem) edit = g_menu_item_new (_("_Edit Profile"), NULL);
  g_autoptr(GMenuItem) delete = g_menu_item_new (_("_Delete Profile…"), NULL);
  const char * const *names = iwd_robot_list_methods ();

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(GMenuItem) item = g_menu_item_new (iwd_robot_method_get_title (names[i]), NULL);

      g_menu_item_set_action_and_target (item, "profiles.force-task", "(ss)", profile_id, names[i]);
      g_menu_append_item (methods, item);
    }

  g_menu_item_set_action_and_target (edit, "profile.edit", "s", profile_id);
  g_menu_item_set_action_and_target (delete, "profiles.delete", "s", profile_id);
  g_menu_append_submenu (menu, _("_Force Robot Method"), G_MENU_MODEL (methods));
  g_menu_append_item (menu, edit);
  g_menu_append_item (menu, delete);

  return G_MENU_MODEL (g_steal_pointer (&menu));
}

static GtkWidget *
new_task_row (const IwdProfileTask *task)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), iwd_robot_method_get_title (task->label));
  /* Translators: the state of one robot task of a profile */
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), task->inactive ? C_("task", "Paused")
                                                                    : C_("task", "Active"));
  adw_action_row_set_icon_name (ADW_ACTION_ROW (row), task->inactive ? "media-playback-pause-symbolic"
                                                                     : "emblem-ok-symbolic");

  return row;
}

static char *
dup_task_summary (GPtrArray *tasks)
{
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    {
      const IwdProfileTask *task = g_ptr_array_index (tasks, i);

      if (names->len > 0)
        g_string_append (names, ", ");
      g_string_append (names, iwd_robot_method_get_title (task->label));
    }

  if (names->len == 0)
    return g_strdup (_("No task"));

  /* Translators: %s is a list of robot methods, such as "Commissions, Claims" */
  return g_strdup_printf (_("Tasks: %s"), names->str);
}

/* A suspended profile's subtitle gives the reason, so that it shows
 * while the row is collapsed; a working one's lists its tasks. */
static void
show_state (IwdProfileRow *self)
{
  IwdProfile *profile = iwd_profile_item_get_profile (self->item);
  gboolean suspended = iwd_profile_item_get_state (self->item) == IWD_PROFILE_ITEM_STATE_SUSPENDED;
  g_autofree char *subtitle = NULL;

  if (suspended)
    subtitle = dup_suspended_reason (iwd_profile_get_robot_error (profile));
  else
    subtitle = dup_task_summary (iwd_profile_get_tasks (profile));

  /* Translators: the state of a profile whose tasks the robot runs */
  gtk_label_set_label (self->state_label, suspended ? C_("profile", "Suspended")
                                                    : C_("profile", "Working"));
  gtk_widget_add_css_class (GTK_WIDGET (self->state_label), suspended ? "error" : "success");
  gtk_widget_set_visible (GTK_WIDGET (self->update_button), suspended);
  gtk_widget_set_visible (GTK_WIDGET (self->suspended_row), suspended);
  adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (self), subtitle);
}

static void
show_remembered (IwdProfileRow *self)
{
  const char * const *portfolios = iwd_profile_item_get_portfolios (self->item);
  g_autofree char *methods = dup_method_list (iwd_profile_item_get_methods (self->item));
  g_autofree char *joined = g_strjoinv (", ", (GStrv) portfolios);

  adw_action_row_set_subtitle (self->portfolios_row,
                               portfolios[0] != NULL ? joined : _("None"));

  if (!iwd_profile_item_get_remembered (self->item))
    adw_action_row_set_subtitle (self->methods_row,
                                 _("Not posted from this computer: IWDesk does not know its fields"));
  else
    adw_action_row_set_subtitle (self->methods_row, *methods != '\0' ? methods : _("None"));
}

static void
show_item (IwdProfileRow *self)
{
  const char *id = iwd_profile_item_get_id (self->item);
  GPtrArray *tasks = iwd_profile_get_tasks (iwd_profile_item_get_profile (self->item));
  g_autoptr(GMenuModel) menu = build_menu (id);
  g_autofree char *title = g_strdup_printf ("%s — %s", id, iwd_profile_item_get_company (self->item));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self), title);
  /* libadwaita 1.2 names the expander's header row, but not the row
   * itself, which is focusable too. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (self->update_button), "s", id);
  gtk_menu_button_set_menu_model (self->menu_button, menu);
  show_state (self);
  show_remembered (self);

  for (guint i = 0; tasks != NULL && i < tasks->len; i++)
    adw_expander_row_add_row (ADW_EXPANDER_ROW (self), new_task_row (g_ptr_array_index (tasks, i)));
}

static void
set_date_clicked_cb (IwdProfileRow *self)
{
  g_autoptr(GDateTime) date = gtk_calendar_get_date (self->calendar);
  g_autofree char *text = g_date_time_format (date, "%Y-%m-%d");

  gtk_popover_popdown (self->date_popover);
  gtk_widget_activate_action (GTK_WIDGET (self), "profiles.set-start-date", "(ss)",
                              iwd_profile_item_get_id (self->item), text);
}

static void
iwd_profile_row_dispose (GObject *object)
{
  IwdProfileRow *self = IWD_PROFILE_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_PROFILE_ROW);
  g_clear_object (&self->item);

  G_OBJECT_CLASS (iwd_profile_row_parent_class)->dispose (object);
}

static void
iwd_profile_row_class_init (IwdProfileRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_profile_row_dispose;

  (void) iwd_robot_get_resource ();
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/robot/iwd-profile-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, state_label);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, update_button);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, menu_button);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, date_popover);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, calendar);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, suspended_row);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, portfolios_row);
  gtk_widget_class_bind_template_child (widget_class, IwdProfileRow, methods_row);
  gtk_widget_class_bind_template_callback (widget_class, set_date_clicked_cb);
}

static void
iwd_profile_row_init (IwdProfileRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * iwd_profile_row_new:
 * @item: the profile to show
 *
 * Creates the row of one profile for the profiles page.
 *
 * Returns: (transfer full): a new #IwdProfileRow
 */
GtkWidget *
iwd_profile_row_new (IwdProfileItem *item)
{
  IwdProfileRow *self;

  g_return_val_if_fail (IWD_IS_PROFILE_ITEM (item), NULL);

  self = g_object_new (IWD_TYPE_PROFILE_ROW, NULL);
  self->item = g_object_ref (item);
  show_item (self);

  return GTK_WIDGET (self);
}

/**
 * iwd_profile_row_get_item:
 * @self: a #IwdProfileRow
 *
 * Returns: (transfer none): the profile the row shows
 */
IwdProfileItem *
iwd_profile_row_get_item (IwdProfileRow *self)
{
  g_return_val_if_fail (IWD_IS_PROFILE_ROW (self), NULL);

  return self->item;
}
