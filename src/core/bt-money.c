/* bt-money.c — amounts as the user's locale writes money
 *
 * The plan says which currency (profile.currency); the locale says how
 * money is written: where the symbol goes, whether a space parts it from
 * the figure, and how digits are grouped (LC_MONETARY). So one plan in
 * euros reads "€13,250" in English, "13.250 €" in German and "13 250 €" in
 * French. The file keeps plain numbers.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-money"

#include "config.h"

#include <limits.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-money.h"
#include "bt-profile.h"

/* Symbols of the currencies people most likely keep a plan in; any other
 * is written by its code. A "$" alone would be ambiguous between
 * currencies: the dollar of the user's own locale gets it (below), the
 * US dollar elsewhere is "US$". */
static const struct {
  const char code[4];
  const char *symbol;
} symbols[] = {
  { "EUR", "€" },
  { "GBP", "£" },
  { "JPY", "¥" },
  { "INR", "₹" },
  { "KRW", "₩" },
  { "ILS", "₪" },
  { "USD", "US$" },
};

/**
 * bt_money_symbol:
 * @currency: an ISO 4217 code
 *
 * Returns: (transfer full): how @currency is written beside an amount:
 *   the locale's own symbol when the locale's currency is @currency, a
 *   well-known symbol, or else the code
 */
char *
bt_money_symbol (const char *currency)
{
  const struct lconv *lc = localeconv ();

  g_return_val_if_fail (currency != NULL, NULL);

  if (lc->int_curr_symbol != NULL && strncmp (lc->int_curr_symbol, currency, 3) == 0 &&
      lc->currency_symbol != NULL && *lc->currency_symbol != '\0' &&
      g_utf8_validate (lc->currency_symbol, -1, NULL))
    return g_strdup (lc->currency_symbol);

  for (guint i = 0; i < G_N_ELEMENTS (symbols); i++)
    if (strcmp (symbols[i].code, currency) == 0)
      return g_strdup (symbols[i].symbol);

  return g_strdup (currency);
}

/* @digits grouped as @grouping says (a C locale's grouping string: sizes
 * from the right, the last repeated, CHAR_MAX for no more). */
static void
append_grouped (GString    *out,
                const char *digits,
                const char *grouping,
                const char *separator)
{
  gsize n = strlen (digits);
  g_autoptr(GArray) cuts = g_array_new (FALSE, FALSE, sizeof (gsize));
  gsize pos = n;
  const char *g = grouping;
  int size = 0;

  if (separator == NULL || *separator == '\0' || grouping == NULL || *grouping == '\0')
    {
      g_string_append (out, digits);
      return;
    }

  /* Where separators go, from the right. */
  while (TRUE)
    {
      if (*g != '\0')
        size = *g++;
      if (size <= 0 || size == CHAR_MAX || (gsize) size >= pos)
        break;
      pos -= size;
      g_array_prepend_val (cuts, pos);
    }

  pos = 0;
  for (guint i = 0; i < cuts->len; i++)
    {
      gsize cut = g_array_index (cuts, gsize, i);

      g_string_append_len (out, digits + pos, cut - pos);
      g_string_append (out, separator);
      pos = cut;
    }
  g_string_append (out, digits + pos);
}

/**
 * bt_money_format:
 * @value: an amount
 * @currency: an ISO 4217 code, such as the plan's
 *
 * @value rounded to a whole amount (half away from zero), grouped, with
 * its currency where the locale puts it. The sign is the locale's and
 * comes first; between the symbol and the figure, when the locale wants a
 * space, a no-break space keeps them on one line.
 *
 * Returns: (transfer full): the amount as text
 */
char *
bt_money_format (double      value,
                 const char *currency)
{
  const struct lconv *lc = localeconv ();
  double rounded = round (value);
  gboolean negative = rounded < 0;
  g_autofree char *symbol = bt_money_symbol (currency ? currency : "EUR");
  g_autofree char *digits = g_strdup_printf ("%.0f", fabs (rounded));
  g_autoptr(GString) figure = g_string_new (NULL);
  GString *out = g_string_new (NULL);
  const char *separator = lc->mon_thousands_sep;
  char precedes = negative ? lc->n_cs_precedes : lc->p_cs_precedes;
  char spaced = negative ? lc->n_sep_by_space : lc->p_sep_by_space;
  gboolean letters = g_ascii_isalpha (*symbol);

  if (separator != NULL && !g_utf8_validate (separator, -1, NULL))
    separator = NULL;
  append_grouped (figure, digits, lc->mon_grouping, separator);

  /* A locale with no money conventions (C): the symbol first, and a code
   * of letters apart from the figure. */
  if (precedes == CHAR_MAX)
    precedes = 1;
  if (spaced == CHAR_MAX)
    spaced = letters;
  if (letters)
    spaced = MAX (spaced, 1);

  if (negative)
    g_string_append (out, lc->negative_sign && *lc->negative_sign ? lc->negative_sign : "-");
  if (precedes)
    {
      g_string_append (out, symbol);
      if (spaced)
        g_string_append (out, "\u00a0");
      g_string_append (out, figure->str);
    }
  else
    {
      g_string_append (out, figure->str);
      if (spaced)
        g_string_append (out, "\u00a0");
      g_string_append (out, symbol);
    }

  return g_string_free (out, FALSE);
}

/**
 * bt_money_format_plan:
 *
 * Returns: (transfer full): @value in @plan's currency, as
 *   bt_money_format() writes it
 */
char *
bt_money_format_plan (double  value,
                      BtPlan *plan)
{
  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  return bt_money_format (value, bt_profile_get_currency (bt_plan_get_profile (plan)));
}

/**
 * bt_number_format:
 *
 * A figure that is no money, such as an impact statement's value: grouped
 * as the locale does, with up to two decimals and none that are zero.
 *
 * Returns: (transfer full): @value as text
 */
char *
bt_number_format (double value)
{
  double hundredths = round (value * 100);
  char *text;

  if (fmod (hundredths, 100) == 0)
    return g_strdup_printf ("%'.0f", hundredths / 100);
  text = g_strdup_printf ("%'.2f", hundredths / 100);
  if (fmod (hundredths, 10) == 0)
    text[strlen (text) - 1] = '\0';

  return text;
}

/**
 * bt_impact_value_text:
 * @value: an impact statement's number
 * @unit: its unit, "" for none
 *
 * Returns: (transfer full) (nullable): "180,000 per hour of downtime
 *   avoided", or %NULL when the statement gives neither a number nor a unit
 */
char *
bt_impact_value_text (double      value,
                      const char *unit)
{
  g_autofree char *number = NULL;

  if (value == 0 && (unit == NULL || *unit == '\0'))
    return NULL;

  number = bt_number_format (value);
  if (unit == NULL || *unit == '\0')
    return g_steal_pointer (&number);

  /* TRANSLATORS: an impact statement's number and its unit, "180,000 per hour of downtime avoided" */
  return g_strdup_printf (C_("impact", "%s %s"), number, unit);
}
