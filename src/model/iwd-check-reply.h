/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdCheckMessage:
 * @key: `General` for the whole form, or the `JSon` key of a field
 * @message: the message as the server wrote it
 *
 * One `Key=message` line of a credential check reply.
 */
typedef struct {
  char *key;
  char *message;
} IwdCheckMessage;

#define IWD_TYPE_CHECK_MESSAGE (iwd_check_message_get_type ())
#define IWD_TYPE_CHECK_REPLY (iwd_check_reply_get_type ())

/* The key of the messages about the whole form. */
#define IWD_CHECK_GENERAL_KEY "General"

GType            iwd_check_message_get_type (void) G_GNUC_CONST;
IwdCheckMessage *iwd_check_message_new      (const char            *key,
                                             const char            *message);
IwdCheckMessage *iwd_check_message_copy     (const IwdCheckMessage *self);
void             iwd_check_message_free     (IwdCheckMessage       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdCheckMessage, iwd_check_message_free)

G_DECLARE_FINAL_TYPE (IwdCheckReply, iwd_check_reply, IWD, CHECK_REPLY, GObject)

IwdCheckReply  *iwd_check_reply_new                  (GPtrArray     *messages);
gboolean        iwd_check_reply_get_is_ok            (IwdCheckReply *self);
GPtrArray      *iwd_check_reply_get_messages         (IwdCheckReply *self);
char          **iwd_check_reply_dup_general_messages (IwdCheckReply *self);
const char     *iwd_check_reply_lookup_message       (IwdCheckReply *self,
                                                      const char    *json_key);

G_END_DECLS
