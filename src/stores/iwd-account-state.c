/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "iwd-account-state.h"
#include "iwd-parse-json.h"

#define STATE_FILE_NAME   "state.json"
#define ACCOUNT_FILE_NAME "account.json"

/* Version 1 files did not record a portfolio's options. Its label becomes
 * its id and the robot looks back this many months.
 * NOTE: 12 is a guess, because the API documents no default for NbMoisQ. */
#define V1_DEFAULT_MONTHS 12

/* Version 1 files did not record methods either. The Robot API gives each
 * new profile a Commissions task, so that is what a version 1 profile had. */
#define V1_DEFAULT_METHOD "Commissions"

typedef struct
{
  IwdPortfolioOptions *options;      /* owned */
  GPtrArray           *profile_ids;  /* owned, of owned strings, in link order */
} Portfolio;

struct _IwdAccountState
{
  GObject       parent_instance;

  char         *base_dir;        /* owned: the XDG data directory or a test's */
  IwdAccountId *account;         /* owned */
  char         *dir;             /* owned: the account's own folder */
  char         *path;            /* owned: dir/state.json */
  char         *recovered_from;  /* owned, nullable: where an invalid file was moved */
  gboolean      read_only;       /* the file on disk was not loaded cleanly */

  GHashTable   *portfolios;      /* owned: id → Portfolio */
  GHashTable   *profiles;        /* owned: id → IwdProfileRecord */
};

G_DEFINE_FINAL_TYPE (IwdAccountState, iwd_account_state, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_BASE_DIR,
  PROP_ACCOUNT,
  PROP_PATH,
  PROP_RECOVERED_FROM,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static Portfolio *
portfolio_new (IwdPortfolioOptions *options)
{
  Portfolio *portfolio = g_new0 (Portfolio, 1);

  portfolio->options = options;
  portfolio->profile_ids = g_ptr_array_new_with_free_func (g_free);

  return portfolio;
}

static void
portfolio_free (Portfolio *portfolio)
{
  iwd_portfolio_options_free (portfolio->options);
  g_ptr_array_unref (portfolio->profile_ids);
  g_free (portfolio);
}

static gboolean
portfolio_has_profile (Portfolio  *portfolio,
                       const char *profile_id)
{
  return g_ptr_array_find_with_equal_func (portfolio->profile_ids, profile_id,
                                           g_str_equal, NULL);
}

static void
portfolio_unlink (Portfolio  *portfolio,
                  const char *profile_id)
{
  guint index;

  if (g_ptr_array_find_with_equal_func (portfolio->profile_ids, profile_id,
                                        g_str_equal, &index))
    g_ptr_array_remove_index (portfolio->profile_ids, index);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GStrv
list_sorted_keys (GHashTable *table)
{
  g_autofree const char **keys = NULL;
  GStrv sorted;

  keys = (const char **) g_hash_table_get_keys_as_array (table, NULL);
  sorted = g_strdupv ((char **) keys);
  g_qsort_with_data (sorted, g_strv_length (sorted), sizeof (char *),
                     compare_strings, NULL);

  return sorted;
}

static Portfolio *
find_portfolio (IwdAccountState  *self,
                const char       *portfolio_id,
                GError          **error)
{
  Portfolio *portfolio = g_hash_table_lookup (self->portfolios, portfolio_id);

  if (portfolio == NULL)
    g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND,
                 "no portfolio “%s” in the state of login %s",
                 portfolio_id, self->account->login);

  return portfolio;
}

static IwdProfileRecord *
find_profile (IwdAccountState  *self,
              const char       *profile_id,
              GError          **error)
{
  IwdProfileRecord *record = g_hash_table_lookup (self->profiles, profile_id);

  if (record == NULL)
    g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND,
                 "no profile “%s” in the state of login %s",
                 profile_id, self->account->login);

  return record;
}

static void
clear_contents (IwdAccountState *self)
{
  g_hash_table_remove_all (self->portfolios);
  g_hash_table_remove_all (self->profiles);
}

/* json_object_get_string_member_with_default() fails a critical check
 * when the member is an object or an array, as a hand-edited file may
 * have it. Any member that is not a string counts as missing here. */
static const char *
lookup_string_member (JsonObject *object,
                      const char *member)
{
  JsonNode *node = json_object_get_member (object, member);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;

  return json_node_get_string (node);
}

static gboolean
read_version (JsonObject  *root,
              gint64      *version,
              GError     **error)
{
  JsonNode *node = json_object_get_member (root, "version");

  /* A file without the member predates it, so it is read as version 1. */
  if (node == NULL)
    {
      *version = 1;
      return TRUE;
    }

  if (json_node_get_value_type (node) != G_TYPE_INT64 || json_node_get_int (node) < 1)
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                           "“version” is not a positive integer");
      return FALSE;
    }

  *version = json_node_get_int (node);
  return TRUE;
}

/* Returns the object under @member, or NULL with no error when the member
 * is missing. */
static JsonObject *
get_optional_object (JsonObject  *root,
                     const char  *member,
                     GError     **error)
{
  JsonNode *node = json_object_get_member (root, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return NULL;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "“%s” is not an object", member);
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_profiles (IwdAccountState  *self,
               JsonObject       *root,
               GError          **error)
{
  GError *local_error = NULL;
  JsonObject *profiles = get_optional_object (root, "profiles", &local_error);
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (profiles == NULL)
    return TRUE;

  json_object_iter_init (&iter, profiles);
  while (json_object_iter_next (&iter, &id, &node))
    {
      IwdProfileRecord *record = iwd_profile_record_from_json (id, node, error);

      if (record == NULL)
        return FALSE;
      g_hash_table_replace (self->profiles, record->id, record);
    }

  return TRUE;
}

static IwdPortfolioOptions *
read_portfolio_options (const char  *portfolio_id,
                        JsonObject  *object,
                        GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  JsonNode *node = json_object_get_member (object, "options");
  IwdPortfolioOptions *options;

  if (node == NULL)
    return iwd_portfolio_options_new (portfolio_id, V1_DEFAULT_MONTHS);

  options = iwd_portfolio_options_from_json (node, &local_error);
  if (options == NULL)
    g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                 "portfolio “%s”: %s", portfolio_id, local_error->message);

  return options;
}

/* Links the profiles listed under "profiles". An id that names no profile
 * is dropped, because a link alone contains nothing to post again. */
static gboolean
read_portfolio_links (IwdAccountState  *self,
                      const char       *portfolio_id,
                      Portfolio        *portfolio,
                      JsonObject       *object,
                      GError          **error)
{
  JsonNode *node = json_object_get_member (object, "profiles");
  JsonArray *ids;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "portfolio “%s”: “profiles” is not an array", portfolio_id);
      return FALSE;
    }

  ids = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      const char *profile_id;

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                       "portfolio “%s”: profile %u is not a string", portfolio_id, i);
          return FALSE;
        }

      profile_id = json_node_get_string (element);
      if (!g_hash_table_contains (self->profiles, profile_id))
        g_message ("stores: portfolio %s: dropped the link to unknown profile %s",
                   portfolio_id, profile_id);
      else if (!portfolio_has_profile (portfolio, profile_id))
        g_ptr_array_add (portfolio->profile_ids, g_strdup (profile_id));
    }

  return TRUE;
}

static gboolean
read_portfolio (IwdAccountState  *self,
                const char       *portfolio_id,
                JsonNode         *node,
                GError          **error)
{
  IwdPortfolioOptions *options;
  Portfolio *portfolio;
  JsonObject *object;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "portfolio “%s” is not an object", portfolio_id);
      return FALSE;
    }

  object = json_node_get_object (node);
  options = read_portfolio_options (portfolio_id, object, error);
  if (options == NULL)
    return FALSE;

  portfolio = portfolio_new (options);
  g_hash_table_replace (self->portfolios, g_strdup (portfolio_id), portfolio);

  return read_portfolio_links (self, portfolio_id, portfolio, object, error);
}

static gboolean
read_v2 (IwdAccountState  *self,
         JsonObject       *root,
         GError          **error)
{
  GError *local_error = NULL;
  JsonObject *portfolios;
  JsonObjectIter iter;
  const char *id;
  JsonNode *node;

  if (!read_profiles (self, root, error))
    return FALSE;

  portfolios = get_optional_object (root, "portfolios", &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return FALSE;
    }
  if (portfolios == NULL)
    return TRUE;

  json_object_iter_init (&iter, portfolios);
  while (json_object_iter_next (&iter, &id, &node))
    {
      if (!read_portfolio (self, id, node, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_v1_portfolio_ids (IwdAccountState  *self,
                       JsonObject       *root,
                       GError          **error)
{
  JsonNode *node = json_object_get_member (root, "portfolios");
  JsonArray *ids;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                           "“portfolios” is not an array of ids");
      return FALSE;
    }

  ids = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      JsonNode *element = json_array_get_element (ids, i);
      const char *id;

      if (json_node_get_value_type (element) != G_TYPE_STRING)
        {
          g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                       "portfolio %u is not a string", i);
          return FALSE;
        }

      id = json_node_get_string (element);
      g_hash_table_replace (self->portfolios, g_strdup (id),
                            portfolio_new (iwd_portfolio_options_new (id, V1_DEFAULT_MONTHS)));
    }

  return TRUE;
}

/* Version 1 named at most one portfolio in each profile's "portfolio". */
static void
migrate_v1_profile (IwdAccountState  *self,
                    IwdProfileRecord *record,
                    JsonObject       *profiles)
{
  JsonObject *object = json_object_get_object_member (profiles, record->id);
  const char *portfolio_id = lookup_string_member (object, "portfolio");
  Portfolio *portfolio;

  if (g_strv_length (record->methods) == 0)
    {
      g_strfreev (record->methods);
      record->methods = g_strdupv ((char *[]) { (char *) V1_DEFAULT_METHOD, NULL });
    }

  if (portfolio_id == NULL)
    return;

  portfolio = g_hash_table_lookup (self->portfolios, portfolio_id);
  if (portfolio == NULL)
    g_message ("stores: profile %s: dropped the link to unknown portfolio %s",
               record->id, portfolio_id);
  else if (!portfolio_has_profile (portfolio, record->id))
    g_ptr_array_add (portfolio->profile_ids, g_strdup (record->id));
}

/* Version 1 kept portfolios as a plain list of ids, and in each profile
 * its company, values and secret keys, plus the id of its portfolio. */
static gboolean
read_v1 (IwdAccountState  *self,
         JsonObject       *root,
         GError          **error)
{
  GHashTableIter iter;
  gpointer record;

  if (!read_v1_portfolio_ids (self, root, error))
    return FALSE;

  if (!read_profiles (self, root, error))
    return FALSE;

  g_hash_table_iter_init (&iter, self->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &record))
    migrate_v1_profile (self, record, json_object_get_object_member (root, "profiles"));

  return TRUE;
}

static gboolean
read_state (IwdAccountState  *self,
            const char       *contents,
            gsize             length,
            GError          **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  GError *local_error = NULL;
  JsonNode *root;
  gint64 version;

  if (!iwd_parse_json_check_nesting (contents, length, &local_error)
      || !json_parser_load_from_data (parser, contents, length, &local_error))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                   "not valid JSON: %s", local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  /* json-glib accepts an empty input and returns no root for it. */
  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID,
                           "the top level is not a JSON object");
      return FALSE;
    }

  /* A string that is not UTF-8 would make the next save write invalid
   * JSON, which the next load would set aside with everything else. */
  if (!iwd_parse_json_check_utf8 (root, &local_error))
    {
      g_set_error_literal (error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID, local_error->message);
      g_error_free (local_error);
      return FALSE;
    }

  if (!read_version (json_node_get_object (root), &version, error))
    return FALSE;

  if (version > IWD_ACCOUNT_STATE_VERSION)
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NEWER_VERSION,
                   "%s was written by a newer IWDesk (version %" G_GINT64_FORMAT
                   " of the file layout, this IWDesk knows up to %d)",
                   self->path, version, IWD_ACCOUNT_STATE_VERSION);
      return FALSE;
    }

  if (version == 1)
    return read_v1 (self, json_node_get_object (root), error);

  return read_v2 (self, json_node_get_object (root), error);
}

static char *
dup_corrupt_path (IwdAccountState *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%dT%H%M%SZ");
  char *path = g_strdup_printf ("%s.corrupt-%s", self->path, stamp);

  /* rename() would replace a file set aside in the same second. */
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (path);
      path = g_strdup_printf ("%s.corrupt-%s-%u", self->path, stamp, n);
    }

  return path;
}

/* Moves an invalid state file aside, so that the next save does not
 * destroy what someone may still want to recover from it. */
static gboolean
set_aside_invalid_file (IwdAccountState  *self,
                        const GError     *reason,
                        GError          **error)
{
  g_autofree char *aside = dup_corrupt_path (self);
  int saved_errno;

  if (g_rename (self->path, aside) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot move invalid %s aside: %s", self->path, g_strerror (saved_errno));
      return FALSE;
    }

  g_message ("stores: %s is invalid (%s), moved to %s and started empty",
             self->path, reason->message, aside);

  g_free (self->recovered_from);
  self->recovered_from = g_steal_pointer (&aside);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RECOVERED_FROM]);

  return TRUE;
}

static JsonNode *
portfolio_to_json (Portfolio *portfolio)
{
  g_autoptr(JsonObject) object = json_object_new ();
  JsonArray *ids = json_array_new ();

  for (guint i = 0; i < portfolio->profile_ids->len; i++)
    json_array_add_string_element (ids, g_ptr_array_index (portfolio->profile_ids, i));

  json_object_set_member (object, "options", iwd_portfolio_options_to_json (portfolio->options));
  json_object_set_array_member (object, "profiles", ids);

  return json_node_init_object (json_node_alloc (), object);
}

/* Members are written in sorted order, so that two saves of the same
 * state give the same bytes. */
static char *
build_state_json (IwdAccountState *self)
{
  g_auto(GStrv) portfolio_ids = list_sorted_keys (self->portfolios);
  g_auto(GStrv) profile_ids = list_sorted_keys (self->profiles);
  JsonObject *portfolios = json_object_new ();
  JsonObject *profiles = json_object_new ();
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);

  for (gsize i = 0; portfolio_ids[i] != NULL; i++)
    json_object_set_member (portfolios, portfolio_ids[i],
                            portfolio_to_json (g_hash_table_lookup (self->portfolios, portfolio_ids[i])));

  for (gsize i = 0; profile_ids[i] != NULL; i++)
    json_object_set_member (profiles, profile_ids[i],
                            iwd_profile_record_to_json (g_hash_table_lookup (self->profiles, profile_ids[i])));

  json_object_set_int_member (object, "version", IWD_ACCOUNT_STATE_VERSION);
  json_object_set_object_member (object, "portfolios", portfolios);
  json_object_set_object_member (object, "profiles", profiles);

  return json_to_string (root, TRUE);
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  /* CONSISTENT writes a temporary file in the same folder and renames it
   * over @path, and DURABLE fsyncs it first: a crash leaves either the
   * old file or the new one, never a mix. */
  return g_file_set_contents_full (path, contents, -1,
                                   G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                   0600, error);
}

/* account.json names the server and login that the hashed folder name
 * hides, so that iwd_account_state_list_accounts() and a person can tell
 * the folders apart.
 * TODO: no last-use time is recorded, so accounts are listed by name. */
static gboolean
write_account_file (IwdAccountState  *self,
                    GError          **error)
{
  g_autofree char *path = g_build_filename (self->dir, ACCOUNT_FILE_NAME, NULL);
  g_autoptr(JsonObject) object = json_object_new ();
  g_autoptr(JsonNode) root = json_node_init_object (json_node_alloc (), object);
  g_autofree char *contents = NULL;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return TRUE;

  json_object_set_string_member (object, "server", self->account->server);
  json_object_set_string_member (object, "login", self->account->login);
  contents = json_to_string (root, TRUE);

  return write_file (path, contents, error);
}

static IwdAccountId *
read_account_file (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize length;
  JsonNode *root;
  const char *server;
  const char *login;

  if (!g_file_get_contents (path, &contents, &length, &error)
      || !iwd_parse_json_check_nesting (contents, length, &error)
      || !json_parser_load_from_data (parser, contents, length, &error))
    {
      g_message ("stores: skipped unreadable %s: %s", path, error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      g_message ("stores: skipped %s: the top level is not a JSON object", path);
      return NULL;
    }

  if (!iwd_parse_json_check_utf8 (root, &error))
    {
      g_message ("stores: skipped %s: %s", path, error->message);
      return NULL;
    }

  server = lookup_string_member (json_node_get_object (root), "server");
  login = lookup_string_member (json_node_get_object (root), "login");
  if (server == NULL || login == NULL)
    {
      g_message ("stores: skipped %s: “server” or “login” is missing", path);
      return NULL;
    }

  return iwd_account_id_new (server, login);
}

static int
compare_account_ids (gconstpointer a,
                     gconstpointer b)
{
  return iwd_account_id_compare (*(IwdAccountId * const *) a, *(IwdAccountId * const *) b);
}

static void
iwd_account_state_constructed (GObject *object)
{
  IwdAccountState *self = IWD_ACCOUNT_STATE (object);
  g_autofree char *dir_name = iwd_account_id_dup_dir_name (self->account);

  G_OBJECT_CLASS (iwd_account_state_parent_class)->constructed (object);

  self->dir = g_build_filename (self->base_dir, "iwdesk", "accounts", dir_name, NULL);
  self->path = g_build_filename (self->dir, STATE_FILE_NAME, NULL);
}

static void
iwd_account_state_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  IwdAccountState *self = IWD_ACCOUNT_STATE (object);

  switch (prop_id)
    {
    case PROP_BASE_DIR:
      g_value_set_string (value, self->base_dir);
      break;

    case PROP_ACCOUNT:
      g_value_set_boxed (value, self->account);
      break;

    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;

    case PROP_RECOVERED_FROM:
      g_value_set_string (value, self->recovered_from);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_account_state_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  IwdAccountState *self = IWD_ACCOUNT_STATE (object);

  switch (prop_id)
    {
    case PROP_BASE_DIR:
      self->base_dir = g_value_dup_string (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
iwd_account_state_finalize (GObject *object)
{
  IwdAccountState *self = IWD_ACCOUNT_STATE (object);

  g_clear_pointer (&self->base_dir, g_free);
  g_clear_pointer (&self->account, iwd_account_id_free);
  g_clear_pointer (&self->dir, g_free);
  g_clear_pointer (&self->path, g_free);
  g_clear_pointer (&self->recovered_from, g_free);
  g_clear_pointer (&self->portfolios, g_hash_table_unref);
  g_clear_pointer (&self->profiles, g_hash_table_unref);

  G_OBJECT_CLASS (iwd_account_state_parent_class)->finalize (object);
}

static void
iwd_account_state_class_init (IwdAccountStateClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = iwd_account_state_constructed;
  object_class->get_property = iwd_account_state_get_property;
  object_class->set_property = iwd_account_state_set_property;
  object_class->finalize = iwd_account_state_finalize;

  /**
   * IwdAccountState:base-dir:
   *
   * The data directory under which `iwdesk/accounts/` lives: the app
   * passes g_get_user_data_dir(), tests a temporary directory.
   */
  properties[PROP_BASE_DIR] =
    g_param_spec_string ("base-dir", NULL, NULL,
                         NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdAccountState:account:
   *
   * The HappyAssur account whose state this is.
   */
  properties[PROP_ACCOUNT] =
    g_param_spec_boxed ("account", NULL, NULL,
                        IWD_TYPE_ACCOUNT_ID,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * IwdAccountState:path:
   *
   * The path of the state file.
   */
  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * IwdAccountState:recovered-from:
   *
   * Where the last load moved an invalid state file before starting
   * empty, %NULL if it did not. The UI shows this to the user.
   */
  properties[PROP_RECOVERED_FROM] =
    g_param_spec_string ("recovered-from", NULL, NULL,
                         NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
iwd_account_state_init (IwdAccountState *self)
{
  self->portfolios = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                            (GDestroyNotify) portfolio_free);
  /* The key is the record's own id string. */
  self->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                          (GDestroyNotify) iwd_profile_record_free);
}

/**
 * iwd_account_state_new:
 * @base_dir: the data directory, g_get_user_data_dir() in the app
 * @account: the HappyAssur account
 *
 * Creates the state of one account, empty until iwd_account_state_load().
 *
 * Returns: (transfer full): a new #IwdAccountState
 */
IwdAccountState *
iwd_account_state_new (const char         *base_dir,
                       const IwdAccountId *account)
{
  g_return_val_if_fail (base_dir != NULL, NULL);
  g_return_val_if_fail (account != NULL, NULL);

  return g_object_new (IWD_TYPE_ACCOUNT_STATE,
                       "base-dir", base_dir,
                       "account", account,
                       NULL);
}

/**
 * iwd_account_state_list_accounts:
 * @base_dir: the data directory, g_get_user_data_dir() in the app
 *
 * Lists the accounts that have a state folder under @base_dir, from the
 * `account.json` each save writes. Unreadable entries are logged and
 * skipped.
 *
 * Returns: (transfer container) (element-type IwdAccountId): the
 *   accounts, sorted by server then login
 */
GPtrArray *
iwd_account_state_list_accounts (const char *base_dir)
{
  g_autofree char *accounts_dir = NULL;
  g_autoptr(GPtrArray) accounts = NULL;
  g_autoptr(GDir) dir = NULL;
  const char *name;

  g_return_val_if_fail (base_dir != NULL, NULL);

  accounts = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_account_id_free);
  accounts_dir = g_build_filename (base_dir, "iwdesk", "accounts", NULL);
  dir = g_dir_open (accounts_dir, 0, NULL);

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (accounts_dir, name, ACCOUNT_FILE_NAME, NULL);
      IwdAccountId *account;

      if (!g_file_test (path, G_FILE_TEST_IS_REGULAR))
        continue;

      account = read_account_file (path);
      if (account != NULL)
        g_ptr_array_add (accounts, account);
    }

  g_ptr_array_sort (accounts, compare_account_ids);
  return g_steal_pointer (&accounts);
}

/**
 * iwd_account_state_get_account:
 * @self: an account state
 *
 * Returns: (transfer none): the account whose state this is
 */
const IwdAccountId *
iwd_account_state_get_account (IwdAccountState *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);

  return self->account;
}

/**
 * iwd_account_state_get_path:
 * @self: an account state
 *
 * Returns: the path of the state file
 */
const char *
iwd_account_state_get_path (IwdAccountState *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);

  return self->path;
}

/**
 * iwd_account_state_get_recovered_from:
 * @self: an account state
 *
 * Returns: (nullable): where the last load moved an invalid state file,
 *   or %NULL
 */
const char *
iwd_account_state_get_recovered_from (IwdAccountState *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);

  return self->recovered_from;
}

/**
 * iwd_account_state_load:
 * @self: an account state
 * @error: return location for a #GError
 *
 * Replaces the state in memory with the state file. A missing file gives
 * an empty state. A version 1 file is migrated in memory, and written as
 * version 2 by the next save. An invalid file is renamed to
 * `state.json.corrupt-<UTC time>`, reported by
 * #IwdAccountState:recovered-from, and the state starts empty.
 *
 * A file from a newer IWDesk (%IWD_STATE_ERROR_NEWER_VERSION) or one that
 * cannot be read fails, and saving is then refused so that the file is
 * never overwritten.
 *
 * Returns: %TRUE if a usable state is in memory
 */
/* Returns whether @name is a temporary file of g_file_set_contents_full()
 * for the state file: "state.json." and six template characters. A set
 * aside file ("state.json.corrupt-…") is longer and never matches. */
static gboolean
is_save_temp_file (const char *name,
                   const char *state_name)
{
  gsize prefix_length = strlen (state_name);

  if (strncmp (name, state_name, prefix_length) != 0 || name[prefix_length] != '.')
    return FALSE;

  if (strlen (name + prefix_length + 1) != 6)
    return FALSE;

  for (const char *p = name + prefix_length + 1; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        return FALSE;
    }

  return TRUE;
}

/* A process killed between writing the temporary file of a save and
 * renaming it leaves that file behind. Only one IWDesk writes an
 * account's state at a time, so any such file at load time is stale. */
static void
remove_stale_temp_files (IwdAccountState *self)
{
  g_autofree char *folder = g_path_get_dirname (self->path);
  g_autofree char *state_name = g_path_get_basename (self->path);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = NULL;

      if (!is_save_temp_file (name, state_name))
        continue;

      child = g_build_filename (folder, name, NULL);
      if (g_unlink (child) != 0)
        g_message ("stores: cannot remove the leftover file %s: %s", child, g_strerror (errno));
    }
}

gboolean
iwd_account_state_load (IwdAccountState  *self,
                        GError          **error)
{
  g_autofree char *contents = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize length;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);

  clear_contents (self);
  self->read_only = FALSE;
  remove_stale_temp_files (self);

  if (!g_file_get_contents (self->path, &contents, &length, &local_error))
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return TRUE;

      self->read_only = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (read_state (self, contents, length, &local_error))
    return TRUE;

  clear_contents (self);
  if (!g_error_matches (local_error, IWD_STATE_ERROR, IWD_STATE_ERROR_INVALID))
    {
      self->read_only = TRUE;
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  self->read_only = !set_aside_invalid_file (self, local_error, error);
  return !self->read_only;
}

/**
 * iwd_account_state_save:
 * @self: an account state
 * @error: return location for a #GError
 *
 * Writes the state file atomically and durably, readable by the user
 * only (mode 0600, its folder 0700). The first save also writes
 * `account.json`, which names the server and login.
 *
 * Returns: %TRUE if the file is written
 */
gboolean
iwd_account_state_save (IwdAccountState  *self,
                        GError          **error)
{
  g_autofree char *contents = NULL;
  int saved_errno;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);

  if (self->read_only)
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_READ_ONLY,
                   "%s was not loaded cleanly, refusing to overwrite it", self->path);
      return FALSE;
    }

  if (g_mkdir_with_parents (self->dir, 0700) != 0)
    {
      saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   "cannot create %s: %s", self->dir, g_strerror (saved_errno));
      return FALSE;
    }

  if (!write_account_file (self, error))
    return FALSE;

  contents = build_state_json (self);
  return write_file (self->path, contents, error);
}

/**
 * iwd_account_state_add_portfolio:
 * @self: an account state
 * @portfolio_id: the portfolio id
 * @options: its options, copied
 * @error: return location for a #GError
 *
 * Adds a portfolio, or replaces the options of an existing one and keeps
 * its profiles.
 *
 * Returns: %TRUE on success, %FALSE with %IWD_STATE_ERROR_INVALID_ID
 */
gboolean
iwd_account_state_add_portfolio (IwdAccountState            *self,
                                 const char                 *portfolio_id,
                                 const IwdPortfolioOptions  *options,
                                 GError                    **error)
{
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (options != NULL, FALSE);

  if (!iwd_state_check_id (portfolio_id, error))
    return FALSE;

  portfolio = g_hash_table_lookup (self->portfolios, portfolio_id);
  if (portfolio != NULL)
    {
      iwd_portfolio_options_free (portfolio->options);
      portfolio->options = iwd_portfolio_options_copy (options);
      return TRUE;
    }

  g_hash_table_insert (self->portfolios, g_strdup (portfolio_id),
                       portfolio_new (iwd_portfolio_options_copy (options)));
  return TRUE;
}

/**
 * iwd_account_state_remove_portfolio:
 * @self: an account state
 * @portfolio_id: the portfolio id
 * @removed_profiles: (out) (optional) (transfer full): the ids of the
 *   profiles removed with it
 * @error: return location for a #GError
 *
 * Removes a portfolio and its profiles, as the Robot API's deletion of a
 * portfolio does. The caller clears the removed profiles' secrets.
 *
 * Returns: %TRUE on success, %FALSE with %IWD_STATE_ERROR_NOT_FOUND
 */
gboolean
iwd_account_state_remove_portfolio (IwdAccountState  *self,
                                    const char       *portfolio_id,
                                    GStrv            *removed_profiles,
                                    GError          **error)
{
  g_autoptr(GStrvBuilder) removed = g_strv_builder_new ();
  g_autoptr(GPtrArray) profile_ids = NULL;
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (portfolio_id != NULL, FALSE);

  portfolio = find_portfolio (self, portfolio_id, error);
  if (portfolio == NULL)
    return FALSE;

  profile_ids = g_ptr_array_ref (portfolio->profile_ids);
  g_hash_table_remove (self->portfolios, portfolio_id);

  for (guint i = 0; i < profile_ids->len; i++)
    {
      const char *profile_id = g_ptr_array_index (profile_ids, i);

      g_strv_builder_add (removed, profile_id);
      iwd_account_state_remove_profile (self, profile_id, NULL);
    }

  if (removed_profiles != NULL)
    *removed_profiles = g_strv_builder_end (removed);
  return TRUE;
}

/**
 * iwd_account_state_list_portfolios:
 * @self: an account state
 *
 * Returns: (transfer full): the portfolio ids, sorted
 */
GStrv
iwd_account_state_list_portfolios (IwdAccountState *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);

  return list_sorted_keys (self->portfolios);
}

/**
 * iwd_account_state_get_portfolio_options:
 * @self: an account state
 * @portfolio_id: the portfolio id
 *
 * Returns: (transfer none) (nullable): the portfolio's options, or %NULL
 *   if there is no such portfolio
 */
const IwdPortfolioOptions *
iwd_account_state_get_portfolio_options (IwdAccountState *self,
                                         const char      *portfolio_id)
{
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  portfolio = g_hash_table_lookup (self->portfolios, portfolio_id);

  return portfolio != NULL ? portfolio->options : NULL;
}

/**
 * iwd_account_state_list_portfolio_profiles:
 * @self: an account state
 * @portfolio_id: the portfolio id
 *
 * Returns: (transfer full) (nullable): the ids of the portfolio's
 *   profiles in the order they were linked, or %NULL if there is no such
 *   portfolio
 */
GStrv
iwd_account_state_list_portfolio_profiles (IwdAccountState *self,
                                           const char      *portfolio_id)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);
  g_return_val_if_fail (portfolio_id != NULL, NULL);

  portfolio = g_hash_table_lookup (self->portfolios, portfolio_id);
  if (portfolio == NULL)
    return NULL;

  builder = g_strv_builder_new ();
  for (guint i = 0; i < portfolio->profile_ids->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (portfolio->profile_ids, i));

  return g_strv_builder_end (builder);
}

/**
 * iwd_account_state_set_profile:
 * @self: an account state
 * @record: the profile as posted, copied
 * @error: return location for a #GError
 *
 * Adds a profile or replaces the one with the same id. A record with a
 * value under a secret key is rejected with %IWD_STATE_ERROR_SECRET_VALUE,
 * because secret values go to the keyring only.
 *
 * Returns: %TRUE if the record is stored in memory
 */
gboolean
iwd_account_state_set_profile (IwdAccountState         *self,
                               const IwdProfileRecord  *record,
                               GError                 **error)
{
  IwdProfileRecord *copy;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (record != NULL, FALSE);

  if (!iwd_profile_record_check (record, error))
    return FALSE;

  copy = iwd_profile_record_copy (record);
  g_hash_table_replace (self->profiles, copy->id, copy);

  return TRUE;
}

/**
 * iwd_account_state_get_profile:
 * @self: an account state
 * @profile_id: the profile id
 *
 * Returns: (transfer none) (nullable): the profile, or %NULL
 */
const IwdProfileRecord *
iwd_account_state_get_profile (IwdAccountState *self,
                               const char      *profile_id)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);
  g_return_val_if_fail (profile_id != NULL, NULL);

  return g_hash_table_lookup (self->profiles, profile_id);
}

/**
 * iwd_account_state_remove_profile:
 * @self: an account state
 * @profile_id: the profile id
 * @error: return location for a #GError
 *
 * Removes a profile and unlinks it from every portfolio. Its secrets stay
 * in the keyring until iwd_secret_store_clear_profile_secrets().
 *
 * Returns: %TRUE on success, %FALSE with %IWD_STATE_ERROR_NOT_FOUND
 */
gboolean
iwd_account_state_remove_profile (IwdAccountState  *self,
                                  const char       *profile_id,
                                  GError          **error)
{
  GHashTableIter iter;
  gpointer portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  if (find_profile (self, profile_id, error) == NULL)
    return FALSE;

  g_hash_table_iter_init (&iter, self->portfolios);
  while (g_hash_table_iter_next (&iter, NULL, &portfolio))
    portfolio_unlink (portfolio, profile_id);

  g_hash_table_remove (self->profiles, profile_id);
  return TRUE;
}

/**
 * iwd_account_state_list_profiles:
 * @self: an account state
 *
 * Returns: (transfer full): the profile ids, sorted
 */
GStrv
iwd_account_state_list_profiles (IwdAccountState *self)
{
  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), NULL);

  return list_sorted_keys (self->profiles);
}

/**
 * iwd_account_state_link_profile:
 * @self: an account state
 * @portfolio_id: the portfolio id
 * @profile_id: the profile id
 * @error: return location for a #GError
 *
 * Records that a profile belongs to a portfolio. A profile may belong to
 * several portfolios; linking it twice to one is harmless.
 *
 * Returns: %TRUE on success, %FALSE with %IWD_STATE_ERROR_NOT_FOUND
 */
gboolean
iwd_account_state_link_profile (IwdAccountState  *self,
                                const char       *portfolio_id,
                                const char       *profile_id,
                                GError          **error)
{
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (portfolio_id != NULL, FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  portfolio = find_portfolio (self, portfolio_id, error);
  if (portfolio == NULL || find_profile (self, profile_id, error) == NULL)
    return FALSE;

  if (!portfolio_has_profile (portfolio, profile_id))
    g_ptr_array_add (portfolio->profile_ids, g_strdup (profile_id));

  return TRUE;
}

/**
 * iwd_account_state_unlink_profile:
 * @self: an account state
 * @portfolio_id: the portfolio id
 * @profile_id: the profile id
 * @error: return location for a #GError
 *
 * Removes a profile from a portfolio, keeping the profile itself.
 *
 * Returns: %TRUE on success, %FALSE with %IWD_STATE_ERROR_NOT_FOUND if
 *   the portfolio does not exist or does not hold the profile
 */
gboolean
iwd_account_state_unlink_profile (IwdAccountState  *self,
                                  const char       *portfolio_id,
                                  const char       *profile_id,
                                  GError          **error)
{
  Portfolio *portfolio;

  g_return_val_if_fail (IWD_IS_ACCOUNT_STATE (self), FALSE);
  g_return_val_if_fail (portfolio_id != NULL, FALSE);
  g_return_val_if_fail (profile_id != NULL, FALSE);

  portfolio = find_portfolio (self, portfolio_id, error);
  if (portfolio == NULL)
    return FALSE;

  if (!portfolio_has_profile (portfolio, profile_id))
    {
      g_set_error (error, IWD_STATE_ERROR, IWD_STATE_ERROR_NOT_FOUND,
                   "portfolio “%s” does not hold profile “%s”", portfolio_id, profile_id);
      return FALSE;
    }

  portfolio_unlink (portfolio, profile_id);
  return TRUE;
}
