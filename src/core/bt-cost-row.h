/* bt-cost-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_COST_ROW (bt_cost_row_get_type ())

G_DECLARE_FINAL_TYPE (BtCostRow, bt_cost_row, BT, COST_ROW, BtItem)

BtCostRow *bt_cost_row_new (void);
const char *bt_cost_row_get_metric (BtCostRow *self);
void bt_cost_row_set_metric (BtCostRow *self,
                             const char *metric);
double bt_cost_row_get_current_monthly (BtCostRow *self);
void bt_cost_row_set_current_monthly (BtCostRow *self,
                                      double current_monthly);
double bt_cost_row_get_projected_monthly (BtCostRow *self);
void bt_cost_row_set_projected_monthly (BtCostRow *self,
                                        double projected_monthly);

G_END_DECLS
