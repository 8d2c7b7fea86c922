/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "sign-in-helpers.h"

#define WAIT_TIMEOUT_SECONDS 20

static gboolean
timeout_cb (gpointer user_data)
{
  gboolean *timed_out = user_data;

  *timed_out = TRUE;

  return G_SOURCE_REMOVE;
}

static void
delete_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = NULL;
  GFileInfo *info;
  GFile *child;

  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                        G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS, NULL, NULL);
  while (children != NULL && g_file_enumerator_iterate (children, &info, &child, NULL, NULL) && info != NULL)
    delete_tree (child);

  g_file_delete (file, NULL, NULL);
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static GAsyncResult *
wait_for_result (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
clear_keyring_account (SignInFixture *fixture,
                       const char    *login)
{
  g_autoptr(IwdAccountId) id = new_sandbox_account_id (fixture, login);
  g_autoptr(GAsyncResult) result = NULL;

  iwd_secret_store_clear_account (fixture->secrets, id, NULL, on_done, &result);
  iwd_secret_store_clear_account_finish (fixture->secrets, wait_for_result (&result), NULL);
}

void
sign_in_fixture_set_up (SignInFixture *fixture,
                        gconstpointer  accounts)
{
  const char * const *pairs = accounts;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autoptr(GError) error = NULL;

  fixture->sandbox = iwd_sandbox_new (1);
  for (guint i = 0; pairs[i] != NULL; i += 2)
    iwd_sandbox_add_account (fixture->sandbox, pairs[i], pairs[i + 1]);
  iwd_sandbox_start (fixture->sandbox, 0, &error);
  g_assert_no_error (error);
  fixture->base_url = iwd_sandbox_dup_base_url (fixture->sandbox);

  fixture->data_dir = g_dir_make_tmp ("iwdesk-sign-in-XXXXXX", &error);
  g_assert_no_error (error);
  fixture->session = soup_session_new ();
  fixture->secrets = iwd_secret_store_new (NULL);

  g_settings_reset (settings, "last-account");
  g_settings_reset (settings, "last-server");

  sign_in_fixture_new_window (fixture);
}

void
sign_in_fixture_tear_down (SignInFixture *fixture,
                           gconstpointer  accounts)
{
  const char * const *pairs = accounts;
  g_autoptr(GFile) data_dir = g_file_new_for_path (fixture->data_dir);

  sign_in_fixture_destroy_window (fixture);

  /* Without a keyring these fail, which is what the offline tests want. */
  for (guint i = 0; pairs[i] != NULL && g_getenv ("IWDESK_TEST_NO_KEYRING") == NULL; i += 2)
    clear_keyring_account (fixture, pairs[i]);

  iwd_sandbox_stop (fixture->sandbox);
  delete_tree (data_dir);

  g_clear_object (&fixture->sandbox);
  g_clear_pointer (&fixture->base_url, g_free);
  g_clear_pointer (&fixture->data_dir, g_free);
  g_clear_object (&fixture->secrets);
  g_clear_object (&fixture->session);
}

/* Makes a new manager and window, as a new start of the application. */
IwdWindow *
sign_in_fixture_new_window (SignInFixture *fixture)
{
  sign_in_fixture_destroy_window (fixture);

  fixture->manager = iwd_account_manager_new (fixture->session, fixture->secrets, fixture->data_dir);
  fixture->window = g_object_ref (iwd_window_new (NULL, fixture->manager));
  gtk_window_present (GTK_WINDOW (fixture->window));

  return fixture->window;
}

/* A keyring search that the window started is never cancelled, and it
 * holds a reference on the window until its D-Bus reply arrives. Clearing
 * keyring items while such a search still loads them makes libsecret
 * 0.20.5 return its task twice, a fatal critical here. So the tear-down
 * waits, at most a few seconds, until that last reference is gone. */
static void
wait_for_keyring_calls (IwdWindow **window_alive)
{
  gint64 deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (*window_alive != NULL && g_get_monotonic_time () < deadline)
    {
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }

  g_clear_weak_pointer (window_alive);
}

void
sign_in_fixture_destroy_window (SignInFixture *fixture)
{
  IwdWindow *window_alive = NULL;

  if (fixture->window == NULL)
    return;

  g_set_weak_pointer (&window_alive, fixture->window);

  /* GTK 4.8 warns when a focused text field is destroyed. */
  gtk_window_set_focus (GTK_WINDOW (fixture->window), NULL);
  gtk_window_destroy (GTK_WINDOW (fixture->window));

  /* Lets the cancelled calls return, and release their references. */
  while (g_main_context_iteration (NULL, FALSE))
    ;

  g_clear_object (&fixture->window);
  g_clear_object (&fixture->manager);

  wait_for_keyring_calls (&window_alive);
}

GtkWidget *
sign_in_page_child (IwdWindow  *window,
                    const char *name)
{
  IwdSignInPage *page = iwd_window_get_sign_in_page (window);

  return GTK_WIDGET (gtk_widget_get_template_child (GTK_WIDGET (page), IWD_TYPE_SIGN_IN_PAGE, name));
}

const char *
sign_in_page_text (IwdWindow  *window,
                   const char *name)
{
  return gtk_editable_get_text (GTK_EDITABLE (sign_in_page_child (window, name)));
}

/* Types a login and password for the sandbox's server, presses Sign In
 * and waits for the server's answer. */
void
submit_sign_in (SignInFixture *fixture,
                const char    *login,
                const char    *password)
{
  IwdSignInPage *page = iwd_window_get_sign_in_page (fixture->window);
  gboolean timed_out = FALSE;
  guint timeout_id;

  gtk_check_button_set_active (GTK_CHECK_BUTTON (sign_in_page_child (fixture->window, "custom_check")), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "server_url_row")), fixture->base_url);
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "login_row")), login);
  gtk_editable_set_text (GTK_EDITABLE (sign_in_page_child (fixture->window, "password_row")), password);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (page), "sign-in.submit", NULL));
  g_assert_true (iwd_sign_in_page_get_busy (page));

  timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);
  while (!timed_out && iwd_sign_in_page_get_busy (page))
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
}

void
wait_for_page (IwdWindow  *window,
               const char *page)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && g_strcmp0 (iwd_window_get_page (window), page) != 0)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);
  g_assert_cmpstr (iwd_window_get_page (window), ==, page);
}

static AdwMessageDialog *
find_dialog (void)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  for (GList *l = toplevels; l != NULL; l = l->next)
    if (ADW_IS_MESSAGE_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

AdwMessageDialog *
wait_for_dialog (void)
{
  gboolean timed_out = FALSE;
  guint timeout_id = g_timeout_add_seconds (WAIT_TIMEOUT_SECONDS, timeout_cb, &timed_out);

  while (!timed_out && find_dialog () == NULL)
    g_main_context_iteration (NULL, TRUE);

  g_assert_false (timed_out);
  g_source_remove (timeout_id);

  return find_dialog ();
}

char *
lookup_password (SignInFixture *fixture,
                 const char    *login)
{
  g_autoptr(IwdAccountId) id = new_sandbox_account_id (fixture, login);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  iwd_secret_store_lookup_account_password (fixture->secrets, id, NULL, on_done, &result);
  password = iwd_secret_store_lookup_account_password_finish (fixture->secrets, wait_for_result (&result), &error);
  g_assert_no_error (error);

  return password;
}

IwdAccountId *
new_sandbox_account_id (SignInFixture *fixture,
                        const char    *login)
{
  return iwd_account_id_new (fixture->base_url, login);
}
