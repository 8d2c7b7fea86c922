/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-sandbox.h"
#include "iwd-sandbox-request.h"

G_BEGIN_DECLS

/* Read by the handlers, which live in their own files. */
guint64      iwd_sandbox_get_seed          (IwdSandbox *self);
guint        iwd_sandbox_get_robot_delay   (IwdSandbox *self);
guint        iwd_sandbox_get_contract_count (IwdSandbox *self);
guint        iwd_sandbox_get_commission_count (IwdSandbox *self);
const GDate *iwd_sandbox_get_reference_date (IwdSandbox *self);
const char  *iwd_sandbox_get_fixtures_dir  (IwdSandbox *self);

void         iwd_sandbox_iwrest_handle     (IwdSandboxRequest *request);
void         iwd_sandbox_robot_handle      (IwdSandboxRequest *request);
void         iwd_sandbox_site_handle       (IwdSandboxRequest *request);

G_END_DECLS
