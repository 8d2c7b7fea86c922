/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-field.h"

G_BEGIN_DECLS

GPtrArray *iwd_parse_field_schema (GBytes  *data,
                                   GError **error);

GPtrArray *iwd_parse_choice_list  (const char *list,
                                   gboolean   *out_irregular);

G_END_DECLS
