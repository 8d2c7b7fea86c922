/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_LOGO_ERROR (iwd_logo_error_quark ())

/**
 * IwdLogoError:
 * @IWD_LOGO_ERROR_NOT_FOUND: the site has no logo for the company (HTTP
 *   404)
 * @IWD_LOGO_ERROR_INVALID_IMAGE: the site sent bytes that are not a
 *   decodable image
 *
 * Errors of the logo cache that no retry within the session can fix.
 * Messages are English, for logs; the companies page draws a placeholder
 * instead of showing them.
 */
typedef enum {
  IWD_LOGO_ERROR_NOT_FOUND,
  IWD_LOGO_ERROR_INVALID_IMAGE,
} IwdLogoError;

GQuark iwd_logo_error_quark (void);

G_END_DECLS
