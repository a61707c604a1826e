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

enum {
  PROP_0,
  PROP_METRIC,
  PROP_CURRENT_MONTHLY,
  PROP_PROJECTED_MONTHLY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtCostRow *
bt_cost_row_new (void)
{
  return g_object_new (BT_TYPE_COST_ROW, NULL);
}

/* What the plan file holds of a cost row, in its order. */
static const BtField fields[] = {
  { "metric", .label = N_("What is counted"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_cost_row_set_metric),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtCostRow, metric) },
  { "current_monthly", .label = N_("Cost per month now"),
    .set = G_CALLBACK (bt_cost_row_set_current_monthly),
    .type = BT_FIELD_NUMBER, .lowest = -1000000000000.0, .highest = 1000000000000.0, .default_value = 0.0,
    .offset = G_STRUCT_OFFSET (BtCostRow, current_monthly) },
  { "projected_monthly", .label = N_("Cost per month projected"),
    .set = G_CALLBACK (bt_cost_row_set_projected_monthly),
    .type = BT_FIELD_NUMBER, .lowest = -1000000000000.0, .highest = 1000000000000.0, .default_value = 0.0,
    .offset = G_STRUCT_OFFSET (BtCostRow, projected_monthly) },
};

BT_DEFINE_ITEM_CLASS (BtCostRow, bt_cost_row, N_("Cost Row"), FALSE)

BT_DEFINE_TEXT_ACCESSORS (BtCostRow, bt_cost_row, metric, PROP_METRIC)
BT_DEFINE_NUMBER_ACCESSORS (BtCostRow, bt_cost_row, current_monthly, PROP_CURRENT_MONTHLY)
BT_DEFINE_NUMBER_ACCESSORS (BtCostRow, bt_cost_row, projected_monthly, PROP_PROJECTED_MONTHLY)
