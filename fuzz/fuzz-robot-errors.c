/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-robot-errors.h"
#include "iwd-fuzz.h"

/* Feeds the input to the parser of the Robot API's error list. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) items = NULL;

  iwd_fuzz_init ();

  bytes = iwd_fuzz_wrap_bytes (data, size);
  items = iwd_parse_robot_errors (bytes, NULL);
  iwd_fuzz_check_strings (items);

  return 0;
}
