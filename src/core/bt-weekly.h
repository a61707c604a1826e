/* bt-weekly.h — the weekly check-in, as plain data
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-history.h"

G_BEGIN_DECLS

/* Where a draft's hours come from. */
typedef enum
{
  BT_WEEKLY_PREFILL_NONE,         /* no week recorded before: all 0 */
  BT_WEEKLY_PREFILL_THIS_WEEK,    /* the week's own recorded hours */
  BT_WEEKLY_PREFILL_EARLIER_WEEK, /* the last week recorded before it */
} BtWeeklyPrefill;

typedef struct
{
  int         iso_year;
  int         week;
  GHashTable *hours;          /* category id → hours */
  const char *question;
  char       *answer;
  int         ratings[4];     /* over-involvement, operational reflex, not delegating,
                               * technical certainty: 1–5, 0 for not rated */
  GPtrArray  *touched;        /* of BtRelationship, in touch this week */
  GPtrArray  *met;            /* of BtRelationship, with a touchpoint in the week already */
  BtWeeklyPrefill prefill;
  char       *prefill_week;   /* the week the hours come from, "2026-W48", or NULL */
} BtWeeklyDraft;

BtWeeklyDraft *bt_weekly_draft_new   (BtPlan        *plan,
                                      const GDate   *today);
void           bt_weekly_draft_free  (BtWeeklyDraft *draft);
double         bt_weekly_draft_total (BtWeeklyDraft *draft);
const char    *bt_weekly_question    (int            week);
void           bt_weekly_week_date   (const GDate   *today,
                                      gboolean       sunday_starts,
                                      GDate         *date);
gboolean       bt_weekly_apply       (BtPlan        *plan,
                                      BtHistory     *history,
                                      BtWeeklyDraft *draft,
                                      const GDate   *today,
                                      GError       **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (BtWeeklyDraft, bt_weekly_draft_free)

G_END_DECLS
