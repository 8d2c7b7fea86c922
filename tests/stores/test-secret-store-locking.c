/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "test-secret-store-locking.h"

/* The password build-aux/dev gives gnome-keyring-daemon --unlock. It
 * protects only the temporary keyring of a test run. */
#define KEYRING_PASSWORD "iwdesk-tests"

#define SERVICE_NAME "org.freedesktop.secrets"
#define SERVICE_PATH "/org/freedesktop/secrets"

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

static SecretCollection *
get_default_collection (void)
{
  g_autoptr(SecretService) service = NULL;
  g_autoptr(GError) error = NULL;
  SecretCollection *collection;

  service = secret_service_get_sync (SECRET_SERVICE_LOAD_COLLECTIONS, NULL, &error);
  g_assert_no_error (error);

  collection = secret_collection_for_alias_sync (service, SECRET_COLLECTION_DEFAULT,
                                                 SECRET_COLLECTION_NONE, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (collection);

  return collection;
}

static char *
dup_default_collection_path (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection ();

  return g_strdup (g_dbus_proxy_get_object_path (G_DBUS_PROXY (collection)));
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

/**
 * keyring_is_default_locked:
 *
 * Reads the Locked property from the daemon, because the cached value of
 * a libsecret proxy may be stale.
 *
 * Returns: whether the default collection is locked
 */
gboolean
keyring_is_default_locked (void)
{
  g_autofree char *path = dup_default_collection_path ();
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariant) value = NULL;

  reply = call_bus (SERVICE_NAME, path, "org.freedesktop.DBus.Properties", "Get",
                    g_variant_new ("(ss)", "org.freedesktop.Secret.Collection", "Locked"),
                    G_VARIANT_TYPE ("(v)"));
  g_variant_get (reply, "(v)", &value);

  return g_variant_get_boolean (value);
}

/**
 * keyring_lock_default:
 *
 * Locks the default collection and makes any unlock prompt fail at once.
 */
void
keyring_lock_default (void)
{
  g_autoptr(SecretCollection) collection = get_default_collection ();
  g_autolist(GDBusProxy) locked = NULL;
  g_autoptr(GError) error = NULL;
  GList *objects = g_list_append (NULL, collection);

  set_prompter_display ("");

  secret_service_lock_sync (secret_collection_get_service (collection), objects, NULL, &locked, &error);
  g_list_free (objects);
  g_assert_no_error (error);
  g_assert_true (keyring_is_default_locked ());
}

/**
 * keyring_unlock_default:
 *
 * Unlocks the default collection with its password and gives the
 * prompter the display again. The Unlock method of the Secret Service
 * API returns a prompt for a locked collection, so this goes through
 * gnome-keyring's own interface, which takes the password.
 */
void
keyring_unlock_default (void)
{
  g_autofree char *session = open_plain_session ();
  g_autofree char *path = dup_default_collection_path ();
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

  set_prompter_display (g_getenv ("DISPLAY") != NULL ? g_getenv ("DISPLAY") : "");
  g_assert_false (keyring_is_default_locked ());
}
