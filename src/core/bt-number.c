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
#include <math.h>

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
