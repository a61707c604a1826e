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

#define BT_ITEM_SELF BtCostRow, bt_cost_row
BT_DEFINE_ITEM (BT_COST_ROW_FIELDS, N_("Cost Row"), FALSE)
