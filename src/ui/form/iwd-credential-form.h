/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "iwd-account-id.h"
#include "iwd-check-reply.h"
#include "iwd-field.h"
#include "iwd-profile-record.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

#define IWD_TYPE_CREDENTIAL_FORM (iwd_credential_form_get_type ())
G_DECLARE_FINAL_TYPE (IwdCredentialForm, iwd_credential_form, IWD, CREDENTIAL_FORM, GtkWidget)

GtkWidget       *iwd_credential_form_new                   (void);

void             iwd_credential_form_set_fields            (IwdCredentialForm   *self,
                                                            GPtrArray           *fields);
GPtrArray       *iwd_credential_form_get_fields            (IwdCredentialForm   *self);
GtkWidget       *iwd_credential_form_get_row               (IwdCredentialForm   *self,
                                                            const char          *json_key);
const char      *iwd_credential_form_get_message           (IwdCredentialForm   *self,
                                                            const char          *json_key);
char            *iwd_credential_form_dup_general_message   (IwdCredentialForm   *self);

void             iwd_credential_form_set_methods           (IwdCredentialForm   *self,
                                                            IwdRobotMethods      methods);
IwdRobotMethods  iwd_credential_form_get_methods           (IwdCredentialForm   *self);
GStrv            iwd_credential_form_dup_method_names      (IwdCredentialForm   *self);
void             iwd_credential_form_set_method_names      (IwdCredentialForm   *self,
                                                            const char * const  *names);

void             iwd_credential_form_set_profile_id        (IwdCredentialForm   *self,
                                                            const char          *profile_id);
const char      *iwd_credential_form_get_profile_id        (IwdCredentialForm   *self);
void             iwd_credential_form_set_profile_id_editable (IwdCredentialForm *self,
                                                            gboolean             editable);
gboolean         iwd_credential_form_get_profile_id_editable (IwdCredentialForm *self);
void             iwd_credential_form_set_taken_ids         (IwdCredentialForm   *self,
                                                            const char * const  *taken_ids);
const char      *iwd_credential_form_get_profile_id_message (IwdCredentialForm  *self);
const char      *iwd_credential_form_get_methods_message   (IwdCredentialForm   *self);

gboolean         iwd_credential_form_is_valid              (IwdCredentialForm   *self);
gboolean         iwd_credential_form_validate              (IwdCredentialForm   *self);
void             iwd_credential_form_clear_messages        (IwdCredentialForm   *self);
void             iwd_credential_form_show_check_reply      (IwdCredentialForm   *self,
                                                            IwdCheckReply       *reply);
void             iwd_credential_form_show_general_message  (IwdCredentialForm   *self,
                                                            const char          *message);

JsonObject      *iwd_credential_form_dup_values            (IwdCredentialForm   *self);
JsonObject      *iwd_credential_form_dup_all_values        (IwdCredentialForm   *self);
GStrv            iwd_credential_form_dup_options           (IwdCredentialForm   *self);
GStrv            iwd_credential_form_dup_secret_keys       (IwdCredentialForm   *self);
void             iwd_credential_form_set_values            (IwdCredentialForm   *self,
                                                            JsonObject          *values);

void             iwd_credential_form_prefill_async         (IwdCredentialForm   *self,
                                                            const IwdProfileRecord *record,
                                                            IwdSecretStore      *store,
                                                            const IwdAccountId  *account,
                                                            GCancellable        *cancellable,
                                                            GAsyncReadyCallback  callback,
                                                            gpointer             user_data);
gboolean         iwd_credential_form_prefill_finish        (IwdCredentialForm   *self,
                                                            GAsyncResult        *result,
                                                            GError             **error);

G_END_DECLS
