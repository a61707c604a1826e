/* bt-report-relationships.c — the report's table of relationships
 *
 * Overdue first, then by name. Every cell wraps what it holds, a row is as
 * tall as its tallest cell, and the table goes on over as many pages as it
 * needs, its header on each.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <string.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-chart.h"
#include "bt-report-private.h"

/* Column widths as fractions of the page. */
static const double fractions[] = { 0.23, 0.16, 0.10, 0.18, 0.33 };

static BtReportTable
table (const char **headers)
{
  return (BtReportTable) { G_N_ELEMENTS (fractions), fractions, headers, TRUE, 2 };
}

static void
row_fill (BtReport       *self,
          BtRelationship *r,
          BtReportRow    *row)
{
  const BtChartStyle *style = &self->style;
  GDate last, due, meeting;
  BtRelationshipState state = bt_analytics_relationship_state (r, &self->today, &due);
  const char *next = bt_relationship_get_next_step (r);
  const GDate *next_due = bt_relationship_get_next_step_due (r);
  char *state_text = NULL;

  memset (row, 0, sizeof *row);

  /* a meeting planned in time says more than "due"; one after someone
   * is due or late says less */
  if ((state == BT_RELATIONSHIP_FINE || state == BT_RELATIONSHIP_NOT_YET) &&
      bt_analytics_next_meeting (r, &self->today, &meeting))
    {
      g_autofree char *d = bt_format_date (&meeting);
      /* TRANSLATORS: a touchpoint dated after the report's day */
      state_text = g_strdup_printf (_("Meeting planned %s"), d);
    }
  else if (state == BT_RELATIONSHIP_OVERDUE && bt_analytics_next_meeting (r, &self->today, &meeting))
    {
      g_autofree char *d = bt_format_date (&meeting);
      g_autofree char *planned = g_strdup_printf (_("Meeting planned %s"), d);

      /* late, and a meeting booked: both, a line each */
      state_text = g_strconcat (_("Overdue"), "\n", planned, NULL);
    }
  else if (state == BT_RELATIONSHIP_OVERDUE)
    state_text = g_strdup (_("Overdue"));
  else if (state == BT_RELATIONSHIP_NOT_YET)
    state_text = g_strdup (_("Not yet in touch"));
  else if (g_date_valid (&due))
    {
      g_autofree char *d = bt_format_date (&due);
      /* TRANSLATORS: when the next touchpoint with someone is due */
      state_text = g_strdup_printf (_("Due %s"), d);
    }

  row->text[0] = bt_relationship_get_name (r);
  row->under[0] = bt_relationship_get_role (r);
  row->under_color[0] = &style->muted;
  row->text[1] = bt_enum_to_label (BT_TYPE_FUNCTION, bt_relationship_get_function (r));
  row->text[2] = row->owned[0] = g_strdup_printf (_("%d of 5"), bt_relationship_get_strength (r));
  row->text[3] = row->owned[1] = bt_analytics_last_touchpoint (r, &self->today, &last) ? bt_format_date (&last)
                                                                        : g_strdup (_("Never"));
  row->under[3] = row->owned[2] = state_text;
  row->under_color[3] = state == BT_RELATIONSHIP_OVERDUE ? &style->overdue :
                        state == BT_RELATIONSHIP_DUE_SOON ? &style->due_soon :
                        state == BT_RELATIONSHIP_NOT_YET ? &style->muted : &style->fine;
  row->under_bold[3] = state == BT_RELATIONSHIP_OVERDUE;
  row->text[4] = *next ? next : "—";
  row->under[4] = row->owned[3] = next_due != NULL ? bt_format_date (next_due) : NULL;
  row->under_color[4] = &style->muted;
}

static void
fill (BtReport    *self,
      guint        i,
      BtReportRow *row)
{
  row_fill (self, g_ptr_array_index (self->relationships, i), row);
}

void
bt_report_paginate_relationships (BtReport *self,
                                  cairo_t  *cr,
                                  double    page_width,
                                  double    page_height)
{
  double width = page_width - 2 * MARGIN;
  BtReportTable t = table (NULL);
  Page page = { BT_REPORT_PAGE_RELATIONSHIPS, 0, 0, 0, FALSE, FALSE };
  double y = bt_report_content_top (self, cr) + 4 +
             bt_report_text_height (self, cr, _("Relationships (continued)"), 1.6, TRUE, width) + 12 +
             bt_report_table_header_height (self, cr);

  if (self->relationships->len == 0)
    return;
  page = bt_report_table_paginate (self, cr, &t, self->relationships->len, fill, page, y,
                                   BT_REPORT_PAGE_RELATIONSHIPS, _("Relationships (continued)"),
                                   page_width, page_height);
  g_array_append_val (self->pages, page);
}

void
bt_report_draw_relationship_page (BtReport   *self,
                                  cairo_t    *cr,
                                  const Page *page,
                                  double      page_width,
                                  double      page_height)
{
  double width = page_width - 2 * MARGIN;
  double y = bt_report_content_top (self, cr) + 4;
  double limit = bt_report_table_row_limit (self, cr, _("Relationships (continued)"), width, page_height);
  const char *headers[] = { _("Name and role"), _("Function"), _("Strength"), _("Last touchpoint"), _("Next step") };
  BtReportTable t = table (headers);

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == G_N_ELEMENTS (fractions));

  y += bt_report_page_title (self, cr, page->more ? _("Relationships (continued)") : _("Relationships"), y, width);
  y += bt_report_table_header (self, cr, &t, width, y);

  for (guint i = page->first; i < page->first + page->count; i++)
    {
      BtReportRow row;

      row_fill (self, g_ptr_array_index (self->relationships, i), &row);
      y += bt_report_table_draw_row (self, cr, &t, &row, (i - page->first) % 2 == 1, width, y, limit);
      bt_report_row_clear (&row);
    }
}
