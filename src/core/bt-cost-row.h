/* bt-cost-row.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a cost row, in its order. */
#define BT_COST_ROW_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (metric, N_("What is counted"), BT_FIELD_REQUIRED) \
  NUMBER (current_monthly, N_("Cost per month now"), 0, -1e12, 1e12, 0.0) \
  NUMBER (projected_monthly, N_("Cost per month projected"), 0, -1e12, 1e12, 0.0)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_COST_ROW (bt_cost_row_get_type ())

G_DECLARE_FINAL_TYPE (BtCostRow, bt_cost_row, BT, COST_ROW, BtItem)

BtCostRow *bt_cost_row_new (void);

#define BT_ITEM_DECLARING BtCostRow, bt_cost_row
BT_DECLARE_ITEM_ACCESSORS (BT_COST_ROW_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
