/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-commissions-tsv.h"

G_BEGIN_DECLS

char *iwd_bad_line_dup_message (const IwdTsvBadLine *bad_line);

G_END_DECLS
