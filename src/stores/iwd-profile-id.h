/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *iwd_profile_id_dup_problem (const char         *id,
                                  const char * const *taken_ids);

G_END_DECLS
