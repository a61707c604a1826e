/* test-analytics.c — the numbers, checked against hand-computed values
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include "bt-analytics.h"
#include "bt-date.h"
#include "bt-number.h"
#include "bt-plan-file.h"

#define EPS 1e-9

typedef struct
{
  BtPlan     *plan;
  BtCategory *tactical;
  BtCategory *strategic;
} Fixture;

static GDate
day (int y,
     int m,
     int d)
{
  GDate date;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, d, m, y);

  return date;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  f->plan = bt_plan_new ();
  f->tactical = bt_category_new ();
  bt_category_set_name (f->tactical, "Incidents");
  bt_category_set_kind (f->tactical, BT_CATEGORY_TACTICAL);
  f->strategic = bt_category_new ();
  bt_category_set_name (f->strategic, "Strategy");
  bt_category_set_kind (f->strategic, BT_CATEGORY_STRATEGIC);
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_categories (f->plan), BT_ITEM (f->tactical));
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_categories (f->plan), BT_ITEM (f->strategic));
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  g_clear_object (&f->tactical);
  g_clear_object (&f->strategic);
  g_clear_object (&f->plan);
}

static void
add_week (Fixture *f,
          int      y,
          int      w,
          double   tactical,
          double   strategic)
{
  BtWeek *week = bt_plan_ensure_week (f->plan, y, w);

  bt_week_set_hours (week, bt_item_get_id (BT_ITEM (f->tactical)), tactical);
  bt_week_set_hours (week, bt_item_get_id (BT_ITEM (f->strategic)), strategic);
}

/* 2026-W01 30/10, W02 20/20, W04 10/30, W06 40/0 (tactical/strategic). */
static void
add_four_weeks (Fixture *f)
{
  add_week (f, 2026, 1, 30, 10);
  add_week (f, 2026, 2, 20, 20);
  add_week (f, 2026, 4, 10, 30);
  add_week (f, 2026, 6, 40, 0);
}

static void
test_week_shares (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  const BtWeekShare *s;

  add_four_weeks (f);
  /* Hours of a category that no longer exists count for neither kind. */
  bt_week_set_hours (bt_plan_find_week (f->plan, 2026, 1), "deleted-category", 5);

  shares = bt_analytics_week_shares (f->plan);
  g_assert_cmpuint (shares->len, ==, 4);

  s = &g_array_index (shares, BtWeekShare, 0);
  g_assert_cmpfloat_with_epsilon (s->tactical, 30, EPS);
  g_assert_cmpfloat_with_epsilon (s->strategic, 10, EPS);
  g_assert_cmpfloat_with_epsilon (s->share, 0.25, EPS);
  g_assert_cmpfloat_with_epsilon (s->rolling, 0.25, EPS);

  s = &g_array_index (shares, BtWeekShare, 1);
  g_assert_cmpfloat_with_epsilon (s->share, 0.5, EPS);
  g_assert_cmpfloat_with_epsilon (s->rolling, 30.0 / 80.0, EPS);

  /* W04's window is W01–W04: W03 has no record and counts as nothing. */
  s = &g_array_index (shares, BtWeekShare, 2);
  g_assert_cmpfloat_with_epsilon (s->share, 0.75, EPS);
  g_assert_cmpfloat_with_epsilon (s->rolling, 60.0 / 120.0, EPS);

  /* W06's window is W03–W06: only W04 and W06. */
  s = &g_array_index (shares, BtWeekShare, 3);
  g_assert_cmpfloat_with_epsilon (s->share, 0.0, EPS);
  g_assert_cmpfloat_with_epsilon (s->rolling, 30.0 / 80.0, EPS);
}

/* The shares are kept until the plan changes, and every change counts:
 * hours, a week added, a category changing kind. */
static void
test_week_shares_follow_changes (Fixture       *f,
                                 gconstpointer  data)
{
  g_autoptr(GArray) first = NULL;
  g_autoptr(GArray) again = NULL;
  g_autoptr(GArray) after_hours = NULL;
  g_autoptr(GArray) after_week = NULL;
  g_autoptr(GArray) after_kind = NULL;

  add_four_weeks (f);
  first = bt_analytics_week_shares (f->plan);
  again = bt_analytics_week_shares (f->plan);
  g_assert_true (first == again);

  g_assert_cmpfloat_with_epsilon (g_array_index (first, BtWeekShare, 0).share, 0.25, EPS);
  bt_week_set_hours (bt_plan_find_week (f->plan, 2026, 1), bt_item_get_id (BT_ITEM (f->strategic)), 30);
  after_hours = bt_analytics_week_shares (f->plan);
  g_assert_cmpfloat_with_epsilon (g_array_index (after_hours, BtWeekShare, 0).share, 0.5, EPS);

  g_assert_cmpuint (after_hours->len, ==, 4);
  add_week (f, 2026, 8, 10, 10);
  after_week = bt_analytics_week_shares (f->plan);
  g_assert_cmpuint (after_week->len, ==, 5);

  bt_category_set_kind (f->tactical, BT_CATEGORY_STRATEGIC);
  after_kind = bt_analytics_week_shares (f->plan);
  g_assert_cmpfloat_with_epsilon (g_array_index (after_kind, BtWeekShare, 0).share, 1.0, EPS);
}

static gboolean
same_double (double a,
             double b)
{
  return (isnan (a) && isnan (b)) || a == b;
}

/* @shares, entry by entry and to the last bit, against what a plan read
 * back from @plan's file works out from nothing. */
static void
assert_shares_as_computed (BtPlan *plan,
                           GArray *shares)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = bt_plan_file_serialize (plan, BT_PLAN_SECTION_ALL, &error);
  g_autoptr(BtPlan) fresh = NULL;
  g_autoptr(GArray) expected = NULL;

  g_assert_no_error (error);
  fresh = bt_plan_file_load_bytes (bytes, &error);
  g_assert_no_error (error);
  expected = bt_analytics_week_shares (fresh);

  g_assert_cmpuint (shares->len, ==, expected->len);
  for (guint i = 0; i < shares->len; i++)
    {
      const BtWeekShare *a = &g_array_index (shares, BtWeekShare, i);
      const BtWeekShare *b = &g_array_index (expected, BtWeekShare, i);

      g_assert_cmpuint (a->serial, ==, b->serial);
      g_assert_cmpint (g_date_compare (&a->monday, &b->monday), ==, 0);
      g_assert_true (same_double (a->tactical, b->tactical));
      g_assert_true (same_double (a->strategic, b->strategic));
      g_assert_true (same_double (a->total, b->total));
      g_assert_true (same_double (a->share, b->share));
      g_assert_true (same_double (a->rolling, b->rolling));
    }
}

/* The shares after a change: the very array @before, patched in place, or
 * (@in_place FALSE) a new one; either way as a walk through every week
 * gives them. Returns the shares now kept. */
static GArray *
shares_after (BtPlan   *plan,
              GArray   *before,
              gboolean  in_place)
{
  GArray *after = bt_analytics_week_shares (plan);

  if (in_place)
    g_assert_true (after == before);
  else
    g_assert_true (after != before);
  assert_shares_as_computed (plan, after);
  g_array_unref (before);

  return after;
}

/* A change to single weeks patches the kept shares in place, to the very
 * figures a walk through every week gives; a change to the weeks as a
 * list, to a category, or to more weeks than the plan keeps track of,
 * works them out again. */
static void
test_week_shares_patched (Fixture       *f,
                          gconstpointer  data)
{
  const char *strategic = bt_item_get_id (BT_ITEM (f->strategic));
  const char *tactical = bt_item_get_id (BT_ITEM (f->tactical));
  g_autoptr(GArray) shares = NULL;

  /* Sixty weeks of a year and a half, every third one missing: 2025-W03,
   * W06, … and 2026-W38 have no record. */
  for (guint i = 0; i < 90; i++)
    if (i % 3 != 2)
      add_week (f, 2025 + i / 52, i % 52 + 1, 10 + i % 7, 3 + (i * 5) % 11);

  shares = bt_analytics_week_shares (f->plan);
  assert_shares_as_computed (f->plan, shares);

  /* One week: its own share and the rolling ones after it follow. */
  bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 10), strategic, 40);
  shares = shares_after (f->plan, shares, TRUE);

  /* The first and the last week, and one twice, between two looks. */
  bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 1), tactical, 0);
  bt_week_set_hours (bt_plan_find_week (f->plan, 2026, 37), strategic, 1.5);
  bt_week_set_hours (bt_plan_find_week (f->plan, 2026, 36), tactical, 2);
  bt_week_set_hours (bt_plan_find_week (f->plan, 2026, 36), tactical, 22.25);
  bt_week_set_note (bt_plan_find_week (f->plan, 2026, 1), "a note changes no figure");
  shares = shares_after (f->plan, shares, TRUE);

  /* A week's hours all gone: no share, and none in its window's count. */
  bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 20), tactical, 0);
  bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 20), strategic, 0);
  shares = shares_after (f->plan, shares, TRUE);

  /* More changes than the plan keeps track of. */
  for (guint i = 0; i <= BT_PLAN_LOG; i++)
    bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 31), strategic, i + 1);
  shares = shares_after (f->plan, shares, FALSE);

  /* A week recorded where there was none, as the weekly check-in does:
   * in place, and the windows after it follow. Then one at the end. */
  add_week (f, 2025, 3, 5, 5);
  shares = shares_after (f->plan, shares, TRUE);
  g_assert_cmpuint (shares->len, ==, 61);
  add_week (f, 2026, 39, 1, 2);
  shares = shares_after (f->plan, shares, TRUE);
  bt_plan_ensure_week (f->plan, 2026, 40);
  shares = shares_after (f->plan, shares, TRUE);

  /* A week removed. */
  {
    BtWeek *week = bt_plan_find_week (f->plan, 2025, 8);

    g_assert_true (bt_item_remove_child (BT_ITEM (f->plan), bt_plan_get_weeks (f->plan), BT_ITEM (week), NULL));
  }
  shares = shares_after (f->plan, shares, TRUE);
  g_assert_cmpuint (shares->len, ==, 62);

  /* Two weeks recorded between two looks: worked out again. */
  add_week (f, 2025, 6, 1, 1);
  add_week (f, 2025, 9, 1, 1);
  shares = shares_after (f->plan, shares, FALSE);

  /* A change to a week that then goes: worked out again. */
  bt_week_set_hours (bt_plan_find_week (f->plan, 2025, 9), strategic, 9);
  g_assert_true (bt_item_remove_child (BT_ITEM (f->plan), bt_plan_get_weeks (f->plan),
                                       BT_ITEM (bt_plan_find_week (f->plan, 2025, 9)), NULL));
  shares = shares_after (f->plan, shares, FALSE);

  /* A relationship added is no change to the shares. */
  {
    g_autoptr(BtRelationship) r = bt_relationship_new ();

    bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_relationships (f->plan), BT_ITEM (r));
  }
  shares = shares_after (f->plan, shares, TRUE);

  /* A category changing kind. */
  bt_category_set_kind (f->tactical, BT_CATEGORY_STRATEGIC);
  shares = shares_after (f->plan, shares, FALSE);

  /* Something that is no part of the shares keeps them as they are. */
  bt_profile_set_target_share (bt_plan_get_profile (f->plan), 0.7);
  shares = shares_after (f->plan, shares, TRUE);
}

static void
test_empty_week_has_no_share (Fixture       *f,
                              gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;

  bt_plan_ensure_week (f->plan, 2026, 10);
  shares = bt_analytics_week_shares (f->plan);

  g_assert_cmpuint (shares->len, ==, 1);
  g_assert_true (isnan (g_array_index (shares, BtWeekShare, 0).share));
  g_assert_true (isnan (g_array_index (shares, BtWeekShare, 0).rolling));
}

static void
test_trend (Fixture       *f,
            gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  GDate today = day (2026, 2, 6);
  BtTrend trend;

  add_four_weeks (f);
  shares = bt_analytics_week_shares (f->plan);
  trend = bt_analytics_trend (shares, &today, 13, 50.0);

  /* Least squares over (-35, 25), (-28, 50), (-14, 75), (0, 0) with x in
   * days ÷ 30.436875 and y in percent, worked out by hand (and in Python). */
  g_assert_true (trend.valid);
  g_assert_cmpuint (trend.n_points, ==, 4);
  g_assert_cmpfloat_with_epsilon (trend.slope, -18.42425847457626, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.current, 0.25847457627118653, 1e-12);
  g_assert_cmpint (g_date_get_day (&trend.last), ==, 2);   /* Monday 2 February */

  /* A window of 2 weeks holds only W06 (W05 has no record): no trend. */
  trend = bt_analytics_trend (shares, &today, 2, 50.0);
  g_assert_false (trend.valid);
  g_assert_cmpuint (trend.n_points, ==, 1);
}

/* Two whole weeks, 25 % then 50 % strategic, then a partial one: 5 hours
 * of meetings, none strategic. Weighed by hours (40, 40, 5) the mean day
 * is (40·-14 + 40·-7 + 5·0) / 85 = -168/17 and the mean share
 * (40·25 + 40·50 + 5·0) / 85 = 600/17 %; the slope is
 * Σw(x-x̄)(y-ȳ) / Σw(x-x̄)² = 100/91 % a day, 33.447 points a month, and
 * the share at the last week 600/17 + 100/91 · 168/17 = 600/13 %. Counted
 * as a whole week, the 5 hours would turn the trend to -54.35 a month. */
static void
test_trend_weighs_weeks_by_hours (Fixture       *f,
                                  gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  GDate today = day (2026, 1, 14);   /* in W03 */
  BtTrend trend;

  add_week (f, 2026, 1, 30, 10);
  add_week (f, 2026, 2, 20, 20);
  add_week (f, 2026, 3, 5, 0);
  shares = bt_analytics_week_shares (f->plan);
  trend = bt_analytics_trend (shares, &today, 13, 50.0);

  g_assert_true (trend.valid);
  g_assert_cmpuint (trend.n_points, ==, 3);
  g_assert_cmpfloat_with_epsilon (trend.slope, 100.0 / 91.0 * 30.436875, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.current, 6.0 / 13.0, 1e-12);

  /* The rolling share sums hours: (10 + 20 + 0) / (40 + 40 + 5). */
  g_assert_cmpfloat_with_epsilon (g_array_index (shares, BtWeekShare, 2).rolling, 30.0 / 85.0, 1e-12);

  /* Partial: under half the weekly budget. */
  g_assert_true (bt_analytics_is_partial_week (5.0, 50.0));
  g_assert_false (bt_analytics_is_partial_week (25.0, 50.0));
  g_assert_false (bt_analytics_is_partial_week (40.0, 50.0));
  g_assert_false (bt_analytics_is_partial_week (0.0, 50.0));   /* no hours: no week at all */
  g_assert_false (bt_analytics_is_partial_week (5.0, 0.0));    /* no budget set */
}

static void
test_trend_ignores_the_future (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  GDate today = day (2026, 1, 14);   /* in W03 */
  BtTrend trend;

  add_four_weeks (f);
  shares = bt_analytics_week_shares (f->plan);
  trend = bt_analytics_trend (shares, &today, 13, 50.0);

  /* Only W01 and W02: 25 % then 50 %, one week apart. */
  g_assert_true (trend.valid);
  g_assert_cmpuint (trend.n_points, ==, 2);
  g_assert_cmpfloat_with_epsilon (trend.slope, 25.0 * 30.436875 / 7.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (trend.current, 0.5, 1e-12);
}

static void
test_trajectory (Fixture       *f,
                 gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  BtProfile *profile = bt_plan_get_profile (f->plan);
  GDate target = day (2026, 12, 28);   /* 364 days after W01's Monday */
  GDate date;
  BtTrajectory t;

  add_four_weeks (f);
  shares = bt_analytics_week_shares (f->plan);

  /* No target date, no trajectory. */
  t = bt_analytics_trajectory (f->plan, shares, 50.0);
  g_assert_false (t.valid);

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.5);
  t = bt_analytics_trajectory (f->plan, shares, 50.0);
  g_assert_true (t.valid);
  g_assert_cmpfloat_with_epsilon (t.start_share, 0.25, EPS);

  date = day (2025, 12, 29);
  g_assert_cmpfloat_with_epsilon (bt_trajectory_at (&t, &date), 0.25, EPS);
  date = day (2026, 6, 29);   /* 182 days in: half way */
  g_assert_cmpfloat_with_epsilon (bt_trajectory_at (&t, &date), 0.375, EPS);
  date = day (2027, 6, 1);    /* after the target date it stays at the target */
  g_assert_cmpfloat_with_epsilon (bt_trajectory_at (&t, &date), 0.5, EPS);
  date = day (2025, 1, 1);    /* before the start it is the start */
  g_assert_cmpfloat_with_epsilon (bt_trajectory_at (&t, &date), 0.25, EPS);
}

/* A calendar import adds the one half-hour 1:1 of W48 before the week the
 * user checked in by hand (W49: 28 h tactical, 12 h strategic, 30 %). With
 * a budget of 40 h, W48 is partial (0.5 h < 20 h): the trajectory starts at
 * W49's Monday, 30 November 2026, at 30 % — not at W48's 100 %. */
static void
test_trajectory_partial_start (Fixture       *f,
                               gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  BtProfile *profile = bt_plan_get_profile (f->plan);
  GDate target = day (2027, 11, 29);   /* 364 days after W49's Monday */
  GDate start = day (2026, 11, 30);
  GDate date;
  BtTrajectory t;

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.5);

  /* Only the partial week: no whole week, no trajectory yet. */
  add_week (f, 2026, 48, 0, 0.5);
  shares = bt_analytics_week_shares (f->plan);
  t = bt_analytics_trajectory (f->plan, shares, 40.0);
  g_assert_false (t.valid);
  g_clear_pointer (&shares, g_array_unref);

  add_week (f, 2026, 49, 28, 12);
  shares = bt_analytics_week_shares (f->plan);
  t = bt_analytics_trajectory (f->plan, shares, 40.0);
  g_assert_true (t.valid);
  g_assert_cmpint (g_date_compare (&t.start, &start), ==, 0);
  g_assert_cmpfloat_with_epsilon (t.start_share, 0.30, EPS);
  date = day (2026, 12, 4);   /* "today", the Friday of W49: 4 days in */
  g_assert_cmpfloat_with_epsilon (bt_trajectory_at (&t, &date), 0.30 + 0.20 * 4.0 / 364.0, EPS);
  /* W49 is not below a line that starts at its own share. */
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &date, 40.0), ==, 0);

  /* Without a budget no week is partial: the line starts at W48's 100 %. */
  t = bt_analytics_trajectory (f->plan, shares, 0.0);
  g_assert_true (t.valid);
  g_assert_cmpfloat_with_epsilon (t.start_share, 1.0, EPS);
}

static void
test_weeks_below (Fixture       *f,
                  gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  BtProfile *profile = bt_plan_get_profile (f->plan);
  GDate target = day (2026, 12, 28);
  GDate today = day (2026, 2, 6);
  BtTrajectory t;

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.5);
  add_four_weeks (f);   /* 25 %, 50 %, 75 %, 0 % */
  shares = bt_analytics_week_shares (f->plan);
  t = bt_analytics_trajectory (f->plan, shares, 0.0);

  /* Only W06 is below (W04's 75 % is above), so one in a row. */
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 0.0), ==, 1);

  add_week (f, 2026, 7, 30, 5);
  add_week (f, 2026, 8, 30, 6);
  g_clear_pointer (&shares, g_array_unref);
  shares = bt_analytics_week_shares (f->plan);
  today = day (2026, 2, 27);
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 0.0), ==, 3);

  /* Looking from an earlier day, later weeks do not count. */
  today = day (2026, 2, 10);
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 0.0), ==, 2);
}

/* A partial week (under half the budget of 50 h) neither starts nor breaks
 * a run below the trajectory, which goes from 25 % on 29 December 2025 to
 * 50 % on 28 December 2026: about 28.8 % on 23 February, 29.3 % on 2 March. */
static void
test_weeks_below_partial (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(GArray) shares = NULL;
  BtProfile *profile = bt_plan_get_profile (f->plan);
  GDate target = day (2026, 12, 28);
  GDate today = day (2026, 3, 6);
  BtTrajectory t;

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.5);
  add_four_weeks (f);               /* W06 40 h at 0 %: below */
  add_week (f, 2026, 7, 30, 5);     /* 35 h at 14 %: below */
  add_week (f, 2026, 8, 30, 6);     /* 36 h at 17 %: below */
  add_week (f, 2026, 9, 1, 4);      /* 5 h at 80 %: partial, above */
  add_week (f, 2026, 10, 5, 0);     /* 5 h at 0 %: partial, below */
  shares = bt_analytics_week_shares (f->plan);
  t = bt_analytics_trajectory (f->plan, shares, 50.0);

  /* Passed over, the two partial weeks leave W08, W07 and W06 in a row. */
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 50.0), ==, 3);
  /* Counted as whole weeks, W10 would start a run that W09 breaks. */
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 0.0), ==, 1);
  /* Of a budget of 10 h, 5 h are half: whole weeks; of 12 h, partial. */
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 10.0), ==, 1);
  g_assert_cmpuint (bt_analytics_weeks_below (shares, &t, &today, 12.0), ==, 3);
}

static void
test_projection (void)
{
  BtTrend trend = { .valid = TRUE, .enough = TRUE, .n_points = 10, .n_whole = 10,
                    .slope = 2.0, .current = 0.40, .last = day (2026, 1, 5) };
  GDate date;

  /* 10 points to go at 2 points a month: 5 months = ceil (152.18) days. */
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_ON_DATE);
  g_assert_cmpint (g_date_get_year (&date), ==, 2026);
  g_assert_cmpint (g_date_get_month (&date), ==, 6);
  g_assert_cmpint (g_date_get_day (&date), ==, 7);

  g_assert_cmpint (bt_analytics_projection (&trend, 0.4, &date), ==, BT_PROJECTION_REACHED);

  trend.slope = 0.0;
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_NEVER);
  trend.slope = -1.0;
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_NEVER);
  /* 10 points at 0.01 a month is 83 years: never, in practice. */
  trend.slope = 0.01;
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_NEVER);

  trend.valid = FALSE;
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_UNKNOWN);

  /* A line through too few weeks leads nowhere yet. */
  trend.valid = TRUE;
  trend.slope = 2.0;
  trend.enough = FALSE;
  g_assert_cmpint (bt_analytics_projection (&trend, 0.5, &date), ==, BT_PROJECTION_UNKNOWN);
  g_assert_cmpint (bt_analytics_projection (&trend, 0.4, &date), ==, BT_PROJECTION_UNKNOWN);
}

/* W01–W03 of 2026 at 10, 20 and 30 % of 40 hours, then W04 of 5 hours of
 * meetings (partial, under half of a 50-hour budget): a line, rising, but
 * only three whole weeks, so no trend to believe and no date to project.
 * With W04 a whole week at 40 % the four weeks rise 10 points a week: by
 * hand, 10 ÷ 7 × 30.436875 = 43.48125 points a month, 40 % at W04 (Monday
 * 19 January); 55 % is 15 points away, 15 ÷ 10 × 7 = 10.5 days: the
 * 30th (19 + 11). */
static void
test_trend_needs_enough_weeks (Fixture       *f,
                               gconstpointer  data)
{
  GDate today = day (2026, 1, 21);   /* in W04 */
  GDate date;
  BtTrend trend;

  add_week (f, 2026, 1, 36, 4);
  add_week (f, 2026, 2, 32, 8);
  add_week (f, 2026, 3, 28, 12);
  add_week (f, 2026, 4, 5, 0);
  {
    g_autoptr(GArray) shares = bt_analytics_week_shares (f->plan);
    g_autofree char *shortfall = NULL;

    trend = bt_analytics_trend (shares, &today, 13, 50.0);
    g_assert_true (trend.valid);
    g_assert_cmpuint (trend.n_points, ==, 4);
    g_assert_cmpuint (trend.n_whole, ==, 3);
    g_assert_false (trend.enough);
    g_assert_cmpint (bt_analytics_projection (&trend, 0.55, &date), ==, BT_PROJECTION_UNKNOWN);
    shortfall = bt_analytics_trend_shortfall (&trend);
    g_assert_cmpstr (shortfall, ==, "Not enough whole weeks yet for a trend: 3 of the 4 needed");

    /* Two weeks, as the first walkthrough had: said plainly too. */
    today = day (2026, 1, 7);   /* in W02 */
    trend = bt_analytics_trend (shares, &today, 13, 50.0);
    g_clear_pointer (&shortfall, g_free);
    shortfall = bt_analytics_trend_shortfall (&trend);
    g_assert_cmpstr (shortfall, ==, "Not enough whole weeks yet for a trend: 2 of the 4 needed");
    today = day (2026, 1, 21);
  }

  add_week (f, 2026, 4, 24, 16);
  {
    g_autoptr(GArray) shares = bt_analytics_week_shares (f->plan);
    g_autofree char *shortfall = NULL;

    trend = bt_analytics_trend (shares, &today, 13, 50.0);
    g_assert_true (trend.enough);
    g_assert_cmpuint (trend.n_whole, ==, 4);
    g_assert_cmpfloat_with_epsilon (trend.slope, 43.48125, 1e-9);
    g_assert_cmpfloat_with_epsilon (trend.current, 0.40, 1e-12);
    shortfall = bt_analytics_trend_shortfall (&trend);
    g_assert_null (shortfall);
    g_assert_cmpint (bt_analytics_projection (&trend, 0.55, &date), ==, BT_PROJECTION_ON_DATE);
    g_assert_cmpint (g_date_get_year (&date), ==, 2026);
    g_assert_cmpint (g_date_get_month (&date), ==, 1);
    g_assert_cmpint (g_date_get_day (&date), ==, 30);
  }
}

static void
test_milestones (void)
{
  g_autoptr(BtMilestone) m = bt_milestone_new ();
  GDate date = day (2026, 11, 1), original = day (2026, 9, 1), today = day (2026, 11, 20);

  g_assert_false (bt_analytics_milestone_overdue (m, &today));   /* no date */

  bt_milestone_set_date (m, &date);
  g_assert_true (bt_analytics_milestone_overdue (m, &today));
  bt_milestone_set_status (m, BT_MILESTONE_IN_PROGRESS);
  g_assert_true (bt_analytics_milestone_overdue (m, &today));
  bt_milestone_set_status (m, BT_MILESTONE_DONE);
  g_assert_false (bt_analytics_milestone_overdue (m, &today));
  bt_milestone_set_status (m, BT_MILESTONE_PLANNED);
  today = day (2026, 11, 1);   /* due today is not overdue */
  g_assert_false (bt_analytics_milestone_overdue (m, &today));

  g_assert_false (bt_analytics_milestone_slipped (m));
  bt_milestone_set_original_date (m, &original);
  g_assert_true (bt_analytics_milestone_slipped (m));
  bt_milestone_set_original_date (m, NULL);
  bt_milestone_set_status (m, BT_MILESTONE_SLIPPED);
  g_assert_true (bt_analytics_milestone_slipped (m));
}

static BtRelationship *
person (BtFunction  function,
        int         strength,
        int         cadence,
        const char *last_touch)
{
  BtRelationship *r = bt_relationship_new ();

  bt_relationship_set_name (r, "Someone");
  bt_relationship_set_function (r, function);
  bt_relationship_set_strength (r, strength);
  bt_relationship_set_cadence_days (r, cadence);

  if (last_touch != NULL)
    {
      g_autoptr(BtTouchpoint) older = bt_touchpoint_new ();
      g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();
      GDate date, before;

      g_assert_true (bt_date_parse (last_touch, &date));
      before = date;
      g_date_subtract_days (&before, 40);
      /* The older touchpoint comes second: the latest date counts, not the
       * last entry. */
      bt_touchpoint_set_date (t, &date);
      bt_touchpoint_set_date (older, &before);
      bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (t));
      bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (older));
    }

  return r;
}

static void
test_relationship_state (void)
{
  GDate today = day (2026, 11, 20), due;
  g_autoptr(BtRelationship) never = person (BT_FUNCTION_SALES, 2, 30, NULL);
  g_autoptr(BtRelationship) late = person (BT_FUNCTION_SALES, 2, 14, "2026-11-01");
  g_autoptr(BtRelationship) today_due = person (BT_FUNCTION_SALES, 2, 19, "2026-11-01");
  g_autoptr(BtRelationship) soon = person (BT_FUNCTION_SALES, 2, 21, "2026-11-01");
  g_autoptr(BtRelationship) week = person (BT_FUNCTION_SALES, 2, 26, "2026-11-01");
  g_autoptr(BtRelationship) fine = person (BT_FUNCTION_SALES, 2, 27, "2026-11-01");

  /* Someone just added, with no touchpoint yet, is not late, nor in
   * touch: not yet in touch. */
  g_assert_cmpint (bt_analytics_relationship_state (never, &today, &due), ==, BT_RELATIONSHIP_NOT_YET);
  g_assert_false (g_date_valid (&due));
  g_assert_cmpuint (bt_analytics_days_overdue (never, &today), ==, 0);

  g_assert_cmpint (bt_analytics_relationship_state (late, &today, &due), ==, BT_RELATIONSHIP_OVERDUE);
  g_assert_cmpint (g_date_get_day (&due), ==, 15);
  /* Due on the 15th, so on the 20th five days late. */
  g_assert_cmpuint (bt_analytics_days_overdue (late, &today), ==, 5);
  g_assert_cmpuint (bt_analytics_days_overdue (today_due, &today), ==, 0);
  g_assert_cmpuint (bt_analytics_days_overdue (soon, &today), ==, 0);
  g_assert_cmpint (bt_analytics_relationship_state (today_due, &today, NULL), ==, BT_RELATIONSHIP_DUE_SOON);
  g_assert_cmpint (bt_analytics_relationship_state (soon, &today, &due), ==, BT_RELATIONSHIP_DUE_SOON);
  g_assert_cmpint (g_date_get_day (&due), ==, 22);
  /* Due in exactly 7 days is still "due soon"; 8 is fine. */
  g_assert_cmpint (bt_analytics_relationship_state (week, &today, NULL), ==, BT_RELATIONSHIP_DUE_SOON);
  g_assert_cmpint (bt_analytics_relationship_state (fine, &today, NULL), ==, BT_RELATIONSHIP_FINE);
}

static void
add_touchpoint (BtRelationship *r,
                const char     *date_text)
{
  g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();
  GDate date;

  g_assert_true (bt_date_parse (date_text, &date));
  bt_touchpoint_set_date (t, &date);
  bt_item_append_child (BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (t));
}

static void
assert_counts (BtPlan *plan,
               GDate   today,
               guint   overdue,
               guint   soon,
               guint   fine,
               guint   not_yet)
{
  guint counts[BT_N_RELATIONSHIP_STATES];

  bt_analytics_count_relationships (plan, &today, counts);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_OVERDUE], ==, overdue);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_DUE_SOON], ==, soon);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_FINE], ==, fine);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_NOT_YET], ==, not_yet);
}

/* A touchpoint after today is a meeting planned, not contact made (issue
 * 21 §1): where someone stands counts from the last touchpoint on or
 * before today, and the counts kept between looks follow today past a
 * planned meeting. */
static void
test_planned_touchpoint (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  /* met on 10 Nov, every 14 days: due 24 Nov; a meeting planned after
   * that, on 27 Nov */
  g_autoptr(BtRelationship) late = person (BT_FUNCTION_SALES, 2, 14, NULL);
  /* met on 10 Nov, every 14 days: due 24 Nov; a meeting planned before
   * that, on 22 Nov */
  g_autoptr(BtRelationship) booked = person (BT_FUNCTION_PRODUCT, 2, 14, NULL);
  /* never met; a first meeting planned on 30 Nov, then every 30 days */
  g_autoptr(BtRelationship) first = person (BT_FUNCTION_FINANCE, 2, 30, NULL);
  GDate today = day (2026, 11, 20), date;

  add_touchpoint (late, "2026-11-27");
  add_touchpoint (late, "2026-11-10");
  add_touchpoint (booked, "2026-11-10");
  add_touchpoint (booked, "2026-11-22");
  add_touchpoint (first, "2026-11-30");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (late));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (booked));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (first));

  /* On 20 Nov: the last touchpoint is 10 Nov's, the next meeting 27 Nov's */
  g_assert_true (bt_analytics_last_touchpoint (late, &today, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 10);
  g_assert_true (bt_analytics_next_meeting (late, &today, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 27);
  /* due on 24 Nov, in 4 days */
  g_assert_cmpint (bt_analytics_relationship_state (late, &today, &date), ==, BT_RELATIONSHIP_DUE_SOON);
  g_assert_cmpint (g_date_get_day (&date), ==, 24);
  /* a meeting on 22 Nov, before it is due on 24 Nov: in touch */
  g_assert_cmpint (bt_analytics_relationship_state (booked, &today, &date), ==, BT_RELATIONSHIP_FINE);
  g_assert_cmpint (g_date_get_day (&date), ==, 24);
  g_assert_false (bt_analytics_last_touchpoint (first, &today, &date));
  g_assert_cmpint (bt_analytics_relationship_state (first, &today, &date), ==, BT_RELATIONSHIP_NOT_YET);
  g_assert_false (g_date_valid (&date));
  g_assert_true (bt_analytics_next_meeting (first, &today, &date));
  g_assert_cmpint (g_date_get_day (&date), ==, 30);
  assert_counts (plan, today, 0, 1, 1, 1);

  /* On 26 Nov, the day before the planned meeting: two days late */
  today = day (2026, 11, 26);
  g_assert_cmpint (bt_analytics_relationship_state (late, &today, NULL), ==, BT_RELATIONSHIP_OVERDUE);
  g_assert_cmpuint (bt_analytics_days_overdue (late, &today), ==, 2);
  /* met on 22 Nov, so due on 6 Dec: fine */
  g_assert_cmpint (bt_analytics_relationship_state (booked, &today, &date), ==, BT_RELATIONSHIP_FINE);
  g_assert_cmpint (g_date_get_month (&date), ==, 12);
  g_assert_cmpint (g_date_get_day (&date), ==, 6);
  g_assert_false (bt_analytics_next_meeting (booked, &today, &date));
  assert_counts (plan, today, 1, 0, 1, 1);

  /* On 27 Nov the meeting took place: due on 11 Dec, 14 days on */
  today = day (2026, 11, 27);
  g_assert_cmpuint (bt_analytics_days_overdue (late, &today), ==, 0);
  g_assert_cmpint (bt_analytics_relationship_state (late, &today, NULL), ==, BT_RELATIONSHIP_FINE);
  assert_counts (plan, today, 0, 0, 2, 1);

  /* On 1 Dec all met: the first due on 30 Dec, the one met on 22 Nov
   * due on 6 Dec, in 5 days */
  today = day (2026, 12, 1);
  assert_counts (plan, today, 0, 1, 2, 0);

  /* And back: the counts kept are not those of another day */
  assert_counts (plan, day (2026, 11, 26), 1, 0, 1, 1);
  assert_counts (plan, day (2026, 11, 20), 0, 1, 1, 1);

  /* A meeting planned for 23 Nov, logged while the counts are kept for
   * 20 Nov, changes 24 Nov's count: the one late is booked in time */
  add_touchpoint (late, "2026-11-23");
  assert_counts (plan, day (2026, 11, 20), 0, 0, 2, 1);
  assert_counts (plan, day (2026, 11, 24), 0, 0, 2, 1);
}

/* A person just added to a plan: nobody overdue, whatever the day. */
static void
test_new_person_is_not_overdue (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) added = person (BT_FUNCTION_SALES, 2, 14, NULL);
  guint counts[BT_N_RELATIONSHIP_STATES];
  GDate today = day (2026, 11, 20);

  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (added));
  bt_analytics_count_relationships (plan, &today, counts);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_OVERDUE], ==, 0);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_DUE_SOON], ==, 0);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_FINE], ==, 0);
  g_assert_cmpuint (counts[BT_RELATIONSHIP_NOT_YET], ==, 1);
}

/* Checks that the plan's counts on @today are what the states say one by
 * one; fills @counts and returns how many milestones are overdue. */
static guint
assert_counts_on (BtPlan      *plan,
                  const GDate *today,
                  guint        counts[BT_N_RELATIONSHIP_STATES])
{
  GListModel *relationships = bt_plan_get_relationships (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  guint expected[BT_N_RELATIONSHIP_STATES] = { 0, };
  guint overdue = 0;

  for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
      expected[bt_analytics_relationship_state (r, today, NULL)]++;
    }
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
      overdue += bt_analytics_milestone_overdue (m, today);
    }

  bt_analytics_count_relationships (plan, today, counts);
  for (guint s = 0; s < BT_N_RELATIONSHIP_STATES; s++)
    g_assert_cmpuint (counts[s], ==, expected[s]);
  g_assert_cmpuint (bt_analytics_count_overdue_milestones (plan, today), ==, overdue);

  return overdue;
}

/* The counts say, over a whole plan, what the states say one by one, on
 * any day, and follow the plan's changes. */
static void
test_counts (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  const int cadences[] = { 14, 19, 21, 26, 27, 30, 90 };
  const char *dates[] = { "2026-11-01", "2026-10-02", "2026-11-20", "2026-12-31" };
  GListModel *relationships = bt_plan_get_relationships (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  g_autoptr(BtRelationship) never = person (BT_FUNCTION_SALES, 2, 30, NULL);
  guint seen[BT_N_RELATIONSHIP_STATES] = { 0, }, seen_overdue_milestones = 0;

  bt_item_append_child (BT_ITEM (plan), relationships, BT_ITEM (never));
  for (guint c = 0; c < G_N_ELEMENTS (cadences); c++)
    for (guint t = 0; t < G_N_ELEMENTS (dates); t++)
      {
        g_autoptr(BtRelationship) r = person (BT_FUNCTION_SALES, 2, cadences[c], dates[t]);
        bt_item_append_child (BT_ITEM (plan), relationships, BT_ITEM (r));
      }
  for (guint t = 0; t < G_N_ELEMENTS (dates); t++)
    for (BtMilestoneStatus status = BT_MILESTONE_PLANNED; status <= BT_MILESTONE_DROPPED; status++)
      {
        g_autoptr(BtMilestone) m = bt_milestone_new ();
        GDate date;

        g_assert_true (bt_date_parse (dates[t], &date));
        bt_milestone_set_date (m, &date);
        bt_milestone_set_status (m, status);
        bt_item_append_child (BT_ITEM (plan), milestones, BT_ITEM (m));
      }
  {
    g_autoptr(BtMilestone) undated = bt_milestone_new ();
    bt_item_append_child (BT_ITEM (plan), milestones, BT_ITEM (undated));
  }

  for (guint round = 0; round < 2; round++)
    {
      for (int offset = -60; offset <= 60; offset += 3)
        {
          GDate today = day (2026, 11, 20);
          guint counts[BT_N_RELATIONSHIP_STATES];
          guint overdue;

          if (offset < 0)
            g_date_subtract_days (&today, -offset);
          else
            g_date_add_days (&today, offset);

          overdue = assert_counts_on (plan, &today, counts);
          for (guint s = 0; s < BT_N_RELATIONSHIP_STATES; s++)
            seen[s] += counts[s];
          seen_overdue_milestones += overdue;
        }

      /* Changes: the one never touched is touched, a milestone is done;
       * one relationship's cadence changes and another's latest
       * touchpoint moves, twice, between two looks. */
      {
        g_autoptr(BtTouchpoint) t = bt_touchpoint_new ();
        g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, 0);
        g_autoptr(BtRelationship) slow = g_list_model_get_item (relationships, 5);
        g_autoptr(BtRelationship) moved = g_list_model_get_item (relationships, 9);
        g_autoptr(BtTouchpoint) latest = g_list_model_get_item (bt_relationship_get_touchpoints (moved), 0);
        GDate date = day (2026, 11, 18), later = day (2026, 12, 2), earlier = day (2026, 9, 1);

        bt_touchpoint_set_date (t, &date);
        bt_item_append_child (BT_ITEM (never), bt_relationship_get_touchpoints (never), BT_ITEM (t));
        bt_milestone_set_status (m, BT_MILESTONE_DONE);
        bt_relationship_set_cadence_days (slow, 3 * bt_relationship_get_cadence_days (slow) + 1);
        bt_touchpoint_set_date (latest, round == 0 ? &later : &earlier);
        bt_touchpoint_set_date (latest, round == 0 ? &earlier : &later);
      }
    }

  /* Each state came up on the days checked. */
  for (guint s = 0; s < BT_N_RELATIONSHIP_STATES; s++)
    g_assert_cmpuint (seen[s], >, 0);
  g_assert_cmpuint (seen_overdue_milestones, >, 0);
}

/* The same over hundreds of people and milestones, with days over forty
 * years, as a plan of many years has them; and after people come and go. */
static void
test_counts_many (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  GListModel *relationships = bt_plan_get_relationships (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);

  for (guint i = 0; i < 600; i++)
    {
      GDate date = day (1990, 1, 1);
      g_autofree char *text = NULL;
      g_autoptr(BtRelationship) r = NULL;
      g_autoptr(BtMilestone) m = bt_milestone_new ();

      g_date_add_days (&date, g_rand_int_range (rand, 0, 40 * 366));
      text = g_strdup_printf ("%04d-%02d-%02d", g_date_get_year (&date), g_date_get_month (&date),
                              g_date_get_day (&date));
      r = person (BT_FUNCTION_SALES, 2, g_rand_int_range (rand, 7, 120), i % 9 == 0 ? NULL : text);
      bt_item_append_child (BT_ITEM (plan), relationships, BT_ITEM (r));
      bt_milestone_set_date (m, &date);
      bt_item_append_child (BT_ITEM (plan), milestones, BT_ITEM (m));
    }

  for (guint round = 0; round < 2; round++)
    {
      for (guint k = 0; k < 40; k++)
        {
          GDate today = day (1990, 1, 1);
          guint counts[BT_N_RELATIONSHIP_STATES];

          g_date_add_days (&today, g_rand_int_range (rand, 0, 41 * 366));
          assert_counts_on (plan, &today, counts);
        }

      /* some go, from the middle and the ends */
      for (guint i = 0; i < 50; i++)
        {
          guint n = g_list_model_get_n_items (relationships);

          bt_item_list_remove (BT_ITEM_LIST (relationships), g_rand_int_range (rand, 0, (gint32) n));
          bt_item_list_remove (BT_ITEM_LIST (milestones), i % 2 ? 0 : g_list_model_get_n_items (milestones) - 1);
        }
    }
}

static void
test_weak_functions (Fixture       *f,
                     gconstpointer  data)
{
  g_autoptr(BtRelationship) product = person (BT_FUNCTION_PRODUCT, 4, 30, NULL);
  g_autoptr(BtRelationship) sales = person (BT_FUNCTION_SALES, 2, 30, NULL);
  g_autoptr(BtRelationship) finance = person (BT_FUNCTION_FINANCE, 3, 30, NULL);
  g_autoptr(BtRelationship) other = person (BT_FUNCTION_OTHER, 5, 30, NULL);
  guint all = (1u << BT_FUNCTION_OTHER) - 1;
  guint mask;

  g_assert_cmpuint (bt_analytics_weak_functions (f->plan), ==, all);

  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_relationships (f->plan), BT_ITEM (product));
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_relationships (f->plan), BT_ITEM (sales));
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_relationships (f->plan), BT_ITEM (finance));
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_relationships (f->plan), BT_ITEM (other));

  mask = bt_analytics_weak_functions (f->plan);
  g_assert_false (mask & (1u << BT_FUNCTION_PRODUCT));
  g_assert_false (mask & (1u << BT_FUNCTION_FINANCE));   /* strength 3 is enough */
  g_assert_true (mask & (1u << BT_FUNCTION_SALES));      /* strength 2 is not */
  g_assert_true (mask & (1u << BT_FUNCTION_MARKETING));
  g_assert_false (mask & (1u << BT_FUNCTION_OTHER));     /* "other" is never asked for */
  g_assert_true (mask & (1u << BT_FUNCTION_DESIGN));     /* nobody in design */
  /* every function asked for but product and finance */
  g_assert_cmpuint (__builtin_popcount (mask), ==, BT_FUNCTION_OTHER - 2);

  /* One relationship at a time: sales grows strong, product weakens, and
   * finance's strong relationship turns out to be in marketing. */
  bt_relationship_set_strength (sales, 3);
  bt_relationship_set_strength (product, 2);
  mask = bt_analytics_weak_functions (f->plan);
  g_assert_false (mask & (1u << BT_FUNCTION_SALES));
  g_assert_true (mask & (1u << BT_FUNCTION_PRODUCT));
  bt_relationship_set_function (finance, BT_FUNCTION_MARKETING);
  mask = bt_analytics_weak_functions (f->plan);
  g_assert_true (mask & (1u << BT_FUNCTION_FINANCE));
  g_assert_false (mask & (1u << BT_FUNCTION_MARKETING));
  g_assert_cmpuint (__builtin_popcount (mask), ==, BT_FUNCTION_OTHER - 2);
}

static BtBusinessCase *
business_case (BtCaseStatus  status,
               const char   *proposed,
               const char   *decided)
{
  BtBusinessCase *bc = bt_business_case_new ();
  GDate date;

  bt_business_case_set_title (bc, "Case");
  bt_business_case_set_status (bc, status);
  if (proposed != NULL && bt_date_parse (proposed, &date))
    bt_business_case_set_proposed_on (bc, &date);
  if (decided != NULL && bt_date_parse (decided, &date))
    bt_business_case_set_decided_on (bc, &date);

  return bc;
}

static void
test_case_totals (void)
{
  g_autoptr(BtBusinessCase) bc = business_case (BT_CASE_PROPOSED, NULL, NULL);
  g_autoptr(BtCostRow) licences = bt_cost_row_new ();
  g_autoptr(BtCostRow) time = bt_cost_row_new ();
  BtCaseTotals totals;

  bt_cost_row_set_current_monthly (licences, 38000);
  bt_cost_row_set_projected_monthly (licences, 24000);
  bt_cost_row_set_current_monthly (time, 27000);
  bt_cost_row_set_projected_monthly (time, 20000);
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (licences));
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (time));

  totals = bt_analytics_case_totals (bc);
  g_assert_cmpfloat_with_epsilon (totals.monthly_savings, 21000, EPS);
  g_assert_cmpfloat_with_epsilon (totals.yearly_savings, 252000, EPS);
  g_assert_true (isnan (totals.payback_months));   /* the ask has no cost */

  bt_business_case_set_ask_cost (bc, 120000);
  totals = bt_analytics_case_totals (bc);
  g_assert_cmpfloat_with_epsilon (totals.payback_months, 120000.0 / 21000.0, EPS);

  /* A case that costs more than it saves never pays back. */
  bt_cost_row_set_projected_monthly (licences, 60000);
  totals = bt_analytics_case_totals (bc);
  g_assert_cmpfloat_with_epsilon (totals.monthly_savings, 7000 - 22000, EPS);
  g_assert_true (isnan (totals.payback_months));

  /* Half a unit: 22400.5 − 5900 is shown as 16501 a month, so a year is
   * 16501 × 12 = 198012, and the payback 120000 ÷ 16501 months. */
  bt_cost_row_set_current_monthly (licences, 14400.5);
  bt_cost_row_set_projected_monthly (licences, 0);
  bt_cost_row_set_current_monthly (time, 8000);
  bt_cost_row_set_projected_monthly (time, 5900);
  totals = bt_analytics_case_totals (bc);
  g_assert_cmpfloat_with_epsilon (totals.monthly_savings, 16501, EPS);
  g_assert_cmpfloat_with_epsilon (totals.yearly_savings, 198012, EPS);
  g_assert_cmpfloat_with_epsilon (totals.payback_months, 120000.0 / 16501.0, EPS);
}

static void
add_case (Fixture        *f,
          BtBusinessCase *bc)
{
  g_autoptr(BtNarrative) n = bt_narrative_new ();

  bt_narrative_set_title (n, "Story");
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_business_cases (n), BT_ITEM (bc));
  bt_item_append_child (BT_ITEM (f->plan), bt_plan_get_narratives (f->plan), BT_ITEM (n));
  g_object_unref (bc);
}

static void
test_new_battlefield (Fixture       *f,
                      gconstpointer  data)
{
  GDate today = day (2026, 11, 20);

  g_assert_false (bt_analytics_new_battlefield (f->plan, &today));

  add_case (f, business_case (BT_CASE_REJECTED, "2026-01-10", "2026-02-01"));
  g_assert_false (bt_analytics_new_battlefield (f->plan, &today));   /* one is not a pattern */

  /* Two, but only five months apart. */
  add_case (f, business_case (BT_CASE_REJECTED, "2026-05-01", "2026-06-09"));
  g_assert_false (bt_analytics_new_battlefield (f->plan, &today));

  /* A third rejection stretches it past six months (10 January → 10 July). */
  add_case (f, business_case (BT_CASE_REJECTED, "2026-06-20", "2026-07-10"));
  g_assert_true (bt_analytics_new_battlefield (f->plan, &today));

  /* Not yet, seen from a day before that rejection. */
  today = day (2026, 7, 9);
  g_assert_false (bt_analytics_new_battlefield (f->plan, &today));
  today = day (2026, 11, 20);

  /* Drafts and proposals do not change it; one funded case does. */
  add_case (f, business_case (BT_CASE_PROPOSED, "2026-10-01", NULL));
  g_assert_true (bt_analytics_new_battlefield (f->plan, &today));
  add_case (f, business_case (BT_CASE_FUNDED, "2026-09-01", "2026-10-01"));
  g_assert_false (bt_analytics_new_battlefield (f->plan, &today));
}

static void
add_check_in (BtPlan     *plan,
              const char *week,
              int         over_involvement,
              int         not_delegating)
{
  g_autoptr(BtCheckIn) c = bt_check_in_new ();

  bt_check_in_set_week (c, week);
  bt_check_in_set_over_involvement (c, over_involvement);
  bt_check_in_set_not_delegating (c, not_delegating);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_check_ins (plan), BT_ITEM (c));
}

/* Each warning sign over the check-ins in week order, whatever the list's
 * order: the latest rating, the last four against the four before, and a
 * check-in that leaves a sign unrated not counted for it. */
static void
test_warning_signs (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  BtSignTrend t[BT_N_WARNING_SIGNS];

  bt_analytics_warning_signs (plan, t);
  for (guint s = 0; s < BT_N_WARNING_SIGNS; s++)
    {
      g_assert_cmpuint (t[s].n_rated, ==, 0);
      g_assert_cmpint (t[s].latest, ==, 0);
    }

  /* Over-involvement: 5 5 4 4 | 3 2 2 1 over nine weeks, one of them
   * unrated; not delegating only in two of them. Listed out of order,
   * across a new year. */
  add_check_in (plan, "2027-W02", 1, 0);
  add_check_in (plan, "2026-W50", 5, 0);
  add_check_in (plan, "2026-W52", 4, 4);
  add_check_in (plan, "2026-W51", 5, 0);
  add_check_in (plan, "2026-W53", 4, 0);
  add_check_in (plan, "2026-W49", 5, 0);   /* the fifth before: outside both windows */
  add_check_in (plan, "2027-W01", 2, 2);
  /* Not a week (2026 has 53): the check-in refuses it and has no week,
   * which the signs skip. */
  g_test_expect_message ("bt-check-in", G_LOG_LEVEL_CRITICAL, "*bt_iso_week_parse*");
  add_check_in (plan, "2026-W54", 4, 4);
  g_test_assert_expected_messages ();
  add_check_in (plan, "2027-W03", 0, 0);   /* rates nothing */
  add_check_in (plan, "2027-W04", 2, 0);
  add_check_in (plan, "2027-W05", 3, 0);

  bt_analytics_warning_signs (plan, t);

  g_assert_cmpuint (t[0].n_rated, ==, 9);
  g_assert_cmpint (t[0].latest, ==, 3);
  g_assert_cmpstr (t[0].latest_week, ==, "2027-W05");
  g_assert_cmpuint (t[0].n_recent, ==, 4);
  g_assert_cmpfloat_with_epsilon (t[0].recent, (3 + 2 + 1 + 2) / 4.0, 1e-9);
  g_assert_cmpuint (t[0].n_before, ==, 4);
  g_assert_cmpfloat_with_epsilon (t[0].before, (4 + 4 + 5 + 5) / 4.0, 1e-9);

  g_assert_cmpuint (t[2].n_rated, ==, 2);
  g_assert_cmpint (t[2].latest, ==, 2);
  g_assert_cmpstr (t[2].latest_week, ==, "2027-W01");
  g_assert_cmpfloat_with_epsilon (t[2].recent, 3.0, 1e-9);
  g_assert_cmpuint (t[2].n_before, ==, 0);
  g_assert_true (isnan (t[2].before));

  g_assert_cmpuint (t[1].n_rated, ==, 0);
  g_assert_cmpuint (t[3].n_rated, ==, 0);
}

/* When the hours stopped weeks ago, the share of the last four weeks is
 * of weeks long gone: which, and since when nothing was recorded, is said
 * (issue 21 §2). */
static void
test_weeks_covered (Fixture       *f,
                    gconstpointer  data)
{
  /* Friday 20 Nov 2026 is in week 47; last week, 46, began on 9 Nov */
  GDate today = day (2026, 11, 20);
  g_autoptr(GArray) shares = NULL;
  g_autofree char *span = NULL, *notice = NULL;
  BtWeeksCovered covered;

  add_week (f, 2026, 44, 30, 10);
  add_week (f, 2026, 45, 20, 20);
  shares = bt_analytics_week_shares (f->plan);
  covered = bt_analytics_weeks_covered (bt_analytics_latest_share (shares, &today), &today);
  g_assert_true (covered.stale);
  g_assert_cmpint (covered.last_year, ==, 2026);
  g_assert_cmpint (covered.last_week, ==, 45);
  g_assert_cmpint (covered.first_week, ==, 42);
  span = bt_weeks_covered_span (&covered);
  g_assert_cmpstr (span, ==, "weeks 42 to 45");
  notice = bt_weeks_covered_notice (&covered);
  g_assert_cmpstr (notice, ==, "No hours recorded since week 45, the week of 2 Nov 2026");
  g_clear_pointer (&notice, g_free);

  /* The Sunday ending week 47 still has week 46 as the last week */
  today = day (2026, 11, 22);
  add_week (f, 2026, 46, 20, 20);
  g_clear_pointer (&shares, g_array_unref);
  shares = bt_analytics_week_shares (f->plan);
  covered = bt_analytics_weeks_covered (bt_analytics_latest_share (shares, &today), &today);
  g_assert_false (covered.stale);
  g_assert_null (bt_weeks_covered_notice (&covered));
  /* On Monday of week 48, week 46 is two weeks back */
  today = day (2026, 11, 23);
  covered = bt_analytics_weeks_covered (bt_analytics_latest_share (shares, &today), &today);
  g_assert_true (covered.stale);
  g_assert_cmpint (covered.last_week, ==, 46);

  /* No hours: nothing is stale, the window says there are none */
  covered = bt_analytics_weeks_covered (NULL, &today);
  g_assert_false (covered.stale);
}

/* Figures round a half away from zero, as a person reads them, not to the
 * even digit as printf does (issue 21 §4). */
static void
test_rounding (void)
{
  BtSignTrend sign = { 6, 4, "2026-W47", 4, (3 + 3 + 3 + 4) / 4.0, 2, (2 + 3) / 2.0 };
  g_autofree char *described = NULL;
  char *text;

  g_assert_cmpfloat (bt_number_round (3.25, 1), ==, 3.3);
  g_assert_cmpfloat (bt_number_round (2.75, 1), ==, 2.8);
  g_assert_cmpfloat (bt_number_round (-3.25, 1), ==, -3.3);
  /* 0.15 and 1.005 are a hair under the half in binary */
  g_assert_cmpfloat (bt_number_round (0.15, 1), ==, 0.2);
  g_assert_cmpfloat (bt_number_round (1.005, 2), ==, 1.01);
  g_assert_cmpfloat (bt_number_round (3.24, 1), ==, 3.2);
  g_assert_cmpfloat (bt_number_round (2.5, 0), ==, 3.0);
  g_assert_true (isnan (bt_number_round (NAN, 1)));

  text = g_strdup_printf ("%.1f %.1f %.1f %+.1f %+.1f %+.1f", bt_number_round (3.25, 1), bt_number_round (2.75, 1),
                          bt_number_round (12.0, 1), bt_number_round (-1.25, 1), bt_number_round (0.45, 1),
                          bt_number_round (-0.04, 1));
  /* and what rounds to zero has no minus */
  g_assert_cmpstr (text, ==, "3.3 2.8 12.0 -1.3 +0.5 +0.0");
  g_free (text);

  /* 29 of 200 hours is 14.5 %: 15 %; 1 of 8 is 12.5 %: 13 % */
  g_assert_cmpint (bt_number_percent (29.0 / 200.0), ==, 15);
  g_assert_cmpint (bt_number_percent (1.0 / 8.0), ==, 13);
  g_assert_cmpint (bt_number_percent (0.124), ==, 12);

  /* a warning sign rated 3, 3, 3 and 4: a mean of 3.25, read 3.3; 2.5 before */
  described = bt_sign_trend_describe (&sign);
  g_assert_nonnull (strstr (described, " 3.3 over the last four check-ins, 2.5 before"));
}

/* The overview's and the report's next milestones come by date, whatever
 * order they were added in (a user's first week: 15 Feb, 30 Sep, 15 Jun,
 * then 20 Jan last); done, dropped and past slipped ones are not listed,
 * an overdue one is, first. */
static void
test_next_milestones (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  static const struct { int y, m, d; BtMilestoneStatus status; const char *title; } ms[] = {
    { 2027, 2, 15, BT_MILESTONE_PLANNED, "Feb" },
    { 2027, 9, 30, BT_MILESTONE_PLANNED, "Sep" },
    { 2027, 6, 15, BT_MILESTONE_IN_PROGRESS, "Jun" },
    { 2026, 11, 1, BT_MILESTONE_PLANNED, "Overdue" },
    { 2026, 10, 1, BT_MILESTONE_SLIPPED, "Past slipped" },
    { 2027, 1, 10, BT_MILESTONE_DONE, "Done" },
    { 2027, 1, 20, BT_MILESTONE_PLANNED, "Jan" },
  };
  const char *expected[] = { "Overdue", "Jan", "Feb", "Jun", "Sep" };
  GDate today = day (2026, 12, 6);
  g_autoptr(GPtrArray) next = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (ms); i++)
    {
      g_autoptr(BtMilestone) m = bt_milestone_new ();
      GDate d = day (ms[i].y, ms[i].m, ms[i].d);

      bt_milestone_set_title (m, ms[i].title);
      bt_milestone_set_date (m, &d);
      bt_milestone_set_status (m, ms[i].status);
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));
    }

  next = bt_analytics_next_milestones (plan, &today);
  g_assert_cmpuint (next->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < next->len; i++)
    g_assert_cmpstr (bt_milestone_get_title (g_ptr_array_index (next, i)), ==, expected[i]);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("/analytics/week-shares", test_week_shares);
  ADD ("/analytics/week-shares-follow-changes", test_week_shares_follow_changes);
  ADD ("/analytics/week-shares-patched", test_week_shares_patched);
  ADD ("/analytics/empty-week-has-no-share", test_empty_week_has_no_share);
  ADD ("/analytics/trend", test_trend);
  ADD ("/analytics/trend-ignores-the-future", test_trend_ignores_the_future);
  ADD ("/analytics/trend-weighs-weeks-by-hours", test_trend_weighs_weeks_by_hours);
  ADD ("/analytics/trajectory", test_trajectory);
  ADD ("/analytics/trajectory-partial-start", test_trajectory_partial_start);
  ADD ("/analytics/weeks-covered", test_weeks_covered);
  ADD ("/analytics/weeks-below", test_weeks_below);
  ADD ("/analytics/weeks-below-skips-partial-weeks", test_weeks_below_partial);
  ADD ("/analytics/weak-functions", test_weak_functions);
  ADD ("/analytics/new-battlefield", test_new_battlefield);
  g_test_add_func ("/analytics/projection", test_projection);
  ADD ("/analytics/trend-needs-enough-weeks", test_trend_needs_enough_weeks);
  g_test_add_func ("/analytics/milestones", test_milestones);
  g_test_add_func ("/analytics/relationship-state", test_relationship_state);
  g_test_add_func ("/analytics/planned-touchpoint", test_planned_touchpoint);
  g_test_add_func ("/analytics/new-person-is-not-overdue", test_new_person_is_not_overdue);
  g_test_add_func ("/analytics/counts", test_counts);
  g_test_add_func ("/analytics/counts-many", test_counts_many);
  g_test_add_func ("/analytics/case-totals", test_case_totals);
  g_test_add_func ("/analytics/warning-signs", test_warning_signs);
  g_test_add_func ("/analytics/rounding", test_rounding);
  g_test_add_func ("/analytics/next-milestones", test_next_milestones);

  return g_test_run ();
}
