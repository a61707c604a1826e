/* bt-date.c — calendar dates and ISO 8601 weeks as the plan file writes them
 *
 * GDate does the calendar arithmetic; this file only reads and writes the
 * two textual forms the file uses, strictly, so that "2026-02-30" and
 * "2026-W54" are refused instead of rolled over.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-date"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"

static gboolean
read_digits (const char *text,
             guint       n,
             int        *value)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (text[i]))
        return FALSE;
      v = v * 10 + (text[i] - '0');
    }

  *value = v;

  return TRUE;
}

/**
 * bt_date_parse:
 * @text: a date as `YYYY-MM-DD`
 * @date: (out): the date
 *
 * Returns: %TRUE if @text is exactly a real calendar day
 */
gboolean
bt_date_parse (const char *text,
               GDate      *date)
{
  int y, m, d;

  g_return_val_if_fail (date != NULL, FALSE);

  if (text == NULL || strlen (text) != 10 || text[4] != '-' || text[7] != '-')
    return FALSE;

  if (!read_digits (text, 4, &y) ||
      !read_digits (text + 5, 2, &m) ||
      !read_digits (text + 8, 2, &d))
    return FALSE;

  if (y < 1 || !g_date_valid_dmy (d, m, y))
    return FALSE;

  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);

  return TRUE;
}

/* The digits of a year from 0 to 9999, four of them, at @out. */
static void
write_year (char  *out,
            guint  year)
{
  out[0] = '0' + year / 1000;
  out[1] = '0' + year / 100 % 10;
  out[2] = '0' + year / 10 % 10;
  out[3] = '0' + year % 10;
}

/**
 * bt_date_format_iso:
 * @out: where YYYY-MM-DD goes
 *
 * The date as the plan file writes it, without allocating or going through
 * printf: a plan writes thousands of dates.
 */
void
bt_date_format_iso (const GDate *date,
                    char         out[BT_DATE_ISO_SIZE])
{
  guint y, m, d;

  g_return_if_fail (date != NULL && g_date_valid (date));

  y = g_date_get_year (date);
  m = g_date_get_month (date);
  d = g_date_get_day (date);

  /* GDate goes up to the year 65535, which takes five digits. */
  if (y > 9999)
    {
      g_snprintf (out, BT_DATE_ISO_SIZE, "%u-%02u-%02u", y, m, d);
      return;
    }

  write_year (out, y);
  out[4] = '-';
  out[5] = '0' + m / 10;
  out[6] = '0' + m % 10;
  out[7] = '-';
  out[8] = '0' + d / 10;
  out[9] = '0' + d % 10;
  out[10] = '\0';
}

char *
bt_date_to_iso (const GDate *date)
{
  char text[BT_DATE_ISO_SIZE];

  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  bt_date_format_iso (date, text);

  return g_strdup (text);
}

gboolean
bt_date_from_time (GDateTime *time,
                   GDate     *date)
{
  int y, m, d;

  g_return_val_if_fail (time != NULL, FALSE);

  g_date_time_get_ymd (time, &y, &m, &d);
  g_date_clear (date, 1);
  g_date_set_dmy (date, d, m, y);

  return g_date_valid (date);
}

/**
 * bt_date_today:
 * @date: (out): set to today, in the local time zone
 */
void
bt_date_today (GDate *date)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  bt_date_from_time (now, date);
}

/* A year has 53 ISO weeks exactly when 28 December falls in week 53. */
int
bt_iso_week_count (int iso_year)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 28, G_DATE_DECEMBER, iso_year);

  return (int) g_date_get_iso8601_week_of_year (&d);
}

/**
 * bt_iso_week_parse:
 * @text: a week as `YYYY-Www`, for example `2026-W47`
 *
 * Returns: %TRUE if @text names a week that exists
 */
gboolean
bt_iso_week_parse (const char  *text,
               int         *iso_year,
               int         *week,
               GError     **error)
{
  int y, w;

  if (text == NULL || strlen (text) != 8 || text[4] != '-' || text[5] != 'W' ||
      !read_digits (text, 4, &y) || !read_digits (text + 6, 2, &w) || y < 2)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("expected an ISO 8601 week such as 2026-W47"));
      return FALSE;
    }

  if (w < 1 || w > bt_iso_week_count (y))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("%d has no week %d: its weeks run from 1 to %d"),
                   y, w, bt_iso_week_count (y));
      return FALSE;
    }

  if (iso_year != NULL)
    *iso_year = y;
  if (week != NULL)
    *week = w;

  return TRUE;
}

void
bt_iso_week_monday (int    iso_year,
                    int    week,
                    GDate *monday)
{
  GDate jan4;

  /* 4 January is always in week 1. */
  g_date_clear (&jan4, 1);
  g_date_set_dmy (&jan4, 4, G_DATE_JANUARY, iso_year);

  *monday = jan4;
  g_date_subtract_days (monday, g_date_get_weekday (&jan4) - G_DATE_MONDAY);
  g_date_add_days (monday, (week - 1) * 7);
}

void
bt_iso_week_of_date (const GDate *date,
                 int         *iso_year,
                 int         *week)
{
  GDate thursday = *date;
  int w = g_date_get_iso8601_week_of_year (date);

  /* The ISO year is the year of the week's Thursday. */
  int shift = G_DATE_THURSDAY - (int) g_date_get_weekday (date);

  if (shift >= 0)
    g_date_add_days (&thursday, shift);
  else
    g_date_subtract_days (&thursday, -shift);

  if (iso_year != NULL)
    *iso_year = g_date_get_year (&thursday);
  if (week != NULL)
    *week = w;
}

/**
 * bt_iso_week_format_into:
 * @out: where YYYY-Www goes
 *
 * The week as the plan file writes it, without allocating or, for the
 * years of any plan, going through printf: a plan's load makes thousands.
 */
void
bt_iso_week_format_into (int  iso_year,
                         int  week,
                         char out[BT_ISO_WEEK_SIZE])
{
  if (iso_year < 0 || iso_year > 9999 || week < 0 || week > 99)
    {
      g_snprintf (out, BT_ISO_WEEK_SIZE, "%04d-W%02d", iso_year, week);
      return;
    }

  write_year (out, iso_year);
  out[4] = '-';
  out[5] = 'W';
  out[6] = '0' + week / 10;
  out[7] = '0' + week % 10;
  out[8] = '\0';
}

char *
bt_iso_week_format (int iso_year,
                int week)
{
  char text[BT_ISO_WEEK_SIZE];

  bt_iso_week_format_into (iso_year, week, text);

  return g_strdup (text);
}

char *
bt_iso_week_format_date (const GDate *date)
{
  int y, w;

  bt_iso_week_of_date (date, &y, &w);

  return bt_iso_week_format (y, w);
}
