/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "iwd-company-card.h"

struct _IwdCompanyCard
{
  GtkWidget       parent_instance;

  IwdCompany     *company;       /* owned, nullable */

  IwdCompanyLogo *logo;          /* template child */
  GtkLabel       *name_label;    /* template child */
  GtkLabel       *company_label; /* template child, the list's label in dim text */
};

G_DEFINE_FINAL_TYPE (IwdCompanyCard, iwd_company_card, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_COMPANY,
  PROP_LOGO_CACHE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_company (IwdCompanyCard *self)
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
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), label);
  iwd_company_logo_set_company (self->logo, self->company);
}

static void
iwd_company_card_dispose (GObject *object)
{
  IwdCompanyCard *self = IWD_COMPANY_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), IWD_TYPE_COMPANY_CARD);
  g_clear_object (&self->company);

  G_OBJECT_CLASS (iwd_company_card_parent_class)->dispose (object);
}

static void
iwd_company_card_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  IwdCompanyCard *self = IWD_COMPANY_CARD (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      g_value_set_object (value, self->company);
      break;

    case PROP_LOGO_CACHE:
      g_value_set_object (value, iwd_company_card_get_logo_cache (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_card_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  IwdCompanyCard *self = IWD_COMPANY_CARD (object);

  switch (prop_id)
    {
    case PROP_COMPANY:
      iwd_company_card_set_company (self, g_value_get_object (value));
      break;

    case PROP_LOGO_CACHE:
      iwd_company_card_set_logo_cache (self, g_value_get_object (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_card_class_init (IwdCompanyCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = iwd_company_card_dispose;
  object_class->get_property = iwd_company_card_get_property;
  object_class->set_property = iwd_company_card_set_property;

  properties[PROP_COMPANY] =
    g_param_spec_object ("company", NULL, NULL,
                         IWD_TYPE_COMPANY,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LOGO_CACHE] =
    g_param_spec_object ("logo-cache", NULL, NULL,
                         IWD_TYPE_LOGO_CACHE,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /* The template names this type, so it must exist first. */
  g_type_ensure (IWD_TYPE_COMPANY_LOGO);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/com/example/IWDesk/ui/iwd-company-card.ui");
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyCard, logo);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyCard, name_label);
  gtk_widget_class_bind_template_child (widget_class, IwdCompanyCard, company_label);
}

static void
iwd_company_card_init (IwdCompanyCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  show_company (self);
}

/**
 * iwd_company_card_new:
 *
 * Creates a card that shows a company's logo, its name and, below it,
 * the label that the company list gives.
 *
 * Returns: (transfer full): a new #IwdCompanyCard
 */
GtkWidget *
iwd_company_card_new (void)
{
  return g_object_new (IWD_TYPE_COMPANY_CARD, NULL);
}

/**
 * iwd_company_card_get_company:
 * @self: a #IwdCompanyCard
 *
 * Returns: (transfer none) (nullable): the company shown
 */
IwdCompany *
iwd_company_card_get_company (IwdCompanyCard *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_CARD (self), NULL);

  return self->company;
}

/**
 * iwd_company_card_set_company:
 * @self: a #IwdCompanyCard
 * @company: (nullable): the company to show
 *
 * Shows @company and loads its logo. The name and label come as the API
 * sends them and are never translated. Setting %NULL cancels the logo's
 * load, as a list item factory does when it unbinds the card.
 */
void
iwd_company_card_set_company (IwdCompanyCard *self,
                              IwdCompany     *company)
{
  g_return_if_fail (IWD_IS_COMPANY_CARD (self));
  g_return_if_fail (company == NULL || IWD_IS_COMPANY (company));

  if (!g_set_object (&self->company, company))
    return;

  show_company (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPANY]);
}

/**
 * iwd_company_card_get_logo_cache:
 * @self: a #IwdCompanyCard
 *
 * Returns: (transfer none) (nullable): the cache that the logo loads from
 */
IwdLogoCache *
iwd_company_card_get_logo_cache (IwdCompanyCard *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_CARD (self), NULL);

  return iwd_company_logo_get_cache (self->logo);
}

/**
 * iwd_company_card_set_logo_cache:
 * @self: a #IwdCompanyCard
 * @cache: (nullable): the cache to load the logo from
 *
 * Sets the cache of the card's logo. Without one, the card draws the
 * company's placeholder.
 */
void
iwd_company_card_set_logo_cache (IwdCompanyCard *self,
                                 IwdLogoCache   *cache)
{
  g_return_if_fail (IWD_IS_COMPANY_CARD (self));

  if (iwd_company_logo_get_cache (self->logo) == cache)
    return;

  iwd_company_logo_set_cache (self->logo, cache);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LOGO_CACHE]);
}

/**
 * iwd_company_card_get_logo:
 * @self: a #IwdCompanyCard
 *
 * Returns: (transfer none): the widget that draws the company's logo
 */
IwdCompanyLogo *
iwd_company_card_get_logo (IwdCompanyCard *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY_CARD (self), NULL);

  return self->logo;
}
