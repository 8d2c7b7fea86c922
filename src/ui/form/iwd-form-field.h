/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <json-glib/json-glib.h>

#include "iwd-field.h"

G_BEGIN_DECLS

#define IWD_TYPE_FORM_FIELD (iwd_form_field_get_type ())
G_DECLARE_FINAL_TYPE (IwdFormField, iwd_form_field, IWD, FORM_FIELD, GObject)

IwdFormField *iwd_form_field_new             (IwdField     *field);
IwdField     *iwd_form_field_get_field       (IwdFormField *self);
const char   *iwd_form_field_get_json_key    (IwdFormField *self);
GtkWidget    *iwd_form_field_get_row         (IwdFormField *self);
GtkWidget    *iwd_form_field_get_message_row (IwdFormField *self);

JsonNode     *iwd_form_field_dup_value       (IwdFormField *self);
void          iwd_form_field_set_value       (IwdFormField *self,
                                              JsonNode     *value);
gboolean      iwd_form_field_has_value       (IwdFormField *self);

void          iwd_form_field_set_shown       (IwdFormField *self,
                                              gboolean      shown);
gboolean      iwd_form_field_get_shown       (IwdFormField *self);

char         *iwd_form_field_dup_problem     (IwdFormField *self);
void          iwd_form_field_set_message     (IwdFormField *self,
                                              const char   *message);
const char   *iwd_form_field_get_message     (IwdFormField *self);

G_END_DECLS
