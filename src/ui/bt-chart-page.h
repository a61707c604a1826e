/* bt-chart-page.h — a page of the window: a chart over the list of its items
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-chart.h"

G_BEGIN_DECLS

#define BT_TYPE_CHART_PAGE (bt_chart_page_get_type ())

G_DECLARE_FINAL_TYPE (BtChartPage, bt_chart_page, BT, CHART_PAGE, GtkWidget)

void    bt_chart_page_set_plan (BtChartPage *self,
                                BtPlan      *plan);
BtPlan *bt_chart_page_get_plan (BtChartPage *self);
gboolean bt_chart_page_focus_search (BtChartPage *self);

G_END_DECLS
