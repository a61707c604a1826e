/* bt-plan-file-private.h — calls of the plan file meant for tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-plan-file.h"

G_BEGIN_DECLS

BtPlan *bt_plan_file_load_bytes_from_tree (GBytes  *bytes,
                                           GError **error);

G_END_DECLS
