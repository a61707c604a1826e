/* bt-touchpoint.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_TOUCHPOINT (bt_touchpoint_get_type ())

G_DECLARE_FINAL_TYPE (BtTouchpoint, bt_touchpoint, BT, TOUCHPOINT, BtItem)

BtTouchpoint *bt_touchpoint_new (void);
const GDate *bt_touchpoint_get_date (BtTouchpoint *self);
void bt_touchpoint_set_date (BtTouchpoint *self,
                             const GDate *date);
const char *bt_touchpoint_get_note (BtTouchpoint *self);
void bt_touchpoint_set_note (BtTouchpoint *self,
                             const char *note);
const char *bt_touchpoint_get_source (BtTouchpoint *self);
void bt_touchpoint_set_source (BtTouchpoint *self,
                              const char *source);

G_END_DECLS
