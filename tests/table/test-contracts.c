/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-contracts.h"
#include "iwd-parse-error.h"

static GBytes *
load_fixture (const char *name)
{
  g_autofree char *path = g_build_filename (TEST_DATA_DIR, "table", name, NULL);
  g_autoptr(GError) error = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);
  return g_bytes_new_take (contents, length);
}

static IwdTable *
parse_fixture (void)
{
  g_autoptr(GBytes) data = load_fixture ("contracts.json");
  g_autoptr(GError) error = NULL;
  IwdTable *table = iwd_parse_contracts (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (table);
  return table;
}

static GError *
parse_text_error (const char *text)
{
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(IwdTable) table = NULL;
  GError *error = NULL;

  table = iwd_parse_contracts (data, NULL, &error);
  g_assert_null (table);
  return error;
}

static guint
find_column (IwdTable   *table,
             const char *key)
{
  guint column = G_MAXUINT;

  g_assert_true (iwd_table_find_column (table, key, &column));
  return column;
}

static void
test_nested_keys (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();

  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 3);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 30);
  g_assert_cmpstr (iwd_table_get_column_key (table, 0), ==, "erreur");
  g_assert_cmpstr (iwd_table_get_column_key (table, 1), ==, "client.typeclient");
  g_assert_cmpstr (iwd_table_get_column_key (table, 11), ==, "police.numero_police_cie");
  g_assert_cmpstr (iwd_table_get_text (table, 0, find_column (table, "client.ville")), ==, "NICE");
  g_assert_cmpstr (iwd_table_get_column_label (table, find_column (table, "police.prime")), ==, "Premium");
}

static void
test_exact_amounts (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint premium = find_column (table, "police.prime");
  guint commission = find_column (table, "police.commission");
  gint64 total = 0;

  g_assert_cmpint (iwd_table_get_column_kind (table, premium), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, premium), ==, 12345600);
  g_assert_cmpint (iwd_table_get_int64 (table, 1, premium), ==, 176547100);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, premium), ==, -125000);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, commission), ==, 1913568);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, commission), ==, -12500);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "police.primean")), ==, 148147200);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, find_column (table, "police.tauxcomcie")), ==, 155000);
  g_assert_true (iwd_table_sum_column (table, premium, &total));
  g_assert_cmpint (total, ==, 188767700);
}

static void
test_nulls (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint first_name = find_column (table, "client.prenom");

  g_assert_cmpstr (iwd_table_get_text (table, 0, first_name), ==, "Élodie");
  g_assert_true (iwd_table_is_null (table, 1, first_name));
  g_assert_true (iwd_table_is_null (table, 2, first_name));
  g_assert_true (iwd_table_is_null (table, 0, find_column (table, "client.regime")));
  g_assert_true (iwd_table_is_null (table, 0, find_column (table, "client.naf")));
  g_assert_true (iwd_table_is_null (table, 1, find_column (table, "police.commission")));
}

static void
test_known_kinds (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint postal_code = find_column (table, "client.codepostal");
  guint birth = find_column (table, "client.date_naissance");
  g_autofree char *birth_text = iwd_table_dup_cell_string (table, 0, birth);

  g_assert_cmpint (iwd_table_get_column_kind (table, postal_code), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_text (table, 0, postal_code), ==, "06000");
  g_assert_cmpint (iwd_table_get_column_kind (table, birth), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpstr (birth_text, ==, "1978-04-02");
  g_assert_cmpint (iwd_table_get_column_kind (table, find_column (table, "police.paie_direct_cie")), ==, IWD_TABLE_KIND_BOOLEAN);
  g_assert_cmpint (iwd_table_get_int64 (table, 2, find_column (table, "erreur")), ==, 2);
}

static void
test_unknown_keys (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint agency = find_column (table, "agence");

  g_assert_cmpint (iwd_table_get_column_kind (table, agency), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_column_label (table, agency), ==, "agence");
  g_assert_cmpstr (iwd_table_get_text (table, 2, agency), ==, "Nice");
}

static void
test_late_keys (void)
{
  g_autoptr(IwdTable) table = parse_fixture ();
  guint options = find_column (table, "options");
  guint vip = find_column (table, "vip");

  g_assert_true (iwd_table_is_null (table, 0, options));
  g_assert_true (iwd_table_is_null (table, 1, options));
  g_assert_cmpstr (iwd_table_get_text (table, 2, options), ==, "[\"GED\",{\"parcs\":2},[1.50,null,true]]");
  g_assert_cmpint (iwd_table_get_column_kind (table, vip), ==, IWD_TABLE_KIND_BOOLEAN);
  g_assert_true (iwd_table_is_null (table, 1, vip));
  g_assert_cmpint (iwd_table_get_int64 (table, 2, vip), ==, 1);
}

static void
test_empty_array (void)
{
  const char *text = " [ ] ";
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_contracts (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_n_rows (table), ==, 0);
  g_assert_cmpint (iwd_table_get_n_columns (table), ==, 0);
}

static void
test_byte_order_mark (void)
{
  const char *text = "\xEF\xBB\xBF[{\"erreur\": 1}]";
  g_autoptr(GBytes) data = g_bytes_new_static (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = iwd_parse_contracts (data, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_int64 (table, 0, 0), ==, 1);
}

static void
test_syntax_error_offset (void)
{
  g_autoptr(GError) error = parse_text_error ("[{\"a\": 1}, {\"a\": 2 \"b\": 3}]");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "byte 21"));
}

static void
test_truncated_error (void)
{
  g_autoptr(GError) error = parse_text_error ("[{\"a\": 1}");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
  g_assert_nonnull (strstr (error->message, "byte 9"));
}

static void
test_empty_error (void)
{
  g_autoptr(GError) empty = parse_text_error ("");
  g_autoptr(GError) blank = parse_text_error (" \r\n");

  g_assert_error (empty, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
  g_assert_error (blank, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
}

static void
test_root_error (void)
{
  g_autoptr(GError) object = parse_text_error ("{\"erreur\": 0}");
  g_autoptr(GError) number = parse_text_error ("42");

  g_assert_error (object, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_error (number, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
}

static void
test_item_error (void)
{
  g_autoptr(GError) error = parse_text_error ("[{\"erreur\": 0}, 7]");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_nonnull (strstr (error->message, "item 2"));
}

static void
test_value_error (void)
{
  g_autoptr(GError) error = parse_text_error ("[{\"police\": {\"prime\": \"beaucoup\"}}]");

  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_VALUE);
  g_assert_nonnull (strstr (error->message, "police.prime"));
}

static void
test_invalid_utf8_error (void)
{
  const char * const replies[] = {
    "[{\"prenom\": \"H\xC1\xA9l\xC3\xA8ne\"}]",
    "[{\"prenom\": \"H\\udfffl\"}]",
    "[{\"pr\xC1\xA9nom\": \"H\"}]",
    "[{\"erreur\": 0}, {\"notes\": [\"\\udfff\"]}]",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (replies); i++)
    {
      g_autoptr(GError) error = parse_text_error (replies[i]);

      g_test_message ("reply %s", replies[i]);
      g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_ENCODING);
      g_assert_true (g_str_has_prefix (error->message, i < 3 ? "item 1:" : "item 2:"));
    }
}

static void
test_deep_array_error (void)
{
  g_autoptr(GString) reply = g_string_new ("[{\"erreur\": 0, \"notes\": ");
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_c (reply, '[');
  for (guint i = 0; i < 1000; i++)
    g_string_append_c (reply, ']');
  g_string_append (reply, "}]");

  error = parse_text_error (reply->str);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SHAPE);
  g_assert_cmpstr (error->message, ==, "item 1: an array is nested too deeply to be kept as text");
}

static void
test_cancelled (void)
{
  g_autoptr(GBytes) data = load_fixture ("contracts.json");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) table = NULL;

  g_cancellable_cancel (cancellable);
  table = iwd_parse_contracts (data, cancellable, &error);

  g_assert_null (table);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/table/contracts/nested-keys", test_nested_keys);
  g_test_add_func ("/table/contracts/exact-amounts", test_exact_amounts);
  g_test_add_func ("/table/contracts/nulls", test_nulls);
  g_test_add_func ("/table/contracts/known-kinds", test_known_kinds);
  g_test_add_func ("/table/contracts/unknown-keys", test_unknown_keys);
  g_test_add_func ("/table/contracts/late-keys", test_late_keys);
  g_test_add_func ("/table/contracts/empty-array", test_empty_array);
  g_test_add_func ("/table/contracts/byte-order-mark", test_byte_order_mark);
  g_test_add_func ("/table/contracts/syntax-error-offset", test_syntax_error_offset);
  g_test_add_func ("/table/contracts/truncated-error", test_truncated_error);
  g_test_add_func ("/table/contracts/empty-error", test_empty_error);
  g_test_add_func ("/table/contracts/root-error", test_root_error);
  g_test_add_func ("/table/contracts/item-error", test_item_error);
  g_test_add_func ("/table/contracts/value-error", test_value_error);
  g_test_add_func ("/table/contracts/invalid-utf8-error", test_invalid_utf8_error);
  g_test_add_func ("/table/contracts/deep-array-error", test_deep_array_error);
  g_test_add_func ("/table/contracts/cancelled", test_cancelled);

  return g_test_run ();
}
