/* bt-timeline-chart-private.h — the roadmap's label fitting, for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-timeline-chart.h"

G_BEGIN_DECLS

char *bt_timeline_chart_fit_label (cairo_t            *cr,
                                   const BtChartStyle *style,
                                   BtMilestone        *m,
                                   double              size,
                                   double              max_width);

G_END_DECLS
