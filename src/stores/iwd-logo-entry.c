/* SPDX-License-Identifier: GPL-3.0-or-later */

/* The on-disk form of a cached logo. "<name>.png" contains the image and
 * "<name>.ini" its validators, fetch time and SHA-256 checksum, so a
 * truncated or replaced image is noticed and treated as a miss. Each file
 * is replaced with g_file_set_contents_full(), the image first, so a crash
 * between the two leaves a checksum mismatch, which is a miss too. These
 * functions block, so the cache calls them from a worker thread. */

#include "iwd-logo-entry.h"

#include <errno.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <glib/gstdio.h>
#include <string.h>

#include "iwd-logo-error.h"

#define GROUP "Logo"
#define KEY_ETAG "ETag"
#define KEY_LAST_MODIFIED "LastModified"
#define KEY_FETCHED_AT "FetchedAt"
#define KEY_SHA256 "SHA256"

#define FILE_MODE 0600
#define DIRECTORY_MODE 0700

static char *
build_path (const char *directory,
            const char *company,
            const char *extension)
{
  g_autofree char *escaped = iwd_logo_entry_escape_name (company);
  g_autofree char *basename = g_strconcat (escaped, extension, NULL);

  return g_build_filename (directory, basename, NULL);
}

static char *
dup_checksum (GBytes *image)
{
  return g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, image);
}

static GDateTime *
read_fetched_at (GKeyFile  *sidecar,
                 GError   **error)
{
  g_autofree char *text = g_key_file_get_string (sidecar, GROUP, KEY_FETCHED_AT, error);
  GDateTime *fetched_at;

  if (text == NULL)
    return NULL;

  fetched_at = g_date_time_new_from_iso8601 (text, NULL);
  if (fetched_at == NULL)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                 "invalid %s date “%s”", KEY_FETCHED_AT, text);

  return fetched_at;
}

static gboolean
check_image_checksum (GKeyFile  *sidecar,
                      GBytes    *image,
                      GError   **error)
{
  g_autofree char *expected = g_key_file_get_string (sidecar, GROUP, KEY_SHA256, error);
  g_autofree char *actual = NULL;

  if (expected == NULL)
    return FALSE;

  actual = dup_checksum (image);
  if (g_ascii_strcasecmp (expected, actual) != 0)
    {
      g_set_error_literal (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                           "image does not match its recorded checksum");
      return FALSE;
    }

  return TRUE;
}

static GBytes *
read_image (const char  *directory,
            const char  *company,
            GError     **error)
{
  g_autofree char *path = build_path (directory, company, ".png");
  char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return NULL;

  return g_bytes_new_take (contents, length);
}

static GKeyFile *
read_sidecar (const char  *directory,
              const char  *company,
              GError     **error)
{
  g_autofree char *path = build_path (directory, company, ".ini");
  g_autoptr(GKeyFile) sidecar = g_key_file_new ();

  if (!g_key_file_load_from_file (sidecar, path, G_KEY_FILE_NONE, error))
    return NULL;

  return g_steal_pointer (&sidecar);
}

static char *
format_sidecar (const IwdLogoEntry *entry)
{
  g_autoptr(GKeyFile) sidecar = g_key_file_new ();
  g_autofree char *fetched_at = g_date_time_format_iso8601 (entry->fetched_at);
  g_autofree char *checksum = dup_checksum (entry->image);

  if (entry->etag != NULL)
    g_key_file_set_string (sidecar, GROUP, KEY_ETAG, entry->etag);
  if (entry->last_modified != NULL)
    g_key_file_set_string (sidecar, GROUP, KEY_LAST_MODIFIED, entry->last_modified);
  g_key_file_set_string (sidecar, GROUP, KEY_FETCHED_AT, fetched_at);
  g_key_file_set_string (sidecar, GROUP, KEY_SHA256, checksum);

  return g_key_file_to_data (sidecar, NULL, NULL);
}

static gboolean
write_file (const char    *path,
            gconstpointer  data,
            gsize          length,
            GError       **error)
{
  return g_file_set_contents_full (path, data, length,
                                   G_FILE_SET_CONTENTS_CONSISTENT,
                                   FILE_MODE, error);
}

static gboolean
make_directory (const char  *directory,
                GError     **error)
{
  int saved_errno;

  if (g_mkdir_with_parents (directory, DIRECTORY_MODE) == 0)
    return TRUE;

  saved_errno = errno;
  g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
               "cannot create %s: %s", directory, g_strerror (saved_errno));

  return FALSE;
}

/* Closes the loader even after a failed write, because it warns when it
 * is finalized open. */
static gboolean
decode_all (GdkPixbufLoader  *loader,
            GBytes           *image,
            GError          **error)
{
  gboolean written = gdk_pixbuf_loader_write_bytes (loader, image, error);
  gboolean closed = gdk_pixbuf_loader_close (loader, written ? error : NULL);

  return written && closed;
}

static void
on_area_updated (GdkPixbufLoader *loader,
                 int              x,
                 int              y,
                 int              width,
                 int              height,
                 gpointer         data)
{
  int *decoded_rows = data;

  /* TODO: an interlaced image reports rows pass by pass, so one cut short
   * after a pass that reached the last row is taken as complete. */
  *decoded_rows = MAX (*decoded_rows, y + height);
}

/**
 * iwd_logo_entry_new:
 * @image: the image's bytes
 * @etag: (nullable): the image's ETag
 * @last_modified: (nullable): the image's Last-Modified date
 * @fetched_at: when the site sent or confirmed @image
 *
 * Returns: (transfer full): a new entry holding references to @image and
 *   @fetched_at
 */
IwdLogoEntry *
iwd_logo_entry_new (GBytes     *image,
                    const char *etag,
                    const char *last_modified,
                    GDateTime  *fetched_at)
{
  IwdLogoEntry *entry;

  g_return_val_if_fail (image != NULL && fetched_at != NULL, NULL);

  entry = g_new0 (IwdLogoEntry, 1);
  entry->image = g_bytes_ref (image);
  entry->etag = g_strdup (etag);
  entry->last_modified = g_strdup (last_modified);
  entry->fetched_at = g_date_time_ref (fetched_at);

  return entry;
}

void
iwd_logo_entry_free (IwdLogoEntry *entry)
{
  if (entry == NULL)
    return;

  g_clear_pointer (&entry->image, g_bytes_unref);
  g_clear_pointer (&entry->etag, g_free);
  g_clear_pointer (&entry->last_modified, g_free);
  g_clear_pointer (&entry->fetched_at, g_date_time_unref);
  g_free (entry);
}

/**
 * iwd_logo_entry_escape_name:
 * @company: a company name
 *
 * Makes the base name of a company's files: ASCII letters, digits, `_`
 * and `-` are kept, and every other byte becomes `%XX` in upper-case hex.
 * The result never contains `/` or `.`, so a name such as "../x" cannot
 * leave the cache directory, and two names never share a file.
 *
 * Returns: (transfer full): the escaped name
 */
char *
iwd_logo_entry_escape_name (const char *company)
{
  GString *escaped;

  g_return_val_if_fail (company != NULL, NULL);

  escaped = g_string_new (NULL);
  for (const guchar *p = (const guchar *) company; *p != '\0'; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '_' || *p == '-')
        g_string_append_c (escaped, *p);
      else
        g_string_append_printf (escaped, "%%%02X", *p);
    }

  return g_string_free (escaped, FALSE);
}

/**
 * iwd_logo_entry_read:
 * @directory: the cache directory
 * @company: a company name
 * @error: return location for a #GError
 *
 * Reads a company's cached logo. A missing file fails with
 * %G_FILE_ERROR_NOENT. A sidecar that cannot be parsed, or an image that
 * does not match its checksum, fails with another #GFileError.
 *
 * Returns: (transfer full) (nullable): the entry, or %NULL with @error set
 */
IwdLogoEntry *
iwd_logo_entry_read (const char  *directory,
                     const char  *company,
                     GError     **error)
{
  g_autoptr(GKeyFile) sidecar = NULL;
  g_autoptr(GBytes) image = NULL;
  g_autoptr(GDateTime) fetched_at = NULL;
  g_autofree char *etag = NULL;
  g_autofree char *last_modified = NULL;

  sidecar = read_sidecar (directory, company, error);
  if (sidecar == NULL)
    return NULL;

  image = read_image (directory, company, error);
  if (image == NULL || !check_image_checksum (sidecar, image, error))
    return NULL;

  fetched_at = read_fetched_at (sidecar, error);
  if (fetched_at == NULL)
    return NULL;

  etag = g_key_file_get_string (sidecar, GROUP, KEY_ETAG, NULL);
  last_modified = g_key_file_get_string (sidecar, GROUP, KEY_LAST_MODIFIED, NULL);

  return iwd_logo_entry_new (image, etag, last_modified, fetched_at);
}

/**
 * iwd_logo_entry_write:
 * @entry: the entry to store
 * @directory: the cache directory, created if needed
 * @company: a company name
 * @with_image: %FALSE to rewrite the sidecar only, after a 304
 * @error: return location for a #GError
 *
 * Stores @entry, replacing each file atomically.
 *
 * Returns: %TRUE if both files were written
 */
gboolean
iwd_logo_entry_write (const IwdLogoEntry  *entry,
                      const char          *directory,
                      const char          *company,
                      gboolean             with_image,
                      GError             **error)
{
  g_autofree char *image_path = build_path (directory, company, ".png");
  g_autofree char *sidecar_path = build_path (directory, company, ".ini");
  g_autofree char *sidecar = format_sidecar (entry);
  gsize length = 0;
  gconstpointer data = g_bytes_get_data (entry->image, &length);

  if (!make_directory (directory, error))
    return FALSE;

  if (with_image && !write_file (image_path, data, length, error))
    return FALSE;

  return write_file (sidecar_path, sidecar, strlen (sidecar), error);
}

/**
 * iwd_logo_entry_delete:
 * @directory: the cache directory
 * @company: a company name
 *
 * Removes a company's cached files, if there are any.
 */
void
iwd_logo_entry_delete (const char *directory,
                       const char *company)
{
  g_autofree char *image_path = build_path (directory, company, ".png");
  g_autofree char *sidecar_path = build_path (directory, company, ".ini");

  /* The sidecar goes first, because an image without one is never read. */
  g_unlink (sidecar_path);
  g_unlink (image_path);
}

/**
 * iwd_logo_entry_validate_image:
 * @image: bytes received as a logo
 * @error: return location for a #GError
 *
 * Checks that @image decodes completely as an image with gdk-pixbuf,
 * which needs no display. Fails with %IWD_LOGO_ERROR_INVALID_IMAGE
 * otherwise.
 *
 * Returns: %TRUE if @image can be shown
 */
gboolean
iwd_logo_entry_validate_image (GBytes  *image,
                               GError **error)
{
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autoptr(GError) decode_error = NULL;
  int decoded_rows = 0;
  GdkPixbuf *pixbuf;

  if (g_bytes_get_size (image) > IWD_LOGO_MAX_IMAGE_SIZE)
    {
      g_set_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE,
                   "invalid image: %" G_GSIZE_FORMAT " bytes, more than the maximum of %d",
                   g_bytes_get_size (image), IWD_LOGO_MAX_IMAGE_SIZE);
      return FALSE;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "area-updated", G_CALLBACK (on_area_updated), &decoded_rows);

  if (!decode_all (loader, image, &decode_error))
    {
      g_set_error (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE,
                   "invalid image: %s", decode_error->message);
      return FALSE;
    }

  /* The PNG loader of gdk-pixbuf 2.42 closes without an error on a file
   * cut short inside its image data, so the decoded rows are counted. */
  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL || decoded_rows < gdk_pixbuf_get_height (pixbuf))
    {
      g_set_error_literal (error, IWD_LOGO_ERROR, IWD_LOGO_ERROR_INVALID_IMAGE,
                           "invalid image: its data ends before the last row");
      return FALSE;
    }

  return TRUE;
}
