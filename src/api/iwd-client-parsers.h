/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The parsers of src/parse and src/table, in the one shape that the
 * request path calls (IwdReplyParser). */

gpointer iwd_client_parse_companies        (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_fields           (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_check_reply      (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_profiles         (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_robot_errors     (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_contracts        (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_commissions_tsv  (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);
gpointer iwd_client_parse_commissions_json (GBytes        *body,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
