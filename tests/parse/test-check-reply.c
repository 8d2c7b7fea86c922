/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-parse-check-reply.h"
#include "iwd-parse-error.h"
#include "test-parse-fixture.h"

static IwdCheckReply *
parse_text (const char *text)
{
  g_autoptr(GBytes) data = bytes_from_string (text);
  g_autoptr(GError) error = NULL;
  IwdCheckReply *reply = iwd_parse_check_reply (data, &error);
  g_autofree char *escaped = g_strescape (text, NULL);

  /* Escaped, because TAP output must be UTF-8. */
  g_test_message ("reply '%s'", escaped);
  g_assert_no_error (error);
  g_assert_nonnull (reply);
  return reply;
}

static void
check_parse_error (const char *text,
                   int         code,
                   const char *message)
{
  g_autoptr(GBytes) data = bytes_from_string (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = iwd_parse_check_reply (data, &error);
  g_autofree char *escaped = g_strescape (text, NULL);

  g_test_message ("reply '%s'", escaped);
  g_assert_null (reply);
  g_assert_error (error, IWD_PARSE_ERROR, code);
  g_assert_cmpstr (error->message, ==, message);
}

static void
test_reply_success_forms (void)
{
  const char * const successes[] = {
    "General=Ok", "General=Ok\r\n", "\"General=Ok\"", " general = OK \n\n",
    "\xEF\xBB\xBFGeneral=ok", "\"General=Ok\\r\\n\"",
  };

  for (gsize i = 0; i < G_N_ELEMENTS (successes); i++)
    {
      g_autoptr(IwdCheckReply) reply = parse_text (successes[i]);

      g_assert_true (iwd_check_reply_get_is_ok (reply));
    }
}

static void
test_reply_field_messages (void)
{
  g_autoptr(IwdCheckReply) reply =
    parse_text ("General=Identification refus\xC3\xA9" "e\r\nPwd=Mot de passe expir\xC3\xA9\r\nUser=Ok\r\n");
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpuint (iwd_check_reply_get_messages (reply)->len, ==, 3);
  g_assert_cmpuint (g_strv_length (general), ==, 1);
  g_assert_cmpstr (general[0], ==, "Identification refus\xC3\xA9" "e");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Pwd"), ==, "Mot de passe expir\xC3\xA9");
  g_assert_null (iwd_check_reply_lookup_message (reply, "User"));
}

static void
test_reply_line_without_equals (void)
{
  g_autoptr(IwdCheckReply) reply = parse_text ("Service indisponible\nLogin=Inconnu");
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpuint (g_strv_length (general), ==, 1);
  g_assert_cmpstr (general[0], ==, "Service indisponible");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Login"), ==, "Inconnu");
}

static void
test_reply_message_with_equals (void)
{
  g_autoptr(IwdCheckReply) reply = parse_text ("Code=format a=b attendu");

  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Code"), ==, "format a=b attendu");
}

static void
test_reply_ok_and_failure (void)
{
  g_autoptr(IwdCheckReply) reply = parse_text ("General=Ok\nPwd=Trop court");

  g_assert_false (iwd_check_reply_get_is_ok (reply));
}

static void
test_reply_windows_1252 (void)
{
  g_autoptr(IwdCheckReply) reply = parse_text ("General=Acc\xE8s refus\xE9");
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_cmpstr (general[0], ==, "Acc\xC3\xA8s refus\xC3\xA9");
}

static void
test_reply_errors (void)
{
  check_parse_error ("", IWD_PARSE_ERROR_EMPTY, "the check reply is empty");
  check_parse_error (" \r\n\r\n", IWD_PARSE_ERROR_EMPTY, "the check reply is empty");
  check_parse_error ("\"\"", IWD_PARSE_ERROR_EMPTY, "the check reply is empty");
  check_parse_error ("\"General=Ok", IWD_PARSE_ERROR_SYNTAX,
                     "the reply starts with '\"' but is not a JSON string");
  check_parse_error ("<html><body>500</body></html>", IWD_PARSE_ERROR_SYNTAX,
                     "line 1: the reply is HTML, expected Key=message lines");
  check_parse_error ("\"General=Ok\" [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
                     IWD_PARSE_ERROR_SHAPE, "arrays and objects nest more than 64 levels deep");
  check_parse_error ("\"General=\\ud800 refus\"", IWD_PARSE_ERROR_ENCODING,
                     "a JSON string escapes a lone UTF-16 surrogate (\\uD800 to \\uDFFF), "
                     "which is not valid UTF-8");
}

/* A 200 reply that is not the insurer's verdict must fail, so that the
 * form shows an unreadable reply and not a refusal of the credentials. */
static void
test_reply_unreadable_kinds (void)
{
  const struct {
    const char *text;
    int         code;
    const char *message;
  } cases[] = {
    { "\r\n", IWD_PARSE_ERROR_EMPTY, "the check reply is empty" },
    { "[{\"Compagnie\": \"AXA\", \"Libelle\": \"Comm", IWD_PARSE_ERROR_SYNTAX,
      "the reply starts with '[' but is not valid JSON (cut or malformed), expected Key=message lines" },
    { "{\"General\": \"Identifiant inconnu", IWD_PARSE_ERROR_SYNTAX,
      "the reply starts with '{' but is not valid JSON (cut or malformed), expected Key=message lines" },
    { "{'General': Ok,, }", IWD_PARSE_ERROR_SYNTAX,
      "the reply starts with '{' but is not valid JSON (cut or malformed), expected Key=message lines" },
    { "  <!DOCTYPE html>\r\n<html><body><h1>Maintenance</h1></body></html>", IWD_PARSE_ERROR_SYNTAX,
      "line 1: the reply is HTML, expected Key=message lines" },
    { "{\"General\": \"Ok\"}", IWD_PARSE_ERROR_SHAPE,
      "the reply is a JSON object, expected Key=message lines or a JSON string" },
    { "[\"General=Ok\"]\r\n", IWD_PARSE_ERROR_SHAPE,
      "the reply is a JSON array, expected Key=message lines or a JSON string" },
    { "\"{\\\"General\\\": \\\"Ok\\\"}\"", IWD_PARSE_ERROR_SHAPE,
      "the reply is a JSON object, expected Key=message lines or a JSON string" },
    { "200", IWD_PARSE_ERROR_SHAPE,
      "the reply is a JSON number or boolean, expected Key=message lines or a JSON string" },
    { "true", IWD_PARSE_ERROR_SHAPE,
      "the reply is a JSON number or boolean, expected Key=message lines or a JSON string" },
    { "null", IWD_PARSE_ERROR_SHAPE,
      "the reply is JSON null, expected Key=message lines or a JSON string" },
  };

  for (gsize i = 0; i < G_N_ELEMENTS (cases); i++)
    check_parse_error (cases[i].text, cases[i].code, cases[i].message);
}

/* Words that only look like JSON stay the insurer's messages. */
static void
test_reply_text_like_json (void)
{
  g_autoptr(IwdCheckReply) reply = parse_text ("General=[Ok]\nLogin={inconnu}");
  g_auto(GStrv) general = iwd_check_reply_dup_general_messages (reply);

  g_assert_false (iwd_check_reply_get_is_ok (reply));
  g_assert_cmpstr (general[0], ==, "[Ok]");
  g_assert_cmpstr (iwd_check_reply_lookup_message (reply, "Login"), ==, "{inconnu}");
}

/* A cut JSON body with a byte-order mark and CRLF line ends, as a
 * Windows server sends it. */
static void
test_reply_unreadable_file (void)
{
  g_autoptr(GBytes) data = load_fixture ("check-reply-cut.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = iwd_parse_check_reply (data, &error);

  g_assert_null (reply);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_SYNTAX);
}

static void
test_reply_no_data (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(IwdCheckReply) reply = iwd_parse_check_reply (NULL, &error);

  g_assert_null (reply);
  g_assert_error (error, IWD_PARSE_ERROR, IWD_PARSE_ERROR_EMPTY);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/check-reply/success-forms", test_reply_success_forms);
  g_test_add_func ("/check-reply/field-messages", test_reply_field_messages);
  g_test_add_func ("/check-reply/line-without-equals", test_reply_line_without_equals);
  g_test_add_func ("/check-reply/message-with-equals", test_reply_message_with_equals);
  g_test_add_func ("/check-reply/ok-and-failure", test_reply_ok_and_failure);
  g_test_add_func ("/check-reply/windows-1252", test_reply_windows_1252);
  g_test_add_func ("/check-reply/errors", test_reply_errors);
  g_test_add_func ("/check-reply/no-data", test_reply_no_data);
  g_test_add_func ("/check-reply/unreadable-kinds", test_reply_unreadable_kinds);
  g_test_add_func ("/check-reply/text-like-json", test_reply_text_like_json);
  g_test_add_func ("/check-reply/unreadable-file", test_reply_unreadable_file);

  return g_test_run ();
}
