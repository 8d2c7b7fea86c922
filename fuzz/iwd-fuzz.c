/* SPDX-License-Identifier: GPL-3.0-or-later */

#include <stdio.h>
#include <stdlib.h>

#include "iwd-fuzz.h"

static void
check_string_property (GObject    *object,
                       GParamSpec *pspec)
{
  g_autofree char *value = NULL;

  g_object_get (object, pspec->name, &value, NULL);
  if (value != NULL && !g_utf8_validate (value, -1, NULL))
    g_error ("fuzz: %s:%s is not valid UTF-8",
             G_OBJECT_TYPE_NAME (object), pspec->name);
}

/* A warning or a critical means that a parser broke a GLib precondition
 * or its own, which is a bug whatever the input. So they abort, and
 * libFuzzer keeps the input. Messages about bad input are dropped, as
 * millions of them would only slow the run down. */
static GLogWriterOutput
write_log (GLogLevelFlags   log_level,
           const GLogField *fields,
           gsize            n_fields,
           gpointer         user_data)
{
  const GLogLevelFlags fatal = G_LOG_LEVEL_ERROR | G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING;

  if ((log_level & fatal) == 0)
    return G_LOG_WRITER_HANDLED;

  for (gsize i = 0; i < n_fields; i++)
    {
      if (g_strcmp0 (fields[i].key, "MESSAGE") == 0)
        fprintf (stderr, "fuzz: fatal log message: %s\n", (const char *) fields[i].value);
    }

  abort ();
}

/**
 * iwd_fuzz_init:
 *
 * Installs the log writer of the fuzz targets. Each target calls it at
 * the start of every input, and only the first call has an effect.
 */
void
iwd_fuzz_init (void)
{
  static gsize initialized = 0;

  if (g_once_init_enter (&initialized))
    {
      g_log_set_writer_func (write_log, NULL, NULL);
      g_once_init_leave (&initialized, 1);
    }
}

/**
 * iwd_fuzz_wrap_bytes:
 * @data: the input of libFuzzer
 * @size: its length in bytes
 *
 * Wraps the input without copying it or adding a terminating NUL, so
 * that AddressSanitizer catches a parser that reads past the end, as a
 * reply body from libsoup has no terminating NUL either.
 *
 * Returns: (transfer full): the input as bytes, valid while @data is
 */
GBytes *
iwd_fuzz_wrap_bytes (const uint8_t *data,
                     size_t         size)
{
  return g_bytes_new_static (data, size);
}

/**
 * iwd_fuzz_dup_string:
 * @data: the input of libFuzzer
 * @size: its length in bytes
 *
 * Copies the input as a NUL-terminated string, for the functions that
 * take one. An input with a NUL byte ends at it.
 *
 * Returns: (transfer full): the string
 */
char *
iwd_fuzz_dup_string (const uint8_t *data,
                     size_t         size)
{
  return g_strndup ((const char *) data, size);
}

/**
 * iwd_fuzz_check_strings:
 * @objects: the models that a parser built
 *
 * Checks that every readable string property of every model is valid
 * UTF-8, because GTK rejects any other text that the pages would show.
 */
void
iwd_fuzz_check_strings (GPtrArray *objects)
{
  for (guint i = 0; objects != NULL && i < objects->len; i++)
    {
      GObject *object = g_ptr_array_index (objects, i);
      guint n_properties;
      g_autofree GParamSpec **pspecs =
        g_object_class_list_properties (G_OBJECT_GET_CLASS (object), &n_properties);

      for (guint j = 0; j < n_properties; j++)
        {
          if (pspecs[j]->value_type == G_TYPE_STRING && (pspecs[j]->flags & G_PARAM_READABLE))
            check_string_property (object, pspecs[j]);
        }
    }
}
