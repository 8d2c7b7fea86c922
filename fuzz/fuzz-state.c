/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdlib.h>

#include <glib/gstdio.h>

#include "iwd-account-state.h"
#include "iwd-fuzz.h"

/* The data directory of the run, made once and removed at exit. */
static char *base_dir;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
remove_base_dir (void)
{
  remove_tree (base_dir);
  g_clear_pointer (&base_dir, g_free);
}

static const char *
ensure_base_dir (void)
{
  if (base_dir != NULL)
    return base_dir;

  base_dir = g_dir_make_tmp ("iwdesk-fuzz-state-XXXXXX", NULL);
  g_assert_nonnull (base_dir);
  atexit (remove_base_dir);

  return base_dir;
}

static void
write_state_file (IwdAccountState *state,
                  const uint8_t   *data,
                  size_t           size)
{
  const char *path = iwd_account_state_get_path (state);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, (const char *) data, size, &error);
  g_assert_no_error (error);
}

static void
read_back (IwdAccountState *state)
{
  g_auto(GStrv) portfolios = iwd_account_state_list_portfolios (state);
  g_auto(GStrv) profiles = iwd_account_state_list_profiles (state);

  for (gsize i = 0; portfolios[i] != NULL; i++)
    {
      g_auto(GStrv) linked = iwd_account_state_list_portfolio_profiles (state, portfolios[i]);

      g_assert_nonnull (linked);
      g_assert_nonnull (iwd_account_state_get_portfolio_options (state, portfolios[i]));
    }

  for (gsize i = 0; profiles[i] != NULL; i++)
    g_assert_nonnull (iwd_account_state_get_profile (state, profiles[i]));
}

/* A state that loaded must save, and what it saved must load again, or
 * the next start of the application would lose it. */
static void
check_round_trip (IwdAccountState *state)
{
  g_autoptr(GError) error = NULL;

  iwd_account_state_save (state, &error);
  g_assert_no_error (error);

  iwd_account_state_load (state, &error);
  g_assert_no_error (error);
  g_assert_null (iwd_account_state_get_recovered_from (state));
}

/* Writes the input as an account's state file and loads it, because
 * the state loads only from its file. That makes this the slowest
 * target, and build-aux/fuzz points TMPDIR at a tmpfs to help.
 * TODO: a load from bytes in IwdAccountState would skip the file system. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("ws.example.test", "fuzz");
  g_autoptr(IwdAccountState) state = NULL;
  const char *aside;

  iwd_fuzz_init ();

  state = iwd_account_state_new (ensure_base_dir (), account);
  write_state_file (state, data, size);

  if (!iwd_account_state_load (state, NULL))
    return 0;

  aside = iwd_account_state_get_recovered_from (state);
  if (aside != NULL)
    {
      g_unlink (aside);
      return 0;
    }

  read_back (state);
  check_round_trip (state);

  return 0;
}
