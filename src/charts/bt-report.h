/* bt-report.h — the roadmap report, page by page, on any cairo surface
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-chart-style.h"
#include "bt-plan.h"

G_BEGIN_DECLS

typedef enum
{
  BT_PAPER_A4,
  BT_PAPER_LETTER,
} BtPaper;

typedef enum
{
  BT_REPORT_PAGE_TITLE,
  BT_REPORT_PAGE_CHART,
  BT_REPORT_PAGE_RELATIONSHIPS,
  BT_REPORT_PAGE_BUSINESS_CASE,
  BT_REPORT_PAGE_NARRATIVE,
  BT_REPORT_PAGE_MILESTONES,   /* the roadmap's table, where it goes on */
} BtReportPageKind;

typedef struct _BtReport BtReport;

gboolean          bt_paper_from_string        (const char         *text,
                                               BtPaper            *paper);
void              bt_paper_get_size           (BtPaper             paper,
                                               gboolean            landscape,
                                               double             *width,
                                               double             *height);
char             *bt_format_date              (const GDate        *date);
char             *bt_format_date_beside       (const GDate        *date,
                                               const GDate        *beside);
char             *bt_format_first_planned     (BtMilestone        *milestone);
char             *bt_format_week_days         (int                 iso_year,
                                               int                 week);

BtReport         *bt_report_new               (BtPlan             *plan,
                                               const GDate        *today,
                                               const BtChartStyle *style);
void              bt_report_free              (BtReport           *report);
guint             bt_report_paginate          (BtReport           *report,
                                               cairo_t            *cr,
                                               double              page_width,
                                               double              page_height);
BtReportPageKind  bt_report_get_page_kind     (BtReport           *report,
                                               guint               page);
void              bt_report_draw_page         (BtReport           *report,
                                               cairo_t            *cr,
                                               guint               page,
                                               double              page_width,
                                               double              page_height);
gboolean          bt_report_export_pdf        (BtPlan             *plan,
                                               const GDate        *today,
                                               BtPaper             paper,
                                               gboolean            landscape,
                                               const char         *path,
                                               GError            **error);
gboolean          bt_report_export_pdf_with_budget (BtPlan        *plan,
                                               const GDate        *today,
                                               double              budget,
                                               BtPaper             paper,
                                               gboolean            landscape,
                                               const char         *path,
                                               GError            **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtReport, bt_report_free)

G_END_DECLS
