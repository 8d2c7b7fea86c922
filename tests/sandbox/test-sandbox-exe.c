/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <signal.h>
#include <string.h>

#include "sandbox-fixture.h"

static char *
read_first_line (GSubprocess *process)
{
  g_autoptr(GDataInputStream) output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (process));
  g_autoptr(GError) error = NULL;
  char *line = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);

  g_assert_no_error (error);

  return line;
}

static void
test_exe_url_and_sigterm (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                     IWD_SANDBOX_EXE, "--port", "0", "--seed", "3",
                                                     "--robot-delay", "0", "--account", "a:b:c",
                                                     NULL);
  g_autofree char *url = NULL;
  g_autofree char *list_url = NULL;
  g_autoptr(SoupSession) session = soup_session_new ();
  g_autoptr(SandboxReply) reply = NULL;

  g_assert_no_error (error);
  url = read_first_line (process);
  list_url = g_strconcat (url, "user/ALLIANZ.html", NULL);
  reply = sandbox_send_to (session, list_url);
  g_subprocess_send_signal (process, SIGTERM);
  g_subprocess_wait_check (process, NULL, &error);

  g_assert_true (g_str_has_prefix (url, "http://127.0.0.1:"));
  g_assert_true (g_str_has_suffix (url, "/"));
  g_assert_cmpuint (reply->status, ==, 200);
  g_assert_no_error (error);
}

static void
test_exe_bad_fixtures (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) process = g_subprocess_new (G_SUBPROCESS_FLAGS_STDOUT_SILENCE |
                                                     G_SUBPROCESS_FLAGS_STDERR_SILENCE, &error,
                                                     IWD_SANDBOX_EXE, "--fixtures",
                                                     "/nonexistent/iwd-fixtures", NULL);

  g_assert_no_error (error);
  g_subprocess_wait (process, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_get_if_exited (process));
  g_assert_cmpint (g_subprocess_get_exit_status (process), ==, 1);
}

/* TRUE once @pid has exited, whether or not its new parent reaped it. */
static gboolean
has_exited (const char *pid)
{
  g_autofree char *stat_path = g_build_filename ("/proc", pid, "stat", NULL);
  g_autofree char *stat = NULL;
  const char *state;

  if (!g_file_get_contents (stat_path, &stat, NULL, NULL))
    return TRUE;

  /* The state follows the command name, which ends at the last ')'. */
  state = strrchr (stat, ')');

  return state != NULL && (strncmp (state, ") Z", 3) == 0 || strncmp (state, ") X", 3) == 0);
}

/* A shell starts the sandbox in the background, prints its pid, and
 * exits when its standard input closes, as a killed test would. */
static void
test_exe_exit_with_parent (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GSubprocess) shell = g_subprocess_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                   G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error,
                                                   "/bin/sh", "-c",
                                                   "\"$0\" --port 0 --exit-with-parent & "
                                                   "echo $!; read line || true",
                                                   IWD_SANDBOX_EXE, NULL);
  g_autoptr(GDataInputStream) output = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  const char *pid;
  gint64 deadline = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  g_assert_no_error (error);
  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (shell));

  /* The pid and the sandbox's URL arrive in either order. Waiting for the
   * URL means the sandbox watches its parent before the shell exits. */
  first = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  second = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  pid = g_str_has_prefix (first, "http://") ? second : first;

  g_output_stream_close (g_subprocess_get_stdin_pipe (shell), NULL, &error);
  g_assert_no_error (error);
  g_subprocess_wait_check (shell, NULL, &error);
  g_assert_no_error (error);

  while (!has_exited (pid) && g_get_monotonic_time () < deadline)
    g_usleep (10000);

  g_assert_true (has_exited (pid));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/sandbox/exe/url-and-sigterm", test_exe_url_and_sigterm);
  g_test_add_func ("/sandbox/exe/bad-fixtures", test_exe_bad_fixtures);
  g_test_add_func ("/sandbox/exe/exit-with-parent", test_exe_exit_with_parent);

  return g_test_run ();
}
