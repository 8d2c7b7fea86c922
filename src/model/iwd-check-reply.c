/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-check-reply.h"

/**
 * IwdCheckReply:
 *
 * The reply to a credential check: success, or messages about the whole
 * form and about single fields.
 */
struct _IwdCheckReply
{
  GObject parent_instance;

  GPtrArray *messages;  /* owned, of IwdCheckMessage, in reply order */
  gboolean is_ok;       /* derived from messages */
};

enum {
  PROP_0,
  PROP_MESSAGES,
  PROP_IS_OK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_BOXED_TYPE (IwdCheckMessage, iwd_check_message,
                     iwd_check_message_copy, iwd_check_message_free)

G_DEFINE_FINAL_TYPE (IwdCheckReply, iwd_check_reply, G_TYPE_OBJECT)

static gboolean
message_says_ok (const IwdCheckMessage *message)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (message->message));

  return g_ascii_strcasecmp (trimmed, "Ok") == 0;
}

static gboolean
message_is_general (const IwdCheckMessage *message)
{
  return g_ascii_strcasecmp (message->key, IWD_CHECK_GENERAL_KEY) == 0;
}

/* Success is a General=Ok line with no other message that is not "Ok". */
static gboolean
messages_are_ok (GPtrArray *messages)
{
  gboolean general_ok = FALSE;

  for (guint i = 0; i < messages->len; i++)
    {
      const IwdCheckMessage *message = g_ptr_array_index (messages, i);

      if (!message_says_ok (message))
        return FALSE;
      general_ok |= message_is_general (message);
    }

  return general_ok;
}

static void
iwd_check_reply_constructed (GObject *object)
{
  IwdCheckReply *self = IWD_CHECK_REPLY (object);

  G_OBJECT_CLASS (iwd_check_reply_parent_class)->constructed (object);

  if (self->messages == NULL)
    self->messages = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_check_message_free);

  self->is_ok = messages_are_ok (self->messages);
}

static void
iwd_check_reply_finalize (GObject *object)
{
  IwdCheckReply *self = IWD_CHECK_REPLY (object);

  g_clear_pointer (&self->messages, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_check_reply_parent_class)->finalize (object);
}

static void
iwd_check_reply_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IwdCheckReply *self = IWD_CHECK_REPLY (object);

  switch (prop_id)
    {
    case PROP_MESSAGES:
      g_value_set_boxed (value, self->messages);
      break;
    case PROP_IS_OK:
      g_value_set_boolean (value, self->is_ok);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_check_reply_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IwdCheckReply *self = IWD_CHECK_REPLY (object);

  switch (prop_id)
    {
    case PROP_MESSAGES:
      self->messages = g_value_dup_boxed (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_check_reply_class_init (IwdCheckReplyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iwd_check_reply_constructed;
  object_class->finalize = iwd_check_reply_finalize;
  object_class->get_property = iwd_check_reply_get_property;
  object_class->set_property = iwd_check_reply_set_property;

  properties[PROP_MESSAGES] =
    g_param_spec_boxed ("messages", NULL, NULL, G_TYPE_PTR_ARRAY,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_IS_OK] =
    g_param_spec_boolean ("is-ok", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_check_reply_init (IwdCheckReply *self)
{
}

/**
 * iwd_check_message_new:
 * @key: the key before '='
 * @message: the text after '='
 *
 * Creates one line of a check reply.
 *
 * Returns: (transfer full): a new #IwdCheckMessage
 */
IwdCheckMessage *
iwd_check_message_new (const char *key,
                       const char *message)
{
  IwdCheckMessage *self = g_new0 (IwdCheckMessage, 1);

  self->key = g_strdup (key != NULL ? key : "");
  self->message = g_strdup (message != NULL ? message : "");
  return self;
}

/**
 * iwd_check_message_copy:
 * @self: a #IwdCheckMessage
 *
 * Copies a message.
 *
 * Returns: (transfer full): a new #IwdCheckMessage
 */
IwdCheckMessage *
iwd_check_message_copy (const IwdCheckMessage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return iwd_check_message_new (self->key, self->message);
}

/**
 * iwd_check_message_free:
 * @self: (nullable): a #IwdCheckMessage
 *
 * Frees a message.
 */
void
iwd_check_message_free (IwdCheckMessage *self)
{
  if (self == NULL)
    return;

  g_free (self->key);
  g_free (self->message);
  g_free (self);
}

/**
 * iwd_check_reply_new:
 * @messages: (element-type IwdCheckMessage) (transfer none): the reply's
 *   lines in order, with iwd_check_message_free() as their free function
 *
 * Creates a check reply. The reply takes a reference on @messages.
 *
 * Returns: (transfer full): a new #IwdCheckReply
 */
IwdCheckReply *
iwd_check_reply_new (GPtrArray *messages)
{
  g_return_val_if_fail (messages != NULL, NULL);

  return g_object_new (IWD_TYPE_CHECK_REPLY, "messages", messages, NULL);
}

/**
 * iwd_check_reply_get_is_ok:
 * @self: a #IwdCheckReply
 *
 * Gets whether the credentials were accepted: the reply has a
 * `General=Ok` line and no line with another message than "Ok" (case
 * and surrounding spaces ignored).
 *
 * Returns: %TRUE on success
 */
gboolean
iwd_check_reply_get_is_ok (IwdCheckReply *self)
{
  g_return_val_if_fail (IWD_IS_CHECK_REPLY (self), FALSE);

  return self->is_ok;
}

/**
 * iwd_check_reply_get_messages:
 * @self: a #IwdCheckReply
 *
 * Gets every line of the reply, in order, including keys that match no
 * field of the form, which the form shows with the general messages.
 *
 * Returns: (transfer none) (element-type IwdCheckMessage): the messages
 */
GPtrArray *
iwd_check_reply_get_messages (IwdCheckReply *self)
{
  g_return_val_if_fail (IWD_IS_CHECK_REPLY (self), NULL);

  return self->messages;
}

/**
 * iwd_check_reply_dup_general_messages:
 * @self: a #IwdCheckReply
 *
 * Collects the messages about the whole form, leaving out those that
 * are only "Ok".
 *
 * Returns: (transfer full): a %NULL-terminated array of messages
 */
char **
iwd_check_reply_dup_general_messages (IwdCheckReply *self)
{
  GPtrArray *general;

  g_return_val_if_fail (IWD_IS_CHECK_REPLY (self), NULL);

  general = g_ptr_array_new ();
  for (guint i = 0; i < self->messages->len; i++)
    {
      const IwdCheckMessage *message = g_ptr_array_index (self->messages, i);

      if (message_is_general (message) && !message_says_ok (message))
        g_ptr_array_add (general, g_strdup (message->message));
    }

  g_ptr_array_add (general, NULL);
  return (char **) g_ptr_array_free (general, FALSE);
}

/**
 * iwd_check_reply_lookup_message:
 * @self: a #IwdCheckReply
 * @json_key: a field's `JSon` key
 *
 * Finds the first message about one field that is not only "Ok".
 * Keys are compared ignoring ASCII case.
 *
 * Returns: (transfer none) (nullable): the message, or %NULL
 */
const char *
iwd_check_reply_lookup_message (IwdCheckReply *self,
                                const char    *json_key)
{
  g_return_val_if_fail (IWD_IS_CHECK_REPLY (self), NULL);
  g_return_val_if_fail (json_key != NULL, NULL);

  for (guint i = 0; i < self->messages->len; i++)
    {
      const IwdCheckMessage *message = g_ptr_array_index (self->messages, i);

      if (g_ascii_strcasecmp (message->key, json_key) == 0 && !message_says_ok (message))
        return message->message;
    }

  return NULL;
}
