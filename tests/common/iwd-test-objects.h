/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

void iwd_test_assert_finalized_soon (gpointer object);

G_END_DECLS
