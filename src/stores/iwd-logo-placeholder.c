/* SPDX-License-Identifier: GPL-3.0-or-later */

/* Placeholder of a company without a logo, drawn by the companies page:
 * the company's initials in white on a colour chosen from its name. */

#include "iwd-logo-placeholder.h"

#define MAX_INITIALS 2

/* Dark shades of the GNOME HIG palette (Blue 4, Blue 5, Green 5, Orange 5,
 * Red 4, Purple 4, Brown 4, Dark 2). Each has a contrast ratio of at least
 * 3:1 against white, the WCAG minimum for large text such as the initials. */
static const guint32 palette[] = {
  0x1c71d8,
  0x1a5fb4,
  0x26a269,
  0xc64600,
  0xc01c28,
  0x813d9c,
  0x865e3c,
  0x5e5c64,
};

/* FNV-1a, written out rather than g_str_hash() so that a company keeps
 * its colour whatever GLib version the app runs on. */
static guint32
hash_name (const char *name)
{
  guint32 hash = 2166136261u;

  for (const guchar *p = (const guchar *) name; *p != '\0'; p++)
    {
      hash ^= *p;
      hash *= 16777619u;
    }

  return hash;
}

static void
append_upper (GString  *initials,
              gunichar  c)
{
  g_string_append_unichar (initials, g_unichar_toupper (c));
}

/* Takes the first letter or digit of each of the first two words. */
static void
append_word_initials (GString    *initials,
                      const char *text)
{
  gboolean in_word = FALSE;
  guint count = 0;

  for (const char *p = text; *p != '\0' && count < MAX_INITIALS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean is_word_char = g_unichar_isalnum (c);

      if (is_word_char && !in_word)
        {
          append_upper (initials, c);
          count++;
        }

      in_word = is_word_char;
    }
}

/* Takes the first two letters or digits, skipping punctuation. */
static void
append_leading_characters (GString    *initials,
                           const char *text)
{
  guint count = 0;

  for (const char *p = text; *p != '\0' && count < MAX_INITIALS; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          append_upper (initials, c);
          count++;
        }
    }
}

static gboolean
is_blank (const char *text)
{
  if (text == NULL)
    return TRUE;

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (!g_unichar_isspace (g_utf8_get_char (p)))
        return FALSE;
    }

  return TRUE;
}

/**
 * iwd_logo_placeholder_initials:
 * @name: the company's name, as in the company list
 * @label: (nullable): the company's label, if the list gives one
 *
 * Makes the initials drawn in place of a missing logo, in upper case with
 * accents kept. A label gives the first letter of each of its first two
 * words ("Malakoff Humanis" gives "MH", "Équité" gives "É"). Without a
 * label, the name gives its first two letters ("harmonie" gives "HA"),
 * because names are single-word codes.
 *
 * Returns: (transfer full): up to two characters, empty when neither
 *   text contains a letter or digit
 */
char *
iwd_logo_placeholder_initials (const char *name,
                               const char *label)
{
  g_autoptr(GString) initials = g_string_new (NULL);
  g_autofree char *normalized = NULL;

  g_return_val_if_fail (name != NULL, NULL);

  /* A decomposed "É" would otherwise give a bare "E". */
  if (!is_blank (label))
    {
      normalized = g_utf8_normalize (label, -1, G_NORMALIZE_NFC);
      append_word_initials (initials, normalized != NULL ? normalized : "");
    }
  else
    {
      normalized = g_utf8_normalize (name, -1, G_NORMALIZE_NFC);
      append_leading_characters (initials, normalized != NULL ? normalized : "");
    }

  return g_string_free (g_steal_pointer (&initials), FALSE);
}

/**
 * iwd_logo_placeholder_color:
 * @name: the company's name, as in the company list
 * @red: (out): the red component, from 0 to 1
 * @green: (out): the green component, from 0 to 1
 * @blue: (out): the blue component, from 0 to 1
 *
 * Picks the background of a company's placeholder from a fixed palette of
 * eight dark GNOME colours, by a hash of @name, so a company keeps the
 * same colour from one run to the next. White text is readable on each.
 */
void
iwd_logo_placeholder_color (const char *name,
                            double     *red,
                            double     *green,
                            double     *blue)
{
  guint32 rgb;

  g_return_if_fail (name != NULL);
  g_return_if_fail (red != NULL && green != NULL && blue != NULL);

  rgb = palette[hash_name (name) % G_N_ELEMENTS (palette)];

  *red = ((rgb >> 16) & 0xff) / 255.0;
  *green = ((rgb >> 8) & 0xff) / 255.0;
  *blue = (rgb & 0xff) / 255.0;
}
