/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-check-reply.h"

G_BEGIN_DECLS

IwdCheckReply *iwd_parse_check_reply (GBytes  *data,
                                      GError **error);

G_END_DECLS
