/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "iwd-logo-error.h"

G_DEFINE_QUARK (iwd-logo-error-quark, iwd_logo_error)
