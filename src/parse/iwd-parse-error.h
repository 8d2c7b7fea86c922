/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define IWD_PARSE_ERROR (iwd_parse_error_quark ())

/**
 * IwdParseError:
 * @IWD_PARSE_ERROR_EMPTY: the input is empty where content is required
 * @IWD_PARSE_ERROR_ENCODING: the bytes are neither UTF-8 nor Windows-1252
 * @IWD_PARSE_ERROR_SYNTAX: the input is not valid JSON or text of its kind
 * @IWD_PARSE_ERROR_SHAPE: valid syntax, but a key or item has the wrong type
 *   or is missing
 * @IWD_PARSE_ERROR_VALUE: a number, amount or date cannot be read
 *
 * Errors of the pure parsers. Each message names where the input broke
 * (line, item index, key or byte offset) and the value at fault.
 */
typedef enum {
  IWD_PARSE_ERROR_EMPTY,
  IWD_PARSE_ERROR_ENCODING,
  IWD_PARSE_ERROR_SYNTAX,
  IWD_PARSE_ERROR_SHAPE,
  IWD_PARSE_ERROR_VALUE,
} IwdParseError;

GQuark iwd_parse_error_quark (void);

G_END_DECLS
