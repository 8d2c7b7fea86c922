/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

gboolean iwd_json_member_get_string  (JsonObject  *object,
                                      const char  *key,
                                      char       **out_value,
                                      GError     **error);

gboolean iwd_json_member_get_int64   (JsonObject  *object,
                                      const char  *key,
                                      gint64      *out_value,
                                      GError     **error);

gboolean iwd_json_member_get_boolean (JsonObject  *object,
                                      const char  *key,
                                      gboolean    *out_value,
                                      GError     **error);

G_END_DECLS
