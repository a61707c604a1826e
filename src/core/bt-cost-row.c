/* bt-cost-row.c — One line of a business case's monthly cost table.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a cost row, in its order. */
#define COST_ROW_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (metric, N_("What is counted"), BT_FIELD_REQUIRED) \
  NUMBER (current_monthly, N_("Cost per month now"), 0, -1e12, 1e12, 0.0) \
  NUMBER (projected_monthly, N_("Cost per month projected"), 0, -1e12, 1e12, 0.0)

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

#define BT_ITEM_SELF BtCostRow, bt_cost_row
BT_DEFINE_ITEM (COST_ROW_FIELDS, N_("Cost Row"), FALSE)
