/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-client.h"
#include "iwd-logo-error.h"

G_BEGIN_DECLS

/* How many logo requests are in flight at once, unless set otherwise. */
#define IWD_LOGO_CACHE_DEFAULT_MAX_FETCHES 4

/* How long a cached logo is used without asking the site, in µs. */
#define IWD_LOGO_CACHE_DEFAULT_MAX_AGE G_TIME_SPAN_DAY

#define IWD_TYPE_LOGO_CACHE (iwd_logo_cache_get_type ())
G_DECLARE_FINAL_TYPE (IwdLogoCache, iwd_logo_cache, IWD, LOGO_CACHE, GObject)

IwdLogoCache *iwd_logo_cache_new               (IwdClient            *client,
                                                const char           *directory);
char         *iwd_logo_cache_dup_default_directory (void);

const char   *iwd_logo_cache_get_directory     (IwdLogoCache         *self);

guint         iwd_logo_cache_get_max_fetches   (IwdLogoCache         *self);
void          iwd_logo_cache_set_max_fetches   (IwdLogoCache         *self,
                                                guint                 max_fetches);

GTimeSpan     iwd_logo_cache_get_max_age       (IwdLogoCache         *self);
void          iwd_logo_cache_set_max_age       (IwdLogoCache         *self,
                                                GTimeSpan             max_age);

void          iwd_logo_cache_load_async        (IwdLogoCache         *self,
                                                const char           *company,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
GBytes       *iwd_logo_cache_load_finish       (IwdLogoCache         *self,
                                                GAsyncResult         *result,
                                                GError              **error);

G_END_DECLS
