/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>
#include <stdio.h>

#include "iwd-cli-command.h"
#include "iwd-cli-error.h"
#include "iwd-cli-export.h"
#include "iwd-cli-read.h"
#include "iwd-cli-remote.h"
#include "iwd-memory.h"

typedef struct {
  const char *name;
  int       (*run) (GStrv *args);
} Command;

static const Command commands[] = {
  { "read", iwd_cli_read_main },
  { "companies", iwd_cli_companies_main },
  { "fields", iwd_cli_fields_main },
  { "profiles", iwd_cli_profiles_main },
  { "errors", iwd_cli_errors_main },
  { "export", iwd_cli_export_main },
  { "contracts", iwd_cli_contracts_main },
  { "commissions", iwd_cli_commissions_main },
  { "portfolio", iwd_cli_portfolio_main },
  { "profile", iwd_cli_profile_main },
};

static void
setup_locale (void)
{
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

static GOptionContext *
create_context (gboolean *version)
{
  GOptionEntry entries[] = {
    { "version", 0, 0, G_OPTION_ARG_NONE, version, N_("Print the version and exit"), NULL },
    { NULL }
  };
  GOptionContext *context;

  context = iwd_cli_command_context_new (NULL, _("COMMAND [OPTION…]"),
    _("Reads ImportWeb files and queries the ImportWeb services.\n"
      "\n"
      "Commands:\n"
      "  read FILE        print the rows or totals of a contracts or commissions file\n"
      "  companies        list the insurance companies\n"
      "  fields COMPANY   show the credential fields of a company\n"
      "  profiles         list the account's robot profiles\n"
      "  errors           list the robot's connection errors\n"
      "  export FILE      export a contracts or commissions file to CSV, Excel or JSON\n"
      "  contracts PTF    print or export the contracts of a portfolio\n"
      "  commissions PTF PROFILE\n"
      "                   print or export a profile's commission statement\n"
      "  portfolio …      list, create, fill or delete portfolios\n"
      "  profile …        save, delete or schedule robot profiles\n"
      "\n"
      "--format sets what is printed on standard output (text, csv or json);\n"
      "--export-format sets the file written with --output (csv-fr, csv,\n"
      "xlsx or json).\n"
      "\n"
      "Run 'iwdesk-cli COMMAND --help' for the options of a command."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);

  /* Options after the command name belong to the command. */
  g_option_context_set_strict_posix (context, TRUE);

  return context;
}

static const Command *
lookup_command (const char  *name,
                GError     **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    {
      if (g_strcmp0 (name, commands[i].name) == 0)
        return &commands[i];
    }

  if (name == NULL)
    g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE, _("no command given"));
  else
    g_set_error (error, IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE, _("'%s' is not a command"), name);

  return NULL;
}

int
main (int   argc,
      char *argv[])
{
  g_auto(GStrv) args = g_strdupv (argv);
  g_auto(GStrv) command_args = NULL;
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  const Command *command;
  gboolean version = FALSE;

  iwd_memory_init ();
  setup_locale ();
  context = create_context (&version);

  if (!g_option_context_parse_strv (context, &args, &error))
    return iwd_cli_report_error (_("Invalid command line"), error);

  if (version)
    {
      printf ("iwdesk-cli %s\n", PACKAGE_VERSION);
      return IWD_CLI_EXIT_OK;
    }

  command = lookup_command (args[1], &error);
  if (command == NULL)
    return iwd_cli_report_error (_("Invalid command line"), error);

  command_args = g_strdupv (args + 1);

  return command->run (&command_args);
}
