/* SPDX-License-Identifier: GPL-3.0-or-later */

/* iwdesk-sandbox: serves the sandbox on 127.0.0.1 until SIGINT or SIGTERM,
 * or, with --exit-with-parent, until its parent process exits. It prints
 * the base URL on stdout once listening, so that a script can read it.
 * Logs go to stderr. */

#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <glib/gi18n.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "iwd-sandbox.h"
#include "iwd-sandbox-companies.h"
#include "iwd-sandbox-faults.h"

typedef struct {
  int       port;
  gint64    seed;
  int       robot_delay;
  int       contracts;
  int       commissions;
  char     *fixtures;
  GStrv     accounts;
  GStrv     faults;
  gboolean  exit_with_parent;
} Options;

static gboolean
has_no_logo (const IwdSandboxCompany *company)
{
  return iwd_sandbox_company_get_logo (company) == IWD_SANDBOX_LOGO_NONE;
}

static gboolean
has_corrupt_logo (const IwdSandboxCompany *company)
{
  return iwd_sandbox_company_get_logo (company) == IWD_SANDBOX_LOGO_CORRUPT;
}

static gboolean
has_htm_help_only (const IwdSandboxCompany *company)
{
  return iwd_sandbox_company_get_help (company) == IWD_SANDBOX_HELP_HTM;
}

static gboolean
has_no_help (const IwdSandboxCompany *company)
{
  return iwd_sandbox_company_get_help (company) == IWD_SANDBOX_HELP_NONE;
}

static char *
dup_description (void)
{
  g_auto(GStrv) fixtures = iwd_sandbox_list_fixture_names ();
  g_autofree char *fixture_list = g_strjoinv (", ", fixtures);
  g_autofree char *no_logo = iwd_sandbox_companies_join_names (has_no_logo);
  g_autofree char *corrupt_logo = iwd_sandbox_companies_join_names (has_corrupt_logo);
  g_autofree char *htm_only = iwd_sandbox_companies_join_names (has_htm_help_only);
  g_autofree char *no_help = iwd_sandbox_companies_join_names (has_no_help);
  g_autofree char *faults = iwd_sandbox_fault_dup_help ();

  /* Translators: the first four %s are lists of company names and the last
   * one a list of file names. Keep "wrong", "demo", "tsv", "json" and
   * {extension} untranslated, because they are literal values. */
  g_autofree char *accounts_and_files = g_strdup_printf (_("The account “demo” (password “demo”) always exists. "
                            "A password “wrong” fails the credential check, and a profile "
                            "posted with it gets login error 8.\n\n"
                            "Logo without a file (404): %s. Corrupt logo: %s.\n"
                            "Help page only at .htm: %s. No help page: %s.\n\n"
                            "Fixture files served verbatim from --fixtures: %s "
                            "({extension} is “tsv” or “json”, after the requested format)."),
                          no_logo, corrupt_logo, htm_only, no_help, fixture_list);

  return g_strconcat (accounts_and_files, "\n\n",
                      _("The robot keeps finding changes: from the second request of a "
                        "portfolio's contracts that returns data, each request adds one "
                        "more generation of changes to each profile's contracts. A "
                        "generation adds one new contract, cancels one and raises one "
                        "premium by 5 percent, with its taxes and commission, all drawn from "
                        "the seed. Commission lines do not change."), "\n\n", faults, NULL);
}

static gboolean
parse_options (Options  *options,
               int      *argc,
               char   ***argv,
               GError  **error)
{
  const GOptionEntry entries[] = {
    { "port", 'p', 0, G_OPTION_ARG_INT, &options->port,
      N_("TCP port to listen on; 0 picks a free one"), N_("PORT") },
    { "seed", 's', 0, G_OPTION_ARG_INT64, &options->seed,
      N_("Seed of the generated contracts and commissions"), N_("SEED") },
    { "robot-delay", 0, 0, G_OPTION_ARG_INT, &options->robot_delay,
      N_("Milliseconds before a profile's data appears (default 3000)"), N_("MS") },
    { "contracts", 0, 0, G_OPTION_ARG_INT, &options->contracts,
      N_("Contracts per profile (default 40)"), N_("N") },
    { "commissions", 0, 0, G_OPTION_ARG_INT, &options->commissions,
      N_("Commission lines per profile (default 250)"), N_("N") },
    { "fixtures", 0, 0, G_OPTION_ARG_FILENAME, &options->fixtures,
      N_("Folder of files to serve in place of generated replies"), N_("DIR") },
    { "account", 'a', 0, G_OPTION_ARG_STRING_ARRAY, &options->accounts,
      N_("Add an account; repeat for several"), N_("LOGIN:PASSWORD") },
    { "fault", 'f', 0, G_OPTION_ARG_STRING_ARRAY, &options->faults,
      N_("Make a call fail, for COUNT requests or all of them; repeat for several "
         "(names below)"), N_("ROUTE=FAULT[:COUNT]") },
    { "exit-with-parent", 0, 0, G_OPTION_ARG_NONE, &options->exit_with_parent,
      N_("Stop when the process that started the sandbox exits, even if it was killed "
         "(Linux only)"), NULL },
    { NULL }
  };
  g_autoptr(GOptionContext) context = g_option_context_new (NULL);
  g_autofree char *description = dup_description ();

  g_option_context_set_summary (context, _("Serve a local copy of the ImportWeb services on 127.0.0.1."));
  g_option_context_set_description (context, description);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  return g_option_context_parse (context, argc, argv, error);
}

static gboolean
check_ranges (const Options  *options,
              GError        **error)
{
  if (options->port < 0 || options->port > G_MAXUINT16 || options->robot_delay < 0 ||
      options->contracts < 0 || options->commissions < 0)
    {
      g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                           _("Invalid number: the port must be 0 to 65535, and delays and "
                             "sizes must not be negative"));
      return FALSE;
    }

  return TRUE;
}

static gboolean
add_accounts (IwdSandbox  *sandbox,
              GStrv        accounts,
              GError     **error)
{
  for (guint i = 0; accounts != NULL && accounts[i] != NULL; i++)
    {
      const char *colon = strchr (accounts[i], ':');
      g_autofree char *login = NULL;

      if (colon == NULL || colon == accounts[i])
        {
          g_set_error_literal (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                               _("Invalid --account: write it as LOGIN:PASSWORD"));
          return FALSE;
        }

      login = g_strndup (accounts[i], colon - accounts[i]);
      iwd_sandbox_add_account (sandbox, login, colon + 1);
    }

  return TRUE;
}

static gboolean
add_faults (IwdSandbox  *sandbox,
            GStrv        faults,
            GError     **error)
{
  for (guint i = 0; faults != NULL && faults[i] != NULL; i++)
    {
      IwdRoute route;
      IwdSandboxFault fault;
      guint count;

      if (!iwd_sandbox_fault_parse_option (faults[i], &route, &fault, &count, error))
        return FALSE;

      iwd_sandbox_set_fault (sandbox, route, fault, count);
    }

  return TRUE;
}

static gboolean
configure (IwdSandbox     *sandbox,
           const Options  *options,
           GError        **error)
{
  iwd_sandbox_set_robot_delay (sandbox, options->robot_delay);
  iwd_sandbox_set_sizes (sandbox, options->contracts, options->commissions);

  if (options->fixtures != NULL &&
      !iwd_sandbox_set_fixtures_dir (sandbox, options->fixtures, error))
    return FALSE;

  return add_accounts (sandbox, options->accounts, error)
         && add_faults (sandbox, options->faults, error);
}

/* Asks the kernel for SIGTERM when the parent exits, so that a test
 * killed by its timeout leaves no sandbox behind. The signal follows the
 * parent thread that started this process, so a parent must start it
 * from a thread that lives as long as it needs the sandbox. */
static gboolean
exit_with_parent (pid_t    parent,
                  GError **error)
{
#ifdef __linux__
  if (prctl (PR_SET_PDEATHSIG, SIGTERM) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Cannot watch the parent process: %s"), g_strerror (saved_errno));
      return FALSE;
    }

  /* A parent that exited before prctl() sent no signal, and this
   * process already belongs to another one. */
  if (getppid () != parent)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                           _("The parent process exited before the sandbox started"));
      return FALSE;
    }

  return TRUE;
#else
  g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                       _("--exit-with-parent works on Linux only"));
  return FALSE;
#endif
}

static gboolean
on_stop_signal (gpointer user_data)
{
  GMainLoop *loop = user_data;

  g_message ("sandbox: stop signal received");
  g_main_loop_quit (loop);

  return G_SOURCE_CONTINUE;
}

static void
init_locale (void)
{
  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static int
serve (IwdSandbox *sandbox,
       guint       port)
{
  g_autoptr(GMainLoop) loop = g_main_loop_new (NULL, FALSE);
  g_autoptr(GError) error = NULL;
  g_autofree char *url = NULL;
  guint sigint_id, sigterm_id;

  if (!iwd_sandbox_start (sandbox, port, &error))
    {
      g_printerr (_("Cannot listen on port %u: %s. Give another port, or 0 for any free one.\n"), port, error->message);
      return EXIT_FAILURE;
    }

  url = iwd_sandbox_dup_base_url (sandbox);
  g_print ("%s\n", url);
  fflush (stdout);

  sigint_id = g_unix_signal_add (SIGINT, on_stop_signal, loop);
  sigterm_id = g_unix_signal_add (SIGTERM, on_stop_signal, loop);
  g_main_loop_run (loop);
  g_source_remove (sigint_id);
  g_source_remove (sigterm_id);

  iwd_sandbox_stop (sandbox);

  return EXIT_SUCCESS;
}

int
main (int   argc,
      char *argv[])
{
  Options options = {
    0, 0, IWD_SANDBOX_DEFAULT_ROBOT_DELAY_MS,
    IWD_SANDBOX_DEFAULT_CONTRACTS, IWD_SANDBOX_DEFAULT_COMMISSIONS, NULL, NULL, NULL, FALSE,
  };
  g_autoptr(IwdSandbox) sandbox = NULL;
  g_autoptr(GError) error = NULL;
  pid_t parent = getppid ();
  int status;

  init_locale ();

  /* Logs go to stderr, so stdout carries the URL alone. Request lines
   * are g_info(), shown by default in this program. */
  g_log_writer_default_set_use_stderr (TRUE);
  g_log_set_debug_enabled (TRUE);

  if (!parse_options (&options, &argc, &argv, &error) || !check_ranges (&options, &error) ||
      (options.exit_with_parent && !exit_with_parent (parent, &error)))
    {
      g_printerr ("%s\n", error->message);
      return EXIT_FAILURE;
    }

  sandbox = iwd_sandbox_new ((guint64) options.seed);
  if (!configure (sandbox, &options, &error))
    {
      g_printerr ("%s\n", error->message);
      status = EXIT_FAILURE;
    }
  else
    status = serve (sandbox, options.port);

  g_free (options.fixtures);
  g_strfreev (options.accounts);
  g_strfreev (options.faults);

  return status;
}
