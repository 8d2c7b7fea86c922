/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-test-cli.h"

#include <string.h>

void
iwd_test_cli_run_clear (IwdTestCliRun *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
}

/* Writes @text to the tool's standard input, which communicating with
 * the tool then closes. A tool that rejects its arguments can exit before
 * it reads the input, so the write fails with a broken pipe, and its
 * output and exit status still count. */
static void
write_stdin (GSubprocess *process,
             const char  *text)
{
  GOutputStream *input = g_subprocess_get_stdin_pipe (process);
  g_autoptr(GError) error = NULL;

  if (text == NULL || g_output_stream_write_all (input, text, strlen (text), NULL, NULL, &error))
    return;

  if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_BROKEN_PIPE))
    g_assert_no_error (error);
}

static void
run_cli (IwdTestCliRun      *run,
         const char         *stdin_text,
         const char * const *args,
         gboolean            keyring)
{
  g_autoptr(GSubprocessLauncher) launcher = NULL;
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;

  launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE
                                        | G_SUBPROCESS_FLAGS_STDOUT_PIPE
                                        | G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_subprocess_launcher_setenv (launcher, "LC_ALL", "C.UTF-8", TRUE);
  g_subprocess_launcher_setenv (launcher, "IWDESK_LOCALEDIR", "/nonexistent", TRUE);
  if (!keyring)
    g_subprocess_launcher_setenv (launcher, "DBUS_SESSION_BUS_ADDRESS",
                                  "unix:path=/nonexistent/iwdesk-test-bus", TRUE);

  g_ptr_array_add (argv, (char *) IWDESK_CLI_PATH);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);

  write_stdin (process, stdin_text);
  g_subprocess_communicate_utf8 (process, NULL, NULL, &run->out, &run->err, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));

  run->exit_status = g_subprocess_get_exit_status (process);
}

/* Runs the built iwdesk-cli with @args, in English, with no keyring
 * reachable, and waits for it. */
void
iwd_test_cli_run (IwdTestCliRun      *run,
                  const char         *stdin_text,
                  const char * const *args)
{
  run_cli (run, stdin_text, args, FALSE);
}

/* Runs it as iwd_test_cli_run() does, but on the test's own session
 * bus, so that it reaches the keyring there. Only a test that has
 * checked that this keyring is a private one may call it. */
void
iwd_test_cli_run_with_keyring (IwdTestCliRun      *run,
                               const char         *stdin_text,
                               const char * const *args)
{
  run_cli (run, stdin_text, args, TRUE);
}

char *
iwd_test_cli_data_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, "cli", name, NULL);
}

/* Splits output into lines, without the empty string after the last
 * line end. */
GStrv
iwd_test_cli_lines (const char *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  guint n_lines = g_strv_length (lines);

  if (n_lines > 0 && lines[n_lines - 1][0] == '\0')
    g_clear_pointer (&lines[n_lines - 1], g_free);

  return g_steal_pointer (&lines);
}
