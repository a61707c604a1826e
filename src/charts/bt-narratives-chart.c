/* bt-narratives-chart.c — narratives, and business cases as cost bars
 *
 * Left, each narrative with its status and how many impact statements back
 * it; right, each business case as a pair of bars, monthly cost now and
 * projected, with what it saves a month and a year and when the ask pays
 * back. On a narrow canvas the two columns stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-narratives-chart"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-money.h"
#include "bt-number.h"
#include "bt-narratives-chart.h"

/**
 * bt_case_savings_text:
 *
 * What a business case saves a month and a year, and when its ask pays
 * back; a case that costs more than it saves says so, never "saves" a
 * negative amount.
 */
char *
bt_case_savings_text (const BtCaseTotals *totals,
                      const char         *currency)
{
  g_autofree char *monthly = bt_money_format (fabs (totals->monthly_savings), currency);
  g_autofree char *yearly = bt_money_format (fabs (totals->yearly_savings), currency);

  if (round (totals->monthly_savings) < 0)
    /* TRANSLATORS: under a business case that costs more than it saves; amounts are already formatted */
    return g_strdup_printf (_("Costs %s more a month, %s more a year"), monthly, yearly);
  if (round (totals->monthly_savings) == 0)
    return g_strdup (_("Saves nothing: it costs as much as now"));
  if (!isnan (totals->payback_months))
    /* TRANSLATORS: under a business case's bars; amounts are already formatted */
    return g_strdup_printf (_("Saves %s a month, %s a year · pays back in %.1f months"),
                            monthly, yearly, bt_number_round (totals->payback_months, 1));

  return g_strdup_printf (_("Saves %s a month, %s a year"), monthly, yearly);
}

static const BtColor *
narrative_color (const BtChartStyle *style,
                 BtNarrativeStatus   status)
{
  switch (status)
    {
    case BT_NARRATIVE_LANDED:
      return &style->fine;
    case BT_NARRATIVE_SHARED:
      return &style->strategic;
    case BT_NARRATIVE_DRAFT:
    default:
      return &style->muted;
    }
}

static const BtColor *
case_color (const BtChartStyle *style,
            BtCaseStatus        status)
{
  switch (status)
    {
    case BT_CASE_FUNDED:
      return &style->fine;
    case BT_CASE_PROPOSED:
      return &style->strategic;
    case BT_CASE_REJECTED:
      return &style->warning;
    case BT_CASE_DRAFT:
    default:
      return &style->muted;
    }
}

/* A status pill: the label in a rounded outline of the status colour.
 * Returns its width. */
static double
pill (cairo_t            *cr,
      const BtChartStyle *style,
      const BtColor      *color,
      const char         *label,
      double              x,
      double              y,
      double              ts)
{
  g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, label, 0.75 * ts, TRUE, -1);
  double w, h;

  bt_chart_text_size (pl, &w, &h);
  bt_chart_set_color_alpha (cr, color, 0.15);
  bt_chart_rounded_rect (cr, x, y, w + 10 * ts, h + 2 * ts, (h + 2 * ts) / 2);
  cairo_fill (cr);
  bt_chart_set_color (cr, color);
  bt_chart_draw_text (cr, pl, x + 5 * ts, y + ts, BT_ALIGN_START, BT_ALIGN_START);

  return w + 10 * ts;
}

static double
heading (cairo_t            *cr,
         const BtChartStyle *style,
         const char         *text,
         double              x,
         double              y,
         double              width,
         double              ts)
{
  g_autoptr(PangoLayout) pl = bt_chart_text (cr, style, text, 1.05 * ts, TRUE, width);
  double h;

  bt_chart_text_size (pl, NULL, &h);
  bt_chart_set_color (cr, &style->foreground);
  bt_chart_draw_text (cr, pl, x, y, BT_ALIGN_START, BT_ALIGN_START);

  return h + 8 * ts;
}

static void
more_line (cairo_t            *cr,
           const BtChartStyle *style,
           guint               hidden,
           double              x,
           double              y,
           double              width,
           double              ts)
{
  g_autofree char *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "and %u more",
                                                        "and %u more", hidden), hidden);

  bt_chart_label (cr, style, &style->muted, text, 0.85 * ts, FALSE, width, x, y,
                  BT_ALIGN_START, BT_ALIGN_START);
}

/* Each column returns where what it drew ends, and sets *@more when rows
 * did not fit. */
static double
draw_narratives (cairo_t            *cr,
                 const BtChartStyle *style,
                 BtPlan             *plan,
                 BtRect              box,
                 double              ts,
                 gboolean           *more)
{
  GListModel *narratives = bt_plan_get_narratives (plan);
  guint n = g_list_model_get_n_items (narratives);
  double y = box.y, row_h, line_h;

  y += heading (cr, style, _("Narratives"), box.x, y, box.width, ts);

  {
    g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mg", ts, TRUE, -1);
    bt_chart_text_size (probe, NULL, &line_h);
  }
  row_h = line_h * 2.3 + 6 * ts;

  if (n == 0)
    {
      bt_chart_label (cr, style, &style->muted, _("No narratives yet: write the story of your team’s value."),
                      0.9 * ts, FALSE, box.width, box.x, y, BT_ALIGN_START, BT_ALIGN_START);
      return y + row_h;
    }

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtNarrative) narrative = g_list_model_get_item (narratives, i);
      BtNarrativeStatus status = bt_narrative_get_status (narrative);
      guint impacts = g_list_model_get_n_items (bt_narrative_get_impact_statements (narrative));
      guint cases = g_list_model_get_n_items (bt_narrative_get_business_cases (narrative));
      g_autofree char *detail = NULL;
      g_autofree char *counts = NULL;
      const char *audience = bt_narrative_get_audience (narrative);
      double pill_w;

      /* Keep room for the "and N more" line when rows remain. */
      if (y + row_h > box.y + box.height - (i + 1 < n ? line_h : 0))
        {
          more_line (cr, style, n - i, box.x, y, box.width, ts);
          *more = TRUE;
          return y + line_h;
        }

      pill_w = pill (cr, style, narrative_color (style, status),
                     bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, status), box.x, y, ts);
      bt_chart_label (cr, style, &style->foreground, bt_narrative_get_title (narrative), ts, TRUE,
                      box.width - pill_w - 8 * ts, box.x + pill_w + 8 * ts, y, BT_ALIGN_START, BT_ALIGN_START);

      counts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u impact statement", "%u impact statements",
                                             impacts), impacts);
      if (*audience)
        /* TRANSLATORS: under a narrative: its audience, then the impact statements and business cases */
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "For %s · %s · %u business case",
                                               "For %s · %s · %u business cases", cases),
                                  audience, counts, cases);
      else
        detail = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u business case",
                                               "%s · %u business cases", cases), counts, cases);
      bt_chart_label (cr, style, impacts == 0 ? &style->warning : &style->muted, detail, 0.85 * ts, FALSE,
                      box.width, box.x, y + line_h + 4 * ts, BT_ALIGN_START, BT_ALIGN_START);
      y += row_h;
    }

  return y;
}

/* The first @max business cases, and how many there are in all. */
static guint
collect_cases (BtPlan    *plan,
               GPtrArray *cases,
               guint      max)
{
  GListModel *narratives = bt_plan_get_narratives (plan);
  guint n = g_list_model_get_n_items (narratives);

  /* Only as far as the first @max: the plan keeps the count of all. */
  for (guint i = 0; i < n && cases->len < max; i++)
    {
      g_autoptr(BtNarrative) narrative = g_list_model_get_item (narratives, i);
      GListModel *list = bt_narrative_get_business_cases (narrative);
      guint m = g_list_model_get_n_items (list);

      for (guint j = 0; j < m && cases->len < max; j++)
        g_ptr_array_add (cases, g_list_model_get_item (list, j));
    }

  return bt_plan_count_business_cases (plan);
}

static void
case_sums (BtBusinessCase *bc,
           double         *now,
           double         *projected)
{
  GListModel *rows = bt_business_case_get_cost_rows (bc);
  guint n = g_list_model_get_n_items (rows);

  *now = *projected = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtCostRow) row = g_list_model_get_item (rows, i);

      *now += bt_cost_row_get_current_monthly (row);
      *projected += bt_cost_row_get_projected_monthly (row);
    }
}

static double
draw_cases (cairo_t            *cr,
            const BtChartStyle *style,
            BtPlan             *plan,
            BtRect              box,
            double              ts,
            gboolean           *more)
{
  g_autoptr(GPtrArray) cases = g_ptr_array_new_with_free_func (g_object_unref);
  double y = box.y, max_value = 0, min_value = 0, line_h, row_h, label_w, bottom;
  guint total, fit;

  y += heading (cr, style, _("Business cases: monthly cost now and projected"), box.x, y, box.width, ts);

  {
    g_autoptr(PangoLayout) probe = bt_chart_text (cr, style, "Mg", ts, TRUE, -1);
    g_autoptr(PangoLayout) now_label = bt_chart_text (cr, style, _("Projected"), 0.8 * ts, FALSE, -1);

    bt_chart_text_size (probe, NULL, &line_h);
    bt_chart_text_size (now_label, &label_w, NULL);
  }
  row_h = line_h * 4.4 + 10 * ts;

  bottom = y;

  /* Only the cases that fit are read: their bars share one scale. */
  fit = (guint) MAX (0, floor ((box.y + box.height - y) / row_h)) + 1;
  total = collect_cases (plan, cases, fit);

  if (total == 0)
    {
      bt_chart_label (cr, style, &style->muted, _("No business cases yet: make the case for fixing a systemic problem."),
                      0.9 * ts, FALSE, box.width, box.x, y, BT_ALIGN_START, BT_ALIGN_START);
      return y + line_h * 1.5;
    }

  for (guint i = 0; i < cases->len; i++)
    {
      double now, projected;

      case_sums (g_ptr_array_index (cases, i), &now, &projected);
      max_value = MAX (max_value, MAX (now, projected));
      min_value = MIN (min_value, MIN (now, projected));
    }

  for (guint i = 0; i < cases->len; i++)
    {
      double row_y = y;
      BtBusinessCase *bc = g_ptr_array_index (cases, i);
      BtCaseStatus status = bt_business_case_get_status (bc);
      BtCaseTotals totals = bt_analytics_case_totals (bc);
      double now, projected, pill_w, bar_x = box.x + label_w + 8 * ts, bar_room, bar_h = line_h * 0.8;
      g_autofree char *savings = NULL;

      if (y + row_h > box.y + box.height - (i + 1 < total ? line_h : 0))
        {
          more_line (cr, style, total - i, box.x, y, box.width, ts);
          *more = TRUE;
          return y + line_h;
        }

      case_sums (bc, &now, &projected);
      pill_w = pill (cr, style, case_color (style, status),
                     bt_enum_to_label (BT_TYPE_CASE_STATUS, status), box.x, y, ts);
      bt_chart_label (cr, style, &style->foreground, bt_business_case_get_title (bc), ts, TRUE,
                      box.width - pill_w - 8 * ts, box.x + pill_w + 8 * ts, y, BT_ALIGN_START, BT_ALIGN_START);
      y += line_h + 6 * ts;

      /* The bar pair, with its values at the bars' ends. A negative cost
       * (a saving or an income in a file) goes left of a zero line, so
       * it never looks like a cost. */
      bar_room = MAX (box.width - (bar_x - box.x) - 80 * ts, 10);
      for (int b = 0; b < 2; b++)
        {
          double value = b == 0 ? now : projected;
          double span = max_value - min_value;
          double zero_x = bar_x + (span > 0 ? bar_room * -min_value / span : 0);
          double w = span > 0 ? bar_room * value / span : 0;
          g_autofree char *amount = bt_money_format_plan (value, plan);

          bt_chart_label (cr, style, &style->muted, b == 0 ? _("Now") : _("Projected"), 0.8 * ts, FALSE,
                          label_w + 2, box.x, y + bar_h / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
          bt_chart_set_color (cr, b == 0 ? &style->tactical : &style->strategic);
          cairo_rectangle (cr, MIN (zero_x, zero_x + w), y, fabs (w), bar_h);
          cairo_fill (cr);
          if (min_value < 0)
            {
              bt_chart_set_color (cr, &style->foreground);
              cairo_set_line_width (cr, 1);
              cairo_move_to (cr, round (zero_x) + 0.5, y - 1.5 * ts);
              cairo_line_to (cr, round (zero_x) + 0.5, y + bar_h + 1.5 * ts);
              cairo_stroke (cr);
            }
          bt_chart_label (cr, style, &style->foreground, amount, 0.8 * ts, FALSE, 76 * ts,
                          zero_x + MAX (w, 0) + 4 * ts, y + bar_h / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
          y += bar_h + 3 * ts;
        }

      savings = bt_case_savings_text (&totals, bt_profile_get_currency (bt_plan_get_profile (plan)));
      bt_chart_label (cr, style, totals.monthly_savings > 0 ? &style->muted : &style->warning, savings,
                      0.85 * ts, FALSE, box.width, box.x, y + 2 * ts, BT_ALIGN_START, BT_ALIGN_START);
      y += line_h + 12 * ts;
      /* what the test above needs of the column */
      bottom = MAX (y, row_y + row_h);
    }

  return bottom;
}

/* The two columns side by side, or stacked on a narrow canvas; TRUE when
 * side by side. */
static gboolean
columns (double  width,
         double  height,
         double  ts,
         BtRect *left,
         BtRect *right)
{
  double pad = 16 * ts;

  if (width >= 640 * ts)
    {
      double column = (width - 3 * pad) / 2;

      *left = (BtRect) { pad, pad, column, height - 2 * pad };
      *right = (BtRect) { 2 * pad + column, pad, column, height - 2 * pad };
      return TRUE;
    }
  else
    {
      double half = (height - 3 * pad) / 2;

      *left = (BtRect) { pad, pad, width - 2 * pad, half };
      *right = (BtRect) { pad, 2 * pad + half, width - 2 * pad, half };
      return FALSE;
    }
}

/**
 * bt_narratives_chart_height:
 * @cr: the context the chart will be drawn on, to measure text with:
 *   nothing is drawn on it
 *
 * For a window that gives the chart only the room it needs: the height at
 * which the chart drawn @width wide shows everything it shows at
 * @max_height, which it returns when that is all it has (rows left out, or
 * no narratives yet).
 *
 * Returns: a height from 1 to @max_height
 */
double
bt_narratives_chart_height (BtPlan             *plan,
                            const BtChartStyle *style,
                            cairo_t            *cr,
                            double              width,
                            double              max_height)
{
  double ts = bt_chart_text_scale (width, max_height), pad = 16 * ts;
  gboolean more = FALSE, side_by_side;
  double left_h, right_h, need;
  BtRect left, right;

  g_return_val_if_fail (BT_IS_PLAN (plan), max_height);

  if (g_list_model_get_n_items (bt_plan_get_narratives (plan)) == 0)
    return max_height;

  side_by_side = columns (width, max_height, ts, &left, &right);

  /* Laid out as drawn, into a group that is then dropped. A smaller height
   * only makes the text scale smaller, never larger (bt_chart_text_scale()):
   * what fits at this scale fits at that one. */
  cairo_push_group (cr);
  left_h = draw_narratives (cr, style, plan, left, ts, &more) - left.y;
  right_h = draw_cases (cr, style, plan, right, ts, &more) - right.y;
  cairo_pattern_destroy (cairo_pop_group (cr));

  if (more)
    return max_height;

  need = side_by_side ? 2 * pad + MAX (left_h, right_h) : 3 * pad + 2 * MAX (left_h, right_h);

  return CLAMP (ceil (need) + 1, 1, max_height);
}

void
bt_narratives_chart_draw (BtPlan             *plan,
                          const GDate        *today,
                          const BtChartStyle *style,
                          cairo_t            *cr,
                          double              width,
                          double              height)
{
  double ts = bt_chart_text_scale (width, height);
  gboolean more = FALSE;
  BtRect left, right;

  g_return_if_fail (BT_IS_PLAN (plan));

  cairo_save (cr);

  if (g_list_model_get_n_items (bt_plan_get_narratives (plan)) == 0)
    {
      bt_chart_draw_empty (cr, style, width, height,
                           _("No narratives yet"),
                           _("Write the story of your team’s business value for an audience, and back it "
                             "with impact statements and business cases."));
      cairo_restore (cr);
      return;
    }

  bt_chart_fill_background (cr, style, width, height);

  columns (width, height, ts, &left, &right);

  /* Nothing may spill out of its column. */
  cairo_save (cr);
  cairo_rectangle (cr, left.x, left.y, left.width, left.height);
  cairo_clip (cr);
  draw_narratives (cr, style, plan, left, ts, &more);
  cairo_restore (cr);

  cairo_save (cr);
  cairo_rectangle (cr, right.x, right.y, right.width, right.height);
  cairo_clip (cr);
  draw_cases (cr, style, plan, right, ts, &more);
  cairo_restore (cr);

  cairo_restore (cr);
}
