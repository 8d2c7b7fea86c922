/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char       *iwd_form_draft_dup_path (const char  *account_dir,
                                     const char  *company,
                                     const char  *profile_id);
gboolean    iwd_form_draft_save     (const char  *path,
                                     JsonObject  *draft,
                                     GError     **error);
JsonObject *iwd_form_draft_load     (const char  *path,
                                     GError     **error);
gboolean    iwd_form_draft_delete   (const char  *path,
                                     GError     **error);

G_END_DECLS
