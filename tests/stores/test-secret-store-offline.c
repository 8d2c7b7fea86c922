/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "iwd-secret-store.h"

/* Runs with a session bus address that leads nowhere, so every call finds
 * no secret service at all. */
#define NO_BUS_ADDRESS "unix:path=/nonexistent/iwdesk-test-no-bus"

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
test_offline_store_unavailable (void)
{
  g_autoptr(IwdSecretStore) store = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("https://one.example.test/", "alice");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_store_account_password (store, account, "never stored", NULL, on_done, &result);

  g_assert_false (iwd_secret_store_store_account_password_finish (store, wait_for (&result), &error));
  g_assert_error (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_UNAVAILABLE);
  g_assert_null (strstr (error->message, "never stored"));
}

static void
test_offline_lookup_unavailable (void)
{
  g_autoptr(IwdSecretStore) store = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("https://one.example.test/", "alice");
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  iwd_secret_store_lookup_field_secret (store, account, "Axa1", "Password", NULL, on_done, &result);
  password = iwd_secret_store_lookup_field_secret_finish (store, wait_for (&result), &error);

  g_assert_null (password);
  g_assert_error (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_UNAVAILABLE);
}

static void
test_offline_list_unavailable (void)
{
  g_autoptr(IwdSecretStore) store = iwd_secret_store_new (NULL);
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  iwd_secret_store_list_accounts (store, NULL, on_done, &result);
  accounts = iwd_secret_store_list_accounts_finish (store, wait_for (&result), &error);

  g_assert_null (accounts);
  g_assert_error (error, IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_UNAVAILABLE);
}

static void
test_offline_cancel_stays_cancelled (void)
{
  g_autoptr(IwdSecretStore) store = iwd_secret_store_new (NULL);
  g_autoptr(IwdAccountId) account = iwd_account_id_new ("https://one.example.test/", "alice");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  iwd_secret_store_clear_account (store, account, cancellable, on_done, &result);

  g_assert_false (iwd_secret_store_clear_account_finish (store, wait_for (&result), &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  /* Set before GIO reads it, which is at the first call. */
  g_setenv ("DBUS_SESSION_BUS_ADDRESS", NO_BUS_ADDRESS, TRUE);

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/stores/keyring-offline/store-unavailable", test_offline_store_unavailable);
  g_test_add_func ("/stores/keyring-offline/lookup-unavailable", test_offline_lookup_unavailable);
  g_test_add_func ("/stores/keyring-offline/list-unavailable", test_offline_list_unavailable);
  g_test_add_func ("/stores/keyring-offline/cancel-stays-cancelled", test_offline_cancel_stays_cancelled);

  return g_test_run ();
}
