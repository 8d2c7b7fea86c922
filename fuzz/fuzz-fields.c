/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-fields.h"
#include "iwd-fuzz.h"

/* Feeds the input to the parser of a company's credential field schema,
 * then to the parser of a ListeValeur choice list on its own. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) fields = NULL;
  g_autoptr(GPtrArray) choices = NULL;
  g_autofree char *list = NULL;
  gboolean irregular;

  iwd_fuzz_init ();

  bytes = iwd_fuzz_wrap_bytes (data, size);
  fields = iwd_parse_field_schema (bytes, NULL);
  iwd_fuzz_check_strings (fields);

  list = iwd_fuzz_dup_string (data, size);
  choices = iwd_parse_choice_list (list, &irregular);

  return 0;
}
