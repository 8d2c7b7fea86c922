/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-commissions-tsv.h"

G_BEGIN_DECLS

IwdTable *iwd_parse_commissions_tsv_in_parts (GBytes     *data,
                                              guint       n_parts,
                                              GPtrArray **out_bad_lines,
                                              GError    **error);

G_END_DECLS
