/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-table-view.h"

G_BEGIN_DECLS

#define IWD_TYPE_LOCAL_FILE_VIEW (iwd_local_file_view_get_type ())

G_DECLARE_FINAL_TYPE (IwdLocalFileView, iwd_local_file_view, IWD, LOCAL_FILE_VIEW, GtkWidget)

GtkWidget    *iwd_local_file_view_new            (void);
IwdTableView *iwd_local_file_view_get_table_view (IwdLocalFileView     *self);
guint         iwd_local_file_view_get_n_bad_lines (IwdLocalFileView    *self);
const char   *iwd_local_file_view_get_title       (IwdLocalFileView    *self);

void          iwd_local_file_view_load_async     (IwdLocalFileView     *self,
                                                  GFile                *file,
                                                  GCancellable         *cancellable,
                                                  GAsyncReadyCallback   callback,
                                                  gpointer              user_data);
gboolean      iwd_local_file_view_load_finish    (IwdLocalFileView     *self,
                                                  GAsyncResult         *result,
                                                  GError              **error);

G_END_DECLS
