/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * IwdProfileRecord:
 * @id: the profile id chosen by the broker
 * @company: the company (`cie`) as named in the company list
 * @methods: (array zero-terminated=1): the robot methods chosen for the
 *   profile, such as "Commissions"
 * @values: the non-secret field values as posted, keyed by `JSon` key
 * @secret_keys: (array zero-terminated=1): the `JSon` keys whose values
 *   are kept in the keyring, names only
 *
 * What IWDesk posted for one profile, remembered because the Robot API
 * cannot return a profile's contents.
 */
typedef struct {
  char        *id;
  char        *company;
  GStrv        methods;
  JsonObject  *values;
  GStrv        secret_keys;
} IwdProfileRecord;

#define IWD_TYPE_PROFILE_RECORD (iwd_profile_record_get_type ())

GType             iwd_profile_record_get_type       (void) G_GNUC_CONST;
IwdProfileRecord *iwd_profile_record_new            (const char              *id,
                                                     const char              *company);
IwdProfileRecord *iwd_profile_record_copy           (const IwdProfileRecord  *self);
void              iwd_profile_record_free           (IwdProfileRecord        *self);
gboolean          iwd_profile_record_is_secret_key  (const IwdProfileRecord  *self,
                                                     const char              *key);
gboolean          iwd_profile_record_check          (const IwdProfileRecord  *self,
                                                     GError                 **error);
JsonNode         *iwd_profile_record_to_json        (const IwdProfileRecord  *self);
IwdProfileRecord *iwd_profile_record_from_json      (const char              *id,
                                                     JsonNode                *node,
                                                     GError                 **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdProfileRecord, iwd_profile_record_free)

G_END_DECLS
