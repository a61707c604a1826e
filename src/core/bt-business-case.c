/* bt-business-case.c — A one-page case for fixing a systemic problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-business-case"

#include "config.h"

#include <glib/gi18n-lib.h>

#include <math.h>

#include "bt-business-case.h"
#include "bt-item-accessors-private.h"

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

static void
bt_business_case_finalize (GObject *object)
{
  BtBusinessCase *self = BT_BUSINESS_CASE (object);

  g_clear_object (&self->cost_rows);

  G_OBJECT_CLASS (bt_business_case_parent_class)->finalize (object);
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

static GListModel *
get_cost_rows (gpointer self)
{
  return bt_business_case_get_cost_rows (self);
}

static const BtChildList children[] = {
  { "cost_rows", bt_cost_row_get_type, get_cost_rows },
};

/* Property n is field n - 1: see bt_item_class_install_fields(). */
G_STATIC_ASSERT (G_N_ELEMENTS (fields) + 1 == N_PROPS);

static const BtItemDescription description = {
  .kind_label = N_("Business Case"),
  .has_id = TRUE,
  .fields = fields,
  .n_fields = G_N_ELEMENTS (fields),
  .children = children,
  .n_children = G_N_ELEMENTS (children),
};

static void
bt_business_case_class_init (BtBusinessCaseClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = bt_business_case_finalize;

  bt_item_class_install_fields (BT_ITEM_CLASS (klass), &description, properties);
}

static void
bt_business_case_init (BtBusinessCase *self)
{
  self->ask_cost = 0.0;
  self->status = BT_CASE_DRAFT;
  g_date_clear (&self->proposed_on, 1);
  g_date_clear (&self->decided_on, 1);
  self->cost_rows = bt_item_list_new (BT_TYPE_COST_ROW);
  bt_item_adopt_list (BT_ITEM (self), self->cost_rows);
}

BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, title, PROP_TITLE)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, problem, PROP_PROBLEM)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, cost, PROP_COST)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, solution, PROP_SOLUTION)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, ask, PROP_ASK)
BT_DEFINE_NUMBER_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, ask_cost, PROP_ASK_COST)
BT_DEFINE_TEXT_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, expected_return, PROP_EXPECTED_RETURN)
BT_DEFINE_ENUM_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, BtCaseStatus, status, PROP_STATUS)
BT_DEFINE_DATE_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, proposed_on, PROP_PROPOSED_ON)
BT_DEFINE_DATE_ACCESSORS (BtBusinessCase, bt_business_case, BT_IS_BUSINESS_CASE, decided_on, PROP_DECIDED_ON)

GListModel *
bt_business_case_get_cost_rows (BtBusinessCase *self)
{
  g_return_val_if_fail (BT_IS_BUSINESS_CASE (self), NULL);

  return G_LIST_MODEL (self->cost_rows);
}
