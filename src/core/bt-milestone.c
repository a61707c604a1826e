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

#define BT_ITEM_SELF BtMilestone, bt_milestone
BT_DEFINE_ITEM (BT_MILESTONE_FIELDS, N_("Milestone"), TRUE)
