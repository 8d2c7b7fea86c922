/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-history-error.h"

G_DEFINE_QUARK (iwd-history-error-quark, iwd_history_error)
