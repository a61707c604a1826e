/* bt-chart-row.h — how a row of a chart page reads
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"

G_BEGIN_DECLS

/* Sets @title (markup) and @subtitle, both newly allocated, for @item's row;
 * @plan, when there is one, gives the names an item refers to. */
void bt_chart_row_describe (BtPlan  *plan,
                            BtItem  *item,
                            char   **title,
                            char   **subtitle);

char *bt_chart_row_milestone_status (BtMilestone *milestone);

G_END_DECLS
