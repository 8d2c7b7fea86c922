/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-profile.h"

G_BEGIN_DECLS

GPtrArray *iwd_parse_profiles (GBytes  *data,
                               GError **error);

G_END_DECLS
