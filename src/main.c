/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <locale.h>
#include <glib/gi18n.h>

#include "iwd-application.h"
#include "iwd-memory.h"

static void
setup_gettext (void)
{
  /* IWDESK_LOCALEDIR lets an uninstalled build find its compiled
   * translations. */
  const char *localedir = g_getenv ("IWDESK_LOCALEDIR");

  setlocale (LC_ALL, "");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(IwdApplication) app = NULL;

  iwd_memory_init ();
  setup_gettext ();

  app = iwd_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
