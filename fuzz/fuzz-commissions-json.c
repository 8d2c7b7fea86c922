/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-commissions-json.h"
#include "iwd-fuzz.h"
#include "iwd-fuzz-table.h"

/* Feeds the input to the parser of a commission statement (bordereau)
 * in JSON, and reads back every cell of the table it builds. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IwdTable) table = NULL;

  iwd_fuzz_init ();

  bytes = iwd_fuzz_wrap_bytes (data, size);
  table = iwd_parse_commissions_json (bytes, NULL, NULL);
  if (table != NULL)
    iwd_fuzz_read_table (table);

  return 0;
}
