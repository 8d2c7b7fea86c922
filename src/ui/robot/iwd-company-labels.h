/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

const char *iwd_company_labels_lookup (GListModel *companies,
                                       const char *code);

G_END_DECLS
