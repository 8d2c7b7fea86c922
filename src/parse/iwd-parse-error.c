/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"

G_DEFINE_QUARK (iwd-parse-error-quark, iwd_parse_error)
