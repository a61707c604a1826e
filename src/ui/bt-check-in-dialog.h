/* bt-check-in-dialog.h — the weekly check-in
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"

G_BEGIN_DECLS

#define BT_TYPE_CHECK_IN_DIALOG (bt_check_in_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BtCheckInDialog, bt_check_in_dialog, BT, CHECK_IN_DIALOG, AdwWindow)

BtCheckInDialog *bt_check_in_dialog_new          (GtkWindow   *parent,
                                                  BtPlan      *plan,
                                                  BtHistory   *history);
BtCheckInDialog *bt_check_in_dialog_new_for_week (GtkWindow   *parent,
                                                  BtPlan      *plan,
                                                  BtHistory   *history,
                                                  BtWeek      *week);

G_END_DECLS
