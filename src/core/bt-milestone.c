/* bt-milestone.c — A dated step on the roadmap with a status.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* What the plan file holds of a milestone, in its order. */
#define MILESTONE_FIELDS(TEXT, DATE, INT, NUMBER, ENUM, OWN) \
  TEXT (title, N_("Title"), BT_FIELD_REQUIRED) \
  DATE (date, N_("Date"), 0) \
  TEXT (phase, N_("Phase"), BT_FIELD_PHASE_REF) \
  ENUM (status, N_("Status"), 0, BtMilestoneStatus, bt_milestone_status_get_type, BT_MILESTONE_PLANNED) \
  TEXT (notes, N_("Notes"), BT_FIELD_LONG_TEXT) \
  DATE (original_date, N_("First planned for"), 0)

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

#define BT_ITEM_SELF BtMilestone, bt_milestone
BT_DEFINE_ITEM (MILESTONE_FIELDS, N_("Milestone"), TRUE)
