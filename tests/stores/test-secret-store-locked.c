/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>

#include "iwd-secret-store.h"
#include "test-secret-store-locking.h"
#include "iwd-test-keyring.h"

/* These tests lock the default collection of the keyring that
 * build-aux/dev test starts, so they run in their own executable and
 * never in parallel with the other keyring tests. */

typedef struct {
  IwdSecretStore *store;
  IwdAccountId   *alice;
} Fixture;

static GAsyncResult *
wait_for (GAsyncResult **slot)
{
  while (*slot == NULL)
    g_main_context_iteration (NULL, TRUE);

  return *slot;
}

static void
on_done (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  GAsyncResult **slot = user_data;

  *slot = g_object_ref (result);
}

static void
clear_alice (Fixture *fixture)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_clear_account (fixture->store, fixture->alice, NULL, on_done, &result);
  iwd_secret_store_clear_account_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
}

static void
store_alice (Fixture *fixture,
             GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_secret_store_store_account_password (fixture->store, fixture->alice, "pw-alice",
                                           NULL, on_done, &result);
  iwd_secret_store_store_account_password_finish (fixture->store, wait_for (&result), error);
}

static char *
lookup_alice (Fixture *fixture,
              GError **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  iwd_secret_store_lookup_account_password (fixture->store, fixture->alice, NULL, on_done, &result);

  return iwd_secret_store_lookup_account_password_finish (fixture->store, wait_for (&result), error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = iwd_secret_store_new (NULL);
  fixture->alice = iwd_account_id_new ("https://one.example.test/", "alice");

  store_alice (fixture, &error);
  g_assert_no_error (error);

  keyring_lock_default ();
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  keyring_unlock_default ();
  clear_alice (fixture);

  g_assert_finalize_object (fixture->store);
  iwd_account_id_free (fixture->alice);
}

static void
test_locked_lookup (Fixture       *fixture,
                    gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = lookup_alice (fixture, &error);

  g_assert_error (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_LOCKED);
  g_assert_null (password);
}

static void
test_locked_store (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  store_alice (fixture, &error);
  g_assert_error (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_LOCKED);
}

/* Checks that tear-down really unlocks, so that a later test finds the
 * password again. */
static void
test_locked_unlock_again (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *password = NULL;

  keyring_unlock_default ();
  password = lookup_alice (fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "pw-alice");
}

/* Returns why these tests cannot run here, or NULL if they can. */
static const char *
skip_reason (void)
{
  return iwd_test_keyring_skip_reason ();
}

int
main (int   argc,
      char *argv[])
{
  const char *reason = skip_reason ();

  if (reason != NULL)
    {
      g_print ("1..0 # SKIP %s\n", reason);
      return 0;
    }

  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/stores/locked/lookup", test_locked_lookup);
  ADD ("/stores/locked/store", test_locked_store);
  ADD ("/stores/locked/unlock-again", test_locked_unlock_again);
#undef ADD

  return g_test_run ();
}
