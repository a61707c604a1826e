/* bt-timeline-chart.c — the roadmap of the shift on a time axis
 *
 * Phases are bands across the top (stacked in lanes where they overlap);
 * milestones are diamonds on a spine, coloured by status, their labels
 * staggered in rows above and below it so that none overlap, and shortened
 * with an ellipsis only when no row has room. A slipped milestone shows
 * where it was first planned. Today and the target date are vertical
 * lines; with a birth year, ages run under the axis.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-timeline-chart"

#include "config.h"

#include <math.h>
#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-report.h"
#include "bt-timeline-chart-private.h"

#define MAX_LANES 4

static void
extend (guint32     *first,
        guint32     *last,
        const GDate *date)
{
  guint32 j;

  if (date == NULL || !g_date_valid (date))
    return;

  j = g_date_get_julian (date);
  *first = MIN (*first, j);
  *last = MAX (*last, j);
}

static int
compare_markers (gconstpointer a,
                 gconstpointer b)
{
  const BtTimelineMarker *ma = a, *mb = b;

  return (ma->x > mb->x) - (ma->x < mb->x);
}

static char *
milestone_label (BtMilestone *m)
{
  g_autofree char *first = bt_format_first_planned (m);

  if (first != NULL)
    /* TRANSLATORS: a milestone's label on the roadmap; %s is the date it was
     * first planned for, with its year when that is not the year of the
     * milestone's date now: "QBR with Product (from 20 Mar)",
     * "Launch (from 9 Aug 2027)" */
    return g_strdup_printf (_("%s (from %s)"), bt_milestone_get_title (m), first);

  return g_strdup (bt_milestone_get_title (m));
}

/* More of a title than any label has room for. */
#define FIT_MAX_CHARS 256

static gboolean
label_fits (cairo_t            *cr,
            const BtChartStyle *style,
            const char         *text,
            double              size,
            double              max_width)
{
  g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, text, size, FALSE, -1);
  double w;

  bt_chart_text_size (pl, &w, NULL);

  /* bt_chart_text() ellipsizes at whole units. */
  return w <= floor (max_width);
}

/* A slipped milestone's label with only the first @n_chars of its title. */
static char *
shortened_label (const char *title,
                 glong       n_chars,
                 const char *first)
{
  g_autofree char *start = g_strndup (title, g_utf8_offset_to_pointer (title, n_chars) - title);
  g_autofree char *shortened = g_strconcat (g_strchomp (start), "…", NULL);

  return g_strdup_printf (_("%s (from %s)"), shortened, first);
}

/**
 * bt_timeline_chart_fit_label:
 *
 * A slipped milestone's label with no room to be whole shortens its title
 * and keeps "(from …)" whole: the first date is what the label is there to
 * say, and an ellipsis at the end would take it first.
 *
 * Returns: @m's label for @max_width; any other label whole, for the
 *   drawing to ellipsize at its end
 */
char *
bt_timeline_chart_fit_label (cairo_t            *cr,
                             const BtChartStyle *style,
                             BtMilestone        *m,
                             double              size,
                             double              max_width)
{
  g_autofree char *first = bt_format_first_planned (m);
  g_autofree char *whole = milestone_label (m);
  const char *title = bt_milestone_get_title (m);
  glong lo = 0, hi;

  if (first == NULL || label_fits (cr, style, whole, size, max_width))
    return g_steal_pointer (&whole);

  /* The longest beginning of the title that fits, found by halving. */
  hi = g_utf8_strlen (title, FIT_MAX_CHARS * 4);
  hi = MIN (hi, FIT_MAX_CHARS);
  while (lo < hi)
    {
      glong mid = (lo + hi + 1) / 2;
      g_autofree char *text = shortened_label (title, mid, first);

      if (label_fits (cr, style, text, size, max_width))
        lo = mid;
      else
        hi = mid - 1;
    }

  return lo > 0 ? shortened_label (title, lo, first) : g_steal_pointer (&whole);
}

/* Where a label that starts at @start would run across today's line, it
 * moves to the side of the line its marker is on, as far as it still
 * spans its marker and stays within @left and @right; today's line then
 * runs past the label, not through it. */
static double
clear_of_today (const BtTimelineLayout *layout,
                double                  x,
                double                  start,
                double                  w,
                double                  gap,
                double                  left,
                double                  right)
{
  double today = layout->today_x;
  double margin = gap / 2;

  if (isnan (today) || start >= today + margin || start + w <= today - margin)
    return start;
  if (x <= today - margin && today - margin - w >= left)
    return today - margin - w;
  if (x >= today + margin && today + margin + w <= right)
    return today + margin;

  return start;
}

/* Places each label in the first row, alternating above and below the
 * spine, where it does not touch its neighbour; when no row has room for
 * the whole label, in the row with the most room, ellipsized. */
static void
place_labels (cairo_t            *cr,
              const BtChartStyle *style,
              BtTimelineLayout   *layout,
              guint               rows_each_side,
              double              row_height,
              double              left,
              double              right)
{
  guint n_rows = rows_each_side * 2;
  g_autofree double *row_end = g_new (double, MAX (n_rows, 1));
  double gap = 8 * layout->text_scale;
  double min_width = 3 * style->font_size * layout->text_scale;

  for (guint r = 0; r < n_rows; r++)
    row_end[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < layout->markers->len; i++)
    {
      BtTimelineMarker *m = &g_array_index (layout->markers, BtTimelineMarker, i);
      g_autofree char *text = NULL;
      g_autoptr(PangoLayout) pl = NULL;
      double w, h, x0, best_width = 0, best_x = 0, natural;
      int best_row = -1;
      gboolean any_room = FALSE;

      /* Where every row is taken up to this marker, no label can go:
       * do not shape one only to find that out. */
      for (guint r = 0; r < n_rows && !any_room; r++)
        any_room = row_end[r] + gap <= m->x + 2;
      if (!any_room)
        {
          m->row = 0;
          memset (&m->label, 0, sizeof m->label);
          continue;
        }

      text = milestone_label (m->milestone);
      pl = bt_chart_text (cr, style, text, 0.9 * layout->text_scale, FALSE, -1);
      bt_chart_text_size (pl, &w, &h);
      natural = w;
      w = MIN (w, (right - left) * 0.45);

      for (guint r = 0; r < n_rows; r++)
        {
          double start = clear_of_today (layout, m->x, CLAMP (m->x - w / 2, left, right - w), w, gap,
                                         left, right);

          if (start >= row_end[r] + gap)
            {
              best_row = r;
              best_x = start;
              best_width = w;
              break;
            }

          /* Partial room: from the neighbour's end, as long as the label
           * still begins at or before its marker. */
          start = row_end[r] + gap;
          if (start <= m->x + 2)
            {
              double room = MIN (w, right - start);

              if (room > best_width)
                {
                  best_width = room;
                  best_row = r;
                  best_x = start;
                }
            }
        }

      if (best_row < 0 || best_width < MIN (w, min_width))
        {
          m->row = 0;
          memset (&m->label, 0, sizeof m->label);
          continue;
        }

      x0 = best_x;
      m->truncated = best_width < natural;
      row_end[best_row] = x0 + best_width;
      /* Row 0 is the first above the spine, row 1 the first below, … */
      m->row = best_row % 2 == 0 ? (int) best_row / 2 + 1 : -((int) best_row / 2 + 1);
      m->label.x = x0;
      m->label.width = best_width;
      m->label.height = h;
      if (m->row > 0)
        m->label.y = layout->spine_y - 12 * layout->text_scale - m->row * row_height;
      else
        m->label.y = layout->spine_y + 12 * layout->text_scale + (-m->row - 1) * row_height + (row_height - h);
    }
}

/**
 * bt_timeline_chart_layout:
 *
 * With no phase or milestone that has a date, the layout still holds the
 * time axis around today and the target date (#BtTimelineLayout.scale,
 * .plot, .today_x, .target_x) for the empty roadmap to show them, and
 * nothing to clear.
 *
 * Returns: %FALSE when the plan has no phase nor milestone with a date
 */
gboolean
bt_timeline_chart_layout (BtPlan             *plan,
                          const GDate        *today,
                          const BtChartStyle *style,
                          cairo_t            *cr,
                          double              width,
                          double              height,
                          BtTimelineLayout   *layout)
{
  GListModel *phases = bt_plan_get_phases (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  const GDate *target = bt_profile_get_target_date (bt_plan_get_profile (plan));
  guint n_phases = g_list_model_get_n_items (phases);
  guint n_milestones = g_list_model_get_n_items (milestones);
  guint32 first = G_MAXUINT32, last = 0, span, pad_days;
  double ts = bt_chart_text_scale (width, height);
  double pad = 12 * ts, text_h, row_height, bottom, top;
  guint32 lane_end[MAX_LANES] = { 0, };
  guint rows_each_side;
  gboolean nothing_dated;

  memset (layout, 0, sizeof *layout);
  layout->text_scale = ts;
  layout->today_x = NAN;
  layout->target_x = NAN;

  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(BtPhase) phase = g_list_model_get_item (phases, i);

      extend (&first, &last, bt_phase_get_start (phase));
      extend (&first, &last, bt_phase_get_end (phase));
    }

  for (guint i = 0; i < n_milestones; i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);

      extend (&first, &last, bt_milestone_get_date (m));
      extend (&first, &last, bt_milestone_get_original_date (m));
    }

  nothing_dated = first > last;

  extend (&first, &last, today);
  extend (&first, &last, target);
  if (first > last)
    return FALSE;

  /* At least three months, and a little air at both ends. */
  span = MAX (last - first, 90);
  pad_days = MAX (span / 30, 7);
  first = first > pad_days ? first - pad_days : 1;
  last = first + span + 2 * pad_days;

  {
    g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mg", 0.9 * ts, FALSE, -1);
    bt_chart_text_size (probe, NULL, &text_h);
  }

  row_height = text_h + 6 * ts;
  top = pad + row_height * 1.2;     /* the legend */
  bottom = height - pad - text_h * 2.6;   /* the axis labels and ages */

  layout->plot = (BtRect) { pad, top, width - 2 * pad, MAX (bottom - top, 10) };
  layout->scale = (BtTimeScale) { first, last, pad, width - pad };

  if (nothing_dated)
    {
      if (today != NULL)
        layout->today_x = bt_time_scale_x (&layout->scale, today);
      if (target != NULL)
        layout->target_x = bt_time_scale_x (&layout->scale, target);
      return FALSE;
    }

  /* Phases in lanes: each goes into the first lane free at its start. */
  layout->lane_height = text_h + 10 * ts;
  layout->phase_lanes = g_array_sized_new (FALSE, TRUE, sizeof (guint), n_phases);
  for (guint i = 0; i < n_phases; i++)
    {
      g_autoptr(BtPhase) phase = g_list_model_get_item (phases, i);
      const GDate *s = bt_phase_get_start (phase), *e = bt_phase_get_end (phase);
      guint32 js = s ? g_date_get_julian (s) : first, je = e ? g_date_get_julian (e) : last;
      guint lane = 0;

      /* A phase with no dates has no place in time: it is listed apart,
       * not drawn as if it ran the whole chart. */
      if (s == NULL && e == NULL)
        {
          lane = BT_TIMELINE_NO_LANE;
          g_array_append_val (layout->phase_lanes, lane);
          continue;
        }

      while (lane < MAX_LANES - 1 && lane < layout->n_lanes && lane_end[lane] > js)
        lane++;
      lane_end[lane] = MAX (lane_end[lane], je);
      layout->n_lanes = MAX (layout->n_lanes, lane + 1);
      g_array_append_val (layout->phase_lanes, lane);
    }

  {
    /* A row at the top for the target's label and one at the bottom for
     * today's stay free of milestone labels. */
    double phases_bottom = layout->plot.y + layout->n_lanes * (layout->lane_height + 4 * ts) + row_height;
    double area = layout->plot.y + layout->plot.height - row_height - phases_bottom;

    layout->spine_y = phases_bottom + area / 2;
    rows_each_side = (guint) MAX (0, floor ((area / 2 - 14 * ts) / row_height));
  }

  if (today != NULL && g_date_get_julian (today) >= first && g_date_get_julian (today) <= last)
    layout->today_x = bt_time_scale_x (&layout->scale, today);
  if (target != NULL)
    layout->target_x = bt_time_scale_x (&layout->scale, target);

  layout->markers = g_array_sized_new (FALSE, TRUE, sizeof (BtTimelineMarker), n_milestones);
  for (guint i = 0; i < n_milestones; i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
      const GDate *date = bt_milestone_get_date (m);
      const GDate *original = bt_milestone_get_original_date (m);
      BtTimelineMarker marker = { m, 0, NAN, 0, { 0, } };

      if (date == NULL)
        continue;

      marker.x = bt_time_scale_x (&layout->scale, date);
      if (original != NULL && g_date_compare (original, date) != 0)
        marker.original_x = bt_time_scale_x (&layout->scale, original);
      g_array_append_val (layout->markers, marker);
    }
  g_array_sort (layout->markers, compare_markers);

  place_labels (cr, style, layout, rows_each_side, row_height,
                layout->plot.x, layout->plot.x + layout->plot.width);

  return TRUE;
}

/**
 * bt_timeline_chart_undated_text:
 *
 * Returns: (nullable): the line that names the phases and milestones
 *   without a date, which the roadmap cannot place; %NULL when all have one
 */
char *
bt_timeline_chart_undated_text (BtPlan *plan)
{
  GListModel *phases = bt_plan_get_phases (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  g_autoptr(GString) names = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(BtPhase) phase = g_list_model_get_item (phases, i);

      if (bt_phase_get_start (phase) == NULL && bt_phase_get_end (phase) == NULL)
        g_string_append_printf (names, "%s%s", names->len ? _(", ") : "", bt_phase_get_title (phase));
    }
  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);

      if (bt_milestone_get_date (m) == NULL)
        g_string_append_printf (names, "%s%s", names->len ? _(", ") : "", bt_milestone_get_title (m));
    }

  if (names->len == 0)
    return NULL;

  /* TRANSLATORS: at the top of the roadmap; %s lists phases and milestones */
  return g_strdup_printf (_("Not shown, without dates: %s"), names->str);
}

/**
 * bt_timeline_chart_empty_text:
 * @title: (out): what the empty roadmap says
 * @hint: (out): what to add
 *
 * The words of the roadmap with nothing to place on it: an empty plan, or
 * phases and milestones that have no dates yet, which are named rather
 * than called "empty".
 */
void
bt_timeline_chart_empty_text (BtPlan  *plan,
                              char   **title,
                              char   **hint)
{
  GListModel *phases = bt_plan_get_phases (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);
  guint n_phases = g_list_model_get_n_items (phases);
  guint n = n_phases + g_list_model_get_n_items (milestones);
  g_autoptr(GObject) first = NULL;
  const char *name;

  if (n == 0)
    {
      *title = g_strdup (_("The roadmap is empty"));
      if (bt_profile_get_target_date (bt_plan_get_profile (plan)) != NULL)
        *hint = g_strdup (_("Add the phases of your shift and the milestones that mark it, "
                            "with their target dates."));
      else
        *hint = g_strdup (_("Add the phases of your shift and the milestones that mark it, "
                            "with their target dates, and set your target date in Your Goal."));
      return;
    }

  *title = g_strdup (_("Nothing on the roadmap has a date yet"));
  first = n_phases > 0 ? g_list_model_get_item (phases, 0) : g_list_model_get_item (milestones, 0);
  name = BT_IS_PHASE (first) ? bt_phase_get_title (BT_PHASE (first)) : bt_milestone_get_title (BT_MILESTONE (first));

  if (n == 1 && BT_IS_PHASE (first) && *name)
    *hint = g_strdup_printf (_("Add dates to your phase “%s” to place it on the roadmap."), name);
  else if (n == 1 && *name)
    *hint = g_strdup_printf (_("Add a date to your milestone “%s” to place it on the roadmap."), name);
  else if (*name)
    /* TRANSLATORS: %s is a phase or milestone, %u how many others have no date either */
    *hint = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Add dates to “%s” and %u more phase or milestone to place them on the roadmap.",
                                          "Add dates to “%s” and %u more phases and milestones to place them on the roadmap.",
                                          n - 1),
                             name, n - 1);
  else
    *hint = g_strdup (_("Add dates to your phases and milestones to place them on the roadmap."));
}

void
bt_timeline_chart_layout_clear (BtTimelineLayout *layout)
{
  g_clear_pointer (&layout->markers, g_array_unref);
  g_clear_pointer (&layout->phase_lanes, g_array_unref);
}

static void
diamond (cairo_t *cr,
         double   x,
         double   y,
         double   r)
{
  cairo_move_to (cr, x, y - r);
  cairo_line_to (cr, x + r, y);
  cairo_line_to (cr, x, y + r);
  cairo_line_to (cr, x - r, y);
  cairo_close_path (cr);
}

/* Returns: where the legend ends */
static double
draw_legend (cairo_t                *cr,
             const BtChartStyle     *style,
             const BtTimelineLayout *layout,
             double                  width)
{
  double ts = layout->text_scale, x = 12 * ts, y = 12 * ts, r = 5 * ts;
  GType type = BT_TYPE_MILESTONE_STATUS;

  for (int s = BT_MILESTONE_PLANNED; s <= BT_MILESTONE_DROPPED; s++)
    {
      const char *label = bt_enum_to_label (type, s);
      g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, label, 0.85 * ts, FALSE, -1);
      double w, h;

      bt_chart_text_size (pl, &w, &h);
      if (x + 2 * r + 4 * ts + w > width - 12 * ts)
        break;   /* a narrow chart shows what fits */

      bt_chart_set_color (cr, &style->status[s]);
      diamond (cr, x + r, y + h / 2, r);
      cairo_fill (cr);
      bt_chart_set_color (cr, &style->foreground);
      bt_chart_draw_text (cr, pl, x + 2 * r + 4 * ts, y, BT_ALIGN_START, BT_ALIGN_START);
      x += 2 * r + 4 * ts + w + 14 * ts;
    }

  return x;
}

static void
draw_vertical (cairo_t            *cr,
               const BtChartStyle *style,
               const BtColor      *color,
               double              x,
               double              y0,
               double              y1,
               const char         *label,
               double              label_y,
               double              ts,
               double              right)
{
  g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, label, 0.85 * ts, TRUE, 200 * ts);
  double w, h;
  gboolean flip;

  /* An even, whole width on a whole x: crisp, not smeared over three pixels. */
  bt_chart_set_color (cr, color);
  cairo_set_line_width (cr, 2 * MAX (1, round (ts)));
  cairo_move_to (cr, round (x), y0);
  cairo_line_to (cr, round (x), y1);
  cairo_stroke (cr);

  /* The label reads to the right of the line, or to its left near the
   * edge; on a backing, so that no grid line runs through it. */
  bt_chart_text_size (pl, &w, &h);
  flip = x + 4 * ts + w > right;
  bt_chart_set_color (cr, &style->background);
  cairo_rectangle (cr, flip ? x - 6 * ts - w : x + 2 * ts, label_y, w + 4 * ts, h);
  cairo_fill (cr);
  bt_chart_set_color (cr, color);
  bt_chart_draw_text (cr, pl, flip ? x - 4 * ts : x + 4 * ts, label_y,
                      flip ? BT_ALIGN_END : BT_ALIGN_START, BT_ALIGN_START);
}

/**
 * bt_timeline_chart_axis_labels:
 * @plot: where the chart draws
 * @label_width: the widest a tick's date is
 * @tick_x: (array length=n_ticks): the ticks' lines, left to right
 * @label_x: (out caller-allocates) (array length=n_ticks): where each
 *   tick's date is centred, or NAN for none
 *
 * A date sits under its line, moved in from the edge by a little at
 * most: one pushed far from its line would name another line (the last
 * one, under the target date's), or run into its neighbour's date. Such
 * a line goes without a date.
 */
void
bt_timeline_chart_axis_labels (const BtRect *plot,
                               double        label_width,
                               const double *tick_x,
                               guint         n_ticks,
                               double       *label_x)
{
  double half = label_width / 2, last_right = -G_MAXDOUBLE;

  for (guint i = 0; i < n_ticks; i++)
    {
      double x = CLAMP (tick_x[i], plot->x + half, plot->x + plot->width - half);

      if (fabs (x - tick_x[i]) > label_width / 5 || x - half < last_right)
        {
          label_x[i] = NAN;
          continue;
        }
      label_x[i] = x;
      last_right = x + half;
    }
}

/* The time axis: a grid line and a date at each tick from @grid_top
 * down, and with a birth year the ages under it. */
static void
draw_axis (cairo_t                *cr,
           const BtChartStyle     *style,
           const BtTimelineLayout *layout,
           BtProfile              *profile,
           double                  grid_top)
{
  const BtRect *p = &layout->plot;
  double ts = layout->text_scale;
  GDate ticks[64];
  BtTickUnit unit;
  guint n_ticks;
  g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mmm 0000", 0.85 * ts, FALSE, -1);
  double probe_w, probe_h, axis_y = p->y + p->height;
  double tick_x[G_N_ELEMENTS (ticks)], label_x[G_N_ELEMENTS (ticks)];
  int birth_year = bt_profile_get_birth_year (profile);

  bt_chart_text_size (probe, &probe_w, &probe_h);
  unit = bt_time_scale_pick_unit (&layout->scale, probe_w * 1.15);
  n_ticks = bt_time_scale_ticks (&layout->scale, unit, ticks,
                                 CLAMP ((guint) (p->width / (probe_w * 1.3)), 1, G_N_ELEMENTS (ticks)));

  for (guint i = 0; i < n_ticks; i++)
    tick_x[i] = round (bt_time_scale_x (&layout->scale, &ticks[i])) + 0.5;
  bt_timeline_chart_axis_labels (p, probe_w * 1.2, tick_x, n_ticks, label_x);

  cairo_set_line_width (cr, 1);
  for (guint i = 0; i < n_ticks; i++)
    {
      double x = tick_x[i];
      g_autofree char *label = NULL;

      bt_chart_set_color (cr, &style->grid);
      cairo_move_to (cr, x, grid_top);
      cairo_line_to (cr, x, axis_y + 4 * ts);
      cairo_stroke (cr);

      if (isnan (label_x[i]))
        continue;
      label = bt_time_tick_label (&ticks[i], unit);
      bt_chart_label (cr, style, &style->muted, label, 0.85 * ts, FALSE, probe_w * 1.2,
                      label_x[i], axis_y + 6 * ts, BT_ALIGN_CENTER, BT_ALIGN_START);

      /* Ages at each new year: the age reached during that year. */
      if (birth_year > 0 && g_date_get_month (&ticks[i]) == G_DATE_JANUARY)
        {
          /* TRANSLATORS: the age the person reaches in that year, under the roadmap's axis */
          g_autofree char *age = g_strdup_printf (_("age %d"), g_date_get_year (&ticks[i]) - birth_year);

          bt_chart_label (cr, style, &style->muted, age, 0.8 * ts, FALSE, probe_w * 1.2,
                          label_x[i], axis_y + 8 * ts + probe_h, BT_ALIGN_CENTER, BT_ALIGN_START);
        }
    }
}

/* The target date's line, labelled at @top, and today's, labelled at the
 * bottom. */
static void
draw_today_and_target (cairo_t                *cr,
                       const BtChartStyle     *style,
                       const BtTimelineLayout *layout,
                       BtProfile              *profile,
                       double                  top)
{
  const BtRect *p = &layout->plot;
  double ts = layout->text_scale;
  double label_y = top + 2 * ts;
  const char *role = bt_profile_get_target_role (profile);
  g_autofree char *target_label = *role ? g_strdup_printf (_("Target: %s"), role) : g_strdup (_("Target"));

  if (!isnan (layout->target_x) && layout->target_x >= p->x && layout->target_x <= p->x + p->width)
    draw_vertical (cr, style, &style->target, layout->target_x, top, p->y + p->height,
                   target_label, label_y, ts, p->x + p->width);
  if (!isnan (layout->today_x))
    {
      g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, _("Today"), 0.85 * ts, TRUE, -1);
      double h;

      bt_chart_text_size (probe, NULL, &h);
      draw_vertical (cr, style, &style->today, layout->today_x, top, p->y + p->height,
                     _("Today"), p->y + p->height - h - 2 * ts, ts, p->x + p->width);
    }
}

/* An empty roadmap still has a place in time: today and the target date
 * on an axis, under the words that say what to add. */
static void
draw_empty (BtPlan                 *plan,
            const BtChartStyle     *style,
            BtTimelineLayout       *layout,
            cairo_t                *cr,
            double                  width,
            double                  height)
{
  g_autofree char *title = NULL;
  g_autofree char *hint = NULL;
  double ts = layout->text_scale, box = MAX (width - 32 * ts, 40), th, hh, y;
  g_autoptr(PangoLayout) title_layout = NULL;
  g_autoptr(PangoLayout) hint_layout = NULL;
  BtProfile *profile = bt_plan_get_profile (plan);

  bt_timeline_chart_empty_text (plan, &title, &hint);

  /* Nothing to place in time, not even today: the words alone. */
  if (layout->scale.last == 0)
    {
      bt_chart_draw_empty (cr, style, width, height, title, hint);
      return;
    }

  title_layout = bt_chart_paragraph (cr, style, title, 1.4, TRUE, MIN (box, 560), height / 3, PANGO_ALIGN_CENTER);
  hint_layout = bt_chart_paragraph (cr, style, hint, 1.0, FALSE, MIN (box, 480), height / 3, PANGO_ALIGN_CENTER);
  bt_chart_text_size (title_layout, NULL, &th);
  bt_chart_text_size (hint_layout, NULL, &hh);

  bt_chart_fill_background (cr, style, width, height);

  y = 12 * ts;
  bt_chart_set_color (cr, &style->foreground);
  cairo_move_to (cr, (width - MIN (box, 560)) / 2, y);
  pango_cairo_show_layout (cr, title_layout);
  bt_chart_set_color (cr, &style->muted);
  cairo_move_to (cr, (width - MIN (box, 480)) / 2, y + th + 8 * ts);
  pango_cairo_show_layout (cr, hint_layout);

  /* The plot starts under the words. */
  y += th + hh + 20 * ts;
  if (layout->plot.y + layout->plot.height - y > 20 * ts)
    {
      layout->plot.height = layout->plot.y + layout->plot.height - y;
      layout->plot.y = y;
    }

  draw_axis (cr, style, layout, profile, layout->plot.y);
  draw_today_and_target (cr, style, layout, profile, layout->plot.y);
}

void
bt_timeline_chart_draw (BtPlan             *plan,
                        const GDate        *today,
                        const BtChartStyle *style,
                        cairo_t            *cr,
                        double              width,
                        double              height)
{
  BtProfile *profile = bt_plan_get_profile (plan);
  GListModel *phases = bt_plan_get_phases (plan);
  BtTimelineLayout layout;
  const BtRect *p;
  double ts, r;

  g_return_if_fail (BT_IS_PLAN (plan));

  cairo_save (cr);

  if (!bt_timeline_chart_layout (plan, today, style, cr, width, height, &layout))
    {
      draw_empty (plan, style, &layout, cr, width, height);
      cairo_restore (cr);
      return;
    }

  p = &layout.plot;
  ts = layout.text_scale;
  r = 6 * ts;

  bt_chart_fill_background (cr, style, width, height);
  {
    double legend_end = draw_legend (cr, style, &layout, width);
    double room = width - 12 * ts - (legend_end + 10 * ts);
    g_autofree char *undated = bt_timeline_chart_undated_text (plan);

    /* Beside the legend, shortened to what fits. */
    if (undated != NULL && room > 80 * ts)
      bt_chart_label (cr, style, &style->muted, undated, 0.85 * ts, FALSE, room,
                      width - 12 * ts, 12 * ts, BT_ALIGN_END, BT_ALIGN_START);
  }

  /* Phases */
  for (guint i = 0; i < g_list_model_get_n_items (phases); i++)
    {
      g_autoptr(BtPhase) phase = g_list_model_get_item (phases, i);
      const GDate *s = bt_phase_get_start (phase), *e = bt_phase_get_end (phase);
      guint lane = g_array_index (layout.phase_lanes, guint, i);
      double x0 = s ? bt_time_scale_x (&layout.scale, s) : p->x;
      double x1 = e ? bt_time_scale_x (&layout.scale, e) : p->x + p->width;
      double y = p->y + lane * (layout.lane_height + 4 * ts);

      if (lane == BT_TIMELINE_NO_LANE)
        continue;

      x0 = MAX (x0, p->x);
      x1 = MIN (x1, p->x + p->width);
      if (x1 - x0 < 1)
        continue;

      bt_chart_set_color (cr, &style->band);
      bt_chart_rounded_rect (cr, x0, y, x1 - x0, layout.lane_height, 4 * ts);
      cairo_fill (cr);
      bt_chart_set_color (cr, &style->grid);
      cairo_set_line_width (cr, 1);
      bt_chart_rounded_rect (cr, x0 + 0.5, y + 0.5, x1 - x0 - 1, layout.lane_height - 1, 4 * ts);
      cairo_stroke (cr);

      if (x1 - x0 > 24 * ts)
        bt_chart_label (cr, style, &style->foreground, bt_phase_get_title (phase), 0.9 * ts, TRUE,
                        x1 - x0 - 16 * ts, x0 + 8 * ts, y + layout.lane_height / 2,
                        BT_ALIGN_START, BT_ALIGN_CENTER);
    }

  draw_axis (cr, style, &layout, profile, p->y + layout.n_lanes * (layout.lane_height + 4 * ts));

  /* The spine */
  bt_chart_set_color (cr, &style->muted);
  cairo_set_line_width (cr, 2 * ts);
  cairo_move_to (cr, p->x, layout.spine_y);
  cairo_line_to (cr, p->x + p->width, layout.spine_y);
  cairo_stroke (cr);

  /* Today and the target */
  draw_today_and_target (cr, style, &layout, profile, p->y + layout.n_lanes * (layout.lane_height + 4 * ts));

  /* Milestones: leader lines, markers, labels. */
  for (guint i = 0; i < layout.markers->len; i++)
    {
      const BtTimelineMarker *m = &g_array_index (layout.markers, BtTimelineMarker, i);
      BtMilestoneStatus status = bt_milestone_get_status (m->milestone);
      const BtColor *color = &style->status[status];

      if (!isnan (m->original_x))
        {
          /* Where it was first planned: a hollow diamond and a dotted path. */
          bt_chart_set_color (cr, color);
          cairo_set_line_width (cr, 1.5 * ts);
          cairo_set_dash (cr, (double[]) { 2 * ts, 3 * ts }, 2, 0);
          cairo_move_to (cr, m->original_x, layout.spine_y);
          cairo_line_to (cr, m->x, layout.spine_y);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          bt_chart_set_color (cr, &style->background);
          diamond (cr, m->original_x, layout.spine_y, r * 0.8);
          cairo_fill_preserve (cr);
          bt_chart_set_color (cr, color);
          cairo_stroke (cr);
        }

      if (m->label.width > 0)
        {
          double anchor = m->row > 0 ? m->label.y + m->label.height : m->label.y;

          bt_chart_set_color (cr, &style->grid);
          cairo_set_line_width (cr, 1);
          cairo_move_to (cr, round (m->x) + 0.5, layout.spine_y);
          cairo_line_to (cr, round (m->x) + 0.5, anchor);
          cairo_stroke (cr);
        }
    }

  for (guint i = 0; i < layout.markers->len; i++)
    {
      const BtTimelineMarker *m = &g_array_index (layout.markers, BtTimelineMarker, i);
      BtMilestoneStatus status = bt_milestone_get_status (m->milestone);

      bt_chart_set_color (cr, &style->background);
      diamond (cr, m->x, layout.spine_y, r + 1.5 * ts);
      cairo_fill (cr);
      bt_chart_set_color (cr, &style->status[status]);
      diamond (cr, m->x, layout.spine_y, r);
      cairo_fill (cr);

      if (m->label.width > 0)
        {
          g_autofree char *text = m->truncated ? bt_timeline_chart_fit_label (cr, style, m->milestone, 0.9 * ts,
                                                                               m->label.width)
                                               : milestone_label (m->milestone);
          const BtColor *text_color = status == BT_MILESTONE_DROPPED ? &style->muted : &style->foreground;

          /* A backing keeps grid lines from running through the text. */
          bt_chart_set_color (cr, &style->background);
          cairo_rectangle (cr, m->label.x - 2 * ts, m->label.y, m->label.width + 4 * ts, m->label.height);
          cairo_fill (cr);
          /* The width it was measured at, so the shaped text is reused. */
          bt_chart_label (cr, style, text_color, text, 0.9 * ts, FALSE, m->truncated ? m->label.width : -1,
                          m->label.x, m->label.y, BT_ALIGN_START, BT_ALIGN_START);
        }
    }

  bt_timeline_chart_layout_clear (&layout);
  cairo_restore (cr);
}
