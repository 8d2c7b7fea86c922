/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-json-value.h"
#include "iwd-parse-error.h"
#include "iwd-portfolio-options.h"

G_DEFINE_BOXED_TYPE (IwdPortfolioOptions, iwd_portfolio_options,
                     iwd_portfolio_options_copy, iwd_portfolio_options_free)

static gboolean
read_label (JsonObject           *object,
            IwdPortfolioOptions  *options,
            GError              **error)
{
  JsonNode *node = json_object_get_member (object, "Libelle");

  if (node == NULL)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'Libelle' is missing");
      return FALSE;
    }

  if (json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'Libelle' is not a string");
      return FALSE;
    }

  g_free (options->label);
  options->label = g_strdup (json_node_get_string (node));
  return TRUE;
}

static gboolean
read_months (JsonObject           *object,
             IwdPortfolioOptions  *options,
             GError              **error)
{
  gint64 months = -1;

  if (!iwd_json_member_get_int64 (object, "NbMoisQ", &months, error))
    return FALSE;

  if (months < 0 || months > G_MAXUINT)
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "key 'NbMoisQ' is missing or out of range");
      return FALSE;
    }

  options->months = (guint) months;
  return TRUE;
}

static gboolean
read_flags (JsonObject           *object,
            IwdPortfolioOptions  *options,
            GError              **error)
{
  return iwd_json_member_get_boolean (object, "isGED", &options->documents, error)
         && iwd_json_member_get_boolean (object, "isAdherents", &options->members, error)
         && iwd_json_member_get_boolean (object, "isParcs", &options->fleets, error)
         && iwd_json_member_get_boolean (object, "isFonds", &options->funds, error);
}

/**
 * iwd_portfolio_options_new:
 * @label: the portfolio's display name
 * @months: how many months back the robot looks
 *
 * Creates portfolio options with every extra data flag off.
 *
 * Returns: (transfer full): new options
 */
IwdPortfolioOptions *
iwd_portfolio_options_new (const char *label,
                           guint       months)
{
  IwdPortfolioOptions *self = g_new0 (IwdPortfolioOptions, 1);

  self->label = g_strdup (label != NULL ? label : "");
  self->months = months;
  return self;
}

/**
 * iwd_portfolio_options_copy:
 * @self: options
 *
 * Copies portfolio options.
 *
 * Returns: (transfer full): a copy of @self
 */
IwdPortfolioOptions *
iwd_portfolio_options_copy (const IwdPortfolioOptions *self)
{
  IwdPortfolioOptions *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->label = g_strdup (self->label);
  return copy;
}

/**
 * iwd_portfolio_options_free:
 * @self: (nullable): options
 *
 * Frees portfolio options.
 */
void
iwd_portfolio_options_free (IwdPortfolioOptions *self)
{
  if (self == NULL)
    return;

  g_free (self->label);
  g_free (self);
}

/**
 * iwd_portfolio_options_to_json:
 * @self: options
 *
 * Builds the JSON object posted to create a portfolio, with the keys
 * `Libelle`, `NbMoisQ`, `isGED`, `isAdherents`, `isParcs` and `isFonds`.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
iwd_portfolio_options_to_json (const IwdPortfolioOptions *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (self != NULL, NULL);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "Libelle");
  json_builder_add_string_value (builder, self->label != NULL ? self->label : "");
  json_builder_set_member_name (builder, "NbMoisQ");
  json_builder_add_int_value (builder, self->months);
  json_builder_set_member_name (builder, "isGED");
  json_builder_add_boolean_value (builder, self->documents);
  json_builder_set_member_name (builder, "isAdherents");
  json_builder_add_boolean_value (builder, self->members);
  json_builder_set_member_name (builder, "isParcs");
  json_builder_add_boolean_value (builder, self->fleets);
  json_builder_set_member_name (builder, "isFonds");
  json_builder_add_boolean_value (builder, self->funds);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * iwd_portfolio_options_from_json:
 * @node: a JSON object as iwd_portfolio_options_to_json() builds it
 * @error: return location for a #GError
 *
 * Reads portfolio options back. `NbMoisQ` may be a number or a numeric
 * string. The flags may be booleans, 0 and 1, or strings such as "true",
 * and a missing flag is off. Fails with %IWD_PARSE_ERROR_SHAPE when
 * @node is not an object, when `Libelle` or `NbMoisQ` is missing, and
 * when a member has a type that cannot stand for its value.
 *
 * Returns: (transfer full): the options, or %NULL
 */
IwdPortfolioOptions *
iwd_portfolio_options_from_json (JsonNode  *node,
                                 GError   **error)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new (NULL, 0);
  JsonObject *object;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error_literal (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE,
                           "the portfolio options are not a JSON object");
      return NULL;
    }

  object = json_node_get_object (node);
  if (!read_label (object, options, error)
      || !read_months (object, options, error)
      || !read_flags (object, options, error))
    return NULL;

  return g_steal_pointer (&options);
}
