/* bt-analytics-people.c — where each relationship stands, and how many are late
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-analytics"

#include "config.h"

#include <math.h>
#include <string.h>
#include <time.h>

#include <glib/gi18n-lib.h>

#include "bt-analytics-private.h"


/* A touchpoint dated after today is a meeting planned, not contact made:
 * where a relationship stands counts from the last touchpoint on or before
 * today, and the first one after it is the next meeting. */

#define NO_DAY 0u             /* no touchpoint on or before the day */
#define NO_DAY_AFTER G_MAXUINT32

/* The Julian days of the last touchpoint with @relationship on or before
 * @day and of the first after it. The relationship keeps the date of its
 * latest touchpoint: only someone with a meeting planned is walked. */
static void
touchpoints_around (BtRelationship *relationship,
                    guint32         day,
                    guint32        *last,
                    guint32        *next)
{
  GListModel *touchpoints;
  GDate latest;
  guint n;

  *last = NO_DAY;
  *next = NO_DAY_AFTER;
  if (!bt_relationship_get_last_touchpoint (relationship, &latest))
    return;
  if (g_date_get_julian (&latest) <= day)
    {
      *last = g_date_get_julian (&latest);
      return;
    }

  touchpoints = bt_relationship_get_touchpoints (relationship);
  n = g_list_model_get_n_items (touchpoints);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(BtTouchpoint) touchpoint = g_list_model_get_item (touchpoints, i);
      const GDate *date = bt_touchpoint_get_date (touchpoint);
      guint32 julian;

      if (date == NULL || !g_date_valid (date))
        continue;
      julian = g_date_get_julian (date);
      if (julian <= day)
        *last = MAX (*last, julian);
      else
        *next = MIN (*next, julian);
    }
}

/**
 * bt_analytics_last_touchpoint:
 * @last: (out): the date of the last touchpoint on or before @today
 *
 * Returns: whether there is a touchpoint on or before @today; one after it
 *   is planned (see bt_analytics_next_meeting())
 */
gboolean
bt_analytics_last_touchpoint (BtRelationship *relationship,
                              const GDate    *today,
                              GDate          *last)
{
  guint32 before, after;

  g_return_val_if_fail (BT_IS_RELATIONSHIP (relationship), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (last != NULL, FALSE);

  g_date_clear (last, 1);
  touchpoints_around (relationship, g_date_get_julian (today), &before, &after);
  if (before == NO_DAY)
    return FALSE;
  g_date_set_julian (last, before);

  return TRUE;
}

/**
 * bt_analytics_next_meeting:
 * @next: (out): the date of the first touchpoint after @today
 *
 * Returns: whether a touchpoint is planned after @today
 */
gboolean
bt_analytics_next_meeting (BtRelationship *relationship,
                           const GDate    *today,
                           GDate          *next)
{
  guint32 before, after;

  g_return_val_if_fail (BT_IS_RELATIONSHIP (relationship), FALSE);
  g_return_val_if_fail (today != NULL && g_date_valid (today), FALSE);
  g_return_val_if_fail (next != NULL, FALSE);

  g_date_clear (next, 1);
  touchpoints_around (relationship, g_date_get_julian (today), &before, &after);
  if (after == NO_DAY_AFTER)
    return FALSE;
  g_date_set_julian (next, after);

  return TRUE;
}

/* The Julian day the next touchpoint with @relationship is due on @day:
 * the last one's on or before it, plus the cadence. Someone never touched
 * is not yet in touch, not overdue: the plan does not know since when they
 * are in it, and a person just added must not show as late. NEVER_DUE
 * sorts them after every date. Someone with a meeting planned on or before
 * the day it is due is in touch: PLANNED sorts them after every date too,
 * and before NEVER_DUE. */
#define NEVER_DUE G_MAXUINT32
#define PLANNED (G_MAXUINT32 - 1)

static guint32
due_on (BtRelationship *relationship,
        guint32         day,
        guint32        *last,
        guint32        *next)
{
  guint32 due;

  touchpoints_around (relationship, day, last, next);
  if (*last == NO_DAY)
    return NEVER_DUE;

  due = *last + (guint32) bt_relationship_get_cadence_days (relationship);
  if (*next <= due)
    return PLANNED;

  return due;
}

/**
 * bt_analytics_relationship_state:
 * @next_due: (out) (optional): when the next touchpoint is due; left
 *   invalid for someone never touched
 *
 * Counts from the last touchpoint on or before @today; one after it is a
 * meeting planned. Overdue when that touchpoint plus the cadence is before
 * @today; due soon within 7 days; fine when a meeting is planned on or
 * before the day the next touchpoint is due, whenever that is. Someone with
 * no touchpoint yet is not overdue (the plan does not know when they were
 * added), nor in touch: %BT_RELATIONSHIP_NOT_YET, with @next_due left
 * invalid, which callers show as "no touchpoint yet" / "not yet in touch".
 */
BtRelationshipState
bt_analytics_relationship_state (BtRelationship *relationship,
                                 const GDate    *today,
                                 GDate          *next_due)
{
  guint32 last, next, due;
  gint64 days;

  g_return_val_if_fail (BT_IS_RELATIONSHIP (relationship), BT_RELATIONSHIP_NOT_YET);
  g_return_val_if_fail (today != NULL && g_date_valid (today), BT_RELATIONSHIP_NOT_YET);

  due = due_on (relationship, g_date_get_julian (today), &last, &next);

  if (next_due != NULL)
    g_date_clear (next_due, 1);

  if (due == NEVER_DUE)
    return BT_RELATIONSHIP_NOT_YET;

  if (next_due != NULL)
    g_date_set_julian (next_due, last + (guint32) bt_relationship_get_cadence_days (relationship));
  if (due == PLANNED)
    return BT_RELATIONSHIP_FINE;

  days = (gint64) due - g_date_get_julian (today);
  if (days < 0)
    return BT_RELATIONSHIP_OVERDUE;
  if (days <= BT_DUE_SOON_DAYS)
    return BT_RELATIONSHIP_DUE_SOON;

  return BT_RELATIONSHIP_FINE;
}

/**
 * bt_analytics_days_overdue:
 *
 * Returns: by how many days the touchpoint with @relationship is overdue on
 *   @today (1 the day after it was due), 0 when it is not overdue
 */
guint
bt_analytics_days_overdue (BtRelationship *relationship,
                           const GDate    *today)
{
  guint32 due, last, next;

  g_return_val_if_fail (BT_IS_RELATIONSHIP (relationship), 0);
  g_return_val_if_fail (today != NULL && g_date_valid (today), 0);

  due = due_on (relationship, g_date_get_julian (today), &last, &next);
  if (due >= PLANNED || due >= g_date_get_julian (today))
    return 0;

  return g_date_get_julian (today) - due;
}

/* What the counts hold of one relationship, to take it back out when it
 * changes. */
typedef struct
{
  guint32 due;
  guint8  function;
  guint8  strong;
} Facts;

/* @r's facts on the day the counts were worked out for; what days they
 * hold for narrows to those with the same touchpoints on or before them. */
static Facts
relationship_facts (BtRelationship *r,
                    Derived        *d)
{
  guint32 last, next;
  Facts facts = {
    due_on (r, d->relationships_day, &last, &next),
    (guint8) bt_relationship_get_function (r),
    bt_relationship_get_strength (r) >= BT_STRONG_STRENGTH,
  };

  d->valid_from = MAX (d->valid_from, last);
  d->valid_until = MIN (d->valid_until, next);

  return facts;
}

/* The relationships' due days on @day and strong ties, in one walk. */
static void
derive_relationships (BtPlan  *plan,
                      Derived *d,
                      guint32  day)
{
  guint n;
  BtRelationship *const *relationships = bt_plan_peek_relationships (plan, &n);

  g_clear_pointer (&d->due_days, g_array_unref);
  g_clear_pointer (&d->facts, g_array_unref);
  g_clear_pointer (&d->fact_index, g_hash_table_unref);   /* made when first needed */
  d->due_days = g_array_sized_new (FALSE, FALSE, sizeof (guint32), n);
  d->facts = g_array_sized_new (FALSE, FALSE, sizeof (Facts), n);
  g_array_set_size (d->due_days, n);
  g_array_set_size (d->facts, n);
  memset (d->strong, 0, sizeof d->strong);
  d->relationships_day = day;
  d->valid_from = NO_DAY;
  d->valid_until = NO_DAY_AFTER;
  for (guint i = 0; i < n; i++)
    {
      Facts *facts = &g_array_index (d->facts, Facts, i);

      prefetch_ahead ((gconstpointer const *) relationships, i, n, RELATIONSHIP_BYTES_READ);
      *facts = relationship_facts (relationships[i], d);
      g_array_index (d->due_days, guint32, i) = facts->due;
      d->strong[facts->function] += facts->strong;
    }
  bt_analytics_sort_days (d->due_days);
}

/* Brings the relationships' part up to date by the relationships that
 * changed one by one (a touchpoint logged); FALSE when it must be worked
 * out again. */
static gboolean
patch_relationships (BtPlan  *plan,
                     Derived *d)
{
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (BtPlanChange));

  if (!bt_plan_get_changes (plan, BT_PLAN_PART_RELATIONSHIPS, d->relationships_generation, changes))
    return FALSE;

  /* No relationship came or went since the facts were worked out (that
   * is a change to the part as a whole), so they are in the list's order. */
  if (d->fact_index == NULL)
    {
      guint n;
      BtRelationship *const *relationships = bt_plan_peek_relationships (plan, &n);

      if (n != d->facts->len)
        return FALSE;
      d->fact_index = g_hash_table_new (NULL, NULL);
      for (guint i = 0; i < n; i++)
        g_hash_table_insert (d->fact_index, relationships[i], GUINT_TO_POINTER (i + 1));
    }

  for (guint c = 0; c < changes->len; c++)
    {
      BtRelationship *r = BT_RELATIONSHIP (g_array_index (changes, BtPlanChange, c).item);
      guint index = GPOINTER_TO_UINT (g_hash_table_lookup (d->fact_index, r));
      Facts now = relationship_facts (r, d), *was;

      if (index == 0)
        return FALSE;
      was = &g_array_index (d->facts, Facts, index - 1);

      if (now.due != was->due)
        {
          /* out of the sorted days, and back in where it now belongs */
          g_array_remove_index (d->due_days, bt_analytics_count_before (d->due_days, was->due));
          g_array_insert_val (d->due_days, bt_analytics_count_before (d->due_days, now.due), now.due);
        }
      d->strong[was->function] -= was->strong;
      d->strong[now.function] += now.strong;
      *was = now;
    }

  return TRUE;
}

/* The plan's derived data with the relationships' part up to date on
 * @today; %NULL for any day (the strong ties do not depend on it). The
 * due days hold as long as no touchpoint lies between the day they were
 * worked out for and @today: a day passing a planned meeting works them
 * out again. */
static Derived *
relationships_for (BtPlan      *plan,
                   const GDate *today)
{
  Derived *d = bt_analytics_derived_for (plan);
  guint32 day;

  if (today != NULL)
    day = g_date_get_julian (today);
  else if (d->due_days != NULL)
    day = d->relationships_day;
  else
    {
      GDate now;

      g_date_clear (&now, 1);
      g_date_set_time_t (&now, time (NULL));
      day = g_date_get_julian (&now);
    }

  if (d->due_days != NULL &&
      !bt_analytics_part_unchanged (plan, BT_PLAN_PART_RELATIONSHIPS, d->relationships_generation) &&
      !patch_relationships (plan, d))
    g_clear_pointer (&d->due_days, g_array_unref);
  /* a patch may have narrowed the days they hold for */
  if (d->due_days == NULL || day < d->valid_from || day >= d->valid_until)
    derive_relationships (plan, d, day);
  d->relationships_generation = bt_plan_get_generation (plan);

  return d;
}

/**
 * bt_analytics_weak_functions:
 *
 * Returns: a mask of `1 << BtFunction` for each function (other than
 *   "other") without a relationship of strength 3 or more
 */
guint
bt_analytics_weak_functions (BtPlan *plan)
{
  guint weak = 0;
  Derived *d;

  g_return_val_if_fail (BT_IS_PLAN (plan), 0);

  d = relationships_for (plan, NULL);
  for (guint f = 0; f < BT_FUNCTION_OTHER; f++)
    if (d->strong[f] == 0)
      weak |= 1u << f;

  return weak;
}

/**
 * bt_analytics_count_relationships:
 * @counts: (out) (array fixed-size=4): how many relationships are in each
 *   #BtRelationshipState on @today, as bt_analytics_relationship_state()
 *   would say one by one
 */
void
bt_analytics_count_relationships (BtPlan      *plan,
                                  const GDate *today,
                                  guint        counts[BT_N_RELATIONSHIP_STATES])
{
  guint32 day, before, soon, never;
  Derived *d;

  g_return_if_fail (BT_IS_PLAN (plan));
  g_return_if_fail (today != NULL && g_date_valid (today));

  d = relationships_for (plan, today);

  day = g_date_get_julian (today);
  before = bt_analytics_count_before (d->due_days, day);
  soon = bt_analytics_count_before (d->due_days, day + BT_DUE_SOON_DAYS + 1) - before;

  /* never touched: sorted after every day, so neither overdue nor soon */
  never = d->due_days->len - bt_analytics_count_before (d->due_days, NEVER_DUE);

  counts[BT_RELATIONSHIP_OVERDUE] = before;
  counts[BT_RELATIONSHIP_DUE_SOON] = soon;
  counts[BT_RELATIONSHIP_NOT_YET] = never;
  counts[BT_RELATIONSHIP_FINE] = d->due_days->len - before - soon - never;
}
