/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-company-labels.h"

#include "iwd-company.h"

/**
 * iwd_company_labels_lookup:
 * @companies: (nullable): the company list, of #IwdCompany
 * @code: a company as the robot writes it, such as "allianz"
 *
 * Finds the label that the company list gives @code, for rows that
 * would otherwise show the robot's lower-case code. The robot writes
 * names in lower case ("cie": "spvie") and the list in capitals, so names
 * are compared without case.
 *
 * Returns: (transfer none): the company's label, or @code itself when
 *   the list does not have the company or gives it no label
 */
const char *
iwd_company_labels_lookup (GListModel *companies,
                           const char *code)
{
  guint n_items;

  g_return_val_if_fail (companies == NULL || G_IS_LIST_MODEL (companies), code);
  g_return_val_if_fail (code != NULL, NULL);

  n_items = companies != NULL ? g_list_model_get_n_items (companies) : 0;
  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(IwdCompany) company = g_list_model_get_item (companies, i);
      const char *label = iwd_company_get_label (company);

      if (g_ascii_strcasecmp (iwd_company_get_name (company), code) == 0)
        return label != NULL && *label != '\0' ? label : code;
    }

  return code;
}
