/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Larger replies are rejected before decoding: company logos are small. */
#define IWD_LOGO_MAX_IMAGE_SIZE (1024 * 1024)

/**
 * IwdLogoEntry:
 * @image: the image file's bytes, already checked to decode
 * @etag: (nullable): the ETag the site sent with @image
 * @last_modified: (nullable): the Last-Modified date the site sent
 * @fetched_at: when the site last sent @image or confirmed it with a 304
 *
 * One company's logo as the cache keeps it on disk.
 */
typedef struct {
  GBytes    *image;
  char      *etag;
  char      *last_modified;
  GDateTime *fetched_at;
} IwdLogoEntry;

IwdLogoEntry *iwd_logo_entry_new            (GBytes              *image,
                                             const char          *etag,
                                             const char          *last_modified,
                                             GDateTime           *fetched_at);
void          iwd_logo_entry_free           (IwdLogoEntry        *entry);

char         *iwd_logo_entry_escape_name    (const char          *company);

IwdLogoEntry *iwd_logo_entry_read           (const char          *directory,
                                             const char          *company,
                                             GError             **error);
gboolean      iwd_logo_entry_write          (const IwdLogoEntry  *entry,
                                             const char          *directory,
                                             const char          *company,
                                             gboolean             with_image,
                                             GError             **error);
void          iwd_logo_entry_delete         (const char          *directory,
                                             const char          *company);

gboolean      iwd_logo_entry_validate_image (GBytes              *image,
                                             GError             **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (IwdLogoEntry, iwd_logo_entry_free)

G_END_DECLS
