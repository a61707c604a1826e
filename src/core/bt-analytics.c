/* bt-analytics.c — what the numbers of a plan say
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-analytics"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics-private.h"

/* The categories' kinds by their interned ids, as the weeks hold them, in
 * the categories' order. A week's hours are mostly in that order too, so
 * an id is looked for at its own position first, then among the few
 * others: no string is hashed or compared for each of thousands of weeks. */
typedef struct
{
  guint n;
  struct
  {
    const char *id;
    int         kind;
  } entries[];
} Kinds;

static Kinds *
category_kinds (BtPlan *plan)
{
  GListModel *categories = bt_plan_get_categories (plan);
  guint n = g_list_model_get_n_items (categories);
  Kinds *kinds = g_malloc (sizeof (Kinds) + n * sizeof kinds->entries[0]);

  kinds->n = n;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCategory) category = g_list_model_get_item (categories, i);

      kinds->entries[i].id = g_intern_string (bt_item_get_id (BT_ITEM (category)));
      kinds->entries[i].kind = (int) bt_category_get_kind (category);
    }

  return kinds;
}

/* The kind of the category @id, which is likely the @hint-th; -1 for a
 * category that no longer exists. */
static inline int
kind_of (const Kinds *kinds,
         const char  *id,
         guint        hint)
{
  if (hint < kinds->n && kinds->entries[hint].id == id)
    return kinds->entries[hint].kind;
  for (guint i = 0; i < kinds->n; i++)
    if (kinds->entries[i].id == id)
      return kinds->entries[i].kind;

  return -1;
}

static void
derived_free (gpointer data)
{
  Derived *d = data;

  g_clear_pointer (&d->shares, g_array_unref);
  g_clear_pointer (&d->due_days, g_array_unref);
  g_clear_pointer (&d->facts, g_array_unref);
  g_clear_pointer (&d->fact_index, g_hash_table_unref);
  g_clear_pointer (&d->milestone_days, g_array_unref);
  g_free (d);
}

static GQuark
derived_quark (void)
{
  static gsize quark;

  if (g_once_init_enter (&quark))
    g_once_init_leave (&quark, g_quark_from_static_string ("bt-analytics-derived"));

  return (GQuark) quark;
}

Derived *
bt_analytics_derived_for (BtPlan *plan)
{
  Derived *d = g_object_get_qdata (G_OBJECT (plan), derived_quark ());

  if (d == NULL)
    {
      d = g_new0 (Derived, 1);
      g_object_set_qdata_full (G_OBJECT (plan), derived_quark (), d, derived_free);
    }

  return d;
}

/* Whether @part is as it was when something was worked out from it at
 * @generation. */
gboolean
bt_analytics_part_unchanged (BtPlan     *plan,
                BtPlanPart  part,
                guint64     generation)
{
  return bt_plan_get_part_generation (plan, part) <= generation;
}

static int
compare_days (gconstpointer a,
              gconstpointer b)
{
  guint32 x = *(const guint32 *) a, y = *(const guint32 *) b;

  return (x > y) - (x < y);
}

/* Sorts @days in time linear in their number, so that a plan a hundred
 * times larger takes a hundred times as long and not twice that again, as
 * a comparison sort would: by their bits, least significant digit first,
 * 11 bits at a time; a digit that all days share is skipped (the highest
 * is 0 for any day of the next few thousand years). A few days are left
 * to g_array_sort(). */
#define DIGIT_BITS 11
#define N_DIGIT_VALUES (1u << DIGIT_BITS)

void
bt_analytics_sort_days (GArray *days)
{
  g_autofree guint32 *spare = NULL;
  guint32 *from = (guint32 *) (gpointer) days->data, *to;
  guint n = days->len;

  if (n < 64)
    {
      g_array_sort (days, compare_days);
      return;
    }

  spare = g_new (guint32, n);
  to = spare;
  for (guint shift = 0; shift < 32; shift += DIGIT_BITS)
    {
      guint offsets[N_DIGIT_VALUES] = { 0, };
      guint32 mask = N_DIGIT_VALUES - 1;
      guint first_digit = (from[0] >> shift) & mask, sum = 0;
      gboolean shared = TRUE;

      for (guint i = 0; i < n; i++)
        {
          guint digit = (from[i] >> shift) & mask;

          offsets[digit]++;
          shared = shared && digit == first_digit;
        }
      if (shared)
        continue;

      for (guint v = 0; v < N_DIGIT_VALUES; v++)
        {
          guint count = offsets[v];

          offsets[v] = sum;
          sum += count;
        }
      for (guint i = 0; i < n; i++)
        to[offsets[(from[i] >> shift) & mask]++] = from[i];

      {
        guint32 *swap = from;

        from = to;
        to = swap;
      }
    }

  if (from != (guint32 *) (gpointer) days->data)
    memcpy (days->data, from, n * sizeof (guint32));
}

/* How many of the sorted @days are before @day. */
guint
bt_analytics_count_before (GArray  *days,
              guint32  day)
{
  guint lo = 0, hi = days->len;

  while (lo < hi)
    {
      guint mid = lo + (hi - lo) / 2;

      if (g_array_index (days, guint32, mid) < day)
        lo = mid + 1;
      else
        hi = mid;
    }

  return lo;
}

/* A week's own figures, from its hours. */
static void
week_figures (BtWeek      *week,
              const Kinds *kinds,
              BtWeekShare *s)
{
  guint n_entries;
  const BtWeekEntry *entries = bt_week_peek_entries (week, &n_entries);

  s->serial = bt_week_get_serial (week);
  s->monday = *bt_week_get_monday (week);
  s->strategic = s->tactical = 0.0;

  for (guint j = 0; j < n_entries; j++)
    {
      int kind = kind_of (kinds, entries[j].category_id, j);

      if (kind == BT_CATEGORY_STRATEGIC)
        s->strategic += entries[j].hours;
      else if (kind == BT_CATEGORY_TACTICAL)
        s->tactical += entries[j].hours;
      /* hours of a category that no longer exists count for neither */
    }

  s->total = s->tactical + s->strategic;
  s->share = s->total > 0.0 ? s->strategic / s->total : NAN;
}

/* The rolling share of the @i-th week: over the calendar weeks that end
 * with it, where weeks with no record count as no hours, not as a gap that
 * stretches the window. Summed afresh, oldest first, so that a patched
 * week gives the very same figure as a walk through all of them. */
static void
roll (GArray *shares,
      guint   i)
{
  BtWeekShare *s = &g_array_index (shares, BtWeekShare, i);
  double strategic = 0.0, total = 0.0;
  guint first = i;

  while (first > 0 &&
         g_array_index (shares, BtWeekShare, first - 1).serial + BT_ROLLING_WEEKS > s->serial)
    first--;
  for (guint k = first; k <= i; k++)
    {
      strategic += g_array_index (shares, BtWeekShare, k).strategic;
      total += g_array_index (shares, BtWeekShare, k).total;
    }
  s->rolling = total > 0.0 ? strategic / total : NAN;
}

static GArray *
compute_week_shares (BtPlan *plan)
{
  g_autofree Kinds *kinds = category_kinds (plan);
  guint n;
  BtWeek *const *weeks = bt_plan_peek_weeks (plan, &n);
  GArray *shares = g_array_sized_new (FALSE, TRUE, sizeof (BtWeekShare), n);

  g_array_set_size (shares, n);
  for (guint i = 0; i < n; i++)
    {
      prefetch_ahead ((gconstpointer const *) weeks, i, n, WEEK_BYTES_READ);
      week_figures (weeks[i], kinds, &g_array_index (shares, BtWeekShare, i));
      roll (shares, i);
    }

  return shares;
}

static int
compare_serials (gconstpointer a,
                 gconstpointer b)
{
  guint x = ((const BtWeekShare *) a)->serial, y = ((const BtWeekShare *) b)->serial;

  return (x > y) - (x < y);
}

/* The index of the week @serial in @shares, or -1. */
static int
find_share (GArray *shares,
            guint   serial)
{
  BtWeekShare key = { .serial = serial };
  guint index;

  if (!g_array_binary_search (shares, &key, compare_serials, &index))
    return -1;

  return (int) index;
}

/* Works out the figures of @shares from @start on for @n weeks, from the
 * weeks at the same positions, and the rolling shares of the windows they
 * are in. */
static void
refigure (GArray        *shares,
          BtWeek *const *weeks,
          const Kinds   *kinds,
          guint          start,
          guint          n)
{
  guint end;

  for (guint i = start; i < start + n; i++)
    week_figures (weeks[i], kinds, &g_array_index (shares, BtWeekShare, i));

  /* A window ends with its week and spans BT_ROLLING_WEEKS calendar weeks,
   * and serials only grow: past the weeks refigured (or where one was
   * removed), no more than that many windows reach back to them. */
  end = MIN (shares->len, start + n + BT_ROLLING_WEEKS);
  for (guint j = start; j < end; j++)
    roll (shares, j);
}

/* Brings @d's shares up to date by the changes to weeks since they were
 * worked out: weeks that changed, and at most one change to the list (a
 * week recorded for the first time); FALSE when that cannot be done and
 * they must be worked out again. */
static gboolean
patch_week_shares (BtPlan  *plan,
                   Derived *d)
{
  g_autoptr(GArray) changes = NULL;
  g_autofree Kinds *kinds = NULL;
  BtWeek *const *weeks;
  guint n_weeks;
  const BtPlanChange *list_change = NULL;

  if (bt_analytics_part_unchanged (plan, BT_PLAN_PART_WEEKS, d->shares_generation))
    return TRUE;

  changes = g_array_new (FALSE, FALSE, sizeof (BtPlanChange));
  if (!bt_plan_get_changes (plan, BT_PLAN_PART_WEEKS, d->shares_generation, changes))
    return FALSE;

  for (guint c = 0; c < changes->len; c++)
    {
      const BtPlanChange *change = &g_array_index (changes, BtPlanChange, c);

      if (change->serial != G_MAXUINT)
        continue;
      if (list_change != NULL)
        return FALSE;   /* the positions of the first are no longer the list's */
      list_change = change;
    }

  weeks = bt_plan_peek_weeks (plan, &n_weeks);
  kinds = category_kinds (plan);

  /* The list first: the weeks that changed are found by their serial. */
  if (list_change != NULL)
    {
      guint position = list_change->position;

      if (position + list_change->removed > d->shares->len ||
          d->shares->len - list_change->removed + list_change->added != n_weeks)
        return FALSE;

      g_array_remove_range (d->shares, position, list_change->removed);
      for (guint k = 0; k < list_change->added; k++)
        {
          BtWeekShare blank = { 0, };

          g_array_insert_val (d->shares, position, blank);
        }
      refigure (d->shares, weeks, kinds, position, list_change->added);
    }
  else if (n_weeks != d->shares->len)
    return FALSE;

  for (guint c = 0; c < changes->len; c++)
    {
      const BtPlanChange *change = &g_array_index (changes, BtPlanChange, c);
      int i;

      if (change->serial == G_MAXUINT)
        continue;
      i = find_share (d->shares, change->serial);
      if (i < 0)
        return FALSE;   /* a week that changed, then went */
      if (bt_week_get_serial (weeks[i]) != change->serial)
        return FALSE;
      refigure (d->shares, weeks, kinds, (guint) i, 1);
    }

  return TRUE;
}

/**
 * bt_analytics_week_shares:
 *
 * Worked out once and kept: the time chart asks on every redraw, the
 * overview and the report each time they are shown, and a plan of ten
 * years has 520 weeks to walk. When single weeks change (hours entered for
 * a week), only they and the rolling shares of their windows are worked
 * out again; when the weeks as a list or the categories change, all of
 * them.
 *
 * Returns: (transfer full) (element-type BtWeekShare): one entry per
 *   recorded week, in time order, with the strategic share of the week and
 *   the rolling share of the four calendar weeks that end with it; shared
 *   with later callers and brought up to date in place, so neither to be
 *   modified nor kept past the plan's next change
 */
GArray *
bt_analytics_week_shares (BtPlan *plan)
{
  guint64 generation;
  Derived *d;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  d = bt_analytics_derived_for (plan);
  generation = bt_plan_get_generation (plan);
  if (d->shares != NULL && d->shares_generation != generation &&
      (!bt_analytics_part_unchanged (plan, BT_PLAN_PART_CATEGORIES, d->shares_generation) ||
       !patch_week_shares (plan, d)))
    g_clear_pointer (&d->shares, g_array_unref);
  if (d->shares == NULL)
    d->shares = compute_week_shares (plan);
  d->shares_generation = generation;

  return g_array_ref (d->shares);
}

/**
 * bt_analytics_latest_share:
 *
 * Returns: (nullable): the last week with hours that began on or before
 *   @today
 */
const BtWeekShare *
bt_analytics_latest_share (GArray      *shares,
                           const GDate *today)
{
  for (guint i = shares->len; i > 0; i--)
    {
      const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i - 1);

      if (s->total > 0.0 && g_date_compare (&s->monday, today) <= 0)
        return s;
    }

  return NULL;
}

/**
 * bt_analytics_trajectory:
 * @budget: the weekly hours budget (the "weekly-hours-budget" setting), which
 *   makes a week partial; 0 for none
 *
 * The straight line from the share of the first whole week with hours to
 * the target share on the target date. A partial week does not start it:
 * a half-hour meeting imported from a calendar says nothing about where the
 * share stood, and a line drawn from its 0 % or 100 % would misjudge every
 * week after it. Without a whole week there is no trajectory yet.
 */
BtTrajectory
bt_analytics_trajectory (BtPlan *plan,
                         GArray *shares,
                         double  budget)
{
  BtProfile *profile = bt_plan_get_profile (plan);
  const GDate *target_date = bt_profile_get_target_date (profile);
  BtTrajectory t = { FALSE, };

  if (target_date == NULL)
    return t;

  for (guint i = 0; i < shares->len; i++)
    {
      const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i);

      if (s->total > 0.0 && !bt_analytics_is_partial_week (s->total, budget))
        {
          t.valid = TRUE;
          t.start = s->monday;
          t.start_share = s->share;
          t.end = *target_date;
          t.end_share = bt_profile_get_target_share (profile);
          break;
        }
    }

  return t;
}

double
bt_trajectory_at (const BtTrajectory *t,
                  const GDate        *date)
{
  double span, done;

  g_return_val_if_fail (t != NULL && t->valid, NAN);

  span = (double) g_date_days_between (&t->start, &t->end);
  done = (double) g_date_days_between (&t->start, date);

  if (span <= 0.0 || done >= span)
    return t->end_share;
  if (done <= 0.0)
    return t->start_share;

  return t->start_share + (t->end_share - t->start_share) * done / span;
}

/**
 * bt_analytics_is_partial_week:
 * @budget: the weekly hours budget (the "weekly-hours-budget" setting)
 *
 * A partial week has hours, but fewer than half the budget: a week of
 * which only the meetings, or a few days, were recorded. Its share is
 * shown with a mark, and it counts by its hours (see bt_analytics_trend()).
 */
gboolean
bt_analytics_is_partial_week (double total_hours,
                              double budget)
{
  return total_hours > 0.0 && budget > 0.0 && total_hours < budget * BT_PARTIAL_WEEK_FRACTION;
}

/**
 * bt_analytics_trend:
 * @window_weeks: how many calendar weeks, ending with the last recorded week
 *   on or before @today, the fit looks at
 * @budget: the weekly hours budget, which makes a week partial; 0 for none
 *
 * A least-squares line through the weekly shares, each week weighed by its
 * hours: the share is strategic hours over all hours, so an hour counts
 * the same in any week, and a week of 5 hours (a partial week: only its
 * meetings) pulls the line a tenth as much as a week of 50 — not as much
 * as a whole week. The rolling share sums hours, so it already counts
 * weeks that way.
 *
 * Two or three weeks give a line, but not one to believe, nor to project
 * a date from: the trend is #BtTrend.enough only with at least
 * %BT_TREND_MIN_WEEKS whole (not partial) weeks with hours in the window,
 * which then span at least as many calendar weeks. Partial weeks still
 * weigh in the line by their hours; they do not make it credible.
 */
BtTrend
bt_analytics_trend (GArray      *shares,
                    const GDate *today,
                    guint        window_weeks,
                    double       budget)
{
  const BtWeekShare *latest = bt_analytics_latest_share (shares, today);
  BtTrend trend = { FALSE, };
  double sw = 0, sx = 0, sy = 0, sxx = 0, sxy = 0, n = 0;

  if (latest == NULL)
    return trend;

  /* From the latest week back to the window's start: the shares are in
   * time order, and ten years of them need not all be looked at. */
  for (guint i = (guint) (latest - (const BtWeekShare *) shares->data) + 1; i > 0; i--)
    {
      const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i - 1);
      double x, y;

      if (s->serial + window_weeks <= latest->serial)
        break;
      if (s->total <= 0.0)
        continue;

      x = g_date_days_between (&latest->monday, &s->monday) / BT_DAYS_PER_MONTH;
      y = s->share * 100.0;
      sw += s->total;
      sx += s->total * x;
      sy += s->total * y;
      sxx += s->total * x * x;
      sxy += s->total * x * y;
      n += 1;
      if (!bt_analytics_is_partial_week (s->total, budget))
        trend.n_whole++;
    }

  trend.n_points = (guint) n;
  trend.last = latest->monday;

  if (n < 2 || sw * sxx - sx * sx == 0.0)
    return trend;

  trend.valid = TRUE;
  trend.enough = trend.n_whole >= BT_TREND_MIN_WEEKS;
  trend.slope = (sw * sxy - sx * sy) / (sw * sxx - sx * sx);
  /* x is 0 at the last week, so the intercept is the fitted share there. */
  trend.current = ((sy - trend.slope * sx) / sw) / 100.0;

  return trend;
}

/**
 * bt_analytics_trend_shortfall:
 *
 * Returns: (nullable): what to say instead of a trend that is not
 *   #BtTrend.enough, e.g. "Not enough whole weeks yet for a trend: 2 of
 *   the 4 needed"; %NULL when the trend is enough
 */
char *
bt_analytics_trend_shortfall (const BtTrend *trend)
{
  g_return_val_if_fail (trend != NULL, NULL);

  if (trend->enough)
    return NULL;

  /* TRANSLATORS: instead of a trend of the strategic share; "2 of the 4": whole weeks recorded (a partial week does not count), of those needed */
  return g_strdup_printf (_("Not enough whole weeks yet for a trend: %u of the %u needed"),
                          MIN (trend->n_whole, BT_TREND_MIN_WEEKS - 1), BT_TREND_MIN_WEEKS);
}

/**
 * bt_analytics_weeks_below:
 * @budget: the weekly hours budget (the "weekly-hours-budget" setting), which
 *   makes a week partial; 0 for none
 *
 * A partial week neither starts nor breaks a run: its share is that of a
 * few meetings or days, which says too little about the week to count it
 * as a week below the trajectory, or as a week back on it. (The trend
 * weighs it by its hours; a count of weeks cannot weigh, so it passes over
 * it.) A plan of partial weeks alone is never sliding back.
 *
 * Returns: how many of the most recent whole weeks with hours, counting back
 *   from @today, were in a row below the trajectory
 */
guint
bt_analytics_weeks_below (GArray             *shares,
                          const BtTrajectory *trajectory,
                          const GDate        *today,
                          double              budget)
{
  guint count = 0;

  if (!trajectory->valid)
    return 0;

  for (guint i = shares->len; i > 0; i--)
    {
      const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i - 1);

      if (s->total <= 0.0 || g_date_compare (&s->monday, today) > 0 ||
          bt_analytics_is_partial_week (s->total, budget))
        continue;

      if (s->share < bt_trajectory_at (trajectory, &s->monday))
        count++;
      else
        break;
    }

  return count;
}

/**
 * bt_analytics_projection:
 * @date: (out): when the target is reached, for %BT_PROJECTION_ON_DATE and
 *   %BT_PROJECTION_REACHED
 *
 * Where the current trend leads. A projection further than 50 years away
 * counts as never; a trend that is not #BtTrend.enough leads nowhere yet
 * (%BT_PROJECTION_UNKNOWN).
 */
BtProjection
bt_analytics_projection (const BtTrend *trend,
                         double         target_share,
                         GDate         *date)
{
  double months;

  if (!trend->valid || !trend->enough)
    return BT_PROJECTION_UNKNOWN;

  if (trend->current >= target_share)
    {
      *date = trend->last;
      return BT_PROJECTION_REACHED;
    }

  if (trend->slope <= 0.0)
    return BT_PROJECTION_NEVER;

  months = (target_share - trend->current) * 100.0 / trend->slope;
  if (months > 50 * 12)
    return BT_PROJECTION_NEVER;

  *date = trend->last;
  g_date_add_days (date, (guint) ceil (months * BT_DAYS_PER_MONTH));

  return BT_PROJECTION_ON_DATE;
}

/* The date of a milestone that can be overdue: planned or in progress,
 * with a date; NULL for any other. */
static const GDate *
open_milestone_date (BtMilestone *milestone)
{
  BtMilestoneStatus status = bt_milestone_get_status (milestone);

  if (status != BT_MILESTONE_PLANNED && status != BT_MILESTONE_IN_PROGRESS)
    return NULL;

  return bt_milestone_get_date (milestone);
}

gboolean
bt_analytics_milestone_overdue (BtMilestone *milestone,
                                const GDate *today)
{
  const GDate *date = open_milestone_date (milestone);

  return date != NULL && g_date_compare (date, today) < 0;
}

static int
compare_milestone_dates (gconstpointer a,
                         gconstpointer b)
{
  BtMilestone *x = *(BtMilestone **) a, *y = *(BtMilestone **) b;

  return g_date_compare (bt_milestone_get_date (x), bt_milestone_get_date (y));
}

/**
 * bt_analytics_next_milestones:
 *
 * The milestones still ahead, as the overview and the report list them:
 * neither done nor dropped, with a date, and that date today or later
 * unless the milestone is overdue; by date, the plan's order among those
 * of one day.
 *
 * Returns: (transfer full) (element-type BtMilestone): the milestones
 */
GPtrArray *
bt_analytics_next_milestones (BtPlan      *plan,
                              const GDate *today)
{
  GListModel *milestones = bt_plan_get_milestones (plan);
  GPtrArray *next = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
      BtMilestoneStatus status = bt_milestone_get_status (m);
      const GDate *date = bt_milestone_get_date (m);

      if (date == NULL || status == BT_MILESTONE_DONE || status == BT_MILESTONE_DROPPED)
        continue;
      if (g_date_compare (date, today) < 0 && !bt_analytics_milestone_overdue (m, today))
        continue;
      g_ptr_array_add (next, g_steal_pointer (&m));
    }
  /* g_ptr_array_sort is a merge sort: stable */
  g_ptr_array_sort (next, compare_milestone_dates);

  return next;
}

gboolean
bt_analytics_milestone_slipped (BtMilestone *milestone)
{
  const GDate *date = bt_milestone_get_date (milestone);
  const GDate *original = bt_milestone_get_original_date (milestone);

  if (bt_milestone_get_status (milestone) == BT_MILESTONE_SLIPPED)
    return TRUE;

  return date != NULL && original != NULL && g_date_compare (date, original) > 0;
}

/**
 * bt_analytics_count_overdue_milestones:
 *
 * Returns: how many milestones bt_analytics_milestone_overdue() finds
 *   overdue on @today
 */
guint
bt_analytics_count_overdue_milestones (BtPlan      *plan,
                                       const GDate *today)
{
  Derived *d;

  g_return_val_if_fail (BT_IS_PLAN (plan), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  d = bt_analytics_derived_for (plan);
  if (d->milestone_days == NULL ||
      !bt_analytics_part_unchanged (plan, BT_PLAN_PART_MILESTONES, d->milestones_generation))
    {
      guint n;
      BtMilestone *const *milestones = bt_plan_peek_milestones (plan, &n);

      g_clear_pointer (&d->milestone_days, g_array_unref);
      d->milestone_days = g_array_new (FALSE, FALSE, sizeof (guint32));
      for (guint i = 0; i < n; i++)
        {
          const GDate *date;
          guint32 day;

          prefetch_ahead ((gconstpointer const *) milestones, i, n, MILESTONE_BYTES_READ);
          date = open_milestone_date (milestones[i]);

          if (date == NULL)
            continue;
          day = g_date_get_julian (date);
          g_array_append_val (d->milestone_days, day);
        }
      bt_analytics_sort_days (d->milestone_days);
    }
  d->milestones_generation = bt_plan_get_generation (plan);

  return bt_analytics_count_before (d->milestone_days, g_date_get_julian (today));
}

BtCaseTotals
bt_analytics_case_totals (BtBusinessCase *business_case)
{
  GListModel *rows = bt_business_case_get_cost_rows (business_case);
  guint n = g_list_model_get_n_items (rows);
  double ask_cost = bt_business_case_get_ask_cost (business_case);
  BtCaseTotals totals = { 0.0, 0.0, NAN };

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCostRow) row = g_list_model_get_item (rows, i);

      totals.monthly_savings += bt_cost_row_get_current_monthly (row) -
                                bt_cost_row_get_projected_monthly (row);
    }

  /* Money is shown in whole units: round the month once here, so that a
   * year is twelve of the months shown (16501 a month, 198012 a year, not
   * the 198006 of an unrounded 16500.5) wherever the totals appear. */
  totals.monthly_savings = round (totals.monthly_savings);
  totals.yearly_savings = totals.monthly_savings * 12.0;
  if (ask_cost > 0.0 && totals.monthly_savings > 0.0)
    totals.payback_months = ask_cost / totals.monthly_savings;

  return totals;
}

/**
 * bt_analytics_new_battlefield:
 *
 * The signal that the organisation may not let the person grow: two or more
 * business cases rejected over a span of six months or more (from the first
 * one's proposal to the last one's rejection, up to @today), and none funded.
 */
gboolean
bt_analytics_new_battlefield (BtPlan      *plan,
                              const GDate *today)
{
  GListModel *narratives = bt_plan_get_narratives (plan);
  guint n = g_list_model_get_n_items (narratives);
  guint rejected = 0;
  GDate first, last, limit;

  g_date_clear (&first, 1);
  g_date_clear (&last, 1);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtNarrative) narrative = g_list_model_get_item (narratives, i);
      GListModel *cases = bt_narrative_get_business_cases (narrative);
      guint m = g_list_model_get_n_items (cases);

      for (guint j = 0; j < m; j++)
        {
          g_autoptr(BtBusinessCase) bc = g_list_model_get_item (cases, j);
          const GDate *proposed = bt_business_case_get_proposed_on (bc);
          const GDate *decided = bt_business_case_get_decided_on (bc);
          const GDate *start = proposed ? proposed : decided;
          const GDate *end = decided ? decided : proposed;

          if (bt_business_case_get_status (bc) == BT_CASE_FUNDED)
            return FALSE;
          if (bt_business_case_get_status (bc) != BT_CASE_REJECTED)
            continue;
          if (start == NULL || g_date_compare (end, today) > 0)
            continue;

          rejected++;
          if (!g_date_valid (&first) || g_date_compare (start, &first) < 0)
            first = *start;
          if (!g_date_valid (&last) || g_date_compare (end, &last) > 0)
            last = *end;
        }
    }

  if (rejected < 2)
    return FALSE;

  limit = first;
  g_date_add_months (&limit, 6);

  return g_date_compare (&last, &limit) >= 0;}
