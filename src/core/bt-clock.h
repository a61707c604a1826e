/* bt-clock.h — what day it is, and when that changes
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define BT_TYPE_CLOCK (bt_clock_get_type ())

G_DECLARE_FINAL_TYPE (BtClock, bt_clock, BT, CLOCK, GObject)

BtClock  *bt_clock_get_default  (void);
void      bt_clock_get_today    (BtClock *self,
                                 GDate   *today);
void      bt_clock_check        (BtClock *self);

/* The default clock's day: for the many places that only read it. */
void      bt_today              (GDate   *today);

G_END_DECLS
