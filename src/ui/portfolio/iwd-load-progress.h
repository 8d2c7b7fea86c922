/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define IWD_TYPE_LOAD_PROGRESS (iwd_load_progress_get_type ())
G_DECLARE_FINAL_TYPE (IwdLoadProgress, iwd_load_progress, IWD, LOAD_PROGRESS, GtkWidget)

GtkWidget *iwd_load_progress_new       (void);
void       iwd_load_progress_start     (IwdLoadProgress *self,
                                        const char      *title,
                                        GCancellable    *cancellable);
void       iwd_load_progress_report    (goffset          current_bytes,
                                        goffset          total_bytes,
                                        gpointer         user_data);
goffset    iwd_load_progress_get_bytes (IwdLoadProgress *self);

G_END_DECLS
