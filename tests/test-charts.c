/* test-charts.c — the charts and the report, checked by their pixels
 *
 * No display needed: every chart draws into an image surface.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <math.h>
#include <string.h>

#include <cairo-pdf.h>
#include <glib/gstdio.h>

#include "bt-chart.h"
#include "bt-clock.h"
#include "bt-date.h"
#include "bt-export-async.h"
#include "bt-narratives-chart.h"
#include "bt-plan-file.h"
#include "bt-relationship-map.h"
#include "bt-report.h"
#include "bt-report-private.h"
#include "bt-time-chart.h"
#include "bt-timeline-chart-private.h"

typedef struct
{
  cairo_surface_t *surface;
  cairo_t         *cr;
  int              width;   /* in device pixels */
  int              height;
  double           scale;
} Canvas;

static Canvas
canvas_new (double width,
            double height,
            double scale)
{
  Canvas c;

  c.width = (int) ceil (width * scale);
  c.height = (int) ceil (height * scale);
  c.scale = scale;
  c.surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, c.width, c.height);
  cairo_surface_set_device_scale (c.surface, scale, scale);
  c.cr = cairo_create (c.surface);

  return c;
}

static void
canvas_free (Canvas *c)
{
  cairo_destroy (c->cr);
  cairo_surface_destroy (c->surface);
}

/* The colour at user-space (x, y), as 0–255 channels. */
static void
pixel (Canvas *c,
       double  x,
       double  y,
       int    *r,
       int    *g,
       int    *b)
{
  int px = (int) floor (x * c->scale), py = (int) floor (y * c->scale);
  guint32 *row;
  guint32 v;

  cairo_surface_flush (c->surface);
  g_assert_cmpint (px, >=, 0);
  g_assert_cmpint (py, >=, 0);
  g_assert_cmpint (px, <, c->width);
  g_assert_cmpint (py, <, c->height);

  row = (guint32 *) (cairo_image_surface_get_data (c->surface) + py * cairo_image_surface_get_stride (c->surface));
  v = row[px];
  *r = (v >> 16) & 0xff;
  *g = (v >> 8) & 0xff;
  *b = v & 0xff;
}

static gboolean
is_color (Canvas        *c,
          double         x,
          double         y,
          const BtColor *color)
{
  int r, g, b;

  pixel (c, x, y, &r, &g, &b);

  return abs (r - (int) round (color->r * 255)) <= 2 &&
         abs (g - (int) round (color->g * 255)) <= 2 &&
         abs (b - (int) round (color->b * 255)) <= 2;
}

static GDate
day (const char *iso)
{
  GDate d;

  g_assert_true (bt_date_parse (iso, &d));

  return d;
}

static BtPlan *
plan_with_categories (BtCategory **tactical,
                      BtCategory **strategic)
{
  BtPlan *plan = bt_plan_new ();
  g_autoptr(BtCategory) t = bt_category_new ();
  g_autoptr(BtCategory) s = bt_category_new ();

  bt_category_set_name (t, "Incidents");
  bt_category_set_kind (t, BT_CATEGORY_TACTICAL);
  bt_category_set_name (s, "Strategy");
  bt_category_set_kind (s, BT_CATEGORY_STRATEGIC);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_categories (plan), BT_ITEM (t));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_categories (plan), BT_ITEM (s));
  *tactical = g_object_ref (t);
  *strategic = g_object_ref (s);

  return plan;
}

/* With two weeks recorded the axis starts weeks before the first: the
 * trajectory, which starts at the first week's share, is drawn from that
 * week on, not from the axis's start. */
static void
test_time_chart_trajectory_starts_at_first_week (void)
{
  g_autoptr(BtCategory) t = NULL;
  g_autoptr(BtCategory) s = NULL;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-10-16");
  GDate target = day ("2027-06-28");
  GDate first;
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  double first_x;
  guint before = 0, after = 0;

  bt_profile_set_target_date (bt_plan_get_profile (plan), &target);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (t)), 30);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (s)), 10);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 41), bt_item_get_id (BT_ITEM (t)), 30);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 41), bt_item_get_id (BT_ITEM (s)), 12);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_true (layout.trajectory.valid);
  bt_iso_week_monday (2026, 40, &first);
  first_x = bt_time_scale_x (&layout.scale, &first);
  g_assert_cmpfloat (first_x, >, layout.plot.x + 40);   /* the axis starts well before */

  cairo_set_source_rgb (c.cr, 1, 1, 1);
  cairo_paint (c.cr);
  bt_chart_draw (BT_CHART_TIME, plan, &today, &style, c.cr, 800, 400);
  for (double x = layout.plot.x + 2; x < layout.plot.x + layout.plot.width - 2; x++)
    for (double y = layout.plot.y; y < layout.plot.y + layout.plot.height; y++)
      if (is_color (&c, x, y, &style.trajectory))
        {
          if (x < first_x - 3)
            before++;
          else
            after++;
        }
  g_assert_cmpuint (before, ==, 0);
  g_assert_cmpuint (after, >, 20);
  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);
}

/* The legend's "Below trajectory" is the key of the marks under the
 * bars: drawn where a week is marked, not where none is. */
static guint
warning_in_legend (BtPlan      *plan,
                   const GDate *today)
{
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  guint n = 0;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_true (bt_time_chart_layout (plan, today, &style, c.cr, 800, 400, &layout));
  cairo_set_source_rgb (c.cr, 1, 1, 1);
  cairo_paint (c.cr);
  bt_chart_draw (BT_CHART_TIME, plan, today, &style, c.cr, 800, 400);
  for (double y = 0; y < layout.legend_bottom; y++)
    for (double x = 0; x < 800; x++)
      n += is_color (&c, x, y, &style.warning);
  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);

  return n;
}

static void
test_time_chart_below_key_only_with_marks (void)
{
  g_autoptr(BtCategory) t = NULL;
  g_autoptr(BtCategory) s = NULL;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-10-16");
  GDate target = day ("2027-06-28");

  bt_profile_set_target_date (bt_plan_get_profile (plan), &target);
  bt_profile_set_target_share (bt_plan_get_profile (plan), 0.8);
  /* Rising above the trajectory: nothing marked. */
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (t)), 20);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (s)), 20);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 41), bt_item_get_id (BT_ITEM (s)), 40);
  g_assert_cmpuint (warning_in_legend (plan, &today), ==, 0);

  /* A week of firefighting: marked, and the key says what the mark is. */
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 42), bt_item_get_id (BT_ITEM (t)), 40);
  g_assert_cmpuint (warning_in_legend (plan, &today), >, 5);
}

/* The weeks in a row below the trajectory pass over a partial week, by the
 * budget the style brings: W41 (0 %) is below, W42's 5 h at 100 % are a
 * partial week of a 50-hour budget. */
static void
test_time_chart_weeks_below_budget (void)
{
  g_autoptr(BtCategory) t = NULL;
  g_autoptr(BtCategory) s = NULL;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  BtProfile *profile = bt_plan_get_profile (plan);
  GDate today = day ("2026-10-16");
  GDate target = day ("2027-06-28");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.8);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (t)), 10);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (s)), 30);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 41), bt_item_get_id (BT_ITEM (t)), 40);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 42), bt_item_get_id (BT_ITEM (s)), 5);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_cmpfloat (style.weekly_budget, ==, 0.0);

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpuint (layout.weeks_below, ==, 0);
  bt_time_chart_layout_clear (&layout);

  style.weekly_budget = 50.0;
  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpuint (layout.weeks_below, ==, 1);
  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);
}

/* A partial week below the trajectory is not marked, as it is not
 * counted: 4 h of meetings in W42 do not say the week slid back; a week
 * of 40 h at 0 % does. Without a budget no week is partial. */
static void
test_time_chart_marks_skip_partial_weeks (void)
{
  g_autoptr(BtCategory) t = NULL;
  g_autoptr(BtCategory) s = NULL;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  BtProfile *profile = bt_plan_get_profile (plan);
  GDate today = day ("2026-10-23");
  GDate target = day ("2027-06-28");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  GDate monday41 = day ("2026-10-05"), monday42 = day ("2026-10-12");

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.8);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (t)), 10);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 40), bt_item_get_id (BT_ITEM (s)), 30);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 41), bt_item_get_id (BT_ITEM (t)), 40);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 42), bt_item_get_id (BT_ITEM (t)), 4);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  for (int budget = 0; budget <= 50; budget += 50)
    {
      gboolean below41 = FALSE, below42 = FALSE, seen41 = FALSE, seen42 = FALSE;

      style.weekly_budget = budget;
      g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
      g_assert_false (layout.by_month);
      for (guint i = 0; i < layout.bars->len; i++)
        {
          BtTimeBar *bar = &g_array_index (layout.bars, BtTimeBar, i);

          if (bar->first_day == g_date_get_julian (&monday41))
            seen41 = TRUE, below41 = bar->below;
          if (bar->first_day == g_date_get_julian (&monday42))
            seen42 = TRUE, below42 = bar->below;
        }
      g_assert_true (seen41 && seen42);
      g_assert_true (below41);
      g_assert_true (below42 == (budget == 0));
      bt_time_chart_layout_clear (&layout);
    }
  canvas_free (&c);
}

/* Hours that stopped weeks ago: the Time chart says since which week, in
 * a line of its own above the plot (issue 21 §2). Friday 23 Oct 2026 is in
 * week 43; week 41 is before last week. */
static void
test_time_chart_says_hours_stopped (void)
{
  g_autoptr(BtCategory) t = NULL;
  g_autoptr(BtCategory) s = NULL;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-10-23"), earlier = day ("2026-10-16");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout stale, fresh;

  for (int w = 40; w <= 41; w++)
    bt_week_set_hours (bt_plan_ensure_week (plan, 2026, w), bt_item_get_id (BT_ITEM (t)), 30);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &stale));
  g_assert_cmpstr (stale.stale_text, ==, "No hours recorded since week 41, the week of 5 Oct 2026");
  g_assert_cmpfloat (stale.stale_y, >, stale.trend_y);
  g_assert_cmpfloat (stale.plot.y, >, stale.stale_y);

  /* a week earlier, week 41 is last week: nothing to say, and the plot
   * starts a line higher */
  g_assert_true (bt_time_chart_layout (plan, &earlier, &style, c.cr, 800, 400, &fresh));
  g_assert_null (fresh.stale_text);
  g_assert_cmpfloat (fresh.plot.y, <, stale.plot.y);

  bt_time_chart_layout_clear (&stale);
  bt_time_chart_layout_clear (&fresh);
  canvas_free (&c);
}

/* The Time chart says the trend only from four whole weeks; before, it
 * says how many there are (a partial week does not count). */
static void
test_time_chart_trend_needs_enough_weeks (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-10-23");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;

  for (int w = 40; w <= 42; w++)
    {
      bt_week_set_hours (bt_plan_ensure_week (plan, 2026, w), bt_item_get_id (BT_ITEM (t)), 30);
      bt_week_set_hours (bt_plan_ensure_week (plan, 2026, w), bt_item_get_id (BT_ITEM (s)), w - 30);
    }
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 43), bt_item_get_id (BT_ITEM (s)), 5);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  style.weekly_budget = 50.0;

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpstr (layout.trend_text, ==, "Not enough whole weeks yet for a trend: 3 of the 4 needed");
  g_assert_cmpfloat (layout.plot.y, >, layout.trend_y);
  bt_time_chart_layout_clear (&layout);

  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 43), bt_item_get_id (BT_ITEM (t)), 30);
  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_true (g_str_has_prefix (layout.trend_text, "Trend: "));
  bt_time_chart_layout_clear (&layout);
  bt_time_chart_draw (plan, &today, &style, c.cr, 800, 400);
  g_object_unref (t);
  g_object_unref (s);
  canvas_free (&c);
}

/* A share falling 10 points a week over four whole weeks of 40 h (40 %,
 * 30 %, 20 %, 10 %): −10 ÷ 7 × 30.436875 = −43.48 points a month, shown
 * with a minus sign, not a hyphen. */
static void
test_time_chart_trend_minus_sign (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-10-23");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;

  for (int w = 40; w <= 43; w++)
    {
      bt_week_set_hours (bt_plan_ensure_week (plan, 2026, w), bt_item_get_id (BT_ITEM (t)), 24 + 4 * (w - 40));
      bt_week_set_hours (bt_plan_ensure_week (plan, 2026, w), bt_item_get_id (BT_ITEM (s)), 16 - 4 * (w - 40));
    }
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  style.weekly_budget = 40.0;

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpstr (layout.trend_text, ==, "Trend: \u221243.5 points a month over the last 4 weeks with hours");
  bt_time_chart_layout_clear (&layout);
  g_object_unref (t);
  g_object_unref (s);
  canvas_free (&c);
}

/* The walkthrough's import: W49 checked in by hand, 28 h tactical and 12 h
 * strategic (30 %), then a calendar adds W48's one half-hour 1:1, 100 %
 * strategic. Of a 40 h budget W48 is partial: the trajectory starts at
 * W49's 30 %, not W48's 100 %, and W49 is not below it. */
static void
test_time_chart_trajectory_skips_partial_start (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  BtProfile *profile = bt_plan_get_profile (plan);
  GDate today = day ("2026-12-04");
  GDate target = day ("2027-11-29");
  GDate start = day ("2026-11-30");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;

  bt_profile_set_target_date (profile, &target);
  bt_profile_set_target_share (profile, 0.5);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 48), bt_item_get_id (BT_ITEM (s)), 0.5);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 49), bt_item_get_id (BT_ITEM (t)), 28);
  bt_week_set_hours (bt_plan_ensure_week (plan, 2026, 49), bt_item_get_id (BT_ITEM (s)), 12);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  style.weekly_budget = 40.0;

  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_true (layout.trajectory.valid);
  g_assert_cmpint (g_date_compare (&layout.trajectory.start, &start), ==, 0);
  g_assert_cmpfloat_with_epsilon (layout.trajectory.start_share, 0.30, 1e-9);
  g_assert_cmpuint (layout.weeks_below, ==, 0);
  for (guint i = 0; i < layout.bars->len; i++)
    g_assert_false (g_array_index (layout.bars, BtTimeBar, i).below);
  bt_time_chart_layout_clear (&layout);
  g_object_unref (t);
  g_object_unref (s);
  canvas_free (&c);
}

static void
test_time_chart_tactical_week (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  BtWeek *week = bt_plan_ensure_week (plan, 2026, 47);
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  const BtTimeBar *bar;
  double x, top, base, y;

  bt_week_set_hours (week, bt_item_get_id (BT_ITEM (t)), 40);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  bt_time_chart_draw (plan, &today, &style, c.cr, 800, 400);
  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpuint (layout.bars->len, ==, 1);
  g_assert_false (layout.by_month);
  bar = &g_array_index (layout.bars, BtTimeBar, 0);
  g_assert_cmpfloat (bar->tactical, ==, 40);
  g_assert_cmpfloat (bar->strategic, ==, 0);

  x = bar->x + bar->width / 4;
  top = bt_time_chart_y_for_hours (&layout, 40);
  base = bt_time_chart_y_for_hours (&layout, 0);

  /* 40 hours on an axis of max_hours: the bar's top is where 40 is. */
  g_assert_cmpfloat (layout.max_hours, >=, 40);
  g_assert_cmpfloat_with_epsilon (base - top, layout.plot.height * 40 / layout.max_hours, 1e-9);

  g_assert_true (is_color (&c, x, top + 2, &style.tactical));
  g_assert_true (is_color (&c, x, (top + base) / 2, &style.tactical));
  g_assert_true (is_color (&c, x, base - 2, &style.tactical));
  g_assert_false (is_color (&c, x, top - 3, &style.tactical));

  /* No strategic colour anywhere in the bar's column. */
  for (y = layout.plot.y; y < base; y += 1)
    g_assert_false (is_color (&c, x, y, &style.strategic));

  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);
  g_object_unref (t);
  g_object_unref (s);
}

/* One recorded week is one week's bar, at the end of an axis of several
 * weeks, not a bar across the whole chart; its share shows as a dot. */
static void
test_time_chart_single_week (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  BtWeek *week = bt_plan_ensure_week (plan, 2026, 47);
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  const BtTimeBar *bar;
  double mid_y;

  bt_week_set_hours (week, bt_item_get_id (BT_ITEM (t)), 30);
  bt_week_set_hours (week, bt_item_get_id (BT_ITEM (s)), 10);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  bt_time_chart_draw (plan, &today, &style, c.cr, 800, 400);
  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_cmpuint (layout.bars->len, ==, 1);
  bar = &g_array_index (layout.bars, BtTimeBar, 0);

  /* As wide as a week among several, and the last of them. */
  g_assert_cmpfloat (bar->width, <, layout.plot.width / 6);
  g_assert_cmpfloat (bar->width, >, 8);
  g_assert_cmpfloat (bar->x + bar->width, >, layout.plot.x + layout.plot.width * 0.9);
  g_assert_cmpfloat (bar->x + bar->width, <=, layout.plot.x + layout.plot.width);
  /* The hours axis fits the week's 40 hours without dwarfing them. */
  g_assert_cmpfloat (layout.max_hours, >=, 40);
  g_assert_cmpfloat (layout.max_hours, <=, 60);

  /* In pixels: the bar where it is, nothing of it on the left of the plot. */
  mid_y = bt_time_chart_y_for_hours (&layout, 15);
  g_assert_true (is_color (&c, bar->x + 2, mid_y, &style.tactical));
  for (double x = layout.plot.x + 2; x < layout.plot.x + layout.plot.width * 0.75; x += 3)
    {
      g_assert_false (is_color (&c, x, mid_y, &style.tactical));
      g_assert_false (is_color (&c, x, bt_time_chart_y_for_hours (&layout, 35), &style.strategic));
    }

  /* The share of the week, 25 %, as a dot in the bar's middle. */
  g_assert_true (is_color (&c, bar->x + bar->width / 2, bt_time_chart_y_for_share (&layout, bar->line_share),
                           &style.share));

  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);
  g_object_unref (t);
  g_object_unref (s);
}

static void
test_time_chart_stacks_strategic_on_top (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (900, 500, 1);
  BtChartStyle style;
  BtTimeChartLayout layout;
  const BtTimeBar *bar;
  double x;

  for (int w = 40; w <= 47; w++)
    {
      BtWeek *week = bt_plan_ensure_week (plan, 2026, w);
      bt_week_set_hours (week, bt_item_get_id (BT_ITEM (t)), 30);
      bt_week_set_hours (week, bt_item_get_id (BT_ITEM (s)), 10);
    }

  bt_chart_style_init (&style, BT_CHART_THEME_DARK);
  bt_time_chart_draw (plan, &today, &style, c.cr, 900, 500);
  g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 900, 500, &layout));
  bar = &g_array_index (layout.bars, BtTimeBar, 3);
  x = bar->x + 2;

  /* 0–30 h tactical, 30–40 h strategic. */
  g_assert_true (is_color (&c, x, bt_time_chart_y_for_hours (&layout, 15), &style.tactical));
  g_assert_true (is_color (&c, x, bt_time_chart_y_for_hours (&layout, 35), &style.strategic));
  g_assert_false (is_color (&c, x, bt_time_chart_y_for_hours (&layout, 41), &style.strategic));
  g_assert_true (is_color (&c, 0.5, 0.5, &style.background));

  bt_time_chart_layout_clear (&layout);
  canvas_free (&c);
  g_object_unref (t);
  g_object_unref (s);
}

static void
test_time_chart_months_when_weeks_are_too_narrow (void)
{
  BtCategory *t, *s;
  g_autoptr(BtPlan) plan = plan_with_categories (&t, &s);
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  BtTimeChartLayout layout;
  GDate monday;
  double total = 0, expected_total = 0;

  /* Ten years of weeks. */
  bt_iso_week_monday (2016, 48, &monday);
  for (guint i = 0; i < 520; i++)
    {
      int y, w;
      BtWeek *week;

      bt_iso_week_of_date (&monday, &y, &w);
      week = bt_plan_ensure_week (plan, y, w);
      bt_week_set_hours (week, bt_item_get_id (BT_ITEM (t)), 20 + i % 7);
      bt_week_set_hours (week, bt_item_get_id (BT_ITEM (s)), 10);
      expected_total += 20 + i % 7 + 10;
      g_date_add_days (&monday, 7);
    }

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  {
    Canvas c = canvas_new (800, 400, 1);

    g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
    g_assert_true (layout.by_month);
    /* Ten years of months, give or take the ends. */
    g_assert_cmpuint (layout.bars->len, >=, 119);
    g_assert_cmpuint (layout.bars->len, <=, 121);
    for (guint i = 0; i < layout.bars->len; i++)
      {
        const BtTimeBar *bar = &g_array_index (layout.bars, BtTimeBar, i);
        total += (bar->tactical + bar->strategic) * bar->n_weeks;
        g_assert_cmpfloat (bar->width, >=, 2.0);
        /* A month's bar is its weeks' average, on the axis of hours a
         * week: it stays inside the plot. */
        g_assert_cmpuint (bar->n_weeks, >=, 1);
        g_assert_cmpuint (bar->n_weeks, <=, 5);
        g_assert_cmpfloat (bar->tactical + bar->strategic, <=, layout.max_hours);
        g_assert_cmpfloat (bar->tactical + bar->strategic, >=, 30);
        g_assert_cmpfloat (bar->tactical + bar->strategic, <=, 36);
      }
    /* Aggregating loses no hour. */
    g_assert_cmpfloat_with_epsilon (total, expected_total, 1e-6);
    bt_time_chart_layout_clear (&layout);
    canvas_free (&c);
  }

  /* Wide enough, the same plan shows weeks; at scale 2 a narrower canvas does. */
  {
    Canvas c = canvas_new (3840, 2160, 1);

    g_assert_true (bt_time_chart_layout (plan, &today, &style, c.cr, 3840, 2160, &layout));
    g_assert_false (layout.by_month);
    g_assert_cmpuint (layout.bars->len, ==, 520);
    bt_time_chart_layout_clear (&layout);
    canvas_free (&c);
  }
  {
    Canvas c1 = canvas_new (1100, 600, 1);
    Canvas c2 = canvas_new (1100, 600, 2);
    gboolean m1, m2;

    bt_time_chart_layout (plan, &today, &style, c1.cr, 1100, 600, &layout);
    m1 = layout.by_month;
    bt_time_chart_layout_clear (&layout);
    bt_time_chart_layout (plan, &today, &style, c2.cr, 1100, 600, &layout);
    m2 = layout.by_month;
    bt_time_chart_layout_clear (&layout);
    g_assert_true (m1);
    g_assert_false (m2);
    canvas_free (&c1);
    canvas_free (&c2);
  }

  g_object_unref (t);
  g_object_unref (s);
}

static void
test_timeline_today_line (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPhase) phase = bt_phase_new ();
  g_autoptr(BtMilestone) milestone = bt_milestone_new ();
  GDate start = day ("2026-01-01"), end = day ("2027-12-31"), date = day ("2027-03-01");
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (1000, 500, 1);
  BtChartStyle style;
  BtTimelineLayout layout;
  double expected;

  bt_phase_set_title (phase, "Start the shift");
  bt_phase_set_start (phase, &start);
  bt_phase_set_end (phase, &end);
  bt_milestone_set_title (milestone, "QBR");
  bt_milestone_set_date (milestone, &date);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_phases (plan), BT_ITEM (phase));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (milestone));

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_timeline_chart_draw (plan, &today, &style, c.cr, 1000, 500);
  g_assert_true (bt_timeline_chart_layout (plan, &today, &style, c.cr, 1000, 500, &layout));

  /* Today's x follows from the axis' first and last days. */
  expected = layout.scale.x0 + (layout.scale.x1 - layout.scale.x0) *
             ((double) g_date_get_julian (&today) - layout.scale.first) /
             ((double) layout.scale.last - layout.scale.first);
  g_assert_cmpfloat_with_epsilon (layout.today_x, expected, 1e-9);
  g_assert_cmpfloat (layout.today_x, >, layout.plot.x);
  g_assert_cmpfloat (layout.today_x, <, layout.plot.x + layout.plot.width);

  g_assert_true (is_color (&c, round (layout.today_x), layout.plot.y + layout.plot.height - 4, &style.today));
  g_assert_false (is_color (&c, round (layout.today_x) + 30, layout.plot.y + layout.plot.height - 4, &style.today));

  /* The milestone's diamond is in its status colour. */
  g_assert_cmpuint (layout.markers->len, ==, 1);
  g_assert_true (is_color (&c, g_array_index (layout.markers, BtTimelineMarker, 0).x, layout.spine_y,
                           &style.status[BT_MILESTONE_PLANNED]));
  g_assert_cmpfloat (g_array_index (layout.markers, BtTimelineMarker, 0).label.width, >, 0);

  bt_timeline_chart_layout_clear (&layout);
  canvas_free (&c);
}

static gboolean
rects_overlap (const BtRect *a,
               const BtRect *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

/* The axis's dates sit under their lines: one that would have to move
 * far in from the edge (the last, under the target's line) or onto its
 * neighbour goes without. */
static void
test_timeline_axis_dates_under_their_lines (void)
{
  BtRect plot = { 0, 0, 400, 200 };
  /* the first and last too near the edges; the third onto the second */
  double ticks[] = { 10, 100, 150, 250, 395 }, at[G_N_ELEMENTS (ticks)];

  bt_timeline_chart_axis_labels (&plot, 60, ticks, G_N_ELEMENTS (ticks), at);
  g_assert_true (isnan (at[0]));
  g_assert_cmpfloat (at[1], ==, 100);
  g_assert_true (isnan (at[2]));
  g_assert_cmpfloat (at[3], ==, 250);
  g_assert_true (isnan (at[4]));

  /* a little in from the edge is still under its line */
  ticks[0] = 25;
  bt_timeline_chart_axis_labels (&plot, 60, ticks, 1, at);
  g_assert_cmpfloat (at[0], ==, 30);
}

/* Ten years on a very wide image: more months than the axis keeps dates
 * for (it once wrote past its array, and the export crashed). */
static void
test_timeline_ten_years_very_wide (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtMilestone) first = bt_milestone_new ();
  g_autoptr(BtMilestone) last = bt_milestone_new ();
  GDate today = day ("2026-11-22"), from = day ("2018-01-15"), to = day ("2028-06-30");
  BtChartStyle style;
  Canvas c = canvas_new (12000, 300, 1);

  bt_milestone_set_title (first, "Ten years ago");
  bt_milestone_set_date (first, &from);
  bt_milestone_set_title (last, "Now");
  bt_milestone_set_date (last, &to);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (first));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (last));
  bt_profile_set_target_date (bt_plan_get_profile (plan), &to);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_chart_draw (BT_CHART_TIMELINE, plan, &today, &style, c.cr, 12000, 300);
  g_assert_cmpint (cairo_status (c.cr), ==, CAIRO_STATUS_SUCCESS);
  canvas_free (&c);
}

/* Crowded milestones: labels never overlap; they stagger, then shorten. */
/* Today's line runs past the milestones' labels, not through them: a
 * label that would straddle it moves to its marker's side of the line,
 * still over its marker (the sample, in the window and at 1000 px). */
static void
test_timeline_labels_clear_today (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  GDate today;
  BtChartStyle style;
  const double sizes[][2] = { { 1000, 400 }, { 1400, 500 }, { 2000, 800 } };

  g_assert_no_error (error);
  bt_today (&today);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      Canvas c = canvas_new (sizes[k][0], sizes[k][1], 1);
      BtTimelineLayout layout;
      guint near = 0;

      g_assert_true (bt_timeline_chart_layout (plan, &today, &style, c.cr, sizes[k][0], sizes[k][1], &layout));
      g_assert_false (isnan (layout.today_x));
      for (guint i = 0; i < layout.markers->len; i++)
        {
          const BtTimelineMarker *m = &g_array_index (layout.markers, BtTimelineMarker, i);
          double margin = 4 * layout.text_scale;

          if (m->label.width <= 0)
            continue;
          /* Over its marker, always. */
          g_assert_cmpfloat (m->label.x, <=, m->x + 2);
          g_assert_cmpfloat (m->label.x + m->label.width, >=, m->x - 2);
          /* A marker right on today's line cannot help it. */
          if (fabs (m->x - layout.today_x) < margin)
            continue;
          if (m->label.x < layout.today_x + margin && m->label.x + m->label.width > layout.today_x - margin)
            g_test_message ("%g px: \"%s\" runs across today", sizes[k][0],
                            bt_milestone_get_title (m->milestone));
          g_assert_false (m->label.x < layout.today_x && m->label.x + m->label.width > layout.today_x);
          near += fabs (m->x - layout.today_x) < m->label.width;
        }
      /* The sample has milestones near today: the test looks at some. */
      g_assert_cmpuint (near, >, 0);
      bt_timeline_chart_layout_clear (&layout);
      canvas_free (&c);
    }
}

static void
test_timeline_labels_never_overlap (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  BtTimelineLayout layout;
  Canvas c = canvas_new (700, 360, 1);
  guint labelled = 0;

  for (guint i = 0; i < 40; i++)
    {
      g_autoptr(BtMilestone) m = bt_milestone_new ();
      GDate date = day ("2026-06-01");
      g_autofree char *title = g_strdup_printf ("Milestone number %u with a rather long title", i);

      g_date_add_days (&date, i * 9);
      bt_milestone_set_title (m, title);
      bt_milestone_set_date (m, &date);
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));
    }

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_true (bt_timeline_chart_layout (plan, &today, &style, c.cr, 700, 360, &layout));

  for (guint i = 0; i < layout.markers->len; i++)
    {
      const BtTimelineMarker *a = &g_array_index (layout.markers, BtTimelineMarker, i);

      if (a->label.width <= 0)
        continue;
      labelled++;
      g_assert_cmpfloat (a->label.x, >=, 0);
      g_assert_cmpfloat (a->label.x + a->label.width, <=, 700);
      g_assert_cmpfloat (a->label.y, >=, 0);
      g_assert_cmpfloat (a->label.y + a->label.height, <=, 360);
      for (guint j = i + 1; j < layout.markers->len; j++)
        {
          const BtTimelineMarker *b = &g_array_index (layout.markers, BtTimelineMarker, j);
          if (b->label.width > 0)
            g_assert_false (rects_overlap (&a->label, &b->label));
        }
    }

  /* Some, but not all 40, fit at this size. */
  g_assert_cmpuint (labelled, >, 4);
  bt_timeline_chart_layout_clear (&layout);
  canvas_free (&c);
}

static void
test_relationship_map_colors (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtRelationship) never = bt_relationship_new ();
  g_autoptr(BtRelationship) fine = bt_relationship_new ();
  g_autoptr(BtRelationship) late = bt_relationship_new ();
  g_autoptr(BtTouchpoint) touch = bt_touchpoint_new ();
  g_autoptr(BtTouchpoint) long_ago = bt_touchpoint_new ();
  GDate today = day ("2026-11-22"), yesterday = day ("2026-11-21"), in_august = day ("2026-08-01");
  Canvas c = canvas_new (800, 600, 1);
  BtChartStyle style;
  BtRelationshipMapLayout layout;

  bt_relationship_set_name (never, "Grace");
  bt_relationship_set_function (never, BT_FUNCTION_MARKETING);
  bt_relationship_set_strength (never, 1);
  bt_relationship_set_name (fine, "Ben");
  bt_relationship_set_function (fine, BT_FUNCTION_PRODUCT);
  bt_relationship_set_strength (fine, 5);
  bt_touchpoint_set_date (touch, &yesterday);
  bt_item_append_child (BT_ITEM (fine), bt_relationship_get_touchpoints (fine), BT_ITEM (touch));
  /* Last seen in August with a 30-day cadence: overdue. */
  bt_relationship_set_name (late, "Ada");
  bt_relationship_set_function (late, BT_FUNCTION_SALES);
  bt_relationship_set_strength (late, 3);
  bt_relationship_set_cadence_days (late, 30);
  bt_touchpoint_set_date (long_ago, &in_august);
  bt_item_append_child (BT_ITEM (late), bt_relationship_get_touchpoints (late), BT_ITEM (long_ago));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (never));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (fine));
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (late));

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_relationship_map_draw (plan, &today, &style, c.cr, 800, 600);
  g_assert_true (bt_relationship_map_layout (plan, &today, &style, c.cr, 800, 600, &layout));

  for (guint i = 0; i < layout.dots->len; i++)
    {
      const BtMapDot *dot = &g_array_index (layout.dots, BtMapDot, i);
      /* Someone never in touch yet (just added) is neither overdue nor
       * in touch: drawn neutral. */
      const BtColor *expected = dot->relationship == late ? &style.overdue :
                                dot->relationship == never ? &style.muted : &style.fine;

      g_assert_true (is_color (&c, dot->x, dot->y, expected));
      g_assert_cmpint (bt_relationship_map_dot_at (&layout, dot->x + 1, dot->y), ==, (int) i);
    }

  /* Stronger is closer to the centre. */
  {
    const BtMapDot *a = &g_array_index (layout.dots, BtMapDot, 0);
    const BtMapDot *b = &g_array_index (layout.dots, BtMapDot, 1);

    g_assert_cmpfloat (hypot (a->x - layout.cx, a->y - layout.cy), >, hypot (b->x - layout.cx, b->y - layout.cy));
  }

  /* Every function has a sector; "other" only with someone in it. */
  g_assert_cmpuint (layout.n_sectors, ==, BT_N_FUNCTIONS - 1);
  g_assert_true (layout.weak_functions & (1u << BT_FUNCTION_MARKETING));
  g_assert_false (layout.weak_functions & (1u << BT_FUNCTION_PRODUCT));

  bt_relationship_map_layout_clear (&layout);
  canvas_free (&c);
}

/* Every function, design among them, with someone in it, first without
 * "other" then with it: each sector's name is whole on a phone-wide map
 * (on two lines if need be) and on a wide one. */
static void
assert_sector_names_fit (BtPlan *plan,
                         guint   n_sectors)
{
  GDate today = day ("2026-11-22");
  const double sizes[][2] = { { 360, 480 }, { 360, 360 }, { 1920, 1080 } };
  BtChartStyle style;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
    {
      Canvas c = canvas_new (sizes[i][0], sizes[i][1], 1);
      BtRelationshipMapLayout layout;
      gboolean design = FALSE;

      g_assert_true (bt_relationship_map_layout (plan, &today, &style, c.cr, sizes[i][0], sizes[i][1], &layout));
      g_assert_cmpuint (layout.n_sectors, ==, n_sectors);
      g_assert_cmpuint (layout.cut_sectors, ==, 0);
      for (guint s = 0; s < layout.n_sectors; s++)
        design = design || layout.sector_function[s] == BT_FUNCTION_DESIGN;
      g_assert_true (design);
      bt_relationship_map_layout_clear (&layout);
      canvas_free (&c);
    }
}

/* On a phone-wide map, the name below the circle has the room between its
 * neighbours, which run away from it: "Finance · 2" stays on one line,
 * the count with its name. */
static void
test_relationship_map_bottom_name_one_line (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  Canvas c = canvas_new (340, 330, 1);
  BtRelationshipMapLayout layout;
  gboolean bottom_seen = FALSE;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_true (bt_relationship_map_layout (plan, &today, &style, c.cr, 340, 330, &layout));
  for (guint s = 0; s < layout.n_sectors; s++)
    {
      double mid = -G_PI / 2 + 2 * G_PI * (s + 0.5) / layout.n_sectors;

      /* Straight above or below the circle, with someone in it. */
      if (fabs (cos (mid)) >= 0.2 || layout.sector_count[s] == 0)
        continue;
      g_test_message ("sector %u, centred: %s", s, (layout.two_line_sectors >> s) & 1 ? "two lines" : "one line");
      g_assert_false ((layout.two_line_sectors >> s) & 1);
      bottom_seen = TRUE;
    }
  g_assert_true (bottom_seen);
  bt_relationship_map_layout_clear (&layout);
  canvas_free (&c);
}

static void
test_relationship_map_sector_names_fit (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();

  for (int f = 0; f < BT_N_FUNCTIONS; f++)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();

      if (f == BT_FUNCTION_OTHER)
        assert_sector_names_fit (plan, BT_N_FUNCTIONS - 1);
      bt_relationship_set_name (r, "Someone");
      bt_relationship_set_function (r, f);
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
    }
  assert_sector_names_fit (plan, BT_N_FUNCTIONS);
}

/* "You" at the centre stays inside its dot, at a phone's size and a
 * desktop's, with the usual text size and a large one, and the dot does
 * not cover the people closest to the centre. */
static void
test_relationship_map_you_fits (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  GDate today = day ("2026-12-01");
  const double sizes[][2] = { { 360, 360 }, { 360, 720 }, { 1000, 380 }, { 1920, 1080 } };
  const double fonts[] = { 1.0, 1.5, 2.0 };

  g_assert_no_error (error);
  for (guint f = 0; f < G_N_ELEMENTS (fonts); f++)
    for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
      {
        Canvas c = canvas_new (sizes[i][0], sizes[i][1], 1);
        BtChartStyle style;
        BtRelationshipMapLayout layout;
        g_autoptr(PangoLayout) you = NULL;
        double w, h;

        bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
        style.font_size *= fonts[f];
        g_assert_true (bt_relationship_map_layout (plan, &today, &style, c.cr, sizes[i][0], sizes[i][1], &layout));
        you = bt_chart_text (c.cr, &style, "You", layout.you_text_size, TRUE, -1);
        g_assert_false (pango_layout_is_ellipsized (you));
        bt_chart_text_size (you, &w, &h);
        if (hypot (w / 2, h / 2) > layout.you_radius)
          g_error ("\"You\" (%gx%g) overflows its dot (radius %g) at %gx%g, text ×%g",
                   w, h, layout.you_radius, sizes[i][0], sizes[i][1], fonts[f]);
        for (guint d = 0; d < layout.dots->len; d++)
          {
            const BtMapDot *dot = &g_array_index (layout.dots, BtMapDot, d);

            g_assert_cmpfloat (hypot (dot->x - layout.cx, dot->y - layout.cy), >=, layout.you_radius + dot->radius);
          }
        bt_relationship_map_layout_clear (&layout);
        canvas_free (&c);
      }
}

/* The sample plan's people on the Relationships page, wide and phone-wide:
 * each one named (the start of the name where the whole does not fit;
 * phone-wide, all but one), a name moved off its usual side rather than
 * left out, and no name on another name, on someone else's dot or on You. */
static void
test_relationship_map_names_everyone (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  GDate today = day ("2026-12-01");
  const double sizes[][2] = { { 1000, 380 }, { 800, 600 }, { 360, 480 } };
  BtChartStyle style;

  g_assert_no_error (error);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  for (guint k = 0; k < G_N_ELEMENTS (sizes); k++)
    {
      Canvas c = canvas_new (sizes[k][0], sizes[k][1], 1);
      BtRelationshipMapLayout layout;
      BtRect you;
      guint unnamed = 0;

      g_assert_true (bt_relationship_map_layout (plan, &today, &style, c.cr, sizes[k][0], sizes[k][1], &layout));
      g_assert_cmpuint (layout.dots->len, ==, g_list_model_get_n_items (bt_plan_get_relationships (plan)));
      you = (BtRect) { layout.cx - layout.you_radius, layout.cy - layout.you_radius,
                       2 * layout.you_radius, 2 * layout.you_radius };

      for (guint i = 0; i < layout.dots->len; i++)
        {
          const BtMapDot *a = &g_array_index (layout.dots, BtMapDot, i);

          /* Phone-wide, one of the thirteen may go without. */
          if (a->label.width <= 0 && (sizes[k][0] >= 800 || unnamed++ > 0))
            g_error ("%g×%g: %s has no name on the map", sizes[k][0], sizes[k][1],
                     bt_relationship_get_name (a->relationship));
          if (a->label.width <= 0)
            continue;
          if (rects_overlap (&a->label, &you))
            g_error ("%g×%g: %s's name is on You", sizes[k][0], sizes[k][1],
                     bt_relationship_get_name (a->relationship));

          for (guint j = 0; j < layout.dots->len; j++)
            {
              const BtMapDot *b = &g_array_index (layout.dots, BtMapDot, j);
              BtRect dot = { b->x - b->radius, b->y - b->radius, 2 * b->radius, 2 * b->radius };

              if (i != j && (rects_overlap (&a->label, &b->label) || rects_overlap (&a->label, &dot)))
                g_error ("%g×%g: %s's name touches %s", sizes[k][0], sizes[k][1],
                         bt_relationship_get_name (a->relationship), bt_relationship_get_name (b->relationship));
            }
        }

      bt_relationship_map_layout_clear (&layout);
      canvas_free (&c);
    }
}

/* A plan where every name is far too long for any box. */
static BtPlan *
plan_with_long_names (void)
{
  g_autoptr(GError) error = NULL;
  BtPlan *plan = bt_plan_file_load_sample (&error);
  g_autoptr(GString) s = g_string_new (NULL);

  g_assert_no_error (error);
  for (guint i = 0; i < 60; i++)
    g_string_append (s, "Wolfeschlegelsteinhausenbergerdorff ");

  bt_profile_set_name (bt_plan_get_profile (plan), s->str);
  bt_profile_set_target_role (bt_plan_get_profile (plan), s->str);

#define RENAME(list, Type, setter)                                            \
  for (guint k = 0; k < g_list_model_get_n_items (list); k++)                 \
    {                                                                         \
      g_autoptr(Type) item = g_list_model_get_item (list, k);                 \
      setter (item, s->str);                                                  \
    }

  RENAME (bt_plan_get_phases (plan), BtPhase, bt_phase_set_title);
  RENAME (bt_plan_get_milestones (plan), BtMilestone, bt_milestone_set_title);
  RENAME (bt_plan_get_relationships (plan), BtRelationship, bt_relationship_set_name);
  RENAME (bt_plan_get_relationships (plan), BtRelationship, bt_relationship_set_role);
  RENAME (bt_plan_get_relationships (plan), BtRelationship, bt_relationship_set_next_step);
  RENAME (bt_plan_get_narratives (plan), BtNarrative, bt_narrative_set_title);
  RENAME (bt_plan_get_narratives (plan), BtNarrative, bt_narrative_set_audience);
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_narratives (plan)); i++)
    {
      g_autoptr(BtNarrative) n = g_list_model_get_item (bt_plan_get_narratives (plan), i);
      RENAME (bt_narrative_get_business_cases (n), BtBusinessCase, bt_business_case_set_title);
      RENAME (bt_narrative_get_business_cases (n), BtBusinessCase, bt_business_case_set_problem);
    }

  return plan;
}

/* Nothing drawn in the outermost rows and columns: the border is all
 * background, so nothing ran past the canvas. */
static void
assert_clean_border (Canvas             *c,
                     const BtChartStyle *style,
                     const char         *what)
{
  int br = (int) round (style->background.r * 255), bg = (int) round (style->background.g * 255),
      bb = (int) round (style->background.b * 255);
  guint32 *data;
  int stride;

  cairo_surface_flush (c->surface);
  data = (guint32 *) cairo_image_surface_get_data (c->surface);
  stride = cairo_image_surface_get_stride (c->surface) / 4;

  for (int i = 0; i < MAX (c->width, c->height); i++)
    {
      int points[4][2] = { { MIN (i, c->width - 1), 0 }, { MIN (i, c->width - 1), c->height - 1 },
                           { 0, MIN (i, c->height - 1) }, { c->width - 1, MIN (i, c->height - 1) } };

      for (int p = 0; p < 4; p++)
        {
          guint32 v = data[points[p][1] * stride + points[p][0]];
          int r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;

          if (abs (r - br) > 1 || abs (g - bg) > 1 || abs (b - bb) > 1)
            g_error ("%s: ink at the edge, pixel (%d, %d)", what, points[p][0], points[p][1]);
        }
    }
}

static guint
count_ink (Canvas             *c,
           const BtChartStyle *style)
{
  int br = (int) round (style->background.r * 255);
  guint32 *data;
  guint n = 0;
  int stride;

  cairo_surface_flush (c->surface);
  data = (guint32 *) cairo_image_surface_get_data (c->surface);
  stride = cairo_image_surface_get_stride (c->surface) / 4;
  for (int y = 0; y < c->height; y += 2)
    for (int x = 0; x < c->width; x += 2)
      if (abs ((int) ((data[y * stride + x] >> 16) & 0xff) - br) > 16)
        n++;

  return n;
}

static void
test_every_chart_every_size (void)
{
  g_autoptr(BtPlan) long_names = plan_with_long_names ();
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) sample = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) empty = bt_plan_new_default ();
  GDate today = day ("2026-11-22");
  static const struct { double w, h, scale; } sizes[] = {
    { 320, 200, 1 }, { 320, 200, 2 }, { 800, 450, 1 }, { 1920, 1080, 1 }, { 1280, 720, 2 }, { 3840, 2160, 1 },
  };
  BtPlan *plans[] = { sample, long_names, empty };
  const char *plan_names[] = { "sample", "long names", "empty" };

  for (guint p = 0; p < G_N_ELEMENTS (plans); p++)
    for (BtChartTheme theme = BT_CHART_THEME_LIGHT; theme <= BT_CHART_THEME_PRINT; theme++)
      for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
        for (guint s = 0; s < G_N_ELEMENTS (sizes); s++)
          {
            Canvas c = canvas_new (sizes[s].w, sizes[s].h, sizes[s].scale);
            g_autofree char *what = g_strdup_printf ("%s, %s, theme %d, %gx%g@%g", plan_names[p],
                                                     bt_chart_kind_to_string (kind), theme,
                                                     sizes[s].w, sizes[s].h, sizes[s].scale);
            BtChartStyle style;

            /* The slowest combinations are the 4K ones; keep them to the light theme. */
            if (sizes[s].w > 2000 && theme != BT_CHART_THEME_LIGHT)
              {
                canvas_free (&c);
                continue;
              }

            bt_chart_style_init (&style, theme);
            bt_chart_draw (kind, plans[p], &today, &style, c.cr, sizes[s].w, sizes[s].h);
            g_assert_cmpint (cairo_status (c.cr), ==, CAIRO_STATUS_SUCCESS);
            assert_clean_border (&c, &style, what);
            /* Never blank: even the empty state says what to add. */
            if (count_ink (&c, &style) < 20)
              g_error ("%s: nothing drawn", what);
            canvas_free (&c);
          }
}

/* The narratives chart drawn at the height it asks for, and drawn at the
 * most it may have. */
static void
draw_narratives_at (BtPlan             *plan,
                    const BtChartStyle *style,
                    const GDate        *today,
                    double              width,
                    double              height,
                    Canvas             *c)
{
  *c = canvas_new (width, height, 1);
  bt_narratives_chart_draw (plan, today, style, c->cr, width, height);
}

static gboolean
same_rows (Canvas *a,
           Canvas *b,
           int     rows)
{
  cairo_surface_flush (a->surface);
  cairo_surface_flush (b->surface);

  for (int y = 0; y < rows; y++)
    if (memcmp (cairo_image_surface_get_data (a->surface) + y * cairo_image_surface_get_stride (a->surface),
                cairo_image_surface_get_data (b->surface) + y * cairo_image_surface_get_stride (b->surface),
                4 * a->width) != 0)
      return FALSE;

  return TRUE;
}

/* The window gives the narratives chart only the height it asks for: at
 * that height it must show all it shows with the whole height, and ask
 * for the whole height when even that leaves rows out. */
static void
test_narratives_height (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) empty = bt_plan_new ();
  g_autoptr(BtNarrative) first = NULL;
  GDate today = day ("2026-11-20");
  cairo_surface_t *scratch = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (scratch);
  BtChartStyle style;
  double h, h_more;
  Canvas fitted, whole;

  g_assert_no_error (error);
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  /* Side by side, and stacked on a narrow canvas. */
  for (guint w = 0; w < 2; w++)
    {
      double width = w == 0 ? 1000 : 480;

      h = bt_narratives_chart_height (plan, &style, cr, width, 380);
      g_assert_cmpfloat (h, >, 100);
      g_assert_cmpfloat (h, <, 380);

      draw_narratives_at (plan, &style, &today, width, h, &fitted);
      draw_narratives_at (plan, &style, &today, width, 380, &whole);
      if (w == 0)
        g_assert_true (same_rows (&fitted, &whole, (int) h - 1));
      else
        {
          /* Stacked, the cases start halfway down, a fraction of a pixel
           * apart at the two heights: the same ink, within what that
           * shifts, and not a case fewer with an "and 1 more" instead. */
          guint ink = count_ink (&fitted, &style), all = count_ink (&whole, &style);

          g_assert_cmpfloat (fabs ((double) ink - all), <, 0.02 * all);
        }
      assert_clean_border (&fitted, &style, "narratives at the height asked for");
      canvas_free (&fitted);
      canvas_free (&whole);
    }
  h = bt_narratives_chart_height (plan, &style, cr, 1000, 380);

  /* One business case more: a taller chart. */
  first = g_list_model_get_item (bt_plan_get_narratives (plan), 0);
  {
    g_autoptr(BtBusinessCase) bc = bt_business_case_new ();

    bt_business_case_set_title (bc, "One more");
    bt_item_append_child (BT_ITEM (first), bt_narrative_get_business_cases (first), BT_ITEM (bc));
  }
  h_more = bt_narratives_chart_height (plan, &style, cr, 1000, 380);
  g_assert_cmpfloat (h_more, >, h);
  draw_narratives_at (plan, &style, &today, 1000, h_more, &fitted);
  draw_narratives_at (plan, &style, &today, 1000, 380, &whole);
  g_assert_true (same_rows (&fitted, &whole, (int) h_more - 1));
  canvas_free (&fitted);
  canvas_free (&whole);

  /* More than fit: all the room there is. */
  for (guint i = 0; i < 30; i++)
    {
      g_autoptr(BtNarrative) n = bt_narrative_new ();

      bt_narrative_set_title (n, "Another");
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
    }
  g_assert_cmpfloat (bt_narratives_chart_height (plan, &style, cr, 1000, 380), ==, 380);

  /* The empty state is drawn in the middle of all of it. */
  g_assert_cmpfloat (bt_narratives_chart_height (empty, &style, cr, 1000, 380), ==, 380);

  cairo_destroy (cr);
  cairo_surface_destroy (scratch);
}

static void
test_empty_states (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new_default ();
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (400, 300, 1);
  BtChartStyle style;
  BtTimeChartLayout time_layout;
  BtTimelineLayout timeline_layout;
  BtRelationshipMapLayout map_layout;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  /* A week with no hours is still no data. */
  bt_plan_ensure_week (plan, 2026, 47);
  g_assert_false (bt_time_chart_layout (plan, &today, &style, c.cr, 400, 300, &time_layout));
  g_assert_false (bt_timeline_chart_layout (plan, &today, &style, c.cr, 400, 300, &timeline_layout));
  g_assert_false (bt_relationship_map_layout (plan, &today, &style, c.cr, 400, 300, &map_layout));
  canvas_free (&c);
}

/* An empty roadmap still shows today and the target date from the
 * profile, under words that say what to add. */
static void
test_timeline_empty_shows_today_and_target (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  BtProfile *profile = bt_plan_get_profile (plan);
  GDate today = day ("2026-11-22"), target = day ("2027-06-30");
  Canvas c = canvas_new (800, 400, 1);
  BtChartStyle style;
  BtTimelineLayout layout;
  g_autofree char *title = NULL, *hint = NULL;
  double y;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  /* No target date yet: the words say to set it too. */
  bt_timeline_chart_empty_text (plan, &title, &hint);
  g_assert_cmpstr (title, ==, "The roadmap is empty");
  g_assert_nonnull (strstr (hint, "Add the phases"));
  g_assert_nonnull (strstr (hint, "set your target date"));
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&hint, g_free);

  bt_profile_set_target_date (profile, &target);
  bt_timeline_chart_empty_text (plan, &title, &hint);
  g_assert_null (strstr (hint, "set your target date"));

  /* Nothing to lay out, but a place in time for today and the target. */
  g_assert_false (bt_timeline_chart_layout (plan, &today, &style, c.cr, 800, 400, &layout));
  g_assert_false (isnan (layout.today_x));
  g_assert_false (isnan (layout.target_x));
  g_assert_cmpfloat (layout.today_x, <, layout.target_x);

  bt_timeline_chart_draw (plan, &today, &style, c.cr, 800, 400);
  y = layout.plot.y + layout.plot.height - 40;
  g_assert_true (is_color (&c, round (layout.today_x) - 0.5, y, &style.today));
  g_assert_true (is_color (&c, round (layout.target_x) - 0.5, y, &style.target));
  canvas_free (&c);
}

/* Phases and milestones without dates are no empty roadmap: the empty state
 * names what needs a date. */
static void
test_timeline_undated (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPhase) phase = bt_phase_new ();
  g_autoptr(BtMilestone) milestone = bt_milestone_new ();
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (400, 300, 1);
  BtChartStyle style;
  BtTimelineLayout layout;
  g_autofree char *title = NULL, *hint = NULL;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_timeline_chart_empty_text (plan, &title, &hint);
  g_assert_cmpstr (title, ==, "The roadmap is empty");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&hint, g_free);

  bt_phase_set_title (phase, "Build the platform org");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_phases (plan), BT_ITEM (phase));
  g_assert_false (bt_timeline_chart_layout (plan, &today, &style, c.cr, 400, 300, &layout));
  bt_timeline_chart_empty_text (plan, &title, &hint);
  g_assert_cmpstr (title, ==, "Nothing on the roadmap has a date yet");
  g_assert_cmpstr (hint, ==, "Add dates to your phase “Build the platform org” to place it on the roadmap.");
  g_clear_pointer (&title, g_free);
  g_clear_pointer (&hint, g_free);

  bt_milestone_set_title (milestone, "Hire a director");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (milestone));
  bt_timeline_chart_empty_text (plan, &title, &hint);
  g_assert_cmpstr (hint, ==, "Add dates to “Build the platform org” and 1 more phase or milestone to place them on the roadmap.");
  /* Drawn, not blank. */
  bt_timeline_chart_draw (plan, &today, &style, c.cr, 400, 300);

  /* With a date on the milestone, the roadmap has a place for it; the
   * phase without dates is named apart, not drawn as if it ran all the
   * time the chart shows. */
  {
    GDate date = day ("2027-01-15");
    g_autofree char *undated = NULL;

    bt_milestone_set_date (milestone, &date);
    g_assert_true (bt_timeline_chart_layout (plan, &today, &style, c.cr, 400, 300, &layout));
    g_assert_cmpuint (g_array_index (layout.phase_lanes, guint, 0), ==, BT_TIMELINE_NO_LANE);
    g_assert_cmpuint (layout.n_lanes, ==, 0);
    bt_timeline_chart_layout_clear (&layout);
    undated = bt_timeline_chart_undated_text (plan);
    g_assert_cmpstr (undated, ==, "Not shown, without dates: Build the platform org");
    bt_phase_set_start (phase, &date);
    g_clear_pointer (&undated, g_free);
    g_assert_null (bt_timeline_chart_undated_text (plan));
  }
  canvas_free (&c);
}

/* A case that costs more than it saves says so, never "Saves -500". */
static void
test_case_savings_text (void)
{
  BtCaseTotals costs = { -500, -6000, NAN };
  BtCaseTotals saves = { 500, 6000, 4.0 };
  BtCaseTotals same = { 0, 0, NAN };
  g_autofree char *costs_text = bt_case_savings_text (&costs, "EUR");
  g_autofree char *saves_text = bt_case_savings_text (&saves, "GBP");
  g_autofree char *same_text = bt_case_savings_text (&same, "EUR");

  /* In the plan's currency (C.UTF-8 writes the symbol first, ungrouped). */
  g_assert_cmpstr (costs_text, ==, "Costs €500 more a month, €6000 more a year");
  g_assert_cmpstr (saves_text, ==, "Saves £500 a month, £6000 a year · pays back in 4.0 months");
  g_assert_cmpstr (same_text, ==, "Saves nothing: it costs as much as now");
}

/* A negative monthly cost from a file is drawn left of a zero line, not as
 * a cost as large: the projected bar (−1 000) ends where the bar of now
 * (1 000) begins. */
static void
test_case_negative_cost_bar (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtNarrative) narrative = bt_narrative_new ();
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autoptr(BtCostRow) row = bt_cost_row_new ();
  GDate today = day ("2026-11-20");
  Canvas c = canvas_new (1000, 380, 1);
  BtChartStyle style;
  int now_min = G_MAXINT, now_max = -1, projected_min = G_MAXINT, projected_max = -1;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (narrative));
  bt_business_case_set_title (bc, "Sell the spare capacity");
  bt_item_append_child (BT_ITEM (narrative), bt_narrative_get_business_cases (narrative), BT_ITEM (bc));
  bt_cost_row_set_current_monthly (row, 1000);
  bt_cost_row_set_projected_monthly (row, -1000);
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));

  bt_narratives_chart_draw (plan, &today, &style, c.cr, 1000, 380);
  for (int y = 0; y < 380; y++)
    for (int x = 0; x < 1000; x++)
      {
        if (is_color (&c, x, y, &style.tactical))
          now_min = MIN (now_min, x), now_max = MAX (now_max, x);
        if (is_color (&c, x, y, &style.strategic))
          projected_min = MIN (projected_min, x), projected_max = MAX (projected_max, x);
      }
  g_assert_cmpint (now_max, >, now_min + 20);
  g_assert_cmpint (projected_max, >, projected_min + 20);
  /* As long as each other, side by side at the zero line. */
  g_assert_cmpint (projected_max, <, now_min);
  g_assert_cmpint (abs ((now_max - now_min) - (projected_max - projected_min)), <=, 2);
  canvas_free (&c);
}

static void
test_contrast (void)
{
  for (BtChartTheme theme = BT_CHART_THEME_LIGHT; theme <= BT_CHART_THEME_PRINT; theme++)
    {
      BtChartStyle style;
      const BtColor *text[] = { &style.foreground, &style.muted };

      bt_chart_style_init (&style, theme);

      for (guint i = 0; i < G_N_ELEMENTS (text); i++)
        {
          /* WCAG 2 contrast ratio: 4.5 for body text. */
          double l1, l2, ratio;
          const BtColor *a = text[i], *b = &style.background;

#define LIN(c) ((c) <= 0.03928 ? (c) / 12.92 : pow (((c) + 0.055) / 1.055, 2.4))
          l1 = 0.2126 * LIN (a->r) + 0.7152 * LIN (a->g) + 0.0722 * LIN (a->b);
          l2 = 0.2126 * LIN (b->r) + 0.7152 * LIN (b->g) + 0.0722 * LIN (b->b);
#undef LIN
          ratio = (MAX (l1, l2) + 0.05) / (MIN (l1, l2) + 0.05);
          g_assert_cmpfloat (ratio, >=, 4.5);
        }
    }
}

static char *
tmp_path (const char *name)
{
  return g_build_filename (g_get_tmp_dir (), name, NULL);
}

static void
test_export_png_size (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = tmp_path ("chart.png");
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  cairo_surface_t *png;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_true (bt_chart_export (BT_CHART_TIME, plan, &today, &style, BT_EXPORT_PNG, 640, 360, 1, path, &error));
  g_assert_no_error (error);
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_surface_status (png), ==, CAIRO_STATUS_SUCCESS);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 640);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 360);
  cairo_surface_destroy (png);

  g_assert_true (bt_chart_export (BT_CHART_TIME, plan, &today, &style, BT_EXPORT_PNG, 640, 360, 2, path, &error));
  png = cairo_image_surface_create_from_png (path);
  g_assert_cmpint (cairo_image_surface_get_width (png), ==, 1280);
  g_assert_cmpint (cairo_image_surface_get_height (png), ==, 720);
  cairo_surface_destroy (png);
}

static void
test_export_svg_is_xml (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = tmp_path ("chart.svg");
  g_autofree char *contents = NULL;
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  static const GMarkupParser parser = { NULL, };
  g_autoptr(GMarkupParseContext) context = NULL;
  gsize length;

  bt_chart_style_init (&style, BT_CHART_THEME_DARK);
  for (BtChartKind kind = 0; kind < BT_N_CHARTS; kind++)
    {
      g_assert_true (bt_chart_export (kind, plan, &today, &style, BT_EXPORT_SVG, 800, 450, 1, path, &error));
      g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
      g_assert_nonnull (strstr (contents, "<svg"));

      context = g_markup_parse_context_new (&parser, 0, NULL, NULL);
      g_assert_true (g_markup_parse_context_parse (context, contents, length, &error));
      g_assert_no_error (error);
      g_assert_true (g_markup_parse_context_end_parse (context, &error));
      g_clear_pointer (&context, g_markup_parse_context_free);
      g_clear_pointer (&contents, g_free);
    }
}

static guint
pdf_page_count (const char *path)
{
  g_autofree char *contents = NULL;
  gsize length;
  guint pages = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));

  /* Each page object is "/Type /Page" not followed by "s". The file holds
   * binary streams, so search bytes, not strings. */
  for (const char *p = contents;
       (p = memmem (p, length - (p - contents), "/Type /Page", 11)) != NULL;
       p++)
    if (p + 11 < contents + length && p[11] != 's')
      pages++;

  return pages;
}

static void
test_report_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autofree char *path = tmp_path ("report.pdf");
  GDate today = day ("2026-11-22");

  /* Title, four charts, one page of twelve relationships, three
   * narratives and two business cases: eleven pages. The roadmap's
   * phases and ten milestones go under its chart on a portrait A4 page;
   * the last two go on over a page on letter, shorter, and all of them on
   * a page of their own on a landscape one, which the chart fills. */
  for (BtPaper paper = BT_PAPER_A4; paper <= BT_PAPER_LETTER; paper++)
    for (int landscape = 0; landscape <= 1; landscape++)
      {
        g_assert_true (bt_report_export_pdf (plan, &today, paper, landscape, path, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (pdf_page_count (path), ==, (paper == BT_PAPER_A4 && !landscape ? 11u : 12u));
      }
}

typedef struct
{
  gboolean  done;
  gboolean  written;
  GError   *error;
} AsyncExport;

static void
on_async_export_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      data)
{
  AsyncExport *export = data;

  export->written = bt_export_finish (result, &export->error);
  export->done = TRUE;
}

static char *pdf_text (const char *path);

/* What is exported or printed of the sample says it is the sample, in a
 * worker as on the main thread; a plan of the user's, the same sample's
 * content read from a file, does not. */
static void
test_sample_exports_marked (void)
{
  g_autoptr(GError) error = NULL;
  GDate today = day ("2026-11-22");
  g_autoptr(BtPlan) sample = bt_plan_file_load_sample_at (&today, &error);
  g_autoptr(BtPlan) own = bt_plan_file_load_sample (&error);
  g_autofree char *chart = tmp_path ("sample-chart.pdf");
  g_autofree char *report = tmp_path ("sample-report.pdf");
  BtChartStyle style;

  g_assert_no_error (error);
  g_assert_true (bt_plan_get_sample (sample));
  g_assert_false (bt_plan_get_sample (own));
  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);

  for (guint i = 0; i < 2; i++)
    {
      BtPlan *plan = i == 0 ? sample : own;
      g_autofree char *chart_text = NULL;
      g_autofree char *report_text = NULL;
      AsyncExport done = { 0 };

      g_assert_true (bt_chart_export (BT_CHART_TIME, plan, &today, &style, BT_EXPORT_PDF, 800, 450, 1, chart, &error));
      g_assert_no_error (error);
      chart_text = pdf_text (chart);
      g_assert_true ((strstr (chart_text, "Sample plan, not anyone’s own") != NULL) == (plan == sample));

      bt_report_export_pdf_async (plan, &today, 0, BT_PAPER_A4, FALSE, report, NULL, on_async_export_cb, &done);
      while (!done.done)
        g_main_context_iteration (NULL, TRUE);
      g_assert_no_error (done.error);
      report_text = pdf_text (report);
      g_assert_true ((strstr (report_text, "Sample plan · ") != NULL) == (plan == sample));
    }
  g_unlink (chart);
  g_unlink (report);
}

/* Exports from the window are drawn in a worker, from the plan as it was
 * when asked: an edit made meanwhile is not in the file, and the file is
 * the one the same export on the main thread writes. */
static void
test_export_async (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtRelationship) first = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_autofree char *name = g_strdup (bt_relationship_get_name (first));
  g_autofree char *pdf = tmp_path ("async-report.pdf");
  g_autofree char *png = tmp_path ("async-chart.png");
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *contents = NULL;
  AsyncExport report = { 0 }, chart = { 0 };
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  gsize length;

  g_assert_no_error (error);
  g_unlink (pdf);
  g_unlink (png);
  bt_report_export_pdf_async (plan, &today, 0, BT_PAPER_A4, FALSE, pdf, NULL, on_async_export_cb, &report);
  bt_relationship_set_name (first, "Renamed Meanwhile");
  while (!report.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (report.error);
  g_assert_true (report.written);
  g_assert_cmpuint (pdf_page_count (pdf), ==, 11);
  if (pdftotext != NULL)
    {
      const char *argv[] = { pdftotext, pdf, "-", NULL };
      g_autofree char *out = NULL;
      int status;

      g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                   &out, NULL, &status, &error));
      g_assert_nonnull (strstr (out, name));
      g_assert_null (strstr (out, "Renamed Meanwhile"));
    }

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_chart_export_async (BT_CHART_TIME, plan, &today, &style, BT_EXPORT_PNG, 800, 450, 1, png, NULL,
                         on_async_export_cb, &chart);
  while (!chart.done)
    g_main_context_iteration (NULL, TRUE);
  g_assert_no_error (chart.error);
  g_assert_true (chart.written);
  g_assert_true (g_file_get_contents (png, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8);
  g_assert_cmpmem (contents, 4, "\x89PNG", 4);

  /* A JSON export, made here and written there; and one onto a folder,
   * which cannot be. */
  {
    g_autoptr(GBytes) bytes = bt_plan_file_export_bytes (plan, BT_PLAN_SECTION_PROFILE, &error);
    g_autofree char *json = tmp_path ("async-profile.json");
    g_autofree char *written = NULL;
    g_autofree char *folder = g_path_get_dirname (json);
    AsyncExport write = { 0 }, fail = { 0 };

    g_assert_no_error (error);
    bt_export_write_async (bytes, json, NULL, on_async_export_cb, &write);
    bt_export_write_async (bytes, folder, NULL, on_async_export_cb, &fail);
    while (!write.done || !fail.done)
      g_main_context_iteration (NULL, TRUE);
    g_assert_true (write.written);
    g_assert_true (g_file_get_contents (json, &written, &length, NULL));
    g_assert_cmpmem (written, length, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
    g_assert_false (fail.written);
    g_assert_nonnull (fail.error);
    g_assert_nonnull (strstr (fail.error->message, folder));
    g_clear_error (&fail.error);
  }
}

/* The relationships table: people in the same state by name, numbers in
 * names counted as numbers ("Person 2" before "Person 10"). */
static void
test_report_table_in_name_order (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtReport) report = NULL;
  GDate today = day ("2026-11-22");
  BtChartStyle style;
  const char *added[] = { "Person 10", "person 3", "Person 2", "Ada", "Person 1" };
  const char *expected[] = { "Ada", "Person 1", "Person 2", "person 3", "Person 10" };

  for (guint i = 0; i < G_N_ELEMENTS (added); i++)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();

      bt_relationship_set_name (r, added[i]);
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
    }

  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  report = bt_report_new (plan, &today, &style);
  g_assert_cmpuint (report->relationships->len, ==, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    g_assert_cmpstr (bt_relationship_get_name (g_ptr_array_index (report->relationships, i)), ==, expected[i]);
}

static void
test_report_paginates_the_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtReport) report = NULL;
  GDate today = day ("2026-11-22");
  Canvas c = canvas_new (10, 10, 1);
  BtChartStyle style;
  double w, h;
  guint n, table_pages = 0;

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(BtRelationship) r = bt_relationship_new ();
      g_autofree char *name = g_strdup_printf ("Person %u", i);

      bt_relationship_set_name (r, name);
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));
    }

  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);
  report = bt_report_new (plan, &today, &style);
  bt_paper_get_size (BT_PAPER_A4, FALSE, &w, &h);
  n = bt_report_paginate (report, c.cr, w, h);

  for (guint i = 0; i < n; i++)
    table_pages += bt_report_get_page_kind (report, i) == BT_REPORT_PAGE_RELATIONSHIPS;

  /* 112 rows do not fit on one page, and every page is drawn without error. */
  g_assert_cmpuint (table_pages, >, 2);
  g_assert_cmpuint (n, ==, 1 + BT_N_CHARTS + table_pages + 3 + 2);

  /* The people's pages stay together: their chart, then their table
   * (all its pages), then the narratives' chart; no narrative between. */
  {
    guint first = 0, last = 0;

    while (first < n && bt_report_get_page_kind (report, first) != BT_REPORT_PAGE_RELATIONSHIPS)
      first++;
    last = first + table_pages - 1;
    g_assert_cmpuint (last, <, n);
    for (guint i = first; i <= last; i++)
      g_assert_cmpint (bt_report_get_page_kind (report, i), ==, BT_REPORT_PAGE_RELATIONSHIPS);
    g_assert_cmpint (bt_report_get_page_kind (report, first - 1), ==, BT_REPORT_PAGE_CHART);
    g_assert_cmpuint (last + 1, <, n);
    g_assert_cmpint (bt_report_get_page_kind (report, last + 1), ==, BT_REPORT_PAGE_CHART);
  }
  canvas_free (&c);
}

/* @plan's report in the print style, laid out on portrait A4 (@w × @h)
 * in @n_pages. */
static BtReport *
a4_report (BtPlan       *plan,
           BtChartStyle *style,
           double       *w,
           double       *h,
           guint        *n_pages)
{
  GDate today = day ("2026-11-22");
  BtReport *report;
  Canvas c;

  bt_chart_style_init (style, BT_CHART_THEME_PRINT);
  report = bt_report_new (plan, &today, style);
  bt_paper_get_size (BT_PAPER_A4, FALSE, w, h);
  c = canvas_new (*w, *h, 1);
  *n_pages = bt_report_paginate (report, c.cr, *w, *h);
  canvas_free (&c);

  return report;
}

/* Page @page of @report on white paper. */
static Canvas
report_page (BtReport *report,
             guint     page,
             double    w,
             double    h)
{
  Canvas c = canvas_new (w, h, 1);

  cairo_set_source_rgb (c.cr, 1, 1, 1);
  cairo_paint (c.cr);
  bt_report_draw_page (report, c.cr, page, w, h);
  cairo_surface_flush (c.surface);

  return c;
}

/* On portrait paper a chart keeps the shape it has on screen, at the top of
 * its page, instead of being stretched down the whole page. */
static void
test_report_charts_keep_their_shape (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtReport) report = NULL;
  BtChartStyle style;
  double w, h;
  guint n;

  g_assert_no_error (error);
  report = a4_report (plan, &style, &w, &h, &n);

  for (guint i = 0; i < n; i++)
    {
      Canvas c;
      guint32 *data;
      int stride;

      /* The roadmap's page (the second) goes on with its milestones. */
      if (bt_report_get_page_kind (report, i) != BT_REPORT_PAGE_CHART || i == 1)
        continue;

      c = report_page (report, i, w, h);
      data = (guint32 *) cairo_image_surface_get_data (c.surface);
      stride = cairo_image_surface_get_stride (c.surface) / 4;

      /* From three quarters down to above the page number: blank. */
      for (int y = (int) (0.75 * c.height); y < c.height - 60; y++)
        for (int x = 0; x < c.width; x++)
          if ((data[y * stride + x] & 0xffffff) != 0xffffff)
            g_error ("page %u: ink at (%d, %d), the chart runs down the page", i + 1, x, y);
      canvas_free (&c);
    }
}

static char *
pdf_text (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  const char *argv[] = { pdftotext, "-layout", path, "-", NULL };
  char *out = NULL;
  int status;

  g_assert_nonnull (pdftotext);   /* poppler-utils: dev.sh installs it */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));

  return out;
}

static guint
count_of (const char *haystack,
          const char *needle)
{
  guint n = 0;

  for (const char *p = haystack; (p = strstr (p, needle)) != NULL; p += strlen (needle))
    n++;

  return n;
}

/* On paper, the roadmap says what the chart cannot at a glance: each
 * phase with its days, and every milestone with its date, phase and
 * status, a table that goes on over pages when it must. */
static void
test_report_roadmap_lists_milestones (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) sample = bt_plan_file_load_sample (&error);
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtPhase) phase = bt_phase_new ();
  g_autofree char *path = tmp_path ("roadmap-report.pdf");
  g_autofree char *text = NULL;
  GListModel *milestones;
  GDate today = day ("2026-11-22"), start = day ("2026-01-01"), end = day ("2027-12-31");
  BtChartStyle style;
  guint n, continued = 0;

  g_assert_no_error (error);
  g_assert_true (bt_report_export_pdf (sample, &today, BT_PAPER_A4, FALSE, path, &error));
  text = pdf_text (path);
  milestones = bt_plan_get_milestones (sample);
  g_assert_cmpuint (g_list_model_get_n_items (milestones), >, 0);
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
      g_autofree char *date = bt_format_date (bt_milestone_get_date (m));

      if (strstr (text, date) == NULL)
        g_error ("the report does not give %s, the date of milestone %u", date, i);
    }
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_phases (sample)); i++)
    {
      g_autoptr(BtPhase) p = g_list_model_get_item (bt_plan_get_phases (sample), i);
      g_autofree char *from = bt_format_date (bt_phase_get_start (p));
      g_autofree char *to = bt_format_date (bt_phase_get_end (p));
      g_autofree char *line = g_strdup_printf ("%s: %s – %s", bt_phase_get_title (p), from, to);

      if (strstr (text, line) == NULL)
        g_error ("the report does not give the phase \"%s\"", line);
    }
  g_assert_nonnull (strstr (text, "First planned"));   /* the slipped one, under its date */
  g_clear_pointer (&text, g_free);

  /* Sixty milestones: each once, in order, over pages of their own. */
  bt_phase_set_title (phase, "Groundwork");
  bt_phase_set_start (phase, &start);
  bt_phase_set_end (phase, &end);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_phases (plan), BT_ITEM (phase));
  for (guint i = 0; i < 60; i++)
    {
      g_autoptr(BtMilestone) m = bt_milestone_new ();
      g_autofree char *title = g_strdup_printf ("Step-%03u-done", 60 - i);
      GDate date = start;

      /* listed latest first: the table sorts them by date */
      g_date_add_days (&date, 7 * (60 - i));
      bt_milestone_set_title (m, title);
      bt_milestone_set_date (m, &date);
      bt_milestone_set_phase (m, bt_item_get_id (BT_ITEM (phase)));
      bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));
    }
  {
    g_autoptr(BtReport) report = NULL;
    double w, h;

    report = a4_report (plan, &style, &w, &h, &n);
    for (guint i = 0; i < n; i++)
      continued += bt_report_get_page_kind (report, i) == BT_REPORT_PAGE_MILESTONES;
    g_assert_cmpuint (continued, >=, 1);
  }
  g_assert_true (bt_report_export_pdf (plan, &today, BT_PAPER_A4, FALSE, path, &error));
  text = pdf_text (path);
  g_assert_cmpuint (count_of (text, "Roadmap (continued)"), ==, continued);
  /* The chart and the title page name milestones too: a table's row is
   * a title beside its phase. */
  {
    gint last = -1;

    for (guint i = 1; i <= 60; i++)
      {
        g_autofree char *pattern = g_strdup_printf ("Step-%03u-done +Groundwork +Planned", i);
        g_autoptr(GRegex) row = g_regex_new (pattern, 0, 0, NULL);
        g_autoptr(GMatchInfo) match = NULL;
        gint at, to;

        g_assert_true (g_regex_match (row, text, 0, &match));
        g_assert_true (g_match_info_fetch_pos (match, 0, &at, &to));
        g_assert_false (g_match_info_next (match, NULL));
        g_assert_cmpint (at, >, last);
        last = at;
      }
  }
}

/* A plan built here with what a report must print whole: a long name and
 * target role, a long next step, a narrative with its headline and an
 * impact statement, and a business case that costs 500 more a month. */
#define LONG_STEP "Walk through the reliability numbers with her team, agree on the two services " \
                  "that move to the new on-call rotation first, and ask what the sales engineers " \
                  "hear from the largest customers about latency during the end-of-quarter peak"

static BtPlan *
story_plan (void)
{
  BtPlan *plan = bt_plan_new ();
  BtProfile *profile = bt_plan_get_profile (plan);
  g_autoptr(BtRelationship) r = bt_relationship_new ();
  g_autoptr(BtNarrative) n = bt_narrative_new ();
  g_autoptr(BtImpactStatement) s = bt_impact_statement_new ();
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autoptr(BtCostRow) row = bt_cost_row_new ();
  GDate target = day ("2028-06-30");

  bt_profile_set_name (profile, "Sam Okafor");
  bt_profile_set_current_role (profile, "Director of Platform Engineering");
  bt_profile_set_target_role (profile, "Vice President of Engineering, Platform and Developer Experience");
  bt_profile_set_target_date (profile, &target);
  bt_profile_set_currency (profile, "EUR");

  bt_relationship_set_name (r, "Priya Raman");
  bt_relationship_set_role (r, "Senior Director of Product Management, Payments and Merchant Experience");
  bt_relationship_set_next_step (r, LONG_STEP);
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_relationships (plan), BT_ITEM (r));

  bt_narrative_set_title (n, "Reliability is revenue");
  bt_narrative_set_headline (n, "Checkout downtime fell by 70 % this year");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
  bt_impact_statement_set_summary (s, "Checkout availability from 99.5 % to 99.95 %");
  bt_impact_statement_set_technical_detail (s, "Multi-region failover");
  bt_impact_statement_set_business_impact (s, "Revenue kept during peak sales");
  bt_impact_statement_set_impact_value (s, 180000);
  bt_impact_statement_set_impact_unit (s, "per hour of downtime avoided");
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_impact_statements (n), BT_ITEM (s));
  bt_business_case_set_title (bc, "Move the build farm");
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_business_cases (n), BT_ITEM (bc));
  bt_cost_row_set_metric (row, "Build minutes");
  bt_cost_row_set_current_monthly (row, 1000);
  bt_cost_row_set_projected_monthly (row, 1500);
  bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));

  return plan;
}

/* The report's words, its whitespace made single spaces, through
 * poppler's pdftotext; NULL (the test skipped) without it. */
static char *
report_words (BtPlan *plan)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = tmp_path ("story.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) words = NULL;
  GDate today = day ("2026-11-22");
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (bt_report_export_pdf (plan, &today, BT_PAPER_A4, FALSE, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { pdftotext, path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);
  words = g_regex_split_simple ("\\s+", out, 0, 0);

  return g_strjoinv (" ", words);
}

static void
assert_contains (const char *text,
                 const char *words)
{
  if (strstr (text, words) == NULL)
    g_error ("the report does not say \"%s\":\n%s", words, text);
}

/* Issue 21 §6 and §8: the narrative's story printed, and nothing cut. */
static void
test_report_tells_the_story (void)
{
  g_autoptr(BtPlan) plan = story_plan ();
  g_autofree char *text = report_words (plan);

  if (text == NULL)
    return;
  /* The title page: the name, the target role and its date, whole. */
  assert_contains (text, "Sam Okafor");
  assert_contains (text, "Vice President of Engineering, Platform and Developer Experience by 30 Jun 2028");
  /* And the share aimed for, though the plan has no hours yet to show
   * the trajectory's way there. */
  {
    g_autofree char *aim = g_strdup_printf ("Aiming for %d%% of the tracked hours to be strategic",
                                            (int) round (bt_profile_get_target_share (bt_plan_get_profile (plan)) * 100));

    assert_contains (text, aim);
  }
  /* The table: the role and the next step wrap in their cells, whole. */
  assert_contains (text, "Payments and Merchant Experience");
  assert_contains (text, "during the end-of-quarter peak");
  /* The narrative's page. */
  assert_contains (text, "Checkout downtime fell by 70 % this year");
  assert_contains (text, "Checkout availability from 99.5 % to 99.95 %");
  assert_contains (text, "Technical details Multi-region failover");
  assert_contains (text, "Business impact Revenue kept during peak sales");
  assert_contains (text, "180000 per hour of downtime avoided");
  /* 1000 now, 1500 projected: it costs €500 more a month, €6000 a year. */
  assert_contains (text, "Costs €500 more a month, €6000 more a year");
  assert_contains (text, "€500 more");
  assert_contains (text, "It costs €6000 more a year than now.");
  g_assert_null (strstr (text, "-€500"));
  g_assert_null (strstr (text, "Saves -"));
}

static BtMilestone *
add_milestone (BtPlan     *plan,
               const char *title,
               const char *date,
               const char *original)
{
  g_autoptr(BtMilestone) m = bt_milestone_new ();
  GDate d = day (date);

  bt_milestone_set_title (m, title);
  bt_milestone_set_date (m, &d);
  if (original != NULL)
    {
      GDate o = day (original);

      bt_milestone_set_original_date (m, &o);
    }
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_milestones (plan), BT_ITEM (m));

  return m;
}

/* A slipped milestone says where it was first planned, with the year when
 * that is not the year of its date now: on a plan of many years "(from
 * 9 Aug)" could be any of them. The same words on the roadmap page of the
 * report, and in the window's rows (bt_format_first_planned). */
static void
test_timeline_first_planned_year (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  BtMilestone *same = add_milestone (plan, "Same year", "2026-05-15", "2026-03-20");
  BtMilestone *across = add_milestone (plan, "Across a year", "2028-02-01", "2027-08-09");
  BtMilestone *earlier = add_milestone (plan, "Moved earlier", "2027-04-01", "2027-06-30");
  BtMilestone *plain = add_milestone (plan, "Never moved", "2027-10-01", NULL);
  g_autofree char *same_text = bt_format_first_planned (same);
  g_autofree char *across_text = bt_format_first_planned (across);
  g_autofree char *text = NULL;

  g_assert_cmpstr (same_text, ==, "20 Mar");
  g_assert_cmpstr (across_text, ==, "9 Aug 2027");
  g_assert_null (bt_format_first_planned (earlier));
  g_assert_null (bt_format_first_planned (plain));

  text = report_words (plan);
  if (text == NULL)
    return;
  assert_contains (text, "Same year (from 20 Mar)");
  assert_contains (text, "Across a year (from 9 Aug 2027)");
  g_assert_null (strstr (text, "Moved earlier (from"));
}

/* A slipped milestone's label with no room to be whole keeps "(from …)"
 * and shortens its title: an ellipsis at the end took the first date, the
 * one thing the label is there to say, on the report's roadmap page. */
static void
test_timeline_fit_keeps_first_date (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  BtMilestone *slipped = add_milestone (plan, "Quarterly business review co-presented with Product and Sales leads",
                                        "2026-05-15", "2025-11-20");
  BtMilestone *plain = add_milestone (plan, "Annual planning for engineering with every director and Finance",
                                      "2026-09-15", NULL);
  GDate today = day ("2026-01-10");
  Canvas c = canvas_new (400, 300, 1);
  BtChartStyle style;
  BtTimelineLayout layout;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  g_assert_true (bt_timeline_chart_layout (plan, &today, &style, c.cr, 400, 300, &layout));
  g_assert_cmpuint (layout.markers->len, ==, 2);
  for (guint i = 0; i < layout.markers->len; i++)
    {
      const BtTimelineMarker *m = &g_array_index (layout.markers, BtTimelineMarker, i);
      double size = 0.9 * layout.text_scale;
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) pl = NULL;
      double w;

      g_assert_true (m->truncated);
      text = bt_timeline_chart_fit_label (c.cr, &style, m->milestone, size, m->label.width);
      if (m->milestone == plain)
        {
          /* Any other label is whole, for the drawing to ellipsize. */
          g_assert_cmpstr (text, ==, bt_milestone_get_title (plain));
          continue;
        }
      g_assert_true (m->milestone == slipped);
      g_assert_true (g_str_has_prefix (text, "Quarterly"));
      g_assert_true (g_str_has_suffix (text, "… (from 20 Nov 2025)"));
      pl = bt_chart_text (c.cr, &style, text, size, FALSE, -1);
      bt_chart_text_size (pl, &w, NULL);
      g_assert_cmpfloat (w, <=, m->label.width);
    }

  bt_timeline_chart_layout_clear (&layout);
  canvas_free (&c);
}

/* The business case page says what the ask costs once (the payback
 * depends on it), and its year is twelve of its shown months: 14400.5 and
 * 8000 now, 0 and 5900 projected, shown as 22401 − 5900 = 16501 a month,
 * 198012 a year; 60000 ÷ 16501 = 3.6 months. */
static void
test_report_case_ask (void)
{
  g_autoptr(BtPlan) plan = bt_plan_new ();
  g_autoptr(BtNarrative) n = bt_narrative_new ();
  g_autoptr(BtBusinessCase) bc = bt_business_case_new ();
  g_autofree char *text = NULL;
  const double now[] = { 14400.5, 8000 }, projected[] = { 0, 5900 };

  bt_profile_set_currency (bt_plan_get_profile (plan), "EUR");
  bt_narrative_set_title (n, "Fewer pages at night");
  bt_item_append_child (BT_ITEM (plan), bt_plan_get_narratives (plan), BT_ITEM (n));
  bt_business_case_set_title (bc, "An on-call team");
  bt_business_case_set_ask_cost (bc, 60000);
  bt_item_append_child (BT_ITEM (n), bt_narrative_get_business_cases (n), BT_ITEM (bc));
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(BtCostRow) row = bt_cost_row_new ();

      bt_cost_row_set_metric (row, i == 0 ? "Contractors" : "Overtime");
      bt_cost_row_set_current_monthly (row, now[i]);
      bt_cost_row_set_projected_monthly (row, projected[i]);
      bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));
    }

  text = report_words (plan);
  if (text == NULL)
    return;
  assert_contains (text, "The ask One-off cost: €60000");
  assert_contains (text, "€198012 a year saved; the ask pays back in 3.6 months.");
  g_assert_null (strstr (text, "198006"));
}

/* How far down the ink of the table's last column (the next step) goes on
 * page @page: an ellipsis keeps its whole text in the PDF for
 * pdftotext, so a cut is seen in pixels. */
static int
next_step_ink_bottom (BtPlan *plan)
{
  g_autoptr(BtReport) report = NULL;
  BtChartStyle style;
  double w, h;
  guint n;
  int bottom = 0;

  report = a4_report (plan, &style, &w, &h, &n);
  for (guint i = 0; i < n; i++)
    {
      Canvas c;
      guint32 *data;
      int stride;

      if (bt_report_get_page_kind (report, i) != BT_REPORT_PAGE_RELATIONSHIPS)
        continue;
      c = report_page (report, i, w, h);
      data = (guint32 *) cairo_image_surface_get_data (c.surface);
      stride = cairo_image_surface_get_stride (c.surface) / 4;
      /* Left of the last column's text to the margin; above the page number. */
      for (int y = 0; y < c.height - 70; y++)
        for (int x = (int) (42 + (w - 84) * 0.68); x < c.width - 42; x++)
          if ((data[y * stride + x] & 0xffffff) != 0xffffff)
            bottom = MAX (bottom, y);
      canvas_free (&c);
    }

  return bottom;
}

/* Issue 21 §8: a long next step wraps in its cell, whole: its ink goes
 * lines further down than a short one's (the row's role wraps as well, so
 * both rows are taller than two lines). */
static void
test_report_next_step_wraps (void)
{
  g_autoptr(BtPlan) long_plan = story_plan ();
  g_autoptr(BtPlan) short_plan = story_plan ();
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (short_plan), 0);
  int long_bottom, short_bottom;

  bt_relationship_set_next_step (r, "Coffee");
  long_bottom = next_step_ink_bottom (long_plan);
  short_bottom = next_step_ink_bottom (short_plan);
  /* LONG_STEP takes five lines of about 11 points in a 168-point cell. */
  g_assert_cmpint (long_bottom - short_bottom, >, 3 * 11);
}

/* A row is as tall as its text: twelve people with long next steps need
 * more pages of table than twelve with short ones, and a narrative whose
 * impact statements fill more than a page goes on to the next. */
static void
test_report_rows_grow (void)
{
  g_autoptr(BtPlan) short_plan = bt_plan_new ();
  g_autoptr(BtPlan) long_plan = bt_plan_new ();
  g_autoptr(BtPlan) story = story_plan ();
  BtChartStyle style;
  double w, h;
  guint n, pages[2] = { 0, 0 }, narrative_pages = 0;

  for (guint i = 0; i < 12; i++)
    for (guint p = 0; p < 2; p++)
      {
        g_autoptr(BtRelationship) r = bt_relationship_new ();

        bt_relationship_set_name (r, "Someone");
        bt_relationship_set_next_step (r, p == 0 ? "Coffee" : LONG_STEP " " LONG_STEP);
        bt_item_append_child (BT_ITEM (p == 0 ? short_plan : long_plan),
                              bt_plan_get_relationships (p == 0 ? short_plan : long_plan), BT_ITEM (r));
      }

  for (guint p = 0; p < 2; p++)
    {
      g_autoptr(BtReport) report = a4_report (p == 0 ? short_plan : long_plan, &style, &w, &h, &n);

      for (guint i = 0; i < n; i++)
        pages[p] += bt_report_get_page_kind (report, i) == BT_REPORT_PAGE_RELATIONSHIPS;
    }
  g_assert_cmpuint (pages[0], ==, 1);
  g_assert_cmpuint (pages[1], >, 1);

  {
    g_autoptr(BtNarrative) narrative = g_list_model_get_item (bt_plan_get_narratives (story), 0);
    g_autoptr(BtReport) report = NULL;

    for (guint i = 0; i < 30; i++)
      {
        g_autoptr(BtImpactStatement) s = bt_impact_statement_new ();

        bt_impact_statement_set_summary (s, "Another statement");
        bt_impact_statement_set_business_impact (s, LONG_STEP);
        bt_item_append_child (BT_ITEM (narrative), bt_narrative_get_impact_statements (narrative), BT_ITEM (s));
      }
    report = a4_report (story, &style, &w, &h, &n);
    for (guint i = 0; i < n; i++)
      narrative_pages += bt_report_get_page_kind (report, i) == BT_REPORT_PAGE_NARRATIVE;
    g_assert_cmpuint (narrative_pages, >, 1);
  }
}

/* The report's text page by page, through pdftotext; NULL (the test
 * skipped) without it. */
static GStrv
report_page_texts (BtPlan *plan)
{
  g_autofree char *pdftotext = g_find_program_in_path ("pdftotext");
  g_autofree char *path = tmp_path ("pages.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  GDate today = day ("2026-11-22");
  int status;

  if (pdftotext == NULL)
    {
      g_test_skip ("pdftotext (poppler-utils) is not installed");
      return NULL;
    }
  g_assert_true (bt_report_export_pdf (plan, &today, BT_PAPER_A4, FALSE, path, &error));
  g_assert_no_error (error);
  {
    const char *argv[] = { pdftotext, "-layout", path, "-", NULL };

    g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                                 &out, NULL, &status, &error));
  }
  g_assert_no_error (error);

  return g_strsplit (out, "\f", -1);
}

/* Issue 21: a business case with 120 cost rows. Its table goes on over
 * pages, its header on each, every row once and the total at the end;
 * the case's first page holds more than its headings, and no page has ink
 * between the content's bottom and the page number, or under it. */
/* Page @i of @report has no ink from its content's bottom to the page
 * number's top, nor under the page number: nothing ran over the footer. */
static void
assert_nothing_under_content (BtReport           *report,
                              const BtChartStyle *style,
                              guint               i,
                              double              w,
                              double              h)
{
  Canvas c = report_page (report, i, w, h);
  guint32 *data;
  int stride;
  double lh;

  {
    g_autoptr(PangoLayout) probe = bt_chart_text (c.cr, style, "Mg", 0.8, FALSE, -1);

    /* the page number's line, as the report measures it */
    bt_chart_text_size (probe, NULL, &lh);
  }
  data = (guint32 *) cairo_image_surface_get_data (c.surface);
  stride = cairo_image_surface_get_stride (c.surface) / 4;
  for (int y = 0; y < c.height; y++)
    {
      if (!((y > h - 42 - lh - 10 + 1 && y < h - 42 - lh - 1) || y > h - 42 + 2))
        continue;
      for (int x = 0; x < c.width; x++)
        if ((data[y * stride + x] & 0xffffff) != 0xffffff)
          g_error ("page %u: ink at (%d, %d), under the content's bottom", i + 1, x, y);
    }
  canvas_free (&c);
}

/* A person whose next step alone is taller than a page: the row is cut
 * there with an ellipsis, and the page's footer stays clear. */
static void
test_report_row_taller_than_a_page (void)
{
  g_autoptr(BtPlan) plan = story_plan ();
  g_autoptr(BtRelationship) r = g_list_model_get_item (bt_plan_get_relationships (plan), 0);
  g_autoptr(GString) step = g_string_new (NULL);
  g_autoptr(BtReport) report = NULL;
  BtChartStyle style;
  double w, h;
  guint n, table_pages = 0;

  while (step->len < 1900)
    g_string_append (step, "Agree the platform roadmap with the revenue plan. ");
  bt_relationship_set_next_step (r, step->str);
  report = a4_report (plan, &style, &w, &h, &n);
  for (guint i = 0; i < n; i++)
    if (bt_report_get_page_kind (report, i) == BT_REPORT_PAGE_RELATIONSHIPS)
      {
        table_pages++;
        assert_nothing_under_content (report, &style, i, w, h);
      }
  g_assert_cmpuint (table_pages, ==, 1);
}

static void
test_report_cost_table_paginates (void)
{
  g_autoptr(BtPlan) plan = story_plan ();
  g_autoptr(BtNarrative) narrative = g_list_model_get_item (bt_plan_get_narratives (plan), 0);
  g_autoptr(BtBusinessCase) bc = g_list_model_get_item (bt_narrative_get_business_cases (narrative), 0);
  g_autoptr(BtReport) report = NULL;
  g_auto(GStrv) pages = NULL;
  BtChartStyle style;
  double w, h;
  guint n, case_pages = 0, first_case = 0, seen[120] = { 0 };

  bt_item_list_remove_all (BT_ITEM_LIST (bt_business_case_get_cost_rows (bc)));
  for (guint i = 0; i < 120; i++)
    {
      g_autoptr(BtCostRow) row = bt_cost_row_new ();
      g_autofree char *metric = g_strdup_printf ("Costline%03u", i);

      bt_cost_row_set_metric (row, metric);
      bt_cost_row_set_current_monthly (row, 100);
      bt_cost_row_set_projected_monthly (row, 50);
      bt_item_append_child (BT_ITEM (bc), bt_business_case_get_cost_rows (bc), BT_ITEM (row));
    }

  report = a4_report (plan, &style, &w, &h, &n);
  for (guint i = 0; i < n; i++)
    {
      if (bt_report_get_page_kind (report, i) != BT_REPORT_PAGE_BUSINESS_CASE)
        continue;
      if (case_pages++ == 0)
        first_case = i;
      assert_nothing_under_content (report, &style, i, w, h);
    }
  g_assert_cmpuint (case_pages, >, 2);

  pages = report_page_texts (plan);
  if (pages == NULL)
    return;
  g_assert_cmpuint (g_strv_length (pages), >=, n);
  /* The case's first page starts its table. */
  g_assert_nonnull (strstr (pages[first_case], "Costline000"));
  for (guint i = first_case; i < first_case + case_pages; i++)
    {
      const char *p = pages[i];

      g_assert_nonnull (strstr (p, "Monthly cost"));
      while ((p = strstr (p, "Costline")) != NULL)
        {
          guint row = (guint) g_ascii_strtoull (p + 8, NULL, 10);

          g_assert_cmpuint (row, <, 120);
          seen[row]++;
          p += 8;
        }
    }
  for (guint i = 0; i < 120; i++)
    if (seen[i] != 1)
      g_error ("cost row %u printed %u times", i, seen[i]);
  g_assert_nonnull (strstr (pages[first_case + case_pages - 1], "Total"));
  g_assert_nonnull (strstr (pages[first_case + case_pages - 1], "a year saved"));
}

/* Issue 21: a metric of megabytes, pasted by mistake, is laid out only as
 * far as a cell can show: its start and an ellipsis, not the whole of it
 * (pdftotext sees all of what was laid out, even past an ellipsis). */
static void
test_report_caps_a_huge_cell (void)
{
  g_autoptr(BtPlan) plan = story_plan ();
  g_autoptr(BtNarrative) narrative = g_list_model_get_item (bt_plan_get_narratives (plan), 0);
  g_autoptr(BtBusinessCase) bc = g_list_model_get_item (bt_narrative_get_business_cases (narrative), 0);
  g_autoptr(BtCostRow) row = g_list_model_get_item (bt_business_case_get_cost_rows (bc), 0);
  g_autofree char *metric = g_strnfill (200000, 'Q');
  g_autofree char *text = NULL, *before = report_words (plan);
  guint shown = 0;

  if (before == NULL)
    return;
  /* the Q's of the report without the metric, counted out */
  for (const char *p = before; *p; p++)
    shown -= *p == 'Q';
  bt_cost_row_set_metric (row, metric);
  text = report_words (plan);
  for (const char *p = text; *p; p++)
    shown += *p == 'Q';
  g_assert_cmpuint (shown, >, 100);
  g_assert_cmpuint (shown, <=, 2000);
  assert_contains (text, "Total");
}

static guint
title_page_ink (BtPlan *plan)
{
  g_autoptr(BtReport) report = NULL;
  BtChartStyle style;
  double w, h;
  Canvas c;
  guint ink, n;

  report = a4_report (plan, &style, &w, &h, &n);
  c = report_page (report, 0, w, h);
  ink = count_ink (&c, &style);
  canvas_free (&c);

  return ink;
}

/* The title page lists the warning signs the check-ins rate, and only
 * those: a plan without check-ins has no such section. */
static void
test_report_warning_signs (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  guint with, without, two;

  g_assert_no_error (error);
  with = title_page_ink (plan);

  /* Two signs rated no more. */
  for (guint i = 0; i < g_list_model_get_n_items (bt_plan_get_check_ins (plan)); i++)
    {
      g_autoptr(BtCheckIn) c = g_list_model_get_item (bt_plan_get_check_ins (plan), i);

      bt_check_in_set_not_delegating (c, 0);
      bt_check_in_set_technical_certainty (c, 0);
    }
  two = title_page_ink (plan);

  bt_item_list_remove_all (BT_ITEM_LIST (bt_plan_get_check_ins (plan)));
  without = title_page_ink (plan);

  g_assert_cmpuint (with, >, two + 200);
  g_assert_cmpuint (two, >, without + 200);
}

/* Text leaves no current point behind: a dot drawn next, as the report's
 * bullets are, would otherwise be joined to the text by a sliver. */
static void
test_text_leaves_no_current_point (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_t *cr = cairo_create (surface);
  BtChartStyle style;

  bt_chart_style_init (&style, BT_CHART_THEME_LIGHT);
  bt_chart_label (cr, &style, &style.foreground, "Next milestones", 1.0, FALSE, 180, 10, 10,
                  BT_ALIGN_START, BT_ALIGN_START);
  g_assert_false (cairo_has_current_point (cr));

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

/* A plan with no relationships has a report too (the sanitizer build
 * once stopped on qsort() of a NULL array). */
static void
test_report_without_relationships (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(BtPlan) plan = bt_plan_file_load_sample (&error);
  g_autoptr(BtReport) report = NULL;
  g_autofree char *path = tmp_path ("no-relationships.pdf");
  GDate today = day ("2026-11-22");
  BtItemList *relationships = BT_ITEM_LIST (bt_plan_get_relationships (plan));

  bt_item_list_remove_all (relationships);
  g_assert_true (bt_report_export_pdf (plan, &today, BT_PAPER_A4, FALSE, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (pdf_page_count (path), >, 1);
}

/* A label is laid out from at most what a page can show: a 20 MB name is
 * shortened, with an ellipsis, and ten thousand combining marks on one
 * letter are not stacked into a line across the chart. */
static void
test_labels_are_bounded (void)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 200, 40);
  cairo_t *cr = cairo_create (surface);
  g_autoptr(GString) huge = g_string_new (NULL);
  g_autoptr(GString) marks = g_string_new ("b");
  g_autoptr(PangoLayout) huge_layout = NULL;
  g_autoptr(PangoLayout) huge_paragraph = NULL;
  g_autoptr(PangoLayout) marks_layout = NULL;
  g_autoptr(PangoLayout) few_marks_layout = NULL;
  PangoRectangle ink, few_ink;
  BtChartStyle style;

  bt_chart_style_init (&style, BT_CHART_THEME_PRINT);

  g_string_set_size (huge, 20 * 1024 * 1024);
  memset (huge->str, 'N', huge->len);
  huge_layout = bt_chart_text (cr, &style, huge->str, 1.0, TRUE, -1);
  g_assert_cmpuint (strlen (pango_layout_get_text (huge_layout)), <, 4096);
  g_assert_true (g_str_has_suffix (pango_layout_get_text (huge_layout), "…"));
  huge_paragraph = bt_chart_paragraph (cr, &style, huge->str, 1.0, FALSE, 400, 400, PANGO_ALIGN_LEFT);
  g_assert_cmpuint (strlen (pango_layout_get_text (huge_paragraph)), <, 65536);

  for (guint i = 0; i < 10000; i++)
    g_string_append (marks, "\u0301");
  marks_layout = bt_chart_text (cr, &style, marks->str, 1.0, FALSE, -1);
  few_marks_layout = bt_chart_text (cr, &style, "b\u0301\u0301\u0301\u0301", 1.0, FALSE, -1);
  g_assert_cmpstr (pango_layout_get_text (marks_layout), ==, pango_layout_get_text (few_marks_layout));
  pango_layout_get_pixel_extents (marks_layout, &ink, NULL);
  pango_layout_get_pixel_extents (few_marks_layout, &few_ink, NULL);
  g_assert_cmpint (ink.height, <=, few_ink.height);
  g_assert_cmpint (ink.width, <=, few_ink.width);

  cairo_destroy (cr);
  cairo_surface_destroy (surface);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/charts/time/weeks-below-pass-over-partial-weeks", test_time_chart_weeks_below_budget);
  g_test_add_func ("/charts/time/marks-skip-partial-weeks", test_time_chart_marks_skip_partial_weeks);
  g_test_add_func ("/charts/time/tactical-week", test_time_chart_tactical_week);
  g_test_add_func ("/charts/time/below-key-only-with-marks", test_time_chart_below_key_only_with_marks);
  g_test_add_func ("/charts/time/trajectory-starts-at-first-week", test_time_chart_trajectory_starts_at_first_week);
  g_test_add_func ("/charts/time/says-hours-stopped", test_time_chart_says_hours_stopped);
  g_test_add_func ("/charts/time/trend-needs-enough-weeks", test_time_chart_trend_needs_enough_weeks);
  g_test_add_func ("/charts/time/single-week", test_time_chart_single_week);
  g_test_add_func ("/charts/time/strategic-on-top", test_time_chart_stacks_strategic_on_top);
  g_test_add_func ("/charts/time/months-when-weeks-too-narrow", test_time_chart_months_when_weeks_are_too_narrow);
  g_test_add_func ("/charts/timeline/today-line", test_timeline_today_line);
  g_test_add_func ("/charts/timeline/labels-never-overlap", test_timeline_labels_never_overlap);
  g_test_add_func ("/charts/timeline/labels-clear-today", test_timeline_labels_clear_today);
  g_test_add_func ("/charts/sample-exports-marked", test_sample_exports_marked);
  g_test_add_func ("/charts/timeline/axis-dates-under-their-lines", test_timeline_axis_dates_under_their_lines);
  g_test_add_func ("/charts/timeline/ten-years-very-wide", test_timeline_ten_years_very_wide);
  g_test_add_func ("/charts/relationships/colors", test_relationship_map_colors);
  g_test_add_func ("/charts/relationships/sector-names-fit", test_relationship_map_sector_names_fit);
  g_test_add_func ("/charts/relationships/bottom-name-one-line", test_relationship_map_bottom_name_one_line);
  g_test_add_func ("/charts/relationships/you-fits", test_relationship_map_you_fits);
  g_test_add_func ("/charts/timeline/empty-shows-today-and-target", test_timeline_empty_shows_today_and_target);
  g_test_add_func ("/charts/relationships/names-everyone", test_relationship_map_names_everyone);
  g_test_add_func ("/charts/every-chart-every-size", test_every_chart_every_size);
  g_test_add_func ("/charts/empty-states", test_empty_states);
  g_test_add_func ("/charts/narratives/case-savings-text", test_case_savings_text);
  g_test_add_func ("/charts/narratives/negative-cost-bar", test_case_negative_cost_bar);
  g_test_add_func ("/charts/timeline/undated-is-not-empty", test_timeline_undated);
  g_test_add_func ("/charts/narratives/height", test_narratives_height);
  g_test_add_func ("/charts/contrast", test_contrast);
  g_test_add_func ("/charts/export/png-size", test_export_png_size);
  g_test_add_func ("/charts/export/svg-is-xml", test_export_svg_is_xml);
  g_test_add_func ("/charts/text-leaves-no-current-point", test_text_leaves_no_current_point);
  g_test_add_func ("/charts/report/pages", test_report_pages);
  g_test_add_func ("/charts/report/paginates-the-table", test_report_paginates_the_table);
  g_test_add_func ("/charts/report/table-in-name-order", test_report_table_in_name_order);
  g_test_add_func ("/charts/report/tells-the-story", test_report_tells_the_story);
  g_test_add_func ("/charts/report/case-ask", test_report_case_ask);
  g_test_add_func ("/charts/timeline/first-planned-year", test_timeline_first_planned_year);
  g_test_add_func ("/charts/timeline/fit-keeps-first-date", test_timeline_fit_keeps_first_date);
  g_test_add_func ("/charts/time/trend-minus-sign", test_time_chart_trend_minus_sign);
  g_test_add_func ("/charts/time/trajectory-skips-partial-start", test_time_chart_trajectory_skips_partial_start);
  g_test_add_func ("/charts/report/rows-grow", test_report_rows_grow);
  g_test_add_func ("/charts/report/cost-table-paginates", test_report_cost_table_paginates);
  g_test_add_func ("/charts/report/caps-a-huge-cell", test_report_caps_a_huge_cell);
  g_test_add_func ("/charts/report/next-step-wraps", test_report_next_step_wraps);
  g_test_add_func ("/charts/report/charts-keep-their-shape", test_report_charts_keep_their_shape);
  g_test_add_func ("/charts/report/roadmap-lists-milestones", test_report_roadmap_lists_milestones);
  g_test_add_func ("/charts/report/warning-signs", test_report_warning_signs);
  g_test_add_func ("/charts/report/without-relationships", test_report_without_relationships);
  g_test_add_func ("/charts/labels-are-bounded", test_labels_are_bounded);
  g_test_add_func ("/charts/export-async", test_export_async);
  g_test_add_func ("/charts/report/row-taller-than-a-page", test_report_row_taller_than_a_page);

  return g_test_run ();
}
