/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

/**
 * IwdSandboxFillFunc:
 * @state: the generator's state
 * @chunk: an empty string to append the next chunk to, in UTF-8
 *
 * Generates the next part of a streamed body.
 *
 * Returns: %TRUE if more chunks follow, %FALSE if this one is the last
 */
typedef gboolean (*IwdSandboxFillFunc) (gpointer  state,
                                        GString  *chunk);

void iwd_sandbox_stream_start (SoupServerMessage  *message,
                               const char         *content_type,
                               const char         *charset,
                               IwdSandboxFillFunc  fill,
                               gpointer            state,
                               GDestroyNotify      state_free);

G_END_DECLS
