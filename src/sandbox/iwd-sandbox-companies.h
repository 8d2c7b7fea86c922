/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/**
 * IwdSandboxLogo:
 * @IWD_SANDBOX_LOGO_PNG: a generated, valid PNG
 * @IWD_SANDBOX_LOGO_NONE: no logo, the site replies 404
 * @IWD_SANDBOX_LOGO_CORRUPT: bytes that start like a PNG but do not decode
 */
typedef enum {
  IWD_SANDBOX_LOGO_PNG,
  IWD_SANDBOX_LOGO_NONE,
  IWD_SANDBOX_LOGO_CORRUPT,
} IwdSandboxLogo;

/**
 * IwdSandboxHelp:
 * @IWD_SANDBOX_HELP_HTML: served at both `.html` and `.htm`
 * @IWD_SANDBOX_HELP_HTM: served at `.htm` only, like the older site
 * @IWD_SANDBOX_HELP_NONE: no help page at all
 */
typedef enum {
  IWD_SANDBOX_HELP_HTML,
  IWD_SANDBOX_HELP_HTM,
  IWD_SANDBOX_HELP_NONE,
} IwdSandboxHelp;

typedef struct _IwdSandboxCompany IwdSandboxCompany;

const IwdSandboxCompany *iwd_sandbox_company_lookup        (const char              *name);
const char              *iwd_sandbox_company_get_name      (const IwdSandboxCompany *company);
const char              *iwd_sandbox_company_get_label     (const IwdSandboxCompany *company);
IwdSandboxLogo           iwd_sandbox_company_get_logo      (const IwdSandboxCompany *company);
IwdSandboxHelp           iwd_sandbox_company_get_help      (const IwdSandboxCompany *company);
guint32                  iwd_sandbox_company_get_colour    (const IwdSandboxCompany *company);

char                    *iwd_sandbox_companies_join_names (gboolean (*filter) (const IwdSandboxCompany *company));
char                    *iwd_sandbox_companies_dup_list    (gsize                   *out_length);
JsonNode                *iwd_sandbox_company_build_schema  (const IwdSandboxCompany *company);
char                    *iwd_sandbox_company_check         (const IwdSandboxCompany *company,
                                                            JsonObject              *values,
                                                            const char              *options);
gboolean                 iwd_sandbox_company_has_wrong_password (const IwdSandboxCompany *company,
                                                            JsonObject              *values);

G_END_DECLS
