/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The binary table format of the history store, alone: every kind, empty
 * cells, accents and labels come back as they went in, and damaged
 * input is rejected without a crash. */

#include <string.h>

#include "history-test-table.h"
#include "iwd-contracts.h"
#include "iwd-history-codec.h"
#include "iwd-history-error.h"
#include "iwd-table-builder.h"

static IwdTable *
decode_bytes (GBytes  *bytes,
              GError **error)
{
  gsize size;
  gconstpointer data = g_bytes_get_data (bytes, &size);

  return iwd_history_codec_decode (data, size, error);
}

static IwdTable *
new_table_of_every_kind (void)
{
  static const char * const keys[] = {
    "client.prenom", "client.nb_salaries", "police.tauxcomcie", "police.prime",
    "client.date_naissance", "relevé", "police.paie_direct_cie", NULL,
  };
  static const char * const cells[] = {
    "Hélène", "0", "12.5", "17654.71", "1965-09-26T00:00:00", "2023-03-01T06:12:00", "true",
    "", "250", "0.0001", "-0.01", "", "", "false",
    "Zoë “la Noël”", "", "", "", "2000-02-29T00:00:00", "2024-12-31T23:59:59", "",
  };

  return history_test_table_new (keys, cells, 3);
}

static void
test_codec_every_kind (void)
{
  g_autoptr(IwdTable) table = new_table_of_every_kind ();
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) decoded = decode_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpint (iwd_table_get_column_kind (table, 0), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpint (iwd_table_get_column_kind (table, 1), ==, IWD_TABLE_KIND_INTEGER);
  g_assert_cmpint (iwd_table_get_column_kind (table, 2), ==, IWD_TABLE_KIND_DECIMAL);
  g_assert_cmpint (iwd_table_get_column_kind (table, 3), ==, IWD_TABLE_KIND_MONEY);
  g_assert_cmpint (iwd_table_get_column_kind (table, 4), ==, IWD_TABLE_KIND_DATE);
  g_assert_cmpint (iwd_table_get_column_kind (table, 5), ==, IWD_TABLE_KIND_DATETIME);
  g_assert_cmpint (iwd_table_get_column_kind (table, 6), ==, IWD_TABLE_KIND_BOOLEAN);
  history_test_table_assert_equal (table, decoded);
}

static void
test_codec_values (void)
{
  g_autoptr(IwdTable) table = new_table_of_every_kind ();
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  g_autoptr(IwdTable) decoded = decode_bytes (bytes, NULL);

  g_assert_cmpstr (iwd_table_get_text (decoded, 2, 0), ==, "Zoë “la Noël”");
  g_assert_true (iwd_table_is_null (decoded, 1, 0));
  g_assert_cmpint (iwd_table_get_int64 (decoded, 0, 3), ==, 176547100);
  g_assert_cmpint (iwd_table_get_int64 (decoded, 1, 3), ==, -100);
  g_assert_cmpint (iwd_table_get_int64 (decoded, 1, 2), ==, 1);
  g_assert_true (iwd_table_is_null (decoded, 2, 1));
  g_assert_cmpint (iwd_table_get_int64 (decoded, 1, 6), ==, 0);
}

/* A DECIMAL column of whole numbers would come back INTEGER through the
 * builder, which infers kinds from text. */
static void
test_codec_keeps_kind (void)
{
  static const char * const keys[] = { "police.tauxcomcie", "code", NULL };
  static const char * const cells[] = { "12", "0042", "15", "0043" };
  g_autoptr(IwdTable) table = history_test_table_new (keys, cells, 2);
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  g_autoptr(IwdTable) decoded = decode_bytes (bytes, NULL);

  g_assert_cmpint (iwd_table_get_column_kind (decoded, 0), ==, IWD_TABLE_KIND_DECIMAL);
  g_assert_cmpint (iwd_table_get_column_kind (decoded, 1), ==, IWD_TABLE_KIND_TEXT);
  g_assert_cmpstr (iwd_table_get_text (decoded, 0, 1), ==, "0042");
}

static void
test_codec_custom_label (void)
{
  g_autoptr(IwdTableBuilder) builder = iwd_table_builder_new ();
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(IwdTable) decoded = NULL;
  guint column = iwd_table_builder_ensure_column (builder, "3");

  iwd_table_builder_set_column_label (builder, column, "Colonne 3");
  iwd_table_builder_set_cell (builder, column, "x", 1, NULL);
  iwd_table_builder_end_row (builder);
  table = iwd_table_builder_build (builder, NULL);
  bytes = iwd_history_codec_encode (table);
  decoded = decode_bytes (bytes, NULL);

  g_assert_cmpstr (iwd_table_get_column_label (decoded, 0), ==, "Colonne 3");
  g_assert_cmpstr (iwd_table_get_column_key (decoded, 0), ==, "3");
}

static void
test_codec_empty_table (void)
{
  static const char * const keys[] = { "police.prime", NULL };
  g_autoptr(IwdTable) table = history_test_table_new (keys, NULL, 0);
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) decoded = decode_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (decoded), ==, 0);
  g_assert_cmpuint (iwd_table_get_n_columns (decoded), ==, 1);
}

static void
test_codec_parsed_contracts (void)
{
  g_autofree char *contents = NULL;
  gsize length;
  g_autoptr(GBytes) json = NULL;
  g_autoptr(IwdTable) table = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) decoded = NULL;

  g_file_get_contents (TEST_DATA_DIR "/history/contracts-accents.json", &contents, &length, &error);
  g_assert_no_error (error);
  json = g_bytes_new_take (g_steal_pointer (&contents), length);
  table = iwd_parse_contracts (json, NULL, &error);
  g_assert_no_error (error);

  bytes = iwd_history_codec_encode (table);
  decoded = decode_bytes (bytes, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (iwd_table_get_n_rows (decoded), ==, 2);
  history_test_table_assert_equal (table, decoded);
}

/* Every cut of a valid encoding must fail cleanly, not read past it. */
static void
test_codec_truncated (void)
{
  g_autoptr(IwdTable) table = new_table_of_every_kind ();
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  gsize size;
  const guint8 *data = g_bytes_get_data (bytes, &size);

  for (gsize cut = 0; cut < size; cut++)
    {
      g_autofree guint8 *copy = g_memdup2 (data, cut);
      g_autoptr(GError) error = NULL;
      g_autoptr(IwdTable) decoded = iwd_history_codec_decode (copy, cut, &error);

      g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT);
      g_assert_null (decoded);
    }
}

static void
test_codec_other_version (void)
{
  g_autoptr(IwdTable) table = new_table_of_every_kind ();
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  gsize size;
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) decoded = NULL;

  copy[4] = IWD_HISTORY_CODEC_VERSION + 1;
  decoded = iwd_history_codec_decode (copy, size, &error);

  g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "version 2"));
}

/* A forged row count must fail before the decoder allocates for it. */
static void
test_codec_forged_count (void)
{
  static const char * const keys[] = { "police.prime", NULL };
  static const char * const cells[] = { "1" };
  g_autoptr(IwdTable) table = history_test_table_new (keys, cells, 1);
  g_autoptr(GBytes) bytes = iwd_history_codec_encode (table);
  gsize size;
  g_autofree guint8 *copy = g_memdup2 (g_bytes_get_data (bytes, &size), g_bytes_get_size (bytes));
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdTable) decoded = NULL;

  memset (copy + 8, 0xff, 4);
  decoded = iwd_history_codec_decode (copy, size, &error);

  g_assert_error (error, IWD_HISTORY_ERROR, IWD_HISTORY_ERROR_CORRUPT);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/history/codec/every-kind", test_codec_every_kind);
  g_test_add_func ("/history/codec/values", test_codec_values);
  g_test_add_func ("/history/codec/keeps-kind", test_codec_keeps_kind);
  g_test_add_func ("/history/codec/custom-label", test_codec_custom_label);
  g_test_add_func ("/history/codec/empty-table", test_codec_empty_table);
  g_test_add_func ("/history/codec/parsed-contracts", test_codec_parsed_contracts);
  g_test_add_func ("/history/codec/truncated", test_codec_truncated);
  g_test_add_func ("/history/codec/other-version", test_codec_other_version);
  g_test_add_func ("/history/codec/forged-count", test_codec_forged_count);

  return g_test_run ();
}
