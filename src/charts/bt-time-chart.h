/* bt-time-chart.h — hours per week, tactical versus strategic
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-analytics.h"
#include "bt-chart-style.h"

G_BEGIN_DECLS

typedef struct
{
  guint32  first_day;   /* julian: the period is [first_day, end_day) */
  guint32  end_day;
  double   x;
  double   width;
  double   tactical;
  double   strategic;   /* hours a week: a month's bar has its weeks' average */
  guint    n_weeks;     /* the weeks recorded in the bar: 1, or a month's */
  double   share;       /* of the period itself, NAN without hours */
  double   line_share;  /* what the share line shows: 4-week rolling, or the month's */
  gboolean below;       /* below the trajectory */
} BtTimeBar;

typedef struct
{
  BtRect       plot;
  BtTimeScale  scale;
  gboolean     by_month;    /* weeks too narrow: one bar per month */
  GArray      *bars;        /* of BtTimeBar */
  double       max_hours;   /* the top of the hours axis */
  BtTrajectory trajectory;
  guint        weeks_below; /* in a row, up to today */
  BtTrend      trend;
  char        *trend_text;  /* the trend, or why there is none yet */
  double       trend_y;     /* where that line of text goes */
  char        *stale_text;  /* since when no hours were recorded, in a line
                             * under it; NULL when the hours are the latest */
  double       stale_y;
  double       text_scale;
  double       legend_bottom;
} BtTimeChartLayout;

gboolean bt_time_chart_layout          (BtPlan                  *plan,
                                        const GDate             *today,
                                        const BtChartStyle      *style,
                                        cairo_t                 *cr,
                                        double                   width,
                                        double                   height,
                                        BtTimeChartLayout       *layout);
void     bt_time_chart_layout_clear    (BtTimeChartLayout       *layout);
double   bt_time_chart_y_for_hours     (const BtTimeChartLayout *layout,
                                        double                   hours);
double   bt_time_chart_y_for_share     (const BtTimeChartLayout *layout,
                                        double                   share);
int      bt_time_chart_bar_at          (const BtTimeChartLayout *layout,
                                        double                   x);
void     bt_time_chart_draw            (BtPlan                  *plan,
                                        const GDate             *today,
                                        const BtChartStyle      *style,
                                        cairo_t                 *cr,
                                        double                   width,
                                        double                   height);

G_END_DECLS
