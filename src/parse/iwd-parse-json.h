/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

JsonArray  *iwd_parse_json_array       (GBytes     *data,
                                        GError    **error);

JsonObject *iwd_parse_json_item_object (JsonArray  *array,
                                        guint       index,
                                        GError    **error);

gboolean    iwd_parse_json_require     (JsonObject *object,
                                        const char *key,
                                        guint       index,
                                        GError    **error);

gboolean    iwd_parse_json_check_utf8  (JsonNode   *root,
                                        GError    **error);

gboolean    iwd_parse_json_check_nesting (const char  *text,
                                          gsize        length,
                                          GError     **error);

G_END_DECLS
