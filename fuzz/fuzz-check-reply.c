/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-check-reply.h"
#include "iwd-fuzz.h"

/* Feeds the input to the parser of the reply to a credential check, and
 * reads the general messages back, as the sign-in page shows them. */
int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IwdCheckReply) reply = NULL;
  g_auto(GStrv) general = NULL;

  iwd_fuzz_init ();

  bytes = iwd_fuzz_wrap_bytes (data, size);
  reply = iwd_parse_check_reply (bytes, NULL);
  if (reply != NULL)
    general = iwd_check_reply_dup_general_messages (reply);

  return 0;
}
