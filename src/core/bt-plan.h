/* bt-plan.h
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "bt-item.h"
#include "bt-enums.h"
#include "bt-profile.h"
#include "bt-phase.h"
#include "bt-milestone.h"
#include "bt-category.h"
#include "bt-week.h"
#include "bt-relationship.h"
#include "bt-narrative.h"
#include "bt-check-in.h"
#include "bt-import-rule.h"

G_BEGIN_DECLS

#define BT_TYPE_PLAN (bt_plan_get_type ())

G_DECLARE_FINAL_TYPE (BtPlan, bt_plan, BT, PLAN, BtItem)

BtPlan      *bt_plan_new                (void);
BtPlan      *bt_plan_new_default        (void);
void         bt_plan_add_default_categories (BtPlan     *self);
BtProfile   *bt_plan_get_profile        (BtPlan      *self);
GListModel  *bt_plan_get_phases         (BtPlan      *self);
GListModel  *bt_plan_get_milestones     (BtPlan      *self);
GListModel  *bt_plan_get_categories     (BtPlan      *self);
GListModel  *bt_plan_get_weeks          (BtPlan      *self);
GListModel  *bt_plan_get_relationships  (BtPlan      *self);
GListModel  *bt_plan_get_narratives     (BtPlan      *self);
GListModel  *bt_plan_get_check_ins      (BtPlan      *self);
GListModel  *bt_plan_get_import_rules   (BtPlan      *self);
BtWeek *const *bt_plan_peek_weeks       (BtPlan      *self,
                                         guint       *n_items);
BtRelationship *const *bt_plan_peek_relationships (BtPlan *self,
                                                   guint  *n_items);
BtMilestone *const *bt_plan_peek_milestones (BtPlan  *self,
                                             guint   *n_items);

gboolean     bt_plan_get_read_only      (BtPlan      *self);
void         bt_plan_set_read_only      (BtPlan      *self,
                                         gboolean     read_only);
gboolean     bt_plan_get_sample         (BtPlan      *self);
void         bt_plan_set_sample         (BtPlan      *self,
                                         gboolean     sample);
guint64      bt_plan_get_generation     (BtPlan      *self);

/* The parts of a plan whose derived data is kept, by what it depends on. */
typedef enum
{
  BT_PLAN_PART_WEEKS,
  BT_PLAN_PART_CATEGORIES,
  BT_PLAN_PART_RELATIONSHIPS,
  BT_PLAN_PART_MILESTONES,
  BT_PLAN_N_PARTS
} BtPlanPart;

/* One change the plan keeps track of (see bt_plan_get_changes()). */
typedef struct
{
  BtPlanPart  part;
  guint       serial;     /* the week that changed; G_MAXUINT for the list */
  BtItem     *item;       /* the relationship that changed */
  guint       position;   /* for the list of weeks: as items-changed says */
  guint       removed;
  guint       added;
} BtPlanChange;

/* How many changes of weeks and relationships a plan remembers. */
#define BT_PLAN_LOG 16

guint64      bt_plan_get_part_generation (BtPlan    *self,
                                         BtPlanPart  part);
gboolean     bt_plan_get_changes        (BtPlan      *self,
                                         BtPlanPart   part,
                                         guint64      since,
                                         GArray      *changes);
guint        bt_plan_count_business_cases (BtPlan    *self);
guint        bt_plan_get_file_version   (BtPlan      *self);
void         bt_plan_set_file_version   (BtPlan      *self,
                                         guint        version);

BtWeek      *bt_plan_find_week          (BtPlan      *self,
                                         int          iso_year,
                                         int          week);
BtWeek      *bt_plan_ensure_week        (BtPlan      *self,
                                         int          iso_year,
                                         int          week);
gboolean     bt_plan_add_week           (BtPlan      *self,
                                         BtWeek      *week);
guint        bt_plan_get_week_position  (BtPlan      *self,
                                         BtWeek      *week);
gpointer     bt_plan_find_by_id         (GListModel  *list,
                                         const char  *id);

G_END_DECLS
