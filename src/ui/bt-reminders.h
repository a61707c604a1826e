/* bt-reminders.h — the weekly check-in reminder and the daily nudge, as
 * notifications
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define BT_TYPE_REMINDERS (bt_reminders_get_type ())

G_DECLARE_FINAL_TYPE (BtReminders, bt_reminders, BT, REMINDERS, GObject)

BtReminders *bt_reminders_new       (GApplication *app,
                                     GSettings    *settings);
void         bt_reminders_check_now (BtReminders  *self);

G_END_DECLS
