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

#define BT_ITEM_SELF BtBusinessCase, bt_business_case
BT_DEFINE_ITEM_WITH_LISTS (BT_BUSINESS_CASE_FIELDS, BT_BUSINESS_CASE_LISTS, N_("Business Case"), TRUE)
