/* bt-business-case.c — A one-page case for fixing a systemic problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-business-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-business-case.h"
#include "bt-item-define-private.h"

struct _BtBusinessCase
{
  BtItem parent_instance;

  char *title;
  char *problem;
  char *cost;
  char *solution;
  char *ask;
  double ask_cost;
  char *expected_return;
  BtCaseStatus status;
  GDate proposed_on;
  GDate decided_on;
  BtItemList *cost_rows;
};

G_DEFINE_FINAL_TYPE (BtBusinessCase, bt_business_case, BT_TYPE_ITEM)

BtBusinessCase *
bt_business_case_new (void)
{
  return g_object_new (BT_TYPE_BUSINESS_CASE, NULL);
}

/* What the plan file holds of a business case, in its order. */
#define BT_ITEM_SELF BtBusinessCase, bt_business_case
#define BUSINESS_CASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
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

BT_DEFINE_ITEM_FIELDS (BUSINESS_CASE_FIELDS)

BT_DEFINE_LIST_GETTER (BtBusinessCase, bt_business_case, cost_rows)

static const BtChildList children[] = {
  { "cost_rows", bt_cost_row_get_type, get_cost_rows },
};

BT_DEFINE_ITEM_DESCRIPTION_WITH_CHILDREN (N_("Business Case"), TRUE);
BT_DEFINE_ITEM_CLASS_INIT (BtBusinessCase, bt_business_case)

static void
bt_business_case_init (BtBusinessCase *self)
{
  bt_item_init_fields (BT_ITEM (self), &description);
  self->cost_rows = bt_item_add_list (BT_ITEM (self), BT_TYPE_COST_ROW);
}
