/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * IwdSandboxDataSource:
 * @seed: the sandbox's seed
 * @portfolio_id: the portfolio the data belongs to
 * @profile_id: the profile the robot logged in with
 * @company: the profile's company name
 * @reference: the last day that generated data may fall on
 * @months: how many months before @reference commissions go back
 * @start_after: the robot's forced start date, or an invalid date
 *
 * Everything that generated data depends on: the same source always
 * gives the same contracts and commission lines.
 */
typedef struct {
  guint64  seed;
  char    *portfolio_id;
  char    *profile_id;
  char    *company;
  GDate    reference;
  guint    months;
  GDate    start_after;
} IwdSandboxDataSource;

/**
 * IwdSandboxContract:
 *
 * One generated contract, with amounts in ten-thousandths of a euro.
 * The strings point into static tables, except the owned @number and
 * @name.
 */
typedef struct {
  gboolean    company_client;
  char       *name;
  const char *first_name;
  const char *postcode;
  const char *town;
  GDate       birth;
  const char *activity;
  guint       employees;
  const char *naf;

  char       *number;
  const char *branch;
  const char *product;
  GDate       subscription;
  GDate       anniversary;
  const char *payment;
  gboolean    paid_to_company;
  gboolean    renewal;
  gint64      premium;
  gint64      taxes;
  guint       rate_percent;
  gint64      commission;
} IwdSandboxContract;

/**
 * IwdSandboxChanges:
 * @n_original: the profile's contract count before any change
 * @generations: how many generations of changes apply
 * @cancelled: (array length=n_original): whether each original contract
 *   is cancelled
 * @raises: (array length=n_original): how many 5 % premium raises each
 *   original contract has had
 *
 * The changes that the simulated robot makes to a profile's contracts
 * between two fetches. Generation g (from 1) adds the contract of index
 * @n_original + g - 1, cancels one original contract and raises the
 * premium of another, each drawn from the seed. A profile keeps at least
 * one original contract, so cancellations stop there.
 */
typedef struct {
  guint     n_original;
  guint     generations;
  gboolean *cancelled;
  guint    *raises;
} IwdSandboxChanges;

guint32 iwd_sandbox_hash_text           (const char                 *text);

void    iwd_sandbox_data_source_clear   (IwdSandboxDataSource       *source);
void    iwd_sandbox_data_source_copy    (IwdSandboxDataSource       *dest,
                                         const IwdSandboxDataSource *source);
GRand  *iwd_sandbox_data_source_new_rand (const IwdSandboxDataSource *source,
                                         guint32                     stream,
                                         guint32                     index);

void    iwd_sandbox_contract_generate   (IwdSandboxContract         *contract,
                                         const IwdSandboxDataSource *source,
                                         guint                       index);
void    iwd_sandbox_contract_clear      (IwdSandboxContract         *contract);
void    iwd_sandbox_contract_append_json (const IwdSandboxContract  *contract,
                                         GString                    *out);

void    iwd_sandbox_changes_init        (IwdSandboxChanges          *changes,
                                         const IwdSandboxDataSource *source,
                                         guint                       n_original,
                                         guint                       generations);
void    iwd_sandbox_changes_clear       (IwdSandboxChanges          *changes);
void    iwd_sandbox_contract_raise_premium (IwdSandboxContract     *contract,
                                         guint                       raises);

void    iwd_sandbox_append_amount       (GString                    *out,
                                         gint64                      scaled,
                                         guint                       decimals,
                                         char                        separator);
void    iwd_sandbox_append_json_string  (GString                    *out,
                                         const char                 *text);

G_END_DECLS
