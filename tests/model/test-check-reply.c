/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-check-reply.h"

static IwdCheckReply *
make_reply (const char * const *pairs)
{
  g_autoptr(GPtrArray) messages =
    g_ptr_array_new_with_free_func ((GDestroyNotify) iwd_check_message_free);

  for (gsize i = 0; pairs[i] != NULL; i += 2)
    g_ptr_array_add (messages, iwd_check_message_new (pairs[i], pairs[i + 1]));

  return iwd_check_reply_new (messages);
}

static void
test_reply_general_ok (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) { "General", "Ok", NULL });
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_true (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpuint (g_strv_length (general), ==, 0);
}

static void
test_reply_ok_case_and_spaces (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) { "general", " OK ", NULL });

  g_assert_true (iwd_check_reply_get_is_ok (reply));
}

static void
test_reply_field_failure (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) {
    "General", "Ok", "Password", "Mot de passe incorrect", NULL });

  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Password"), ==, "Mot de passe incorrect");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "password"), ==, "Mot de passe incorrect");
  g_assert_null (iwd_check_reply_lookup_message (reply, "Login"));
  g_assert_null (iwd_check_reply_lookup_message (reply, "General"));
}

static void
test_reply_general_failure (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) {
    "General", "Identifiants refus\xC3\xA9s", "General", "Compte bloqu\xC3\xA9", NULL });
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpuint (g_strv_length (general), ==, 2);
  g_assert_cmpstr (general[0], ==, "Identifiants refus\xC3\xA9s");
  g_assert_cmpstr (general[1], ==, "Compte bloqu\xC3\xA9");
  g_assert_cmpuint (iwd_check_reply_get_messages (reply)->len, ==, 2);
}

static void
test_reply_ok_without_general (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) { "Login", "Ok", NULL });

  g_assert_false (iwd_check_reply_get_is_ok (reply));
}

static void
test_reply_empty (void)
{
  g_autoptr(IwdCheckReply) reply = make_reply ((const char *[]) { NULL });

  g_assert_false (iwd_check_reply_get_is_ok (reply));
}

static void
test_reply_finalize (void)
{
  IwdCheckReply *reply = make_reply ((const char *[]) { "General", "Ok", NULL });

  g_assert_finalize_object (reply);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-reply/general-ok", test_reply_general_ok);
  g_test_add_func ("/check-reply/ok-case-and-spaces", test_reply_ok_case_and_spaces);
  g_test_add_func ("/check-reply/field-failure", test_reply_field_failure);
  g_test_add_func ("/check-reply/general-failure", test_reply_general_failure);
  g_test_add_func ("/check-reply/ok-without-general", test_reply_ok_without_general);
  g_test_add_func ("/check-reply/empty", test_reply_empty);
  g_test_add_func ("/check-reply/finalize", test_reply_finalize);

  return g_test_run ();
}
