/* bt-phase.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_PHASE (bt_phase_get_type ())

G_DECLARE_FINAL_TYPE (BtPhase, bt_phase, BT, PHASE, BtItem)

BtPhase *bt_phase_new (void);
const char *bt_phase_get_title (BtPhase *self);
void bt_phase_set_title (BtPhase *self,
                         const char *title);
const GDate *bt_phase_get_start (BtPhase *self);
void bt_phase_set_start (BtPhase *self,
                         const GDate *start);
const GDate *bt_phase_get_end (BtPhase *self);
void bt_phase_set_end (BtPhase *self,
                       const GDate *end);

G_END_DECLS
