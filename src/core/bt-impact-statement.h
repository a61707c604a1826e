/* bt-impact-statement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of an impact statement, in its order. */
#define BT_IMPACT_STATEMENT_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (summary, N_("Summary"), BT_FIELD_REQUIRED) \
  TEXT (technical_detail, N_("Technical details"), BT_FIELD_LONG_TEXT) \
  TEXT (business_impact, N_("Business impact"), BT_FIELD_LONG_TEXT) \
  NUMBER (impact_value, N_("Impact, as a number"), 0, -1e12, 1e12, 0.0) \
  TEXT (impact_unit, N_("Unit of the impact"), 0)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_IMPACT_STATEMENT (bt_impact_statement_get_type ())

G_DECLARE_FINAL_TYPE (BtImpactStatement, bt_impact_statement, BT, IMPACT_STATEMENT, BtItem)

BtImpactStatement *bt_impact_statement_new (void);

#define BT_ITEM_DECLARING BtImpactStatement, bt_impact_statement
BT_DECLARE_ITEM_ACCESSORS (BT_IMPACT_STATEMENT_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
