/* bt-reminder.c — when the weekly check-in reminder and the daily nudge
 * are due, and what the nudge says
 *
 * The reminder is due when its last time (the latest chosen weekday and
 * hour not after now) comes after the last one shown: a computer off for
 * three Fridays shows it once at the next start, not three times. The
 * nudge tells only people who became overdue since the last nudge (the
 * caller keeps who was told), and milestones and next steps due within the
 * week.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-reminder"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-analytics.h"
#include "bt-reminder.h"

/**
 * bt_reminder_last_time:
 * @weekday: 1 (Monday) to 7 (Sunday)
 * @hour: 0 to 23
 *
 * Returns: (transfer full): the latest @weekday at @hour:00, in @now's
 *   time zone, that is not after @now
 */
GDateTime *
bt_reminder_last_time (GDateTime *now,
                       int        weekday,
                       int        hour)
{
  g_autoptr(GDateTime) midnight = NULL;
  g_autoptr(GDateTime) candidate = NULL;
  int back;

  g_return_val_if_fail (weekday >= 1 && weekday <= 7, NULL);
  g_return_val_if_fail (hour >= 0 && hour <= 23, NULL);

  back = (g_date_time_get_day_of_week (now) - weekday + 7) % 7;
  midnight = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (now),
                              g_date_time_get_month (now), g_date_time_get_day_of_month (now), 0, 0, 0);
  {
    g_autoptr(GDateTime) day = g_date_time_add_days (midnight, -back);

    candidate = g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (day),
                                 g_date_time_get_month (day), g_date_time_get_day_of_month (day), hour, 0, 0);
  }
  if (g_date_time_compare (candidate, now) > 0)
    {
      g_autoptr(GDateTime) week_before = g_date_time_add_days (candidate, -7);

      return g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (week_before),
                              g_date_time_get_month (week_before), g_date_time_get_day_of_month (week_before),
                              hour, 0, 0);
    }
  return g_steal_pointer (&candidate);
}

/**
 * bt_reminder_next_time:
 *
 * Returns: (transfer full): the first @weekday at @hour:00 after @now
 */
GDateTime *
bt_reminder_next_time (GDateTime *now,
                       int        weekday,
                       int        hour)
{
  g_autoptr(GDateTime) last = bt_reminder_last_time (now, weekday, hour);
  g_autoptr(GDateTime) week_after = g_date_time_add_days (last, 7);

  /* Built again from the date, so that a change of clocks keeps the hour. */
  return g_date_time_new (g_date_time_get_timezone (now), g_date_time_get_year (week_after),
                          g_date_time_get_month (week_after), g_date_time_get_day_of_month (week_after),
                          hour, 0, 0);
}

/**
 * bt_reminder_check_in_due:
 * @last_shown: when the reminder was last shown, seconds since the epoch;
 *   0 for never
 *
 * Returns: whether the check-in reminder is to be shown now
 */
gboolean
bt_reminder_check_in_due (GDateTime *now,
                          int        weekday,
                          int        hour,
                          gint64     last_shown)
{
  g_autoptr(GDateTime) last = bt_reminder_last_time (now, weekday, hour);

  return g_date_time_to_unix (last) > last_shown;
}

/**
 * bt_nudge_overdue_ids:
 *
 * Returns: (transfer full): the ids of the people overdue on @today
 */
GStrv
bt_nudge_overdue_ids (BtPlan      *plan,
                      const GDate *today)
{
  GListModel *relationships = bt_plan_get_relationships (plan);
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();

  for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);

      if (bt_analytics_relationship_state (r, today, NULL) == BT_RELATIONSHIP_OVERDUE)
        g_strv_builder_add (ids, bt_item_get_id (BT_ITEM (r)));
    }
  return g_strv_builder_end (ids);
}

static gboolean
within_week (const GDate *date,
             const GDate *today)
{
  int days;

  if (date == NULL || !g_date_valid (date))
    return FALSE;
  days = g_date_days_between (today, date);
  return days >= 0 && days < 7;
}

/**
 * bt_nudge_new:
 * @told_overdue: (nullable): the ids of the people the last nudge told
 *   were overdue
 *
 * Returns: (transfer full): what a nudge on @today would say
 */
BtNudge *
bt_nudge_new (BtPlan             *plan,
              const GDate        *today,
              const char * const *told_overdue)
{
  BtNudge *nudge = g_new0 (BtNudge, 1);
  GListModel *relationships = bt_plan_get_relationships (plan);
  GListModel *milestones = bt_plan_get_milestones (plan);

  nudge->overdue = g_ptr_array_new_with_free_func (g_object_unref);
  nudge->milestones = g_ptr_array_new_with_free_func (g_object_unref);
  nudge->next_steps = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
    {
      g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);
      const char *id = bt_item_get_id (BT_ITEM (r));

      if (bt_analytics_relationship_state (r, today, NULL) == BT_RELATIONSHIP_OVERDUE &&
          (told_overdue == NULL || !g_strv_contains (told_overdue, id)))
        g_ptr_array_add (nudge->overdue, g_object_ref (r));
      if (bt_relationship_get_next_step (r) != NULL && *bt_relationship_get_next_step (r) != '\0' &&
          within_week (bt_relationship_get_next_step_due (r), today))
        g_ptr_array_add (nudge->next_steps, g_object_ref (r));
    }

  for (guint i = 0; i < g_list_model_get_n_items (milestones); i++)
    {
      g_autoptr(BtMilestone) m = g_list_model_get_item (milestones, i);
      BtMilestoneStatus status = bt_milestone_get_status (m);

      if (status != BT_MILESTONE_DONE && status != BT_MILESTONE_DROPPED &&
          within_week (bt_milestone_get_date (m), today))
        g_ptr_array_add (nudge->milestones, g_object_ref (m));
    }

  return nudge;
}

gboolean
bt_nudge_is_empty (BtNudge *nudge)
{
  return nudge->overdue->len == 0 && nudge->milestones->len == 0 && nudge->next_steps->len == 0;
}

/**
 * bt_nudge_to_text:
 *
 * Returns: (transfer full): the nudge's lines, for a notification's body
 */
char *
bt_nudge_to_text (BtNudge *nudge)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; i < nudge->overdue->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of the daily nudge; %s is a person's name */
      g_string_append_printf (text, _("%s is overdue for a touchpoint"),
                              bt_relationship_get_name (nudge->overdue->pdata[i]));
    }
  for (guint i = 0; i < nudge->next_steps->len; i++)
    {
      BtRelationship *r = nudge->next_steps->pdata[i];

      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of the daily nudge: "Next step with Priya Raman: share the draft" */
      g_string_append_printf (text, _("Next step with %s: %s"), bt_relationship_get_name (r),
                              bt_relationship_get_next_step (r));
    }
  for (guint i = 0; i < nudge->milestones->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, '\n');
      /* TRANSLATORS: a line of the daily nudge; %s is a milestone's title */
      g_string_append_printf (text, _("Milestone due this week: %s"),
                              bt_milestone_get_title (nudge->milestones->pdata[i]));
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}

void
bt_nudge_free (BtNudge *nudge)
{
  if (nudge == NULL)
    return;

  g_ptr_array_unref (nudge->overdue);
  g_ptr_array_unref (nudge->milestones);
  g_ptr_array_unref (nudge->next_steps);
  g_free (nudge);
}
