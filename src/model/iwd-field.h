/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * IwdFieldWidget:
 * @IWD_FIELD_WIDGET_TEXT: a text entry (`TextBox`, and any unknown `Objet`)
 * @IWD_FIELD_WIDGET_COMBO: a choice among #IwdFieldChoice (`ComboBox`)
 * @IWD_FIELD_WIDGET_CHECK: a check box (`CheckBox`)
 *
 * The widget that a credential field needs.
 */
typedef enum {
  IWD_FIELD_WIDGET_TEXT,
  IWD_FIELD_WIDGET_COMBO,
  IWD_FIELD_WIDGET_CHECK,
} IwdFieldWidget;

/**
 * IwdRobotMethods:
 * @IWD_ROBOT_METHODS_NONE: no method
 * @IWD_ROBOT_METHODS_ALL: every method (`Commun` letter O)
 * @IWD_ROBOT_METHODS_COMMISSIONS: commission statements (R)
 * @IWD_ROBOT_METHODS_EMISSIONS: new business, "émissions" (E)
 * @IWD_ROBOT_METHODS_IMPAYES: unpaid premiums, "impayés" (I)
 * @IWD_ROBOT_METHODS_MESSAGES: messages (M)
 * @IWD_ROBOT_METHODS_SINISTRES: claims, "sinistres" (S)
 *
 * The robot methods that need a field, from the letters of its `Commun`.
 */
typedef enum /*< flags >*/ {
  IWD_ROBOT_METHODS_NONE        = 0,
  IWD_ROBOT_METHODS_ALL         = 1 << 0,
  IWD_ROBOT_METHODS_COMMISSIONS = 1 << 1,
  IWD_ROBOT_METHODS_EMISSIONS   = 1 << 2,
  IWD_ROBOT_METHODS_IMPAYES     = 1 << 3,
  IWD_ROBOT_METHODS_MESSAGES    = 1 << 4,
  IWD_ROBOT_METHODS_SINISTRES   = 1 << 5,
} IwdRobotMethods;

/**
 * IwdFieldChoice:
 * @label: the text shown, as the insurer's portal writes it
 * @value: the value posted when the choice is selected
 *
 * One choice of a `ComboBox` field.
 */
typedef struct {
  char *label;
  char *value;
} IwdFieldChoice;

#define IWD_TYPE_FIELD_WIDGET (iwd_field_widget_get_type ())
#define IWD_TYPE_ROBOT_METHODS (iwd_robot_methods_get_type ())
#define IWD_TYPE_FIELD_CHOICE (iwd_field_choice_get_type ())
#define IWD_TYPE_FIELD (iwd_field_get_type ())

GType            iwd_field_widget_get_type  (void) G_GNUC_CONST;
GType            iwd_robot_methods_get_type (void) G_GNUC_CONST;
IwdRobotMethods  iwd_robot_methods_from_letters (const char *letters,
                                                 gboolean   *out_has_unknown);

GType            iwd_field_choice_get_type  (void) G_GNUC_CONST;
IwdFieldChoice  *iwd_field_choice_new       (const char           *label,
                                             const char           *value);
IwdFieldChoice  *iwd_field_choice_copy      (const IwdFieldChoice *self);
void             iwd_field_choice_free      (IwdFieldChoice       *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdFieldChoice, iwd_field_choice_free)

G_DECLARE_FINAL_TYPE (IwdField, iwd_field, IWD, FIELD, GObject)

const char      *iwd_field_get_nom            (IwdField *self);
const char      *iwd_field_get_objet          (IwdField *self);
IwdFieldWidget   iwd_field_get_widget         (IwdField *self);
gboolean         iwd_field_get_objet_unknown  (IwdField *self);
const char      *iwd_field_get_description    (IwdField *self);
const char      *iwd_field_get_json_key       (IwdField *self);
const char      *iwd_field_get_commun         (IwdField *self);
IwdRobotMethods  iwd_field_get_methods        (IwdField *self);
const char      *iwd_field_get_type_letter    (IwdField *self);
guint            iwd_field_get_max_length     (IwdField *self);
gboolean         iwd_field_get_required       (IwdField *self);
const char      *iwd_field_get_option         (IwdField *self);
GPtrArray       *iwd_field_get_choices        (IwdField *self);
gboolean         iwd_field_is_secret          (IwdField *self);
gboolean         iwd_field_applies_to         (IwdField        *self,
                                               IwdRobotMethods  chosen);

G_END_DECLS
