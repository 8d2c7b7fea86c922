/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-client-parsers.h"
#include "iwd-commissions-json.h"
#include "iwd-commissions-tsv.h"
#include "iwd-contracts.h"
#include "iwd-parse-check-reply.h"
#include "iwd-parse-companies.h"
#include "iwd-parse-fields.h"
#include "iwd-parse-profiles.h"
#include "iwd-parse-robot-errors.h"

/* The small replies are parsed on the main thread in one go, so their
 * parsers take no cancellable. */

gpointer
iwd_client_parse_companies (GBytes        *body,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return iwd_parse_company_list (body, error);
}

gpointer
iwd_client_parse_fields (GBytes        *body,
                         GCancellable  *cancellable,
                         GError       **error)
{
  return iwd_parse_field_schema (body, error);
}

gpointer
iwd_client_parse_check_reply (GBytes        *body,
                              GCancellable  *cancellable,
                              GError       **error)
{
  return iwd_parse_check_reply (body, error);
}

gpointer
iwd_client_parse_profiles (GBytes        *body,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return iwd_parse_profiles (body, error);
}

gpointer
iwd_client_parse_robot_errors (GBytes        *body,
                               GCancellable  *cancellable,
                               GError       **error)
{
  return iwd_parse_robot_errors (body, error);
}

gpointer
iwd_client_parse_contracts (GBytes        *body,
                            GCancellable  *cancellable,
                            GError       **error)
{
  return iwd_parse_contracts (body, cancellable, error);
}

gpointer
iwd_client_parse_commissions_tsv (GBytes        *body,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  return iwd_parse_commissions_tsv (body, cancellable, error);
}

gpointer
iwd_client_parse_commissions_json (GBytes        *body,
                                   GCancellable  *cancellable,
                                   GError       **error)
{
  return iwd_parse_commissions_json (body, cancellable, error);
}
