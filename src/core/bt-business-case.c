/* bt-business-case.c — A one-page case for fixing a systemic problem.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a business case, in its order. */
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

/* The lists of items it holds, in the file's order. */
#define BUSINESS_CASE_LISTS(LIST) \
  LIST (cost_rows, bt_cost_row_get_type)

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

#define BT_ITEM_SELF BtBusinessCase, bt_business_case
BT_DEFINE_ITEM_WITH_LISTS (BUSINESS_CASE_FIELDS, BUSINESS_CASE_LISTS, N_("Business Case"), TRUE)
