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

enum {
  PROP_0,
  PROP_TITLE,
  PROP_PROBLEM,
  PROP_COST,
  PROP_SOLUTION,
  PROP_ASK,
  PROP_ASK_COST,
  PROP_EXPECTED_RETURN,
  PROP_STATUS,
  PROP_PROPOSED_ON,
  PROP_DECIDED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtBusinessCase *
bt_business_case_new (void)
{
  return g_object_new (BT_TYPE_BUSINESS_CASE, NULL);
}

/* What the plan file holds of a business case, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_business_case_set_title),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, title) },
  { "problem", .label = N_("The problem"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_business_case_set_problem),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, problem) },
  { "cost", .label = N_("What it costs now"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_business_case_set_cost),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, cost) },
  { "solution", .label = N_("Proposed solution"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_business_case_set_solution),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, solution) },
  { "ask", .label = N_("The ask: people, time, money"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_business_case_set_ask),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, ask) },
  { "ask_cost", .label = N_("One-off cost of the ask"),
    .set = G_CALLBACK (bt_business_case_set_ask_cost),
    .type = BT_FIELD_NUMBER, .lowest = 0.0, .highest = 1000000000000.0, .default_value = 0.0,
    .offset = G_STRUCT_OFFSET (BtBusinessCase, ask_cost) },
  { "return", .property = "expected-return", .label = N_("The return"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_business_case_set_expected_return),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtBusinessCase, expected_return) },
  { "status", .label = N_("Status"), .set = G_CALLBACK (bt_business_case_set_status),
    .type = BT_FIELD_ENUM, .enum_type = bt_case_status_get_type, .default_value = BT_CASE_DRAFT,
    .offset = G_STRUCT_OFFSET (BtBusinessCase, status) },
  { "proposed_on", .label = N_("Proposed on"),
    .set = G_CALLBACK (bt_business_case_set_proposed_on),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtBusinessCase, proposed_on) },
  { "decided_on", .label = N_("Decided on"), .set = G_CALLBACK (bt_business_case_set_decided_on),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtBusinessCase, decided_on) },
};

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

BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, title, PROP_TITLE)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, problem, PROP_PROBLEM)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, cost, PROP_COST)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, solution, PROP_SOLUTION)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, ask, PROP_ASK)
BT_DEFINE_NUMBER_ACCESSORS (BtBusinessCase, bt_business_case, ask_cost, PROP_ASK_COST)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, expected_return, PROP_EXPECTED_RETURN)
BT_DEFINE_ENUM_ACCESSORS (BtBusinessCase, bt_business_case, BtCaseStatus, status, PROP_STATUS)
BT_DEFINE_DATE_ACCESSORS (BtBusinessCase, bt_business_case, proposed_on, PROP_PROPOSED_ON)
BT_DEFINE_DATE_ACCESSORS (BtBusinessCase, bt_business_case, decided_on, PROP_DECIDED_ON)
