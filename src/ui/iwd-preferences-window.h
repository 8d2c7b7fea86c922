/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define IWD_TYPE_PREFERENCES_WINDOW (iwd_preferences_window_get_type ())
G_DECLARE_FINAL_TYPE (IwdPreferencesWindow, iwd_preferences_window, IWD, PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWindow  *iwd_preferences_window_new               (GtkWindow            *parent);

const char *iwd_preferences_window_get_url_problem   (IwdPreferencesWindow *self,
                                                      const char           *key);

G_END_DECLS
