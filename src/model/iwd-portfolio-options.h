/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * IwdPortfolioOptions:
 * @label: the display name (`Libelle`)
 * @months: how many months back the robot looks (`NbMoisQ`)
 * @documents: also fetch each contract's documents (`isGED`)
 * @members: also fetch the members of group contracts (`isAdherents`)
 * @fleets: also fetch vehicle fleets (`isParcs`)
 * @funds: also fetch investment funds (`isFonds`)
 *
 * The options of a portfolio, as posted when it is created.
 */
typedef struct {
  char     *label;
  guint     months;
  gboolean  documents;
  gboolean  members;
  gboolean  fleets;
  gboolean  funds;
} IwdPortfolioOptions;

#define IWD_TYPE_PORTFOLIO_OPTIONS (iwd_portfolio_options_get_type ())

GType                iwd_portfolio_options_get_type  (void) G_GNUC_CONST;
IwdPortfolioOptions *iwd_portfolio_options_new       (const char                *label,
                                                      guint                      months);
IwdPortfolioOptions *iwd_portfolio_options_copy      (const IwdPortfolioOptions *self);
void                 iwd_portfolio_options_free      (IwdPortfolioOptions       *self);
JsonNode            *iwd_portfolio_options_to_json   (const IwdPortfolioOptions *self);
IwdPortfolioOptions *iwd_portfolio_options_from_json (JsonNode                  *node,
                                                      GError                   **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdPortfolioOptions, iwd_portfolio_options_free)

G_END_DECLS
