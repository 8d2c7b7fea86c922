/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

const char *iwd_test_keyring_skip_reason (void);

G_END_DECLS
