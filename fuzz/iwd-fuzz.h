/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <stddef.h>
#include <stdint.h>

#include <glib-object.h>

G_BEGIN_DECLS

/* libFuzzer calls this once per input. The replay test compiles each
 * target with this name redefined, so that one executable contains them all. */
int      LLVMFuzzerTestOneInput (const uint8_t *data,
                                 size_t         size);

void     iwd_fuzz_init          (void);
GBytes  *iwd_fuzz_wrap_bytes    (const uint8_t *data,
                                 size_t         size);
char    *iwd_fuzz_dup_string    (const uint8_t *data,
                                 size_t         size);
void     iwd_fuzz_check_strings (GPtrArray     *objects);

G_END_DECLS
