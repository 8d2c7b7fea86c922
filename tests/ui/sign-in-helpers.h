/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "iwd-sandbox.h"
#include "iwd-window.h"

G_BEGIN_DECLS

/* A sandbox on loopback, a temporary data folder and a window whose
 * manager uses them, with the keyring of the session bus. */
typedef struct {
  IwdSandbox        *sandbox;
  char              *base_url;
  char              *data_dir;
  SoupSession       *session;
  IwdSecretStore    *secrets;
  IwdAccountManager *manager;
  IwdWindow         *window;
} SignInFixture;

void              sign_in_fixture_set_up     (SignInFixture *fixture,
                                              gconstpointer  accounts);
void              sign_in_fixture_tear_down  (SignInFixture *fixture,
                                              gconstpointer  accounts);
IwdWindow        *sign_in_fixture_new_window (SignInFixture *fixture);
void              sign_in_fixture_destroy_window (SignInFixture *fixture);

GtkWidget        *sign_in_page_child         (IwdWindow     *window,
                                              const char    *name);
const char       *sign_in_page_text          (IwdWindow     *window,
                                              const char    *name);
void              submit_sign_in             (SignInFixture *fixture,
                                              const char    *login,
                                              const char    *password);
void              wait_for_page              (IwdWindow     *window,
                                              const char    *page);
AdwMessageDialog *wait_for_dialog            (void);
char             *lookup_password            (SignInFixture *fixture,
                                              const char    *login);
IwdAccountId     *new_sandbox_account_id     (SignInFixture *fixture,
                                              const char    *login);

G_END_DECLS
