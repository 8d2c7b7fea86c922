/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-companies.h"

#include <string.h>

#include "iwd-sandbox-data.h"

/* Optional parts of a credential schema. Each company takes a few, so that
 * the whole list covers every widget kind and quirk a client must handle. */
typedef enum {
  SCHEMA_PASSWORD_BY_DESCRIPTION = 1 << 0, /* otherwise Nom txtWebPwd */
  SCHEMA_COMBO                   = 1 << 1,
  SCHEMA_COMBO_TRAILING_COMMA    = 1 << 2,
  SCHEMA_COMBO_ODD_COUNT         = 1 << 3,
  SCHEMA_CHECKBOX_OPTION         = 1 << 4,
  SCHEMA_SEVERAL_METHODS         = 1 << 5,
  SCHEMA_UNLIMITED_SIZE          = 1 << 6,
  SCHEMA_OPTIONAL_FIELD          = 1 << 7,
  SCHEMA_UNKNOWN_OBJET           = 1 << 8,
} SchemaParts;

struct _IwdSandboxCompany {
  const char     *name;
  const char     *label;      /* NULL for a bare name in the list */
  const char     *list_extra; /* written verbatim after the label */
  SchemaParts     parts;
  IwdSandboxLogo  logo;
  IwdSandboxHelp  help;
};

/* One field of a credential schema, in the API's own terms. */
typedef struct {
  const char *nom;
  const char *objet;
  const char *description;
  const char *json_key;
  const char *commun;
  guint       taille;
  gboolean    required;
  const char *option;
  const char *values;
} Field;

static const IwdSandboxCompany companies[] = {
  { "ALLIANZ", "Allianz IARD", NULL,
    SCHEMA_COMBO | SCHEMA_CHECKBOX_OPTION, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "AXA", "AXA France", NULL,
    SCHEMA_OPTIONAL_FIELD, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTM },
  { "GENERALI", "Generali Vie", ";IARD",
    SCHEMA_PASSWORD_BY_DESCRIPTION | SCHEMA_COMBO_TRAILING_COMMA,
    IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "MMA", "Mutuelles du Mans Assurances", NULL,
    SCHEMA_UNLIMITED_SIZE, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "MAAF", "MAAF Assurances", "   ",
    0, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "MACIF", "Macif Prévoyance", NULL,
    SCHEMA_PASSWORD_BY_DESCRIPTION | SCHEMA_COMBO_ODD_COUNT,
    IWD_SANDBOX_LOGO_CORRUPT, IWD_SANDBOX_HELP_HTML },
  { "GROUPAMA", "Groupama Gan Vie", NULL,
    SCHEMA_CHECKBOX_OPTION, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "SWISSLIFE", "Swiss Life Prévoyance et Santé", NULL,
    SCHEMA_SEVERAL_METHODS, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "APRIL", "April Santé Prévoyance", NULL,
    SCHEMA_COMBO, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "SPVIE", "SPVIE Assurances", NULL,
    SCHEMA_UNLIMITED_SIZE | SCHEMA_OPTIONAL_FIELD, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "MALAKOFF", "Malakoff Humanis", NULL,
    SCHEMA_PASSWORD_BY_DESCRIPTION | SCHEMA_OPTIONAL_FIELD,
    IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "HARMONIE", "Harmonie Mutuelle", NULL,
    0, IWD_SANDBOX_LOGO_NONE, IWD_SANDBOX_HELP_HTML },
  { "CARDIF", "BNP Paribas Cardif", NULL,
    SCHEMA_COMBO | SCHEMA_SEVERAL_METHODS, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "UTWIN", NULL, NULL,
    0, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTM },
  { "ABEILLE", "Abeille Assurances (ex-Aviva)", NULL,
    SCHEMA_CHECKBOX_OPTION, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "NEOLIANE", "Néoliane Santé & Prévoyance", NULL,
    SCHEMA_UNKNOWN_OBJET, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "ALPTIS", "Alptis Assurances", NULL,
    SCHEMA_PASSWORD_BY_DESCRIPTION, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "AG2R", "AG2R La Mondiale", NULL,
    SCHEMA_COMBO_TRAILING_COMMA, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "ENTORIA", "Entoria Courtage", NULL,
    SCHEMA_SEVERAL_METHODS, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_NONE },
  { "METLIFE", "MetLife Europe", NULL,
    SCHEMA_OPTIONAL_FIELD, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
  { "THELEM", "Thélem assurances", NULL,
    SCHEMA_COMBO_ODD_COUNT, IWD_SANDBOX_LOGO_PNG, IWD_SANDBOX_HELP_HTML },
};

static const Field password_by_nom =
  { "txtWebPwd", "TextBox", "Mot de passe", "Password", "O", 30, TRUE, NULL, NULL };
static const Field password_by_description =
  { "txtWebCle", "TextBox", "Mot de passe extranet", "Cle", "O", 30, TRUE, NULL, NULL };

/* The optional fields, each with the schema part that adds it. */
static const struct {
  SchemaParts part;
  Field       field;
} optional_fields[] = {
  { SCHEMA_COMBO,
    { "cboWebMarche", "ComboBox", "Marché", "Marche", "RI", 1, TRUE, NULL,
      "Particuliers,P,Entreprises,E" } },
  { SCHEMA_COMBO_TRAILING_COMMA,
    { "cboWebBranche", "ComboBox", "Branche", "Branche", "O", 1, TRUE, NULL,
      "IARD,1,Collective,2," } },
  { SCHEMA_COMBO_ODD_COUNT,
    { "cboWebGamme", "ComboBox", "Gamme", "Gamme", "R", 1, FALSE, NULL,
      "Santé,S,Prévoyance,P,Retraite" } },
  { SCHEMA_CHECKBOX_OPTION,
    { "chkWebClos", "CheckBox", "Inclure les contrats clos", "Clos", "S", 1, FALSE, "clos", NULL } },
  { SCHEMA_SEVERAL_METHODS,
    { "txtWebAgent", "TextBox", "Code agent", "CodeAgent", "RE", 8, TRUE, NULL, NULL } },
  { SCHEMA_UNLIMITED_SIZE,
    { "txtWebApporteur", "TextBox", "Code apporteur", "CodeApporteur", "O", 0, TRUE, NULL, NULL } },
  { SCHEMA_OPTIONAL_FIELD,
    { "txtWebCourtier", "TextBox", "N° de courtier", "NumCourtier", "E", 12, FALSE, NULL, NULL } },
  { SCHEMA_UNKNOWN_OBJET,
    { "rdoWebEspace", "RadioButton", "Espace", "Espace", "M", 1, FALSE, NULL, "Pro,P,Perso,I" } },
};

/* Never shown to anyone: the sandbox's own rule for spotting passwords in
 * posted values, kept loose like the client's. */
static const char * const password_words[] = {
  "pwd", "password", "passe", "mdp", "secret", "cle",
};

static gboolean
looks_like_password (const char *text)
{
  g_autofree char *lower = NULL;

  if (text == NULL)
    return FALSE;

  lower = g_utf8_strdown (text, -1);
  for (guint i = 0; i < G_N_ELEMENTS (password_words); i++)
    {
      if (strstr (lower, password_words[i]) != NULL)
        return TRUE;
    }

  return FALSE;
}

static guint
company_hash (const IwdSandboxCompany *company)
{
  return iwd_sandbox_hash_text (company->name);
}

static GPtrArray *
list_optional_fields (const IwdSandboxCompany *company)
{
  GPtrArray *fields = g_ptr_array_new ();

  for (guint i = 0; i < G_N_ELEMENTS (optional_fields); i++)
    {
      if (company->parts & optional_fields[i].part)
        g_ptr_array_add (fields, (gpointer) &optional_fields[i].field);
    }

  return fields;
}

static void
add_field_members (JsonBuilder *builder,
                   const Field *field,
                   const char  *description)
{
  json_builder_set_member_name (builder, "Nom");
  json_builder_add_string_value (builder, field->nom);
  json_builder_set_member_name (builder, "Objet");
  json_builder_add_string_value (builder, field->objet);
  json_builder_set_member_name (builder, "Description");
  json_builder_add_string_value (builder, description);
  json_builder_set_member_name (builder, "JSon");
  json_builder_add_string_value (builder, field->json_key);
  json_builder_set_member_name (builder, "Commun");
  json_builder_add_string_value (builder, field->commun);
  json_builder_set_member_name (builder, "Type");
  json_builder_add_string_value (builder, "C");
  json_builder_set_member_name (builder, "Taille");
  json_builder_add_int_value (builder, field->taille);
  json_builder_set_member_name (builder, "Obligatoire");
  json_builder_add_boolean_value (builder, field->required);
}

static void
add_field (JsonBuilder *builder,
           const Field *field,
           const char  *description)
{
  json_builder_begin_object (builder);
  add_field_members (builder, field, description);

  if (field->option != NULL)
    {
      json_builder_set_member_name (builder, "Option");
      json_builder_add_string_value (builder, field->option);
    }

  if (field->values != NULL)
    {
      json_builder_set_member_name (builder, "ListeValeur");
      json_builder_add_string_value (builder, field->values);
    }

  json_builder_end_object (builder);
}

static Field
make_login_field (const IwdSandboxCompany *company)
{
  Field login = { "txtWebLogin", "TextBox", NULL, "Login", "O", 20, TRUE, NULL, NULL };

  login.taille += (company_hash (company) % 3) * 10;

  return login;
}

static const Field *
get_password_field (const IwdSandboxCompany *company)
{
  if (company->parts & SCHEMA_PASSWORD_BY_DESCRIPTION)
    return &password_by_description;

  return &password_by_nom;
}

/* Lists every field of @company's schema, login and password first. */
static GArray *
list_fields (const IwdSandboxCompany *company)
{
  GArray *fields = g_array_new (FALSE, FALSE, sizeof (Field));
  g_autoptr(GPtrArray) optional = list_optional_fields (company);
  Field login = make_login_field (company);

  g_array_append_val (fields, login);
  g_array_append_vals (fields, get_password_field (company), 1);

  for (guint i = 0; i < optional->len; i++)
    g_array_append_vals (fields, g_ptr_array_index (optional, i), 1);

  return fields;
}

static gboolean
combo_offers_value (const Field *field,
                    const char  *value)
{
  g_auto(GStrv) items = g_strsplit (field->values, ",", -1);

  for (guint i = 1; items[i - 1] != NULL && items[i] != NULL; i += 2)
    {
      if (g_strcmp0 (items[i], value) == 0)
        return TRUE;
    }

  return FALSE;
}

/* The value of a field as text: check boxes may arrive as booleans or
 * numbers, and NULL stands for a missing or empty value. */
static char *
dup_field_value (JsonObject  *values,
                 const Field *field)
{
  JsonNode *node = json_object_get_member (values, field->json_key);
  GType type;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node))
    return NULL;

  type = json_node_get_value_type (node);
  if (type == G_TYPE_BOOLEAN)
    return json_node_get_boolean (node) ? g_strdup ("1") : NULL;

  if (type == G_TYPE_INT64)
    return g_strdup_printf ("%" G_GINT64_FORMAT, json_node_get_int (node));

  if (type == G_TYPE_STRING && *json_node_get_string (node) != '\0')
    return g_strdup (json_node_get_string (node));

  return NULL;
}

static gboolean
option_is_listed (const char *options,
                  const char *option)
{
  g_auto(GStrv) listed = g_strsplit (options != NULL ? options : "", ",", -1);

  return g_strv_contains ((const char * const *) listed, option);
}

/* Appends the French message of the real service for one field, if its
 * value is not acceptable. A wrong password is checked apart. */
static gboolean
check_field (GString     *reply,
             const Field *field,
             const char  *value,
             const char  *options)
{
  if (value == NULL && field->required)
    g_string_append_printf (reply, "%s=Champ obligatoire\r\n", field->json_key);
  else if (value == NULL)
    return TRUE;
  else if (field->taille > 0 && g_utf8_strlen (value, -1) > field->taille)
    g_string_append_printf (reply, "%s=Valeur trop longue (%u caractères maximum)\r\n",
                            field->json_key, field->taille);
  else if (g_strcmp0 (field->objet, "ComboBox") == 0 && !combo_offers_value (field, value))
    g_string_append_printf (reply, "%s=Valeur absente de la liste\r\n", field->json_key);
  else if (field->option != NULL && !option_is_listed (options, field->option))
    g_string_append_printf (reply, "%s=Option %s absente de l'adresse\r\n",
                            field->json_key, field->option);
  else
    return TRUE;

  return FALSE;
}

static gboolean
field_is_password (const Field *field)
{
  return looks_like_password (field->nom) || looks_like_password (field->description);
}

/**
 * iwd_sandbox_company_lookup:
 * @name: a company name, in any ASCII case
 *
 * Finds a company of the sandbox's list. The older ImportWeb client
 * lower-cased names in URLs, so the case does not matter.
 *
 * Returns: (nullable): the company, or %NULL if it is not in the list
 */
const IwdSandboxCompany *
iwd_sandbox_company_lookup (const char *name)
{
  if (name == NULL)
    return NULL;

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      if (g_ascii_strcasecmp (companies[i].name, name) == 0)
        return &companies[i];
    }

  return NULL;
}

const char *
iwd_sandbox_company_get_name (const IwdSandboxCompany *company)
{
  return company->name;
}

/**
 * iwd_sandbox_company_get_label:
 * @company: a company
 *
 * Returns: the label shown after the name in the list, or the name itself
 *   for a company listed bare
 */
const char *
iwd_sandbox_company_get_label (const IwdSandboxCompany *company)
{
  return company->label != NULL ? company->label : company->name;
}

IwdSandboxLogo
iwd_sandbox_company_get_logo (const IwdSandboxCompany *company)
{
  return company->logo;
}

IwdSandboxHelp
iwd_sandbox_company_get_help (const IwdSandboxCompany *company)
{
  return company->help;
}

/**
 * iwd_sandbox_company_get_colour:
 * @company: a company
 *
 * Returns: a stable, mid-dark RGB colour (0xRRGGBB) derived from the name
 */
guint32
iwd_sandbox_company_get_colour (const IwdSandboxCompany *company)
{
  guint hash = company_hash (company);
  guint32 red = 0x20 + (hash & 0x7f);
  guint32 green = 0x20 + ((hash >> 8) & 0x7f);
  guint32 blue = 0x20 + ((hash >> 16) & 0x7f);

  return (red << 16) | (green << 8) | blue;
}

/**
 * iwd_sandbox_companies_join_names:
 * @filter: selects companies
 *
 * Joins the names of the companies that @filter selects, for help texts.
 *
 * Returns: (transfer full): the names, separated by ", "
 */
char *
iwd_sandbox_companies_join_names (gboolean (*filter) (const IwdSandboxCompany *company))
{
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_auto(GStrv) list = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      if (filter (&companies[i]))
        g_strv_builder_add (names, companies[i].name);
    }

  list = g_strv_builder_end (names);

  return g_strjoinv (", ", list);
}

/**
 * iwd_sandbox_companies_dup_list:
 * @out_length: (out): the length of the returned bytes
 *
 * Writes the company list as a Windows server serves it: Windows-1252
 * bytes, CRLF line ends, `CODE - Label` lines with accented labels, a
 * bare name, a blank line, trailing spaces and an extra `;` column.
 *
 * Returns: (transfer full): the Windows-1252 bytes; @out_length counts
 *   them without the NUL that g_convert() adds
 */
char *
iwd_sandbox_companies_dup_list (gsize *out_length)
{
  g_autoptr(GString) utf8 = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  char *bytes;

  for (guint i = 0; i < G_N_ELEMENTS (companies); i++)
    {
      g_string_append (utf8, companies[i].name);
      if (companies[i].label != NULL)
        g_string_append_printf (utf8, " - %s", companies[i].label);
      if (companies[i].list_extra != NULL)
        g_string_append (utf8, companies[i].list_extra);
      g_string_append (utf8, "\r\n");

      if (i == G_N_ELEMENTS (companies) / 2)
        g_string_append (utf8, "\r\n");
    }

  bytes = g_convert (utf8->str, utf8->len, "WINDOWS-1252", "UTF-8", NULL, out_length, &error);
  g_assert_no_error (error);

  return bytes;
}

/**
 * iwd_sandbox_company_build_schema:
 * @company: a company
 *
 * Builds the credential schema that `OPTIONS` returns for @company. It
 * depends on the company alone, so it is the same on every run.
 *
 * Returns: (transfer full): a JSON array of field objects
 */
JsonNode *
iwd_sandbox_company_build_schema (const IwdSandboxCompany *company)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GArray) fields = list_fields (company);
  g_autofree char *login_description = g_strdup_printf ("Identifiant %s", company->name);

  json_builder_begin_array (builder);
  for (guint i = 0; i < fields->len; i++)
    {
      const Field *field = &g_array_index (fields, Field, i);

      add_field (builder, field, i == 0 ? login_description : field->description);
    }
  json_builder_end_array (builder);

  return json_builder_get_root (builder);
}

/**
 * iwd_sandbox_company_check:
 * @company: a company
 * @values: the posted values, keyed by each field's `JSon` key
 * @options: (nullable): the options given in the URL, comma-separated
 *
 * Checks a set of credentials as the real service does. Every required
 * field must be present and no value longer than its `Taille`, where 0
 * means no limit. Combo box values must come from the list, a ticked
 * check box needs its option in the URL, and the password `wrong` fails.
 *
 * Returns: (transfer full): `General=Ok`, or `Key=message` lines in French
 */
char *
iwd_sandbox_company_check (const IwdSandboxCompany *company,
                           JsonObject              *values,
                           const char              *options)
{
  g_autoptr(GArray) fields = list_fields (company);
  GString *reply = g_string_new (NULL);

  for (guint i = 0; i < fields->len; i++)
    {
      const Field *field = &g_array_index (fields, Field, i);
      g_autofree char *value = dup_field_value (values, field);

      if (check_field (reply, field, value, options) &&
          field_is_password (field) && g_strcmp0 (value, "wrong") == 0)
        g_string_append_printf (reply, "%s=Mot de passe incorrect\r\n"
                                "General=Identifiants refusés par la compagnie\r\n",
                                field->json_key);
    }

  if (reply->len == 0)
    g_string_append (reply, "General=Ok");
  else
    g_string_truncate (reply, reply->len - 2);

  return g_string_free (reply, FALSE);
}

/**
 * iwd_sandbox_company_has_wrong_password:
 * @company: (nullable): the profile's company
 * @values: the values posted for a profile
 *
 * Tells whether a profile would fail to log in: any value `wrong` under a
 * key that looks like a password, or under the key of a field whose name
 * or description does.
 *
 * Returns: %TRUE if the robot must report a login error
 */
gboolean
iwd_sandbox_company_has_wrong_password (const IwdSandboxCompany *company,
                                        JsonObject              *values)
{
  g_autoptr(GList) members = json_object_get_members (values);
  const Field *password = company != NULL ? get_password_field (company) : NULL;

  for (GList *l = members; l != NULL; l = l->next)
    {
      const char *key = l->data;
      JsonNode *node = json_object_get_member (values, key);
      gboolean secret = looks_like_password (key) ||
                        (password != NULL && g_strcmp0 (key, password->json_key) == 0);

      if (secret && JSON_NODE_HOLDS_VALUE (node) &&
          g_strcmp0 (json_node_get_string (node), "wrong") == 0)
        return TRUE;
    }

  return FALSE;
}
