/* bt-calendars-dialog.h — which of the desktop's calendars count, and
 * their meetings brought in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_CALENDARS_DIALOG (bt_calendars_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BtCalendarsDialog, bt_calendars_dialog, BT, CALENDARS_DIALOG, AdwWindow)

BtCalendarsDialog *bt_calendars_dialog_new (GtkWindow *parent,
                                            BtPlan    *plan,
                                            BtHistory *history);

G_END_DECLS
