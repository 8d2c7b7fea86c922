/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-sandbox-account.h"

#include <string.h>

/* The error the real robot records when an insurer rejects a login. */
#define LOGIN_ERROR_CODE 8
#define LOGIN_ERROR_LABEL "Erreur d'identifiant"

/**
 * IwdSandboxAccount:
 *
 * One broker's account on the sandbox: its credentials and everything the
 * robot stores for it. Accounts share nothing.
 */
struct _IwdSandboxAccount
{
  GObject    parent_instance;

  char      *login;
  char      *password;
  GPtrArray *profiles;   /* owned IwdSandboxProfile, in creation order */
  GPtrArray *portfolios; /* owned IwdSandboxPortfolio, in creation order */
  GPtrArray *errors;     /* owned IwdSandboxRobotError, oldest first */
};

G_DEFINE_FINAL_TYPE (IwdSandboxAccount, iwd_sandbox_account, G_TYPE_OBJECT)

static gboolean
find_profile (IwdSandboxAccount *self,
              const char        *profile_id,
              guint             *out_index)
{
  for (guint i = 0; i < self->profiles->len; i++)
    {
      IwdSandboxProfile *profile = g_ptr_array_index (self->profiles, i);

      if (g_strcmp0 (profile->id, profile_id) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static gboolean
find_portfolio (IwdSandboxAccount *self,
                const char        *portfolio_id,
                guint             *out_index)
{
  for (guint i = 0; i < self->portfolios->len; i++)
    {
      IwdSandboxPortfolio *portfolio = g_ptr_array_index (self->portfolios, i);

      if (g_strcmp0 (portfolio->id, portfolio_id) == 0)
        {
          *out_index = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
remove_from_portfolios (IwdSandboxAccount *self,
                        const char        *profile_id)
{
  for (guint i = 0; i < self->portfolios->len; i++)
    {
      IwdSandboxPortfolio *portfolio = g_ptr_array_index (self->portfolios, i);
      IwdSandboxMember *member = iwd_sandbox_portfolio_find_member (portfolio, profile_id);

      if (member != NULL)
        g_ptr_array_remove (portfolio->members, member);
    }
}

static void
iwd_sandbox_account_finalize (GObject *object)
{
  IwdSandboxAccount *self = IWD_SANDBOX_ACCOUNT (object);

  g_clear_pointer (&self->login, g_free);
  g_clear_pointer (&self->password, g_free);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->portfolios, g_ptr_array_unref);
  g_clear_pointer (&self->errors, g_ptr_array_unref);

  G_OBJECT_CLASS (iwd_sandbox_account_parent_class)->finalize (object);
}

static void
iwd_sandbox_account_class_init (IwdSandboxAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = iwd_sandbox_account_finalize;
}

static void
iwd_sandbox_account_init (IwdSandboxAccount *self)
{
  self->profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_sandbox_profile_free);
  self->portfolios = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_sandbox_portfolio_free);
  self->errors = g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_sandbox_robot_error_free);
}

IwdSandboxAccount *
iwd_sandbox_account_new (const char *login,
                         const char *password)
{
  IwdSandboxAccount *self = g_object_new (IWD_TYPE_SANDBOX_ACCOUNT, NULL);

  self->login = g_strdup (login);
  self->password = g_strdup (password);

  return self;
}

const char *
iwd_sandbox_account_get_login (IwdSandboxAccount *self)
{
  g_return_val_if_fail (IWD_IS_SANDBOX_ACCOUNT (self), NULL);

  return self->login;
}

gboolean
iwd_sandbox_account_check_password (IwdSandboxAccount *self,
                                    const char        *password)
{
  g_return_val_if_fail (IWD_IS_SANDBOX_ACCOUNT (self), FALSE);

  return password != NULL && strcmp (self->password, password) == 0;
}

/**
 * iwd_sandbox_account_save_profile:
 * @self: an account
 * @company: the company name from the URL
 * @profile_id: the broker's profile id
 * @values: the posted credentials
 * @options: (nullable): the options from the URL
 * @login_error: whether these credentials fail to log in
 *
 * Creates a profile, or replaces the credentials of an existing one while
 * keeping its tasks and start date. Failing credentials record error 8
 * and suspend every task; credentials that work lift the suspension, as
 * posting a profile again does on the real robot.
 *
 * Returns: (transfer none): the saved profile
 */
IwdSandboxProfile *
iwd_sandbox_account_save_profile (IwdSandboxAccount *self,
                                  const char        *company,
                                  const char        *profile_id,
                                  JsonObject        *values,
                                  const char        *options,
                                  gboolean           login_error)
{
  IwdSandboxProfile *profile = iwd_sandbox_account_lookup_profile (self, profile_id);

  if (profile == NULL)
    {
      profile = iwd_sandbox_profile_new (profile_id);
      g_ptr_array_add (self->profiles, profile);
    }

  g_free (profile->company);
  profile->company = g_strdup (company);
  g_clear_pointer (&profile->values, json_object_unref);
  profile->values = json_object_ref (values);
  g_free (profile->options);
  profile->options = g_strdup (options);

  profile->login_error = login_error;
  iwd_sandbox_profile_set_tasks_inactive (profile, login_error);
  if (login_error)
    g_ptr_array_add (self->errors,
                     iwd_sandbox_robot_error_new (profile, LOGIN_ERROR_CODE, LOGIN_ERROR_LABEL));

  return profile;
}

/**
 * iwd_sandbox_account_lookup_profile:
 * @self: an account
 * @profile_id: a profile id
 *
 * Returns: (transfer none) (nullable): the profile, or %NULL if unknown
 */
IwdSandboxProfile *
iwd_sandbox_account_lookup_profile (IwdSandboxAccount *self,
                                    const char        *profile_id)
{
  guint index;

  if (!find_profile (self, profile_id, &index))
    return NULL;

  return g_ptr_array_index (self->profiles, index);
}

/**
 * iwd_sandbox_account_delete_profile:
 * @self: an account
 * @profile_id: a profile id
 *
 * Deletes a profile and its tasks, and takes it out of every portfolio.
 * Its past errors stay in the error list, as a log.
 *
 * Returns: %FALSE if there is no such profile
 */
gboolean
iwd_sandbox_account_delete_profile (IwdSandboxAccount *self,
                                    const char        *profile_id)
{
  guint index;

  if (!find_profile (self, profile_id, &index))
    return FALSE;

  remove_from_portfolios (self, profile_id);
  g_ptr_array_remove_index (self->profiles, index);

  return TRUE;
}

/**
 * iwd_sandbox_account_get_profiles:
 * @self: an account
 *
 * Returns: (transfer none) (element-type IwdSandboxProfile): the
 *   profiles, in creation order
 */
GPtrArray *
iwd_sandbox_account_get_profiles (IwdSandboxAccount *self)
{
  return self->profiles;
}

/**
 * iwd_sandbox_account_force_task:
 * @self: an account
 * @profile: one of its profiles
 * @method: a robot method the caller has validated
 *
 * Adds the task, or reactivates it. A profile whose login fails keeps
 * every task suspended until its credentials are posted again.
 */
void
iwd_sandbox_account_force_task (IwdSandboxAccount *self,
                                IwdSandboxProfile *profile,
                                const char        *method)
{
  IwdSandboxTask *task = iwd_sandbox_profile_find_task (profile, method);

  if (task == NULL)
    {
      task = iwd_sandbox_task_new (method);
      g_ptr_array_add (profile->tasks, task);
    }

  task->inactive = profile->login_error;
}

/**
 * iwd_sandbox_account_get_errors:
 * @self: an account
 *
 * Returns: (transfer none) (element-type IwdSandboxRobotError): the robot
 *   errors, oldest first
 */
GPtrArray *
iwd_sandbox_account_get_errors (IwdSandboxAccount *self)
{
  return self->errors;
}

/**
 * iwd_sandbox_account_save_portfolio:
 * @self: an account
 * @portfolio_id: the broker's portfolio id
 *
 * Finds a portfolio, creating an empty one if needed, so that the caller
 * can set its options. Posting a portfolio again keeps its profiles.
 *
 * Returns: (transfer none): the portfolio
 */
IwdSandboxPortfolio *
iwd_sandbox_account_save_portfolio (IwdSandboxAccount *self,
                                    const char        *portfolio_id)
{
  IwdSandboxPortfolio *portfolio = iwd_sandbox_account_lookup_portfolio (self, portfolio_id);

  if (portfolio == NULL)
    {
      portfolio = iwd_sandbox_portfolio_new (portfolio_id);
      g_ptr_array_add (self->portfolios, portfolio);
    }

  return portfolio;
}

/**
 * iwd_sandbox_account_lookup_portfolio:
 * @self: an account
 * @portfolio_id: a portfolio id
 *
 * Returns: (transfer none) (nullable): the portfolio, or %NULL if unknown
 */
IwdSandboxPortfolio *
iwd_sandbox_account_lookup_portfolio (IwdSandboxAccount *self,
                                      const char        *portfolio_id)
{
  guint index;

  if (!find_portfolio (self, portfolio_id, &index))
    return NULL;

  return g_ptr_array_index (self->portfolios, index);
}

/**
 * iwd_sandbox_account_delete_portfolio:
 * @self: an account
 * @portfolio_id: a portfolio id
 *
 * Deletes a portfolio with its profiles, and so with their generated data.
 *
 * Returns: %FALSE if there is no such portfolio
 */
gboolean
iwd_sandbox_account_delete_portfolio (IwdSandboxAccount *self,
                                      const char        *portfolio_id)
{
  g_autoptr(GPtrArray) member_ids = g_ptr_array_new_with_free_func (g_free);
  IwdSandboxPortfolio *portfolio;
  guint index;

  if (!find_portfolio (self, portfolio_id, &index))
    return FALSE;

  portfolio = g_ptr_array_index (self->portfolios, index);
  for (guint i = 0; i < portfolio->members->len; i++)
    {
      IwdSandboxMember *member = g_ptr_array_index (portfolio->members, i);

      g_ptr_array_add (member_ids, g_strdup (member->profile_id));
    }

  g_ptr_array_remove_index (self->portfolios, index);
  for (guint i = 0; i < member_ids->len; i++)
    iwd_sandbox_account_delete_profile (self, g_ptr_array_index (member_ids, i));

  return TRUE;
}
