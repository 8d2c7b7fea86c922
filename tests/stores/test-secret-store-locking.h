/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsecret/secret.h>

G_BEGIN_DECLS

/* Helpers that lock and unlock the default collection of the keyring that
 * build-aux/dev test starts. A test that locks it must not run in
 * parallel with other keyring tests. */

void     keyring_lock_default      (void);
void     keyring_unlock_default    (void);
gboolean keyring_is_default_locked (void);

G_END_DECLS
