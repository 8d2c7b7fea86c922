/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

void iwd_fuzz_read_table (IwdTable *table);

G_END_DECLS
