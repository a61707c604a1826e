/* bt-phase.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a phase, in its order: one line a field,
 * as bt-item-define-private.h says. */
#define BT_PHASE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  DATE (start, N_("Start"), 0) \
  DATE (end, N_("End"), 0)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_PHASE (bt_phase_get_type ())

G_DECLARE_FINAL_TYPE (BtPhase, bt_phase, BT, PHASE, BtItem)

BtPhase *bt_phase_new (void);

#define BT_ITEM_DECLARING BtPhase, bt_phase
BT_DECLARE_ITEM_ACCESSORS (BT_PHASE_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
