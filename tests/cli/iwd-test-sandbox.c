/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-test-sandbox.h"

#include <glib/gstdio.h>
#include <signal.h>

/* The sandbox and data folder steps that the CLI tests against a server
 * share. Each test runs its own sandbox, with the options it needs. */

/**
 * iwd_test_sandbox_start:
 * @sandbox: where to keep the process and its URL
 * @first_option: (nullable): the first option for iwdesk-sandbox after
 *   "--port 0", followed by the others and %NULL
 *
 * Starts the sandbox, which ends with the test, and waits for its URL.
 */
void
iwd_test_sandbox_start (IwdTestSandbox *sandbox,
                        const char     *first_option,
                        ...)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GDataInputStream) output = NULL;
  g_autoptr(GError) error = NULL;
  va_list options;

  g_ptr_array_add (argv, (char *) IWDESK_SANDBOX_PATH);
  g_ptr_array_add (argv, (char *) "--port");
  g_ptr_array_add (argv, (char *) "0");
  va_start (options, first_option);
  for (const char *option = first_option; option != NULL; option = va_arg (options, const char *))
    g_ptr_array_add (argv, (char *) option);
  va_end (options);
  g_ptr_array_add (argv, (char *) "--exit-with-parent");
  g_ptr_array_add (argv, NULL);

  sandbox->process = g_subprocess_newv ((const char * const *) argv->pdata,
                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE, &error);
  g_assert_no_error (error);

  output = g_data_input_stream_new (g_subprocess_get_stdout_pipe (sandbox->process));
  sandbox->url = g_data_input_stream_read_line_utf8 (output, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (sandbox->url, "http://127.0.0.1:"));
}

/**
 * iwd_test_sandbox_stop:
 * @sandbox: a sandbox that iwd_test_sandbox_start() started
 *
 * Stops the sandbox and waits for it to end.
 */
void
iwd_test_sandbox_stop (IwdTestSandbox *sandbox)
{
  g_autoptr(GError) error = NULL;

  g_subprocess_send_signal (sandbox->process, SIGTERM);
  g_subprocess_wait (sandbox->process, NULL, &error);
  g_assert_no_error (error);

  g_clear_object (&sandbox->process);
  g_clear_pointer (&sandbox->url, g_free);
}

/**
 * iwd_test_sandbox_add_account_args:
 * @sandbox: a started sandbox
 * @args: the tool's arguments so far
 *
 * Appends the options that sign in to @sandbox as its demo account, with
 * the password read from standard input, then the %NULL that ends
 * @args.
 */
void
iwd_test_sandbox_add_account_args (IwdTestSandbox *sandbox,
                                   GPtrArray      *args)
{
  g_ptr_array_add (args, (char *) "--server");
  g_ptr_array_add (args, sandbox->url);
  g_ptr_array_add (args, (char *) "--login");
  g_ptr_array_add (args, (char *) "demo");
  g_ptr_array_add (args, (char *) "--password-stdin");
  g_ptr_array_add (args, NULL);
}

/**
 * iwd_test_make_data_dir:
 * @name: a word for the folder's name, such as the test's
 *
 * Makes a temporary data folder and sets XDG_DATA_HOME to it, which the
 * tool started as a child then inherits.
 *
 * Returns: (transfer full): the folder's path
 */
char *
iwd_test_make_data_dir (const char *name)
{
  g_autofree char *template = g_strdup_printf ("iwdesk-cli-%s-XXXXXX", name);
  g_autoptr(GError) error = NULL;
  char *path = g_dir_make_tmp (template, &error);

  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", path, TRUE);
  return path;
}

/**
 * iwd_test_remove_tree:
 * @path: a file or folder
 *
 * Removes @path and all it holds, as far as it can.
 */
void
iwd_test_remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      iwd_test_remove_tree (child);
    }

  g_remove (path);
}
