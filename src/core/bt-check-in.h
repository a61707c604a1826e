/* bt-check-in.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a check-in, in its order. */
#define BT_CHECK_IN_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  OWN (TEXT, week, NULL, BT_FIELD_REQUIRED | BT_FIELD_WEEK) \
  TEXT (question, NULL, 0) \
  TEXT (answer, NULL, 0) \
  INT (over_involvement, NULL, 0, 0, 5, 0) \
  INT (operational_reflex, NULL, 0, 0, 5, 0) \
  INT (not_delegating, NULL, 0, 0, 5, 0) \
  INT (technical_certainty, NULL, 0, 0, 5, 0)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_CHECK_IN (bt_check_in_get_type ())

G_DECLARE_FINAL_TYPE (BtCheckIn, bt_check_in, BT, CHECK_IN, BtItem)

BtCheckIn *bt_check_in_new (void);

#define BT_ITEM_DECLARING BtCheckIn, bt_check_in
BT_DECLARE_ITEM_ACCESSORS (BT_CHECK_IN_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
