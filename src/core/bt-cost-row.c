/* bt-cost-row.c — One line of a business case's monthly cost table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-cost-row"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-cost-row.h"
#include "bt-item-define-private.h"

struct _BtCostRow
{
  BtItem parent_instance;

  char *metric;
  double current_monthly;
  double projected_monthly;
};

G_DEFINE_FINAL_TYPE (BtCostRow, bt_cost_row, BT_TYPE_ITEM)

BtCostRow *
bt_cost_row_new (void)
{
  return g_object_new (BT_TYPE_COST_ROW, NULL);
}

/* What the plan file holds of a cost row, in its order. */
#define BT_ITEM_SELF BtCostRow, bt_cost_row
#define COST_ROW_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (metric, N_("What is counted"), BT_FIELD_REQUIRED) \
  NUMBER (current_monthly, N_("Cost per month now"), 0, -1e12, 1e12, 0.0) \
  NUMBER (projected_monthly, N_("Cost per month projected"), 0, -1e12, 1e12, 0.0)

BT_DEFINE_ITEM_FIELDS (COST_ROW_FIELDS)

BT_DEFINE_ITEM_CLASS (BtCostRow, bt_cost_row, N_("Cost Row"), FALSE)
