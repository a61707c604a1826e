/* bt-analytics-weeks.c — which weeks the figures cover
 *
 * The share of the last four weeks and the trend end at the last week with
 * hours. When that is this week or the last, they are the latest; when the
 * hours stopped some weeks ago, they are of weeks long gone, and a person
 * must be told which, and since when nothing was recorded.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-analytics"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"

/**
 * bt_analytics_weeks_covered:
 * @latest: (nullable): the last week with hours, see
 *   bt_analytics_latest_share()
 *
 * Returns: the weeks that the share of the last four weeks covers, and
 *   whether they are stale: the last week with hours began before last
 *   week's Monday (a week is checked in at its end, so last week's hours
 *   are the latest there can be until this one ends)
 */
BtWeeksCovered
bt_analytics_weeks_covered (const BtWeekShare *latest,
                            const GDate       *today)
{
  BtWeeksCovered covered = { FALSE, };
  GDate first, last_week;

  g_return_val_if_fail (today != NULL && g_date_valid (today), covered);

  g_date_clear (&covered.last_monday, 1);
  if (latest == NULL)
    return covered;

  covered.last_monday = latest->monday;
  bt_iso_week_of_date (&latest->monday, &covered.last_year, &covered.last_week);
  first = latest->monday;
  g_date_subtract_days (&first, 7 * (BT_ROLLING_WEEKS - 1));
  bt_iso_week_of_date (&first, &covered.first_year, &covered.first_week);

  /* the Monday of last week */
  last_week = *today;
  g_date_subtract_days (&last_week, g_date_get_weekday (today) - G_DATE_MONDAY + 7);
  covered.stale = g_date_compare (&latest->monday, &last_week) < 0;

  return covered;
}

/**
 * bt_weeks_covered_span:
 *
 * Returns: the weeks the share covers, as a person reads them: "weeks 40
 *   to 43"
 */
char *
bt_weeks_covered_span (const BtWeeksCovered *covered)
{
  g_return_val_if_fail (covered != NULL && g_date_valid (&covered->last_monday), NULL);

  /* TRANSLATORS: the ISO weeks a figure covers, e.g. "weeks 40 to 43" */
  return g_strdup_printf (_("weeks %d to %d"), covered->first_week, covered->last_week);
}

/**
 * bt_weeks_covered_notice:
 *
 * Returns: (nullable): that no hours were recorded since the last week
 *   with hours, with its week number and its Monday in the user's
 *   language; %NULL when the figures are the latest
 */
char *
bt_weeks_covered_notice (const BtWeeksCovered *covered)
{
  char monday[128];

  g_return_val_if_fail (covered != NULL, NULL);

  if (!covered->stale)
    return NULL;

  /* TRANSLATORS: a date in reports and charts (strftime); "%e %b %Y" gives
   * "30 Jun 2028". Use the order and style of your language. */
  if (g_date_strftime (monday, sizeof monday, _("%e %b %Y"), &covered->last_monday) == 0)
    bt_date_format_iso (&covered->last_monday, monday);

  /* TRANSLATORS: %d is an ISO week number, %s the date of its Monday */
  return g_strdup_printf (_("No hours recorded since week %d, the week of %s"), covered->last_week,
                          g_strstrip (monday));
}
