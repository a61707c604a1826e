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
#define N_COLUMNS G_N_ELEMENTS (fractions)
#define PAD 4.0

/* What one row shows, cell by cell: a first line and, under it, a second
 * in a smaller or muted type (NULL for none). */
typedef struct
{
  const char    *text[N_COLUMNS];
  const char    *under[N_COLUMNS];
  const BtColor *under_color[N_COLUMNS];
  gboolean       under_bold[N_COLUMNS];
  char          *owned[4];
} Row;

static void
column_edges (double  width,
              double *col_x)
{
  col_x[0] = MARGIN;
  for (guint i = 0; i < N_COLUMNS; i++)
    col_x[i + 1] = col_x[i] + width * fractions[i];
}

static void
row_fill (BtReport       *self,
          BtRelationship *r,
          Row            *row)
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
row_clear (Row *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->owned); i++)
    g_free (row->owned[i]);
}

static double
header_height (BtReport *self,
               cairo_t  *cr)
{
  return bt_report_line_height (self, cr, 0.9) * 2 + 8;
}

/* The most a row may take: a page below the title and the header. A
 * row taller than that (a next step of two thousand characters in its
 * narrow column) is cut there with an ellipsis, rather than run over the
 * footer and off the paper. */
static double
row_limit (BtReport *self,
           cairo_t  *cr,
           double    width,
           double    page_height)
{
  double top = bt_report_content_top (self, cr) + 4 +
               bt_report_text_height (self, cr, _("Relationships (continued)"), 1.6, TRUE, width) + 12 +
               header_height (self, cr);

  return bt_report_content_bottom (self, cr, page_height) - top - 2 * PAD;
}

/* Lays out (@draw FALSE) or draws a row at @y, each cell within @limit;
 * returns its height. */
static double
row_layout (BtReport *self,
            cairo_t  *cr,
            Row      *row,
            double    width,
            double    y,
            double    limit,
            gboolean  draw)
{
  const BtChartStyle *style = &self->style;
  double col_x[N_COLUMNS + 1], tallest = 0;
  double line = bt_report_line_height (self, cr, 0.9);

  column_edges (width, col_x);

  for (guint c = 0; c < N_COLUMNS; c++)
    {
      double w = col_x[c + 1] - col_x[c] - 2 * PAD, h, under_h = 0, text_limit;
      g_autofree char *owned = NULL, *under_owned = NULL;
      const char *text = bt_report_cell_text (row->text[c], &owned);
      const char *under = bt_report_cell_text (row->under[c], &under_owned);
      gboolean has_under = under != NULL && *under != '\0';

      if (has_under)
        under_h = bt_report_text_height (self, cr, under, 0.85, row->under_bold[c], w);
      text_limit = MAX (limit - under_h, line);

      h = draw ? bt_report_paragraph (self, cr, &style->foreground, text, 0.9, c == 0,
                                      col_x[c], y + PAD, w, text_limit)
               : bt_report_text_height_within (self, cr, text, 0.9, c == 0, w, text_limit);
      if (has_under)
        {
          if (draw)
            bt_report_paragraph (self, cr, row->under_color[c], under, 0.85, row->under_bold[c],
                                 col_x[c], y + PAD + h, w, BT_REPORT_NO_LIMIT);
          h += under_h;
        }
      tallest = MAX (tallest, h);
    }

  /* At least the two lines a row always had. */
  return MAX (tallest, 2 * line) + 2 * PAD;
}

void
bt_report_paginate_relationships (BtReport *self,
                                  cairo_t  *cr,
                                  double    page_width,
                                  double    page_height)
{
  double width = page_width - 2 * MARGIN;
  double top = bt_report_content_top (self, cr) + 4;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  double limit = row_limit (self, cr, width, page_height);
  Page page = { BT_REPORT_PAGE_RELATIONSHIPS, 0, 0, 0, FALSE };
  double y = 0;

  for (guint i = 0; i < self->relationships->len; i++)
    {
      Row row;
      double h;

      row_fill (self, g_ptr_array_index (self->relationships, i), &row);
      h = row_layout (self, cr, &row, width, 0, limit, FALSE);
      row_clear (&row);

      if (page.count == 0)
        y = top + bt_report_text_height (self, cr, _("Relationships (continued)"), 1.6, TRUE, width) + 12
            + header_height (self, cr);
      /* A row taller than what is left has a page of its own, where it
       * fits (row_limit()). */
      else if (y + h > bottom)
        {
          g_array_append_val (self->pages, page);
          page = (Page) { BT_REPORT_PAGE_RELATIONSHIPS, i, 0, 0, TRUE };
          y = top + bt_report_text_height (self, cr, _("Relationships (continued)"), 1.6, TRUE, width) + 12
              + header_height (self, cr);
        }
      y += h;
      page.count++;
    }

  if (page.count > 0)
    g_array_append_val (self->pages, page);
}

void
bt_report_draw_relationship_page (BtReport   *self,
                                  cairo_t    *cr,
                                  const Page *page,
                                  double      page_width,
                                  double      page_height)
{
  const BtChartStyle *style = &self->style;
  double width = page_width - 2 * MARGIN;
  double y = bt_report_content_top (self, cr) + 4;
  double head_h = header_height (self, cr);
  double limit = row_limit (self, cr, width, page_height);
  const char *headers[] = { _("Name and role"), _("Function"), _("Strength"), _("Last touchpoint"), _("Next step") };
  double col_x[N_COLUMNS + 1];

  G_STATIC_ASSERT (G_N_ELEMENTS (headers) == N_COLUMNS);
  column_edges (width, col_x);

  y += bt_report_page_title (self, cr, page->more ? _("Relationships (continued)") : _("Relationships"), y, width);

  for (guint c = 0; c < N_COLUMNS; c++)
    bt_chart_label (cr, style, &style->muted, headers[c], 0.8, TRUE, col_x[c + 1] - col_x[c] - 6,
                    col_x[c], y + head_h / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
  y += head_h;
  bt_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + width, y);
  cairo_stroke (cr);

  for (guint i = page->index; i < page->index + page->count; i++)
    {
      Row row;
      double h;

      row_fill (self, g_ptr_array_index (self->relationships, i), &row);
      h = row_layout (self, cr, &row, width, y, limit, FALSE);
      if ((i - page->index) % 2 == 1)
        {
          bt_chart_set_color_alpha (cr, &style->band, 0.7);
          cairo_rectangle (cr, MARGIN, y, width, h);
          cairo_fill (cr);
        }
      row_layout (self, cr, &row, width, y, limit, TRUE);
      row_clear (&row);
      y += h;
    }
}
