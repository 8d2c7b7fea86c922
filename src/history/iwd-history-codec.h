/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-table.h"

G_BEGIN_DECLS

/* The version that iwd_history_codec_encode() writes. */
#define IWD_HISTORY_CODEC_VERSION 1

GBytes   *iwd_history_codec_encode (IwdTable      *table);
IwdTable *iwd_history_codec_decode (gconstpointer  data,
                                    gsize          size,
                                    GError       **error);

G_END_DECLS
