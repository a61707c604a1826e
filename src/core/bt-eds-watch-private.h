/* bt-eds-watch-private.h — for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-eds-watch.h"

G_BEGIN_DECLS

guint bt_eds_watch_get_n_started (BtEdsWatch *self);

G_END_DECLS
