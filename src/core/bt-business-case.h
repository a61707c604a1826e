/* bt-business-case.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-cost-row.h"

G_BEGIN_DECLS

#define BT_TYPE_BUSINESS_CASE (bt_business_case_get_type ())

G_DECLARE_FINAL_TYPE (BtBusinessCase, bt_business_case, BT, BUSINESS_CASE, BtItem)

BtBusinessCase *bt_business_case_new (void);
const char *bt_business_case_get_title (BtBusinessCase *self);
void bt_business_case_set_title (BtBusinessCase *self,
                                 const char *title);
const char *bt_business_case_get_problem (BtBusinessCase *self);
void bt_business_case_set_problem (BtBusinessCase *self,
                                   const char *problem);
const char *bt_business_case_get_cost (BtBusinessCase *self);
void bt_business_case_set_cost (BtBusinessCase *self,
                                const char *cost);
const char *bt_business_case_get_solution (BtBusinessCase *self);
void bt_business_case_set_solution (BtBusinessCase *self,
                                    const char *solution);
const char *bt_business_case_get_ask (BtBusinessCase *self);
void bt_business_case_set_ask (BtBusinessCase *self,
                               const char *ask);
double bt_business_case_get_ask_cost (BtBusinessCase *self);
void bt_business_case_set_ask_cost (BtBusinessCase *self,
                                    double ask_cost);
const char *bt_business_case_get_expected_return (BtBusinessCase *self);
void bt_business_case_set_expected_return (BtBusinessCase *self,
                                           const char *expected_return);
BtCaseStatus bt_business_case_get_status (BtBusinessCase *self);
void bt_business_case_set_status (BtBusinessCase *self,
                                  BtCaseStatus status);
const GDate *bt_business_case_get_proposed_on (BtBusinessCase *self);
void bt_business_case_set_proposed_on (BtBusinessCase *self,
                                       const GDate *proposed_on);
const GDate *bt_business_case_get_decided_on (BtBusinessCase *self);
void bt_business_case_set_decided_on (BtBusinessCase *self,
                                      const GDate *decided_on);
GListModel *bt_business_case_get_cost_rows (BtBusinessCase *self);

G_END_DECLS
