/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-account-state.h"
#include "iwd-client.h"
#include "iwd-credential-form.h"
#include "iwd-secret-store.h"

G_BEGIN_DECLS

/**
 * IwdProfileEditorState:
 * @IWD_PROFILE_EDITOR_STATE_LOADING: the company's schema is being fetched
 * @IWD_PROFILE_EDITOR_STATE_ERROR: the schema could not be fetched
 * @IWD_PROFILE_EDITOR_STATE_FORM: the form is shown
 *
 * What a profile editor shows.
 */
typedef enum {
  IWD_PROFILE_EDITOR_STATE_LOADING,
  IWD_PROFILE_EDITOR_STATE_ERROR,
  IWD_PROFILE_EDITOR_STATE_FORM,
} IwdProfileEditorState;

/**
 * IwdErrorFormatter:
 * @error: an error from the ImportWeb client or a store
 *
 * Makes the translated sentence that explains @error to the broker.
 *
 * Returns: (transfer full) (nullable): the sentence, or %NULL for a
 *   cancellation
 */
typedef char *(*IwdErrorFormatter) (const GError *error);

#define IWD_TYPE_PROFILE_EDITOR (iwd_profile_editor_get_type ())
G_DECLARE_FINAL_TYPE (IwdProfileEditor, iwd_profile_editor, IWD, PROFILE_EDITOR, GtkWidget)

GtkWidget             *iwd_profile_editor_new                 (IwdClient         *client,
                                                               IwdAccountState   *state,
                                                               IwdSecretStore    *secrets,
                                                               const char        *company,
                                                               const char        *company_label,
                                                               const char        *profile_id,
                                                               const char        *portfolio_id);
void                   iwd_profile_editor_reload              (IwdProfileEditor  *self);
void                   iwd_profile_editor_set_error_formatter (IwdProfileEditor  *self,
                                                               IwdErrorFormatter  formatter);

IwdProfileEditorState  iwd_profile_editor_get_state           (IwdProfileEditor  *self);
gboolean               iwd_profile_editor_get_busy            (IwdProfileEditor  *self);
IwdCredentialForm     *iwd_profile_editor_get_form            (IwdProfileEditor  *self);
const char            *iwd_profile_editor_get_status          (IwdProfileEditor  *self);
const char            *iwd_profile_editor_get_error_message   (IwdProfileEditor  *self);
gboolean               iwd_profile_editor_get_draft_restored  (IwdProfileEditor  *self);

G_END_DECLS
