/* bt-analytics-private.h — what the analytics' files share
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-analytics.h"

G_BEGIN_DECLS

/* Walking every week or relationship of a large plan waits on memory, one
 * object after another: each is asked for some objects ahead, so that
 * their reads overlap. What is read of each lies in its first bytes (see
 * the order of the fields of BtWeek and BtRelationship); a week's, with
 * ten categories of hours, in 208 of them. */
#define PREFETCH_AHEAD 16
#define WEEK_BYTES_READ 208
#define RELATIONSHIP_BYTES_READ 48
#define MILESTONE_BYTES_READ 64

static inline void
prefetch_object (gconstpointer object,
                 gsize         bytes)
{
#if defined(__GNUC__)
  guintptr line = (guintptr) object & ~(guintptr) 63;

  for (; line < (guintptr) object + bytes; line += 64)
    __builtin_prefetch ((gconstpointer) line);
#else
  (void) object;
  (void) bytes;
#endif
}

/* For a walk at the @i-th of @n @items. */
static inline void
prefetch_ahead (gconstpointer const *items,
                guint                i,
                guint                n,
                gsize                bytes)
{
  if (i + PREFETCH_AHEAD < n)
    prefetch_object (items[i + PREFETCH_AHEAD], bytes);
}

/* What the analytics keep of a plan, each part worked out when first asked
 * for and kept until what it depends on changes (see
 * bt_plan_get_part_generation()): the week shares, and for the counts the
 * one day that matters of each relationship and open milestone, sorted, so
 * that a count is a binary search over a few kilobytes instead of a walk
 * through thousands of objects. A change to single weeks, the weekly
 * check-in's, patches the shares instead of walking every week again. */
typedef struct
{
  GArray  *shares;           /* of BtWeekShare */
  guint64  shares_generation;
  GArray  *due_days;         /* guint32: the Julian day each relationship's next
                              * touchpoint is due on relationships_day, NEVER_DUE for
                              * never touched, PLANNED for a meeting planned by then; sorted */
  guint    strong[BT_N_FUNCTIONS];   /* relationships of strength 3 or more, per
                                      * function: worked out with due_days */
  GArray  *facts;            /* of Facts: what the above hold of each relationship */
  GHashTable *fact_index;    /* BtRelationship (not a reference) → index + 1;
                              * made when a relationship first changes */
  guint64  relationships_generation;
  guint32  relationships_day;  /* the Julian day due_days are for... */
  guint32  valid_from;         /* ...and hold for any day from this one... */
  guint32  valid_until;        /* ...to the day before this one */
  GArray  *milestone_days;   /* guint32: the Julian day of each open milestone
                              * with a date; sorted */
  guint64  milestones_generation;
} Derived;

Derived  *bt_analytics_derived_for     (BtPlan     *plan);
gboolean  bt_analytics_part_unchanged  (BtPlan     *plan,
                                        BtPlanPart  part,
                                        guint64     generation);
void      bt_analytics_sort_days       (GArray     *days);
guint     bt_analytics_count_before    (GArray     *days,
                                        guint32     day);

G_END_DECLS
