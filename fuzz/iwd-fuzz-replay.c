/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <string.h>

#include "iwd-fuzz.h"

typedef int (*IwdFuzzEntry) (const uint8_t *data,
                             size_t         size);

/* fuzz/meson.build compiles each target for this executable with its
 * entry point renamed to iwd_fuzz_<target>_one_input. */
#define IWD_FUZZ_TARGETS(X) \
  X (check_reply, "check-reply") \
  X (commissions_json, "commissions-json") \
  X (commissions_tsv, "commissions-tsv") \
  X (companies, "companies") \
  X (contracts, "contracts") \
  X (fields, "fields") \
  X (profiles, "profiles") \
  X (robot_errors, "robot-errors") \
  X (state, "state") \
  X (text, "text")

#define DECLARE_ENTRY(symbol, name) \
  int iwd_fuzz_##symbol##_one_input (const uint8_t *data, size_t size);
IWD_FUZZ_TARGETS (DECLARE_ENTRY)
#undef DECLARE_ENTRY

typedef struct {
  const char   *name;
  IwdFuzzEntry  entry;
} Target;

#define TARGET_ROW(symbol, name) { name, iwd_fuzz_##symbol##_one_input },
static const Target targets[] = {
  IWD_FUZZ_TARGETS (TARGET_ROW)
};
#undef TARGET_ROW

/* Set from the command line. */
static const char *seeds_dir;
static const char *corpus_dir;

/* Copies the file to a buffer of its exact length, so that an
 * AddressSanitizer build catches a read past its end, as libFuzzer would. */
static void
replay_file (const Target *target,
             const char   *path)
{
  g_autofree char *contents = NULL;
  g_autofree uint8_t *exact = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_file_get_contents (path, &contents, &length, &error);
  g_assert_no_error (error);

  g_test_message ("%s: %s (%" G_GSIZE_FORMAT " bytes)", target->name, path, length);
  exact = g_memdup2 (contents, length);
  target->entry (exact, length);
}

/* The seed list is the file that libFuzzer reads with -seed_inputs=@FILE:
 * the fixture paths, separated by commas. */
static guint
replay_seeds (const Target *target)
{
  g_autofree char *list_name = g_strconcat ("seeds-", target->name, ".txt", NULL);
  g_autofree char *list_path = g_build_filename (seeds_dir, list_name, NULL);
  g_autofree char *list = NULL;
  g_auto(GStrv) paths = NULL;
  g_autoptr(GError) error = NULL;
  guint count = 0;

  g_file_get_contents (list_path, &list, NULL, &error);
  g_assert_no_error (error);

  paths = g_strsplit (g_strstrip (list), ",", -1);
  for (gsize i = 0; paths[i] != NULL; i++)
    {
      if (*paths[i] == '\0')
        continue;

      replay_file (target, paths[i]);
      count++;
    }

  return count;
}

static guint
replay_corpus (const Target *target)
{
  g_autofree char *path = g_build_filename (corpus_dir, target->name, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  const char *name;
  guint count = 0;

  /* Git keeps no empty folder, so a target without crash inputs or extra
   * seeds has no corpus folder. */
  if (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
    return 0;

  g_assert_no_error (error);

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *file = g_build_filename (path, name, NULL);

      replay_file (target, file);
      count++;
    }

  return count;
}

static void
test_replay (gconstpointer data)
{
  const Target *target = data;
  guint count = replay_seeds (target) + replay_corpus (target);

  g_assert_cmpuint (count, >, 0);
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);

  if (argc != 3)
    {
      g_printerr ("usage: %s SEEDS-DIR CORPUS-DIR\n", argv[0]);
      return 2;
    }

  seeds_dir = argv[1];
  corpus_dir = argv[2];

  for (gsize i = 0; i < G_N_ELEMENTS (targets); i++)
    {
      g_autofree char *path = g_strconcat ("/fuzz/replay/", targets[i].name, NULL);

      g_test_add_data_func (path, &targets[i], test_replay);
    }

  return g_test_run ();
}
