/* bt-synthetic.h — plans of any size, for benchmarks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan.h"

G_BEGIN_DECLS

BtPlan *bt_synthetic_plan (double scale,
                           guint32 seed);

G_END_DECLS
