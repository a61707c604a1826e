/* bt-time-chart.c — hours per week, tactical versus strategic
 *
 * Stacked bars of tactical and strategic hours on the left axis; the
 * strategic share (rolling over four weeks) and the target trajectory on
 * the right, percent, axis; the weeks below the trajectory marked under the
 * axis. When a week's bar would be narrower than two device pixels the
 * chart shows months instead, so ten years stay readable.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-time-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-time-chart.h"
#include "bt-number.h"

#define MIN_BAR_DEVICE_PX 2.0
#define AXIS_DIVISIONS    4
#define MIN_WEEKS_SHOWN   8   /* a first week is a bar among weeks, not the whole width */

/* The step of the hours axis: 1, 1.5, 2, 2.5, 3, 4, 5, 6 or 8 × 10^n. */
static double
nice_step (double value)
{
  static const double steps[] = { 1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10 };
  double magnitude;

  if (value <= 0)
    return 1;

  magnitude = pow (10, floor (log10 (value)));
  for (guint i = 0; i < G_N_ELEMENTS (steps); i++)
    if (value <= steps[i] * magnitude * (1 + 1e-9))
      return steps[i] * magnitude;

  return 10 * magnitude;
}

typedef struct
{
  const char    *label;
  const BtColor *color;
  int            kind;   /* 0 swatch, 1 line, 2 dashed line, 3 marker */
} LegendItem;

static void
draw_legend_symbol (cairo_t         *cr,
                    const LegendItem *item,
                    double           x,
                    double           y,
                    double           size)
{
  bt_chart_set_color (cr, item->color);

  switch (item->kind)
    {
    case 0:
      bt_chart_rounded_rect (cr, x, y - size / 2, size, size, size / 5);
      cairo_fill (cr);
      break;

    case 1:
    case 2:
      cairo_set_line_width (cr, item->kind == 1 ? 2.5 : 2.0);
      if (item->kind == 2)
        cairo_set_dash (cr, (double[]) { 5, 3 }, 2, 0);
      cairo_move_to (cr, x, y);
      cairo_line_to (cr, x + size * 1.6, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
      break;

    case 3:
    default:
      cairo_move_to (cr, x + size / 2, y - size / 2);
      cairo_line_to (cr, x + size, y + size / 2);
      cairo_line_to (cr, x, y + size / 2);
      cairo_close_path (cr);
      cairo_fill (cr);
      break;
    }
}

/* Lays the legend out in rows that fit @width; draws it if @draw.
 *
 * Returns: the height it takes */
static double
legend (cairo_t            *cr,
        const BtChartStyle *style,
        const LegendItem   *items,
        guint               n_items,
        double              x0,
        double              y0,
        double              width,
        double              ts,
        gboolean            draw)
{
  double size = style->font_size * 0.8 * ts;
  double gap = style->font_size * 1.2 * ts;
  double x = x0, y = y0, row_height = 0;

  for (guint i = 0; i < n_items; i++)
    {
      g_autoptr(PangoLayout) text = bt_chart_text (cr, style, items[i].label, 0.9 * ts, FALSE,
                                                   width - size * 2.2);
      double symbol = items[i].kind == 1 || items[i].kind == 2 ? size * 1.6 : size;
      double tw, th, item_width;

      bt_chart_text_size (text, &tw, &th);
      item_width = symbol + size * 0.5 + tw;
      row_height = MAX (row_height, th);

      if (x > x0 && x + item_width > x0 + width)
        {
          x = x0;
          y += row_height + size * 0.4;
        }

      if (draw)
        {
          draw_legend_symbol (cr, &items[i], x, y + th / 2, size);
          bt_chart_set_color (cr, &style->foreground);
          bt_chart_draw_text (cr, text, x + symbol + size * 0.5, y, BT_ALIGN_START, BT_ALIGN_START);
        }

      x += item_width + gap;
    }

  return y - y0 + row_height;
}

static void
fill_legend (const BtChartStyle *style,
             LegendItem         *items)
{
  items[0] = (LegendItem) { _("Tactical hours"), &style->tactical, 0 };
  items[1] = (LegendItem) { _("Strategic hours"), &style->strategic, 0 };
  items[2] = (LegendItem) { _("Strategic share"), &style->share, 1 };
  items[3] = (LegendItem) { _("Trajectory"), &style->trajectory, 2 };
  items[4] = (LegendItem) { _("Below trajectory"), &style->warning, 3 };
}

static void
add_bar (GArray            *bars,
         const BtWeekShare *s,
         guint              n_weeks,
         guint32            first,
         guint32            end,
         double             line_share)
{
  BtTimeBar bar = { 0, };

  bar.first_day = first;
  bar.end_day = end;
  bar.n_weeks = MAX (n_weeks, 1);
  /* On the axis of hours a week, as the weeks' bars. */
  bar.tactical = s->tactical / bar.n_weeks;
  bar.strategic = s->strategic / bar.n_weeks;
  bar.share = s->share;
  bar.line_share = line_share;
  g_array_append_val (bars, bar);
}

static GArray *
month_bars (GArray *shares)
{
  GArray *bars = g_array_new (FALSE, TRUE, sizeof (BtTimeBar));
  BtWeekShare month = { 0, };
  guint n_weeks = 0;
  GDate start, next;

  g_date_clear (&start, 1);

  for (guint i = 0; i <= shares->len; i++)
    {
      const BtWeekShare *s = i < shares->len ? &g_array_index (shares, BtWeekShare, i) : NULL;
      GDate thursday;

      /* A week belongs to the month of its Thursday, as ISO weeks do to years. */
      if (s != NULL)
        {
          thursday = s->monday;
          g_date_add_days (&thursday, 3);
        }

      if (g_date_valid (&start) &&
          (s == NULL || g_date_get_month (&thursday) != g_date_get_month (&start) ||
           g_date_get_year (&thursday) != g_date_get_year (&start)))
        {
          month.share = month.total > 0 ? month.strategic / month.total : NAN;
          next = start;
          g_date_add_months (&next, 1);
          add_bar (bars, &month, n_weeks, g_date_get_julian (&start), g_date_get_julian (&next), month.share);
          memset (&month, 0, sizeof month);
          n_weeks = 0;
          g_date_clear (&start, 1);
        }

      if (s == NULL)
        break;

      if (!g_date_valid (&start))
        {
          start = thursday;
          g_date_set_day (&start, 1);
          month.monday = start;
        }

      month.tactical += s->tactical;
      month.strategic += s->strategic;
      month.total += s->total;
      n_weeks++;
    }

  return bars;
}

/**
 * bt_time_chart_layout:
 *
 * Works out where everything goes, without drawing.
 *
 * Returns: %FALSE when there is nothing to draw (no hours recorded)
 */
gboolean
bt_time_chart_layout (BtPlan             *plan,
                      const GDate        *today,
                      const BtChartStyle *style,
                      cairo_t            *cr,
                      double              width,
                      double              height,
                      BtTimeChartLayout  *layout)
{
  g_autoptr(GArray) shares = NULL;
  LegendItem items[5];
  double ts = bt_chart_text_scale (width, height);
  double pad = 12 * ts, max_total = 0, axis_left, axis_right, label_h;
  double week_px;
  guint32 first, last;
  gboolean any = FALSE;

  memset (layout, 0, sizeof *layout);
  layout->text_scale = ts;

  shares = bt_analytics_week_shares (plan);
  for (guint i = 0; i < shares->len; i++)
    {
      const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i);

      max_total = MAX (max_total, s->total);
      any = any || s->total > 0;
    }

  if (!any)
    return FALSE;

  layout->trajectory = bt_analytics_trajectory (plan, shares, style->weekly_budget);
  layout->weeks_below = bt_analytics_weeks_below (shares, &layout->trajectory, today, style->weekly_budget);
  layout->trend = bt_analytics_trend (shares, today, BT_TREND_WEEKS, style->weekly_budget);
  if (layout->trend.enough)
    {
      g_autofree char *slope = bt_number_format_signed (layout->trend.slope, 1);

      /* TRANSLATORS: under the Time chart's legend; %s is a change with its sign, "+1.2" or "−1.2" */
      layout->trend_text = g_strdup_printf (_("Trend: %s points a month over the last %u weeks with hours"),
                                            slope, layout->trend.n_points);
    }
  else
    layout->trend_text = bt_analytics_trend_shortfall (&layout->trend);
  {
    /* Hours that stopped weeks ago: said under the trend, in a line of its own */
    BtWeeksCovered covered = bt_analytics_weeks_covered (bt_analytics_latest_share (shares, today), today);

    layout->stale_text = bt_weeks_covered_notice (&covered);
  }

  first = g_date_get_julian (&g_array_index (shares, BtWeekShare, 0).monday);
  last = g_date_get_julian (&g_array_index (shares, BtWeekShare, shares->len - 1).monday) + 7;
  /* A few weeks recorded: the time axis still spans several weeks, ending
   * with the latest, so a bar is as wide as a week and the axis has dates. */
  if (last - first < MIN_WEEKS_SHOWN * 7)
    first = last - MIN_WEEKS_SHOWN * 7;

  /* Margins from the widest axis labels. */
  {
    g_autoptr(PangoLayout) hours = NULL;
    g_autoptr(PangoLayout) percent = NULL;
    g_autofree char *hours_text = NULL;
    double step = nice_step (max_total / AXIS_DIVISIONS);

    layout->max_hours = step * AXIS_DIVISIONS;
    /* TRANSLATORS: hours on the chart's axis, e.g. "40 h" */
    hours_text = g_strdup_printf (_("%g h"), layout->max_hours);
    hours = bt_chart_text (cr, style, hours_text, 0.85 * ts, FALSE, -1);
    /* TRANSLATORS: a percentage on the chart's axis, e.g. "75%" */
    percent = bt_chart_text (cr, style, _("100%"), 0.85 * ts, FALSE, -1);
    bt_chart_text_size (hours, &axis_left, &label_h);
    bt_chart_text_size (percent, &axis_right, NULL);
  }

  /* Room for every item; the last, the key of the marks below the
   * trajectory, is drawn only where a bar is marked (bt_time_chart_draw()). */
  fill_legend (style, items);
  layout->legend_bottom = pad + legend (cr, style, items, G_N_ELEMENTS (items), pad, pad,
                                        width - 2 * pad, ts, FALSE);

  layout->plot.x = pad + axis_left + 6 * ts;
  layout->plot.width = width - layout->plot.x - axis_right - 6 * ts - pad;
  /* The trend, in a line of its own under the legend. */
  layout->trend_y = layout->legend_bottom + label_h * 0.4;
  layout->plot.y = layout->trend_y + label_h * 1.2 + label_h;
  layout->stale_y = layout->trend_y + label_h * 1.2;
  if (layout->stale_text != NULL)
    layout->plot.y += label_h * 1.2;
  /* Below the plot: the "below trajectory" strip and the time labels. */
  layout->plot.height = height - layout->plot.y - pad - label_h * 2 - 10 * ts;

  if (layout->plot.width < 10 || layout->plot.height < 10)
    {
      layout->plot.width = MAX (layout->plot.width, 10);
      layout->plot.height = MAX (layout->plot.height, 10);
    }

  layout->scale = (BtTimeScale) { first, last, layout->plot.x, layout->plot.x + layout->plot.width };

  /* Weeks, or months when a week would be under two device pixels. */
  week_px = layout->plot.width * 7.0 / MAX (last - first, 7) * bt_chart_device_scale (cr);
  layout->by_month = week_px * 0.8 < MIN_BAR_DEVICE_PX;

  if (layout->by_month)
    layout->bars = month_bars (shares);
  else
    {
      layout->bars = g_array_sized_new (FALSE, TRUE, sizeof (BtTimeBar), shares->len);
      for (guint i = 0; i < shares->len; i++)
        {
          const BtWeekShare *s = &g_array_index (shares, BtWeekShare, i);
          guint32 day = g_date_get_julian (&s->monday);

          add_bar (layout->bars, s, 1, day, day + 7, s->rolling);
        }
    }

  for (guint i = 0; i < layout->bars->len; i++)
    {
      BtTimeBar *bar = &g_array_index (layout->bars, BtTimeBar, i);
      double x0 = bt_time_scale_x_julian (&layout->scale, bar->first_day);
      double x1 = bt_time_scale_x_julian (&layout->scale, bar->end_day);
      double gap = (x1 - x0) * 0.2;

      bar->x = x0 + gap / 2;
      bar->width = x1 - x0 - gap;

      if (layout->trajectory.valid && !isnan (bar->share))
        {
          GDate day;

          g_date_clear (&day, 1);
          g_date_set_julian (&day, bar->first_day);
          /* A partial week is not marked, as it is passed over when the
           * weeks below are counted: a few hours of meetings do not say
           * the week slid back (see bt_analytics_weeks_below()). */
          bar->below = bar->share < bt_trajectory_at (&layout->trajectory, &day) - 1e-12 &&
                       (layout->by_month ||
                        !bt_analytics_is_partial_week (bar->tactical + bar->strategic, style->weekly_budget));
        }
    }

  return TRUE;
}

void
bt_time_chart_layout_clear (BtTimeChartLayout *layout)
{
  g_clear_pointer (&layout->bars, g_array_unref);
  g_clear_pointer (&layout->trend_text, g_free);
  g_clear_pointer (&layout->stale_text, g_free);
}

double
bt_time_chart_y_for_hours (const BtTimeChartLayout *layout,
                           double                   hours)
{
  return layout->plot.y + layout->plot.height * (1 - hours / layout->max_hours);
}

double
bt_time_chart_y_for_share (const BtTimeChartLayout *layout,
                           double                   share)
{
  return layout->plot.y + layout->plot.height * (1 - share);
}

/**
 * bt_time_chart_bar_at:
 *
 * Returns: the index of the bar whose period covers @x, or -1
 */
int
bt_time_chart_bar_at (const BtTimeChartLayout *layout,
                      double                   x)
{
  guint lo = 0, hi;

  if (layout->bars == NULL)
    return -1;

  hi = layout->bars->len;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;
      const BtTimeBar *bar = &g_array_index (layout->bars, BtTimeBar, mid);
      double x0 = bt_time_scale_x_julian (&layout->scale, bar->first_day);
      double x1 = bt_time_scale_x_julian (&layout->scale, bar->end_day);

      if (x < x0)
        hi = mid;
      else if (x >= x1)
        lo = mid + 1;
      else
        return (int) mid;
    }

  return -1;
}

static void
draw_axes (cairo_t                 *cr,
           const BtChartStyle      *style,
           const BtTimeChartLayout *layout)
{
  const BtRect *p = &layout->plot;
  double ts = layout->text_scale;
  GDate ticks[64];
  BtTickUnit unit;
  guint n;

  cairo_set_line_width (cr, 1);

  for (int i = 0; i <= AXIS_DIVISIONS; i++)
    {
      double y = round (p->y + p->height * i / AXIS_DIVISIONS) + 0.5;
      g_autofree char *hours = g_strdup_printf (_("%g h"), layout->max_hours * (AXIS_DIVISIONS - i) / AXIS_DIVISIONS);
      g_autofree char *percent = g_strdup_printf (_("%d%%"), 100 * (AXIS_DIVISIONS - i) / AXIS_DIVISIONS);

      bt_chart_set_color (cr, i == AXIS_DIVISIONS ? &style->muted : &style->grid);
      cairo_move_to (cr, p->x, y);
      cairo_line_to (cr, p->x + p->width, y);
      cairo_stroke (cr);

      bt_chart_label (cr, style, &style->muted, hours, 0.85 * ts, FALSE, -1,
                      p->x - 6 * ts, y, BT_ALIGN_END, BT_ALIGN_CENTER);
      bt_chart_label (cr, style, &style->muted, percent, 0.85 * ts, FALSE, -1,
                      p->x + p->width + 6 * ts, y, BT_ALIGN_START, BT_ALIGN_CENTER);
    }

  /* Time labels, as many as fit without touching. */
  {
    g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mmm 0000", 0.85 * ts, FALSE, -1);
    double probe_w, label_y = p->y + p->height + 16 * ts;

    bt_chart_text_size (probe, &probe_w, NULL);
    unit = bt_time_scale_pick_unit (&layout->scale, probe_w * 1.3);
    n = bt_time_scale_ticks (&layout->scale, unit, ticks,
                             MAX (1, (guint) (p->width / (probe_w * 1.3))));

    for (guint i = 0; i < n; i++)
      {
        double x = round (bt_time_scale_x (&layout->scale, &ticks[i])) + 0.5;
        g_autofree char *label = bt_time_tick_label (&ticks[i], unit);

        bt_chart_set_color (cr, &style->muted);
        cairo_move_to (cr, x, p->y + p->height);
        cairo_line_to (cr, x, p->y + p->height + 4 * ts);
        cairo_stroke (cr);

        /* The last label may not run past the canvas edge. */
        bt_chart_label (cr, style, &style->muted, label, 0.85 * ts, FALSE, probe_w * 1.2,
                        MIN (x, p->x + p->width - probe_w * 0.55), label_y,
                        BT_ALIGN_CENTER, BT_ALIGN_START);
      }
  }
}

void
bt_time_chart_draw (BtPlan             *plan,
                    const GDate        *today,
                    const BtChartStyle *style,
                    cairo_t            *cr,
                    double              width,
                    double              height)
{
  BtTimeChartLayout layout;
  LegendItem items[5];
  const BtRect *p;
  gboolean in_line = FALSE;
  gboolean any_below = FALSE;

  g_return_if_fail (BT_IS_PLAN (plan));

  cairo_save (cr);

  if (!bt_time_chart_layout (plan, today, style, cr, width, height, &layout))
    {
      bt_chart_draw_empty (cr, style, width, height,
                           _("No hours recorded yet"),
                           _("Record the hours of a week, tactical and strategic, to see where your time goes."));
      cairo_restore (cr);
      return;
    }

  p = &layout.plot;
  bt_chart_fill_background (cr, style, width, height);

  /* The last item, the key of the marks below the trajectory, only where
   * a bar is marked so. */
  for (guint i = 0; i < layout.bars->len && !any_below; i++)
    any_below = g_array_index (layout.bars, BtTimeBar, i).below;
  fill_legend (style, items);
  legend (cr, style, items, G_N_ELEMENTS (items) - (any_below ? 0 : 1),
          12 * layout.text_scale, 12 * layout.text_scale,
          width - 24 * layout.text_scale, layout.text_scale, TRUE);
  if (layout.trend_text != NULL)
    bt_chart_label (cr, style, &style->muted, layout.trend_text, 0.85 * layout.text_scale, FALSE,
                    width - 24 * layout.text_scale, 12 * layout.text_scale, layout.trend_y,
                    BT_ALIGN_START, BT_ALIGN_START);
  if (layout.stale_text != NULL)
    bt_chart_label (cr, style, &style->warning, layout.stale_text, 0.85 * layout.text_scale, FALSE,
                    width - 24 * layout.text_scale, 12 * layout.text_scale,
                    layout.stale_y,
                    BT_ALIGN_START, BT_ALIGN_START);

  draw_axes (cr, style, &layout);

  /* Bars: tactical at the bottom, strategic on top. */
  for (guint i = 0; i < layout.bars->len; i++)
    {
      const BtTimeBar *bar = &g_array_index (layout.bars, BtTimeBar, i);
      double y_base = bt_time_chart_y_for_hours (&layout, 0);
      double y_t = bt_time_chart_y_for_hours (&layout, bar->tactical);
      double y_s = bt_time_chart_y_for_hours (&layout, bar->tactical + bar->strategic);

      if (bar->tactical > 0)
        {
          bt_chart_set_color (cr, &style->tactical);
          cairo_rectangle (cr, bar->x, y_t, bar->width, y_base - y_t);
          cairo_fill (cr);
        }
      if (bar->strategic > 0)
        {
          bt_chart_set_color (cr, &style->strategic);
          cairo_rectangle (cr, bar->x, y_s, bar->width, y_t - y_s);
          cairo_fill (cr);
        }

      if (bar->below)
        {
          double cx = bar->x + bar->width / 2, size = MIN (MAX (bar->width, 3), 7 * layout.text_scale);
          double y = p->y + p->height + 3 * layout.text_scale;

          bt_chart_set_color (cr, &style->warning);
          cairo_move_to (cr, cx, y);
          cairo_line_to (cr, cx + size / 2, y + size);
          cairo_line_to (cr, cx - size / 2, y + size);
          cairo_close_path (cr);
          cairo_fill (cr);
        }
    }

  cairo_save (cr);
  cairo_rectangle (cr, p->x, p->y - 2, p->width, p->height + 4);
  cairo_clip (cr);

  /* The trajectory, dashed, from the first week to the end of the chart. */
  if (layout.trajectory.valid)
    {
      GDate d;
      guint32 target = g_date_get_julian (&layout.trajectory.end);

      bt_chart_set_color (cr, &style->trajectory);
      cairo_set_line_width (cr, 2 * layout.text_scale);
      cairo_set_dash (cr, (double[]) { 6 * layout.text_scale, 4 * layout.text_scale }, 2, 0);

      /* Not before the first week: the axis may start weeks earlier, when
       * few are recorded, and the trajectory starts from that week's share. */
      g_date_clear (&d, 1);
      g_date_set_julian (&d, MAX (layout.scale.first, g_date_get_julian (&layout.trajectory.start)));
      cairo_move_to (cr, bt_time_scale_x (&layout.scale, &d),
                     bt_time_chart_y_for_share (&layout, bt_trajectory_at (&layout.trajectory, &d)));
      if (target > layout.scale.first && target < layout.scale.last)
        {
          cairo_line_to (cr, bt_time_scale_x (&layout.scale, &layout.trajectory.end),
                         bt_time_chart_y_for_share (&layout, layout.trajectory.end_share));
        }
      g_date_set_julian (&d, layout.scale.last);
      cairo_line_to (cr, bt_time_scale_x (&layout.scale, &d),
                     bt_time_chart_y_for_share (&layout, bt_trajectory_at (&layout.trajectory, &d)));
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  /* The strategic share, broken where there are no hours; a share with
   * none beside it, a dot, which a line of one point would not show. */
  bt_chart_set_color (cr, &style->share);
  cairo_set_line_width (cr, 2.5 * layout.text_scale);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  for (guint i = 0; i < layout.bars->len; i++)
    {
      const BtTimeBar *bar = &g_array_index (layout.bars, BtTimeBar, i);
      const BtTimeBar *next = i + 1 < layout.bars->len ? &g_array_index (layout.bars, BtTimeBar, i + 1) : NULL;
      double x = bar->x + bar->width / 2;
      double y;

      if (isnan (bar->line_share))
        {
          in_line = FALSE;
          continue;
        }

      y = bt_time_chart_y_for_share (&layout, bar->line_share);
      if (in_line)
        cairo_line_to (cr, x, y);
      else if (next == NULL || isnan (next->line_share))
        {
          cairo_stroke (cr);   /* the line before, if any */
          cairo_arc (cr, x, y, 3.5 * layout.text_scale, 0, 2 * G_PI);
          cairo_close_path (cr);
          cairo_fill (cr);
          continue;
        }
      else
        cairo_move_to (cr, x, y);
      in_line = TRUE;
    }
  cairo_stroke (cr);
  cairo_restore (cr);

  bt_time_chart_layout_clear (&layout);
  cairo_restore (cr);
}
