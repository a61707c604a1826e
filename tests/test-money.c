/* test-money.c — amounts in the plan's currency, as each locale writes money
 *
 * Runs under C.UTF-8 like the other core tests, and switches to de_DE,
 * fr_FR and en_US compiled into the build folder (LOCPATH): the expected
 * texts are written out by hand from each locale's LC_MONETARY.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <locale.h>

#include "bt-money.h"
#include "bt-number.h"
#include "bt-profile.h"

#define NBSP "\u00a0"

static gboolean
use_locale (const char *name)
{
  if (setlocale (LC_ALL, name) == NULL)
    {
      g_autofree char *why = g_strdup_printf ("the locale %s is not built here", name);
      g_test_skip (why);
      return FALSE;
    }

  return TRUE;
}

static void
check (double      value,
       const char *currency,
       const char *expected)
{
  g_autofree char *text = bt_money_format (value, currency);

  g_assert_cmpstr (text, ==, expected);
}

/* C has no money conventions: no grouping, the symbol first. */
static void
test_c (void)
{
  if (!use_locale ("C.UTF-8"))
    return;
  check (13250, "EUR", "€13250");
  check (-500, "EUR", "-€500");
  check (13250, "CHF", "CHF" NBSP "13250");
  check (2.5, "EUR", "€3");     /* half away from zero */
  check (-2.5, "EUR", "-€3");
  check (0.4, "GBP", "£0");
  g_assert_cmpstr (bt_currency_default (), ==, "EUR");
}

/* de_DE: "13.250 €", the symbol after a space. */
static void
test_german (void)
{
  if (!use_locale ("de_DE.UTF-8"))
    return;
  check (13250, "EUR", "13.250" NBSP "€");
  check (1234567, "EUR", "1.234.567" NBSP "€");
  check (-500, "EUR", "-500" NBSP "€");
  check (999, "EUR", "999" NBSP "€");
  check (13250, "USD", "13.250" NBSP "US$");
  g_assert_cmpstr (bt_currency_default (), ==, "EUR");
  setlocale (LC_ALL, "C.UTF-8");
}

/* fr_FR: "13 250 €", grouped with a narrow no-break space. */
static void
test_french (void)
{
  if (!use_locale ("fr_FR.UTF-8"))
    return;
  check (13250, "EUR", "13\u202f250" NBSP "€");
  setlocale (LC_ALL, "C.UTF-8");
}

/* en_US: "$13,250" for its own dollar, "€13,250" for euros. */
static void
test_english (void)
{
  if (!use_locale ("en_US.UTF-8"))
    return;
  check (13250, "USD", "$13,250");
  check (13250, "EUR", "€13,250");
  check (-500, "USD", "-$500");
  g_assert_cmpstr (bt_currency_default (), ==, "USD");
  setlocale (LC_ALL, "C.UTF-8");
}

static void
test_numbers (void)
{
  g_autofree char *a = NULL, *b = NULL, *c = NULL, *d = NULL;

  if (!use_locale ("C.UTF-8"))
    return;
  a = bt_number_format (180000);
  b = bt_number_format (99.95);
  c = bt_number_format (2.5);
  d = bt_number_format (-3);
  g_assert_cmpstr (a, ==, "180000");
  g_assert_cmpstr (b, ==, "99.95");
  g_assert_cmpstr (c, ==, "2.5");
  g_assert_cmpstr (d, ==, "-3");
}

static void
parses (const char *text,
        double      expected)
{
  double value = -1;

  if (!bt_number_parse (text, &value))
    g_error ("“%s” was not read as a number", text);
  g_assert_cmpfloat (value, ==, expected);
}

static void
refuses (const char *text)
{
  double value = -1;

  if (bt_number_parse (text, &value))
    g_error ("“%s” was read as %g", text, value);
  g_assert_cmpfloat (value, ==, -1);
}

/* A figure as typed or pasted: grouped as people group them, with the
 * locale's decimal point; what is not a figure is refused, never cut at
 * its first separator ("1,200,000" is not 1). */
static void
test_parse (void)
{
  if (!use_locale ("C.UTF-8"))
    return;
  parses ("1200000", 1200000);
  parses ("1,200,000", 1200000);
  parses (" 1 200 000 ", 1200000);
  parses ("1" NBSP "200" NBSP "000", 1200000);
  parses ("1'200'000.5", 1200000.5);
  parses ("2.5", 2.5);
  parses ("-3", -3);
  parses ("0.75", 0.75);
  refuses ("");
  refuses ("1,5");
  refuses ("1,20,000");
  refuses ("12 apples");
  refuses ("1.2.3");
  refuses ("--1");
  refuses ("1e400");
  refuses ("0,500");
  refuses ("1234,567");
  refuses ("1,234 567");
  parses ("\u22123.5", -3.5);
  parses ("1,234,567.25", 1234567.25);
  refuses ("nan");
  refuses (",");

  if (!use_locale ("de_DE.UTF-8"))
    return;
  parses ("1.200.000", 1200000);
  parses ("2,5", 2.5);
  parses ("1.200.000,75", 1200000.75);
  refuses ("1,200,000");
  setlocale (LC_ALL, "C.UTF-8");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/money/c", test_c);
  g_test_add_func ("/money/german", test_german);
  g_test_add_func ("/money/french", test_french);
  g_test_add_func ("/money/english", test_english);
  g_test_add_func ("/money/numbers", test_numbers);
  g_test_add_func ("/money/parse", test_parse);

  return g_test_run ();
}
