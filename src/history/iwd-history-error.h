/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_HISTORY_ERROR (iwd_history_error_quark ())

/**
 * IwdHistoryError:
 * @IWD_HISTORY_ERROR_DATABASE: SQLite failed to open, read or write the
 *   database file, and the message includes SQLite's own
 * @IWD_HISTORY_ERROR_CORRUPT: a stored table does not decode, or was
 *   written by a newer version of the format
 * @IWD_HISTORY_ERROR_NOT_FOUND: no fetch has the requested id, or none
 *   matches the requested portfolio, kind and profile
 *
 * Errors of the history store and its table format.
 */
typedef enum {
  IWD_HISTORY_ERROR_DATABASE,
  IWD_HISTORY_ERROR_CORRUPT,
  IWD_HISTORY_ERROR_NOT_FOUND,
} IwdHistoryError;

GQuark iwd_history_error_quark (void);

G_END_DECLS
