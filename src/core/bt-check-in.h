/* bt-check-in.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_CHECK_IN (bt_check_in_get_type ())

G_DECLARE_FINAL_TYPE (BtCheckIn, bt_check_in, BT, CHECK_IN, BtItem)

BtCheckIn *bt_check_in_new (void);
const char *bt_check_in_get_week (BtCheckIn *self);
void bt_check_in_set_week (BtCheckIn *self,
                           const char *week);
const char *bt_check_in_get_question (BtCheckIn *self);
void bt_check_in_set_question (BtCheckIn *self,
                               const char *question);
const char *bt_check_in_get_answer (BtCheckIn *self);
void bt_check_in_set_answer (BtCheckIn *self,
                             const char *answer);
int bt_check_in_get_over_involvement (BtCheckIn *self);
void bt_check_in_set_over_involvement (BtCheckIn *self,
                                       int over_involvement);
int bt_check_in_get_operational_reflex (BtCheckIn *self);
void bt_check_in_set_operational_reflex (BtCheckIn *self,
                                         int operational_reflex);
int bt_check_in_get_not_delegating (BtCheckIn *self);
void bt_check_in_set_not_delegating (BtCheckIn *self,
                                     int not_delegating);
int bt_check_in_get_technical_certainty (BtCheckIn *self);
void bt_check_in_set_technical_certainty (BtCheckIn *self,
                                          int technical_certainty);

G_END_DECLS
