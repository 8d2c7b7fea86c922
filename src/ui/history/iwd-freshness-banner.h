/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "iwd-portfolio-data.h"

G_BEGIN_DECLS

#define IWD_TYPE_FRESHNESS_BANNER (iwd_freshness_banner_get_type ())

G_DECLARE_FINAL_TYPE (IwdFreshnessBanner, iwd_freshness_banner, IWD, FRESHNESS_BANNER, GtkWidget)

GtkWidget        *iwd_freshness_banner_new         (void);
void              iwd_freshness_banner_set_data    (IwdFreshnessBanner *self,
                                                    IwdPortfolioData   *data);
IwdPortfolioData *iwd_freshness_banner_get_data    (IwdFreshnessBanner *self);
const char       *iwd_freshness_banner_get_message (IwdFreshnessBanner *self);

G_END_DECLS
