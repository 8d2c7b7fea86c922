/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Saves fetches into the history database named on the command line, in
 * a loop until killed. test-history-crash kills it with SIGKILL at random
 * moments to check that the database survives. It prints one line per
 * saved fetch so that the test can wait until writes have started. */

#include <stdio.h>

#include "history-test-store.h"
#include "history-test-table.h"

#define ROWS_PER_FETCH 2000

int
main (int    argc,
      char **argv)
{
  g_autoptr(IwdHistoryStore) store = NULL;

  if (argc != 2)
    {
      fprintf (stderr, "usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  store = iwd_history_store_new (argv[1]);

  for (guint n = 0;; n++)
    {
      g_autoptr(IwdTable) table = history_test_table_contracts (ROWS_PER_FETCH, n);
      g_autoptr(GError) error = NULL;

      history_test_store_save (store, "PTF1", table, NULL, &error);
      if (error != NULL)
        {
          fprintf (stderr, "history-crash-writer: %s\n", error->message);
          return 1;
        }

      printf ("%u\n", n);
      fflush (stdout);
    }
}
