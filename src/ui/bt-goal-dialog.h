/* bt-goal-dialog.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "bt-history.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_TYPE_GOAL_DIALOG (bt_goal_dialog_get_type ())

G_DECLARE_FINAL_TYPE (BtGoalDialog, bt_goal_dialog, BT, GOAL_DIALOG, AdwWindow)

BtGoalDialog *bt_goal_dialog_new                   (GtkWindow    *parent,
                                                    BtPlan       *plan,
                                                    BtHistory    *history);
BtGoalDialog *bt_goal_dialog_new_for_new_plan      (GtkWindow    *parent,
                                                    BtPlan       *plan);
gboolean      bt_goal_dialog_get_keep_categories   (BtGoalDialog *self);

G_END_DECLS
