/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-test-keyring.h"

#include <gio/gio.h>
#include <pwd.h>
#include <unistd.h>

/* The guard of every test that writes to or locks a keyring: such a test
 * runs only in a private HOME with its own keyring daemon, as
 * build-aux/dev test starts them, never against a user's keyring. */

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
                                       g_variant_new ("(s)", "org.freedesktop.secrets"),
                                       G_VARIANT_TYPE ("(b)"), G_DBUS_CALL_FLAGS_NONE,
                                       -1, NULL, NULL);
  if (reply != NULL)
    g_variant_get (reply, "(b)", &has_owner);

  return has_owner;
}

/**
 * iwd_test_keyring_skip_reason:
 *
 * Tells why a test that uses the keyring cannot run here.
 *
 * Returns: the reason, for "1..0 # SKIP reason", or %NULL if the test
 *   can run
 */
const char *
iwd_test_keyring_skip_reason (void)
{
  if (is_real_home ())
    return "HOME is the user's real home: this test runs only with a private HOME and keyring";

  if (!has_secret_service ())
    return "nothing owns org.freedesktop.secrets on the session bus";

  return NULL;
}
