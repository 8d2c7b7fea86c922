/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-sandbox-data.h"
#include "iwd-sandbox-request.h"

G_BEGIN_DECLS

#define IWD_SANDBOX_FEEDS_TSV_TYPE "text/tab-separated-values; charset=windows-1252"

void iwd_sandbox_feeds_send_contracts   (IwdSandboxRequest   *request,
                                         IwdSandboxPortfolio *portfolio);
void iwd_sandbox_feeds_send_commissions (IwdSandboxRequest   *request,
                                         IwdSandboxPortfolio *portfolio,
                                         IwdSandboxMember    *member,
                                         gboolean             json);

void iwd_sandbox_feeds_write_commissions (const IwdSandboxDataSource *source,
                                          guint                       n_contracts,
                                          guint                       n_lines,
                                          GString                    *out);
void iwd_sandbox_feeds_write_contracts   (const IwdSandboxDataSource *source,
                                          guint                       n_contracts,
                                          GString                    *out);

G_END_DECLS
