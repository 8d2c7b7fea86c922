/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "iwd-cli-output.h"

G_BEGIN_DECLS

GOptionContext *iwd_cli_command_context_new (const char      *command,
                                             const char      *parameters,
                                             const char      *summary);

gboolean        iwd_cli_command_parse       (GOptionContext  *context,
                                             GStrv           *args,
                                             guint            n_arguments,
                                             GError         **error);

gboolean        iwd_cli_command_get_format  (const char      *name,
                                             IwdCliFormat     fallback,
                                             IwdCliFormat    *out_format,
                                             GError         **error);

gboolean        iwd_cli_write_stdout        (GString         *text,
                                             gsize            threshold);

G_END_DECLS
