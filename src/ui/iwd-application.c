/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>

#include "iwd-account-manager.h"
#include "iwd-api-error.h"
#include "iwd-application.h"
#include "iwd-client.h"
#include "iwd-portfolios-page.h"
#include "iwd-sandbox.h"
#include "iwd-screenshot.h"
#include "iwd-window.h"

/* The demo sandbox always starts from this seed, so every demo shows the
 * same companies. */
#define DEMO_SEED 1
#define DEMO_LOGIN "demo"
#define DEMO_PASSWORD "demo"
#define DEMO_POLL_INTERVAL_MS (5 * 1000)

/* Longer than the page stack's crossfade (GtkStack's default transition
 * lasts 200 ms in GTK 4.8), so the screenshot shows the settled page. */
#define SCREENSHOT_DELAY_MS 1000

struct _IwdApplication
{
  AdwApplication  parent_instance;

  SoupSession       *session;          /* owned */
  IwdAccountManager *manager;          /* owned, nullable until the command line is read */
  IwdAccount        *demo_account;     /* owned, nullable: only with --demo */
  IwdSandbox        *sandbox;          /* owned, nullable: only with --demo */
  char              *screenshot_path;  /* owned, nullable: only with --screenshot */
  char              *first_tab;        /* owned, nullable: only with --tab */
};

G_DEFINE_FINAL_TYPE (IwdApplication, iwd_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "demo", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_NONE, NULL,
    N_("Run against a built-in sandbox with the demo account, without network"), NULL },
  { "server", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Use the ImportWeb-compatible server at this base URL"), N_("URL") },
  { "screenshot", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME, NULL,
    N_("Save the window to a PNG file once the first page has loaded, then quit"), N_("FILE") },
  { "tab", 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_STRING, NULL,
    N_("Show this tab after signing in: companies, portfolios, profiles or errors"), N_("NAME") },
  { G_OPTION_REMAINING, 0, G_OPTION_FLAG_NONE, G_OPTION_ARG_FILENAME_ARRAY, NULL,
    N_("Contracts lists or commission statements to show, each in a window of its own"), N_("[FILE…]") },
  { NULL }
};

static IwdAccountManager *
new_manager (IwdApplication *self)
{
  g_autoptr(IwdSecretStore) secrets = iwd_secret_store_new (NULL);

  return iwd_account_manager_new (self->session, secrets, g_get_user_data_dir ());
}

/* Starts the in-process sandbox and signs in its demo account, whose
 * password never goes to the keyring. */
static IwdAccount *
start_demo (IwdApplication  *self,
            GError         **error)
{
  g_autoptr(IwdClient) client = NULL;
  g_autofree char *base_url = NULL;

  self->sandbox = iwd_sandbox_new (DEMO_SEED);
  iwd_sandbox_add_account (self->sandbox, DEMO_LOGIN, DEMO_PASSWORD);
  if (!iwd_sandbox_start (self->sandbox, 0, error))
    return NULL;

  base_url = iwd_sandbox_dup_base_url (self->sandbox);
  g_info ("sandbox: demo server listening at %s", base_url);

  client = iwd_client_new_for_server (self->session, base_url, error);
  if (client == NULL)
    return NULL;

  iwd_client_set_credentials (client, DEMO_LOGIN, DEMO_PASSWORD);

  return iwd_account_manager_create_demo_account (self->manager, base_url, client, error);
}

static gboolean
apply_options (IwdApplication  *self,
               GVariantDict    *options,
               GError         **error)
{
  gboolean demo = g_variant_dict_contains (options, "demo");
  const char *server_url = NULL;

  g_variant_dict_lookup (options, "server", "&s", &server_url);

  if (demo && server_url != NULL)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_FAILED,
                           _("Use either --demo or --server, not both."));
      return FALSE;
    }

  if (demo)
    {
      self->demo_account = start_demo (self, error);
      return self->demo_account != NULL;
    }

  /* The sign-in page proposes this server, and the last account signs in
   * again only if it is on it. */
  if (server_url != NULL && !iwd_api_check_url (server_url, error))
    return FALSE;

  iwd_account_manager_set_default_server (self->manager, server_url);

  return TRUE;
}

static gboolean
screenshot_timeout_cb (gpointer user_data)
{
  GtkWindow *window = user_data;
  IwdApplication *self = IWD_APPLICATION (gtk_window_get_application (window));
  g_autoptr(GError) error = NULL;

  if (iwd_screenshot_save_png (GTK_WIDGET (window), self->screenshot_path, &error))
    g_info ("ui: screenshot saved to %s", self->screenshot_path);
  else
    g_warning ("ui: cannot save the screenshot: %s", error->message);

  g_application_quit (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

/* TODO: under Xvfb, a window that opens on the sign-in page was found
 * not drawn when this timeout fires, so that screenshot fails, and the
 * image of the main page can show an earlier frame, with a tab still
 * loading. `import -window root` in the same display shows the page. */
static void
schedule_screenshot (GtkWidget *window)
{
  g_timeout_add_full (G_PRIORITY_DEFAULT, SCREENSHOT_DELAY_MS, screenshot_timeout_cb,
                      g_object_ref (window), g_object_unref);
}

static void
page_state_changed_cb (IwdCompaniesPage *page,
                       GParamSpec       *pspec,
                       gpointer          user_data)
{
  if (iwd_companies_page_get_state (page) == IWD_COMPANIES_PAGE_STATE_LOADING)
    return;

  g_signal_handlers_disconnect_by_func (page, page_state_changed_cb, user_data);
  schedule_screenshot (GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (page))));
}

static void
window_page_changed_cb (IwdWindow  *window,
                        GParamSpec *pspec,
                        gpointer    user_data)
{
  IwdCompaniesPage *companies_page = iwd_window_get_companies_page (window);
  const char *page = iwd_window_get_page (window);

  if (g_strcmp0 (page, "sign-in") == 0)
    schedule_screenshot (GTK_WIDGET (window));
  else if (g_strcmp0 (page, "main") == 0)
    g_signal_connect (companies_page, "notify::state", G_CALLBACK (page_state_changed_cb), NULL);
  else
    return;

  g_signal_handlers_disconnect_by_func (window, window_page_changed_cb, user_data);
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  GtkApplication *app = user_data;
  GList *windows = gtk_application_get_windows (app);

  /* Closing rather than quitting lets each window save its size. The
   * application ends with its last window. */
  for (GList *l = windows; l != NULL; )
    {
      GtkWindow *window = l->data;

      l = l->next;
      gtk_window_close (window);
    }
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  GtkApplication *app = user_data;
  /* Translators: the authors' name in the about window */
  const char *team = _("The IWDesk developers");
  const char *developers[] = { team, NULL };
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "modal", TRUE,
                        "application-name", "IWDesk",
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", team,
                        "developers", developers,
                        "comments", _("Sets up the ImportWeb robot and reads the contracts "
                                      "and commission statements it downloads"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* Translators: your names, one a line, to credit the translation */
                        "translator-credits", _("translator-credits"),
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The default action of the robot error notifications. */
static void
show_errors_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = user_data;
  GtkWindow *window = gtk_application_get_active_window (app);

  /* A notification outlives the application that sent it, but a window
   * needs the command line that chose the server. */
  if (window == NULL)
    return;

  gtk_window_present (window);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-page", "s", "errors");
}

static const GActionEntry app_actions[] = {
  { "quit", quit_action },
  { "about", about_action },
  { "show-errors", show_errors_action },
};

static void
iwd_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (iwd_application_parent_class)->startup (app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions, G_N_ELEMENTS (app_actions), app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
iwd_application_activate (GApplication *app)
{
  IwdApplication *self = IWD_APPLICATION (app);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  if (window == NULL)
    {
      IwdWindow *iwd_window = iwd_window_new (GTK_APPLICATION (app), self->manager);

      if (self->screenshot_path != NULL)
        g_signal_connect (iwd_window, "notify::page", G_CALLBACK (window_page_changed_cb), NULL);

      /* The demo robot delivers within seconds, so the demo checks a
       * collecting portfolio again often rather than every five minutes. */
      if (self->demo_account != NULL)
        {
          iwd_portfolios_page_set_poll_interval (iwd_window_get_portfolios_page (iwd_window),
                                                 DEMO_POLL_INTERVAL_MS);
          iwd_window_set_account (iwd_window, self->demo_account);
        }
      else
        iwd_window_sign_in_last (iwd_window);

      /* TODO: a window that signs in from the keyring is still loading
       * here, so --tab applies to the demo only. */
      if (self->first_tab != NULL)
        gtk_widget_activate_action (GTK_WIDGET (iwd_window), "win.show-page", "s", self->first_tab);

      /* The window may already show its first page, with no notification. */
      if (self->screenshot_path != NULL)
        window_page_changed_cb (iwd_window, NULL, NULL);

      window = GTK_WINDOW (iwd_window);
    }

  gtk_window_present (window);
}

/* Files given on the command line, or by a file manager through the
 * desktop file's %F, open beside the window, also in a second launch. */
static void
open_files (IwdApplication          *self,
            GApplicationCommandLine *command_line,
            GVariantDict            *options)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_auto(GStrv) paths = NULL;

  if (!g_variant_dict_lookup (options, G_OPTION_REMAINING, "^aay", &paths) || !IWD_IS_WINDOW (window))
    return;

  for (guint i = 0; paths[i] != NULL; i++)
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, paths[i]);

      iwd_window_open_local_file (IWD_WINDOW (window), file);
    }
}

static int
iwd_application_command_line (GApplication            *app,
                              GApplicationCommandLine *command_line)
{
  IwdApplication *self = IWD_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autoptr(GError) error = NULL;

  /* A second launch only raises the window: the first one chose the server. */
  if (self->manager == NULL)
    {
      self->manager = new_manager (self);
      if (!apply_options (self, options, &error))
        {
          g_application_command_line_printerr (command_line, "%s\n", error->message);
          return EXIT_FAILURE;
        }

      g_variant_dict_lookup (options, "screenshot", "^ay", &self->screenshot_path);
      g_variant_dict_lookup (options, "tab", "s", &self->first_tab);
    }

  g_application_activate (app);
  open_files (self, command_line, options);

  return EXIT_SUCCESS;
}

static void
iwd_application_shutdown (GApplication *app)
{
  IwdApplication *self = IWD_APPLICATION (app);

  if (self->sandbox != NULL)
    iwd_sandbox_stop (self->sandbox);

  G_APPLICATION_CLASS (iwd_application_parent_class)->shutdown (app);
}

static void
iwd_application_dispose (GObject *object)
{
  IwdApplication *self = IWD_APPLICATION (object);

  g_clear_object (&self->demo_account);
  g_clear_object (&self->manager);
  g_clear_object (&self->sandbox);
  g_clear_object (&self->session);
  g_clear_pointer (&self->screenshot_path, g_free);
  g_clear_pointer (&self->first_tab, g_free);

  G_OBJECT_CLASS (iwd_application_parent_class)->dispose (object);
}

static void
iwd_application_class_init (IwdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = iwd_application_dispose;
  app_class->startup = iwd_application_startup;
  app_class->activate = iwd_application_activate;
  app_class->command_line = iwd_application_command_line;
  app_class->shutdown = iwd_application_shutdown;
}

static void
iwd_application_init (IwdApplication *self)
{
  self->session = iwd_client_new_session ();
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
}

/**
 * iwd_application_new:
 *
 * Creates the IWDesk application. Its command line chooses the server:
 * `--demo` signs in to a built-in sandbox, `--server URL` proposes that
 * server on the sign-in page, and otherwise the last account signs in
 * again with its password from the keyring.
 *
 * Returns: (transfer full): a new #IwdApplication
 */
IwdApplication *
iwd_application_new (void)
{
  return g_object_new (IWD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", "/com/example/IWDesk",
                       NULL);
}
