/* bt-overview-page.h — what needs attention this week
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"

G_BEGIN_DECLS

#define BT_TYPE_OVERVIEW_PAGE (bt_overview_page_get_type ())

G_DECLARE_FINAL_TYPE (BtOverviewPage, bt_overview_page, BT, OVERVIEW_PAGE, GtkWidget)

void bt_overview_page_set_plan    (BtOverviewPage *self,
                                   BtPlan         *plan);
void bt_overview_page_set_history (BtOverviewPage *self,
                                   BtHistory      *history);

G_END_DECLS
