/* bt-weekly.c — the weekly check-in, as plain data
 *
 * A draft starts from what the plan knows: this week's hours if some are
 * recorded, else last recorded week's (most weeks look like the one
 * before), this week's check-in if there is one. Applying it is one step
 * of the history, so one Undo takes the whole check-in back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-weekly"

#include "config.h"

#include <string.h>

#include <math.h>

#include <glib/gi18n-lib.h>

#include "bt-date.h"
#include "bt-weekly.h"

static const char * const ratings_properties[4] = {
  "over-involvement", "operational-reflex", "not-delegating", "technical-certainty",
};

/**
 * bt_weekly_question:
 *
 * Returns: the reflection question for ISO week @week; the two questions
 *   take turns
 */
const char *
bt_weekly_question (int week)
{
  if (week % 2 == 0)
    return _("Who would you be if you were no longer “the technical expert”?");

  return _("What would change in how you spend your time?");
}

static BtCheckIn *
find_check_in (BtPlan     *plan,
               const char *week)
{
  GListModel *list = bt_plan_get_check_ins (plan);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(BtCheckIn) c = g_list_model_get_item (list, i);

      if (g_strcmp0 (bt_check_in_get_week (c), week) == 0)
        return c;   /* the list keeps it alive */
    }

  return NULL;
}

/* Whether @r has a touchpoint dated in the week that starts on @monday. */
static gboolean
met_in_week (BtRelationship *r,
             const GDate    *monday)
{
  GListModel *touchpoints = bt_relationship_get_touchpoints (r);
  GDate sunday = *monday;

  g_date_add_days (&sunday, 6);
  for (guint i = 0; i < g_list_model_get_n_items (touchpoints); i++)
    {
      g_autoptr(BtTouchpoint) t = g_list_model_get_item (touchpoints, i);
      const GDate *date = bt_touchpoint_get_date (t);

      if (date != NULL && g_date_valid (date) &&
          g_date_compare (date, monday) >= 0 && g_date_compare (date, &sunday) <= 0)
        return TRUE;
    }

  return FALSE;
}

static void
draft_monday (BtWeeklyDraft *draft,
              GDate         *monday)
{
  g_autoptr(BtWeek) week = bt_week_new (draft->iso_year, draft->week);

  *monday = *bt_week_get_monday (week);
}

BtWeeklyDraft *
bt_weekly_draft_new (BtPlan      *plan,
                     const GDate *today)
{
  BtWeeklyDraft *draft = g_new0 (BtWeeklyDraft, 1);
  GListModel *weeks = bt_plan_get_weeks (plan);
  g_autofree char *week_text = NULL;
  BtWeek *source = NULL;
  BtCheckIn *existing;

  g_return_val_if_fail (BT_IS_PLAN (plan), NULL);

  bt_iso_week_of_date (today, &draft->iso_year, &draft->week);
  week_text = bt_iso_week_format (draft->iso_year, draft->week);
  draft->hours = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  draft->touched = g_ptr_array_new_with_free_func (g_object_unref);
  draft->met = g_ptr_array_new_with_free_func (g_object_unref);
  draft->question = bt_weekly_question (draft->week);

  /* This week's hours, else those of the last week before it. */
  source = bt_plan_find_week (plan, draft->iso_year, draft->week);
  if (source != NULL)
    draft->prefill = BT_WEEKLY_PREFILL_THIS_WEEK;
  else
    for (guint i = g_list_model_get_n_items (weeks); i > 0 && source == NULL; i--)
      {
        g_autoptr(BtWeek) w = g_list_model_get_item (weeks, i - 1);

        if (g_date_compare (bt_week_get_monday (w), today) <= 0 && bt_week_get_total_hours (w) > 0)
          {
            source = w;
            draft->prefill = BT_WEEKLY_PREFILL_EARLIER_WEEK;
          }
      }
  if (source != NULL)
    draft->prefill_week = g_strdup (bt_week_get_week (source));

  /* Who was already logged in the week: ticking them again would log them twice. */
  {
    GListModel *relationships = bt_plan_get_relationships (plan);
    GDate monday;

    draft_monday (draft, &monday);
    for (guint i = 0; i < g_list_model_get_n_items (relationships); i++)
      {
        g_autoptr(BtRelationship) r = g_list_model_get_item (relationships, i);

        if (met_in_week (r, &monday))
          g_ptr_array_add (draft->met, g_steal_pointer (&r));
      }
  }

  if (source != NULL)
    for (guint i = 0; i < bt_week_get_n_categories (source); i++)
      {
        double hours;
        const char *id = bt_week_get_category (source, i, &hours);

        g_hash_table_insert (draft->hours, g_strdup (id), g_memdup2 (&hours, sizeof hours));
      }

  existing = find_check_in (plan, week_text);
  if (existing != NULL)
    {
      if (*bt_check_in_get_question (existing))
        draft->question = g_intern_string (bt_check_in_get_question (existing));
      draft->answer = g_strdup (bt_check_in_get_answer (existing));
      for (guint i = 0; i < 4; i++)
        g_object_get (existing, ratings_properties[i], &draft->ratings[i], NULL);
    }

  return draft;
}

void
bt_weekly_draft_free (BtWeeklyDraft *draft)
{
  if (draft == NULL)
    return;

  g_clear_pointer (&draft->hours, g_hash_table_unref);
  g_clear_pointer (&draft->touched, g_ptr_array_unref);
  g_clear_pointer (&draft->met, g_ptr_array_unref);
  g_free (draft->prefill_week);
  g_free (draft->answer);
  g_free (draft);
}

double
bt_weekly_draft_total (BtWeeklyDraft *draft)
{
  GHashTableIter iter;
  gpointer value;
  double total = 0;

  g_hash_table_iter_init (&iter, draft->hours);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    total += *(double *) value;

  return total;
}

static void
set_value (BtHistory  *history,
           gpointer    object,
           const char *property,
           GType       type,
           gconstpointer data)
{
  g_auto(GValue) value = G_VALUE_INIT;

  g_value_init (&value, type);
  if (type == G_TYPE_STRING)
    g_value_set_string (&value, data);
  else if (type == G_TYPE_INT)
    g_value_set_int (&value, *(const int *) data);
  else if (type == G_TYPE_DATE)
    g_value_set_boxed (&value, data);
  bt_history_set (history, object, property, &value);
}

/* Whether the draft holds a reflection or rates a warning sign. */
static gboolean
draft_reflects (const BtWeeklyDraft *draft)
{
  for (guint i = 0; i < 4; i++)
    if (draft->ratings[i] > 0)
      return TRUE;

  return draft->answer != NULL && draft->answer[strspn (draft->answer, " \t\r\n")] != '\0';
}

/**
 * bt_weekly_apply:
 *
 * Records the week's hours, the check-in and a touchpoint dated @today with
 * each person touched, as one step of @history. A person who already has a
 * touchpoint in the week gets no second one.
 *
 * Returns: %FALSE, with nothing changed, if the hours are not a week's
 */
gboolean
bt_weekly_apply (BtPlan         *plan,
                 BtHistory      *history,
                 BtWeeklyDraft  *draft,
                 const GDate    *today,
                 GError        **error)
{
  g_autofree char *week_text = bt_iso_week_format (draft->iso_year, draft->week);
  GHashTableIter iter;
  gpointer key, value;
  BtCheckIn *check_in;
  GDate monday;

  g_return_val_if_fail (BT_IS_PLAN (plan), FALSE);
  g_return_val_if_fail (BT_IS_HISTORY (history), FALSE);

  g_hash_table_iter_init (&iter, draft->hours);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      double hours = *(double *) value;

      if (!isfinite (hours) || hours < 0 || hours > BT_WEEK_MAX_HOURS)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                       _("Hours must be between 0 and 168"));
          return FALSE;
        }
    }
  if (bt_weekly_draft_total (draft) > BT_WEEK_MAX_HOURS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The hours add up to more than the 168 hours of a week"));
      return FALSE;
    }

  bt_history_begin (history, _("Weekly check-in"));

  /* A check-in states the whole week: categories not in the draft keep nothing. */
  bt_history_set_week (history, plan, draft->iso_year, draft->week, draft->hours);

  /* The week's reflection and warning signs: a week given only its hours
   * (a past week recorded, say) gets no check-in of nothing; one that has a
   * check-in keeps it, changed as the draft says. */
  check_in = find_check_in (plan, week_text);
  if (check_in == NULL && draft_reflects (draft))
    {
      g_autoptr(BtCheckIn) created = bt_check_in_new ();

      bt_check_in_set_week (created, week_text);
      bt_history_append (history, BT_ITEM (plan), bt_plan_get_check_ins (plan), BT_ITEM (created));
      check_in = created;
    }
  if (check_in != NULL)
    {
      set_value (history, check_in, "question", G_TYPE_STRING, draft->question);
      set_value (history, check_in, "answer", G_TYPE_STRING, draft->answer ? draft->answer : "");
      for (guint i = 0; i < 4; i++)
        set_value (history, check_in, ratings_properties[i], G_TYPE_INT, &draft->ratings[i]);
    }

  draft_monday (draft, &monday);
  for (guint i = 0; i < draft->touched->len; i++)
    {
      BtRelationship *r = g_ptr_array_index (draft->touched, i);
      g_autoptr(BtTouchpoint) touchpoint = NULL;

      if (met_in_week (r, &monday))
        continue;

      touchpoint = bt_touchpoint_new ();
      bt_touchpoint_set_date (touchpoint, today);
      bt_touchpoint_set_note (touchpoint, _("Weekly check-in"));
      bt_history_append (history, BT_ITEM (r), bt_relationship_get_touchpoints (r), BT_ITEM (touchpoint));
    }

  bt_history_end (history);

  return TRUE;
}

/**
 * bt_weekly_week_date:
 * @sunday_starts: whether the user's week starts on Sunday
 * @date: (out): a day of the week a check-in made @today is for
 *
 * ISO weeks start on Monday. For someone whose week starts on Sunday, a
 * check-in made on a Sunday is for the week that begins that day: the ISO
 * week of the Monday after.
 */
void
bt_weekly_week_date (const GDate *today,
                     gboolean     sunday_starts,
                     GDate       *date)
{
  *date = *today;
  if (sunday_starts && g_date_get_weekday (today) == G_DATE_SUNDAY)
    g_date_add_days (date, 1);
}
