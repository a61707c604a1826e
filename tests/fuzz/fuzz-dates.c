/* fuzz-dates.c — the date and ISO week parsers on any text: they refuse or
 * give a value that formats back to what they read.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "bt-date.h"

int LLVMFuzzerTestOneInput (const unsigned char *data, size_t size);

int
LLVMFuzzerTestOneInput (const unsigned char *data,
                        size_t               size)
{
  g_autofree char *text = g_strndup ((const char *) data, size);
  int year, week;
  GDate date;

  if (bt_date_parse (text, &date))
    {
      g_autofree char *iso = bt_date_to_iso (&date);

      g_assert_true (g_date_valid (&date));
      g_assert_cmpstr (iso, ==, text);
    }

  if (bt_iso_week_parse (text, &year, &week, NULL))
    {
      g_autofree char *formatted = bt_iso_week_format (year, week);
      GDate monday;

      g_assert_cmpint (week, >=, 1);
      g_assert_cmpint (week, <=, bt_iso_week_count (year));
      g_assert_cmpstr (formatted, ==, text);
      bt_iso_week_monday (year, week, &monday);
      g_assert_true (g_date_valid (&monday));
    }

  return 0;
}
