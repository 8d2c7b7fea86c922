/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "iwd-profile-record.h"
#include "iwd-state-error.h"

G_DEFINE_BOXED_TYPE (IwdProfileRecord, iwd_profile_record,
                     iwd_profile_record_copy, iwd_profile_record_free)

static JsonNode *
strv_to_json (const char * const *strv)
{
  g_autoptr(JsonArray) array = json_array_new ();

  for (gsize i = 0; strv != NULL && strv[i] != NULL; i++)
    json_array_add_string_element (array, strv[i]);

  return json_node_init_array (json_node_alloc (), array);
}

/* json_object_get_string_member_with_default() fails a critical check
 * when the member is an object or an array, as a hand-edited file may
 * have it. Any member that is not a string counts as missing here. */
static const char *
lookup_string_member (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

/* Reads an optional array of strings: a missing member gives an empty
 * array, anything but an array of strings is invalid. */
static GStrv
read_optional_strv (JsonObject  *object,
                    const char  *member,
                    const char  *id,
                    GError     **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonNode *node = json_object_get_member (object, member);
  JsonArray *array;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return g_strv_builder_end (builder);

  if (!JSON_NODE_HOLDS_ARRAY (node))
    goto invalid;

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (builder, json_node_get_string (element));
    }

  return g_strv_builder_end (builder);

invalid:
  g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
               "profile “%s”: “%s” is not an array of strings", id, member);
  return NULL;
}

static JsonObject *
read_optional_values (JsonObject  *object,
                      const char  *id,
                      GError     **error)
{
  JsonNode *node = json_object_get_member (object, "values");

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return json_object_new ();

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "profile “%s”: “values” is not an object", id);
      return NULL;
    }

  return json_node_dup_object (node);
}

/* A file edited by hand, or written by a buggy version, may contain a
 * value under a key marked secret. Such a value is dropped, not kept. */
static void
drop_secret_values (IwdProfileRecord *self)
{
  for (gsize i = 0; self->secret_keys[i] != NULL; i++)
    {
      if (!json_object_has_member (self->values, self->secret_keys[i]))
        continue;

      g_message ("stores: profile %s: dropped the stored value of secret field %s",
                 self->id, self->secret_keys[i]);
      json_object_remove_member (self->values, self->secret_keys[i]);
    }
}

/**
 * iwd_profile_record_new:
 * @id: the profile id
 * @company: the company, as named in the company list
 *
 * Creates a record with no methods, values or secret keys.
 *
 * Returns: (transfer full): a new #IwdProfileRecord
 */
IwdProfileRecord *
iwd_profile_record_new (const char *id,
                        const char *company)
{
  IwdProfileRecord *self;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (company != NULL, NULL);

  self = g_new0 (IwdProfileRecord, 1);
  self->id = g_strdup (id);
  self->company = g_strdup (company);
  self->methods = g_new0 (char *, 1);
  self->values = json_object_new ();
  self->secret_keys = g_new0 (char *, 1);

  return self;
}

/**
 * iwd_profile_record_copy:
 * @self: a profile record
 *
 * Returns: (transfer full): a deep copy of @self
 */
IwdProfileRecord *
iwd_profile_record_copy (const IwdProfileRecord *self)
{
  IwdProfileRecord *copy;
  g_autoptr(JsonNode) values = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_new0 (IwdProfileRecord, 1);
  copy->id = g_strdup (self->id);
  copy->company = g_strdup (self->company);
  copy->methods = g_strdupv (self->methods);
  copy->secret_keys = g_strdupv (self->secret_keys);

  values = json_node_init_object (json_node_alloc (), self->values);
  copy->values = json_node_dup_object (values);

  return copy;
}

/**
 * iwd_profile_record_free:
 * @self: (nullable): a profile record
 *
 * Frees @self and everything it owns.
 */
void
iwd_profile_record_free (IwdProfileRecord *self)
{
  if (self == NULL)
    return;

  g_free (self->id);
  g_free (self->company);
  g_strfreev (self->methods);
  g_clear_pointer (&self->values, json_object_unref);
  g_strfreev (self->secret_keys);
  g_free (self);
}

/**
 * iwd_profile_record_is_secret_key:
 * @self: a profile record
 * @key: a `JSon` key
 *
 * Returns: whether the value of @key is kept in the keyring
 */
gboolean
iwd_profile_record_is_secret_key (const IwdProfileRecord *self,
                                  const char             *key)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (key != NULL, FALSE);

  return self->secret_keys != NULL
         && g_strv_contains ((const char * const *) self->secret_keys, key);
}

/**
 * iwd_profile_record_check:
 * @self: a profile record
 * @error: return location for a #GError
 *
 * Checks that the record can be stored: a valid id, a company, and no
 * value under a key marked secret.
 *
 * Returns: %TRUE if the record can be stored
 */
gboolean
iwd_profile_record_check (const IwdProfileRecord  *self,
                          GError                 **error)
{
  g_autoptr(GList) keys = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  if (!iwd_state_check_id (self->id, error))
    return FALSE;

  if (self->company == NULL || *self->company == '\0')
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "profile “%s” has no company", self->id);
      return FALSE;
    }

  keys = json_object_get_members (self->values);
  for (GList *l = keys; l != NULL; l = l->next)
    {
      if (!iwd_profile_record_is_secret_key (self, l->data))
        continue;

      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_SECRET_VALUE,
                   "profile “%s”: field “%s” is secret, its value belongs in the keyring",
                   self->id, (const char *) l->data);
      return FALSE;
    }

  return TRUE;
}

/**
 * iwd_profile_record_to_json:
 * @self: a profile record
 *
 * Serializes the record for the state file. The id is left out because
 * the file keys each profile by its id.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
iwd_profile_record_to_json (const IwdProfileRecord *self)
{
  g_autoptr(JsonObject) object = NULL;
  g_autoptr(JsonNode) values = NULL;

  g_return_val_if_fail (self != NULL, NULL);

  values = json_node_init_object (json_node_alloc (), self->values);

  object = json_object_new ();
  json_object_set_string_member (object, "company", self->company);
  json_object_set_member (object, "methods", strv_to_json ((const char * const *) self->methods));
  json_object_set_member (object, "values", json_node_copy (values));
  json_object_set_member (object, "secret_keys", strv_to_json ((const char * const *) self->secret_keys));

  return json_node_init_object (json_node_alloc (), object);
}

/**
 * iwd_profile_record_from_json:
 * @id: the profile id, the key of @node in the state file
 * @node: a JSON object as written by iwd_profile_record_to_json()
 * @error: return location for a #GError
 *
 * Reads a record tolerantly: unknown members are ignored and missing
 * methods, values or secret keys are empty. The company is required.
 * Values found under a secret key are dropped and logged.
 *
 * Returns: (transfer full) (nullable): the record, or %NULL with
 *   %IWD_STATE_ERROR_INVALID
 */
IwdProfileRecord *
iwd_profile_record_from_json (const char  *id,
                              JsonNode    *node,
                              GError     **error)
{
  g_autoptr(IwdProfileRecord) self = NULL;
  JsonObject *object;
  const char *company;

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (node != NULL, NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "profile “%s” is not an object", id);
      return NULL;
    }

  object = json_node_get_object (node);
  company = lookup_string_member (object, "company");
  if (company == NULL || *company == '\0')
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "profile “%s” has no company", id);
      return NULL;
    }

  self = g_new0 (IwdProfileRecord, 1);
  self->id = g_strdup (id);
  self->company = g_strdup (company);
  self->methods = read_optional_strv (object, "methods", id, error);
  if (self->methods == NULL)
    return NULL;
  self->secret_keys = read_optional_strv (object, "secret_keys", id, error);
  if (self->secret_keys == NULL)
    return NULL;
  self->values = read_optional_values (object, id, error);
  if (self->values == NULL)
    return NULL;

  drop_secret_values (self);

  return g_steal_pointer (&self);
}
