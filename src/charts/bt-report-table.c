/* bt-report-table.c — the report's tables
 *
 * A table's columns are fractions of the page's width. Every cell wraps
 * what it holds, under it a second line in a smaller or coloured type
 * when the row has one, and a row is as tall as its tallest cell. The
 * tables that go on over pages (people, milestones) lay their rows out
 * with these, page by page.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <string.h>

#include "bt-chart.h"
#include "bt-report-private.h"

#define PAD 4.0

static void
column_edges (const BtReportTable *table,
              double               width,
              double              *col_x)
{
  col_x[0] = MARGIN;
  for (guint i = 0; i < table->n_columns; i++)
    col_x[i + 1] = col_x[i] + width * table->fractions[i];
}

void
bt_report_row_clear (BtReportRow *row)
{
  for (guint i = 0; i < G_N_ELEMENTS (row->owned); i++)
    g_clear_pointer (&row->owned[i], g_free);
}

double
bt_report_table_header_height (BtReport *self,
                               cairo_t  *cr)
{
  return bt_report_line_height (self, cr, 0.9) * 2 + 8;
}

/* The most a row may take: a page below @title and the header. A row
 * taller than that (a next step of two thousand characters in its narrow
 * column) is cut there with an ellipsis, rather than run over the footer
 * and off the paper. */
double
bt_report_table_row_limit (BtReport   *self,
                           cairo_t    *cr,
                           const char *title,
                           double      width,
                           double      page_height)
{
  double top = bt_report_content_top (self, cr) + 4 +
               bt_report_text_height (self, cr, title, 1.6, TRUE, width) + 12 +
               bt_report_table_header_height (self, cr);

  return bt_report_content_bottom (self, cr, page_height) - top - 2 * PAD;
}

double
bt_report_table_row (BtReport            *self,
                     cairo_t             *cr,
                     const BtReportTable *table,
                     const BtReportRow   *row,
                     double               width,
                     double               y,
                     double               limit,
                     gboolean             draw)
{
  const BtChartStyle *style = &self->style;
  double col_x[BT_REPORT_MAX_COLUMNS + 1], tallest = 0;
  double line = bt_report_line_height (self, cr, 0.9);

  g_return_val_if_fail (table->n_columns <= BT_REPORT_MAX_COLUMNS, 0);

  column_edges (table, width, col_x);

  for (guint c = 0; c < table->n_columns; c++)
    {
      double w = col_x[c + 1] - col_x[c] - 2 * PAD, h, under_h = 0, text_limit;
      g_autofree char *owned = NULL, *under_owned = NULL;
      const char *text = bt_report_cell_text (row->text[c], &owned);
      const char *under = bt_report_cell_text (row->under[c], &under_owned);
      gboolean has_under = under != NULL && *under != '\0';
      gboolean bold = c == 0 && table->first_bold;

      if (has_under)
        under_h = bt_report_text_height (self, cr, under, 0.85, row->under_bold[c], w);
      text_limit = MAX (limit - under_h, line);

      h = draw ? bt_report_paragraph (self, cr, &style->foreground, text, 0.9, bold,
                                      col_x[c], y + PAD, w, text_limit)
               : bt_report_text_height_within (self, cr, text, 0.9, bold, w, text_limit);
      if (has_under)
        {
          if (draw)
            bt_report_paragraph (self, cr, row->under_color[c] ? row->under_color[c] : &style->muted,
                                 under, 0.85, row->under_bold[c], col_x[c], y + PAD + h, w,
                                 BT_REPORT_NO_LIMIT);
          h += under_h;
        }
      tallest = MAX (tallest, h);
    }

  return MAX (tallest, table->min_lines * line) + 2 * PAD;
}

double
bt_report_table_header (BtReport            *self,
                        cairo_t             *cr,
                        const BtReportTable *table,
                        double               width,
                        double               y)
{
  const BtChartStyle *style = &self->style;
  double head_h = bt_report_table_header_height (self, cr);
  double col_x[BT_REPORT_MAX_COLUMNS + 1];

  column_edges (table, width, col_x);

  for (guint c = 0; c < table->n_columns; c++)
    bt_chart_label (cr, style, &style->muted, table->headers[c], 0.8, TRUE, col_x[c + 1] - col_x[c] - 6,
                    col_x[c], y + head_h / 2, BT_ALIGN_START, BT_ALIGN_CENTER);
  y += head_h;
  bt_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, y);
  cairo_line_to (cr, MARGIN + width, y);
  cairo_stroke (cr);

  return head_h;
}

/* Every other row on a light band, as it is drawn. */
double
bt_report_table_draw_row (BtReport            *self,
                          cairo_t             *cr,
                          const BtReportTable *table,
                          const BtReportRow   *row,
                          gboolean             banded,
                          double               width,
                          double               y,
                          double               limit)
{
  double h = bt_report_table_row (self, cr, table, row, width, y, limit, FALSE);

  if (banded)
    {
      bt_chart_set_color_alpha (cr, &self->style.band, 0.7);
      cairo_rectangle (cr, MARGIN, y, width, h);
      cairo_fill (cr);
    }
  bt_report_table_row (self, cr, table, row, width, y, limit, TRUE);

  return h;
}

/**
 * bt_report_table_paginate:
 * @page: the page the table starts on, with the rows it already holds
 * @y: where the next row would go on it
 * @kind: the kind of the pages the table goes on over
 *
 * Lays out rows @page->first + @page->count up to @n_rows, each as
 * @fill gives it, and adds each page that fills to the report; a page
 * that goes on has @continued for its title and the table's header.
 * A row taller than what is left starts a page, where it fits (see
 * bt_report_table_row_limit()).
 *
 * Returns: the last page, with the last rows, not yet added
 */
Page
bt_report_table_paginate (BtReport            *self,
                          cairo_t             *cr,
                          const BtReportTable *table,
                          guint                n_rows,
                          BtReportRowFill      fill,
                          Page                 page,
                          double               y,
                          BtReportPageKind     kind,
                          const char          *continued,
                          double               page_width,
                          double               page_height)
{
  double width = page_width - 2 * MARGIN;
  double top = bt_report_content_top (self, cr) + 4;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  double limit = bt_report_table_row_limit (self, cr, continued, width, page_height);

  for (guint i = page.first + page.count; i < n_rows; i++)
    {
      BtReportRow row;
      double h;

      fill (self, i, &row);
      h = bt_report_table_row (self, cr, table, &row, width, 0, limit, FALSE);
      bt_report_row_clear (&row);

      if (page.count > 0 && y + h > bottom)
        {
          g_array_append_val (self->pages, page);
          page = (Page) { kind, page.index, i, 0, TRUE, FALSE };
          y = top + bt_report_text_height (self, cr, continued, 1.6, TRUE, width) + 12 +
              bt_report_table_header_height (self, cr);
        }
      y += h;
      page.count++;
    }

  return page;
}
