/* bt-business-case.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a business case, in its order. */
#define BT_BUSINESS_CASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  TEXT (problem, N_("The problem"), BT_FIELD_LONG_TEXT) \
  TEXT (cost, N_("What it costs now"), BT_FIELD_LONG_TEXT) \
  TEXT (solution, N_("Proposed solution"), BT_FIELD_LONG_TEXT) \
  TEXT (ask, N_("The ask: people, time, money"), BT_FIELD_LONG_TEXT) \
  NUMBER (ask_cost, N_("One-off cost of the ask"), 0, 0.0, 1e12, 0.0) \
  TEXT (expected_return, N_("The return"), BT_FIELD_LONG_TEXT, "return") \
  ENUM (status, N_("Status"), 0, BtCaseStatus, bt_case_status_get_type, BT_CASE_DRAFT) \
  DATE (proposed_on, N_("Proposed on"), 0) \
  DATE (decided_on, N_("Decided on"), 0)

/* The lists of items it holds, in the file's order. */
#define BT_BUSINESS_CASE_LISTS(LIST) \
  LIST (cost_rows, bt_cost_row_get_type)

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-cost-row.h"

G_BEGIN_DECLS

#define BT_TYPE_BUSINESS_CASE (bt_business_case_get_type ())

G_DECLARE_FINAL_TYPE (BtBusinessCase, bt_business_case, BT, BUSINESS_CASE, BtItem)

BtBusinessCase *bt_business_case_new (void);

#define BT_ITEM_DECLARING BtBusinessCase, bt_business_case
BT_DECLARE_ITEM_ACCESSORS (BT_BUSINESS_CASE_FIELDS)
BT_DECLARE_ITEM_LIST_GETTERS (BT_BUSINESS_CASE_LISTS)
#undef BT_ITEM_DECLARING

G_END_DECLS
