/* bt-report-story.c — each narrative's one-page story, and its business cases
 *
 * A narrative's page is what a sponsor reads: its title, audience and
 * status, the headline, and each impact statement whole (summary,
 * technical details, business impact, the value with its unit). Each
 * business case follows on a page of its own: the problem, what it costs,
 * the solution, the ask and the return, and its cost table in the plan's
 * currency.
 *
 * A page is a column of blocks, each measured before it is placed: a
 * block that does not fit goes on to the next page, with a heading kept
 * with what it heads. Nothing is cut short.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-report"

#include "config.h"

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-chart.h"
#include "bt-money.h"
#include "bt-number.h"
#include "bt-narratives-chart.h"
#include "bt-report-private.h"

/* A business case's cost table is a header, a block per row and its total
 * with what it comes to, so that it goes on over pages like any text, its
 * header repeated on each. */
typedef enum
{
  BLOCK_TEXT,
  BLOCK_COST_HEADER,
  BLOCK_COST_ROW,
  BLOCK_COST_TOTAL,
} BlockKind;

typedef struct
{
  BlockKind      kind;
  char          *text;
  double         size;
  gboolean       bold;
  const BtColor *color;
  double         indent;
  double         gap_before;
  gboolean       keep_with_next;   /* a heading */
  guint          group;            /* blocks kept on one page when they fit: an impact statement; 0 for none */
  guint          row;              /* BLOCK_COST_ROW: the cost row */
} Block;

static void
block_clear (gpointer data)
{
  Block *block = data;

  g_free (block->text);
}

static GArray *
blocks_new (void)
{
  GArray *blocks = g_array_new (FALSE, TRUE, sizeof (Block));

  g_array_set_clear_func (blocks, block_clear);

  return blocks;
}

static void
add (GArray        *blocks,
     const char    *text,
     double         size,
     gboolean       bold,
     const BtColor *color,
     double         indent,
     double         gap_before,
     gboolean       keep_with_next)
{
  Block block = { BLOCK_TEXT, g_strdup (text), size, bold, color, indent, gap_before, keep_with_next, 0, 0 };

  if (text == NULL || *text == '\0')
    {
      g_free (block.text);
      return;
    }
  g_array_append_val (blocks, block);
}

/* The title is the page's, drawn apart: the blocks are what is under it. */
static GArray *
narrative_blocks (BtReport    *self,
                  BtNarrative *n)
{
  const BtChartStyle *style = &self->style;
  GArray *blocks = blocks_new ();
  GListModel *statements = bt_narrative_get_impact_statements (n);
  GListModel *cases = bt_narrative_get_business_cases (n);
  guint n_statements = g_list_model_get_n_items (statements);
  const char *audience = bt_narrative_get_audience (n);
  const char *status = bt_enum_to_label (BT_TYPE_NARRATIVE_STATUS, bt_narrative_get_status (n));
  g_autofree char *meta = *audience ? g_strdup_printf (_("Narrative · %s · for %s"), status, audience)
                                    : g_strdup_printf (_("Narrative · %s"), status);

  add (blocks, meta, 0.95, FALSE, &style->muted, 0, 0, FALSE);
  add (blocks, bt_narrative_get_headline (n), 1.35, TRUE, &style->strategic, 0, 14, FALSE);

  add (blocks, _("Impact statements"), 1.05, TRUE, &style->foreground, 0, 20, TRUE);
  if (n_statements == 0)
    add (blocks, _("No impact statements yet: the story still needs its evidence."), 0.95, FALSE,
         &style->warning, 0, 0, FALSE);

  for (guint i = 0; i < n_statements; i++)
    {
      g_autoptr(BtImpactStatement) s = g_list_model_get_item (statements, i);
      g_autofree char *value = bt_impact_value_text (bt_impact_statement_get_impact_value (s),
                                                     bt_impact_statement_get_impact_unit (s));
      const char *detail = bt_impact_statement_get_technical_detail (s);
      const char *impact = bt_impact_statement_get_business_impact (s);
      guint start = blocks->len;

      add (blocks, bt_impact_statement_get_summary (s), 1.0, TRUE, &style->foreground, 0, i == 0 ? 4 : 16,
           TRUE);
      if (*detail)
        {
          add (blocks, _("Technical details"), 0.8, TRUE, &style->muted, 12, 4, TRUE);
          add (blocks, detail, 0.95, FALSE, &style->foreground, 12, 0, FALSE);
        }
      if (*impact)
        {
          add (blocks, _("Business impact"), 0.8, TRUE, &style->muted, 12, 4, TRUE);
          add (blocks, impact, 0.95, FALSE, &style->foreground, 12, 0, FALSE);
        }
      add (blocks, value, 1.0, TRUE, &style->strategic, 12, 4, FALSE);
      for (guint j = start; j < blocks->len; j++)
        g_array_index (blocks, Block, j).group = i + 1;
    }

  if (g_list_model_get_n_items (cases) > 0)
    {
      add (blocks, _("Business cases, on the pages that follow"), 1.05, TRUE, &style->foreground, 0, 20, TRUE);
      for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
        {
          g_autoptr(BtBusinessCase) bc = g_list_model_get_item (cases, i);
          BtCaseTotals totals = bt_analytics_case_totals (bc);
          g_autofree char *savings = bt_case_savings_text (&totals, bt_profile_get_currency (bt_plan_get_profile (self->plan)));
          g_autofree char *line = g_strdup_printf ("%s (%s): %s", bt_business_case_get_title (bc),
                                                   bt_enum_to_label (BT_TYPE_CASE_STATUS,
                                                                     bt_business_case_get_status (bc)),
                                                   savings);

          add (blocks, line, 0.95, FALSE, &style->foreground, 0, 3, FALSE);
        }
    }

  return blocks;
}

static GArray *
case_blocks (BtReport       *self,
             BtBusinessCase *bc)
{
  const BtChartStyle *style = &self->style;
  GArray *blocks = blocks_new ();
  const struct { const char *heading; const char *text; } sections[] = {
    { _("The problem"), bt_business_case_get_problem (bc) },
    { _("What it costs now"), bt_business_case_get_cost (bc) },
    { _("Proposed solution"), bt_business_case_get_solution (bc) },
    { _("The ask"), bt_business_case_get_ask (bc) },
    { _("The return"), bt_business_case_get_expected_return (bc) },
  };
  const GDate *proposed = bt_business_case_get_proposed_on (bc);
  const GDate *decided = bt_business_case_get_decided_on (bc);
  g_autofree char *p = proposed ? bt_format_date (proposed) : NULL;
  g_autofree char *d = decided ? bt_format_date (decided) : NULL;
  const char *status_label = bt_enum_to_label (BT_TYPE_CASE_STATUS, bt_business_case_get_status (bc));
  g_autofree char *line = NULL;
  guint n_rows = g_list_model_get_n_items (bt_business_case_get_cost_rows (bc));
  Block table = { BLOCK_COST_HEADER, NULL, 0.9, FALSE, NULL, 0, 4, TRUE, 0, 0 };

  if (p && d)
    line = g_strdup_printf (_("Business case · %s · proposed %s, decided %s"), status_label, p, d);
  else if (p)
    line = g_strdup_printf (_("Business case · %s · proposed %s"), status_label, p);
  else
    line = g_strdup_printf (_("Business case · %s"), status_label);
  add (blocks, line, 0.95, FALSE, &style->muted, 0, 0, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (sections); i++)
    {
      g_autofree char *one_off = NULL;

      /* The one-off cost of the ask, which the payback depends on, under
       * "The ask" as in the Markdown copy, even when the ask has no words. */
      if (i == 3 && bt_business_case_get_ask_cost (bc) > 0)
        {
          g_autofree char *cost = bt_money_format_plan (bt_business_case_get_ask_cost (bc), self->plan);

          one_off = g_strdup_printf (_("One-off cost: %s"), cost);
        }

      if (*sections[i].text == '\0' && one_off == NULL)
        continue;
      add (blocks, sections[i].heading, 1.05, TRUE, &style->foreground, 0, 14, TRUE);
      add (blocks, sections[i].text, 0.95, FALSE, &style->foreground, 0, 0, FALSE);
      add (blocks, one_off, 0.95, TRUE, &style->foreground, 0, 4, FALSE);
    }

  add (blocks, _("Cost per month, now and projected"), 1.05, TRUE, &style->foreground, 0, 18, TRUE);
  g_array_append_val (blocks, table);
  for (guint i = 0; i < n_rows; i++)
    {
      table = (Block) { BLOCK_COST_ROW, NULL, 0.9, FALSE, NULL, 0, 0, FALSE, 0, i };
      g_array_append_val (blocks, table);
    }
  table = (Block) { BLOCK_COST_TOTAL, NULL, 0.9, TRUE, NULL, 0, 0, FALSE, 0, n_rows };
  g_array_append_val (blocks, table);

  return blocks;
}

static void
cost_columns (double  width,
              double *col)
{
  col[0] = MARGIN;
  col[1] = MARGIN + width * 0.46;
  col[2] = MARGIN + width * 0.64;
  col[3] = MARGIN + width * 0.82;
  col[4] = MARGIN + width;
}

/* The cost table's header at @y, drawn when @draw; returns its height. */
static double
cost_header (BtReport *self,
             cairo_t  *cr,
             double    y,
             double    width,
             gboolean  draw)
{
  const BtChartStyle *style = &self->style;
  const char *headers[] = { _("Monthly cost"), _("Now"), _("Projected"), _("Saving") };
  double row = bt_report_line_height (self, cr, 0.95) + 8;
  double col[5];

  if (!draw)
    return row;

  cost_columns (width, col);
  for (guint c = 0; c < 4; c++)
    bt_chart_label (cr, style, &style->muted, headers[c], 0.85, TRUE, col[c + 1] - col[c] - 8,
                    c == 0 ? col[c] : col[c + 1] - 8, y + row / 2,
                    c == 0 ? BT_ALIGN_START : BT_ALIGN_END, BT_ALIGN_CENTER);
  bt_chart_set_color (cr, &style->foreground);
  cairo_set_line_width (cr, 0.75);
  cairo_move_to (cr, MARGIN, y + row);
  cairo_line_to (cr, MARGIN + width, y + row);
  cairo_stroke (cr);

  return row;
}

/* Cost row @index of @bc at @y, or its total when @index is the number of
 * rows, drawn when @draw in no more than @room; returns its height. A long
 * metric wraps in its cell and its row grows. */
static double
cost_row (BtReport       *self,
          cairo_t        *cr,
          BtBusinessCase *bc,
          guint           index,
          double          y,
          double          width,
          gboolean        draw,
          double          room)
{
  const BtChartStyle *style = &self->style;
  GListModel *rows = bt_business_case_get_cost_rows (bc);
  guint n_rows = g_list_model_get_n_items (rows);
  g_autoptr(BtCostRow) cost_row = index < n_rows ? g_list_model_get_item (rows, index) : NULL;
  double row = bt_report_line_height (self, cr, 0.95) + 8;
  double now = 0, projected = 0, h, col[5];
  const char *metric;
  char *cells[3] = { NULL, NULL, NULL };
  g_autofree char *owned = NULL;

  cost_columns (width, col);
  if (cost_row != NULL)
    {
      now = bt_cost_row_get_current_monthly (cost_row);
      projected = bt_cost_row_get_projected_monthly (cost_row);
      metric = bt_report_cell_text (bt_cost_row_get_metric (cost_row), &owned);
    }
  else
    {
      for (guint j = 0; j < n_rows; j++)
        {
          g_autoptr(BtCostRow) r = g_list_model_get_item (rows, j);

          now += bt_cost_row_get_current_monthly (r);
          projected += bt_cost_row_get_projected_monthly (r);
        }
      metric = _("Total");
    }

  if (!draw)
    return MAX (row, bt_report_text_height (self, cr, metric, 0.9, cost_row == NULL, col[1] - col[0] - 8) + 8);

  if (cost_row == NULL)
    {
      bt_chart_set_color (cr, &style->foreground);
      cairo_set_line_width (cr, 0.75);
      cairo_move_to (cr, MARGIN, y);
      cairo_line_to (cr, MARGIN + width, y);
      cairo_stroke (cr);
    }
  cells[0] = bt_money_format_plan (now, self->plan);
  cells[1] = bt_money_format_plan (projected, self->plan);
  if (round (now - projected) < 0)
    {
      g_autofree char *more = bt_money_format_plan (projected - now, self->plan);

      /* TRANSLATORS: the saving of a cost row that costs more than now: "€500 more" */
      cells[2] = g_strdup_printf (_("%s more"), more);
    }
  else
    cells[2] = bt_money_format_plan (now - projected, self->plan);
  /* Only a row taller than a whole page is ever cut, at its foot. */
  h = bt_report_paragraph (self, cr, &style->foreground, metric, 0.9, cost_row == NULL, col[0], y + 4,
                           col[1] - col[0] - 8, MAX (room - 8, 1));
  for (guint c = 0; c < 3; c++)
    bt_chart_label (cr, style, c == 2 && round (now - projected) < 0 ? &style->warning : &style->foreground,
                    cells[c], 0.9, cost_row == NULL, col[c + 2] - col[c + 1] - 8,
                    col[c + 2] - 8, y + 4, BT_ALIGN_END, BT_ALIGN_START);
  /* g_autofree on an array would free its first string only. */
  for (guint c = 0; c < 3; c++)
    g_free (cells[c]);

  return MAX (row, h + 8);
}

/* The total row of @bc's cost table and what it comes to: a case that
 * costs more says so. */
static double
cost_total (BtReport       *self,
            cairo_t        *cr,
            BtBusinessCase *bc,
            double          y,
            double          width,
            gboolean        draw)
{
  BtCaseTotals totals = bt_analytics_case_totals (bc);
  guint n_rows = g_list_model_get_n_items (bt_business_case_get_cost_rows (bc));
  g_autofree char *yearly = bt_money_format_plan (fabs (totals.yearly_savings), self->plan);
  g_autofree char *summary = NULL;
  double top = y;

  y += cost_row (self, cr, bc, n_rows, y, width, draw, BT_REPORT_NO_LIMIT);
  if (round (totals.monthly_savings) < 0)
    /* TRANSLATORS: a business case that costs more than it saves; %s is an amount */
    summary = g_strdup_printf (_("It costs %s more a year than now."), yearly);
  else if (!isnan (totals.payback_months))
    summary = g_strdup_printf (_("%s a year saved; the ask pays back in %.1f months."),
                               yearly, bt_number_round (totals.payback_months, 1));
  else
    summary = g_strdup_printf (_("%s a year saved."), yearly);
  y += 6;
  y += draw ? bt_report_paragraph (self, cr, &self->style.foreground, summary, 0.95, TRUE, MARGIN, y, width,
                                   BT_REPORT_NO_LIMIT)
            : bt_report_text_height (self, cr, summary, 0.95, TRUE, width);

  return y - top;
}

/* Whether a page that starts at @block repeats the cost table's header. */
static gboolean
continues_table (const Block *block)
{
  return block->kind == BLOCK_COST_ROW || block->kind == BLOCK_COST_TOTAL;
}

static double
block_height (BtReport       *self,
              cairo_t        *cr,
              const Block    *block,
              BtBusinessCase *bc,
              double          width)
{
  switch (block->kind)
    {
    case BLOCK_COST_HEADER:
      return cost_header (self, cr, 0, width, FALSE);
    case BLOCK_COST_ROW:
      return cost_row (self, cr, bc, block->row, 0, width, FALSE, BT_REPORT_NO_LIMIT);
    case BLOCK_COST_TOTAL:
      return cost_total (self, cr, bc, 0, width, FALSE);
    case BLOCK_TEXT:
    default:
      break;
    }

  return bt_report_text_height (self, cr, block->text, block->size, block->bold, width - block->indent);
}

static double
block_draw (BtReport       *self,
            cairo_t        *cr,
            const Block    *block,
            BtBusinessCase *bc,
            double          y,
            double          width,
            double          room)
{
  switch (block->kind)
    {
    case BLOCK_COST_HEADER:
      return cost_header (self, cr, y, width, TRUE);
    case BLOCK_COST_ROW:
      return cost_row (self, cr, bc, block->row, y, width, TRUE, room);
    case BLOCK_COST_TOTAL:
      return cost_total (self, cr, bc, y, width, TRUE);
    case BLOCK_TEXT:
    default:
      break;
    }

  /* Only a block taller than a whole page is ever cut, at its foot. */
  return bt_report_paragraph (self, cr, block->color, block->text, block->size, block->bold,
                              MARGIN + block->indent, y, width - block->indent, MAX (room, 1));
}

/* What blocks @i and the ones it is kept with take, from @i's top: a
 * heading goes with what it heads, and a chain of them with the first
 * block that is no heading. */
static double
kept_height (GArray       *blocks,
             const double *heights,
             guint         i,
             double        *last)
{
  double h = heights[i];

  while (g_array_index (blocks, Block, i).keep_with_next && i + 1 < blocks->len)
    {
      i++;
      h += g_array_index (blocks, Block, i).gap_before + heights[i];
    }
  *last = heights[i];

  return h;
}

/* Splits @blocks into pages of @kind under a title of @title_h. Each
 * block is measured once. */
static void
paginate_blocks (BtReport         *self,
                 cairo_t          *cr,
                 BtReportPageKind  kind,
                 guint             index,
                 GArray           *blocks,
                 BtBusinessCase   *bc,
                 double            title_h,
                 double            continued_h,
                 double            page_width,
                 double            page_height)
{
  double width = page_width - 2 * MARGIN;
  double top = bt_report_content_top (self, cr) + 4;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  double header_h = bc != NULL ? cost_header (self, cr, 0, width, FALSE) : 0;
  double line = bt_report_line_height (self, cr, 1.0);
  Page page = { kind, index, 0, 0, FALSE };
  double y = top + title_h;
  g_autofree double *heights = g_new0 (double, MAX (blocks->len, 1));

  for (guint i = 0; i < blocks->len; i++)
    heights[i] = block_height (self, cr, &g_array_index (blocks, Block, i), bc, width);

  for (guint i = 0; i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);
      double gap = page.count > 0 ? block->gap_before : 0;
      /* where the next page's first block starts */
      double next_top = top + continued_h + (continues_table (block) ? header_h : 0);
      double kept, last;

      /* An impact statement starts a page rather than be split, when a
       * page can hold it. */
      if (block->group != 0 && (i == 0 || g_array_index (blocks, Block, i - 1).group != block->group) &&
          page.count > 0)
        {
          double group_h = 0;

          for (guint j = i; j < blocks->len && g_array_index (blocks, Block, j).group == block->group; j++)
            group_h += g_array_index (blocks, Block, j).gap_before + heights[j];
          if (y + group_h > bottom && group_h <= bottom - next_top + block->gap_before)
            {
              g_array_append_val (self->pages, page);
              page = (Page) { kind, index, i, 0, TRUE };
              y = next_top;
              gap = 0;
            }
        }

      /* A heading goes with what it heads; with the start of it, when
       * that is taller than a page and is cut at its foot wherever it
       * starts. */
      kept = kept_height (blocks, heights, i, &last);
      if (kept > bottom - next_top)
        kept -= last - MIN (last, 2 * line);
      if (page.count > 0 && y + gap + kept > bottom)
        {
          g_array_append_val (self->pages, page);
          page = (Page) { kind, index, i, 0, TRUE };
          y = next_top;
          gap = 0;
        }
      y += gap + heights[i];
      page.count++;
    }

  g_array_append_val (self->pages, page);
}

static void
draw_blocks (BtReport       *self,
             cairo_t        *cr,
             const Page     *page,
             GArray         *blocks,
             BtBusinessCase *bc,
             const char     *title,
             double          page_width,
             double          page_height)
{
  double width = page_width - 2 * MARGIN;
  double y = bt_report_content_top (self, cr) + 4;
  double bottom = bt_report_content_bottom (self, cr, page_height);
  g_autofree char *continued = NULL;

  if (page->more)
    {
      /* TRANSLATORS: the title of a page that goes on with the story of the one before */
      continued = g_strdup_printf (_("%s (continued)"), title);
      title = continued;
    }
  y += bt_report_page_title (self, cr, title, y, width);
  /* A cost table that goes on from the page before: its header again. */
  if (bc != NULL && page->first < blocks->len && page->count > 0 &&
      continues_table (&g_array_index (blocks, Block, page->first)))
    y += cost_header (self, cr, y, width, TRUE);

  for (guint i = page->first; i < page->first + page->count && i < blocks->len; i++)
    {
      const Block *block = &g_array_index (blocks, Block, i);

      if (i > page->first)
        y += block->gap_before;
      y += block_draw (self, cr, block, bc, y, width, bottom - y);
    }
}

static double
title_height (BtReport   *self,
              cairo_t    *cr,
              const char *title,
              double      width)
{
  return bt_report_text_height (self, cr, title, 1.6, TRUE, width) + 12;
}

void
bt_report_paginate_narrative (BtReport *self,
                              cairo_t  *cr,
                              guint     index,
                              double    page_width,
                              double    page_height)
{
  BtNarrative *n = g_ptr_array_index (self->narratives, index);
  g_autoptr(GArray) blocks = narrative_blocks (self, n);
  g_autoptr(GArray) case_list = NULL;
  GListModel *cases = bt_narrative_get_business_cases (n);
  const char *title = bt_narrative_get_title (n);
  double width = page_width - 2 * MARGIN;
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), title);
  guint first_case = 0;

  paginate_blocks (self, cr, BT_REPORT_PAGE_NARRATIVE, index, blocks, NULL, title_height (self, cr, title, width),
                   title_height (self, cr, continued, width), page_width, page_height);

  /* Then its business cases, each from a page of its own. */
  for (guint i = 0; i < index; i++)
    first_case += g_list_model_get_n_items (bt_narrative_get_business_cases (g_ptr_array_index (self->narratives, i)));
  for (guint j = 0; j < g_list_model_get_n_items (cases); j++)
    {
      BtBusinessCase *bc = g_ptr_array_index (self->cases, first_case + j);
      const char *case_title = bt_business_case_get_title (bc);
      g_autofree char *case_continued = g_strdup_printf (_("%s (continued)"), case_title);

      case_list = case_blocks (self, bc);
      paginate_blocks (self, cr, BT_REPORT_PAGE_BUSINESS_CASE, first_case + j, case_list, bc,
                       title_height (self, cr, case_title, width), title_height (self, cr, case_continued, width),
                       page_width, page_height);
      g_clear_pointer (&case_list, g_array_unref);
    }
}

void
bt_report_draw_narrative_page (BtReport   *self,
                               cairo_t    *cr,
                               const Page *page,
                               double      page_width,
                               double      page_height)
{
  BtNarrative *n = g_ptr_array_index (self->narratives, page->index);
  g_autoptr(GArray) blocks = narrative_blocks (self, n);

  draw_blocks (self, cr, page, blocks, NULL, bt_narrative_get_title (n), page_width, page_height);
}

void
bt_report_draw_case_page (BtReport   *self,
                          cairo_t    *cr,
                          const Page *page,
                          double      page_width,
                          double      page_height)
{
  BtBusinessCase *bc = g_ptr_array_index (self->cases, page->index);
  g_autoptr(GArray) blocks = case_blocks (self, bc);

  draw_blocks (self, cr, page, blocks, bc, bt_business_case_get_title (bc), page_width, page_height);
}
