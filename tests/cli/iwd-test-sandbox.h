/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * IwdTestSandbox:
 *
 * An iwdesk-sandbox process that a CLI test starts on a free loopback
 * port, and the base URL it prints once it listens.
 */
typedef struct {
  GSubprocess *process;
  char        *url;
} IwdTestSandbox;

void  iwd_test_sandbox_start (IwdTestSandbox *sandbox,
                              const char     *first_option,
                              ...);
void  iwd_test_sandbox_stop  (IwdTestSandbox *sandbox);
void  iwd_test_sandbox_add_account_args
                             (IwdTestSandbox *sandbox,
                              GPtrArray      *args);

char *iwd_test_make_data_dir (const char     *name);
void  iwd_test_remove_tree   (const char     *path);

G_END_DECLS
