/* bt-milestone.c — A dated step on the roadmap with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "bt-milestone"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "bt-milestone.h"
#include "bt-item-define-private.h"

struct _BtMilestone
{
  BtItem parent_instance;

  char *title;
  GDate date;
  char *phase;
  BtMilestoneStatus status;
  char *notes;
  GDate original_date;
};

G_DEFINE_FINAL_TYPE (BtMilestone, bt_milestone, BT_TYPE_ITEM)

enum {
  PROP_0,
  PROP_TITLE,
  PROP_DATE,
  PROP_PHASE,
  PROP_STATUS,
  PROP_NOTES,
  PROP_ORIGINAL_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

BtMilestone *
bt_milestone_new (void)
{
  return g_object_new (BT_TYPE_MILESTONE, NULL);
}

/* What the plan file holds of a milestone, in its order. */
static const BtField fields[] = {
  { "title", .label = N_("Title"), .flags = BT_FIELD_REQUIRED,
    .set = G_CALLBACK (bt_milestone_set_title),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, title) },
  { "date", .label = N_("Date"), .set = G_CALLBACK (bt_milestone_set_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtMilestone, date) },
  { "phase", .label = N_("Phase"), .flags = BT_FIELD_PHASE_REF,
    .set = G_CALLBACK (bt_milestone_set_phase),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, phase) },
  { "status", .label = N_("Status"), .set = G_CALLBACK (bt_milestone_set_status),
    .type = BT_FIELD_ENUM, .enum_type = bt_milestone_status_get_type, .default_value = BT_MILESTONE_PLANNED,
    .offset = G_STRUCT_OFFSET (BtMilestone, status) },
  { "notes", .label = N_("Notes"), .flags = BT_FIELD_LONG_TEXT,
    .set = G_CALLBACK (bt_milestone_set_notes),
    .type = BT_FIELD_TEXT, .offset = G_STRUCT_OFFSET (BtMilestone, notes) },
  { "original_date", .label = N_("First planned for"),
    .set = G_CALLBACK (bt_milestone_set_original_date),
    .type = BT_FIELD_DATE, .offset = G_STRUCT_OFFSET (BtMilestone, original_date) },
};

BT_DEFINE_ITEM_CLASS (BtMilestone, bt_milestone, N_("Milestone"), TRUE)

BT_DEFINE_TEXT_ACCESSORS (BtMilestone, bt_milestone, title, PROP_TITLE)
BT_DEFINE_DATE_ACCESSORS (BtMilestone, bt_milestone, date, PROP_DATE)
BT_DEFINE_TEXT_ACCESSORS (BtMilestone, bt_milestone, phase, PROP_PHASE)
BT_DEFINE_ENUM_ACCESSORS (BtMilestone, bt_milestone, BtMilestoneStatus, status, PROP_STATUS)
BT_DEFINE_TEXT_ACCESSORS (BtMilestone, bt_milestone, notes, PROP_NOTES)
BT_DEFINE_DATE_ACCESSORS (BtMilestone, bt_milestone, original_date, PROP_ORIGINAL_DATE)
