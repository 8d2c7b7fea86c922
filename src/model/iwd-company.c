/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-company.h"
#include "iwd-text.h"

/**
 * IwdCompany:
 *
 * An insurance company of the ImportWeb company list.
 */
struct _IwdCompany
{
  GObject parent_instance;

  char *name;        /* owned: the code that goes into URLs */
  char *label;       /* owned, nullable */
  char *search_key;  /* owned: folded name and label */
};

enum {
  PROP_0,
  PROP_NAME,
  PROP_LABEL,
  PROP_SEARCH_KEY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (IwdCompany, iwd_company, G_TYPE_OBJECT)

static char *
make_search_key (const char *name,
                 const char *label)
{
  g_autofree char *joined = g_strjoin (" ", name, label, NULL);

  return iwd_text_fold_for_search (joined);
}

static void
iwd_company_constructed (GObject *object)
{
  IwdCompany *self = IWD_COMPANY (object);

  G_OBJECT_CLASS (iwd_company_parent_class)->constructed (object);

  if (self->name == NULL)
    self->name = g_strdup ("");

  self->search_key = make_search_key (self->name, self->label);
}

static void
iwd_company_finalize (GObject *object)
{
  IwdCompany *self = IWD_COMPANY (object);

  g_clear_pointer (&self->name, g_free);
  g_clear_pointer (&self->label, g_free);
  g_clear_pointer (&self->search_key, g_free);

  G_OBJECT_CLASS (iwd_company_parent_class)->finalize (object);
}

static void
iwd_company_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  IwdCompany *self = IWD_COMPANY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_LABEL:
      g_value_set_string (value, self->label);
      break;
    case PROP_SEARCH_KEY:
      g_value_set_string (value, self->search_key);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  IwdCompany *self = IWD_COMPANY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      self->name = g_value_dup_string (value);
      break;
    case PROP_LABEL:
      self->label = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_company_class_init (IwdCompanyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iwd_company_constructed;
  object_class->finalize = iwd_company_finalize;
  object_class->get_property = iwd_company_get_property;
  object_class->set_property = iwd_company_set_property;

  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LABEL] =
    g_param_spec_string ("label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SEARCH_KEY] =
    g_param_spec_string ("search-key", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_company_init (IwdCompany *self)
{
}

/**
 * iwd_company_new:
 * @name: the company's code, as written in the company list
 * @label: (nullable): the display label that follows the code, if any
 *
 * Creates a company of the company list.
 *
 * Returns: (transfer full): a new #IwdCompany
 */
IwdCompany *
iwd_company_new (const char *name,
                 const char *label)
{
  g_return_val_if_fail (name != NULL, NULL);

  return g_object_new (IWD_TYPE_COMPANY, "name", name, "label", label, NULL);
}

/**
 * iwd_company_get_name:
 * @self: a #IwdCompany
 *
 * Gets the company's code, as written in the list. It goes as is into the
 * API's paths and the logo and help page URLs.
 *
 * Returns: (transfer none): the name
 */
const char *
iwd_company_get_name (IwdCompany *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY (self), NULL);

  return self->name;
}

/**
 * iwd_company_get_label:
 * @self: a #IwdCompany
 *
 * Gets the display label that followed " - " in the list, shown as the
 * list gives it and never translated.
 *
 * Returns: (transfer none) (nullable): the label, or %NULL
 */
const char *
iwd_company_get_label (IwdCompany *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY (self), NULL);

  return self->label;
}

/**
 * iwd_company_get_search_key:
 * @self: a #IwdCompany
 *
 * Gets the name and label folded by iwd_text_fold_for_search(), so that
 * a query folded the same way finds "Prévoyance" when typed "prevoyance".
 *
 * Returns: (transfer none): the search key
 */
const char *
iwd_company_get_search_key (IwdCompany *self)
{
  g_return_val_if_fail (IWD_IS_COMPANY (self), NULL);

  return self->search_key;
}
