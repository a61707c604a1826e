/* bt-narratives-chart.h — narratives, and business cases as cost bars
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-analytics.h"
#include "bt-chart-style.h"

G_BEGIN_DECLS

char   *bt_case_savings_text       (const BtCaseTotals *totals,
                                    const char         *currency);
void    bt_narratives_chart_draw   (BtPlan             *plan,
                                    const GDate        *today,
                                    const BtChartStyle *style,
                                    cairo_t            *cr,
                                    double              width,
                                    double              height);
double  bt_narratives_chart_height (BtPlan             *plan,
                                    const BtChartStyle *style,
                                    cairo_t            *cr,
                                    double              width,
                                    double              max_height);

G_END_DECLS
