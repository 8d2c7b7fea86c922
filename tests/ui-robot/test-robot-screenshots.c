/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gi18n.h>
#include <locale.h>

#include "iwd-company.h"
#include "iwd-errors-page.h"
#include "iwd-profiles-page.h"
#include "robot-fixture.h"

/* Saves the two robot pages as PNG files, for a person to look at, into
 * the folder named by IWD_ROBOT_SCREENSHOT_DIR. The files are named
 * after LANGUAGE: run with LC_ALL=C.UTF-8 LANGUAGE=fr and
 * IWD_ROBOT_LOCALEDIR set to the build's po folder for French. */

typedef struct {
  GtkWidget *widget;
  gboolean   drawn;
} FrameWait;

static void
after_paint_cb (GdkFrameClock *clock,
                FrameWait     *wait)
{
  wait->drawn = TRUE;
}

static gboolean
frame_drawn (gpointer data)
{
  return ((FrameWait *) data)->drawn;
}

static void
wait_for_frame (GtkWidget *window)
{
  FrameWait wait = { window, FALSE };
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), &wait);

  gtk_widget_queue_draw (window);
  robot_wait_until (frame_drawn, &wait);
  g_signal_handler_disconnect (clock, handler);
}

/* Renders the window with its own renderer, as src/ui's screenshot
 * helper does, so that the file shows what the display shows. */
static void
save_png (GtkWidget  *window,
          const char *path)
{
  int width = gtk_widget_get_width (window);
  int height = gtk_widget_get_height (window);
  g_autoptr(GdkPaintable) paintable = gtk_widget_paintable_new (window);
  GtkSnapshot *snapshot = gtk_snapshot_new ();
  g_autoptr(GskRenderNode) node = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  GskRenderer *renderer = gtk_native_get_renderer (GTK_NATIVE (window));

  gdk_paintable_snapshot (paintable, GDK_SNAPSHOT (snapshot), width, height);
  node = gtk_snapshot_free_to_node (snapshot);
  g_assert_nonnull (node);

  texture = gsk_renderer_render_texture (renderer, node, &GRAPHENE_RECT_INIT (0, 0, width, height));
  g_assert_true (gdk_texture_save_to_png (texture, path));
}

static void
show_and_save (GtkWidget  *page,
               const char *name)
{
  const char *dir = g_getenv ("IWD_ROBOT_SCREENSHOT_DIR");
  const char *language = g_getenv ("LANGUAGE");
  g_autofree char *file_name = g_strdup_printf ("%s-%s.png", name,
                                                language != NULL && *language != '\0' ? language : "en");
  g_autofree char *path = g_build_filename (dir, file_name, NULL);
  GtkWidget *window = gtk_window_new ();
  g_autoptr(GSimpleActionGroup) group = g_simple_action_group_new ();
  g_autoptr(GSimpleAction) edit = g_simple_action_new ("edit", G_VARIANT_TYPE_STRING);

  /* The window's `profile.edit` makes the Update buttons sensitive, as
   * in the application. */
  g_action_map_add_action (G_ACTION_MAP (group), G_ACTION (edit));
  gtk_widget_insert_action_group (window, "profile", G_ACTION_GROUP (group));
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_set_child (GTK_WINDOW (window), page);
  gtk_window_present (GTK_WINDOW (window));
  robot_spin (300);
  wait_for_frame (window);

  save_png (window, path);
  g_test_message ("saved %s", path);
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
profiles_loaded (gpointer data)
{
  return iwd_profiles_page_get_state (data) != IWD_PROFILES_PAGE_STATE_LOADING;
}

static gboolean
errors_loaded (gpointer data)
{
  return iwd_errors_page_get_state (data) != IWD_ERRORS_PAGE_STATE_LOADING;
}

static gboolean
expand_first_row (GtkWidget *widget)
{
  if (ADW_IS_EXPANDER_ROW (widget))
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (widget), TRUE);
      return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (expand_first_row (child))
        return TRUE;
    }

  return FALSE;
}

/* A company list as the API gives it: ALLIANZ with a label, AXA without. */
static GListModel *
new_company_list (void)
{
  GListStore *companies = g_list_store_new (IWD_TYPE_COMPANY);
  g_autoptr(IwdCompany) allianz = iwd_company_new ("ALLIANZ", "Allianz IARD");
  g_autoptr(IwdCompany) axa = iwd_company_new ("AXA", NULL);

  g_list_store_append (companies, allianz);
  g_list_store_append (companies, axa);
  return G_LIST_MODEL (companies);
}

static void
test_screenshots (void)
{
  RobotFixture robot = { 0 };
  g_autoptr(GListModel) companies = new_company_list ();
  GtkWidget *profiles;
  GtkWidget *errors;

  if (g_getenv ("IWD_ROBOT_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set IWD_ROBOT_SCREENSHOT_DIR to a folder to save the screenshots");
      return;
    }

  robot_fixture_set_up (&robot, NULL);
  robot_save_profile (&robot, "ALLIANZ", "AZ-PARIS", "secret1");
  robot_save_profile (&robot, "AXA", "AX-LYON", "secret2");
  robot_save_profile (&robot, "ALLIANZ", "AZ-NICE", "wrong");
  robot_save_profile (&robot, "AXA", "AX-BREST", "wrong");

  profiles = iwd_profiles_page_new ();
  iwd_profiles_page_set_companies (IWD_PROFILES_PAGE (profiles), companies);
  iwd_profiles_page_set_client (IWD_PROFILES_PAGE (profiles), robot.client);
  robot_wait_until (profiles_loaded, profiles);
  iwd_profiles_page_set_sort (IWD_PROFILES_PAGE (profiles), IWD_PROFILES_SORT_STATE);
  expand_first_row (profiles);
  show_and_save (profiles, "robot-profiles");

  errors = iwd_errors_page_new ();
  iwd_errors_page_set_companies (IWD_ERRORS_PAGE (errors), companies);
  iwd_errors_page_set_client (IWD_ERRORS_PAGE (errors), robot.client);
  robot_wait_until (errors_loaded, errors);
  show_and_save (errors, "robot-errors");

  robot_fixture_tear_down (&robot);
}

/* The errors page on the robot's malformed sample, which must show an
 * error that names the call, not an empty list. */
static void
test_screenshot_invalid (void)
{
  RobotFixture robot = { 0 };
  GtkWidget *errors;

  if (g_getenv ("IWD_ROBOT_SCREENSHOT_DIR") == NULL)
    {
      g_test_skip ("set IWD_ROBOT_SCREENSHOT_DIR to a folder to save the screenshots");
      return;
    }

  robot_fixture_set_up (&robot, TEST_DATA_DIR "/ui-robot/invalid-errors");
  errors = iwd_errors_page_new ();
  iwd_errors_page_set_client (IWD_ERRORS_PAGE (errors), robot.client);
  robot_wait_until (errors_loaded, errors);
  show_and_save (errors, "robot-errors-invalid");

  robot_fixture_tear_down (&robot);
}

int
main (int   argc,
      char *argv[])
{
  const char *locale_dir = g_getenv ("IWD_ROBOT_LOCALEDIR");

  setlocale (LC_ALL, "");
  if (locale_dir != NULL)
    {
      bindtextdomain (GETTEXT_PACKAGE, locale_dir);
      bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
      textdomain (GETTEXT_PACKAGE);
    }

  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }
  adw_init ();

  g_test_add_func ("/ui/robot/screenshots", test_screenshots);
  g_test_add_func ("/ui/robot/screenshots/invalid", test_screenshot_invalid);

  return g_test_run ();
}
