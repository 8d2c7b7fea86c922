/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-history-fetch.h"

G_BEGIN_DECLS

char *iwd_fetch_label_format_date (GDateTime             *when);
char *iwd_fetch_label_new         (const IwdHistoryFetch *fetch);
GStrv iwd_fetch_label_new_list    (GPtrArray             *fetches);

G_END_DECLS
