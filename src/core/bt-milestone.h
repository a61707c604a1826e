/* bt-milestone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a milestone, in its order. */
#define BT_MILESTONE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  DATE (date, N_("Date"), 0) \
  TEXT (phase, N_("Phase"), BT_FIELD_PHASE_REF) \
  ENUM (status, N_("Status"), 0, BtMilestoneStatus, bt_milestone_status_get_type, BT_MILESTONE_PLANNED) \
  TEXT (notes, N_("Notes"), BT_FIELD_LONG_TEXT) \
  DATE (original_date, N_("First planned for"), 0)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_MILESTONE (bt_milestone_get_type ())

G_DECLARE_FINAL_TYPE (BtMilestone, bt_milestone, BT, MILESTONE, BtItem)

BtMilestone *bt_milestone_new (void);

#define BT_ITEM_DECLARING BtMilestone, bt_milestone
BT_DECLARE_ITEM_ACCESSORS (BT_MILESTONE_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
