/* bt-clock-private.h — a clock that tests set
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-clock.h"

G_BEGIN_DECLS

void  bt_clock_set_today_for_testing  (BtClock     *self,
                                       const GDate *today);

G_END_DECLS
