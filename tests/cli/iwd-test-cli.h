/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/*
 * IwdTestCliRun:
 *
 * The outcome of one run of iwdesk-cli as a subprocess.
 */
typedef struct {
  int    exit_status;
  char  *out;
  char  *err;
} IwdTestCliRun;

void    iwd_test_cli_run_clear (IwdTestCliRun       *run);
void    iwd_test_cli_run       (IwdTestCliRun       *run,
                                const char          *stdin_text,
                                const char * const  *args);
void    iwd_test_cli_run_with_keyring
                               (IwdTestCliRun       *run,
                                const char          *stdin_text,
                                const char * const  *args);
char   *iwd_test_cli_data_path (const char          *name);
GStrv   iwd_test_cli_lines     (const char          *text);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (IwdTestCliRun, iwd_test_cli_run_clear)

G_END_DECLS
