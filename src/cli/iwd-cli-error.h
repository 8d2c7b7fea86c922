/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_CLI_ERROR (iwd_cli_error_quark ())

/**
 * IwdCliError:
 * @IWD_CLI_ERROR_USAGE: a missing or invalid argument or option
 * @IWD_CLI_ERROR_NO_PASSWORD: no password on standard input nor in the
 *   keyring
 * @IWD_CLI_ERROR_REJECTED: a company rejected the credentials given to
 *   `profile save`
 * @IWD_CLI_ERROR_COLLECTING: the robot has returned no row yet for the
 *   requested portfolio or profile, so it is taken to be still collecting
 * @IWD_CLI_ERROR_EXISTS: the id given to a create command is already used
 * @IWD_CLI_ERROR_SECRET_NOT_STORED: a profile was saved, but the keyring
 *   could not store one of its secret values
 *
 * Errors that the command-line tool raises itself, beside the ones of
 * the libraries it calls.
 */
typedef enum {
  IWD_CLI_ERROR_USAGE,
  IWD_CLI_ERROR_NO_PASSWORD,
  IWD_CLI_ERROR_REJECTED,
  IWD_CLI_ERROR_COLLECTING,
  IWD_CLI_ERROR_EXISTS,
  IWD_CLI_ERROR_SECRET_NOT_STORED,
} IwdCliError;

/**
 * IwdCliExit:
 * @IWD_CLI_EXIT_OK: success
 * @IWD_CLI_EXIT_USAGE: bad option or argument
 * @IWD_CLI_EXIT_INPUT: input file unreadable or invalid
 * @IWD_CLI_EXIT_NETWORK: network error or timeout
 * @IWD_CLI_EXIT_AUTH: authentication failed (HTTP 401)
 * @IWD_CLI_EXIT_SERVER: server error or invalid reply
 * @IWD_CLI_EXIT_KEYRING: keyring unavailable, or no password
 * @IWD_CLI_EXIT_NOT_READY: the robot is still collecting the requested
 *   data
 *
 * The exit codes of `iwdesk-cli`, as listed in its `--help`.
 */
typedef enum {
  IWD_CLI_EXIT_OK = 0,
  IWD_CLI_EXIT_USAGE = 1,
  IWD_CLI_EXIT_INPUT = 2,
  IWD_CLI_EXIT_NETWORK = 3,
  IWD_CLI_EXIT_AUTH = 4,
  IWD_CLI_EXIT_SERVER = 5,
  IWD_CLI_EXIT_KEYRING = 6,
  IWD_CLI_EXIT_NOT_READY = 7,
} IwdCliExit;

GQuark      iwd_cli_error_quark    (void);

IwdCliExit  iwd_cli_classify_error (const GError  *error,
                                    const char   **out_advice);

IwdCliExit  iwd_cli_report_error   (const char    *subject,
                                    const GError  *error);

G_END_DECLS
