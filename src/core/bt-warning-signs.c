/* bt-warning-signs.c — how the warning signs of the check-ins go
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-analytics"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics-private.h"
#include "bt-number.h"

typedef struct
{
  guint key;   /* year × 100 + week */
  int   ratings[BT_N_WARNING_SIGNS];
} RatedWeek;

static int
compare_rated_weeks (gconstpointer a,
                     gconstpointer b)
{
  guint x = ((const RatedWeek *) a)->key, y = ((const RatedWeek *) b)->key;

  return (x > y) - (x < y);
}

/**
 * bt_analytics_warning_signs:
 * @trends: (out caller-allocates): one per sign
 *
 * How each warning sign goes, over the check-ins in week order: the latest
 * rating, and the mean of the last few against the few before them. A
 * check-in that leaves a sign unrated (0) does not count for that sign.
 */
void
bt_analytics_warning_signs (BtPlan      *plan,
                            BtSignTrend  trends[BT_N_WARNING_SIGNS])
{
  GListModel *check_ins;
  g_autoptr(GArray) weeks = g_array_new (FALSE, FALSE, sizeof (RatedWeek));
  guint n;

  for (guint s = 0; s < BT_N_WARNING_SIGNS; s++)
    trends[s] = (BtSignTrend) { .before = NAN };

  g_return_if_fail (BT_IS_PLAN (plan));

  check_ins = bt_plan_get_check_ins (plan);
  n = g_list_model_get_n_items (check_ins);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCheckIn) c = g_list_model_get_item (check_ins, i);
      RatedWeek w;
      int year, week;

      if (!bt_iso_week_parse (bt_check_in_get_week (c), &year, &week, NULL))
        continue;
      w.key = (guint) year * 100 + (guint) week;
      w.ratings[0] = bt_check_in_get_over_involvement (c);
      w.ratings[1] = bt_check_in_get_operational_reflex (c);
      w.ratings[2] = bt_check_in_get_not_delegating (c);
      w.ratings[3] = bt_check_in_get_technical_certainty (c);
      g_array_append_val (weeks, w);
    }
  g_array_sort (weeks, compare_rated_weeks);

  for (guint s = 0; s < BT_N_WARNING_SIGNS; s++)
    {
      BtSignTrend *t = &trends[s];
      double recent_sum = 0, before_sum = 0;

      /* From the latest back. */
      for (guint i = weeks->len; i-- > 0;)
        {
          const RatedWeek *w = &g_array_index (weeks, RatedWeek, i);
          int rating = w->ratings[s];

          if (rating <= 0)
            continue;

          if (t->n_rated++ == 0)
            {
              t->latest = rating;
              bt_iso_week_format_into (w->key / 100, w->key % 100, t->latest_week);
            }
          if (t->n_recent < BT_SIGN_WINDOW)
            {
              t->n_recent++;
              recent_sum += rating;
            }
          else if (t->n_before < BT_SIGN_WINDOW)
            {
              t->n_before++;
              before_sum += rating;
            }
        }

      t->recent = t->n_recent > 0 ? recent_sum / t->n_recent : NAN;
      t->before = t->n_before > 0 ? before_sum / t->n_before : NAN;
    }
}

/**
 * bt_warning_sign_name:
 * @sign: below %BT_N_WARNING_SIGNS, in the order of #BtSignTrend
 *
 * Returns: the warning sign's name, as the check-in asks for it
 */
const char *
bt_warning_sign_name (guint sign)
{
  const char *names[BT_N_WARNING_SIGNS] = {
    _("Over-involvement in details"),
    _("Operational reflex"),
    _("Not delegating real ownership"),
    _("Reaching for technical certainty"),
  };

  g_return_val_if_fail (sign < BT_N_WARNING_SIGNS, "");

  return names[sign];
}

/* The texts below say "four". */
G_STATIC_ASSERT (BT_SIGN_WINDOW == 4);

/**
 * bt_sign_trend_growing:
 *
 * Returns: whether the sign grew by half a point or more, the last few
 *   check-ins against the few before
 */
gboolean
bt_sign_trend_growing (const BtSignTrend *t)
{
  return t->n_before > 0 && t->recent - t->before >= 0.5;
}

/**
 * bt_sign_trend_describe:
 *
 * Returns: (transfer full) (nullable): the latest rating and the way the
 *   sign goes, in words; %NULL when it was never rated
 */
char *
bt_sign_trend_describe (const BtSignTrend *t)
{
  if (t->n_rated == 0)
    return NULL;

  if (t->n_rated == 1)
    /* TRANSLATORS: a warning sign's rating on the overview, e.g. "3 of 5 in 2026-W46, the first rating" */
    return g_strdup_printf (_("%d of 5 in %s, the first rating"), t->latest, t->latest_week);

  if (t->n_before == 0)
    /* TRANSLATORS: e.g. "3 of 5 in 2026-W46 · 3.5 over 3 check-ins" */
    return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%d of 5 in %s · %.1f over %u check-in",
                                         "%d of 5 in %s · %.1f over %u check-ins", t->n_recent),
                            t->latest, t->latest_week, bt_number_round (t->recent, 1), t->n_recent);

  if (bt_sign_trend_growing (t))
    /* TRANSLATORS: a warning sign seen more often lately; the means are of 1 (rarely) to 5 (all the time) */
    return g_strdup_printf (_("%d of 5 in %s · growing: %.1f over the last four check-ins, %.1f before"),
                            t->latest, t->latest_week, bt_number_round (t->recent, 1), bt_number_round (t->before, 1));

  if (t->before - t->recent >= 0.5)
    /* TRANSLATORS: a warning sign seen less often lately */
    return g_strdup_printf (_("%d of 5 in %s · easing: %.1f over the last four check-ins, %.1f before"),
                            t->latest, t->latest_week, bt_number_round (t->recent, 1), bt_number_round (t->before, 1));

  return g_strdup_printf (_("%d of 5 in %s · steady at %.1f over the last four check-ins"),
                          t->latest, t->latest_week, bt_number_round (t->recent, 1));
}
