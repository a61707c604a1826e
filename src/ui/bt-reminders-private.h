/* bt-reminders-private.h — for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-reminders.h"

G_BEGIN_DECLS

guint bt_reminders_get_n_checked (BtReminders *self);

G_END_DECLS
