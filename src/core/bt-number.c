/* bt-number.c — figures as a person reads them
 *
 * printf rounds a half to the even digit (3.25 → "3.2", 2.75 → "2.8") and
 * rounds the binary value, not the decimal one a person has in mind (0.15
 * is a hair under 0.15 in binary, so "0.1"). A person rounds a half away
 * from zero: 3.25 → 3.3, 2.75 → 2.8, 0.15 → 0.2. Every figure the window,
 * the charts, the report and the command line show goes through here, so
 * that they all agree: printf ("%.1f", bt_number_round (x, 1)) then prints
 * the decimal digits exactly, with the locale's decimal separator.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-number"

#include "config.h"

#include <float.h>
#include <locale.h>
#include <math.h>
#include <string.h>

#include "bt-number.h"

/* How far from a half a scaled value may lie and still be read as the
 * half: a few units in the last place of a double, far below any figure
 * the plan can hold (hours in quarters, shares of them). */
#define HALF_TOLERANCE (64 * DBL_EPSILON)

/**
 * bt_number_round:
 * @decimals: digits after the decimal point, at most 9
 *
 * Returns: @value rounded to @decimals digits, a half away from zero; never
 *   a negative zero
 */
double
bt_number_round (double value,
                 guint  decimals)
{
  double scale, scaled, rounded;

  g_return_val_if_fail (decimals <= 9, value);

  if (!isfinite (value))
    return value;

  scale = pow (10.0, decimals);
  scaled = value * scale;
  /* nudge a value that is a half in decimal but a hair under in binary */
  rounded = round (scaled + copysign (fabs (scaled) * HALF_TOLERANCE, scaled));

  return rounded == 0.0 ? 0.0 : rounded / scale;
}

/**
 * bt_number_percent:
 * @share: a share, 0–1
 *
 * Returns: @share in whole percent, rounded as by bt_number_round()
 */
int
bt_number_percent (double share)
{
  return (int) bt_number_round (share * 100.0, 0);
}

/**
 * bt_number_format_signed:
 * @decimals: digits after the decimal point, at most 9
 *
 * A change, always with its sign, rounded as by bt_number_round(), in the
 * locale's decimals: "+1.2", "+0.0", and "−1.2" with the minus sign
 * (U+2212) a reader expects, not the hyphen printf writes.
 *
 * Returns: (transfer full): @value with its sign
 */
char *
bt_number_format_signed (double value,
                         guint  decimals)
{
  double rounded = bt_number_round (value, decimals);
  g_autofree char *digits = g_strdup_printf ("%.*f", (int) decimals, fabs (rounded));

  return g_strconcat (rounded < 0 ? "\u2212" : "+", digits, NULL);
}

/* Whether @p starts a group of three digits, and no more. */
static gboolean
starts_group (const char *p)
{
  for (guint i = 0; i < 3; i++)
    if (!g_ascii_isdigit (p[i]))
      return FALSE;

  return !g_ascii_isdigit (p[3]);
}

static gboolean
is_group_separator (gunichar c)
{
  return c == ',' || c == '.' || c == ' ' || c == '\'' || c == 0x00a0 || c == 0x202f || c == 0x2019;
}

/**
 * bt_number_parse:
 * @text: a figure as a person types it
 * @value: (out): the figure
 *
 * Reads "1200000", "1,200,000", "1 200 000" and, with the locale's decimal
 * point, "2.5" (or "2,5" where the comma is the point); a minus sign may be
 * "-" or "−", as the app prints it. Grouping is read as people group: one
 * to three digits, not starting with 0, then groups of three, all with the
 * same separator, whichever the locale uses, so that a figure pasted from
 * a spreadsheet reads whole, not as the "1" that strtod() makes of
 * "1,200,000". Anything else ("1,5" or "1234,567" where the comma is no
 * decimal point, "0,500", a letter) is no figure: FALSE, so that the
 * caller says so instead of guessing.
 *
 * Returns: whether @text is a figure
 */
gboolean
bt_number_parse (const char *text,
                 double     *value)
{
  const char *point = localeconv ()->decimal_point;
  g_autofree char *stripped = NULL;
  g_autoptr(GString) plain = g_string_new (NULL);
  gboolean in_fraction = FALSE;
  gunichar separator = 0;      /* the grouping separator, once one is seen */
  guint leading = 0;           /* digits before the first separator */
  char first_digit = '\0';
  gboolean digits = FALSE;
  const char *p;
  char *end = NULL;
  double read;

  g_return_val_if_fail (value != NULL, FALSE);

  if (text == NULL)
    return FALSE;
  if (point == NULL || *point == '\0')
    point = ".";
  stripped = g_strstrip (g_strdup (text));

  for (p = stripped; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (*p))
        {
          if (!digits)
            first_digit = *p;
          digits = TRUE;
          if (separator == 0 && !in_fraction)
            leading++;
          g_string_append_c (plain, *p);
        }
      else if ((c == '-' || c == 0x2212 || c == '+') && p == stripped)
        g_string_append_c (plain, c == '+' ? '+' : '-');
      else if (!in_fraction && strncmp (p, point, strlen (point)) == 0)
        {
          in_fraction = TRUE;
          /* In the C locale's spelling, which g_ascii_strtod() reads. */
          g_string_append_c (plain, '.');
          p += strlen (point) - 1;
        }
      else if (!in_fraction && digits && is_group_separator (c) && (separator == 0 || c == separator) &&
               starts_group (g_utf8_next_char (p)))
        {
          /* "1,200,000", "1.200.000", "1 200 000", "1'200'000": the first
           * group one to three digits, not "0,500" or "1234,567". */
          if (separator == 0 && (leading > 3 || first_digit == '0'))
            return FALSE;
          separator = c;
        }
      else
        return FALSE;
    }
  if (!digits)
    return FALSE;

  read = g_ascii_strtod (plain->str, &end);
  if (end == NULL || *end != '\0' || !isfinite (read))
    return FALSE;

  *value = read;

  return TRUE;
}
