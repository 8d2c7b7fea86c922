/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <unistd.h>

#include "iwd-account-state.h"
#include "iwd-secret-store.h"
#include "iwd-test-keyring.h"

/* These tests write to the keyring of the session bus they run on, so
 * they run only against a private keyring: see skip_reason(). */

typedef struct {
  IwdSecretStore *store;
  IwdAccountId   *alice;      /* server one */
  IwdAccountId   *bob;        /* server one */
  IwdAccountId   *alice_two;  /* the same login on server two */
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
store_account (Fixture            *fixture,
               const IwdAccountId *account,
               const char         *password)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_store_account_password (fixture->store, account, password, NULL, on_done, &result);
  iwd_secret_store_store_account_password_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
}

static char *
lookup_account (Fixture            *fixture,
                const IwdAccountId *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  iwd_secret_store_lookup_account_password (fixture->store, account, NULL, on_done, &result);
  password = iwd_secret_store_lookup_account_password_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);

  return password;
}

static void
store_field (Fixture            *fixture,
             const IwdAccountId *account,
             const char         *profile_id,
             const char         *field_key,
             const char         *secret)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_store_field_secret (fixture->store, account, profile_id, field_key, secret,
                                       NULL, on_done, &result);
  iwd_secret_store_store_field_secret_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);
}

static char *
lookup_field (Fixture            *fixture,
              const IwdAccountId *account,
              const char         *profile_id,
              const char         *field_key)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  iwd_secret_store_lookup_field_secret (fixture->store, account, profile_id, field_key,
                                        NULL, on_done, &result);
  secret = iwd_secret_store_lookup_field_secret_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);

  return secret;
}

static void
clear_account (Fixture            *fixture,
               const IwdAccountId *account)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;

  iwd_secret_store_clear_account (fixture->store, account, NULL, on_done, &result);
  g_assert_true (iwd_secret_store_clear_account_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  fixture->store = iwd_secret_store_new (NULL);
  fixture->alice = iwd_account_id_new ("https://one.example.test/", "alice");
  fixture->bob = iwd_account_id_new ("https://one.example.test/", "bob");
  fixture->alice_two = iwd_account_id_new ("https://two.example.test/", "alice");

  clear_account (fixture, fixture->alice);
  clear_account (fixture, fixture->bob);
  clear_account (fixture, fixture->alice_two);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  clear_account (fixture, fixture->alice);
  clear_account (fixture, fixture->bob);
  clear_account (fixture, fixture->alice_two);

  g_assert_finalize_object (fixture->store);
  iwd_account_id_free (fixture->alice);
  iwd_account_id_free (fixture->bob);
  iwd_account_id_free (fixture->alice_two);
}

static void
test_keyring_account_password (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  store_account (fixture, fixture->alice, "first secret");
  store_account (fixture, fixture->alice, "second secret");
  password = lookup_account (fixture, fixture->alice);
  g_assert_cmpstr (password, ==, "second secret");
  secret_password_free (password);

  iwd_secret_store_clear_account_password (fixture->store, fixture->alice, NULL, on_done, &result);
  g_assert_true (iwd_secret_store_clear_account_password_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);

  password = lookup_account (fixture, fixture->alice);
  g_assert_null (password);
}

static void
test_keyring_accounts_apart (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *password;

  store_account (fixture, fixture->alice, "alice one");
  store_account (fixture, fixture->bob, "bob one");
  store_account (fixture, fixture->alice_two, "alice two");

  password = lookup_account (fixture, fixture->alice);
  g_assert_cmpstr (password, ==, "alice one");
  secret_password_free (password);
  password = lookup_account (fixture, fixture->bob);
  g_assert_cmpstr (password, ==, "bob one");
  secret_password_free (password);
  password = lookup_account (fixture, fixture->alice_two);
  g_assert_cmpstr (password, ==, "alice two");
  secret_password_free (password);

  iwd_secret_store_clear_account_password (fixture->store, fixture->alice, NULL, on_done, &result);
  iwd_secret_store_clear_account_password_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);

  g_assert_null (lookup_account (fixture, fixture->alice));
  password = lookup_account (fixture, fixture->alice_two);
  g_assert_cmpstr (password, ==, "alice two");
  secret_password_free (password);
}

static void
test_keyring_list_accounts (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = NULL;

  /* Bob has only a field secret: he is not an account with a password. */
  store_account (fixture, fixture->alice_two, "alice two");
  store_account (fixture, fixture->alice, "alice one");
  store_field (fixture, fixture->bob, "Axa1", "Password", "axa secret");

  iwd_secret_store_list_accounts (fixture->store, NULL, on_done, &result);
  accounts = iwd_secret_store_list_accounts_finish (fixture->store, wait_for (&result), &error);
  g_assert_no_error (error);

  g_assert_cmpuint (accounts->len, ==, 2);
  g_assert_true (iwd_account_id_equal (g_ptr_array_index (accounts, 0), fixture->alice));
  g_assert_true (iwd_account_id_equal (g_ptr_array_index (accounts, 1), fixture->alice_two));
}

static void
test_keyring_field_secrets (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  char *secret;

  store_account (fixture, fixture->alice, "alice one");
  store_field (fixture, fixture->alice, "Axa1", "Password", "axa password");
  store_field (fixture, fixture->alice, "Axa1", "Pin", "1234");
  store_field (fixture, fixture->alice, "April1", "Password", "april password");

  secret = lookup_field (fixture, fixture->alice, "Axa1", "Password");
  g_assert_cmpstr (secret, ==, "axa password");
  secret_password_free (secret);
  secret = lookup_field (fixture, fixture->alice, "Axa1", "Pin");
  g_assert_cmpstr (secret, ==, "1234");
  secret_password_free (secret);

  iwd_secret_store_clear_profile_secrets (fixture->store, fixture->alice, "Axa1", NULL, on_done, &result);
  g_assert_true (iwd_secret_store_clear_profile_secrets_finish (fixture->store, wait_for (&result), &error));
  g_assert_no_error (error);

  g_assert_null (lookup_field (fixture, fixture->alice, "Axa1", "Password"));
  g_assert_null (lookup_field (fixture, fixture->alice, "Axa1", "Pin"));
  secret = lookup_field (fixture, fixture->alice, "April1", "Password");
  g_assert_cmpstr (secret, ==, "april password");
  secret_password_free (secret);
  secret = lookup_account (fixture, fixture->alice);
  g_assert_cmpstr (secret, ==, "alice one");
  secret_password_free (secret);
}

static void
test_keyring_clear_account (Fixture       *fixture,
                            gconstpointer  user_data)
{
  char *secret;

  store_account (fixture, fixture->alice, "alice one");
  store_field (fixture, fixture->alice, "Axa1", "Password", "alice axa");
  store_account (fixture, fixture->bob, "bob one");
  store_field (fixture, fixture->bob, "Axa1", "Password", "bob axa");
  store_field (fixture, fixture->alice_two, "Axa1", "Password", "alice two axa");

  clear_account (fixture, fixture->alice);

  g_assert_null (lookup_account (fixture, fixture->alice));
  g_assert_null (lookup_field (fixture, fixture->alice, "Axa1", "Password"));
  secret = lookup_account (fixture, fixture->bob);
  g_assert_cmpstr (secret, ==, "bob one");
  secret_password_free (secret);
  secret = lookup_field (fixture, fixture->bob, "Axa1", "Password");
  g_assert_cmpstr (secret, ==, "bob axa");
  secret_password_free (secret);
  secret = lookup_field (fixture, fixture->alice_two, "Axa1", "Password");
  g_assert_cmpstr (secret, ==, "alice two axa");
  secret_password_free (secret);
}

static guint
count_in_file (const char *path,
               const char *needle)
{
  g_autofree char *contents = NULL;
  gsize length;
  gsize needle_length = strlen (needle);
  guint count = 0;

  if (!g_file_get_contents (path, &contents, &length, NULL))
    return 0;

  for (gsize i = 0; i + needle_length <= length; i++)
    {
      if (memcmp (contents + i, needle, needle_length) == 0)
        count++;
    }

  return count;
}

/* Counts @needle in every regular file under @path, without following
 * symbolic links. */
static guint
count_in_tree (const char *path,
               const char *needle)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;
  guint count = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        continue;
      if (g_file_test (child, G_FILE_TEST_IS_DIR))
        count += count_in_tree (child, needle);
      else if (g_file_test (child, G_FILE_TEST_IS_REGULAR))
        count += count_in_file (child, needle);
    }

  return count;
}

static void
save_state_with_secret_field (const IwdAccountId *account)
{
  g_autoptr(IwdAccountState) state = iwd_account_state_new (g_get_user_data_dir (), account);
  g_autoptr(IwdProfileRecord) record = iwd_profile_record_new ("Axa1", "axa");
  g_autoptr(GError) error = NULL;

  g_strfreev (record->secret_keys);
  record->secret_keys = g_strdupv ((char *[]) { (char *) "Password", NULL });
  json_object_set_string_member (record->values, "Login", "alice-at-axa");

  iwd_account_state_set_profile (state, record, &error);
  g_assert_no_error (error);
  iwd_account_state_save (state, &error);
  g_assert_no_error (error);
}

static void
test_keyring_no_leak (Fixture       *fixture,
                      gconstpointer  user_data)
{
  g_autofree char *account_uuid = g_uuid_string_random ();
  g_autofree char *field_uuid = g_uuid_string_random ();
  g_autofree char *account_password = g_strconcat ("acct-", account_uuid, NULL);
  g_autofree char *field_secret = g_strconcat ("field-", field_uuid, NULL);
  const char *roots[] = {
    g_get_home_dir (), g_get_user_data_dir (), g_get_user_config_dir (),
    g_get_user_cache_dir (), g_get_user_state_dir (), g_get_user_runtime_dir (),
  };

  store_account (fixture, fixture->alice, account_password);
  store_field (fixture, fixture->alice, "Axa1", "Password", field_secret);
  save_state_with_secret_field (fixture->alice);

  for (gsize i = 0; i < G_N_ELEMENTS (roots); i++)
    {
      g_assert_cmpuint (count_in_tree (roots[i], account_password), ==, 0);
      g_assert_cmpuint (count_in_tree (roots[i], field_secret), ==, 0);
    }
}

/* Returns why the keyring tests cannot run here, or NULL if they can. */
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

  ADD ("/stores/keyring/account-password", test_keyring_account_password);
  ADD ("/stores/keyring/accounts-apart", test_keyring_accounts_apart);
  ADD ("/stores/keyring/list-accounts", test_keyring_list_accounts);
  ADD ("/stores/keyring/field-secrets", test_keyring_field_secrets);
  ADD ("/stores/keyring/clear-account", test_keyring_clear_account);
  ADD ("/stores/keyring/no-leak", test_keyring_no_leak);
#undef ADD

  return g_test_run ();
}
