/* bt-reminder.h — when the weekly check-in reminder and the daily nudge
 * are due, and what the nudge says
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

#include "bt-plan.h"

G_BEGIN_DECLS

GDateTime *bt_reminder_last_time    (GDateTime          *now,
                                     int                 weekday,
                                     int                 hour);
GDateTime *bt_reminder_next_time    (GDateTime          *now,
                                     int                 weekday,
                                     int                 hour);
gboolean   bt_reminder_check_in_due (GDateTime          *now,
                                     int                 weekday,
                                     int                 hour,
                                     gint64              last_shown);

/* What the daily nudge has to say. */
typedef struct
{
  GPtrArray *overdue;     /* (element-type BtRelationship) newly overdue people */
  GPtrArray *milestones;  /* (element-type BtMilestone) due within the week, not done or dropped */
  GPtrArray *next_steps;  /* (element-type BtRelationship) whose next step is due within the week */
} BtNudge;

BtNudge   *bt_nudge_new             (BtPlan             *plan,
                                     const GDate        *today,
                                     const char * const *told_overdue);
gboolean   bt_nudge_is_empty        (BtNudge            *nudge);
char      *bt_nudge_to_text         (BtNudge            *nudge);
GStrv      bt_nudge_overdue_ids     (BtPlan             *plan,
                                     const GDate        *today);
void       bt_nudge_free            (BtNudge            *nudge);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtNudge, bt_nudge_free)

G_END_DECLS
