/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <glib/gstdio.h>

#include "iwd-application.h"

static int
run_application (const char * const *arguments)
{
  g_autoptr(IwdApplication) app = iwd_application_new ();
  g_autofree char **argv = g_memdup2 (arguments, sizeof (char *) * (g_strv_length ((char **) arguments) + 1));

  /* Non-unique, so that the test neither needs nor takes the bus name
   * of a running IWDesk. */
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_HANDLES_COMMAND_LINE | G_APPLICATION_NON_UNIQUE);

  return g_application_run (G_APPLICATION (app), g_strv_length (argv), argv);
}

static void
test_application_demo_screenshot (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GdkTexture) texture = NULL;
  g_autofree char *dir = g_dir_make_tmp ("iwdesk-test-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "demo.png", NULL);
  const char *arguments[] = { "iwdesk", "--demo", "--screenshot", path, NULL };

  g_assert_no_error (error);
  g_assert_cmpint (run_application (arguments), ==, EXIT_SUCCESS);

  texture = gdk_texture_new_from_filename (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (gdk_texture_get_width (texture), >, 0);
  g_assert_cmpint (gdk_texture_get_height (texture), >, 0);

  g_unlink (path);
  g_rmdir (dir);
}

static void
test_application_demo_and_server (void)
{
  const char *arguments[] = { "iwdesk", "--demo", "--server", "https://localhost/", NULL };

  g_assert_cmpint (run_application (arguments), ==, EXIT_FAILURE);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return 0;
    }

  g_test_add_func ("/application/demo-screenshot", test_application_demo_screenshot);
  g_test_add_func ("/application/demo-and-server", test_application_demo_and_server);

  return g_test_run ();
}
