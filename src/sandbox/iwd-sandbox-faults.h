/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "iwd-routes.h"
#include "iwd-sandbox.h"
#include "iwd-sandbox-request.h"

G_BEGIN_DECLS

/* Size of the body that IWD_SANDBOX_FAULT_HUGE_BODY streams. */
#define IWD_SANDBOX_HUGE_BODY_SIZE (100 * 1024 * 1024)

/**
 * IwdSandboxFault:
 * @IWD_SANDBOX_FAULT_NONE: the normal reply
 * @IWD_SANDBOX_FAULT_UNAUTHORIZED: HTTP 401 with a Basic challenge
 * @IWD_SANDBOX_FAULT_FORBIDDEN: HTTP 403
 * @IWD_SANDBOX_FAULT_NOT_FOUND: HTTP 404
 * @IWD_SANDBOX_FAULT_SERVER_ERROR: HTTP 500
 * @IWD_SANDBOX_FAULT_UNAVAILABLE: HTTP 503 with `Retry-After: 1`
 * @IWD_SANDBOX_FAULT_STALL: no reply at all, the connection stays open
 * @IWD_SANDBOX_FAULT_RESET: headers with a Content-Length larger than the
 *   body that follows, then the connection closes
 * @IWD_SANDBOX_FAULT_TRUNCATED: a complete HTTP reply whose JSON body is
 *   cut in the middle of a value
 * @IWD_SANDBOX_FAULT_INVALID_JSON: a complete reply whose body is not JSON
 * @IWD_SANDBOX_FAULT_HTML_PAGE: a 200 `text/html` maintenance page, as a
 *   proxy or a captive portal sends
 * @IWD_SANDBOX_FAULT_WRONG_TYPE: the normal body with the Content-Type
 *   `application/octet-stream`
 * @IWD_SANDBOX_FAULT_HUGE_BODY: a 200 JSON reply of
 *   %IWD_SANDBOX_HUGE_BODY_SIZE bytes, streamed in chunks
 *
 * A failure that the sandbox can inject in place of a call's reply.
 */
typedef enum {
  IWD_SANDBOX_FAULT_NONE,
  IWD_SANDBOX_FAULT_UNAUTHORIZED,
  IWD_SANDBOX_FAULT_FORBIDDEN,
  IWD_SANDBOX_FAULT_NOT_FOUND,
  IWD_SANDBOX_FAULT_SERVER_ERROR,
  IWD_SANDBOX_FAULT_UNAVAILABLE,
  IWD_SANDBOX_FAULT_STALL,
  IWD_SANDBOX_FAULT_RESET,
  IWD_SANDBOX_FAULT_TRUNCATED,
  IWD_SANDBOX_FAULT_INVALID_JSON,
  IWD_SANDBOX_FAULT_HTML_PAGE,
  IWD_SANDBOX_FAULT_WRONG_TYPE,
  IWD_SANDBOX_FAULT_HUGE_BODY,
  IWD_SANDBOX_N_FAULTS,
} IwdSandboxFault;

const char *iwd_sandbox_fault_get_name      (IwdSandboxFault   fault);
char       *iwd_sandbox_fault_dup_help      (void);
gboolean    iwd_sandbox_fault_parse_option  (const char       *text,
                                             IwdRoute         *out_route,
                                             IwdSandboxFault  *out_fault,
                                             guint            *out_count,
                                             GError          **error);

void        iwd_sandbox_set_fault           (IwdSandbox       *self,
                                             IwdRoute          route,
                                             IwdSandboxFault   fault,
                                             guint             count);

/* Used by IwdSandbox's dispatch */

typedef struct _IwdSandboxFaults IwdSandboxFaults;

IwdSandboxFaults *iwd_sandbox_faults_new    (void);
void        iwd_sandbox_faults_free         (IwdSandboxFaults *faults);
void        iwd_sandbox_faults_set          (IwdSandboxFaults *faults,
                                             IwdRoute          route,
                                             IwdSandboxFault   fault,
                                             guint             count);
IwdSandboxFault iwd_sandbox_faults_take     (IwdSandboxFaults *faults,
                                             IwdRoute          route);

gboolean    iwd_sandbox_fault_reply         (IwdSandboxRequest *request,
                                             IwdSandboxFault    fault);
void        iwd_sandbox_fault_alter_reply   (IwdSandboxRequest *request,
                                             IwdSandboxFault    fault);

G_END_DECLS
