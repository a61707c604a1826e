/* bt-timeline-chart-private.h — the roadmap's label fitting and the
 * places of its axis's dates, for tests
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
void  bt_timeline_chart_axis_labels (const BtRect *plot,
                                     double        label_width,
                                     const double *tick_x,
                                     guint         n_ticks,
                                     double       *label_x);

G_END_DECLS
