/* bt-impact-statement.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_IMPACT_STATEMENT (bt_impact_statement_get_type ())

G_DECLARE_FINAL_TYPE (BtImpactStatement, bt_impact_statement, BT, IMPACT_STATEMENT, BtItem)

BtImpactStatement *bt_impact_statement_new (void);
const char *bt_impact_statement_get_summary (BtImpactStatement *self);
void bt_impact_statement_set_summary (BtImpactStatement *self,
                                      const char *summary);
const char *bt_impact_statement_get_technical_detail (BtImpactStatement *self);
void bt_impact_statement_set_technical_detail (BtImpactStatement *self,
                                               const char *technical_detail);
const char *bt_impact_statement_get_business_impact (BtImpactStatement *self);
void bt_impact_statement_set_business_impact (BtImpactStatement *self,
                                              const char *business_impact);
double bt_impact_statement_get_impact_value (BtImpactStatement *self);
void bt_impact_statement_set_impact_value (BtImpactStatement *self,
                                           double impact_value);
const char *bt_impact_statement_get_impact_unit (BtImpactStatement *self);
void bt_impact_statement_set_impact_unit (BtImpactStatement *self,
                                          const char *impact_unit);

G_END_DECLS
