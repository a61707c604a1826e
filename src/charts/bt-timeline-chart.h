/* bt-timeline-chart.h — the roadmap of the shift on a time axis
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-chart-style.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TIMELINE_NO_LANE G_MAXUINT

typedef struct
{
  BtMilestone *milestone;   /* not a reference: the plan holds it */
  double       x;
  double       original_x;  /* where a slipped milestone was planned, or NAN */
  int          row;         /* of its label: 0, 1, … above the spine, -1, -2, … below; 0 for none */
  BtRect       label;       /* empty when there was no room */
  gboolean     truncated;   /* the label is ellipsized to label.width */
} BtTimelineMarker;

typedef struct
{
  BtTimeScale scale;
  BtRect      plot;          /* phases, spine and labels */
  double      spine_y;
  double      lane_height;
  guint       n_lanes;
  GArray     *phase_lanes;   /* of guint, the lane of each phase; BT_TIMELINE_NO_LANE
                              * for a phase without dates, which is not drawn */
  GArray     *markers;       /* of BtTimelineMarker, in time order */
  double      today_x;       /* NAN when today is outside the range */
  double      target_x;      /* NAN without a target date */
  double      text_scale;
} BtTimelineLayout;

gboolean bt_timeline_chart_layout       (BtPlan             *plan,
                                         const GDate        *today,
                                         const BtChartStyle *style,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height,
                                         BtTimelineLayout   *layout);
void     bt_timeline_chart_layout_clear (BtTimelineLayout   *layout);
void     bt_timeline_chart_draw         (BtPlan             *plan,
                                         const GDate        *today,
                                         const BtChartStyle *style,
                                         cairo_t            *cr,
                                         double              width,
                                         double              height);

char    *bt_timeline_chart_undated_text (BtPlan             *plan);
void     bt_timeline_chart_empty_text   (BtPlan             *plan,
                                         char              **title,
                                         char              **hint);

G_END_DECLS
