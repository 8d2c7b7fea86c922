/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-check-reply.h"
#include "iwd-fuzz.h"

/* The sign-in page shows these messages, and GTK rejects invalid UTF-8. */
static void
check_messages (IwdCheckReply *reply)
{
  GPtrArray *messages = iwd_check_reply_get_messages (reply);

  for (guint i = 0; i < messages->len; i++)
    {
      IwdCheckMessage *message = g_ptr_array_index (messages, i);

      g_assert_true (message->key == NULL || g_utf8_validate (message->key, -1, NULL));
      g_assert_true (g_utf8_validate (message->message, -1, NULL));
    }
}

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
  if (reply == NULL)
    return 0;

  general = iwd_check_reply_dup_general_messages (reply);
  check_messages (reply);

  return 0;
}
