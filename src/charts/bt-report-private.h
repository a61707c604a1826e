/* bt-report-private.h — what the report's pages share
 *
 * The report is laid out page by page (bt-report.c); each kind of page is
 * drawn in a file of its own: the title page, the relationships table, the
 * narratives and their business cases.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-report.h"

G_BEGIN_DECLS

#define MARGIN 42.0   /* points: about 15 mm */

/* Text taller than this is no paragraph of a page. */
#define BT_REPORT_NO_LIMIT 100000.0

typedef struct
{
  BtReportPageKind kind;
  guint            index;   /* the chart, the narrative or the case */
  guint            first;   /* the first table row or impact statement on this page */
  guint            count;   /* table rows or impact statements on this page */
  gboolean         more;    /* a page that continues the one before */
  gboolean         alone;   /* a chart whose table starts on the next page */
} Page;

struct _BtReport
{
  BtPlan       *plan;
  GDate         today;
  BtChartStyle  style;
  GArray       *pages;           /* of Page */
  GPtrArray    *relationships;   /* sorted for the table */
  GPtrArray    *narratives;
  GPtrArray    *cases;
  GPtrArray    *milestones;      /* by date, for the roadmap's table */
};

double  bt_report_line_height     (BtReport      *self,
                                   cairo_t       *cr,
                                   double         size);
double  bt_report_text_height     (BtReport      *self,
                                   cairo_t       *cr,
                                   const char    *text,
                                   double         size,
                                   gboolean       bold,
                                   double         width);
double  bt_report_text_height_within (BtReport   *self,
                                      cairo_t    *cr,
                                      const char *text,
                                      double      size,
                                      gboolean    bold,
                                      double      width,
                                      double      max_height);
double  bt_report_content_top     (BtReport      *self,
                                   cairo_t       *cr);
double  bt_report_content_bottom  (BtReport      *self,
                                   cairo_t       *cr,
                                   double         page_height);
double  bt_report_paragraph       (BtReport      *self,
                                   cairo_t       *cr,
                                   const BtColor *color,
                                   const char    *text,
                                   double         size,
                                   gboolean       bold,
                                   double         x,
                                   double         y,
                                   double         width,
                                   double         max_height);
double  bt_report_page_title      (BtReport      *self,
                                   cairo_t       *cr,
                                   const char    *title,
                                   double         y,
                                   double         width);
char   *bt_report_percent         (double         share);
const char *bt_report_cell_text   (const char    *text,
                                   char         **owned);
double  bt_report_section_heading (BtReport      *self,
                                   cairo_t       *cr,
                                   const char    *text,
                                   double         x,
                                   double         y,
                                   double         width);
double  bt_report_bullet          (BtReport      *self,
                                   cairo_t       *cr,
                                   const BtColor *color,
                                   const char    *text,
                                   double         x,
                                   double         y,
                                   double         width);

/* bt-report-table.c: a table's columns, and what one row shows cell by
 * cell: a first line and, under it, a second in a smaller or coloured
 * type (NULL for none; muted when no colour is given). */
#define BT_REPORT_MAX_COLUMNS 5

typedef struct
{
  guint          n_columns;
  const double  *fractions;   /* of the content's width */
  const char   **headers;
  gboolean       first_bold;  /* the first column names the row */
  guint          min_lines;   /* the least a row takes, in lines */
} BtReportTable;

typedef struct
{
  const char    *text[BT_REPORT_MAX_COLUMNS];
  const char    *under[BT_REPORT_MAX_COLUMNS];
  const BtColor *under_color[BT_REPORT_MAX_COLUMNS];
  gboolean       under_bold[BT_REPORT_MAX_COLUMNS];
  char          *owned[BT_REPORT_MAX_COLUMNS];
} BtReportRow;

typedef void (*BtReportRowFill) (BtReport    *self,
                                 guint        i,
                                 BtReportRow *row);

void    bt_report_row_clear            (BtReportRow         *row);
double  bt_report_table_header_height  (BtReport            *self,
                                        cairo_t             *cr);
double  bt_report_table_row_limit      (BtReport            *self,
                                        cairo_t             *cr,
                                        const char          *title,
                                        double               width,
                                        double               page_height);
double  bt_report_table_row            (BtReport            *self,
                                        cairo_t             *cr,
                                        const BtReportTable *table,
                                        const BtReportRow   *row,
                                        double               width,
                                        double               y,
                                        double               limit,
                                        gboolean             draw);
double  bt_report_table_header         (BtReport            *self,
                                        cairo_t             *cr,
                                        const BtReportTable *table,
                                        double               width,
                                        double               y);
double  bt_report_table_draw_row       (BtReport            *self,
                                        cairo_t             *cr,
                                        const BtReportTable *table,
                                        const BtReportRow   *row,
                                        gboolean             banded,
                                        double               width,
                                        double               y,
                                        double               limit);
Page    bt_report_table_paginate       (BtReport            *self,
                                        cairo_t             *cr,
                                        const BtReportTable *table,
                                        guint                n_rows,
                                        BtReportRowFill      fill,
                                        Page                 page,
                                        double               y,
                                        BtReportPageKind     kind,
                                        const char          *continued,
                                        double               page_width,
                                        double               page_height);

/* bt-report-roadmap.c */
double  bt_report_roadmap_chart_height (BtReport *self,
                                        cairo_t  *cr,
                                        double    page_width,
                                        double    page_height);
void    bt_report_paginate_roadmap     (BtReport *self,
                                        cairo_t  *cr,
                                        double    page_width,
                                        double    page_height);
void    bt_report_draw_roadmap_page    (BtReport   *self,
                                        cairo_t    *cr,
                                        const Page *page,
                                        double      page_width,
                                        double      page_height);

/* bt-report-title.c */
void    bt_report_draw_title_page (BtReport      *self,
                                   cairo_t       *cr,
                                   double         page_width,
                                   double         page_height);

/* bt-report-relationships.c */
void    bt_report_paginate_relationships  (BtReport *self,
                                           cairo_t  *cr,
                                           double    page_width,
                                           double    page_height);
void    bt_report_draw_relationship_page  (BtReport   *self,
                                           cairo_t    *cr,
                                           const Page *page,
                                           double      page_width,
                                           double      page_height);

/* bt-report-story.c */
void    bt_report_paginate_narrative      (BtReport *self,
                                           cairo_t  *cr,
                                           guint     index,
                                           double    page_width,
                                           double    page_height);
void    bt_report_draw_narrative_page     (BtReport   *self,
                                           cairo_t    *cr,
                                           const Page *page,
                                           double      page_width,
                                           double      page_height);
void    bt_report_draw_case_page          (BtReport   *self,
                                           cairo_t    *cr,
                                           const Page *page,
                                           double      page_width,
                                           double      page_height);

G_END_DECLS
