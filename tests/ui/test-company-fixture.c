/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>

#include "test-company-fixture.h"

#define TEST_LOGIN "demo"
#define TEST_PASSWORD "demo"
#define WAIT_TIMEOUT_SECONDS 20

/* The temporary XDG cache folder of the test program. */
static char *cache_home;

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

void
company_fixture_set_up (CompanyFixture *fixture,
                        gconstpointer   user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *base_url = NULL;

  fixture->sandbox = iwd_sandbox_new (1);
  iwd_sandbox_add_account (fixture->sandbox, TEST_LOGIN, TEST_PASSWORD);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);

  base_url = iwd_sandbox_dup_base_url (fixture->sandbox);
  fixture->session = soup_session_new ();
  fixture->client = iwd_client_new_for_server (fixture->session, base_url, &error);
  g_assert_no_error (error);
  iwd_client_set_credentials (fixture->client, TEST_LOGIN, TEST_PASSWORD);

  fixture->cache_dir = g_dir_make_tmp ("iwdesk-gallery-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->logo_cache = iwd_logo_cache_new (fixture->client, fixture->cache_dir);
}

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_remove (child);
    }

  g_rmdir (path);
}

void
company_fixture_tear_down (CompanyFixture *fixture,
                           gconstpointer   user_data)
{
  iwd_sandbox_stop (fixture->sandbox);
  g_clear_object (&fixture->logo_cache);
  g_clear_object (&fixture->client);
  g_clear_object (&fixture->session);
  g_clear_object (&fixture->sandbox);
  remove_tree (fixture->cache_dir);
  g_clear_pointer (&fixture->cache_dir, g_free);
}

/* Runs the main loop until @predicate holds, for 20 s at most. */
gboolean
company_test_wait_until (CompanyTestPredicate predicate,
                         gpointer             data)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && !predicate (data))
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (timeout_id);

  return !timed_out;
}

void
company_test_spin (guint milliseconds)
{
  gboolean timed_out = FALSE;

  g_timeout_add (milliseconds, timeout_cb, &timed_out);
  while (!timed_out)
    g_main_context_iteration (NULL, TRUE);
}

static void
collect_widgets (GtkWidget *widget,
                 GType      type,
                 GPtrArray *found)
{
  if (g_type_is_a (G_OBJECT_TYPE (widget), type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_widgets (child, type, found);
}

/* Finds the descendant of @type at @index in depth-first order, or NULL. */
GtkWidget *
company_test_find_widget (GtkWidget *widget,
                          GType      type,
                          guint      index)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new ();

  collect_widgets (widget, type, found);

  return index < found->len ? g_ptr_array_index (found, index) : NULL;
}

/* Widgets go into a window, as in the application, so that list views
 * create their items and actions reach their ancestors. */
GtkWidget *
company_test_add_to_window (GtkWidget *widget)
{
  GtkWidget *window = gtk_window_new ();

  g_object_ref_sink (widget);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 700);
  gtk_window_set_child (GTK_WINDOW (window), widget);
  gtk_window_present (GTK_WINDOW (window));

  return widget;
}

void
company_test_finalize_in_window (GtkWidget *widget)
{
  gtk_window_destroy (GTK_WINDOW (gtk_widget_get_root (widget)));
  g_assert_finalize_object (widget);
}

/* Initializes GLib's tests and GTK, and returns FALSE after printing a
 * TAP skip line when there is no display. The XDG cache folder moves to
 * a temporary folder first, so pages never write logos into the real
 * one. G_TEST_OPTION_ISOLATE_DIRS would also hide the system's GSettings
 * schemas, which the proxy resolver of libsoup's session reads. */
gboolean
company_test_init (int    *argc,
                   char ***argv)
{
  g_autoptr(GError) error = NULL;

  cache_home = g_dir_make_tmp ("iwdesk-gallery-cache-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_CACHE_HOME", cache_home, TRUE);

  g_test_init (argc, argv, NULL);

  if (!gtk_init_check ())
    {
      g_print ("1..0 # SKIP no display\n");
      return FALSE;
    }

  adw_init ();

  return TRUE;
}

/* Runs the tests, then removes the temporary cache folder. */
int
company_test_run (void)
{
  int status = g_test_run ();

  remove_tree (cache_home);
  g_clear_pointer (&cache_home, g_free);

  return status;
}
