/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-table.h"

G_BEGIN_DECLS

IwdTable *history_test_table_new          (const char * const *keys,
                                           const char * const *cells,
                                           guint               n_rows);
IwdTable *history_test_table_contracts    (guint               n_rows,
                                           guint               first_number);
void      history_test_table_assert_equal (IwdTable           *expected,
                                           IwdTable           *actual);
guint     history_test_table_column       (IwdTable           *table,
                                           const char         *key);

G_END_DECLS
