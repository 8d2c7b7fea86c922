/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include "iwd-api-error.h"
#include "iwd-cli-error.h"
#include "iwd-cli-input.h"
#include "iwd-parse-error.h"
#include "iwd-secret-store.h"

static IwdCliExit
classify (GQuark domain,
          int    code)
{
  g_autoptr(GError) error = g_error_new_literal (domain, code, "test");
  const char *advice = NULL;
  IwdCliExit exit_code = iwd_cli_classify_error (error, &advice);

  g_assert_nonnull (advice);

  return exit_code;
}

static void
test_exit_codes_api (void)
{
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_NETWORK), ==, IWD_CLI_EXIT_NETWORK);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_TIMEOUT), ==, IWD_CLI_EXIT_NETWORK);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_UNAUTHORIZED), ==, IWD_CLI_EXIT_AUTH);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_FORBIDDEN), ==, IWD_CLI_EXIT_SERVER);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_NOT_FOUND), ==, IWD_CLI_EXIT_SERVER);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_SERVER), ==, IWD_CLI_EXIT_SERVER);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_INVALID_REPLY), ==, IWD_CLI_EXIT_SERVER);
  g_assert_cmpint (classify (IWD_API_ERROR, IWD_API_ERROR_INSECURE_URL), ==, IWD_CLI_EXIT_USAGE);
}

static void
test_exit_codes_input (void)
{
  g_assert_cmpint (classify (IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (G_FILE_ERROR, G_FILE_ERROR_NOENT), ==, IWD_CLI_EXIT_INPUT);
  g_assert_cmpint (classify (G_FILE_ERROR, G_FILE_ERROR_ACCES), ==, IWD_CLI_EXIT_INPUT);
}

static void
test_exit_codes_usage_and_keyring (void)
{
  g_assert_cmpint (classify (G_OPTION_ERROR, G_OPTION_ERROR_UNKNOWN_OPTION), ==, IWD_CLI_EXIT_USAGE);
  g_assert_cmpint (classify (IWD_CLI_ERROR, IWD_CLI_ERROR_USAGE), ==, IWD_CLI_EXIT_USAGE);
  g_assert_cmpint (classify (IWD_CLI_ERROR, IWD_CLI_ERROR_NO_PASSWORD), ==, IWD_CLI_EXIT_KEYRING);
  g_assert_cmpint (classify (IWD_CLI_ERROR, IWD_CLI_ERROR_REJECTED), ==, IWD_CLI_EXIT_USAGE);
  g_assert_cmpint (classify (IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_UNAVAILABLE), ==, IWD_CLI_EXIT_KEYRING);
  g_assert_cmpint (classify (IWD_SECRET_STORE_ERROR, IWD_SECRET_STORE_ERROR_LOCKED), ==, IWD_CLI_EXIT_KEYRING);
  g_assert_cmpint (classify (G_DBUS_ERROR, G_DBUS_ERROR_SERVICE_UNKNOWN), ==, IWD_CLI_EXIT_KEYRING);
}

static IwdCliInputKind
detect (const char *text,
        gsize       length)
{
  g_autoptr(GBytes) data = g_bytes_new (text, length);

  return iwd_cli_detect_input_kind (data);
}

static void
test_detect_kinds (void)
{
  static const char contracts[] = "\xef\xbb\xbf \r\n [{\"erreur\":0,\"police\" : {\"prime\":1}}]";
  static const char client_first[] = "[{\"client\":{\"ville\":\"LYON\"}}]";
  static const char flat[] = "[{\"Police\":\"P-1\",\"Prime\":\"1,00\"}]";
  static const char escaped[] = "[{\"Note\":\"\\\"police\\\": {\"}]";
  static const char tsv[] = "Police\tPrime\r\nP-1\t1,00";
  static const char empty_array[] = "[]";
  static const char object[] = " {\"Police\":\"P-1\"}";
  static const char contract_object[] = "{\"police\":{\"prime\":1}}";

  g_assert_cmpint (detect (contracts, sizeof contracts - 1), ==, IWD_CLI_INPUT_CONTRACTS_JSON);
  g_assert_cmpint (detect (client_first, sizeof client_first - 1), ==, IWD_CLI_INPUT_CONTRACTS_JSON);
  g_assert_cmpint (detect (flat, sizeof flat - 1), ==, IWD_CLI_INPUT_COMMISSIONS_JSON);
  g_assert_cmpint (detect (escaped, sizeof escaped - 1), ==, IWD_CLI_INPUT_COMMISSIONS_JSON);
  g_assert_cmpint (detect (empty_array, sizeof empty_array - 1), ==, IWD_CLI_INPUT_COMMISSIONS_JSON);
  g_assert_cmpint (detect (object, sizeof object - 1), ==, IWD_CLI_INPUT_COMMISSIONS_JSON);
  g_assert_cmpint (detect (contract_object, sizeof contract_object - 1), ==, IWD_CLI_INPUT_CONTRACTS_JSON);
  g_assert_cmpint (detect (tsv, sizeof tsv - 1), ==, IWD_CLI_INPUT_COMMISSIONS_TSV);
  g_assert_cmpint (detect ("", 0), ==, IWD_CLI_INPUT_COMMISSIONS_TSV);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/exit-codes/api", test_exit_codes_api);
  g_test_add_func ("/cli/exit-codes/input", test_exit_codes_input);
  g_test_add_func ("/cli/exit-codes/usage-and-keyring", test_exit_codes_usage_and_keyring);
  g_test_add_func ("/cli/input/detect-kinds", test_detect_kinds);

  return g_test_run ();
}
