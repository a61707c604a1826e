/* bt-milestone.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"

G_BEGIN_DECLS

#define BT_TYPE_MILESTONE (bt_milestone_get_type ())

G_DECLARE_FINAL_TYPE (BtMilestone, bt_milestone, BT, MILESTONE, BtItem)

BtMilestone *bt_milestone_new (void);
const char *bt_milestone_get_title (BtMilestone *self);
void bt_milestone_set_title (BtMilestone *self,
                             const char *title);
const GDate *bt_milestone_get_date (BtMilestone *self);
void bt_milestone_set_date (BtMilestone *self,
                            const GDate *date);
const char *bt_milestone_get_phase (BtMilestone *self);
void bt_milestone_set_phase (BtMilestone *self,
                             const char *phase);
BtMilestoneStatus bt_milestone_get_status (BtMilestone *self);
void bt_milestone_set_status (BtMilestone *self,
                              BtMilestoneStatus status);
const char *bt_milestone_get_notes (BtMilestone *self);
void bt_milestone_set_notes (BtMilestone *self,
                             const char *notes);
const GDate *bt_milestone_get_original_date (BtMilestone *self);
void bt_milestone_set_original_date (BtMilestone *self,
                                     const GDate *original_date);

G_END_DECLS
