/* bt-report-roadmap.c — the report's roadmap: the timeline, then on paper
 * what the timeline cannot say at a glance
 *
 * Under the chart, the phases with their first and last days, and a table
 * of every milestone by date: its date (and the date it was first planned
 * for, when it slipped), its title, its phase and its status, with
 * "Overdue" under an open one whose day has gone. The table goes on over
 * as many pages as it needs, its header on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-chart.h"
#include "bt-enum-types.h"
#include "bt-report-private.h"

static const double fractions[] = { 0.17, 0.43, 0.22, 0.18 };

static BtReportTable
table (const char **headers)
{
  return (BtReportTable) { G_N_ELEMENTS (fractions), fractions, headers, FALSE, 1 };
}

static const char *
continued_title (void)
{
  return _("Roadmap (continued)");
}

static char *
phase_text (BtPhase *phase)
{
  const GDate *start = bt_phase_get_start (phase), *end = bt_phase_get_end (phase);
  const char *title = bt_phase_get_title (phase);
  g_autofree char *from = start ? bt_format_date (start) : NULL;
  g_autofree char *to = end ? bt_format_date (end) : NULL;

  if (from != NULL && to != NULL)
    /* TRANSLATORS: a phase of the roadmap and its first and last days:
     * "Be positioned: 1 Jul 2026 – 31 Mar 2027" */
    return g_strdup_printf (_("%s: %s – %s"), title, from, to);
  if (from != NULL)
    /* TRANSLATORS: a phase of the roadmap with a first day and no last */
    return g_strdup_printf (_("%s: from %s"), title, from);
  if (to != NULL)
    /* TRANSLATORS: a phase of the roadmap with a last day and no first */
    return g_strdup_printf (_("%s: until %s"), title, to);

  return g_strdup (title);
}

/* Draws (@draw) or measures the phases and the table's heading under the
 * chart, from @y; returns the height they take. Measuring draws them too,
 * into a group that is thrown away, so both take the same height. */
static double
phases (BtReport *self,
        cairo_t  *cr,
        double    y,
        double    width,
        gboolean  draw)
{
  GListModel *list = bt_plan_get_phases (self->plan);
  guint n = g_list_model_get_n_items (list);
  double top = y;

  if (!draw)
    cairo_push_group (cr);
  if (n > 0)
    {
      y += bt_report_section_heading (self, cr, _("Phases"), MARGIN, y, width);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(BtPhase) phase = g_list_model_get_item (list, i);
          g_autofree char *text = phase_text (phase);

          y += bt_report_bullet (self, cr, &self->style.muted, text, MARGIN, y, width);
        }
      y += 10;
    }
  y += bt_report_section_heading (self, cr, _("Milestones"), MARGIN, y, width);
  if (!draw)
    cairo_pattern_destroy (cairo_pop_group (cr));

  return y - top;
}

static void
row_fill (BtReport    *self,
          BtMilestone *m,
          BtReportRow *row)
{
  const BtChartStyle *style = &self->style;
  const GDate *date = bt_milestone_get_date (m);
  BtPhase *phase = bt_plan_find_by_id (bt_plan_get_phases (self->plan), bt_milestone_get_phase (m));
  g_autofree char *first = bt_format_first_planned (m);

  memset (row, 0, sizeof *row);

  row->text[0] = row->owned[0] = date != NULL ? bt_format_date (date) : g_strdup (_("No date"));
  if (first != NULL)
    /* TRANSLATORS: under a slipped milestone's date in the report: the
     * date it was first planned for */
    row->under[0] = row->owned[1] = g_strdup_printf (_("First planned for %s"), first);
  row->text[1] = bt_milestone_get_title (m);
  row->text[2] = phase != NULL ? bt_phase_get_title (phase) : "—";
  row->text[3] = bt_enum_to_label (BT_TYPE_MILESTONE_STATUS, bt_milestone_get_status (m));
  if (bt_analytics_milestone_overdue (m, &self->today))
    {
      row->under[3] = _("Overdue");
      row->under_color[3] = &style->overdue;
      row->under_bold[3] = TRUE;
    }
}

/* The chart's height on the roadmap's page: the shape it has on screen,
 * at most the page below the title. */
double
bt_report_roadmap_chart_height (BtReport *self,
                                cairo_t  *cr,
                                double    page_width,
                                double    page_height)
{
  double width = page_width - 2 * MARGIN;
  double y = bt_report_content_top (self, cr) + 4 +
             bt_report_text_height (self, cr, bt_chart_kind_get_title (BT_CHART_TIMELINE), 1.6, TRUE, width) + 12;

  return MIN (bt_report_content_bottom (self, cr, page_height) - y, width * 0.5);
}

static void
fill (BtReport    *self,
      guint        i,
      BtReportRow *row)
{
  row_fill (self, g_ptr_array_index (self->milestones, i), row);
}

/* What starts the table: its header and first row, or the line that
 * says there are no milestones. */
static double
table_start_height (BtReport            *self,
                    cairo_t             *cr,
                    const BtReportTable *t,
                    double               width,
                    double               limit)
{
  BtReportRow row;
  double h;

  if (self->milestones->len == 0)
    return bt_report_text_height (self, cr, _("No milestones yet."), 0.9, FALSE, width);

  row_fill (self, g_ptr_array_index (self->milestones, 0), &row);
  h = bt_report_table_row (self, cr, t, &row, width, 0, limit, FALSE);
  bt_report_row_clear (&row);

  return bt_report_table_header_height (self, cr) + h;
}

void
bt_report_paginate_roadmap (BtReport *self,
                            cairo_t  *cr,
                            double    page_width,
                            double    page_height)
{
  double width = page_width - 2 * MARGIN;
  double top = bt_report_content_top (self, cr) + 4;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  double limit = bt_report_table_row_limit (self, cr, continued_title (), width, page_height);
  BtReportTable t = table (NULL);
  Page page = { BT_REPORT_PAGE_CHART, BT_CHART_TIMELINE, 0, 0, FALSE, FALSE };
  double y;


  /* Under the chart, the phases and the table, if the table's header and
   * first row fit there too; else they start on a page of their own (a
   * landscape page, which the chart fills). */
  y = top + bt_report_text_height (self, cr, bt_chart_kind_get_title (BT_CHART_TIMELINE), 1.6, TRUE, width) + 12 +
      bt_report_roadmap_chart_height (self, cr, page_width, page_height) + 16;
  if (y + phases (self, cr, y, width, FALSE) + table_start_height (self, cr, &t, width, limit) > bottom)
    {
      page.alone = TRUE;
      g_array_append_val (self->pages, page);
      page = (Page) { BT_REPORT_PAGE_MILESTONES, BT_CHART_TIMELINE, 0, 0, TRUE, FALSE };
      y = top + bt_report_text_height (self, cr, continued_title (), 1.6, TRUE, width) + 12;
    }
  y += phases (self, cr, y, width, FALSE) + bt_report_table_header_height (self, cr);

  page = bt_report_table_paginate (self, cr, &t, self->milestones->len, fill, page, y,
                                   BT_REPORT_PAGE_MILESTONES, continued_title (), page_width, page_height);
  g_array_append_val (self->pages, page);
}

void
bt_report_draw_roadmap_page (BtReport   *self,
                             cairo_t    *cr,
                             const Page *page,
                             double      page_width,
                             double      page_height)
{
  double width = page_width - 2 * MARGIN;
  double y = bt_report_content_top (self, cr) + 4;
  double limit = bt_report_table_row_limit (self, cr, continued_title (), width, page_height);
  const char *headers[] = { _("Date"), _("Milestone"), _("Phase"), _("Status") };
  BtReportTable t = table (headers);

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (fractions));

  if (!page->more)
    {
      double height;

      y += bt_report_page_title (self, cr, bt_chart_kind_get_title (BT_CHART_TIMELINE), y, width);
      height = bt_report_roadmap_chart_height (self, cr, page_width, page_height);
      cairo_save (cr);
      cairo_translate (cr, MARGIN, y);
      cairo_rectangle (cr, 0, 0, width, height);
      cairo_clip (cr);
      bt_chart_draw (BT_CHART_TIMELINE, self->plan, &self->today, &self->style, cr, width, height);
      cairo_restore (cr);
      y += height + 16;
      if (page->alone)
        return;
    }
  else
    y += bt_report_page_title (self, cr, continued_title (), y, width);

  /* The phases and the table's start come on the first page of the table. */
  if (page->first == 0)
    {
      y += phases (self, cr, y, width, TRUE);
      if (self->milestones->len == 0)
        {
          bt_report_paragraph (self, cr, &self->style.muted, _("No milestones yet."), 0.9, FALSE,
                               MARGIN, y, width, BT_REPORT_NO_LIMIT);
          return;
        }
    }

  y += bt_report_table_header (self, cr, &t, width, y);

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      BtReportRow row;

      row_fill (self, g_ptr_array_index (self->milestones, i), &row);
      y += bt_report_table_draw_row (self, cr, &t, &row, (i - page->first) % 2 == 1, width, y, limit);
      bt_report_row_clear (&row);
    }
}
