/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-company-row.h"

struct _IwdCompanyRow
{
  GtkWidget   parent_instance;

  IwdCompany *company;       /* owned, nullable */

  GtkLabel   *name_label;    /* template child */
  GtkLabel   *company_label; /* template child, the list's label in dim text */
};

G_DEFINE_FINAL_TYPE (IwdCompanyRow, iwd_company_row, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPANY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_company (IwdCompanyRow *self)
{
  const char *name = NULL;
  const char *label = NULL;

  if (self->company != NULL)
    {
      name = iwd_company_get_name (self->company);
      label = iwd_company_get_label (self->company);
    }

  gtk_label_set_text (self->name_label, name != NULL ? name : "");
  gtk_label_set_text (self->company_label, label != NULL ? label : "");
  gtk_widget_set_visible (GTK_WIDGET (self->company_label), label != NULL && *label != '\0');
}

static void
iwd_company_row_dispose (GObject *object)
{
  IwdCompanyRow *self = IWD_COMPANY_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COMPANY_ROW);
  g_clear_object (&self->company);

  G_OBJECT_CLASS (iwd_company_row_parent_class)->dispose (object);
}

static void
iwd_company_row_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  IwdCompanyRow *self = IWD_COMPANY_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_object (value, self->company);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_row_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  IwdCompanyRow *self = IWD_COMPANY_ROW (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      iwd_company_row_set_company (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_row_class_init (IwdCompanyRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_company_row_dispose;
  object_class->get_property = iwd_company_row_get_property;
  object_class->set_property = iwd_company_row_set_property;

  properties[PROP_COMPANY] =
    g_param_spec_object ("company", NULL, NULL,
                         IWD_TYPE_COMPANY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/com/example/IWDesk/ui/iwd-company-row.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyRow, name_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyRow, company_label);
}

static void
iwd_company_row_init (IwdCompanyRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_company (self);
}

/**
 * iwd_company_row_new:
 *
 * Creates a row that shows a company's name and, below it, the label
 * that the company list gives.
 *
 * Returns: (transfer full): a new #IwdCompanyRow
 */
GtkWidget *
iwd_company_row_new (void)
{
  return g_object_new (IWD_TYPE_COMPANY_ROW, NULL);
}

/**
 * iwd_company_row_get_company:
 * @self: a #IwdCompanyRow
 *
 * Returns: (transfer none) (nullable): the company shown
 */
IwdCompany *
iwd_company_row_get_company (IwdCompanyRow *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_ROW (self), NULL);

  return self->company;
}

/**
 * iwd_company_row_set_company:
 * @self: a #IwdCompanyRow
 * @company: (nullable): the company to show
 *
 * Shows @company. The name and label come as the API sends them and
 * are never translated.
 */
void
iwd_company_row_set_company (IwdCompanyRow *self,
                             IwdCompany    *company)
{
  g_return_if_fail (IWD_IS_COMPANY_ROW (self));
  g_return_if_fail (company == NULL || IWD_IS_COMPANY (company));

  if (!g_set_object (&self->company, company))
    return;

  show_company (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}
