/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "iwd-table-schema.h"

#include <glib/gi18n.h>

#include "iwd-text.h"

typedef struct {
  const char   *key;
  const char   *label_msgid;   /* NULL where the key's meaning is unsure */
  IwdTableKind  kind;
} KnownKey;

/* The contract keys the API documents, flattened with dots. Postal codes,
 * policy numbers and NAF codes are TEXT so that leading zeros survive. */
static const KnownKey known_keys[] = {
  /* Translators: a contract's error code from the ImportWeb robot */
  { "erreur", N_("Error code"), IWD_TABLE_KIND_INTEGER },
  /* Translators: whether the client is a person or a company, as a code */
  { "client.typeclient", N_("Client type"), IWD_TABLE_KIND_INTEGER },
  { "client.prenom", N_("First name"), IWD_TABLE_KIND_TEXT },
  { "client.codepostal", N_("Postal code"), IWD_TABLE_KIND_TEXT },
  { "client.ville", N_("Town"), IWD_TABLE_KIND_TEXT },
  { "client.pays", N_("Country"), IWD_TABLE_KIND_TEXT },
  { "client.date_naissance", N_("Date of birth"), IWD_TABLE_KIND_DATE },
  /* Translators: the client's social security scheme (French "régime") */
  { "client.regime", N_("Social security scheme"), IWD_TABLE_KIND_TEXT },
  { "client.activite", N_("Occupation"), IWD_TABLE_KIND_TEXT },
  { "client.nb_salaries", N_("Employees"), IWD_TABLE_KIND_INTEGER },
  /* Translators: the French business activity code (code NAF) */
  { "client.naf", N_("NAF code"), IWD_TABLE_KIND_TEXT },
  /* Translators: the number of an insurance policy */
  { "police.numero_police_cie", N_("Policy number"), IWD_TABLE_KIND_TEXT },
  /* Translators: the name an insurer gives a policy, e.g. "Emprunteur" */
  { "police.libelle", N_("Policy name"), IWD_TABLE_KIND_TEXT },
  /* Translators: the insurance line, e.g. health, borrower, car */
  { "police.branche", N_("Line of business"), IWD_TABLE_KIND_TEXT },
  { "police.produit", N_("Product"), IWD_TABLE_KIND_TEXT },
  { "police.date_souscription", N_("Subscription date"), IWD_TABLE_KIND_DATE },
  /* Translators: the yearly date on which a policy renews */
  { "police.date_anniversaire", N_("Anniversary date"), IWD_TABLE_KIND_DATE },
  { "police.mode_paiement", N_("Payment method"), IWD_TABLE_KIND_TEXT },
  /* Translators: whether the client pays the insurer directly */
  { "police.paie_direct_cie", N_("Paid to insurer"), IWD_TABLE_KIND_BOOLEAN },
  /* NOTE: the API sends 1 here without saying what other values mean, so
   * the column stays INTEGER rather than BOOLEAN. */
  { "police.renouvellement", N_("Renewal"), IWD_TABLE_KIND_INTEGER },
  /* Translators: the amount a client pays for an insurance policy */
  { "police.prime", N_("Premium"), IWD_TABLE_KIND_MONEY },
  { "police.primean", N_("Annual premium"), IWD_TABLE_KIND_MONEY },
  /* NOTE: the API does not say what "cp" is. Beside the premium and the
   * taxes, it reads as the "coût de police", the fee an insurer charges
   * on a policy, which is a guess. */
  /* Translators: the fee an insurer charges on a policy (French "coût de police") */
  { "police.cp", N_("Policy fee"), IWD_TABLE_KIND_MONEY },
  { "police.taxes", N_("Taxes"), IWD_TABLE_KIND_MONEY },
  { "police.tauxcomcie", N_("Commission rate"), IWD_TABLE_KIND_DECIMAL },
  { "police.commission", N_("Commission"), IWD_TABLE_KIND_MONEY },
  /* NOTE: "annual" is read from the key, as in "primean". */
  { "police.coman", N_("Annual commission"), IWD_TABLE_KIND_MONEY },
};

/* Words of a header that name an amount, and words that make it a rate
 * instead ("Taux com"). Headers are folded to lower case first. */
static const char * const amount_words[] = {
  "prime", "primes", "commission", "commissions", "com", "comm", "coms",
  "montant", "montants", "ht", "ttc", "total", "solde",
};
static const char * const rate_words[] = { "taux", "tx", "pourcentage" };

static const char *
get_last_segment (const char *key)
{
  const char *dot = strrchr (key, '.');

  return dot != NULL ? dot + 1 : key;
}

static gboolean
word_is_one_of (const char         *word,
                const char * const *words,
                gsize               n_words)
{
  for (gsize i = 0; i < n_words; i++)
    {
      if (g_str_equal (word, words[i]))
        return TRUE;
    }

  return FALSE;
}

static char **
split_words (const char *key)
{
  g_autofree char *folded = iwd_text_fold_for_search (key);

  for (char *p = folded; *p != '\0'; p++)
    {
      if (!g_ascii_isalnum (*p))
        *p = ' ';
    }

  return g_strsplit_set (g_strstrip (folded), " ", -1);
}

/*
 * Finds the label and the fixed kind of a key the API documents. A key
 * whose last segment starts with "date_" is a date wherever it appears.
 * Returns FALSE for other keys, whose kind comes from their values.
 */
gboolean
iwd_table_schema_lookup (const char    *key,
                         const char   **out_label_msgid,
                         IwdTableKind  *out_kind)
{
  for (gsize i = 0; i < G_N_ELEMENTS (known_keys); i++)
    {
      if (g_str_equal (key, known_keys[i].key))
        {
          *out_label_msgid = known_keys[i].label_msgid;
          *out_kind = known_keys[i].kind;
          return TRUE;
        }
    }

  *out_label_msgid = NULL;
  *out_kind = IWD_TABLE_KIND_DATE;
  return g_str_has_prefix (get_last_segment (key), "date_");
}

/* Tells whether a header names an amount of money, such as "Prime TTC" or
 * "Montant commission", and not a rate. */
gboolean
iwd_table_schema_looks_like_amount (const char *key)
{
  g_auto(GStrv) words = split_words (key);
  gboolean amount = FALSE;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (word_is_one_of (words[i], rate_words, G_N_ELEMENTS (rate_words)))
        return FALSE;
      if (word_is_one_of (words[i], amount_words, G_N_ELEMENTS (amount_words)))
        amount = TRUE;
    }

  return amount;
}
