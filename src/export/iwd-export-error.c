/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-export-error.h"

G_DEFINE_QUARK (iwd-export-error-quark, iwd_export_error)
