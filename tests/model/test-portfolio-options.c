/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-error.h"
#include "iwd-portfolio-options.h"

static JsonNode *
parse_json (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_options_to_json (void)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Mon PTF 1", 10);
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *text = NULL;

  options->documents = TRUE;
  options->fleets = TRUE;
  node = iwd_portfolio_options_to_json (options);
  text = json_to_string (node, FALSE);

  g_assert_cmpstr (text, ==,
                   "{\"Libelle\":\"Mon PTF 1\",\"NbMoisQ\":10,\"isGED\":true,"
                   "\"isAdherents\":false,\"isParcs\":true,\"isFonds\":false}");
}

static void
test_options_round_trip (void)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Cabinet \xC3\x89tienne", 24);
  g_autoptr(IwdPortfolioOptions) read_back = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(GError) error = NULL;

  options->members = TRUE;
  options->funds = TRUE;
  node = iwd_portfolio_options_to_json (options);
  read_back = iwd_portfolio_options_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (read_back->label, ==, "Cabinet \xC3\x89tienne");
  g_assert_cmpuint (read_back->months, ==, 24);
  g_assert_false (read_back->documents);
  g_assert_true (read_back->members);
  g_assert_false (read_back->fleets);
  g_assert_true (read_back->funds);
}

static void
test_options_loose_types (void)
{
  g_autoptr(JsonNode) node = parse_json ("{\"Libelle\":\"A\",\"NbMoisQ\":\"12\","
                                         "\"isGED\":1,\"isAdherents\":\"true\","
                                         "\"isParcs\":\"N\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_from_json (node, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (options->months, ==, 12);
  g_assert_true (options->documents);
  g_assert_true (options->members);
  g_assert_false (options->fleets);
  g_assert_false (options->funds);
}

static void
test_options_wrong_types (void)
{
  const struct {
    const char *json;
    const char *message;
  } cases[] = {
    { "[1]", "the portfolio options are not a JSON object" },
    { "{\"NbMoisQ\":10}", "key 'Libelle' is missing" },
    { "{\"Libelle\":5,\"NbMoisQ\":10}", "key 'Libelle' is not a string" },
    { "{\"Libelle\":\"A\"}", "key 'NbMoisQ' is missing or out of range" },
    { "{\"Libelle\":\"A\",\"NbMoisQ\":-1}", "key 'NbMoisQ' is missing or out of range" },
    { "{\"Libelle\":\"A\",\"NbMoisQ\":\"ten\"}", "key 'NbMoisQ' is not a whole number" },
    { "{\"Libelle\":\"A\",\"NbMoisQ\":true}", "key 'NbMoisQ' is not a whole number" },
    { "{\"Libelle\":\"A\",\"NbMoisQ\":1,\"isGED\":\"maybe\"}", "key 'isGED' is not a boolean" },
    { "{\"Libelle\":\"A\",\"NbMoisQ\":1,\"isFonds\":[]}", "key 'isFonds' is not a boolean" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(JsonNode) node = parse_json (cases[i].json);
      g_autoptr(GError) error = NULL;
      g_autoptr(IwdPortfolioOptions) options = NULL;

      g_test_message ("JSON %s", cases[i].json);
      options = iwd_portfolio_options_from_json (node, &error);
      g_assert_null (options);
      g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
      g_assert_cmpstr (error->message, ==, cases[i].message);
    }
}

static void
test_options_copy (void)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("PTF", 3);
  g_autoptr(IwdPortfolioOptions) copy = NULL;

  options->fleets = TRUE;
  copy = iwd_portfolio_options_copy (options);

  g_assert_cmpstr (copy->label, ==, "PTF");
  g_assert_true (copy->label != options->label);
  g_assert_cmpuint (copy->months, ==, 3);
  g_assert_true (copy->fleets);
}

static void
test_options_boxed_type (void)
{
  g_assert_true (G_TYPE_IS_BOXED (IWD_TYPE_PORTFOLIO_OPTIONS));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/portfolio-options/to-json", test_options_to_json);
  g_test_add_func ("/portfolio-options/round-trip", test_options_round_trip);
  g_test_add_func ("/portfolio-options/loose-types", test_options_loose_types);
  g_test_add_func ("/portfolio-options/wrong-types", test_options_wrong_types);
  g_test_add_func ("/portfolio-options/copy", test_options_copy);
  g_test_add_func ("/portfolio-options/boxed-type", test_options_boxed_type);

  return g_test_run ();
}
