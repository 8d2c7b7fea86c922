/* SPDX-License-Identifier: GPL-3.0-or-later */
#include <glib/gstdio.h>
#include <sys/stat.h>

#include "iwd-account-state.h"

#define SERVER "https://robot.example.test/Robot/"
#define LOGIN  "cabinet.dupont"

typedef struct {
  char            *base_dir;
  IwdAccountId    *account;
  IwdAccountState *state;
} Fixture;

static void
remove_tree (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);

      if (g_file_test (child, G_FILE_TEST_IS_DIR) && !g_file_test (child, G_FILE_TEST_IS_SYMLINK))
        remove_tree (child);
      else
        g_unlink (child);
    }

  g_rmdir (path);
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fixture->base_dir = g_dir_make_tmp ("iwd-test-state-XXXXXX", &error);
  g_assert_no_error (error);

  fixture->account = iwd_account_id_new (SERVER, LOGIN);
  fixture->state = iwd_account_state_new (fixture->base_dir, fixture->account);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_assert_finalize_object (fixture->state);
  iwd_account_id_free (fixture->account);
  remove_tree (fixture->base_dir);
  g_free (fixture->base_dir);
}

/* Puts a file of tests/data/stores in place of the state file. */
static void
install_state_file (Fixture    *fixture,
                    const char *name)
{
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "stores", name, NULL);
  const char *path = iwd_account_state_get_path (fixture->state);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (source, &contents, &length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

static IwdAccountState *
reload (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  IwdAccountState *state = iwd_account_state_new (fixture->base_dir, fixture->account);

  iwd_account_state_load (state, &error);
  g_assert_no_error (error);

  return state;
}

static IwdProfileRecord *
new_axa_record (void)
{
  IwdProfileRecord *record = iwd_profile_record_new ("Axa1", "axa");

  g_strfreev (record->methods);
  record->methods = g_strdupv ((char *[]) { (char *) "Commissions", (char *) "Impayes", NULL });
  g_strfreev (record->secret_keys);
  record->secret_keys = g_strdupv ((char *[]) { (char *) "Password", NULL });
  json_object_set_string_member (record->values, "Login", "cabinet-dupont");
  json_object_set_string_member (record->values, "Type", "E");
  json_object_set_boolean_member (record->values, "Clos", TRUE);

  return record;
}

static void
fill_state (IwdAccountState *state)
{
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Mon PTF 1", 10);
  g_autoptr(IwdProfileRecord) axa = new_axa_record ();
  g_autoptr(IwdProfileRecord) april = iwd_profile_record_new ("April1", "april");
  g_autoptr(GError) error = NULL;

  options->documents = TRUE;
  options->funds = TRUE;

  iwd_account_state_add_portfolio (state, "PTF1", options, &error);
  g_assert_no_error (error);
  iwd_account_state_set_profile (state, axa, &error);
  g_assert_no_error (error);
  iwd_account_state_set_profile (state, april, &error);
  g_assert_no_error (error);
  iwd_account_state_link_profile (state, "PTF1", "Axa1", &error);
  g_assert_no_error (error);
  iwd_account_state_link_profile (state, "PTF1", "April1", &error);
  g_assert_no_error (error);
}

static char *
read_state_file (IwdAccountState *state)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (iwd_account_state_get_path (state), &contents, NULL, &error);
  g_assert_no_error (error);

  return contents;
}

static void
test_state_missing_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) portfolios = NULL;
  g_auto(GStrv) profiles = NULL;

  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);

  portfolios = iwd_account_state_list_portfolios (fixture->state);
  profiles = iwd_account_state_list_profiles (fixture->state);
  g_assert_cmpuint (g_strv_length (portfolios), ==, 0);
  g_assert_cmpuint (g_strv_length (profiles), ==, 0);
  g_assert_null (iwd_account_state_get_recovered_from (fixture->state));
}

static void
test_state_round_trip (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdAccountState) loaded = NULL;
  g_auto(GStrv) linked = NULL;
  const IwdPortfolioOptions *options;
  const IwdProfileRecord *axa;

  fill_state (fixture->state);
  g_assert_true (iwd_account_state_save (fixture->state, &error));
  g_assert_no_error (error);

  loaded = reload (fixture);
  options = iwd_account_state_get_portfolio_options (loaded, "PTF1");
  g_assert_nonnull (options);
  g_assert_cmpstr (options->label, ==, "Mon PTF 1");
  g_assert_cmpuint (options->months, ==, 10);
  g_assert_true (options->documents);
  g_assert_false (options->members);
  g_assert_false (options->fleets);
  g_assert_true (options->funds);

  linked = iwd_account_state_list_portfolio_profiles (loaded, "PTF1");
  g_assert_cmpuint (g_strv_length (linked), ==, 2);
  g_assert_cmpstr (linked[0], ==, "Axa1");
  g_assert_cmpstr (linked[1], ==, "April1");

  axa = iwd_account_state_get_profile (loaded, "Axa1");
  g_assert_nonnull (axa);
  g_assert_cmpstr (axa->company, ==, "axa");
  g_assert_cmpuint (g_strv_length (axa->methods), ==, 2);
  g_assert_cmpstr (axa->methods[0], ==, "Commissions");
  g_assert_cmpstr (axa->methods[1], ==, "Impayes");
  g_assert_cmpstr (json_object_get_string_member (axa->values, "Login"), ==, "cabinet-dupont");
  g_assert_cmpstr (json_object_get_string_member (axa->values, "Type"), ==, "E");
  g_assert_true (json_object_get_boolean_member (axa->values, "Clos"));
  g_assert_true (iwd_profile_record_is_secret_key (axa, "Password"));
  g_assert_false (json_object_has_member (axa->values, "Password"));

  g_assert_finalize_object (g_steal_pointer (&loaded));
}

static void
test_state_save_stable (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdAccountState) loaded = NULL;
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;

  fill_state (fixture->state);
  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);
  first = read_state_file (fixture->state);

  loaded = reload (fixture);
  iwd_account_state_save (loaded, &error);
  g_assert_no_error (error);
  second = read_state_file (loaded);

  g_assert_cmpstr (second, ==, first);
  g_assert_finalize_object (g_steal_pointer (&loaded));
}

static void
assert_mode (const char *path,
             guint       expected)
{
  GStatBuf buf;

  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpuint (buf.st_mode & 0777, ==, expected);
}

static void
test_state_save_atomic (Fixture       *fixture,
                        gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_path_get_dirname (iwd_account_state_get_path (fixture->state));
  g_autofree char *account_path = g_build_filename (dir, "account.json", NULL);
  g_autoptr(GDir) listing = NULL;
  const char *name;
  guint count = 0;

  /* The second save replaces an existing file, the path a temporary
   * file takes. */
  fill_state (fixture->state);
  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);
  iwd_account_state_remove_profile (fixture->state, "April1", &error);
  g_assert_no_error (error);
  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);

  listing = g_dir_open (dir, 0, &error);
  g_assert_no_error (error);
  while ((name = g_dir_read_name (listing)) != NULL)
    {
      g_assert_true (g_str_equal (name, "state.json") || g_str_equal (name, "account.json"));
      count++;
    }
  g_assert_cmpuint (count, ==, 2);

  assert_mode (iwd_account_state_get_path (fixture->state), 0600);
  assert_mode (account_path, 0600);
  assert_mode (dir, 0700);
}

static void
test_state_account_file (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *path = iwd_account_state_get_path (fixture->state);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *dir_name = g_path_get_basename (dir);
  g_autofree char *account_path = g_build_filename (dir, "account.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);

  g_assert_null (strstr (path, LOGIN));
  g_assert_cmpuint (strlen (dir_name), ==, 64);
  g_assert_true (g_str_has_prefix (path, fixture->base_dir));

  json_parser_load_from_file (parser, account_path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "server"), ==, SERVER);
  g_assert_cmpstr (json_object_get_string_member (root, "login"), ==, LOGIN);
}

static void
assert_set_aside (Fixture    *fixture,
                  const char *data_name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "stores", data_name, NULL);
  g_autofree char *original = NULL;
  g_autofree char *moved_contents = NULL;
  g_auto(GStrv) profiles = NULL;
  const char *aside;

  g_file_get_contents (source, &original, NULL, &error);
  g_assert_no_error (error);
  install_state_file (fixture, data_name);

  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);

  aside = iwd_account_state_get_recovered_from (fixture->state);
  g_assert_nonnull (aside);
  g_assert_true (g_str_has_prefix (aside, iwd_account_state_get_path (fixture->state)));
  g_assert_nonnull (strstr (aside, ".corrupt-"));
  g_assert_false (g_file_test (iwd_account_state_get_path (fixture->state), G_FILE_TEST_EXISTS));

  g_file_get_contents (aside, &moved_contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (moved_contents, ==, original);

  profiles = iwd_account_state_list_profiles (fixture->state);
  g_assert_cmpuint (g_strv_length (profiles), ==, 0);

  /* Saving the fresh state leaves the file set aside in place. */
  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);
  g_assert_true (g_file_test (aside, G_FILE_TEST_EXISTS));
}

static void
test_state_truncated_set_aside (Fixture       *fixture,
                           gconstpointer  user_data)
{
  assert_set_aside (fixture, "state-truncated.json");
}

static void
test_state_wrong_shape_set_aside (Fixture       *fixture,
                             gconstpointer  user_data)
{
  assert_set_aside (fixture, "state-wrong-shape.json");
}

/* json-glib 1.6 decodes "\ud800" into bytes that are not UTF-8, and
 * would write them back as a file that no later load accepts. */
static void
test_state_lone_surrogate_set_aside (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  assert_set_aside (fixture, "state-lone-surrogate.json");
}

static void
test_state_empty_file_set_aside (Fixture       *fixture,
                            gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  const char *path = iwd_account_state_get_path (fixture->state);
  g_autofree char *dir = g_path_get_dirname (path);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, "", 0, &error);
  g_assert_no_error (error);

  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);
  g_assert_nonnull (iwd_account_state_get_recovered_from (fixture->state));
}

static void
test_state_newer_refused (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *source = g_build_filename (TEST_DATA_DIR, "stores", "state-newer.json", NULL);
  g_autofree char *original = NULL;
  g_autofree char *after = NULL;

  g_file_get_contents (source, &original, NULL, &error);
  g_assert_no_error (error);
  install_state_file (fixture, "state-newer.json");

  g_assert_false (iwd_account_state_load (fixture->state, &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NEWER_VERSION);
  g_assert_nonnull (strstr (error->message, "newer IWDesk"));
  g_clear_error (&error);

  g_assert_false (iwd_account_state_save (fixture->state, &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_READ_ONLY);

  after = read_state_file (fixture->state);
  g_assert_cmpstr (after, ==, original);
  g_assert_null (iwd_account_state_get_recovered_from (fixture->state));
}

static void
assert_v1_migrated (IwdAccountState *state)
{
  g_auto(GStrv) portfolios = iwd_account_state_list_portfolios (state);
  g_auto(GStrv) linked = iwd_account_state_list_portfolio_profiles (state, "PTF1");
  g_auto(GStrv) linked_none = iwd_account_state_list_portfolio_profiles (state, "PTF2");
  const IwdPortfolioOptions *options = iwd_account_state_get_portfolio_options (state, "PTF2");
  const IwdProfileRecord *axa = iwd_account_state_get_profile (state, "Axa1");
  const IwdProfileRecord *solo = iwd_account_state_get_profile (state, "Solo1");

  g_assert_cmpuint (g_strv_length (portfolios), ==, 2);
  g_assert_cmpstr (portfolios[0], ==, "PTF1");
  g_assert_cmpstr (portfolios[1], ==, "PTF2");
  g_assert_cmpstr (options->label, ==, "PTF2");
  g_assert_cmpuint (options->months, ==, 12);

  g_assert_cmpuint (g_strv_length (linked), ==, 2);
  g_assert_true (g_strv_contains ((const char * const *) linked, "Axa1"));
  g_assert_true (g_strv_contains ((const char * const *) linked, "April1"));
  g_assert_cmpuint (g_strv_length (linked_none), ==, 0);

  g_assert_cmpstr (axa->company, ==, "axa");
  g_assert_cmpuint (g_strv_length (axa->methods), ==, 1);
  g_assert_cmpstr (axa->methods[0], ==, "Commissions");
  g_assert_cmpstr (json_object_get_string_member (axa->values, "Type"), ==, "P");
  g_assert_true (iwd_profile_record_is_secret_key (axa, "Password"));
  g_assert_cmpstr (solo->company, ==, "spvie");
  g_assert_cmpuint (g_strv_length (solo->secret_keys), ==, 0);
}

static void
test_state_migrate_v1 (Fixture       *fixture,
                       gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdAccountState) reloaded = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root;

  install_state_file (fixture, "state-v1.json");
  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);
  g_assert_null (iwd_account_state_get_recovered_from (fixture->state));
  assert_v1_migrated (fixture->state);

  iwd_account_state_save (fixture->state, &error);
  g_assert_no_error (error);
  json_parser_load_from_file (parser, iwd_account_state_get_path (fixture->state), &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpint (json_object_get_int_member (root, "version"), ==, IWD_ACCOUNT_STATE_VERSION);

  reloaded = reload (fixture);
  assert_v1_migrated (reloaded);
  g_assert_finalize_object (g_steal_pointer (&reloaded));
}

/* A "portfolio" that is not a string names no portfolio, so the profile
 * stays and links nowhere. */
static void
test_state_v1_portfolio_array (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) profiles = NULL;
  g_auto(GStrv) linked = NULL;

  install_state_file (fixture, "state-v1-portfolio-array.json");
  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);
  g_assert_null (iwd_account_state_get_recovered_from (fixture->state));

  profiles = iwd_account_state_list_profiles (fixture->state);
  g_assert_cmpuint (g_strv_length (profiles), ==, 1);
  g_assert_cmpstr (profiles[0], ==, "Axa1");

  linked = iwd_account_state_list_portfolio_profiles (fixture->state, "PTF1");
  g_assert_nonnull (linked);
  g_assert_cmpuint (g_strv_length (linked), ==, 0);
}

/* json-glib 1.6 would overflow the stack on deep enough nesting. */
static void
test_state_deep_set_aside (Fixture       *fixture,
                           gconstpointer  user_data)
{
  assert_set_aside (fixture, "state-deep.json");
}

static void
test_state_company_object_set_aside (Fixture       *fixture,
                                     gconstpointer  user_data)
{
  assert_set_aside (fixture, "state-company-object.json");
}

static void
test_state_tolerant_read (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) linked = NULL;
  const IwdPortfolioOptions *options;
  const IwdProfileRecord *axa;
  const IwdProfileRecord *gan;

  install_state_file (fixture, "state-tolerant.json");
  g_assert_true (iwd_account_state_load (fixture->state, &error));
  g_assert_no_error (error);
  g_assert_null (iwd_account_state_get_recovered_from (fixture->state));

  options = iwd_account_state_get_portfolio_options (fixture->state, "PTF1");
  g_assert_cmpstr (options->label, ==, "Clients Var");
  g_assert_cmpuint (options->months, ==, 6);
  g_assert_true (options->documents);
  options = iwd_account_state_get_portfolio_options (fixture->state, "PTF2");
  g_assert_cmpstr (options->label, ==, "PTF2");

  /* "Ghost1" names no profile, so its link is dropped. */
  linked = iwd_account_state_list_portfolio_profiles (fixture->state, "PTF1");
  g_assert_cmpuint (g_strv_length (linked), ==, 1);
  g_assert_cmpstr (linked[0], ==, "Axa1");

  axa = iwd_account_state_get_profile (fixture->state, "Axa1");
  g_assert_cmpuint (g_strv_length (axa->methods), ==, 0);
  g_assert_cmpuint (json_object_get_size (axa->values), ==, 0);
  g_assert_cmpuint (g_strv_length (axa->secret_keys), ==, 0);

  gan = iwd_account_state_get_profile (fixture->state, "Gan1");
  g_assert_cmpstr (json_object_get_string_member (gan->values, "Login"), ==, "x");
  g_assert_false (json_object_has_member (gan->values, "Password"));
}

static void
test_state_secret_value_rejected (Fixture       *fixture,
                                  gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdProfileRecord) record = new_axa_record ();

  json_object_set_string_member (record->values, "Password", "hunter2");

  g_assert_false (iwd_account_state_set_profile (fixture->state, record, &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_SECRET_VALUE);
  g_assert_null (strstr (error->message, "hunter2"));
  g_assert_null (iwd_account_state_get_profile (fixture->state, "Axa1"));
}

static void
test_state_invalid_id_rejected (Fixture       *fixture,
                                gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Trop long", 10);
  g_autoptr(IwdProfileRecord) record = iwd_profile_record_new ("", "axa");

  /* 16 characters are one over the limit. The accented id checks that
   * characters, not bytes, are counted. */
  g_assert_false (iwd_account_state_add_portfolio (fixture->state, "PTF-1234567890ab", options, &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID_ID);
  g_clear_error (&error);

  g_assert_true (iwd_account_state_add_portfolio (fixture->state, "PTFéééééééééééé", options, &error));
  g_assert_no_error (error);

  g_assert_false (iwd_account_state_set_profile (fixture->state, record, &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID_ID);
}

static void
test_state_link_unknown (Fixture       *fixture,
                         gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;

  fill_state (fixture->state);

  g_assert_false (iwd_account_state_link_profile (fixture->state, "PTF9", "Axa1", &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  g_assert_false (iwd_account_state_link_profile (fixture->state, "PTF1", "Nobody1", &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND);
}

static void
test_state_unlink (Fixture       *fixture,
                   gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) linked = NULL;

  fill_state (fixture->state);

  g_assert_true (iwd_account_state_unlink_profile (fixture->state, "PTF1", "Axa1", &error));
  g_assert_no_error (error);
  linked = iwd_account_state_list_portfolio_profiles (fixture->state, "PTF1");
  g_assert_cmpuint (g_strv_length (linked), ==, 1);
  g_assert_cmpstr (linked[0], ==, "April1");
  g_assert_nonnull (iwd_account_state_get_profile (fixture->state, "Axa1"));

  g_assert_false (iwd_account_state_unlink_profile (fixture->state, "PTF1", "Axa1", &error));
  g_assert_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND);
}

static void
test_state_remove_portfolio (Fixture       *fixture,
                             gconstpointer  user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdPortfolioOptions) options = iwd_portfolio_options_new ("Autre", 3);
  g_autoptr(IwdProfileRecord) gan = iwd_profile_record_new ("Gan1", "gan");
  g_auto(GStrv) removed = NULL;
  g_auto(GStrv) profiles = NULL;
  g_auto(GStrv) other_linked = NULL;

  fill_state (fixture->state);
  iwd_account_state_add_portfolio (fixture->state, "PTF2", options, &error);
  g_assert_no_error (error);
  iwd_account_state_set_profile (fixture->state, gan, &error);
  g_assert_no_error (error);
  iwd_account_state_link_profile (fixture->state, "PTF2", "Gan1", &error);
  g_assert_no_error (error);
  iwd_account_state_link_profile (fixture->state, "PTF2", "Axa1", &error);
  g_assert_no_error (error);

  g_assert_true (iwd_account_state_remove_portfolio (fixture->state, "PTF1", &removed, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (removed), ==, 2);
  g_assert_cmpstr (removed[0], ==, "Axa1");
  g_assert_cmpstr (removed[1], ==, "April1");

  profiles = iwd_account_state_list_profiles (fixture->state);
  g_assert_cmpuint (g_strv_length (profiles), ==, 1);
  g_assert_cmpstr (profiles[0], ==, "Gan1");
  other_linked = iwd_account_state_list_portfolio_profiles (fixture->state, "PTF2");
  g_assert_cmpuint (g_strv_length (other_linked), ==, 1);
  g_assert_cmpstr (other_linked[0], ==, "Gan1");
  g_assert_null (iwd_account_state_get_portfolio_options (fixture->state, "PTF1"));
}

static void
save_empty_state (const char *base_dir,
                  const char *server,
                  const char *login)
{
  g_autoptr(IwdAccountId) account = iwd_account_id_new (server, login);
  g_autoptr(IwdAccountState) state = iwd_account_state_new (base_dir, account);
  g_autoptr(GError) error = NULL;

  iwd_account_state_save (state, &error);
  g_assert_no_error (error);
}

static void
test_state_list_accounts (Fixture       *fixture,
                          gconstpointer  user_data)
{
  g_autofree char *broken_dir = NULL;
  g_autofree char *broken_file = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GError) error = NULL;
  IwdAccountId *account;

  save_empty_state (fixture->base_dir, "https://two.example.test/", "alice");
  save_empty_state (fixture->base_dir, SERVER, LOGIN);
  broken_dir = g_build_filename (fixture->base_dir, "iwdesk", "accounts", "broken", NULL);
  broken_file = g_build_filename (broken_dir, "account.json", NULL);
  g_assert_cmpint (g_mkdir_with_parents (broken_dir, 0700), ==, 0);
  g_file_set_contents (broken_file, "{\"server\": 1}", -1, &error);
  g_assert_no_error (error);

  accounts = iwd_account_state_list_accounts (fixture->base_dir);

  g_assert_cmpuint (accounts->len, ==, 2);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (account->server, ==, SERVER);
  g_assert_cmpstr (account->login, ==, LOGIN);
  account = g_ptr_array_index (accounts, 1);
  g_assert_cmpstr (account->server, ==, "https://two.example.test/");
  g_assert_cmpstr (account->login, ==, "alice");
}

static void
write_account_file (const char *base_dir,
                    const char *dir_name,
                    const char *contents)
{
  g_autofree char *dir = g_build_filename (base_dir, "iwdesk", "accounts", dir_name, NULL);
  g_autofree char *path = g_build_filename (dir, "account.json", NULL);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* Each of these once made json-glib fail a critical check, return bytes
 * that are not UTF-8, or overflow the stack. */
static void
test_state_list_accounts_malformed (Fixture       *fixture,
                                    gconstpointer  user_data)
{
  g_autoptr(GString) deep = g_string_new ("{\"server\": ");
  g_autoptr(GPtrArray) accounts = NULL;
  IwdAccountId *account;

  for (guint i = 0; i < 200000; i++)
    g_string_append_c (deep, '[');

  save_empty_state (fixture->base_dir, SERVER, LOGIN);
  write_account_file (fixture->base_dir, "array", "{\"server\": [], \"login\": \"bob\"}");
  write_account_file (fixture->base_dir, "surrogate", "{\"server\": \"\\ud800ab\", \"login\": \"bob\"}");
  write_account_file (fixture->base_dir, "deep", deep->str);

  accounts = iwd_account_state_list_accounts (fixture->base_dir);

  g_assert_cmpuint (accounts->len, ==, 1);
  account = g_ptr_array_index (accounts, 0);
  g_assert_cmpstr (account->server, ==, SERVER);
  g_assert_cmpstr (account->login, ==, LOGIN);
}

static void
test_state_list_accounts_none (Fixture       *fixture,
                               gconstpointer  user_data)
{
  g_autoptr(GPtrArray) accounts = iwd_account_state_list_accounts (fixture->base_dir);

  g_assert_cmpuint (accounts->len, ==, 0);
}

static void
test_account_id_dir_name (void)
{
  g_autoptr(IwdAccountId) first = iwd_account_id_new ("ab", "c");
  g_autoptr(IwdAccountId) second = iwd_account_id_new ("a", "bc");
  g_autoptr(IwdAccountId) again = iwd_account_id_new ("ab", "c");
  g_autofree char *first_name = iwd_account_id_dup_dir_name (first);
  g_autofree char *second_name = iwd_account_id_dup_dir_name (second);
  g_autofree char *again_name = iwd_account_id_dup_dir_name (again);

  g_assert_cmpstr (first_name, !=, second_name);
  g_assert_cmpstr (first_name, ==, again_name);
  g_assert_cmpuint (strlen (first_name), ==, 64);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)

  ADD ("/stores/state/missing-file", test_state_missing_file);
  ADD ("/stores/state/round-trip", test_state_round_trip);
  ADD ("/stores/state/save-stable", test_state_save_stable);
  ADD ("/stores/state/save-atomic", test_state_save_atomic);
  ADD ("/stores/state/account-file", test_state_account_file);
  ADD ("/stores/state/truncated-set-aside", test_state_truncated_set_aside);
  ADD ("/stores/state/wrong-shape-set-aside", test_state_wrong_shape_set_aside);
  ADD ("/stores/state/empty-file-set-aside", test_state_empty_file_set_aside);
  ADD ("/stores/state/lone-surrogate-set-aside", test_state_lone_surrogate_set_aside);
  ADD ("/stores/state/newer-refused", test_state_newer_refused);
  ADD ("/stores/state/migrate-v1", test_state_migrate_v1);
  ADD ("/stores/state/v1-portfolio-array", test_state_v1_portfolio_array);
  ADD ("/stores/state/company-object-set-aside", test_state_company_object_set_aside);
  ADD ("/stores/state/deep-set-aside", test_state_deep_set_aside);
  ADD ("/stores/state/tolerant-read", test_state_tolerant_read);
  ADD ("/stores/state/secret-value-rejected", test_state_secret_value_rejected);
  ADD ("/stores/state/invalid-id-rejected", test_state_invalid_id_rejected);
  ADD ("/stores/state/link-unknown", test_state_link_unknown);
  ADD ("/stores/state/unlink", test_state_unlink);
  ADD ("/stores/state/remove-portfolio", test_state_remove_portfolio);
  ADD ("/stores/state/list-accounts", test_state_list_accounts);
  ADD ("/stores/state/list-accounts-malformed", test_state_list_accounts_malformed);
  ADD ("/stores/state/list-accounts-none", test_state_list_accounts_none);
#undef ADD

  g_test_add_func ("/stores/account-id/dir-name", test_account_id_dir_name);

  return g_test_run ();
}
