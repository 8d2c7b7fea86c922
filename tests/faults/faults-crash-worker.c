/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saves an account's state, or exports a table, in a loop until killed.
 * test-crash-safety kills it with SIGKILL at random moments and checks
 * what it left on disk. After each save or export it prints one line,
 * the number of portfolios saved or of exports done, so that the test
 * can check the file against the last version that was complete. */

#include <stdio.h>
#include <string.h>

#include "iwd-account-state.h"
#include "iwd-export.h"
#include "iwd-test-export.h"

/* Large enough that an export takes a few milliseconds, so that kills
 * land in the middle of one. */
#define EXPORT_ROWS 5000

static int
fail (const char *what,
      GError     *error)
{
  fprintf (stderr, "faults-crash-worker: %s failed: %s\n", what, error->message);

  return 1;
}

/* Each save adds one portfolio, so the count of portfolios identifies
 * the save that wrote a state file. */
static int
loop_state_saves (const char *base_dir)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("https://ws.example.com/", "broker");
  g_autoptr(IwdAccountState) state = iwd_account_state_new (base_dir, account);
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet Durand", 12);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) saved_ids = NULL;

  if (!iwd_account_state_load (state, &error))
    return fail ("loading the state", error);

  saved_ids = iwd_account_state_list_portfolios (state);

  for (guint n = g_strv_length (saved_ids);; n++)
    {
      g_autofree char *portfolio_id = g_strdup_printf ("PTF%u", n + 1);

      if (!iwd_account_state_add_portfolio (state, portfolio_id, options, &error)
          || !iwd_account_state_save (state, &error))
        return fail ("saving the state", error);

      printf ("%u\n", n + 1);
      fflush (stdout);
    }
}

static int
loop_exports (const char *path)
{
  g_autoptr(IwdTable) table = iwd_test_export_large_table (EXPORT_ROWS);
  g_autoptr(GFile) destination = g_file_new_for_path (path);
  g_autoptr(GError) error = NULL;

  for (guint n = 1;; n++)
    {
      if (!iwd_export_table (table, NULL, 0, NULL, 0, IWD_EXPORT_FORMAT_CSV, destination,
                             NULL, &error))
        return fail ("exporting", error);

      printf ("%u\n", n);
      fflush (stdout);
    }
}

int
main (int    argc,
      char **argv)
{
  if (argc == 3 && strcmp (argv[1], "state") == 0)
    return loop_state_saves (argv[2]);

  if (argc == 3 && strcmp (argv[1], "export") == 0)
    return loop_exports (argv[2]);

  fprintf (stderr, "usage: %s state BASE_DIR | export FILE\n", argv[0]);

  return 2;
}
