/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "iwd-client.h"
#include "iwd-sandbox.h"

G_BEGIN_DECLS

#define ROBOT_LOGIN "broker"
#define ROBOT_PASSWORD "s3cret"

/* A sandbox on a free loopback port, with one account, and a client
 * signed in to it. @fixtures_dir, when set, replaces the read calls'
 * replies with the files there. */
typedef struct {
  IwdSandbox  *sandbox;
  SoupSession *session;
  IwdClient   *client;
  char        *base_url;
  char        *data_dir;   /* a fresh temporary folder for local files */
} RobotFixture;

void      robot_fixture_set_up     (RobotFixture  *fixture,
                                    const char    *fixtures_dir);
void      robot_fixture_tear_down  (RobotFixture  *fixture);

void      robot_save_profile       (RobotFixture  *fixture,
                                    const char    *company,
                                    const char    *profile_id,
                                    const char    *password);
GPtrArray *robot_list_profiles     (RobotFixture  *fixture);

void      robot_wait_until         (gboolean     (*done) (gpointer data),
                                    gpointer        data);
void      robot_spin               (guint           milliseconds);

G_END_DECLS
