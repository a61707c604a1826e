/* bt-chart-view.h — a chart in the window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "bt-chart.h"

G_BEGIN_DECLS

#define BT_TYPE_CHART_VIEW (bt_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (BtChartView, bt_chart_view, BT, CHART_VIEW, GtkWidget)

GtkWidget   *bt_chart_view_new      (BtChartKind  kind);
BtChartKind  bt_chart_view_get_kind (BtChartView *self);
void         bt_chart_view_set_kind (BtChartView *self,
                                     BtChartKind  kind);
BtPlan      *bt_chart_view_get_plan (BtChartView *self);
void         bt_chart_view_set_plan (BtChartView *self,
                                     BtPlan      *plan);

G_END_DECLS
