/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <pwd.h>
#include <unistd.h>

#include "iwd-secret-store.h"

/* These tests lock the default collection of the keyring that
 * build-aux/dev test starts, so they run in their own executable and
 * never in parallel with the other keyring tests. */

/* The password build-aux/dev gives gnome-keyring-daemon --unlock. It
 * protects only the temporary keyring of a test run. */
#define KEYRING_PASSWORD "iwdesk-tests"

#define SERVICE_NAME "org.freedesktop.secrets"
#define SERVICE_PATH "/org/freedesktop/secrets"

typedef struct {
  IwdSecretStore   *store;
  IwdAccountId     *alice;
  SecretService    *service;
  SecretCollection *collection;  /* the default one */
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

static GVariant *
call_bus (const char         *name,
          const char         *path,
          const char         *interface,
          const char         *method,
          GVariant           *parameters,
          const GVariantType *reply_type)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GError) error = NULL;
  GVariant *reply;

  reply = g_dbus_connection_call_sync (bus, name, path, interface, method, parameters,
                                       reply_type, G_DBUS_CALL_FLAGS_NONE, -1, NULL, &error);
  g_assert_no_error (error);

  return reply;
}

/* gnome-keyring requests the password through a prompter that the bus
 * starts on demand. Under Xvfb its dialog would wait for a click that
 * never comes, so it gets no display and fails at once, as when headless. */
static void
set_prompter_display (const char *display)
{
  g_autoptr(GVariantBuilder) builder = g_variant_builder_new (G_VARIANT_TYPE ("a{ss}"));
  g_autoptr(GVariant) reply = NULL;

  g_variant_builder_add (builder, "{ss}", "DISPLAY", display);
  g_variant_builder_add (builder, "{ss}", "WAYLAND_DISPLAY", "");
  reply = call_bus ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus",
                    "UpdateActivationEnvironment", g_variant_new ("(a{ss})", builder), NULL);
}

/* Reads the Locked property from the daemon, because the proxy's cached
 * value may be stale. */
static gboolean
is_collection_locked (Fixture *fixture)
{
  const char *path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (fixture->collection));
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = call_bus (SERVICE_NAME, path, "org.freedesktop.DBus.Properties", "Get",
                    g_variant_new ("(ss)", "org.freedesktop.Secret.Collection", "Locked"),
                    G_VARIANT_TYPE ("(v)"));
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_boolean (value);
}

static void
lock_collection (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autolist(GDBusProxy) locked = NULL;
  GList *objects = g_list_append (NULL, fixture->collection);

  secret_service_lock_sync (fixture->service, objects, NULL, &locked, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_true (is_collection_locked (fixture));
}

static char *
open_plain_session (void)
{
  g_autoptr(GVariant) reply = NULL;
  char *session = NULL;

  reply = call_bus (SERVICE_NAME, SERVICE_PATH, "org.freedesktop.Secret.Service", "OpenSession",
                    g_variant_new ("(sv)", "plain", g_variant_new_string ("")),
                    G_VARIANT_TYPE ("(vo)"));
  g_variant_get (reply, "(@vo)", NULL, &session);

  return session;
}

/* The Unlock method of the Secret Service API returns a prompt for a
 * locked collection, so the collection is unlocked through
 * gnome-keyring's own interface, which takes the password. */
static void
unlock_collection (Fixture *fixture)
{
  g_autofree char *session = open_plain_session ();
  const char *path = g_dbus_proxy_get_object_path (G_DBUS_PROXY (fixture->collection));
  g_autoptr(GVariant) reply = NULL;
  GVariant *secret;

  secret = g_variant_new ("(o@ay@ays)", session,
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, "", 0, 1),
                          g_variant_new_fixed_array (G_VARIANT_TYPE_BYTE, KEYRING_PASSWORD,
                                                     strlen (KEYRING_PASSWORD), 1),
                          "text/plain");
  reply = call_bus (SERVICE_NAME, SERVICE_PATH,
                    "org.gnome.keyring.InternalUnsupportedGuiltRiddenInterface",
                    "UnlockWithMasterPassword", g_variant_new ("(o@(oayays))", path, secret), NULL);
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
open_default_collection (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;

  fixture->service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);

  fixture->collection = secret_collection_for_alias_sync (fixture->service, SECRET_COLLECTION_DEFAULT,
                                                          SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (fixture->collection);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->store = iwd_secret_store_new (NULL);
  fixture->alice = iwd_account_id_new ("https://one.example.test/", "alice");
  open_default_collection (fixture);

  store_alice (fixture, &error);
  g_assert_no_error (error);

  set_prompter_display ("");
  lock_collection (fixture);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  unlock_collection (fixture);
  g_assert_false (is_collection_locked (fixture));
  set_prompter_display (g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : "");
  clear_alice (fixture);

  g_assert_finalize_object (fixture->store);
  iwd_account_id_free (fixture->alice);
  g_clear_object (&fixture->collection);
  g_clear_object (&fixture->service);
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

  unlock_collection (fixture);
  password = lookup_alice (fixture, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (password, ==, "pw-alice");
}

static gboolean
is_real_home (void)
{
  struct passwd *entry = getpwuid (getuid ());
  const char *home = g_getenv ("HOME");

  return home == NULL || (entry != NULL && g_str_equal (home, entry->pw_dir));
}

static gboolean
has_secret_service (void)
{
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  g_autoptr(GVariant) reply = NULL;
  gboolean has_owner = FALSE;

  if (bus == NULL)
    return FALSE;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "NameHasOwner",
                                       g_variant_new ("(s)", SERVICE_NAME),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/* Returns why these tests cannot run here, or NULL if they can. */
static const char *
skip_reason (void)
{
  if (is_real_home ())
    return "HOME is the user's real home: these tests lock only a private keyring";

  if (!has_secret_service ())
    return "nothing owns org.freedesktop.secrets on the session bus";

  return NULL;
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
