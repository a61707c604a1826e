/* bt-analytics.h — what the numbers of a plan say
 *
 * Pure functions: each takes "today" where the answer depends on it, so the
 * same plan and day always give the same answer.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-date.h"
#include "bt-plan.h"

G_BEGIN_DECLS

#define BT_ROLLING_WEEKS      4
#define BT_TREND_WEEKS        13
/* A trend (and a projection from it) needs this many whole weeks with hours
 * in its window: fewer say too little to be credible. */
#define BT_TREND_MIN_WEEKS    4
#define BT_DUE_SOON_DAYS      7
#define BT_STRONG_STRENGTH    3
#define BT_DAYS_PER_MONTH     30.436875
/* A week with fewer hours than this share of the weekly budget is partial. */
#define BT_PARTIAL_WEEK_FRACTION 0.5

typedef struct
{
  guint  serial;      /* see bt_week_get_serial() */
  GDate  monday;
  double tactical;
  double strategic;
  double total;
  double share;       /* strategic ÷ total, NAN when no hours */
  double rolling;     /* the same over the last 4 calendar weeks, NAN when none */
} BtWeekShare;

/* The weeks the share of the last four weeks covers: they end at the last
 * week with hours, which may be long gone. */
typedef struct
{
  gboolean stale;        /* the last week with hours began before last week */
  int      first_year;   /* the first of the BT_ROLLING_WEEKS weeks */
  int      first_week;
  int      last_year;    /* the last week with hours */
  int      last_week;
  GDate    last_monday;  /* its Monday; invalid when there are no hours */
} BtWeeksCovered;

typedef struct
{
  gboolean valid;
  GDate    start;
  double   start_share;
  GDate    end;
  double   end_share;
} BtTrajectory;

typedef struct
{
  gboolean valid;       /* a line could be fitted */
  gboolean enough;      /* ...through at least BT_TREND_MIN_WEEKS whole weeks */
  guint    n_points;
  guint    n_whole;     /* weeks with hours that are not partial */
  double   slope;       /* share points (percent) per month */
  double   current;     /* the fitted share at the last week, 0–1 */
  GDate    last;        /* the Monday of the last week used */
} BtTrend;

typedef enum
{
  BT_PROJECTION_UNKNOWN,   /* not enough data */
  BT_PROJECTION_REACHED,   /* already at or above the target */
  BT_PROJECTION_ON_DATE,   /* reached on the projected date */
  BT_PROJECTION_NEVER,     /* not at the current trend */
} BtProjection;

typedef enum
{
  BT_RELATIONSHIP_FINE,
  BT_RELATIONSHIP_DUE_SOON,
  BT_RELATIONSHIP_OVERDUE,
  BT_RELATIONSHIP_NOT_YET,   /* no touchpoint yet: neither late nor in touch */
  BT_N_RELATIONSHIP_STATES
} BtRelationshipState;

typedef struct
{
  double monthly_savings;
  double yearly_savings;
  double payback_months;   /* NAN when the ask has no cost or nothing is saved */
} BtCaseTotals;

/* The check-in's four warning signs, in its order: over-involvement in
 * details, operational reflex, not delegating real ownership, reaching for
 * technical certainty. Each is rated 1 (rarely) to 5 (all the time). */
#define BT_N_WARNING_SIGNS 4
#define BT_SIGN_WINDOW 4   /* check-ins compared at a time */

typedef struct
{
  guint   n_rated;                        /* check-ins that rate the sign */
  int     latest;                         /* the latest rating; 0 when none */
  char    latest_week[BT_ISO_WEEK_SIZE];  /* its week, YYYY-Www */
  guint   n_recent;                       /* the last ratings, at most BT_SIGN_WINDOW */
  double  recent;                         /* their mean */
  guint   n_before;                       /* the ones before those, at most BT_SIGN_WINDOW */
  double  before;                         /* their mean; NAN when none */
} BtSignTrend;

GArray              *bt_analytics_week_shares          (BtPlan             *plan);
const BtWeekShare   *bt_analytics_latest_share         (GArray             *shares,
                                                        const GDate        *today);
BtWeeksCovered       bt_analytics_weeks_covered        (const BtWeekShare  *latest,
                                                        const GDate        *today);
char                *bt_weeks_covered_span             (const BtWeeksCovered *covered);
char                *bt_weeks_covered_notice           (const BtWeeksCovered *covered);
BtTrajectory         bt_analytics_trajectory           (BtPlan             *plan,
                                                        GArray             *shares,
                                                        double              budget);
double               bt_trajectory_at                  (const BtTrajectory *trajectory,
                                                        const GDate        *date);
gboolean             bt_analytics_is_partial_week      (double              total_hours,
                                                        double              budget);
BtTrend              bt_analytics_trend                (GArray             *shares,
                                                        const GDate        *today,
                                                        guint               window_weeks,
                                                        double              budget);
char                *bt_analytics_trend_shortfall      (const BtTrend      *trend);
guint                bt_analytics_weeks_below          (GArray             *shares,
                                                        const BtTrajectory *trajectory,
                                                        const GDate        *today,
                                                        double              budget);
BtProjection         bt_analytics_projection           (const BtTrend      *trend,
                                                        double              target_share,
                                                        GDate              *date);
gboolean             bt_analytics_milestone_overdue    (BtMilestone        *milestone,
                                                        const GDate        *today);
gboolean             bt_analytics_milestone_slipped    (BtMilestone        *milestone);
GPtrArray           *bt_analytics_next_milestones      (BtPlan             *plan,
                                                        const GDate        *today);
gboolean             bt_analytics_last_touchpoint      (BtRelationship     *relationship,
                                                        const GDate        *today,
                                                        GDate              *date);
gboolean             bt_analytics_next_meeting         (BtRelationship     *relationship,
                                                        const GDate        *today,
                                                        GDate              *date);
BtRelationshipState  bt_analytics_relationship_state   (BtRelationship     *relationship,
                                                        const GDate        *today,
                                                        GDate              *next_due);
guint                bt_analytics_days_overdue         (BtRelationship     *relationship,
                                                        const GDate        *today);
guint                bt_analytics_weak_functions       (BtPlan             *plan);
void                 bt_analytics_count_relationships  (BtPlan             *plan,
                                                        const GDate        *today,
                                                        guint               counts[BT_N_RELATIONSHIP_STATES]);
guint                bt_analytics_count_overdue_milestones (BtPlan         *plan,
                                                        const GDate        *today);
BtCaseTotals         bt_analytics_case_totals          (BtBusinessCase     *business_case);
gboolean             bt_analytics_new_battlefield      (BtPlan             *plan,
                                                        const GDate        *today);
void                 bt_analytics_warning_signs        (BtPlan             *plan,
                                                        BtSignTrend         trends[BT_N_WARNING_SIGNS]);
const char          *bt_warning_sign_name              (guint               sign);
gboolean             bt_sign_trend_growing             (const BtSignTrend  *trend);
char                *bt_sign_trend_describe            (const BtSignTrend  *trend);

G_END_DECLS
