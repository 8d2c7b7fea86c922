/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/* How often a portfolio whose robot is still collecting is fetched again. */
#define IWD_COLLECT_POLL_DEFAULT_INTERVAL_MS (5 * 60 * 1000)

#define IWD_TYPE_COLLECT_POLL (iwd_collect_poll_get_type ())
G_DECLARE_FINAL_TYPE (IwdCollectPoll, iwd_collect_poll, IWD, COLLECT_POLL, GObject)

IwdCollectPoll *iwd_collect_poll_new                  (void);
void            iwd_collect_poll_set_interval         (IwdCollectPoll *self,
                                                       guint           milliseconds);
guint           iwd_collect_poll_get_interval_minutes (IwdCollectPoll *self);

void            iwd_collect_poll_schedule             (IwdCollectPoll *self);
void            iwd_collect_poll_stop                 (IwdCollectPoll *self);
gboolean        iwd_collect_poll_is_scheduled         (IwdCollectPoll *self);

char           *iwd_collect_poll_mark_checked         (IwdCollectPoll *self);
GDateTime      *iwd_collect_poll_get_last_checked     (IwdCollectPoll *self);

G_END_DECLS
