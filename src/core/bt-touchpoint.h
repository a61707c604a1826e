/* bt-touchpoint.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

/* What the plan file holds of a touchpoint, in its order. */
#define BT_TOUCHPOINT_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  DATE (date, N_("Date"), BT_FIELD_REQUIRED) \
  TEXT (note, N_("Note"), 0) \
  TEXT (source, NULL, BT_FIELD_IMPORT_ONLY)

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_TOUCHPOINT (bt_touchpoint_get_type ())

G_DECLARE_FINAL_TYPE (BtTouchpoint, bt_touchpoint, BT, TOUCHPOINT, BtItem)

BtTouchpoint *bt_touchpoint_new (void);

#define BT_ITEM_DECLARING BtTouchpoint, bt_touchpoint
BT_DECLARE_ITEM_ACCESSORS (BT_TOUCHPOINT_FIELDS)
#undef BT_ITEM_DECLARING

G_END_DECLS
